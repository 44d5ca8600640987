/* test-front-desk.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cg-test-ui.h"
#include "cg-application.h"
#include "cg-article-page.h"
#include "cg-content-loader.h"
#include "cg-document-view.h"
#include "cg-faq-row.h"
#include "cg-home-page.h"
#include "cg-search-index.h"
#include "cg-search-page.h"
#include "cg-search-result.h"
#include "cg-window.h"
#include "cg-window-private.h"

/* Reading and the front desk over the bundled content (F18): an article
 * opened a second time, what Ctrl+Enter copies, pinned answers, the
 * shortcuts window, what the screen reader hears. */

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
  g_settings_reset (cg_application_get_settings (fixture->app), "pinned-answers");

  cg_content_loader_add_path (loader, CONTENT_DIR, NULL);
  /* The sample clinic, as the application reads it. */
  cg_content_loader_add_path (loader, CONTENT_DIR "/../clinic.xml", NULL);
  fixture->library = cg_content_loader_load (loader, NULL);

  fixture->window = g_object_ref_sink (cg_window_new (fixture->app));
  cg_window_set_library (fixture->window, fixture->library);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_settings_reset (cg_application_get_settings (fixture->app), "pinned-answers");
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->app);
}

static void
wait_frames (CgWindow *window,
             guint     n)
{
  for (guint i = 0; i < n; i++)
    cg_test_wait_for_frame (GTK_WIDGET (window));
}

static CgDocumentView *
shown_document (CgWindow *window)
{
  GtkWidget *page = cg_window_get_page_widget (window);

  g_assert_true (CG_IS_ARTICLE_PAGE (page));

  return cg_article_page_get_document_view (CG_ARTICLE_PAGE (page));
}

static double
shown_scroll (CgWindow *window)
{
  GtkWidget *scroller = cg_test_find_descendant (cg_window_get_page_widget (window),
                                                 GTK_TYPE_SCROLLED_WINDOW);

  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
}

/* Aftercare → "Aftercare: looking after your skin" → Back → the same row:
 * the article from its top, its "Call the clinic" box tinted. */
static void
test_reopened_article (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkTextBuffer *buffer;

  for (guint visit = 0; visit < 3; visit++)
    {
      cg_test_activate (fixture->window, "win.show-topic", "aftercare");
      wait_frames (fixture->window, 3);
      /* The keyboard is on the page, as after Enter on a row. */
      g_assert_true (gtk_widget_child_focus (cg_window_get_page_widget (fixture->window),
                                             GTK_DIR_TAB_FORWARD));
      cg_test_activate (fixture->window, "win.show-item", "aftercare-instructions");
      wait_frames (fixture->window, 10);

      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (shown_document (fixture->window)));
      g_test_message ("visit %u: scrolled %.0f px, %u call notes", visit,
                      shown_scroll (fixture->window), cg_test_count_tag_ranges (buffer, "note-call"));
      g_assert_cmpfloat (shown_scroll (fixture->window), ==, 0.0);
      g_assert_cmpuint (cg_test_count_tag_ranges (buffer, "note-call"), ==, 1);

      cg_test_activate (fixture->window, "win.go-back", NULL);
      wait_frames (fixture->window, 3);
    }
}


/* With CG_TEST_SCREENSHOT_DIR set, what the window shows, for a person
 * to look at. */
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
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("saved %s", path);
}

/* What a person sees at (x, y) of @widget: the window rendered whole,
 * as a screenshot is. */
static void
read_pixel (GtkWidget *widget,
            double     x,
            double     y,
            guchar     bgra[4])
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  double window_x, window_y;
  gsize offset;

  g_assert_true (gtk_widget_translate_coordinates (widget, window, x, y, &window_x, &window_y));
  g_assert_cmpfloat (window_x, >=, 0);
  g_assert_cmpfloat (window_y, >=, 0);
  g_assert_cmpfloat (window_x, <, width);
  g_assert_cmpfloat (window_y, <, height);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4);
  gdk_texture_download (texture, pixels, gdk_texture_get_width (texture) * 4);
  offset = ((gsize) window_y * gdk_texture_get_width (texture) + (gsize) window_x) * 4;
  memcpy (bgra, pixels + offset, 4);
}

static int
pixel_distance (const guchar a[4],
                const guchar b[4])
{
  int distance = 0;

  for (guint i = 0; i < 3; i++)
    distance = MAX (distance, abs ((int) a[i] - (int) b[i]));

  return distance;
}

/* The "Call the clinic" box of the article shown, brought into view: the
 * colour at its end, beside its first line, where no word reaches, and
 * the page's own colour beside the title. */
static void
read_call_box (CgWindow *window,
               guchar    box[4],
               guchar    page[4])
{
  CgDocumentView *view = shown_document (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "note-call");
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  GtkTextIter iter;
  int top, height, x, y;
  double scroller_y;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (view), &iter, &top, &height);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, 0, top + height / 2, &x, &y);
  read_pixel (GTK_WIDGET (view), width - 10, y, page);

  g_assert_nonnull (tag);
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&iter, tag));
  g_assert_true (gtk_text_iter_starts_tag (&iter, tag));
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (view), &iter, &top, &height);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, 0, top + height / 2, &x, &y);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (view), scroller, 0, y, NULL, &scroller_y));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + scroller_y - 120);
  wait_frames (window, 3);
  read_pixel (GTK_WIDGET (view), width - 10, y, box);
}

/* The same, as a person sees it: the reopened article's "Call the
 * clinic" box keeps its tint, at the front desk and in the waiting room,
 * light and dark. */
static void
test_reopened_article_call_box (Fixture       *fixture,
                                gconstpointer  data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  static const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };

  for (guint kiosk = 0; kiosk < 2; kiosk++)
    for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
      {
        guchar first[4], first_page[4], again[4], again_page[4];
        GtkTextBuffer *buffer;

        cg_application_set_kiosk (fixture->app, kiosk);
        adw_style_manager_set_color_scheme (style_manager, schemes[s]);
        cg_test_activate (fixture->window, "win.show-home", NULL);
        wait_frames (fixture->window, 3);

        cg_test_activate (fixture->window, "win.show-topic", "aftercare");
        wait_frames (fixture->window, 3);
        cg_test_activate (fixture->window, "win.show-item", "aftercare-instructions");
        wait_frames (fixture->window, 10);
        read_call_box (fixture->window, first, first_page);

        cg_test_activate (fixture->window, "win.go-back", NULL);
        wait_frames (fixture->window, 3);
        cg_test_activate (fixture->window, "win.show-item", "aftercare-instructions");
        wait_frames (fixture->window, 10);
        buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (shown_document (fixture->window)));
        g_assert_cmpuint (cg_test_count_tag_ranges (buffer, "note-call"), ==, 1);
        g_assert_cmpfloat (shown_scroll (fixture->window), ==, 0.0);
        if (kiosk == 0 && s == 0)
          save_screenshot (GTK_WIDGET (fixture->window), "reopened-article.png");
        read_call_box (fixture->window, again, again_page);
        if (kiosk == 0 && s == 0)
          save_screenshot (GTK_WIDGET (fixture->window), "reopened-article-call-box.png");

        g_test_message ("%s, %s: call box #%02x%02x%02x then #%02x%02x%02x, page #%02x%02x%02x",
                        kiosk ? "kiosk" : "front desk", s == 0 ? "light" : "dark",
                        first[2], first[1], first[0], again[2], again[1], again[0],
                        again_page[2], again_page[1], again_page[0]);
        /* Tinted, and the same on the second visit as on the first. */
        g_assert_cmpint (pixel_distance (first, first_page), >=, 12);
        g_assert_cmpint (pixel_distance (again, again_page), >=, 12);
        g_assert_cmpint (pixel_distance (again, first), <=, 2);
      }

  cg_application_set_kiosk (fixture->app, FALSE);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static CgSearchPage *
type_query (CgWindow   *window,
            const char *text)
{
  CgSearchPage *page = cg_window_get_search_page (window);

  gtk_widget_grab_focus (GTK_WIDGET (cg_window_get_search_entry (window)));
  gtk_editable_set_text (GTK_EDITABLE (cg_window_get_search_entry (window)), text);
  while (!cg_window_get_searching (window) ||
         g_strcmp0 (cg_search_page_get_query (page), text) != 0)
    g_main_context_iteration (NULL, TRUE);
  cg_test_wait_for_frame (GTK_WIDGET (window));

  return page;
}

static char *
copy_with_keys (CgWindow *window)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), "");
  cg_test_activate (window, "win.copy-answer", NULL);

  return cg_test_read_clipboard (window);
}

/* "how long is the redness": an article ranks first, but Ctrl+Enter
 * copies the answer to the question, not the article. */
static void
test_copy_answer_over_article (Fixture       *fixture,
                               gconstpointer  data)
{
  CgSearchPage *page = type_query (fixture->window, "how long is the redness");
  CgSearchResult *selected = cg_search_page_get_selected (page);
  g_autofree char *text = NULL;

  g_assert_nonnull (selected);
  g_test_message ("selected: %s", cg_search_result_get_id (selected));
  text = copy_with_keys (fixture->window);
  g_test_message ("copied %zu characters: %s", strlen (text), text);
  g_assert_true (g_str_has_prefix (text, "How long will the redness and swelling last?\n"));
  g_assert_cmpuint (strlen (text), <, 800);
}

static gboolean
is_copy_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.copy-item") == 0 &&
         gtk_widget_get_mapped (widget);
}

/* A pinned answer has a copy button, and Ctrl+Enter on its row copies
 * it. */
static void
test_copy_pinned_answer (Fixture       *fixture,
                         gconstpointer  data)
{
  GSettings *settings = cg_application_get_settings (fixture->app);
  const char *pinned[] = { "faq-redness-how-long", NULL };
  GtkWidget *home, *button, *row;
  g_autofree char *text = NULL;

  g_settings_set_strv (settings, "pinned-answers", pinned);
  cg_test_activate (fixture->window, "win.show-home", NULL);
  wait_frames (fixture->window, 2);
  home = cg_window_get_page_widget (fixture->window);

  button = cg_test_find_widget (home, is_copy_button, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL),
                   ==, "faq-redness-how-long");
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), "");
  g_signal_emit_by_name (button, "clicked");
  text = cg_test_read_clipboard (fixture->window);
  g_assert_true (g_str_has_prefix (text, "How long will the redness and swelling last?\n"));
  g_clear_pointer (&text, g_free);

  /* The keyboard on the row, as after Tab. */
  row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  g_assert_true (gtk_widget_grab_focus (row));
  text = copy_with_keys (fixture->window);
  g_assert_true (g_str_has_prefix (text, "How long will the redness and swelling last?\n"));
}

static gboolean
is_result_row (GtkWidget     *widget,
               gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "search-result-row");
}

static guint
count_result_rows (GtkWidget *widget)
{
  guint n = is_result_row (widget, NULL) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_result_rows (child);

  return n;
}

static gboolean
is_count_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), "result") != NULL;
}

/* A long query matches more than the 20 results the page once stopped
 * at: every one is listed now, and the count is theirs (F10). */
static void
test_capped_count (Fixture       *fixture,
                   gconstpointer  data)
{
  CgSearchPage *page = type_query (fixture->window,
                                   "what should i avoid after treatment and how long does the redness last");
  guint n = g_list_model_get_n_items (cg_search_page_get_results (page));
  g_autofree char *expected = g_strdup_printf ("%u results", n);
  GtkWidget *label;

  g_assert_cmpuint (n, >, CG_SEARCH_INDEX_DEFAULT_LIMIT);
  g_assert_cmpuint (n, <, CG_SEARCH_INDEX_MAX_LIMIT);
  label = cg_test_find_widget (page, is_count_label, NULL);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, expected);

  /* Every one is listed, and only those on screen have rows: scrolled to
   * the end, the list shows the last result. */
  {
    GtkWidget *view = cg_test_find_descendant (page, GTK_TYPE_GRID_VIEW);
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
    g_autoptr(CgSearchResult) last = g_list_model_get_item (cg_search_page_get_results (page), n - 1);
    GtkWidget *found = NULL;

    g_test_message ("%u results, %u rows built", n, count_result_rows (GTK_WIDGET (page)));
    g_assert_cmpuint (count_result_rows (GTK_WIDGET (page)), <, n);
    for (guint i = 0; i < 10 && found == NULL; i++)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
        found = cg_test_find_label (view, cg_search_result_get_title (last));
      }
    g_assert_nonnull (found);
    g_assert_true (gtk_widget_get_mapped (found));
    g_assert_cmpuint (count_result_rows (GTK_WIDGET (page)), <, n);
  }

  /* A short one, counted. */
  page = type_query (fixture->window, "numbing cream");
  g_assert_cmpuint (g_list_model_get_n_items (cg_search_page_get_results (page)), <, CG_SEARCH_INDEX_DEFAULT_LIMIT);
  label = cg_test_find_widget (page, is_count_label, NULL);
  g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (label)), " results") ||
                 g_str_has_suffix (gtk_label_get_label (GTK_LABEL (label)), " result"));
  g_assert_false (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), "At least"));
}

static gboolean
is_shortcuts_shortcut (GtkWidget     *widget,
                       gconstpointer  data)
{
  g_autofree char *title = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "title", &title, NULL);

  return g_strcmp0 (title, data) == 0;
}

/* The shortcuts window lists the key that opens it. */
static void
test_shortcuts_window_lists_itself (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                                "win.show-help-overlay");
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *shortcut = NULL;
  g_autofree char *accelerator = NULL;

  cg_test_activate (fixture->window, "win.show-help-overlay", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && shortcut == NULL; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window))
        shortcut = cg_test_find_widget (window, is_shortcuts_shortcut, "Show Keyboard Shortcuts");
    }
  g_assert_nonnull (shortcut);
  g_object_get (shortcut, "accelerator", &accelerator, NULL);
  g_assert_nonnull (accels[0]);
  g_assert_cmpstr (accelerator, ==, accels[0]);
}

static gboolean
is_language_box (GtkWidget     *widget,
                 gconstpointer  data)
{
  GtkWidget *cell = GTK_IS_FLOW_BOX (widget) ? gtk_widget_get_first_child (widget) : NULL;

  return cell != NULL && GTK_IS_FLOW_BOX_CHILD (cell) &&
         GTK_IS_BUTTON (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell)));
}

/* The waiting room's language buttons: each cell has a name, and the
 * language chosen is pressed, for a screen reader as for the eye. */
static void
test_language_buttons_say_chosen (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *home, *box;
  guint n_pressed = 0, n_cells = 0;

  cg_test_activate (fixture->window, "win.show-home", NULL);
  home = cg_window_get_page_widget (fixture->window);
  cg_home_page_set_show_languages (CG_HOME_PAGE (home), TRUE);
  wait_frames (fixture->window, 2);
  box = cg_test_find_widget (home, is_language_box, NULL);
  g_assert_nonnull (box);

  for (GtkWidget *cell = gtk_widget_get_first_child (box); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell));
      const char *name = gtk_button_get_label (GTK_BUTTON (button));

      n_cells++;
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      if (g_strcmp0 (name, "English") == 0)
        gtk_test_accessible_assert_state (button, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE);
      if (GTK_IS_TOGGLE_BUTTON (button) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
        {
          n_pressed++;
          g_assert_cmpstr (name, ==, "English");
        }
    }
  g_assert_cmpuint (n_cells, >=, 5);
  g_assert_cmpuint (n_pressed, ==, 1);
}

static gboolean
is_faq_kind_icon (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW) != NULL &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "go-next-symbolic") != 0;
}

/* A question's icon at 16 px: Adwaita's "dialog-question" is a "?" in a
 * diamond, the very shape of the broken-character sign; "help-faq" is a
 * question in a speech bubble, and the theme has it. */
static void
test_faq_icon (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *home = cg_window_get_page_widget (fixture->window);
  GtkWidget *icon = cg_test_find_widget (home, is_faq_kind_icon, NULL);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (home));
  const char *name;

  g_assert_nonnull (icon);
  name = gtk_image_get_icon_name (GTK_IMAGE (icon));
  g_test_message ("question icon: %s", name);
  g_assert_cmpstr (name, !=, "dialog-question-symbolic");
  g_assert_true (gtk_icon_theme_has_icon (theme, name));
}

/* Aftercare: a question opened, an article read, Back: the question is
 * open still (and says so to a screen reader); a new visit closes it. */
static void
test_question_open_after_back (Fixture       *fixture,
                               gconstpointer  data)
{
  CgFaqRow *row;

  cg_test_activate (fixture->window, "win.show-topic", "aftercare");
  wait_frames (fixture->window, 2);
  row = CG_FAQ_ROW (cg_test_find_descendant (cg_window_get_page_widget (fixture->window), CG_TYPE_FAQ_ROW));
  g_assert_nonnull (row);
  cg_faq_row_set_expanded (row, TRUE);
  wait_frames (fixture->window, 2);

  cg_test_activate (fixture->window, "win.show-item", "aftercare-instructions");
  wait_frames (fixture->window, 2);
  cg_test_activate (fixture->window, "win.go-back", NULL);
  wait_frames (fixture->window, 2);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "topic:aftercare");
  g_assert_true (cg_faq_row_get_expanded (row));

  cg_test_activate (fixture->window, "win.show-home", NULL);
  cg_test_activate (fixture->window, "win.show-topic", "aftercare");
  wait_frames (fixture->window, 2);
  g_assert_false (cg_faq_row_get_expanded (row));
}

/* The printed handout's header has the clinic's phone number. */
static void
test_print_header_phone (Fixture       *fixture,
                         gconstpointer  data)
{
  CgClinic *clinic = cg_library_get_clinic (fixture->library);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clinic-guide-print-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *command = NULL;
  g_autofree char *text = NULL;
  char *header_end;

  g_assert_no_error (error);
  g_assert_nonnull (clinic);
  g_assert_nonnull (cg_clinic_get_phone (clinic));
  cg_test_activate (fixture->window, "win.show-item", "what-is-microneedling");
  g_assert_true (cg_article_page_print (CG_ARTICLE_PAGE (cg_window_get_page_widget (fixture->window)),
                                        GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error));
  g_assert_no_error (error);

  command = g_strdup_printf ("pdftotext -l 1 '%s' -", pdf);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The header: the lines before the title. */
  header_end = strstr (text, "What is microneedling?");
  g_assert_nonnull (header_end);
  *header_end = '\0';
  g_test_message ("header: %s", text);
  g_assert_nonnull (strstr (text, cg_clinic_get_phone (clinic)));

  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  application = cg_test_init_application (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/front-desk/reopened-article", test_reopened_article);
  ADD ("/front-desk/reopened-article-call-box", test_reopened_article_call_box);
  ADD ("/front-desk/copy-answer-over-article", test_copy_answer_over_article);
  ADD ("/front-desk/copy-pinned-answer", test_copy_pinned_answer);
  ADD ("/front-desk/capped-count", test_capped_count);
  ADD ("/front-desk/shortcuts-window-lists-itself", test_shortcuts_window_lists_itself);
  ADD ("/front-desk/language-buttons-say-chosen", test_language_buttons_say_chosen);
  ADD ("/front-desk/faq-icon", test_faq_icon);
  ADD ("/front-desk/question-open-after-back", test_question_open_after_back);
  ADD ("/front-desk/print-header-phone", test_print_header_phone);
#undef ADD

  return g_test_run ();
}
