/* test-window-first.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bench/cg-bench-corpus.h"
#include "cg-application.h"
#include "cg-home-page.h"
#include "cg-kiosk.h"
#include "cg-test-ui.h"
#include "cg-window.h"
#include "cg-window-private.h"

/* Window first (F10): a clinic group's library of thousands of articles
 * takes seconds to load and index. The window does not wait for it: it
 * is on screen with the sidebar and the home page saying the content is
 * on its way, a search typed meanwhile says it is getting ready (never
 * "No Results"), and the same words are answered when the content comes.
 *
 * The library is generated: large enough that loading it takes many
 * times what showing a window takes, on any machine that runs the suite. */

#define N_ARTICLES 3000
#define QUERY      "aftercare"

static CgApplication *application;

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

static gboolean
label_mapped (gpointer    widget,
              const char *text)
{
  GtkWidget *label = cg_test_find_label (widget, text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static void
assert_loading_home (CgWindow *window)
{
  GtkWidget *page = cg_window_get_page_widget (window);

  g_assert_true (CG_IS_HOME_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (label_mapped (window, "Loading the clinic’s articles and questions…"));
  g_assert_true (label_mapped (window, "Loading topics…"));
  /* Quiet, not an error. */
  g_assert_false (label_mapped (window, "No Content"));
}

static void
test_window_before_content (void)
{
  CgContentWatcher *watcher = cg_application_get_content_watcher (application);
  CgWindow *window = cg_window_new (application);
  GtkSearchEntry *entry = cg_window_get_search_entry (window);
  CgKiosk *kiosk;
  GListModel *results;
  gboolean timed_out = FALSE;
  guint id;

  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (window);

  /* On screen, while the library is still loading. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_null (cg_content_watcher_peek_library (watcher));
  g_assert_null (cg_window_get_library (window));
  g_assert_true (cg_window_get_loading (window));
  assert_loading_home (window);
  /* Another language would wait for the whole load, frozen. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (application), "language"));

  /* The waiting room looks the same, and its reset for the next patient
   * leaves the same quiet page. */
  cg_application_set_kiosk (application, TRUE);
  kiosk = cg_window_get_kiosk_controller (window);
  g_assert_nonnull (kiosk);
  gtk_editable_set_text (GTK_EDITABLE (entry), "something a patient typed");
  cg_kiosk_reset (kiosk);
  cg_test_wait_for_frame (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (cg_window_get_searching (window));
  assert_loading_home (window);
  cg_application_set_kiosk (application, FALSE);
  cg_test_wait_for_frame (window);

  /* A search typed now gets ready; it does not say there is nothing. */
  cg_test_activate (window, "win.search", QUERY);
  cg_test_wait_for_frame (window);
  g_assert_null (cg_content_watcher_peek_library (watcher));
  g_assert_true (cg_window_get_searching (window));
  g_assert_true (label_mapped (window, "Getting Ready…"));
  g_assert_false (label_mapped (window, "No Results"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (cg_window_get_search_page (window))));

  /* The content comes in the main loop, without anyone asking for it. */
  id = g_timeout_add_seconds (120, timeout_cb, &timed_out);
  while (!timed_out && cg_window_get_library (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  cg_test_wait_for_frame (window);

  /* The words typed are answered, where they were typed. */
  g_assert_false (cg_window_get_loading (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (application), "language"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, QUERY);
  g_assert_true (cg_window_get_searching (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (cg_window_get_search_page (window))));
  g_assert_false (label_mapped (window, "Getting Ready…"));
  g_assert_cmpstr (cg_search_page_get_query (cg_window_get_search_page (window)), ==, QUERY);
  results = cg_search_page_get_results (cg_window_get_search_page (window));
  g_assert_nonnull (results);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);

  /* The topics are in the sidebar, and Escape leads to the home page of
   * the content, with no loading left on it. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (cg_window_get_sidebar (window), 1));
  g_assert_false (label_mapped (window, "Loading topics…"));
  g_assert_true (cg_window_stop_search (window));
  cg_test_wait_for_frame (window);
  g_assert_cmpstr (cg_window_get_page (window), ==, "home");
  g_assert_true (gtk_widget_get_mapped (cg_window_get_page_widget (window)));
  g_assert_false (label_mapped (window, "Loading the clinic’s articles and questions…"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A reader who closes the window while the library is still loading
 * (here: the program quits at its first frame, as `make bench` has it
 * do): the program ends cleanly. The loader thread went on parsing into
 * the process's exit, when libxml2 frees what validation uses, and the
 * program crashed. */
static const char *library_dir;

static void
test_quit_while_loading (void)
{
  const char *program = g_getenv ("CLINIC_GUIDE");
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "CLINIC_GUIDE_BENCH_FIRST_FRAME", "1", TRUE);

  /* What the program leaves at exit is not this test's question. */
  env = g_environ_setenv (env, "ASAN_OPTIONS", "detect_leaks=0", TRUE);

  g_assert_nonnull (program);
  for (guint i = 0; i < 3; i++)
    {
      /* On a bus of its own: this test's application owns the name. */
      const char *argv[] = { "dbus-run-session", "--", program, "--content-dir", library_dir, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status = -1;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_spawn_check_wait_status (status, &error);
      g_assert_no_error (error);
      /* It did quit at its first frame, before the library was loaded. */
      g_assert_nonnull (strstr (out, "first_frame_unix_us "));
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  dir = g_dir_make_tmp ("cg-window-first-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_true (cg_bench_corpus_write (dir, N_ARTICLES, CG_BENCH_CORPUS_SEED, NULL, &error));
  g_assert_no_error (error);

  /* As at a real start: the load starts with the application, in its
   * thread; the first window comes before it is done. */
  application = cg_application_new ();
  cg_application_set_content_dirs (application, (const char * const[]) { dir, NULL });
  g_application_register (G_APPLICATION (application), NULL, NULL);

  library_dir = dir;

  g_test_add_func ("/window-first/window-before-content", test_window_before_content);
  g_test_add_func ("/window-first/quit-while-loading", test_quit_while_loading);

  status = g_test_run ();

  g_clear_object (&application);
  remove_tree (dir);

  return status;
}
