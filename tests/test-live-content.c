/* test-live-content.c
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
#include "cg-problems-page.h"
#include "cg-window.h"
#include "cg-window-private.h"

/* A content editor's way: a clinic folder given to the application, an
 * article in it open on screen, then the file edited, broken and
 * deleted while the window shows it. */

#define ARTICLE_ID "live-test-article"

#define ARTICLE_FORMAT \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<article id=\"" ARTICLE_ID "\" topic=\"aftercare\">\n" \
  "  <title>%s</title>\n" \
  "  <summary>An article written while the app runs.</summary>\n" \
  "  <review date=\"2026-11-02\" by=\"Test reviewer\"/>\n" \
  "  <body>\n" \
  "    <p>Paragraph of the live article.</p>\n" \
  "  </body>\n" \
  "</article>\n"

typedef struct
{
  CgApplication *app;
  CgWindow      *window;
  char          *dir;
  char          *file;
} Fixture;

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the watcher has swapped in another library
 * (the file monitor, a short pause, a load in a thread). The time limit
 * only keeps a broken monitor from hanging the suite. */
static void
wait_for_reload (Fixture   *fixture,
                 CgLibrary *before)
{
  CgContentWatcher *watcher = cg_application_get_content_watcher (fixture->app);
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (!timed_out && (cg_content_watcher_get_library (watcher) == before ||
                        cg_content_watcher_get_busy (watcher)))
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
write_article (Fixture    *fixture,
               const char *contents)
{
  CgLibrary *before = cg_application_get_library (fixture->app);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->file, contents, -1, &error);
  g_assert_no_error (error);
  wait_for_reload (fixture, before);
}

static const char *
shown_title (CgWindow *window)
{
  GtkWidget *page = cg_window_get_page_widget (window);

  g_assert_true (CG_IS_ARTICLE_PAGE (page));

  return cg_item_get_title (cg_article_page_get_item (CG_ARTICLE_PAGE (page)));
}

static char *
shown_text (CgWindow *window)
{
  CgDocumentView *view = cg_article_page_get_document_view (CG_ARTICLE_PAGE (cg_window_get_page_widget (window)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static CgApplication *application;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *contents = g_strdup_printf (ARTICLE_FORMAT, "Live title one");
  g_autoptr(GError) error = NULL;
  const char *dirs[2] = { NULL, NULL };

  fixture->app = g_object_ref (application);
  fixture->dir = g_dir_make_tmp ("cg-live-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->file = g_build_filename (fixture->dir, ARTICLE_ID ".xml", NULL);
  g_file_set_contents (fixture->file, contents, -1, &error);
  g_assert_no_error (error);

  dirs[0] = fixture->dir;
  cg_application_set_content_dirs (fixture->app, dirs);
  g_assert_nonnull (cg_library_lookup_item (cg_application_get_library (fixture->app), ARTICLE_ID));

  fixture->window = g_object_ref_sink (cg_window_new (fixture->app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (cg_window_open_page (fixture->window, "item:" ARTICLE_ID));
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (shown_title (fixture->window), ==, "Live title one");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  cg_application_set_content_dirs (fixture->app, NULL);
  g_remove (fixture->file);
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->file, g_free);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_object (&fixture->app);
}

static void
test_edit_changes_title (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *contents = g_strdup_printf (ARTICLE_FORMAT, "Live title two");
  g_autofree char *text = NULL;

  write_article (fixture, contents);

  /* The same page, with the new words. */
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:" ARTICLE_ID);
  g_assert_cmpstr (shown_title (fixture->window), ==, "Live title two");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Live title two — Clinic Guide");
  text = shown_text (fixture->window);
  g_assert_true (g_str_has_prefix (text, "Live title two"));

  /* The search follows the new content. */
  gtk_editable_set_text (GTK_EDITABLE (cg_window_get_search_entry (fixture->window)), "live title two");
  while (!cg_window_get_searching (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (cg_search_page_get_results (cg_window_get_search_page (fixture->window))), >=, 1);
  {
    g_autoptr(CgSearchResult) first = g_list_model_get_item (cg_search_page_get_results (cg_window_get_search_page (fixture->window)), 0);

    g_assert_cmpstr (cg_search_result_get_id (first), ==, ARTICLE_ID);
  }
}

static void
test_broken_file_keeps_title (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *name = g_path_get_basename (fixture->file);
  g_autofree char *problems = NULL;
  g_autofree char *fixed = g_strdup_printf (ARTICLE_FORMAT, "Live title two");
  CgProblemsPage *page;

  g_assert_cmpuint (cg_library_get_problems (cg_window_get_library (fixture->window))->len, ==, 0);

  write_article (fixture,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<article id=\"" ARTICLE_ID "\" topic=\"aftercare\">\n"
                 "  <title>Half written\n");

  /* The last good version stays on screen... */
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:" ARTICLE_ID);
  g_assert_cmpstr (shown_title (fixture->window), ==, "Live title one");

  /* ...and the problems page says what is wrong, and where... */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-problems", NULL));
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "problems");
  page = cg_window_get_problems_page (fixture->window);
  g_assert_nonnull (page);
  /* The keyboard is on the page, where the keys lead through the list. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (page)));
  g_assert_cmpuint (cg_problems_page_get_n_problems (page), >=, 1);
  problems = cg_problems_page_dup_text (page);
  g_assert_nonnull (strstr (problems, name));
  g_assert_true (g_regex_match_simple (":[0-9]+:[0-9]+: ", problems, 0, 0));

  /* ...and follows the file as it is fixed, on the page. */
  write_article (fixture, fixed);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "problems");
  g_assert_cmpuint (cg_problems_page_get_n_problems (page), ==, 0);

  /* Back leads to the article, in its fixed version. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL));
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:" ARTICLE_ID);
  g_assert_cmpstr (shown_title (fixture->window), ==, "Live title two");
}

static void
test_deleted_article_returns_to_topic (Fixture       *fixture,
                                       gconstpointer  data)
{
  CgLibrary *before = cg_application_get_library (fixture->app);

  g_assert_cmpint (g_remove (fixture->file), ==, 0);
  wait_for_reload (fixture, before);

  g_assert_null (cg_library_lookup_item (cg_window_get_library (fixture->window), ARTICLE_ID));
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "topic:aftercare");
  g_assert_true (gtk_widget_get_mapped (cg_window_get_page_widget (fixture->window)));
}

/* The problems are the staff's: not in the waiting room, where the
 * window goes home, and Back does not lead to them. */
static void
test_problems_not_in_kiosk (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  g_assert_true (gtk_widget_activate_action (window, "win.show-problems", NULL));
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "problems");

  cg_window_set_kiosk (fixture->window, TRUE);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "home");
  gtk_widget_activate_action (window, "win.show-problems", NULL);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "home");
  /* Home, then the problems skipped over, then the article. */
  g_assert_true (gtk_widget_activate_action (window, "win.go-back", NULL));
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:" ARTICLE_ID);

  cg_window_set_kiosk (fixture->window, FALSE);
  g_assert_true (gtk_widget_activate_action (window, "win.show-problems", NULL));
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "problems");
}

int
main (int   argc,
      char *argv[])
{
  application = cg_test_init_application (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/live-content/edit-changes-title", test_edit_changes_title);
  ADD ("/live-content/broken-file-keeps-title", test_broken_file_keeps_title);
  ADD ("/live-content/deleted-article-returns-to-topic", test_deleted_article_returns_to_topic);
  ADD ("/live-content/problems-not-in-kiosk", test_problems_not_in_kiosk);
#undef ADD

  return g_test_run ();
}
