/* test-search-ui.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cg-test-ui.h"
#include "cg-application.h"
#include "cg-article-page.h"
#include "cg-content-loader.h"
#include "cg-search-page.h"
#include "cg-window.h"
#include "cg-window-private.h"

/* The header's search as a receptionist uses it, over the fixture content
 * (tests/data/reading): type, see the results, move with the arrows, open
 * one with its words highlighted, Escape, a misspelling, nothing found,
 * and copying an answer from its row. */

typedef struct
{
  CgApplication *app;
  CgLibrary     *library;
  CgWindow      *window;
} Fixture;

/* One application for every test: it owns its name on the bus. */
static CgApplication *application;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "reading", NULL);

  fixture->app = g_object_ref (application);

  cg_content_loader_add_path (loader, dir, NULL);
  fixture->library = cg_content_loader_load (loader, NULL);
  g_assert_cmpuint (cg_library_get_problems (fixture->library)->len, ==, 0);

  fixture->window = g_object_ref_sink (cg_window_new (fixture->app));
  cg_window_set_library (fixture->window, fixture->library);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
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

/* Types @text into the header's entry, as a person would (the search runs
 * a moment after the last key), and waits for the results page. */
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

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  return page;
}

static CgSearchResult *
result_at (CgSearchPage *page,
           guint         position)
{
  g_autoptr(CgSearchResult) result = g_list_model_get_item (cg_search_page_get_results (page), position);

  g_assert_nonnull (result);

  return result;  /* the model keeps it */
}

/* The first widget of @type that is on screen under @widget. */
static gboolean
is_mapped_of_type (GtkWidget     *widget,
                   gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data) && gtk_widget_get_mapped (widget);
}

static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  return cg_test_find_widget (widget, is_mapped_of_type, &type);
}

static gboolean
is_mapped_result_row (GtkWidget     *widget,
                      gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "search-result-row") && gtk_widget_get_mapped (widget);
}

/* The first result's row on screen, in the results' view; the view
 * builds its rows as it lays out, which can take a frame more. */
static GtkWidget *
find_result_row (CgSearchPage *page)
{
  GtkWidget *row = NULL;

  for (guint i = 0; i < 10 && row == NULL; i++)
    {
      row = cg_test_find_widget (GTK_WIDGET (page), is_mapped_result_row, NULL);
      if (row == NULL && g_list_model_get_n_items (cg_search_page_get_results (page)) > 0)
        cg_test_wait_for_frame (page);
      else
        break;
    }

  return row;
}

static CgDocumentView *
shown_document (CgWindow *window)
{
  GtkWidget *page = cg_window_get_page_widget (window);

  g_assert_true (CG_IS_ARTICLE_PAGE (page));

  return cg_article_page_get_document_view (CG_ARTICLE_PAGE (page));
}

static void
test_typing_shows_results (Fixture       *fixture,
                           gconstpointer  data)
{
  CgSearchPage *page = type_query (fixture->window, "skin");

  g_assert_cmpuint (g_list_model_get_n_items (cg_search_page_get_results (page)), >=, 1);
  g_assert_cmpstr (cg_search_result_get_id (result_at (page, 0)), ==, "fixture-article");
  g_assert_cmpstr (cg_search_result_get_title (result_at (page, 0)), ==, "Fixture article title");
  /* The matched word is in bold in the snippet. */
  g_assert_nonnull (strstr (cg_search_result_get_snippet_markup (result_at (page, 0)), "<b>skin</b>"));
  /* Enter would open the first result. */
  g_assert_true (cg_search_page_get_selected (page) == result_at (page, 0));

  /* Clearing the entry goes back to the page that was shown. */
  gtk_editable_set_text (GTK_EDITABLE (cg_window_get_search_entry (fixture->window)), "");
  while (cg_window_get_searching (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "home");
  g_assert_true (gtk_widget_get_mapped (cg_window_get_page_widget (fixture->window)));
}

static void
test_arrow_and_enter_open (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkSearchEntry *entry = cg_window_get_search_entry (fixture->window);
  CgSearchPage *page = type_query (fixture->window, "question");
  g_autofree char *second = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (cg_search_page_get_results (page)), >=, 2);
  second = g_strdup (cg_search_result_get_id (result_at (page, 1)));

  /* The arrow moves the selection; Enter opens it. */
  g_signal_emit_by_name (entry, "next-match");
  g_assert_true (cg_search_page_get_selected (page) == result_at (page, 1));
  g_signal_emit_by_name (entry, "activate");
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));

  g_assert_false (cg_window_get_searching (fixture->window));
  g_assert_true (g_str_has_prefix (cg_window_get_page (fixture->window), "item:"));
  g_assert_cmpstr (cg_window_get_page (fixture->window) + strlen ("item:"), ==, second);
  g_assert_true (gtk_widget_get_mapped (cg_window_get_page_widget (fixture->window)));
}

/* After a result is opened the query stays in the entry; Ctrl+K selects
 * all of it, so that the next question typed replaces it rather than
 * running on from it ("zebrayak"). */
static void
test_focus_search_selects_query (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (cg_window_get_search_entry (fixture->window));
  int start = -1, end = -1;

  type_query (fixture->window, "skin");
  g_signal_emit_by_name (entry, "activate");
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "skin");
  gtk_editable_set_position (entry, -1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.focus-search", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (entry)));
  g_assert_true (gtk_editable_get_selection_bounds (entry, &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, strlen ("skin"));
}

static void
test_opened_result_highlighted (Fixture       *fixture,
                                gconstpointer  data)
{
  CgDocumentView *view;

  type_query (fixture->window, "skin");
  g_signal_emit_by_name (cg_window_get_search_entry (fixture->window), "activate");
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));

  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:fixture-article");
  view = shown_document (fixture->window);
  /* "about skin", "Warning text about skin", "SKIN care". */
  g_assert_cmpuint (cg_test_count_tag_ranges (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "find-match"), ==, 3);
  g_assert_cmpuint (cg_document_view_get_n_matches (view), ==, 3);

  /* Escape clears them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.stop-search", NULL));
  g_assert_cmpuint (cg_test_count_tag_ranges (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "find-match"), ==, 0);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:fixture-article");
  g_assert_false (cg_window_stop_search (fixture->window));
}

static void
test_escape_goes_back (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_true (cg_window_open_page (fixture->window, "topic:care"));
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));

  type_query (fixture->window, "fixture");
  g_signal_emit_by_name (cg_window_get_search_entry (fixture->window), "stop-search");
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));

  g_assert_false (cg_window_get_searching (fixture->window));
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "topic:care");
  g_assert_true (gtk_widget_get_mapped (cg_window_get_page_widget (fixture->window)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cg_window_get_search_entry (fixture->window))), ==, "");
}

static void
test_typo_suggests (Fixture       *fixture,
                    gconstpointer  data)
{
  CgSearchPage *page = type_query (fixture->window, "fixtrue");
  GtkWidget *button;

  g_assert_cmpstr (cg_search_page_get_suggestion (page), ==, "fixture");

  button = find_mapped (GTK_WIDGET (page), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (button)), "fixture"));

  /* The suggestion searches the correction. */
  g_signal_emit_by_name (button, "clicked");
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cg_window_get_search_entry (fixture->window))), ==, "fixture");
  g_assert_cmpstr (cg_search_page_get_query (page), ==, "fixture");
  g_assert_cmpuint (g_list_model_get_n_items (cg_search_page_get_results (page)), >=, 1);
}

static void
test_nonsense_no_results (Fixture       *fixture,
                          gconstpointer  data)
{
  CgSearchPage *page = type_query (fixture->window, "qzxvw");
  GtkWidget *status;

  g_assert_cmpuint (g_list_model_get_n_items (cg_search_page_get_results (page)), ==, 0);
  status = find_mapped (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Results");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "reception"));
  g_assert_null (find_result_row (page));
}

static void
test_copy_answer (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *expected = "Is there a second question?\n\nYes, and it has no review record.\n";
  CgSearchPage *page = type_query (fixture->window, "second question");
  GtkWidget *row, *button;
  g_autofree char *text = NULL;

  g_assert_cmpstr (cg_search_result_get_id (result_at (page, 0)), ==, "faq-second-question");

  /* The row's own button. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), "");
  row = find_result_row (page);
  g_assert_nonnull (row);
  button = find_mapped (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  text = cg_test_read_clipboard (fixture->window);
  g_assert_cmpstr (text, ==, expected);

  /* The keyboard's way, on the selected row. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), "");
  g_clear_pointer (&text, g_free);
  g_assert_true (cg_search_page_copy_selected_answer (page));
  text = cg_test_read_clipboard (fixture->window);
  g_assert_cmpstr (text, ==, expected);
}

/* F13: the first FAQ entry among the results shows its whole answer
 * above them, and Ctrl+Enter ("win.copy-answer") copies that answer; it
 * reads at the window's text size, which the kiosk makes large. */
static void
test_answer_box (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *expected = "Is there a second question?\n\nYes, and it has no review record.\n";
  CgSearchPage *page = type_query (fixture->window, "second question");
  CgDocumentView *view = cg_search_page_get_answer_view (page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  CgItem *answer = cg_search_page_get_answer (page);

  g_assert_nonnull (answer);
  g_assert_cmpstr (cg_item_get_id (answer), ==, "faq-second-question");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (shown, "Yes, and it has no review record."));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-answer", NULL));
  text = cg_test_read_clipboard (fixture->window);
  g_assert_cmpstr (text, ==, expected);

  cg_window_set_text_scale (fixture->window, 1.5);
  g_assert_cmpfloat_with_epsilon (cg_document_view_get_text_scale (view), 1.5, 0.001);

  /* No FAQ entry among the results: no answer box. */
  page = type_query (fixture->window, "zzzzqqqq");
  g_assert_null (cg_search_page_get_answer (page));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
}

static gboolean
is_copy_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Copy Answer") == 0;
}

/* Patients in the kiosk do not copy: its results have no Copy button;
 * the staff's do. */
static void
test_kiosk_no_copy (Fixture       *fixture,
                    gconstpointer  data)
{
  CgSearchPage *page = type_query (fixture->window, "second question");
  GtkWidget *row = find_result_row (page);

  g_assert_nonnull (row);
  g_assert_nonnull (cg_test_find_widget (row, is_copy_button, NULL));

  cg_application_set_kiosk (fixture->app, TRUE);
  g_assert_true (cg_window_get_kiosk (fixture->window));
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  page = type_query (fixture->window, "second question");
  row = find_result_row (page);
  g_assert_nonnull (row);
  g_assert_cmpstr (cg_search_result_get_id (result_at (page, 0)), ==, "faq-second-question");
  g_assert_null (cg_test_find_widget (page, is_copy_button, NULL));
  /* Taking the answer home stays. */
  g_assert_nonnull (find_mapped (row, GTK_TYPE_BUTTON));

  cg_application_set_kiosk (fixture->app, FALSE);
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_nonnull (cg_test_find_widget (find_result_row (page), is_copy_button, NULL));
}

int
main (int   argc,
      char *argv[])
{
  application = cg_test_init_application (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/search-ui/typing-shows-results", test_typing_shows_results);
  ADD ("/search-ui/arrow-and-enter-open", test_arrow_and_enter_open);
  ADD ("/search-ui/focus-search-selects-query", test_focus_search_selects_query);
  ADD ("/search-ui/opened-result-highlighted", test_opened_result_highlighted);
  ADD ("/search-ui/escape-goes-back", test_escape_goes_back);
  ADD ("/search-ui/typo-suggests", test_typo_suggests);
  ADD ("/search-ui/nonsense-no-results", test_nonsense_no_results);
  ADD ("/search-ui/copy-answer", test_copy_answer);
  ADD ("/search-ui/answer-box", test_answer_box);
  ADD ("/search-ui/kiosk-no-copy", test_kiosk_no_copy);
#undef ADD

  return g_test_run ();
}
