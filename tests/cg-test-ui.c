/* cg-test-ui.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-test-ui.h"

static void
frame_cb (GdkFrameClock *clock,
          gboolean      *drawn)
{
  *drawn = TRUE;
}

/**
 * cg_test_wait_for_frame:
 *
 * Returns once @widget's window has drawn a frame: right after
 * gtk_window_present() nothing is laid out or painted yet.
 */
void
cg_test_wait_for_frame (gpointer widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (widget));
  gboolean drawn = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_cb), &drawn);
  gtk_widget_queue_draw (GTK_WIDGET (widget));
  while (!drawn)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  /* An empty clipboard reads as "", so that the caller's comparison fails
   * with something to show rather than a crash. */
  if (*text == NULL)
    *text = g_strdup ("");
}

/**
 * cg_test_read_clipboard:
 *
 * Returns: (transfer full): the text on @widget's clipboard, "" if none
 */
char *
cg_test_read_clipboard (gpointer widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (widget)), NULL,
                                 clipboard_read_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);

  return text;
}
