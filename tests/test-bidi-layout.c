/* test-bidi-layout.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cg-test-ui.h"
#include "cg-bidi.h"
#include "cg-content-loader.h"
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/bidi-layout/renderer", test_renderer);
  g_test_add_func ("/bidi-layout/digit-order", test_digit_order);
  g_test_add_func ("/bidi-layout/price-order", test_price_order);

  return g_test_run ();
}
