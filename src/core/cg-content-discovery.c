/* cg-content-discovery.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cg-content-discovery.h"

/* Which files a folder of the search path holds, and which copy of each
 * is read in the reader's language. */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * cg_content_discovery_list:
 * @path: a content folder, or a single content file
 * @files: (element-type utf8): where the content files found are added
 * @problem: (out): set when @path cannot be listed
 *
 * Adds the content files of @path to @files: @path itself when it is not
 * a folder, otherwise the .xml files in it that are not hidden, sorted by
 * name.
 */
void
cg_content_discovery_list (const char  *path,
                           GPtrArray   *files,
                           CgProblem  **problem)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  g_return_if_fail (path != NULL);
  g_return_if_fail (problem != NULL && *problem == NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      GStatBuf buf;

      /* Only a missing path "does not exist"; a name too long, or a folder
       * on the way that cannot be entered, says so. */
      if (g_stat (path, &buf) != 0)
        {
          int saved_errno = errno;
          g_autofree char *message = NULL;

          if (saved_errno == ENOENT)
            message = g_strdup (_("does not exist"));
          else
            message = g_strdup_printf (_("cannot be read: %s"), g_strerror (saved_errno));
          *problem = cg_problem_new (path, 0, 0, CG_CONTENT_ERROR_READ, message);
          return;
        }

      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("cannot be read: %s"), error->message);

      *problem = cg_problem_new (path, 0, 0, CG_CONTENT_ERROR_READ, message);
      return;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml") && name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));

  /* Load in a stable order, so that problems and overrides are repeatable. */
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_strdup (g_ptr_array_index (names, i)));
}

/**
 * cg_content_discovery_translation:
 * @path: a content file
 * @translated_root: (nullable): a folder holding `<lang>/<name>.xml`
 *   translated copies
 * @language: (nullable): the reader's language
 *
 * Returns: (transfer full): the translated copy of @path, when there is
 *   one for @language, otherwise @path
 */
char *
cg_content_discovery_translation (const char *path,
                                  const char *translated_root,
                                  const char *language)
{
  g_autofree char *basename = NULL;
  g_autofree char *candidate = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (translated_root == NULL || language == NULL || g_str_equal (language, "en"))
    return g_strdup (path);

  basename = g_path_get_basename (path);
  candidate = g_build_filename (translated_root, language, basename, NULL);
  if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&candidate);

  return g_strdup (path);
}
