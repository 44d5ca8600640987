/* cg-test-ui.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-item-row.h"
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
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (widget));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  gsize n_types = 0, n_mime_types = 0;
  char *text = NULL;

  /* An empty clipboard offers nothing to read (and GTK 4.8 leaks the
   * task of a read that fails). */
  gdk_content_formats_get_gtypes (formats, &n_types);
  gdk_content_formats_get_mime_types (formats, &n_mime_types);
  if (n_types == 0 && n_mime_types == 0)
    return g_strdup ("");

  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, &text);
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
 * cg_test_find_widget:
 * @match: whether a widget is the one looked for
 *
 * Returns: (transfer none) (nullable): the first widget in @widget's tree,
 *   @widget included, in document order, that @match accepts
 */
GtkWidget *
cg_test_find_widget (gpointer        widget,
                     CgTestMatchFunc match,
                     gconstpointer   data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (widget));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cg_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
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
  return cg_test_find_widget (widget, is_of_type, &type);
}

/**
 * cg_test_count_tag_ranges:
 *
 * Returns: how many separate stretches of @buffer the tag @name covers
 */
guint
cg_test_count_tag_ranges (GtkTextBuffer *buffer,
                          const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;
  guint n = 0;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    if (gtk_text_iter_starts_tag (&iter, tag))
      n++;
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag));

  return n;
}

/**
 * cg_test_item_row_titles:
 *
 * Returns: (transfer container): the titles of the item rows of @list, in
 *   order
 */
static void
add_item_row_titles (GtkWidget *widget,
                     GPtrArray *titles)
{
  if (CG_IS_ITEM_ROW (widget))
    {
      g_ptr_array_add (titles, (gpointer) cg_item_get_title (cg_item_row_get_item (CG_ITEM_ROW (widget))));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_item_row_titles (child, titles);
}

/* A list view (a topic page's) holds its rows in cells: they are found
 * at any depth. */
GPtrArray *
cg_test_item_row_titles (GtkWidget *list)
{
  GPtrArray *titles = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_item_row_titles (child, titles);

  return titles;
}

/**
 * cg_test_init_application:
 *
 * Sets up GTK and libadwaita for a test program and starts the one
 * application its tests share (it owns its name on the bus).
 *
 * Returns: (transfer full): the application, registered
 */
CgApplication *
cg_test_init_application (int    *argc,
                          char ***argv)
{
  CgApplication *application;

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  application = cg_application_new ();
  /* A test's own subprocess must not hand over to its parent. */
  if (g_test_subprocess ())
    g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);
  /* The tests' windows show the content from the start: the load that
   * the start-up began is finished first (windows do not wait, F10). */
  cg_application_get_library (application);

  return application;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

/**
 * cg_test_find_label:
 *
 * Returns: (transfer none) (nullable): the first label in @widget's tree
 *   that says @text
 */
GtkWidget *
cg_test_find_label (gpointer    widget,
                    const char *text)
{
  return cg_test_find_widget (widget, is_label_with_text, text);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
count_free (gpointer  count,
            GClosure *closure)
{
  g_free (count);
}

/**
 * cg_test_count_notify:
 *
 * Counts the notifications of @object's @property from now on.
 *
 * Returns: (transfer none): the count, which lives as long as the
 *   handler: until @object is disposed
 */
guint *
cg_test_count_notify (gpointer    object,
                      const char *property)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  guint *count = g_new0 (guint, 1);

  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (object), property));
  g_signal_connect_data (object, signal, G_CALLBACK (count_notify_cb), count, count_free, 0);

  return count;
}

/**
 * cg_test_assert_double_property:
 *
 * Checks @object's writable @property as a binding or a setting uses it:
 * it reads @initial; given the same value, it says nothing; given
 * @changed, it reads that and notifies once; given @changed again, it
 * says nothing.
 */
void
cg_test_assert_double_property (gpointer    object,
                                const char *property,
                                double      initial,
                                double      changed)
{
  guint *notified = cg_test_count_notify (object, property);
  double value = 0;

  g_test_message ("property %s", property);
  g_assert_cmpfloat (initial, !=, changed);

  g_object_get (object, property, &value, NULL);
  g_assert_cmpfloat (value, ==, initial);

  g_object_set (object, property, initial, NULL);
  g_assert_cmpuint (*notified, ==, 0);

  g_object_set (object, property, changed, NULL);
  g_object_get (object, property, &value, NULL);
  g_assert_cmpfloat (value, ==, changed);
  g_assert_cmpuint (*notified, ==, 1);

  g_object_set (object, property, changed, NULL);
  g_assert_cmpuint (*notified, ==, 1);
}
