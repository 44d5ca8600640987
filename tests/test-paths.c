/* test-paths.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-paths.h"
#include "cg-settings.h"

static void
test_paths_uninstalled (void)
{
  g_autofree char *topics = NULL;

  /* The test binary runs from the build tree, so the bundled content must
   * be found in the source tree without any environment. */
  g_assert_true (cg_paths_is_uninstalled ());

  topics = g_build_filename (cg_paths_get_content_dir (), NULL);
  g_assert_true (g_file_test (topics, G_FILE_TEST_IS_DIR));
}

static void
test_settings_from_build_tree (void)
{
  g_autoptr(GSettings) settings = NULL;

  /* Even with no GSETTINGS_SCHEMA_DIR the build tree's schema is found. */
  g_unsetenv ("GSETTINGS_SCHEMA_DIR");
  settings = cg_settings_new ();

  g_assert_nonnull (settings);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paths/uninstalled", test_paths_uninstalled);
  g_test_add_func ("/paths/settings-from-build-tree", test_settings_from_build_tree);

  return g_test_run ();
}
