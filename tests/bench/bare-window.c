/* bare-window.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The floor for the start-up benchmark: an empty AdwApplicationWindow with
 * a header bar, started and measured exactly as clinic-guide is (see
 * tests/bench/startup.sh): with CLINIC_GUIDE_BENCH_FIRST_FRAME set, it
 * prints the wall-clock time of its first frame and its resident memory,
 * and quits. */

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

static long
read_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmRSS:");

  return line != NULL ? strtol (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

static void
frame_clock_after_paint_cb (GdkFrameClock *clock,
                            GApplication  *app)
{
  g_print ("first_frame_unix_us %" G_GINT64_FORMAT "\n", g_get_real_time ());
  g_print ("rss_kb %ld\n", read_rss_kb ());

  g_signal_handlers_disconnect_by_func (clock, frame_clock_after_paint_cb, app);
  g_application_quit (app);
}

static void
app_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));

  if (g_getenv ("CLINIC_GUIDE_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                      G_CALLBACK (frame_clock_after_paint_cb), app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.clinicguide.BareWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (app_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
