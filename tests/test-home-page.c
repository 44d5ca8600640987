/* test-home-page.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-home-page.h"
#include "cg-test-ui.h"

static void
test_home_page_library (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgHomePage) page = CG_HOME_PAGE (g_object_ref_sink (cg_home_page_new (library)));
  g_autoptr(CgLibrary) got = NULL;

  g_object_get (page, "library", &got, NULL);
  g_assert_true (got == library);
  g_assert_true (cg_home_page_get_library (page) == library);
  /* The page greets with the clinic of its library. */
  g_assert_nonnull (cg_test_find_label (page, "Fixture Clinic"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/home-page/library", test_home_page_library);

  return g_test_run ();
}
