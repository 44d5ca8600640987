/* test-countdown-overlay.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-countdown-overlay.h"
#include "cg-test-ui.h"

static void
test_countdown_overlay_remaining (void)
{
  g_autoptr(CgCountdownOverlay) overlay = CG_COUNTDOWN_OVERLAY (g_object_ref_sink (cg_countdown_overlay_new ()));
  guint *notified = cg_test_count_notify (overlay, "remaining");
  guint remaining = G_MAXUINT;

  g_object_get (overlay, "remaining", &remaining, NULL);
  g_assert_cmpuint (remaining, ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  cg_countdown_overlay_set_remaining (overlay, 0);
  g_assert_cmpuint (*notified, ==, 0);

  /* The number the waiting room sees, and the overlay over the page. */
  cg_countdown_overlay_set_remaining (overlay, 10);
  g_assert_cmpuint (cg_countdown_overlay_get_remaining (overlay), ==, 10);
  g_assert_cmpuint (*notified, ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_nonnull (cg_test_find_label (overlay, "10"));

  g_object_set (overlay, "remaining", 9, NULL);
  g_assert_cmpuint (cg_countdown_overlay_get_remaining (overlay), ==, 9);
  g_assert_cmpuint (*notified, ==, 2);
  g_assert_nonnull (cg_test_find_label (overlay, "9"));

  g_object_set (overlay, "remaining", 9, NULL);
  cg_countdown_overlay_set_remaining (overlay, 9);
  g_assert_cmpuint (*notified, ==, 2);

  cg_countdown_overlay_set_remaining (overlay, 0);
  g_assert_cmpuint (*notified, ==, 3);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/countdown-overlay/remaining", test_countdown_overlay_remaining);

  return g_test_run ();
}
