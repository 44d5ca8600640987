/* cg-test-content.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-content-loader.h"
#include "cg-test-content.h"

/**
 * cg_test_load_library:
 * @fixture: a folder of tests/data, such as "reading"
 *
 * Returns: (transfer full): the folder's content, which must have no
 *   problems
 */
CgLibrary *
cg_test_load_library (const char *fixture)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", fixture, NULL);
  CgLibrary *library;

  cg_content_loader_add_path (loader, dir, NULL);
  library = cg_content_loader_load (loader, NULL);
  g_assert_cmpuint (cg_library_get_problems (library)->len, ==, 0);

  return library;
}

/**
 * cg_test_describe_search:
 * @out: where to add the description
 *
 * Adds what a search of @query finds, and suggests, to @out: each
 * result's id, score, partial match and snippet, in order. Two indexes
 * answer alike when their descriptions are the same.
 */
void
cg_test_describe_search (GString       *out,
                         CgSearchIndex *index,
                         const char    *language,
                         const char    *query)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *suggestion = NULL;
  g_autoptr(GListModel) results = cg_search_index_search (index, query, language, 0, &suggestion, &error);

  g_assert_no_error (error);
  g_string_append_printf (out, "query %s (%s)\n", query, suggestion ? suggestion : "-");
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CgSearchResult) result = g_list_model_get_item (results, i);

      g_string_append_printf (out, "  %s %.12g %d %s\n", cg_search_result_get_id (result),
                              cg_search_result_get_score (result),
                              cg_search_result_get_partial (result),
                              cg_search_result_get_snippet (result));
    }
}
