/* cg-validate.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-content-loader.h"
#include "cg-content-path.h"
#include "cg-validate.h"

/* One problem, one line: a path with a newline, a control character or
 * bytes that are not UTF-8 is written with escapes (\n, \xff), so that
 * scripts and editors that read file:line: messages still can. */
static char *
escape_line (const char *line)
{
  GString *out = g_string_new (NULL);
  const char *p = line;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/**
 * cg_validate_run:
 * @paths: (nullable): content folders or files to check on top of the
 *   bundled content, lowest priority first
 * @language: (nullable): the language whose translated content to check
 *
 * `clinic-guide --validate`: every problem as file:line:column: message on
 * standard error, then a one-line summary on standard output.
 *
 * Returns: the exit status: 0 when the content is clean, 1 otherwise
 */
int
cg_validate_run (const char * const *paths,
                 const char         *language)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autoptr(CgLibrary) library = NULL;
  GListModel *items;
  GPtrArray *problems;
  guint n_articles = 0, n_entries = 0, n_topics;

  cg_content_path_setup_loader (loader, paths);
  cg_content_loader_set_language (loader, language);

  library = cg_content_loader_load (loader, NULL);
  problems = cg_library_get_problems (library);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = cg_problem_to_string (g_ptr_array_index (problems, i));
      g_autofree char *escaped = escape_line (line);

      g_printerr ("%s\n", escaped);
    }

  items = cg_library_get_items (library);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (items, i);

      if (CG_IS_ARTICLE (item))
        n_articles++;
      else
        n_entries++;
    }
  n_topics = g_list_model_get_n_items (cg_library_get_topics (library));

  {
    g_autofree char *articles = NULL;
    g_autofree char *entries = NULL;
    g_autofree char *topics = NULL;
    g_autofree char *found = NULL;

    articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n_articles), n_articles);
    entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", n_entries), n_entries);
    topics = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic", "%u topics", n_topics), n_topics);
    if (problems->len == 0)
      found = g_strdup (_("no problems"));
    else
      found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", problems->len),
                               problems->len);

    /* Translators: a summary such as "14 articles, 32 questions, 8 topics: no problems". */
    g_print (_("%s, %s, %s: %s\n"), articles, entries, topics, found);
  }

  return problems->len == 0 ? 0 : 1;
}
