/* test-problems-page.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cg-content-loader.h"
#include "cg-problems-page.h"
#include "cg-test-content.h"
#include "cg-test-ui.h"

/* The fixture content and one broken file beside it. */
static CgLibrary *
load_with_problem (void)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "reading", NULL);
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "data", "loader", "hostile", "garbage.xml", NULL);
  CgLibrary *library;

  cg_content_loader_add_path (loader, dir, NULL);
  cg_content_loader_add_path (loader, broken, NULL);
  library = cg_content_loader_load (loader, NULL);
  g_assert_cmpuint (cg_library_get_problems (library)->len, >=, 1);

  return library;
}

/* The main window binds its library to the page: the page notifies only
 * when the library changes, and lists the problems of the one it has. */
static void
test_problems_page_library (void)
{
  g_autoptr(CgLibrary) clean = cg_test_load_library ("reading");
  g_autoptr(CgLibrary) broken = load_with_problem ();
  g_autoptr(CgProblemsPage) page = CG_PROBLEMS_PAGE (g_object_ref_sink (cg_problems_page_new ()));
  guint *notified = cg_test_count_notify (page, "library");
  g_autoptr(CgLibrary) got = NULL;
  g_autofree char *text = NULL;

  g_object_get (page, "library", &got, NULL);
  g_assert_null (got);

  g_object_set (page, "library", clean, NULL);
  g_assert_cmpuint (*notified, ==, 1);
  g_assert_cmpuint (cg_problems_page_get_n_problems (page), ==, 0);
  g_object_set (page, "library", clean, NULL);
  g_assert_cmpuint (*notified, ==, 1);

  g_object_set (page, "library", broken, NULL);
  g_assert_cmpuint (*notified, ==, 2);
  g_object_get (page, "library", &got, NULL);
  g_assert_true (got == broken);
  g_assert_cmpuint (cg_problems_page_get_n_problems (page), ==, cg_library_get_problems (broken)->len);
  text = cg_problems_page_dup_text (page);
  g_assert_nonnull (strstr (text, "garbage.xml"));

  g_object_set (page, "library", NULL, NULL);
  g_assert_cmpuint (*notified, ==, 3);
  g_assert_cmpuint (cg_problems_page_get_n_problems (page), ==, 0);
}

/* Right to left (Arabic), a problem's line starts on the right with its
 * whole place, file:line:column:, and its message reads on to the left:
 * the file name's Latin letters do not turn the line around. */
static void
test_problems_page_right_to_left (void)
{
  g_autoptr(CgLibrary) broken = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page, *label;
  const CgProblem *problem;
  PangoLayout *layout;
  PangoRectangle place, message;
  const char *text, *at;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  broken = load_with_problem ();
  problem = g_ptr_array_index (cg_library_get_problems (broken), 0);
  page = cg_problems_page_new ();
  cg_problems_page_set_library (CG_PROBLEMS_PAGE (page), broken);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (window);

  label = cg_test_find_descendant (cg_problems_page_get_list (CG_PROBLEMS_PAGE (page)), GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  layout = gtk_label_get_layout (GTK_LABEL (label));
  text = pango_layout_get_text (layout);
  at = strstr (text, "garbage.xml");
  g_assert_nonnull (at);
  pango_layout_index_to_pos (layout, at - text, &place);
  at = strstr (text, problem->message);
  g_assert_nonnull (at);
  pango_layout_index_to_pos (layout, at - text, &message);
  g_test_message ("place at x %d, message at x %d", place.x / PANGO_SCALE, message.x / PANGO_SCALE);
  g_assert_cmpint (place.x, >, message.x);

  /* Copied, the line has no marks: tools read it. */
  {
    g_autofree char *copied = cg_problems_page_dup_text (CG_PROBLEMS_PAGE (page));

    g_assert_null (strstr (copied, "\xe2\x81\xa6"));
    g_assert_null (strstr (copied, "\xe2\x80\x8f"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/problems-page/library", test_problems_page_library);
  g_test_add_func ("/problems-page/right-to-left", test_problems_page_right_to_left);

  return g_test_run ();
}
