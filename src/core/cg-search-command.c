/* cg-search-command.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-content-loader.h"
#include "cg-content-path.h"
#include "cg-search-command.h"
#include "cg-search-index.h"

/**
 * cg_search_command_run:
 * @query: what to search for, in any encoding: invalid UTF-8 is repaired
 * @language: (nullable): the language of the content to search
 * @limit: the most results to print; 0 or less for
 *   %CG_SEARCH_COMMAND_DEFAULT_LIMIT
 *
 * `clinic-guide --search QUERY`: searches the bundled content with no
 * display, the same way the search entry does, and prints one result a
 * line, best first: `id<TAB>title<TAB>snippet`. A corrected spelling goes
 * to standard error as "Did you mean …?".
 *
 * Returns: the exit status: 0 when something was found, 1 when nothing
 *   was, 2 when the index could not be built
 */
int
cg_search_command_run (const char         *query,
                       const char         *language,
                       int                 limit,
                       const char * const *folders)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(CgSearchIndex) index = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *suggestion = NULL;
  guint n_results;

  /* The command line is bytes: a stray Latin-1 byte must not crash us. */
  text = g_utf8_make_valid (query ? query : "", -1);

  cg_content_path_setup_loader (loader, folders);
  cg_content_loader_set_language (loader, language);
  library = cg_content_loader_load (loader, NULL);

  index = cg_search_index_new_for_library (library, &error);
  if (index == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  results = cg_search_index_search (index, text, cg_library_get_language (library),
                                    limit > 0 ? (guint) limit : CG_SEARCH_COMMAND_DEFAULT_LIMIT,
                                    &suggestion, &error);
  if (results == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (suggestion != NULL)
    {
      /* Translators: %s is the search with its spelling corrected. */
      g_autofree char *line = g_strdup_printf (_("Did you mean “%s”?"), suggestion);

      g_printerr ("%s\n", line);
    }

  n_results = g_list_model_get_n_items (results);
  for (guint i = 0; i < n_results; i++)
    {
      g_autoptr(CgSearchResult) result = g_list_model_get_item (results, i);

      g_print ("%s\t%s\t%s\n",
               cg_search_result_get_id (result),
               cg_search_result_get_title (result),
               cg_search_result_get_snippet (result));
    }

  if (n_results == 0)
    {
      /* Silence would look like a crash or a hang to whoever typed it. */
      /* Translators: %s is what was searched for. */
      g_autofree char *line = g_strdup_printf (_("Nothing found for “%s”."), text);

      g_printerr ("%s\n", line);
      return 1;
    }

  return 0;
}
