/* test-text-scale.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "cg-text-scale.h"

/* What the main menu and the kiosk's menu show for the text size. */
static void
test_format (void)
{
  static const struct { double scale; const char *text; } cases[] = {
    { 1.0, "100%" }, { 0.8, "80%" }, { 1.25, "125%" }, { 2.5, "250%" }, { 1.1, "110%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cg_text_scale_format (cases[i].scale);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Ctrl+plus and Ctrl+minus walk the sizes offered, and stop at the ends. */
static void
test_step (void)
{
  g_assert_cmpfloat_with_epsilon (cg_text_scale_step (1.0, 1), 1.1, 0.001);
  g_assert_cmpfloat_with_epsilon (cg_text_scale_step (1.1, 1), 1.25, 0.001);
  g_assert_cmpfloat_with_epsilon (cg_text_scale_step (1.0, -1), 0.9, 0.001);
  g_assert_cmpfloat_with_epsilon (cg_text_scale_step (2.5, 1), 2.5, 0.001);
  g_assert_cmpfloat_with_epsilon (cg_text_scale_step (0.8, -1), 0.8, 0.001);
  /* A size between two steps (a setting typed by hand) goes to the next. */
  g_assert_cmpfloat_with_epsilon (cg_text_scale_step (1.2, 1), 1.25, 0.001);
  g_assert_cmpfloat_with_epsilon (cg_text_scale_step (1.2, -1), 1.1, 0.001);
  g_assert_cmpfloat_with_epsilon (cg_text_scale_step (1.75, 0), 1.0, 0.001);
}

/* The menu's buttons are greyed out where a step would change nothing. */
static void
test_can_step (void)
{
  g_assert_true (cg_text_scale_can_step (1.0, 1));
  g_assert_true (cg_text_scale_can_step (1.0, -1));
  g_assert_false (cg_text_scale_can_step (1.0, 0));
  g_assert_false (cg_text_scale_can_step (2.5, 1));
  g_assert_true (cg_text_scale_can_step (2.5, 0));
  g_assert_false (cg_text_scale_can_step (0.8, -1));
}

static void
test_clamp (void)
{
  g_assert_cmpfloat_with_epsilon (cg_text_scale_clamp (0.5), 0.8, 0.001);
  g_assert_cmpfloat_with_epsilon (cg_text_scale_clamp (3.0), 2.5, 0.001);
  g_assert_cmpfloat_with_epsilon (cg_text_scale_clamp (1.3), 1.3, 0.001);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-scale/format", test_format);
  g_test_add_func ("/text-scale/step", test_step);
  g_test_add_func ("/text-scale/can-step", test_can_step);
  g_test_add_func ("/text-scale/clamp", test_clamp);

  return g_test_run ();
}
