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

/**
 * cg_test_activate:
 * @action: such as "win.show-item"
 * @target: (nullable): its string parameter
 *
 * Activates @action from @widget, as a click or a shortcut would, and
 * returns once the window has drawn the result.
 */
void
cg_test_activate (gpointer    widget,
                  const char *action,
                  const char *target)
{
  if (target != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, "s", target));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  cg_test_wait_for_frame (widget);
}

/**
 * cg_test_find_descendant:
 *
 * Returns: (transfer none) (nullable): the first widget of @type in
 *   @widget's tree, @widget included, in document order
 */
GtkWidget *
cg_test_find_descendant (gpointer widget,
                         GType    type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (widget));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cg_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}
