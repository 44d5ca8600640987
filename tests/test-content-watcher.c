/* test-content-watcher.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cg-content-watcher-private.h"

/* A clinic edits its own folder while the application shows it: after
 * each step the library agrees with the files, and a broken or
 * half-written file never blanks what was shown. */

typedef struct
{
  char             *folder;
  CgContentWatcher *watcher;
  guint             reloads;
} Fixture;

#define TOPICS \
  "<topics><topic id=\"clinic-news\" icon=\"dialog-information-symbolic\">" \
  "<title>Clinic news</title><summary>What is new at the clinic.</summary></topic></topics>\n"

#define ARTICLE(id, title) \
  "<article id=\"" id "\" topic=\"clinic-news\">\n" \
  "  <title>" title "</title>\n" \
  "  <summary>A summary.</summary>\n" \
  "  <review date=\"2026-11-01\" by=\"Test\"/>\n" \
  "  <body><p>Some words about " title ".</p></body>\n" \
  "</article>\n"

static void
library_cb (CgContentWatcher *watcher,
            GParamSpec       *pspec,
            Fixture          *fixture)
{
  fixture->reloads++;
}

static void
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
wait_for_reload (Fixture *fixture)
{
  guint before = fixture->reloads;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (fixture->reloads == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (fixture->reloads, >, before);

  /* Let a reload that was queued behind this one finish too. */
  while (cg_content_watcher_get_loading (fixture->watcher))
    g_main_context_iteration (NULL, TRUE);
}

static const char *
title_of (Fixture    *fixture,
          const char *id)
{
  CgItem *item = cg_library_lookup_item (cg_content_watcher_get_library (fixture->watcher), id);

  return item ? cg_item_get_title (item) : NULL;
}

static guint
n_problems (Fixture *fixture)
{
  return cg_library_get_problems (cg_content_watcher_get_library (fixture->watcher))->len;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const char *folders[2] = { NULL, NULL };

  fixture->folder = g_dir_make_tmp ("cg-watcher-XXXXXX", &error);
  g_assert_no_error (error);

  write_file (fixture, "topics.xml", TOPICS);
  write_file (fixture, "opening.xml", ARTICLE ("opening", "New opening hours"));

  folders[0] = fixture->folder;
  fixture->watcher = cg_content_watcher_new (folders, "en");
  g_signal_connect (fixture->watcher, "notify::library", G_CALLBACK (library_cb), fixture);
  cg_content_watcher_load (fixture->watcher);
  fixture->reloads = 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->folder, 0, NULL);
  const char *name;

  g_clear_object (&fixture->watcher);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
}

static void
test_clinic_folder_is_loaded_over_the_bundled_content (Fixture       *fixture,
                                                       gconstpointer  user_data)
{
  CgLibrary *library = cg_content_watcher_get_library (fixture->watcher);

  g_assert_cmpstr (title_of (fixture, "opening"), ==, "New opening hours");
  g_assert_nonnull (cg_library_lookup_topic (library, "clinic-news"));
  /* The bundled content is still there underneath. */
  g_assert_nonnull (cg_library_lookup_item (library, "what-is-microneedling"));
  g_assert_cmpuint (n_problems (fixture), ==, 0);
}

static void
test_add_change_break_fix_delete (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  /* Add */
  write_file (fixture, "parking.xml", ARTICLE ("parking", "Parking at the clinic"));
  wait_for_reload (fixture);
  g_assert_cmpstr (title_of (fixture, "parking"), ==, "Parking at the clinic");

  /* Change */
  write_file (fixture, "parking.xml", ARTICLE ("parking", "Free parking at the clinic"));
  wait_for_reload (fixture);
  g_assert_cmpstr (title_of (fixture, "parking"), ==, "Free parking at the clinic");
  g_assert_cmpuint (n_problems (fixture), ==, 0);

  /* Break: half-written, as an editor saving over a slow share leaves it. */
  write_file (fixture, "parking.xml", "<article id=\"parking\" topic=\"clinic-news\">\n  <title>Free par");
  wait_for_reload (fixture);
  g_assert_cmpstr (title_of (fixture, "parking"), ==, "Free parking at the clinic");
  g_assert_cmpuint (n_problems (fixture), ==, 1);

  /* Fix */
  write_file (fixture, "parking.xml", ARTICLE ("parking", "Parking and access"));
  wait_for_reload (fixture);
  g_assert_cmpstr (title_of (fixture, "parking"), ==, "Parking and access");
  g_assert_cmpuint (n_problems (fixture), ==, 0);

  /* Delete */
  {
    g_autofree char *path = g_build_filename (fixture->folder, "parking.xml", NULL);
    g_assert_cmpint (g_unlink (path), ==, 0);
  }
  wait_for_reload (fixture);
  g_assert_null (title_of (fixture, "parking"));
  g_assert_cmpstr (title_of (fixture, "opening"), ==, "New opening hours");
}

static void
test_clinic_overrides_a_bundled_article (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  write_file (fixture, "what-is-microneedling.xml",
              "<article id=\"what-is-microneedling\" topic=\"about\" replaces=\"true\">\n"
              "  <title>Microneedling at our clinic</title>\n"
              "  <summary>Our own words.</summary>\n"
              "  <review date=\"2026-11-01\" by=\"Dr Example\"/>\n"
              "  <body><p>We use a derma pen.</p></body>\n"
              "</article>\n");
  wait_for_reload (fixture);

  g_assert_cmpstr (title_of (fixture, "what-is-microneedling"), ==, "Microneedling at our clinic");
  g_assert_cmpuint (n_problems (fixture), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/content-watcher/loads-clinic-folder", Fixture, NULL,
              fixture_set_up, test_clinic_folder_is_loaded_over_the_bundled_content, fixture_tear_down);
  g_test_add ("/content-watcher/add-change-break-fix-delete", Fixture, NULL,
              fixture_set_up, test_add_change_break_fix_delete, fixture_tear_down);
  g_test_add ("/content-watcher/overrides-bundled", Fixture, NULL,
              fixture_set_up, test_clinic_overrides_a_bundled_article, fixture_tear_down);

  return g_test_run ();
}
