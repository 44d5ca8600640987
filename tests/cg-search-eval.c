/* cg-search-eval.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-content-loader.h"
#include "cg-content-path.h"
#include "cg-search-eval.h"
#include "cg-search-index.h"
#include "cg-search-result.h"

#define EVAL_DEPTH 10   /* results looked at; an answer further down is a miss */

/* One question a line: the question, a tab, then the ids that answer it,
 * separated by spaces; any of them counts. '#' starts a comment line. */
gboolean
cg_search_eval_run (const char    *eval_dir,
                    const char    *language,
                    CgSearchEval  *eval,
                    GError       **error)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(CgSearchIndex) index = NULL;
  g_autofree char *name = g_strconcat (language, ".tsv", NULL);
  g_autofree char *path = g_build_filename (eval_dir, name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  double sum = 0.0;

  memset (eval, 0, sizeof *eval);
  eval->misses = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;

  cg_content_path_setup_loader (loader, NULL);
  cg_content_loader_set_language (loader, language);
  library = cg_content_loader_load (loader, NULL);
  index = cg_search_index_new_for_library (library, error);
  if (index == NULL)
    return FALSE;

  lines = g_strsplit (contents, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) answers = NULL;
      g_autoptr(GListModel) results = NULL;
      guint rank = 0, n_results;

      if (lines[l][0] == '\0' || lines[l][0] == '#')
        continue;

      fields = g_strsplit (lines[l], "\t", 2);
      if (fields[1] == NULL)
        continue;
      answers = g_strsplit (g_strstrip (fields[1]), " ", -1);

      results = cg_search_index_search (index, fields[0], language, EVAL_DEPTH, NULL, error);
      if (results == NULL)
        return FALSE;

      n_results = g_list_model_get_n_items (results);
      for (guint r = 0; r < n_results && rank == 0; r++)
        {
          g_autoptr(CgSearchResult) result = g_list_model_get_item (results, r);

          if (g_strv_contains ((const char * const *) answers, cg_search_result_get_id (result)))
            rank = r + 1;
        }

      eval->n_questions++;
      if (rank == 1)
        eval->n_first++;
      if (rank > 0)
        sum += 1.0 / rank;

      if (rank != 1)
        {
          g_autoptr(CgSearchResult) first = n_results > 0 ? g_list_model_get_item (results, 0) : NULL;

          g_ptr_array_add (eval->misses,
                           g_strdup_printf ("%s: “%s” → %s, rank %u (first: %s)", language, fields[0],
                                            fields[1], rank,
                                            first ? cg_search_result_get_id (first) : "nothing"));
        }
    }

  eval->mrr = eval->n_questions > 0 ? sum / eval->n_questions : 0.0;

  return TRUE;
}

void
cg_search_eval_clear (CgSearchEval *eval)
{
  g_clear_pointer (&eval->misses, g_ptr_array_unref);
}
