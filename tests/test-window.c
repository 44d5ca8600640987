/* test-window.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-test-ui.h"
#include "cg-application.h"
#include "cg-window.h"

static void
test_window_opens_and_finalizes (void)
{
  g_autoptr(CgApplication) app = cg_application_new ();
  CgWindow *window;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = cg_window_new (app);
  g_object_ref_sink (window);

  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (GTK_WIDGET (window));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Clinic Guide");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/opens-and-finalizes", test_window_opens_and_finalizes);

  return g_test_run ();
}
