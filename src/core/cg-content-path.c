/* cg-content-path.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-content-path.h"
#include "cg-paths.h"

/* Where content comes from, lowest priority first; a later folder
 * overrides an earlier one by id:
 *
 *   1. the bundled content (added by cg_content_loader_add_bundled())
 *   2. $XDG_DATA_DIRS/clinic-guide/content: what the system administrator
 *      installed for every user (the first data dir of the list wins)
 *   3. the folder in the GSettings key content-directory, for example a
 *      network share that every desktop of a chain of clinics reads
 *   4. each --content-dir given on the command line, in order
 */

static gboolean
same_folder (const char *a,
             const char *b)
{
  g_autoptr(GFile) fa = g_file_new_for_path (a);
  g_autoptr(GFile) fb = g_file_new_for_path (b);

  return g_file_equal (fa, fb);
}

/**
 * cg_content_path_get_folders:
 * @settings: (nullable): the application's settings
 * @extra_folders: (nullable): folders from the command line
 *
 * Returns: (transfer full): the clinic folders on top of the bundled
 *   content, lowest priority first
 */
char **
cg_content_path_get_folders (GSettings          *settings,
                             const char * const *extra_folders)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *data_dirs = g_get_system_data_dirs ();
  guint n_data_dirs = data_dirs ? g_strv_length ((char **) data_dirs) : 0;

  for (guint i = n_data_dirs; i > 0; i--)
    {
      g_autofree char *folder = g_build_filename (data_dirs[i - 1], "clinic-guide", "content", NULL);

      /* The installed bundled content lives in one of these already. */
      if (same_folder (folder, cg_paths_get_content_dir ()))
        continue;
      if (g_file_test (folder, G_FILE_TEST_IS_DIR))
        g_strv_builder_add (builder, folder);
    }

  if (settings != NULL)
    {
      g_autofree char *folder = g_settings_get_string (settings, "content-directory");

      /* Kept even when missing, so that the problem is reported. */
      if (folder != NULL && folder[0] != '\0')
        g_strv_builder_add (builder, folder);
    }

  for (guint i = 0; extra_folders != NULL && extra_folders[i] != NULL; i++)
    g_strv_builder_add (builder, extra_folders[i]);

  return g_strv_builder_end (builder);
}

/**
 * cg_content_path_setup_loader:
 * @folders: (nullable): what cg_content_path_get_folders() returned
 *
 * Adds the bundled content, then @folders, to @loader. A clinic folder
 * keeps its translations in <folder>/<lang>/.
 */
void
cg_content_path_setup_loader (CgContentLoader    *loader,
                              const char * const *folders)
{
  g_return_if_fail (CG_IS_CONTENT_LOADER (loader));

  cg_content_loader_add_bundled (loader);

  for (guint i = 0; folders != NULL && folders[i] != NULL; i++)
    cg_content_loader_add_path (loader, folders[i], folders[i]);
}
