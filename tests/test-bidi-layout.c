/* test-bidi-layout.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cg-test-ui.h"
#include "cg-bidi.h"
#include "cg-content-loader.h"
#include "cg-i18n.h"
#include "cg-pin-dialog.h"
#include "cg-print-operation.h"
#include "cg-text-renderer.h"

/* What a patient sees of an Arabic "call the clinic" line: the renderer's
 * text carries the isolates, and Pango, laying it out right to left,
 * draws the digits of the phone number in the order they are written. */

#define LRI CG_BIDI_LRI
#define PDI CG_BIDI_PDI

static CgLibrary *
load_arabic (void)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "bidi", NULL);

  cg_content_loader_add_path (loader, folder, NULL);
  cg_content_loader_set_language (loader, "ar");

  return cg_content_loader_load (loader, NULL);
}

static char *
render (CgItem *item)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(CgTextRenderer) renderer = cg_text_renderer_new (buffer);
  GtkTextIter start, end;

  cg_text_renderer_render (renderer, item, NULL, CG_RENDER_PAGE);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_renderer (void)
{
  g_autoptr(CgLibrary) library = load_arabic ();
  CgItem *item = cg_library_lookup_item (library, "call-the-clinic");
  g_autofree char *text = NULL;

  g_assert_nonnull (item);
  text = render (item);

  g_assert_nonnull (strstr (text, "على " LRI "+1 555 0199" PDI " فورًا."));
  g_assert_nonnull (strstr (text, "الاستشارة " LRI "$40" PDI " فقط."));
  g_assert_nonnull (strstr (text, "وصفه " LRI "Orentreich" PDI " أول مرة."));
}

/* The x of each character of @run inside @text, laid out in a right-to-left
 * context as a text view in Arabic lays it out. */
static GArray *
positions (const char *text,
           const char *run)
{
  GtkWidget *view = g_object_ref_sink (gtk_text_view_new ());
  g_autoptr(PangoLayout) layout = NULL;
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (int));
  const char *found = strstr (text, run);

  g_assert_nonnull (found);
  gtk_widget_set_direction (view, GTK_TEXT_DIR_RTL);
  layout = gtk_widget_create_pango_layout (view, text);
  /* As a text view lays out a paragraph of the Arabic content. */
  pango_layout_set_auto_dir (layout, TRUE);

  for (const char *p = found; p < found + strlen (run); p = g_utf8_next_char (p))
    {
      PangoRectangle rect;
      int x;

      pango_layout_index_to_pos (layout, (int) (p - text), &rect);
      /* A right-to-left glyph reports a negative width from its right edge. */
      x = MIN (rect.x, rect.x + rect.width);
      if (*p != ' ')
        g_array_append_val (xs, x);
    }

  g_object_unref (view);

  return xs;
}

static gboolean
left_to_right (GArray *xs)
{
  for (guint i = 1; i < xs->len; i++)
    if (g_array_index (xs, int, i) <= g_array_index (xs, int, i - 1))
      return FALSE;
  return TRUE;
}

static void
test_digit_order (void)
{
  g_autoptr(GArray) isolated = positions ("اتصل بالعيادة على " LRI "+1 555 0142" PDI " فورًا.", "+1 555 0142");
  g_autoptr(GArray) bare = positions ("اتصل بالعيادة على +1 555 0142 فورًا.", "+1 555 0142");

  /* "+", "1", "5", "5", "5", "0", "1", "4", "2" from left to right. */
  g_assert_cmpuint (isolated->len, ==, 9);
  g_assert_true (left_to_right (isolated));
  /* Without the isolate the same line reads "0142 555 1+": what the
   * isolates are for. */
  g_assert_false (left_to_right (bare));
}

static void
test_price_order (void)
{
  g_autoptr(GArray) price = positions ("تكلفة الاستشارة " LRI "$50" PDI ". عند الحجز", "$50");

  /* The sign before the amount, as the clinic wrote it. */
  g_assert_cmpuint (price->len, ==, 3);
  g_assert_true (left_to_right (price));
}

/* The x of the start side of the bullet (or number) that begins the line
 * holding @words: its right edge in a right-to-left view, its left edge
 * in a left-to-right one. */
static int
bullet_start (GtkTextView *view,
              const char  *words)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, match;
  GdkRectangle rect;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, words, 0, &match, NULL, NULL));
  gtk_text_iter_set_line_offset (&match, 0);
  gtk_text_view_get_iter_location (view, &match, &rect);

  if (gtk_widget_get_direction (GTK_WIDGET (view)) == GTK_TEXT_DIR_RTL)
    return MAX (rect.x, rect.x + rect.width);
  return MIN (rect.x, rect.x + rect.width);
}

/* Bullets, numbers and a nested list's indent on the side where the
 * lines start: the right in Arabic (GtkTextView leaves left-margin on the
 * left whatever the paragraph's direction). */
static void
test_list_sides (void)
{
  g_autoptr(CgLibrary) library = load_arabic ();
  CgItem *item = cg_library_lookup_item (library, "nested-list");
  GtkWidget *window;
  GtkTextView *view;
  g_autoptr(CgTextRenderer) renderer = NULL;
  int width, outer, inner, number;

  g_assert_nonnull (item);
  /* As the application sets it for Arabic, before any window exists. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = gtk_window_new ();
  view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 500);
  renderer = cg_text_renderer_new (gtk_text_view_get_buffer (view));
  cg_text_renderer_render (renderer, item, NULL, CG_RENDER_PAGE);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (window);

  width = gtk_widget_get_width (GTK_WIDGET (view));
  outer = bullet_start (view, "احمِ بشرتك");
  inner = bullet_start (view, "الريتينويدات");
  number = bullet_start (view, "نظّف بشرتك");

  /* At the right edge, the nested list one step further in (more than a
   * bullet's width), the numbers where the bullets are. */
  g_assert_cmpint (outer, >, width * 3 / 4);
  g_assert_cmpint (inner, <, outer - 10);
  g_assert_cmpint (ABS (number - outer), <=, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* The printed Arabic page keeps its margins clear: a note's sign sits
 * inside the note, not past the text into the right margin (Pango gives
 * a right-to-left character's rectangle from its right edge). */
static void
test_paper_margins (void)
{
  g_autoptr(CgLibrary) library = load_arabic ();
  CgItem *item = cg_library_lookup_item (library, "nested-list");
  g_autoptr(CgPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cg-bidi-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *png = NULL;
  g_autoptr(GdkPixbuf) page = NULL;
  const char *argv[] = { "pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-singlefile", "-png", NULL, NULL, NULL };
  int status = 0, width, height, stride, channels, margin, inked = 0;
  const guchar *pixels;

  g_assert_no_error (error);
  g_assert_nonnull (item);
  pdf = g_build_filename (dir, "page.pdf", NULL);
  prefix = g_build_filename (dir, "page", NULL);
  png = g_strconcat (prefix, ".png", NULL);

  /* As the application sets up Arabic: the catalog (the note's title),
   * then the direction. */
  cg_i18n_set_language ("ar");
  /* Without the catalog the page would be English, left to right. */
  g_assert_cmpstr (_("Page %d of %u"), !=, "Page %d of %u");
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  operation = cg_print_operation_new (item, "Riverside Skin Clinic");
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  cg_i18n_set_language ("en");

  /* One pixel a point. */
  argv[9] = pdf;
  argv[10] = prefix;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  page = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);

  width = gdk_pixbuf_get_width (page);
  height = gdk_pixbuf_get_height (page);
  stride = gdk_pixbuf_get_rowstride (page);
  channels = gdk_pixbuf_get_n_channels (page);
  pixels = gdk_pixbuf_read_pixels (page);
  /* The operation's 20 mm side margins, less a point for antialiasing. */
  margin = (int) (20 / 25.4 * 72) - 1;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = pixels + y * stride + x * channels;

        if ((x < margin || x >= width - margin) && MIN (MIN (p[0], p[1]), p[2]) < 200)
          inked++;
      }

  g_assert_cmpint (inked, ==, 0);

  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}

static gboolean
is_key (GtkWidget     *widget,
        gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The staff's keypad reads 1 2 3 from left to right in Arabic too, as
 * every phone and card terminal does. */
static void
test_keypad_not_mirrored (void)
{
  GtkWidget *parent, *dialog;
  graphene_rect_t one, three, seven;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  parent = gtk_window_new ();
  /* Any stored PIN: without one the pad shows no keys. */
  dialog = cg_pin_dialog_new (GTK_WINDOW (parent), "pbkdf2-sha256$1$AAAA$AAAA", NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  cg_test_wait_for_frame (dialog);

  g_assert_true (gtk_widget_compute_bounds (cg_test_find_widget (dialog, is_key, "1"), dialog, &one));
  g_assert_true (gtk_widget_compute_bounds (cg_test_find_widget (dialog, is_key, "3"), dialog, &three));
  g_assert_true (gtk_widget_compute_bounds (cg_test_find_widget (dialog, is_key, "7"), dialog, &seven));
  g_assert_cmpfloat (one.origin.x + one.size.width, <=, three.origin.x);
  g_assert_cmpfloat (one.origin.y + one.size.height, <=, seven.origin.y);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (parent));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;

  gtk_test_init (&argc, &argv, NULL);
  /* After gtk_test_init(), which sets the "C" locale: under it glibc
   * ignores LANGUAGE. The printed page reads the built catalogs. */
  cg_i18n_init ();
  adw_init ();
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);

  g_test_add_func ("/bidi-layout/renderer", test_renderer);
  g_test_add_func ("/bidi-layout/digit-order", test_digit_order);
  g_test_add_func ("/bidi-layout/price-order", test_price_order);
  g_test_add_func ("/bidi-layout/list-sides", test_list_sides);
  g_test_add_func ("/bidi-layout/keypad-not-mirrored", test_keypad_not_mirrored);
  g_test_add_func ("/bidi-layout/paper-margins", test_paper_margins);

  return g_test_run ();
}
