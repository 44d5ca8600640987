/* cg-test-content.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-content-loader.h"
#include "cg-test-content.h"

/**
 * cg_test_load_library:
 * @fixture: a folder of tests/data, such as "reading"
 *
 * Returns: (transfer full): the folder's content, which must have no
 *   problems
 */
CgLibrary *
cg_test_load_library (const char *fixture)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", fixture, NULL);
  CgLibrary *library;

  cg_content_loader_add_path (loader, dir, NULL);
  library = cg_content_loader_load (loader, NULL);
  g_assert_cmpuint (cg_library_get_problems (library)->len, ==, 0);

  return library;
}
