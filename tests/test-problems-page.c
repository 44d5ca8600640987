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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/problems-page/library", test_problems_page_library);

  return g_test_run ();
}
