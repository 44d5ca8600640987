/* test-content-discovery.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cg-content-discovery.h"

/* Which files of a clinic's folder are read, in which order, and which
 * copy a reader who chose another language sees. */

typedef struct
{
  char *dir;
} Fixture;

static void
write_file (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, "<topics/>", -1, &error);
  g_assert_no_error (error);
}

static const char * const fixture_files[] = {
  "content/b.xml", "content/a.xml", "content/.a.xml.swp.xml", "content/notes.txt",
  "content/c.xml~", "content/images/d.xml", "translated/fr/a.xml", "translated/de/b.xml",
};

/* Emptied before the folders that hold them. */
static const char * const folders[] = {
  "content/images", "content", "translated/fr", "translated/de", "translated",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cg-discovery-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fixture_files); i++)
    write_file (fixture->dir, fixture_files[i]);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture_files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, fixture_files[i], NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, folders[i], NULL);

      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
}

static char *
base_names (GPtrArray *files)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (files, i));

      g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", name);
    }

  return g_string_free (names, FALSE);
}

static void
test_folder (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *content = g_build_filename (fixture->dir, "content", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CgProblem) problem = NULL;
  g_autofree char *names = NULL;

  /* Content files only, by name: an editor's backup and swap files, other
   * files and what is in subfolders are left alone. */
  cg_content_discovery_list (content, files, &problem);
  g_assert_null (problem);
  names = base_names (files);
  g_assert_cmpstr (names, ==, "a.xml b.xml");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (files, 0), content));
}

static void
test_single_file_and_missing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "content", "b.xml", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "nowhere", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CgProblem) problem = NULL;

  /* The clinic file is named on its own. */
  cg_content_discovery_list (file, files, &problem);
  g_assert_null (problem);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, file);

  /* A folder that is not there is a problem with the whole folder. */
  cg_content_discovery_list (missing, files, &problem);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->file, ==, missing);
  g_assert_cmpint (problem->line, ==, 0);
  g_assert_cmpint (problem->code, ==, CG_CONTENT_ERROR_READ);
  g_assert_cmpstr (problem->message, ==, "does not exist");
}

static void
test_translation (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *translated = g_build_filename (fixture->dir, "translated", NULL);
  g_autofree char *a = g_build_filename (fixture->dir, "content", "a.xml", NULL);
  g_autofree char *b = g_build_filename (fixture->dir, "content", "b.xml", NULL);
  g_autofree char *a_fr = g_build_filename (translated, "fr", "a.xml", NULL);
  g_autofree char *a_in_fr = cg_content_discovery_translation (a, translated, "fr");
  g_autofree char *b_in_fr = cg_content_discovery_translation (b, translated, "fr");
  g_autofree char *a_in_en = cg_content_discovery_translation (a, translated, "en");
  g_autofree char *a_untranslated = cg_content_discovery_translation (a, NULL, "fr");

  /* The French copy when there is one; the original otherwise. */
  g_assert_cmpstr (a_in_fr, ==, a_fr);
  g_assert_cmpstr (b_in_fr, ==, b);
  g_assert_cmpstr (a_in_en, ==, a);
  g_assert_cmpstr (a_untranslated, ==, a);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/content-discovery/folder", test_folder);
  ADD ("/content-discovery/single-file-and-missing", test_single_file_and_missing);
  ADD ("/content-discovery/translation", test_translation);

#undef ADD

  return g_test_run ();
}
