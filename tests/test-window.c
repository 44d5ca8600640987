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

static CgApplication *app;

static void
test_window_opens_and_finalizes (void)
{
  CgWindow *window;

  window = cg_window_new (app);
  g_object_ref_sink (window);

  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (GTK_WIDGET (window));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Clinic Guide");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *n_frames)
{
  (*n_frames)++;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* A window with nothing moving draws nothing: a spinner left spinning on a
 * page that is not shown kept the window at 60 frames a second, which a
 * laptop's battery and a waiting-room PC's fan both notice. */
static void
test_window_at_rest_draws_nothing (void)
{
  CgWindow *window;
  GdkFrameClock *clock;
  gboolean done = FALSE;
  guint n_frames = 0;
  gulong handler;

  /* The only thing allowed to move: the text cursor's blink. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  window = cg_window_new (app);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (GTK_WIDGET (window));

  /* The content arrives and the window fills (F10); then it settles. */
  cg_application_get_library (app);
  g_timeout_add (1000, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &n_frames);
  done = FALSE;
  g_timeout_add (1000, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);

  g_assert_cmpuint (n_frames, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgApplication) application = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = application = cg_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/window/opens-and-finalizes", test_window_opens_and_finalizes);
  g_test_add_func ("/window/at-rest-draws-nothing", test_window_at_rest_draws_nothing);

  return g_test_run ();
}
