/* cg-bench-corpus.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CG_BENCH_CORPUS_SEED 20261102

gboolean     cg_bench_corpus_write       (const char  *dir,
                                          guint        n_articles,
                                          guint64      seed,
                                          guint       *n_entries,
                                          GError     **error);
const char  *cg_bench_corpus_pseudo_word (guint        rank);

G_END_DECLS
