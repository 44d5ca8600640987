/* test-images.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cg-test-ui.h"
#include "cg-application.h"
#include "cg-article-page.h"
#include "cg-content-loader.h"
#include "cg-document-image.h"
#include "cg-document-view.h"
#include "cg-image-viewer.h"
#include "cg-window.h"

/* The pictures of the bundled content, as a reader sees them: at the
 * text's size and drawn sharp at that size, larger on a click, and in the
 * printed handout.
 *
 * With CG_TEST_SCREENSHOT_DIR set, the picture of each article is also
 * saved there as PNG, for a person to look at. */

#define ARTICLE "how-microneedling-works"
/* images/skin-layers.svg is 640 × 380 pixels. */
#define FILE_WIDTH  640
#define FILE_HEIGHT 380

typedef struct
{
  CgApplication *app;
  CgLibrary     *library;
  CgWindow      *window;
} Fixture;

static CgApplication *application;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();

  fixture->app = g_object_ref (application);
  g_settings_reset (cg_application_get_settings (fixture->app), "text-scale");

  cg_content_loader_add_bundled (loader);
  fixture->library = cg_content_loader_load (loader, NULL);
  g_assert_cmpuint (cg_library_get_problems (fixture->library)->len, ==, 0);

  fixture->window = g_object_ref_sink (cg_window_new (fixture->app));
  cg_window_set_library (fixture->window, fixture->library);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1300, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cg_test_wait_for_frame (fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->app);
}

static CgDocumentView *
document_view (CgWindow *window)
{
  GtkWidget *page = cg_window_get_page_widget (window);

  g_assert_true (CG_IS_ARTICLE_PAGE (page));

  return cg_article_page_get_document_view (CG_ARTICLE_PAGE (page));
}

static GPtrArray *
find_images (CgWindow *window)
{
  GPtrArray *images = g_ptr_array_new ();
  GtkWidget *view = GTK_WIDGET (document_view (window));

  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CG_IS_DOCUMENT_IMAGE (child))
      g_ptr_array_add (images, child);

  return images;
}

static CgDocumentImage *
skin_layers_image (CgWindow *window)
{
  g_autoptr(GPtrArray) images = find_images (window);

  for (guint i = 0; i < images->len; i++)
    if (g_str_has_suffix (cg_document_image_get_path (g_ptr_array_index (images, i)), "skin-layers.svg"))
      return g_ptr_array_index (images, i);

  g_assert_not_reached ();
}

/* Until the layout has settled after a change of size. */
static void
settle (gpointer window)
{
  for (int i = 0; i < 4; i++)
    cg_test_wait_for_frame (window);
}

/* The picture is brought into view, so that it is drawn. */
static void
scroll_to (CgWindow        *window,
           CgDocumentImage *image)
{
  GtkWidget *view = GTK_WIDGET (document_view (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GPtrArray *anchors = cg_text_renderer_get_images (cg_document_view_get_renderer (CG_DOCUMENT_VIEW (view)));

  for (guint i = 0; i < anchors->len; i++)
    {
      GtkTextChildAnchor *anchor = g_ptr_array_index (anchors, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (anchor), "cg-image-path"),
                     cg_document_image_get_path (image)) == 0)
        {
          GtkTextIter iter;

          GdkRectangle location;
          GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

          gtk_text_buffer_get_iter_at_child_anchor (buffer, &iter, anchor);
          gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &location);
          gtk_adjustment_set_value (vadjustment, location.y - 24);
        }
    }
  settle (window);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("CG_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("saved %s", path);
}

static void
test_size_follows_text_scale (Fixture       *fixture,
                              gconstpointer  data)
{
  CgDocumentImage *image;
  int scale_factor, width_1, width_2, view_width;

  cg_test_activate (fixture->window, "win.show-item", ARTICLE);
  settle (fixture->window);
  image = skin_layers_image (fixture->window);
  scroll_to (fixture->window, image);
  scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (image));

  /* Text scale 1: the picture is about as wide as the text column, at most
   * 600 px, never wider than the text. */
  width_1 = gtk_widget_get_width (GTK_WIDGET (image));
  view_width = gtk_widget_get_width (GTK_WIDGET (document_view (fixture->window)));
  g_test_message ("picture %d px at text scale 1, text view %d px", width_1, view_width);
  g_assert_cmpint (width_1, <=, CG_DOCUMENT_IMAGE_BASE_WIDTH);
  g_assert_cmpint (width_1, >=, view_width * 3 / 4);
  g_assert_cmpint (width_1, <, view_width);
  g_assert_cmpint (abs (gtk_widget_get_height (GTK_WIDGET (image)) - width_1 * FILE_HEIGHT / FILE_WIDTH), <=, 1);
  /* Drawn from the file at the size shown, not a small bitmap scaled up. */
  g_assert_cmpint (cg_document_image_get_texture_width (image), ==, width_1 * scale_factor);
  save_screenshot (GTK_WIDGET (fixture->window), "images-scale-1.png");

  /* Text scale 2: larger, but still inside the text, and drawn again at
   * the new size. */
  cg_window_set_text_scale (fixture->window, 2.0);
  settle (fixture->window);
  image = skin_layers_image (fixture->window);
  scroll_to (fixture->window, image);
  width_2 = gtk_widget_get_width (GTK_WIDGET (image));
  view_width = gtk_widget_get_width (GTK_WIDGET (document_view (fixture->window)));
  g_test_message ("picture %d px at text scale 1, %d px at 2, text view %d px", width_1, width_2, view_width);
  g_assert_cmpint (width_2, >, width_1 * 3 / 2);
  g_assert_cmpint (width_2, <=, 2 * CG_DOCUMENT_IMAGE_BASE_WIDTH);
  g_assert_cmpint (width_2, <, view_width);
  g_assert_cmpint (abs (gtk_widget_get_height (GTK_WIDGET (image)) - width_2 * FILE_HEIGHT / FILE_WIDTH), <=, 1);
  g_assert_cmpint (cg_document_image_get_texture_width (image), ==, width_2 * scale_factor);
  save_screenshot (GTK_WIDGET (fixture->window), "images-scale-2.png");

  /* The picture does not hold the page open: the text view can still be
   * made narrower than it is, and then the picture follows. */
  {
    int minimum = 0, natural = 0;

    gtk_widget_measure (GTK_WIDGET (document_view (fixture->window)), GTK_ORIENTATION_HORIZONTAL, -1,
                        &minimum, &natural, NULL, NULL);
    g_test_message ("text view: minimum %d px, natural %d px", minimum, natural);
    g_assert_cmpint (minimum, <, view_width);
  }
}

static void
test_described (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) images = NULL;

  cg_test_activate (fixture->window, "win.show-item", ARTICLE);
  settle (fixture->window);
  images = find_images (fixture->window);

  /* how-microneedling-works has two pictures, each described. */
  g_assert_cmpuint (images->len, ==, 2);
  for (guint i = 0; i < images->len; i++)
    {
      CgDocumentImage *image = g_ptr_array_index (images, i);

      g_assert_true (cg_document_image_is_valid (image));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_ROLE_IMG);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           cg_document_image_get_alt (image));
      g_assert_cmpuint (strlen (cg_document_image_get_alt (image)), >, 40);
    }
}

static gboolean
is_legend_label (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static void
test_opens_larger (Fixture       *fixture,
                   gconstpointer  data)
{
  CgDocumentImage *image;
  GListModel *toplevels = gtk_window_get_toplevels ();
  CgImageViewer *viewer = NULL;
  CgDocumentImage *large;
  GtkWidget *legend;

  cg_test_activate (fixture->window, "win.show-item", ARTICLE);
  settle (fixture->window);
  image = skin_layers_image (fixture->window);
  scroll_to (fixture->window, image);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (image), "image.open", NULL));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (CG_IS_IMAGE_VIEWER (toplevel))
        viewer = CG_IMAGE_VIEWER (toplevel);
    }
  g_assert_nonnull (viewer);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (viewer)) == GTK_WINDOW (fixture->window));
  settle (viewer);
  settle (viewer);

  large = CG_DOCUMENT_IMAGE (cg_image_viewer_get_picture (viewer));
  g_assert_cmpstr (cg_document_image_get_path (large), ==, cg_document_image_get_path (image));
  g_test_message ("in the text %d px, in the viewer drawn at %d px",
                  gtk_widget_get_width (GTK_WIDGET (image)), cg_document_image_get_texture_width (large));
  g_assert_cmpint (cg_document_image_get_texture_width (large), >,
                   gtk_widget_get_width (GTK_WIDGET (image)) * gtk_widget_get_scale_factor (GTK_WIDGET (image)));
  /* The numbers are explained beside the enlarged picture too. */
  legend = cg_test_find_widget (viewer, is_legend_label, "1. The epidermis");
  g_assert_nonnull (legend);
  g_assert_true (gtk_widget_get_mapped (legend));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (legend)), "\n5. Deeper needling"));
  save_screenshot (GTK_WIDGET (viewer), "images-viewer.png");

  gtk_window_close (GTK_WINDOW (viewer));
}

static void
test_right_to_left (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *timeline = g_build_filename (CONTENT_IMAGES, "recovery-timeline.svg", NULL);
  g_autofree char *layers = g_build_filename (CONTENT_IMAGES, "skin-layers.svg", NULL);
  g_autofree char *ltr = cg_document_image_path_for_direction (timeline, GTK_TEXT_DIR_LTR);
  g_autofree char *rtl = cg_document_image_path_for_direction (timeline, GTK_TEXT_DIR_RTL);
  g_autofree char *layers_rtl = cg_document_image_path_for_direction (layers, GTK_TEXT_DIR_RTL);

  /* Time runs right to left in Arabic: the timeline has a mirrored version. */
  g_assert_cmpstr (ltr, ==, timeline);
  g_assert_true (g_str_has_suffix (rtl, "recovery-timeline-rtl.svg"));
  g_assert_true (g_file_test (rtl, G_FILE_TEST_IS_REGULAR));
  /* A drawing without one is drawn as it is. */
  g_assert_cmpstr (layers_rtl, ==, layers);
}

static int
count_pdf_images (const char *pdf,
                  int        *widest)
{
  g_autofree char *pdfimages = g_find_program_in_path ("pdfimages");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { NULL, "-list", NULL, NULL };
  int status, count = 0;

  g_assert_nonnull (pdfimages);
  argv[0] = pdfimages;
  argv[2] = pdf;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", out);

  /* page num type width height ...; the first two lines are headings. */
  *widest = 0;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      GPtrArray *words = g_ptr_array_new ();

      for (guint j = 0; fields[j] != NULL; j++)
        if (fields[j][0] != '\0')
          g_ptr_array_add (words, fields[j]);
      /* Pictures, not the small icons of notes. */
      if (words->len > 4 && g_str_equal (g_ptr_array_index (words, 2), "image")
          && atoi (g_ptr_array_index (words, 3)) >= 200)
        {
          count++;
          *widest = MAX (*widest, atoi (g_ptr_array_index (words, 3)));
        }
      g_ptr_array_free (words, TRUE);
    }

  return count;
}

static void
test_printed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clinic-guide-images-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  int widest = 0;

  cg_test_activate (fixture->window, "win.show-item", ARTICLE);
  settle (fixture->window);
  g_assert_true (cg_article_page_print (CG_ARTICLE_PAGE (cg_window_get_page_widget (fixture->window)),
                                        GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error));
  g_assert_no_error (error);

  /* Both pictures are in the handout, with enough pixels to print sharp:
   * more than the 640 of the file. */
  g_assert_cmpint (count_pdf_images (pdf, &widest), ==, 2);
  g_assert_cmpint (widest, >, FILE_WIDTH);

  /* For a person to look at: the handout of every article with a picture. */
  if (g_getenv ("CG_TEST_SCREENSHOT_DIR") != NULL)
    {
      const char *articles[] = { ARTICLE, "recovery-and-downtime", "what-happens-during-a-session",
                                 "microneedling-compared-with-other-treatments" };

      for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
        {
          g_autofree char *name = g_strdup_printf ("handout-%s.pdf", articles[i]);
          g_autofree char *kept = g_build_filename (g_getenv ("CG_TEST_SCREENSHOT_DIR"), name, NULL);

          cg_test_activate (fixture->window, "win.show-item", articles[i]);
          settle (fixture->window);
          g_assert_true (cg_article_page_print (CG_ARTICLE_PAGE (cg_window_get_page_widget (fixture->window)),
                                                GTK_PRINT_OPERATION_ACTION_EXPORT, kept, &error));
          g_assert_no_error (error);
        }
    }

  g_unlink (pdf);
  g_rmdir (dir);
}

/* Until the page's height stops changing: the text is laid out a piece
 * at a time. */
static void
settle_height (CgWindow *window)
{
  GtkWidget *view = GTK_WIDGET (document_view (window));
  int last = -1;

  settle (window);
  for (int i = 0; i < 60 && gtk_widget_get_height (view) != last; i++)
    {
      last = gtk_widget_get_height (view);
      settle (window);
    }
}

/* The text of an article with a picture is followed by "Related" as
 * closely as that of an article without one: GtkTextView 4.8 added the
 * tallest picture's height under the text again (150 to 360 px). */
static void
test_no_gap_before_related (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *articles[] = { "what-is-microneedling", ARTICLE, "recovery-and-downtime", "what-happens-during-a-session",
                             "microneedling-compared-with-other-treatments" };
  double plain_gap = 0;

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      GtkTextView *view;
      GtkWidget *related;
      GtkWidget *scroller;
      GtkAdjustment *vadjustment;
      GtkTextIter end;
      int line_y, line_height;
      double related_y, text_bottom, gap;

      cg_test_activate (fixture->window, "win.show-item", articles[i]);
      settle_height (fixture->window);

      view = GTK_TEXT_VIEW (document_view (fixture->window));
      /* The first has no picture: it says how close the two should be. */
      g_assert_true ((cg_text_renderer_get_images (cg_document_view_get_renderer (CG_DOCUMENT_VIEW (view)))->len > 0)
                     == (i > 0));

      gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
      gtk_text_view_get_line_yrange (view, &end, &line_y, &line_height);
      text_bottom = line_y + line_height + gtk_text_view_get_top_margin (view) +
                    gtk_text_view_get_bottom_margin (view);
      related = cg_test_find_label (cg_window_get_page_widget (fixture->window), "Related");
      g_assert_nonnull (related);
      g_assert_true (gtk_widget_get_mapped (related));
      g_assert_true (gtk_widget_translate_coordinates (related, GTK_WIDGET (view), 0, 0, NULL, &related_y));
      gap = related_y - text_bottom;
      g_test_message ("%s: text ends at %.0f px, \"Related\" starts at %.0f px: %.0f px between",
                      articles[i], text_bottom, related_y, gap);
      if (i == 0)
        plain_gap = gap;
      /* The related box's margin (24) and the page's spacing (12). */
      g_assert_cmpfloat (fabs (gap - plain_gap), <=, 2);
      g_assert_cmpfloat (gap, <=, 24 + 12 + 2);

      /* For a person to look at: the end of the article. */
      scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
      vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
      settle (fixture->window);
      if (i == 1)
        save_screenshot (GTK_WIDGET (fixture->window), "images-article-end.png");
    }
}

int
main (int   argc,
      char *argv[])
{
  application = cg_test_init_application (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/images/size-follows-text-scale", test_size_follows_text_scale);
  ADD ("/images/described", test_described);
  ADD ("/images/no-gap-before-related", test_no_gap_before_related);
  ADD ("/images/opens-larger", test_opens_larger);
  ADD ("/images/printed", test_printed);
  ADD ("/images/right-to-left", test_right_to_left);
#undef ADD

  return g_test_run ();
}
