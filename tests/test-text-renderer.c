/* test-text-renderer.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-test-ui.h"
#include "cg-content-loader.h"
#include "cg-document-view.h"
#include "cg-text-renderer.h"

/* The fixture article (tests/data/reading/fixture-article.xml) has one of
 * everything the renderer draws; each named tag must cover exactly the
 * words it styles, no more and no less. */

#define OBJ "\xef\xbf\xbc"  /* a paintable or a widget in the buffer */
#define EN_SPACE "\xe2\x80\x82"

/* Every stretch the tag covers, joined with "|". */
static char *
tag_ranges (GtkTextBuffer *buffer,
            const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  g_autoptr(GString) out = g_string_new (NULL);
  GtkTextIter iter;

  g_assert_nonnull (tag);

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      GtkTextIter end;
      g_autofree char *text = NULL;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;

      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      text = gtk_text_iter_get_slice (&iter, &end);
      if (out->len > 0)
        g_string_append_c (out, '|');
      g_string_append (out, text);
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_tag (GtkTextBuffer *buffer,
            const char    *name,
            const char    *expected)
{
  g_autofree char *ranges = tag_ranges (buffer, name);

  g_test_message ("tag %s", name);
  g_assert_cmpstr (ranges, ==, expected);
}

static gboolean
find_text (GtkTextBuffer *buffer,
           const char    *text,
           GtkTextIter   *match)
{
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (buffer, &start);

  return gtk_text_iter_forward_search (&start, text, 0, match, NULL, NULL);
}

static void
test_renderer_tags (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgTextRenderer) renderer = cg_text_renderer_new (NULL);
  CgItem *item = cg_library_lookup_item (library, "fixture-article");
  GtkTextBuffer *buffer = cg_text_renderer_get_buffer (renderer);

  g_assert_nonnull (item);
  cg_text_renderer_render (renderer, item, NULL, CG_RENDER_PAGE);

  assert_tag (buffer, "title", "Fixture article title");
  assert_tag (buffer, "disclaimer",
              "General information, not medical advice: ask your clinician about your own situation.");
  assert_tag (buffer, "heading-1", "First section|Second section");
  assert_tag (buffer, "heading-2", "Sub section");
  assert_tag (buffer, "emphasis", "gentle");
  assert_tag (buffer, "strong", "firm");
  assert_tag (buffer, "link", "the linked article|the website");
  assert_tag (buffer, "field", "+1 555 0100");
  assert_tag (buffer, "list-item",
              "•\tBullet one|•\tBullet two|1.\tNested first|2.\tNested second|•\tyou feel unwell");
  assert_tag (buffer, "list-2", "1.\tNested first|2.\tNested second");
  assert_tag (buffer, "bullet", "•\t|•\t|1.\t|2.\t|•\t");
  assert_tag (buffer, "note-warning", OBJ EN_SPACE "Warning\nWarning text about skin.");
  assert_tag (buffer, "note-call", OBJ EN_SPACE "Call us if\n•\tyou feel unwell");
  assert_tag (buffer, "note-info", "");
  assert_tag (buffer, "note-title", OBJ EN_SPACE "Warning|" OBJ EN_SPACE "Call us if");
  assert_tag (buffer, "image", OBJ);
  assert_tag (buffer, "caption", "Figure caption");
  assert_tag (buffer, "review", "Reviewed 1 November 2026 by Test reviewer");
}

static void
test_renderer_links (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgTextRenderer) renderer = cg_text_renderer_new (NULL);
  GtkTextBuffer *buffer = cg_text_renderer_get_buffer (renderer);
  GtkTextIter iter, start, end;
  gboolean external = TRUE;
  g_autofree char *words = NULL;

  cg_text_renderer_render (renderer, cg_library_lookup_item (library, "fixture-article"), NULL,
                           CG_RENDER_PAGE);

  g_assert_true (find_text (buffer, "linked article", &iter));
  g_assert_cmpstr (cg_text_renderer_get_link_at (renderer, &iter, &external), ==, "linked-article");
  g_assert_false (external);
  g_assert_true (cg_text_renderer_get_link_bounds (renderer, &iter, &start, &end));
  words = gtk_text_iter_get_slice (&start, &end);
  g_assert_cmpstr (words, ==, "the linked article");

  g_assert_true (find_text (buffer, "website", &iter));
  g_assert_cmpstr (cg_text_renderer_get_link_at (renderer, &iter, &external), ==, "https://example.org/");
  g_assert_true (external);

  g_assert_true (find_text (buffer, "Intro", &iter));
  g_assert_null (cg_text_renderer_get_link_at (renderer, &iter, NULL));

  /* The image's file and description travel with it. */
  g_assert_cmpuint (cg_text_renderer_get_images (renderer)->len, ==, 1);
  g_assert_cmpstr (g_object_get_data (g_ptr_array_index (cg_text_renderer_get_images (renderer), 0),
                                      "cg-image-alt"), ==, "A small blue square");
}

static void
test_renderer_related_and_rerender (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgTextRenderer) renderer = cg_text_renderer_new (NULL);
  GtkTextBuffer *buffer = cg_text_renderer_get_buffer (renderer);
  CgItem *entry = cg_library_lookup_item (library, "faq-fixture-question");
  g_autoptr(GListModel) related = cg_library_list_related (library, entry);
  GtkTextIter iter;

  /* A rendering replaces the previous one, links and all. */
  cg_text_renderer_render (renderer, cg_library_lookup_item (library, "fixture-article"), NULL,
                           CG_RENDER_PAGE);
  cg_text_renderer_render (renderer, entry, related, CG_RENDER_RELATED);

  assert_tag (buffer, "title", "");
  assert_tag (buffer, "review", "");
  assert_tag (buffer, "emphasis", "fixture");
  assert_tag (buffer, "related-heading", "Related");
  assert_tag (buffer, "link", "the fixture article|Fixture article title");

  g_assert_true (find_text (buffer, "Fixture article title", &iter));
  g_assert_cmpstr (cg_text_renderer_get_link_at (renderer, &iter, NULL), ==, "fixture-article");
}

static void
test_renderer_text_scale (void)
{
  g_autoptr(CgTextRenderer) renderer = cg_text_renderer_new (NULL);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (cg_text_renderer_get_buffer (renderer)),
                                               "list-1");
  int normal, larger;

  g_object_get (tag, "indent", &normal, NULL);
  cg_text_renderer_set_text_scale (renderer, 2.0);
  g_object_get (tag, "indent", &larger, NULL);

  /* The hanging indent grows with the text, so that bullets still fit. */
  g_assert_cmpint (normal, <, 0);
  g_assert_cmpint (larger, ==, 2 * normal);
}

/* The text-scale property, as a widget's would be: notified once a
 * change, never for the same value, kept within its bounds. */
static void
test_renderer_text_scale_property (void)
{
  g_autoptr(CgTextRenderer) renderer = cg_text_renderer_new (NULL);
  guint *notified = cg_test_count_notify (renderer, "text-scale");

  cg_test_assert_double_property (renderer, "text-scale", 1.0, 2.0);
  g_assert_cmpuint (*notified, ==, 1);

  cg_text_renderer_set_text_scale (renderer, 1.5);
  g_assert_cmpfloat (cg_text_renderer_get_text_scale (renderer), ==, 1.5);
  cg_text_renderer_set_text_scale (renderer, 1.5);
  g_assert_cmpuint (*notified, ==, 2);

  cg_text_renderer_set_text_scale (renderer, 0.01);
  g_assert_cmpfloat (cg_text_renderer_get_text_scale (renderer), ==, 0.25);
  g_assert_cmpuint (*notified, ==, 3);
  cg_text_renderer_set_text_scale (renderer, 0.01);
  g_assert_cmpuint (*notified, ==, 3);
}

/* A renderer writes into the buffer it is given, or into one of its own. */
static void
test_renderer_buffer (void)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autoptr(CgTextRenderer) given = cg_text_renderer_new (buffer);
  g_autoptr(CgTextRenderer) own = cg_text_renderer_new (NULL);
  g_autoptr(GtkTextBuffer) got = NULL;

  g_object_get (given, "buffer", &got, NULL);
  g_assert_true (got == buffer);
  g_assert_true (cg_text_renderer_get_buffer (given) == buffer);
  g_assert_true (GTK_IS_TEXT_BUFFER (cg_text_renderer_get_buffer (own)));
  g_assert_true (cg_text_renderer_get_buffer (own) != buffer);
}

static GdkRGBA
tag_color (GtkTextBuffer *buffer,
           const char    *name,
           const char    *property)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  g_autoptr(GdkRGBA) color = NULL;

  g_object_get (tag, property, &color, NULL);
  g_assert_nonnull (color);

  return *color;
}

static GdkRGBA
style_color (GtkWidget  *widget,
             const char *name)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color));
  G_GNUC_END_IGNORE_DEPRECATIONS

  return color;
}

/* Links and note tints come from the style: they change with dark mode. */
static void
test_renderer_follows_dark_style (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = cg_document_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GdkRGBA light_link, light_accent, dark_link, dark_accent, light_note, dark_note;

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_child (GTK_WINDOW (window), view);
  cg_document_view_show_item (CG_DOCUMENT_VIEW (view), cg_library_lookup_item (library, "fixture-article"),
                              NULL, CG_RENDER_PAGE);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (window);

  light_link = tag_color (buffer, "link", "foreground-rgba");
  light_note = cg_text_renderer_get_palette (cg_document_view_get_renderer (CG_DOCUMENT_VIEW (view)))->note_bg[CG_NOTE_WARNING];
  light_accent = style_color (view, "accent_color");
  g_assert_true (gdk_rgba_equal (&light_link, &light_accent));

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  cg_test_wait_for_frame (window);
  cg_test_wait_for_frame (window);

  dark_link = tag_color (buffer, "link", "foreground-rgba");
  dark_note = cg_text_renderer_get_palette (cg_document_view_get_renderer (CG_DOCUMENT_VIEW (view)))->note_bg[CG_NOTE_WARNING];
  dark_accent = style_color (view, "accent_color");
  g_assert_true (gdk_rgba_equal (&dark_link, &dark_accent));
  g_assert_false (gdk_rgba_equal (&light_link, &dark_link));
  g_assert_false (gdk_rgba_equal (&light_note, &dark_note));

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A link to an id no file has (reported by the content check) is plain
 * words on screen and on paper, as a link to a hidden page is (F18). */
static void
test_renderer_missing_link_target (void)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "missing-links", NULL);
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(CgTextRenderer) renderer = cg_text_renderer_new (NULL);
  GtkTextBuffer *buffer = cg_text_renderer_get_buffer (renderer);
  const CgRenderFlags modes[] = { CG_RENDER_PAGE, CG_RENDER_PAGE | CG_RENDER_PAPER };
  GtkTextIter iter;

  cg_content_loader_add_path (loader, dir, NULL);
  library = cg_content_loader_load (loader, NULL);
  g_assert_cmpuint (cg_library_get_problems (library)->len, ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      cg_text_renderer_render (renderer, cg_library_lookup_item (library, "pointing"), NULL, modes[i]);

      g_assert_false (find_text (buffer, "short history", &iter));
      g_assert_true (find_text (buffer, "the old advice", &iter));
      g_assert_null (cg_text_renderer_get_link_at (renderer, &iter, NULL));
      g_assert_false (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                                 "link")));
    }

  /* On screen, the page that is there is still a link. */
  cg_text_renderer_render (renderer, cg_library_lookup_item (library, "pointing"), NULL, CG_RENDER_PAGE);
  g_assert_true (find_text (buffer, "aftercare", &iter));
  g_assert_cmpstr (cg_text_renderer_get_link_at (renderer, &iter, NULL), ==, "after");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/text-renderer/tags", test_renderer_tags);
  g_test_add_func ("/text-renderer/links", test_renderer_links);
  g_test_add_func ("/text-renderer/missing-link-target", test_renderer_missing_link_target);
  g_test_add_func ("/text-renderer/related-and-rerender", test_renderer_related_and_rerender);
  g_test_add_func ("/text-renderer/text-scale", test_renderer_text_scale);
  g_test_add_func ("/text-renderer/text-scale-property", test_renderer_text_scale_property);
  g_test_add_func ("/text-renderer/buffer", test_renderer_buffer);
  g_test_add_func ("/text-renderer/follows-dark-style", test_renderer_follows_dark_style);

  return g_test_run ();
}
