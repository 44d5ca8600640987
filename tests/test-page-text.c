/* test-page-text.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-page-text.h"

/* The app's own sentences around an article, on screen and on paper. */

static void
test_disclaimer (void)
{
  g_assert_cmpstr (cg_page_text_get_disclaimer (), ==,
                   "General information, not medical advice: ask your clinician about your own situation.");
}

static void
test_date (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 2, 9, 30, 0);
  g_autofree char *text = cg_page_text_format_date (when);

  /* No leading zero: "2 November", not "02 November". */
  g_assert_cmpstr (text, ==, "2 November 2026");
}

static void
test_review (void)
{
  g_autofree char *by = cg_page_text_format_review ("2026-11-01", "Test reviewer");
  g_autofree char *nobody = cg_page_text_format_review ("2026-11-01", NULL);
  g_autofree char *empty = cg_page_text_format_review ("2026-03-09", "");

  g_assert_cmpstr (by, ==, "Reviewed 1 November 2026 by Test reviewer");
  g_assert_cmpstr (nobody, ==, "Reviewed 1 November 2026");
  g_assert_cmpstr (empty, ==, "Reviewed 9 March 2026");
}

/* A page without a trustworthy date says nothing rather than a wrong one. */
static void
test_review_without_date (void)
{
  const char *dates[] = { NULL, "", "soon", "2026-11", "2026-02-30", "2026-13-01" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *text = cg_page_text_format_review (dates[i], "Test reviewer");

      g_test_message ("date %s", dates[i] ? dates[i] : "(none)");
      g_assert_null (text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page-text/disclaimer", test_disclaimer);
  g_test_add_func ("/page-text/date", test_date);
  g_test_add_func ("/page-text/review", test_review);
  g_test_add_func ("/page-text/review-without-date", test_review_without_date);

  return g_test_run ();
}
