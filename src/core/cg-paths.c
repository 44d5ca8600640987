/* cg-paths.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "cg-paths.h"

/* `make run`, the screenshot tools and the tests start the program straight
 * from the build tree, with no environment prepared. When the executable
 * lives below the build directory we read the bundled content from the
 * source tree and the generated files from the build tree instead of the
 * installed locations.
 */
gboolean
cg_paths_is_uninstalled (void)
{
  static gsize initialized;
  static gboolean uninstalled;

  if (g_once_init_enter (&initialized))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autoptr(GFile) exe_file = NULL;
      g_autoptr(GFile) build_dir = g_file_new_for_path (CG_BUILD_DIR);

      if (exe != NULL)
        {
          exe_file = g_file_new_for_path (exe);
          uninstalled = g_file_has_prefix (exe_file, build_dir);
        }

      g_once_init_leave (&initialized, 1);
    }

  return uninstalled;
}

const char *
cg_paths_get_content_dir (void)
{
  if (cg_paths_is_uninstalled ())
    return CG_SOURCE_DIR "/data/content";

  return PKGDATADIR "/content";
}

/* The per-language copies of the content that itstool merges at build time. */
const char *
cg_paths_get_translated_dir (void)
{
  if (cg_paths_is_uninstalled ())
    return CG_BUILD_DIR "/po/content";

  return PKGDATADIR "/content";
}

/* The sample clinic's details; a clinic's own content folder replaces it. */
const char *
cg_paths_get_clinic_file (void)
{
  if (cg_paths_is_uninstalled ())
    return CG_SOURCE_DIR "/data/clinic.xml";

  return PKGDATADIR "/clinic.xml";
}

const char *
cg_paths_get_locale_dir (void)
{
  if (cg_paths_is_uninstalled ())
    return CG_BUILD_DIR "/po";

  return LOCALEDIR;
}

/* Only meaningful uninstalled: installed, GSettings finds the schema itself. */
const char *
cg_paths_get_schemas_dir (void)
{
  return CG_BUILD_DIR "/data";
}
