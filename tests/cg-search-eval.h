/* cg-search-eval.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How well search answers the labelled questions of one language, in
 * tests/data/search-eval/<lang>.tsv, over the bundled content. Shared by
 * the core test, which holds the figures to a floor, and `make bench`. */
typedef struct
{
  guint      n_questions;
  guint      n_first;     /* answered by the first result */
  double     mrr;         /* mean reciprocal rank; a miss in the first ten counts 0 */
  GPtrArray *misses;      /* of char *: "question → rank (first result)" */
} CgSearchEval;

gboolean  cg_search_eval_run    (const char    *eval_dir,
                                 const char    *language,
                                 CgSearchEval  *eval,
                                 GError       **error);
void      cg_search_eval_clear  (CgSearchEval  *eval);

G_END_DECLS
