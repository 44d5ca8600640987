/* cg-test-big.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-library.h"

G_BEGIN_DECLS

/* Lists that scale (F10): the big content that tests/test-big-lists.c and
 * tests/bench/cg-bench-lists.c both open. */
#define CG_TEST_BIG_ARTICLES   500
#define CG_TEST_BIG_QUESTIONS  1500
#define CG_TEST_BIG_PROBLEMS   100000

typedef enum
{
  CG_TEST_BIG_SHORT,   /* "Article number 7": titles a test looks for */
  CG_TEST_BIG_WORDY,   /* titles and summaries of a real length, to time */
} CgTestBigText;

char      *cg_test_big_write_topic   (guint          n_articles,
                                      guint          n_questions,
                                      CgTestBigText  text);
CgLibrary *cg_test_big_load          (const char    *dir);
CgLibrary *cg_test_big_problems      (guint          n,
                                      CgTestBigText  text);
void       cg_test_big_remove_dir    (const char    *dir);
guint      cg_test_big_count_widgets (GtkWidget     *widget,
                                      GType          type);
void       cg_test_big_press_keys    (GtkWidget     *window,
                                      const char    *first_key,
                                      ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
