/* test-content-reload.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cg-content-loader.h"
#include "cg-content-path.h"
#include "cg-content-watcher-private.h"
#include "cg-plain-text.h"
#include "cg-search-index-private.h"
#include "cg-search-result.h"
#include "cg-test-content.h"

/* A clinic edits its folder while the application shows it (F10). A
 * reload that reads only the files that changed must show exactly what
 * a full load of the same folder shows, search included; a folder that
 * drops out for a moment must not take its content with it; a writer
 * that never stops must not hold changes back; and a folder whose
 * changes inotify cannot hear is polled. */

typedef struct
{
  char             *folder;
  CgContentWatcher *watcher;
  guint             reloads;
  GHashTable       *last_good;   /* for the reference loads, as a watcher keeps it */
} Fixture;

#define TOPICS \
  "<topics><topic id=\"clinic-news\" icon=\"dialog-information-symbolic\">" \
  "<title>Clinic news</title><summary>What is new at the clinic.</summary></topic></topics>\n"

#define ARTICLE_WITH(id, title, order, body) \
  "<article id=\"" id "\" topic=\"clinic-news\" order=\"" order "\">\n" \
  "  <title>" title "</title>\n" \
  "  <summary>A summary of " title ".</summary>\n" \
  "  <review date=\"2026-11-01\" by=\"Test\"/>\n" \
  "  <body>" body "</body>\n" \
  "</article>\n"

#define ARTICLE(id, title, body) ARTICLE_WITH (id, title, "10", "<p>" body "</p>")

#define FAQ(answer) \
  "<faq>\n" \
  "  <entry id=\"parking-question\" topic=\"clinic-news\" popular=\"true\">\n" \
  "    <question>Where can I park?</question>\n" \
  "    <answer><p>" answer "</p></answer>\n" \
  "  </entry>\n" \
  "  <entry id=\"wheelchair-question\" topic=\"clinic-news\">\n" \
  "    <question>Is there step-free access?</question>\n" \
  "    <answer><p>Yes, by the side door, next to the parking spaces.</p></answer>\n" \
  "  </entry>\n" \
  "</faq>\n"

#define OVERRIDE(body) \
  "<article id=\"what-is-microneedling\" topic=\"about\" replaces=\"true\">\n" \
  "  <title>Microneedling at our clinic</title>\n" \
  "  <summary>Our own words.</summary>\n" \
  "  <review date=\"2026-11-01\" by=\"Dr Example\"/>\n" \
  "  <body><p>" body "</p></body>\n" \
  "</article>\n"

static const char * const queries[] = {
  "parking", "park", "clinic", "hours", "opening hours", "microneedling", "derma pen",
  "side door", "step free", "parkng", "coffee", "evening", "skin needling", "derma roller",
  "hair loss", "bicycle", "evening clinics", "late", "bus", "thursday", "permits",
  "clinic note", "clinic opens parking", "closes", NULL,
};

static void
library_cb (CgContentWatcher *watcher,
            GParamSpec       *pspec,
            Fixture          *fixture)
{
  fixture->reloads++;
}

static char *
path_of (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->folder, name, NULL);
}

static void
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = path_of (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
remove_file (Fixture    *fixture,
             const char *name)
{
  g_autofree char *path = path_of (fixture, name);

  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
rename_file (Fixture    *fixture,
             const char *name,
             const char *new_name)
{
  g_autofree char *from = path_of (fixture, name);
  g_autofree char *to = path_of (fixture, new_name);

  g_assert_cmpint (g_rename (from, to), ==, 0);
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (5000);
}

/* Waits for the library to change, then for a reload queued behind it. */
static void
wait_for_reload (Fixture *fixture)
{
  guint before = fixture->reloads;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (fixture->reloads == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (fixture->reloads, >, before);

  while (cg_content_watcher_get_loading (fixture->watcher))
    g_main_context_iteration (NULL, TRUE);
}

static CgLibrary *
library_of (Fixture *fixture)
{
  return cg_content_watcher_get_library (fixture->watcher);
}

static const char *
title_of (Fixture    *fixture,
          const char *id)
{
  CgItem *item = cg_library_lookup_item (library_of (fixture), id);

  return item ? cg_item_get_title (item) : NULL;
}

/* Everything a reader or the problems window sees of a library, in order. */
static char *
describe_library (CgLibrary *library)
{
  GString *out = g_string_new (NULL);
  GListModel *topics = cg_library_get_topics (library);
  GListModel *items = cg_library_get_items (library);
  GPtrArray *problems = cg_library_get_problems (library);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(CgTopic) topic = g_list_model_get_item (topics, i);

      g_string_append_printf (out, "topic %s %s\n", cg_topic_get_id (topic), cg_topic_get_title (topic));
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (items, i);
      g_autofree char *text = cg_plain_text_from_item (item);

      g_string_append_printf (out, "item %s %s %s %s\n%s\n", G_OBJECT_TYPE_NAME (item),
                              cg_item_get_id (item), cg_item_get_topic_id (item),
                              cg_item_get_file (item), text);
    }

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = cg_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (out, "problem %s\n", text);
    }

  return g_string_free (out, FALSE);
}

static char *
describe_search (CgSearchIndex *index)
{
  GString *out = g_string_new (NULL);

  for (guint q = 0; queries[q] != NULL; q++)
    cg_test_describe_search (out, index, "en", queries[q]);

  return g_string_free (out, FALSE);
}

/* A full load of the same folders, remembering good files from one step
 * to the next as the watcher does: a broken save shows the last good
 * version in both. */
static void
assert_same_as_full_load (Fixture *fixture)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autoptr(CgLibrary) fresh = NULL;
  g_autoptr(CgSearchIndex) fresh_index = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *expected_search = NULL;
  g_autofree char *actual_search = NULL;
  const char *folders[] = { fixture->folder, NULL };

  cg_content_path_setup_loader (loader, folders);
  cg_content_loader_set_language (loader, "en");
  cg_content_loader_set_last_good (loader, fixture->last_good);
  fresh = cg_content_loader_load (loader, NULL);
  fresh_index = cg_search_index_new_for_library (fresh, &error);
  g_assert_no_error (error);

  expected = describe_library (fresh);
  actual = describe_library (library_of (fixture));
  g_assert_cmpstr (actual, ==, expected);

  expected_search = describe_search (fresh_index);
  actual_search = describe_search (cg_content_watcher_get_search_index (fixture->watcher));
  g_assert_cmpstr (actual_search, ==, expected_search);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const char *folders[2] = { NULL, NULL };

  fixture->folder = g_dir_make_tmp ("cg-reload-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->last_good = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_bytes_unref);

  write_file (fixture, "topics.xml", TOPICS);
  write_file (fixture, "opening.xml", ARTICLE ("opening", "New opening hours",
                                               "We now open at eight in the morning."));
  write_file (fixture, "evening.xml", ARTICLE ("evening", "Evening clinics",
                                               "Tuesday and Thursday evenings, until eight."));
  write_file (fixture, "faq.xml", FAQ ("In the car park behind the clinic."));
  write_file (fixture, "what-is-microneedling.xml", OVERRIDE ("We use a derma pen."));

  folders[0] = fixture->folder;
  fixture->watcher = cg_content_watcher_new (folders, "en");
  g_signal_connect (fixture->watcher, "notify::library", G_CALLBACK (library_cb), fixture);
  cg_content_watcher_load (fixture->watcher);
  fixture->reloads = 0;

  /* The reference loads start from the same memory of good files. */
  assert_same_as_full_load (fixture);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *moved = g_strconcat (fixture->folder, ".old", NULL);

  /* A load under way holds the watcher: it ends before the fixture does. */
  g_signal_handlers_disconnect_by_data (fixture->watcher, fixture);
  while (cg_content_watcher_get_loading (fixture->watcher))
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&fixture->watcher);
  remove_tree (fixture->folder);
  remove_tree (moved);
  g_free (fixture->folder);
  g_hash_table_unref (fixture->last_good);
}

static void
step (Fixture    *fixture,
      const char *what)
{
  g_test_message ("step: %s", what);
  wait_for_reload (fixture);
  assert_same_as_full_load (fixture);
}

static void
test_reload_matches_full_load (Fixture       *fixture,
                               gconstpointer  user_data)
{
  guint partial_before = cg_content_watcher_get_n_partial_reloads (fixture->watcher);

  write_file (fixture, "opening.xml", ARTICLE ("opening", "New opening hours",
                                               "We now open at half past seven, with coffee."));
  step (fixture, "edit a body");
  g_assert_cmpuint (cg_content_watcher_get_n_partial_reloads (fixture->watcher), ==, partial_before + 1);
  {
    g_autofree char *text = cg_plain_text_from_item (cg_library_lookup_item (library_of (fixture), "opening"));

    g_assert_nonnull (strstr (text, "coffee"));
  }

  write_file (fixture, "parking.xml", ARTICLE ("parking", "Parking at the clinic",
                                               "Free parking for patients behind the building."));
  step (fixture, "add a file");
  g_assert_cmpstr (title_of (fixture, "parking"), ==, "Parking at the clinic");

  write_file (fixture, "parking.xml", ARTICLE ("parking", "Parking at the clinic",
                                               "Free parking for patients, and bicycle racks by the door."));
  step (fixture, "edit the new file");

  rename_file (fixture, "parking.xml", "access.xml");
  step (fixture, "rename it");

  write_file (fixture, "access.xml", "<article id=\"parking\" topic=\"clinic-news\">\n  <title>Free par");
  step (fixture, "a broken save");
  g_assert_cmpstr (title_of (fixture, "parking"), ==, "Parking at the clinic");

  write_file (fixture, "access.xml", ARTICLE ("parking", "Parking at the clinic",
                                              "Parking is free; the side door has a ramp."));
  step (fixture, "fix it");

  write_file (fixture, "faq.xml", FAQ ("In the car park behind the clinic, or on Mill Street."));
  step (fixture, "edit a question");

  write_file (fixture, "what-is-microneedling.xml", OVERRIDE ("We use a derma pen, and numbing cream."));
  step (fixture, "edit the override of a bundled article");
  g_assert_cmpstr (title_of (fixture, "what-is-microneedling"), ==, "Microneedling at our clinic");

  write_file (fixture, "evening.xml", ARTICLE_WITH ("evening", "Evening clinics", "10",
                                                    "<p>See <link ref=\"parking\">parking</link>.</p>"));
  step (fixture, "a link to an article");

  write_file (fixture, "evening.xml", ARTICLE_WITH ("evening", "Evening clinics", "10",
                                                    "<p>See <link ref=\"parkin\">parking</link>.</p>"));
  step (fixture, "a link to nothing");

  write_file (fixture, "evening.xml", ARTICLE_WITH ("evening", "Late clinics", "5",
                                                    "<p>Tuesday evenings.</p>"));
  step (fixture, "a new title and order");

  /* Words of a synonym group: the index counts the rows that hold them. */
  write_file (fixture, "opening.xml", ARTICLE ("opening", "New opening hours",
                                               "Ask about the derma pen, or skin needling for hair loss."));
  step (fixture, "a synonym in a body");

  remove_file (fixture, "access.xml");
  step (fixture, "delete a file");
  g_assert_null (title_of (fixture, "parking"));

  {
    guint listings = cg_content_watcher_get_n_listings (fixture->watcher);

    write_file (fixture, "opening.xml", ARTICLE ("opening", "New opening hours",
                                                 "We open at eight again; no more coffee."));
    step (fixture, "edit a body again");
    /* The monitor named the file: only it was looked at, not the
     * whole folder (10,000 files on a big library). */
    g_assert_cmpuint (cg_content_watcher_get_n_listings (fixture->watcher), ==, listings);
  }

  /* The edits of bodies and answers read one file; the test means
   * something only if they did. */
  g_assert_cmpuint (cg_content_watcher_get_n_partial_reloads (fixture->watcher), >=, partial_before + 6);
}

#define MORE_FAQ(question) \
  "<faq>\n" \
  "  <entry id=\"bicycle-question\" topic=\"clinic-news\">\n" \
  "    <question>" question "</question>\n" \
  "    <answer><p>Bicycle racks by the side door, next to the parking.</p></answer>\n" \
  "  </entry>\n" \
  "  <entry id=\"bus-question\" topic=\"clinic-news\">\n" \
  "    <question>Which bus stops near the clinic?</question>\n" \
  "    <answer><p>The number 12, at the end of the street, until eight in the evening.</p></answer>\n" \
  "  </entry>\n" \
  "</faq>\n"

/* One change on disk, then: the library and every search exactly as a
 * fresh load gives them, read without a full reload, and without
 * listing the folder again (10,000 files on a big library): the
 * monitor's names say what came and went. */
static void
incremental_step (Fixture    *fixture,
                  const char *what)
{
  guint partial = cg_content_watcher_get_n_partial_reloads (fixture->watcher);
  guint full = cg_content_watcher_get_n_full_reloads (fixture->watcher);
  guint listings = cg_content_watcher_get_n_listings (fixture->watcher);

  step (fixture, what);
  g_assert_cmpuint (cg_content_watcher_get_n_full_reloads (fixture->watcher), ==, full);
  g_assert_cmpuint (cg_content_watcher_get_n_listings (fixture->watcher), ==, listings);
  g_assert_cmpuint (cg_content_watcher_get_n_partial_reloads (fixture->watcher), >, partial);
}

static void
test_adds_and_removes_are_incremental (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  /* The first reload after a load lists the folders: what changed
   * between that listing and the monitors. */
  write_file (fixture, "opening.xml", ARTICLE ("opening", "New opening hours",
                                               "We now open at half past seven."));
  step (fixture, "edit a body");

  write_file (fixture, "parking.xml", ARTICLE ("parking", "Parking at the clinic",
                                               "Free parking for patients behind the building."));
  incremental_step (fixture, "add an article");
  g_assert_cmpstr (title_of (fixture, "parking"), ==, "Parking at the clinic");

  /* Same topic and order as the questions of faq.xml: the load order of
   * the files decides, as in a full load. */
  write_file (fixture, "more-faq.xml", MORE_FAQ ("Where can I leave my bicycle?"));
  incremental_step (fixture, "add questions next to others");

  /* The same title and order as evening.xml, in a file listed before it. */
  write_file (fixture, "a-evening.xml", ARTICLE ("late-evening", "Evening clinics",
                                                 "Late clinics on Fridays, for parking permits."));
  incremental_step (fixture, "add an article with the title of another");

  write_file (fixture, "parking.xml", ARTICLE_WITH ("parking", "Car park and bicycles", "3",
                                                    "<p>Free parking, and bicycle racks by the door.</p>"));
  incremental_step (fixture, "a new title and order for the new article");

  rename_file (fixture, "parking.xml", "z-access.xml");
  incremental_step (fixture, "rename it");
  g_assert_cmpstr (title_of (fixture, "parking"), ==, "Car park and bicycles");

  write_file (fixture, "z-access.xml", "<article id=\"parking\" topic=\"clinic-news\">\n  <title>Free par");
  incremental_step (fixture, "a broken save");
  g_assert_cmpstr (title_of (fixture, "parking"), ==, "Car park and bicycles");

  write_file (fixture, "z-access.xml", ARTICLE ("parking", "Parking at the clinic",
                                                "Parking is free; the side door has a ramp."));
  incremental_step (fixture, "fix it");

  write_file (fixture, "late.xml", "<article id=\"late-opening\" topic=\"clinic-news\">\n  <title>Late op");
  incremental_step (fixture, "a new file saved half-written");
  g_assert_null (title_of (fixture, "late-opening"));

  write_file (fixture, "late.xml", ARTICLE ("late-opening", "Late opening on Thursdays",
                                            "Open until nine on Thursdays, parking included."));
  incremental_step (fixture, "the new file written whole");
  g_assert_cmpstr (title_of (fixture, "late-opening"), ==, "Late opening on Thursdays");

  write_file (fixture, "more-faq.xml", MORE_FAQ ("Is there a bicycle rack?"));
  incremental_step (fixture, "edit the added questions");

  remove_file (fixture, "z-access.xml");
  incremental_step (fixture, "delete an article");
  g_assert_null (title_of (fixture, "parking"));

  remove_file (fixture, "more-faq.xml");
  incremental_step (fixture, "delete questions");
  g_assert_null (cg_library_lookup_item (library_of (fixture), "bus-question"));

  remove_file (fixture, "a-evening.xml");
  incremental_step (fixture, "delete the article with the title of another");
  g_assert_cmpstr (title_of (fixture, "evening"), ==, "Evening clinics");
}

/* mv D D.old; sleep; mv D.old D */
static void
test_outage_keeps_content_within_grace (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_autofree char *moved = g_strconcat (fixture->folder, ".old", NULL);
  g_autofree char *before = describe_library (library_of (fixture));
  CgItem *opening = cg_library_lookup_item (library_of (fixture), "opening");
  GPtrArray *problems;
  gboolean said = FALSE;
  gint64 gone_at;

  cg_content_watcher_set_grace_period (fixture->watcher, 3000);

  g_assert_cmpint (g_rename (fixture->folder, moved), ==, 0);
  wait_for_reload (fixture);

  /* Still there, the same article, with a word about why. */
  g_assert_true (cg_library_lookup_item (library_of (fixture), "opening") == opening);
  problems = cg_library_get_problems (library_of (fixture));
  for (guint i = 0; i < problems->len; i++)
    if (strstr (((CgProblem *) g_ptr_array_index (problems, i))->message, "unavailable") != NULL)
      said = TRUE;
  g_assert_true (said);

  iterate_for (500);
  g_assert_true (cg_library_lookup_item (library_of (fixture), "opening") == opening);

  g_assert_cmpint (g_rename (moved, fixture->folder), ==, 0);
  wait_for_reload (fixture);
  iterate_for (1500);

  /* Back as it was, past the grace period too. */
  {
    g_autofree char *after = describe_library (library_of (fixture));

    g_assert_cmpstr (after, ==, before);
  }

  /* Gone for good: the content goes, but not before the grace period. */
  g_assert_cmpint (g_rename (fixture->folder, moved), ==, 0);
  gone_at = g_get_monotonic_time ();
  {
    gint64 deadline = gone_at + 60 * G_USEC_PER_SEC;

    while (title_of (fixture, "opening") != NULL && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_null (title_of (fixture, "opening"));
  g_assert_cmpint (g_get_monotonic_time () - gone_at, >=, 3000 * 1000);
  /* The bundled content stays. */
  g_assert_nonnull (cg_library_lookup_item (library_of (fixture), "what-is-microneedling"));
}

/* More rows match "clinic" than a search scores (300): which rows it
 * looks at depends on the order of the rows, and the index is cut into
 * shards. Rows inserted and deleted must keep both as a build has them. */
static void
test_many_rows_stay_in_order (Fixture       *fixture,
                              gconstpointer  user_data)
{
  for (guint i = 0; i < 360; i++)
    {
      g_autofree char *name = g_strdup_printf ("many-%03u.xml", i);
      g_autofree char *id = g_strdup_printf ("many-%03u", i);
      g_autofree char *contents = NULL;

      /* A few titles alike: the load order tells them apart. */
      contents = g_strdup_printf ("<article id=\"%s\" topic=\"clinic-news\" order=\"%u\">\n"
                                  "  <title>Clinic note %u</title>\n"
                                  "  <summary>A clinic note.</summary>\n"
                                  "  <review date=\"2026-11-01\" by=\"Test\"/>\n"
                                  "  <body><p>The clinic %s on day %u, %s.</p></body>\n"
                                  "</article>\n",
                                  id, i % 7, i % 50, i % 3 ? "opens" : "closes", i,
                                  i % 2 ? "with parking" : "by the evening bus");
      write_file (fixture, name, contents);
    }
  cg_content_watcher_reload (fixture->watcher);
  step (fixture, "many articles");

  /* The best answer to "clinic note", early in the library: a search
   * sees it only if its row comes early too. */
  write_file (fixture, "many-200a.xml", ARTICLE_WITH ("many-new", "Clinic note", "0",
                                                     "<p>The clinic opens late, parking free.</p>"));
  incremental_step (fixture, "an article among many");

  write_file (fixture, "many-000.xml", ARTICLE_WITH ("many-000", "Clinic note 49", "6",
                                                    "<p>The clinic closes early.</p>"));
  incremental_step (fixture, "an article moves to the end");

  rename_file (fixture, "many-200a.xml", "many-999.xml");
  incremental_step (fixture, "rename it to the end of the folder");

  remove_file (fixture, "many-123.xml");
  incremental_step (fixture, "delete one of many");
}

/* Moves every file of @from into @to, one after the other, as fast as
 * it can: what a share that is unmounted, or mounted again, looks like
 * from its mount point. */
static void
move_files (const char *from,
            const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *source = g_build_filename (from, g_ptr_array_index (names, i), NULL);
      g_autofree char *target = g_build_filename (to, g_ptr_array_index (names, i), NULL);

      g_assert_cmpint (g_rename (source, target), ==, 0);
    }
}

static gboolean
says_unavailable (CgLibrary *library)
{
  GPtrArray *problems = cg_library_get_problems (library);

  for (guint i = 0; i < problems->len; i++)
    if (strstr (((CgProblem *) g_ptr_array_index (problems, i))->message, "unavailable") != NULL)
      return TRUE;

  return FALSE;
}

/* umount: the folder stays, suddenly empty. Its content is not deleted
 * file by file: it waits out the grace period, and is there again when
 * the share comes back. */
static void
test_empty_mount_point_is_an_outage (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autofree char *moved = g_strconcat (fixture->folder, ".old", NULL);
  g_autofree char *before = describe_library (library_of (fixture));
  CgItem *opening = cg_library_lookup_item (library_of (fixture), "opening");
  gint64 deadline;

  cg_content_watcher_set_grace_period (fixture->watcher, 4000);
  g_assert_cmpint (g_mkdir (moved, 0700), ==, 0);

  move_files (fixture->folder, moved);
  wait_for_reload (fixture);

  /* The same article, the reader's page with it, and a word about why. */
  g_assert_true (cg_library_lookup_item (library_of (fixture), "opening") == opening);
  g_assert_true (says_unavailable (library_of (fixture)));
  iterate_for (500);
  g_assert_true (cg_library_lookup_item (library_of (fixture), "opening") == opening);
  g_assert_true (says_unavailable (library_of (fixture)));

  /* Mounted again: as it was, the quiet problem gone. */
  move_files (moved, fixture->folder);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *now = describe_library (library_of (fixture));

      if (g_str_equal (now, before) && !cg_content_watcher_get_loading (fixture->watcher))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  {
    g_autofree char *after = describe_library (library_of (fixture));

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_false (says_unavailable (library_of (fixture)));
  assert_same_as_full_load (fixture);

  /* Deleting one file still deletes it at once. */
  remove_file (fixture, "evening.xml");
  wait_for_reload (fixture);
  g_assert_null (title_of (fixture, "evening"));
  g_assert_false (says_unavailable (library_of (fixture)));
}

typedef struct
{
  Fixture *fixture;
  guint    n_writes;
} Writer;

static gboolean
write_cb (gpointer user_data)
{
  Writer *writer = user_data;
  g_autofree char *title = g_strdup_printf ("Opening hours, version %u", writer->n_writes++);
  g_autofree char *contents = NULL;

  contents = g_strdup_printf ("<article id=\"opening\" topic=\"clinic-news\">\n"
                              "  <title>%s</title>\n"
                              "  <summary>A summary.</summary>\n"
                              "  <review date=\"2026-11-01\" by=\"Test\"/>\n"
                              "  <body><p>Words.</p></body>\n"
                              "</article>\n", title);
  write_file (writer->fixture, "opening.xml", contents);

  return G_SOURCE_CONTINUE;
}

/* How long a full load of the fixture's folder takes here: under
 * valgrind, many times what it takes natively. */
static gint64
time_full_load (Fixture *fixture)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(CgSearchIndex) index = NULL;
  const char *folders[] = { fixture->folder, NULL };
  gint64 start = g_get_monotonic_time ();

  cg_content_path_setup_loader (loader, folders);
  library = cg_content_loader_load (loader, NULL);
  index = cg_search_index_new_for_library (library, NULL);

  return g_get_monotonic_time () - start;
}

static void
test_continuous_writer (Fixture       *fixture,
                        gconstpointer  user_data)
{
  Writer writer = { fixture, 0 };
  gint64 load_time = time_full_load (fixture);
  /* 2 s, as the issue asks; on a machine where one load takes longer
   * than half a second, a reload starts at most 1.5 s after the change
   * and takes what a load takes. */
  gint64 limit = MAX (2 * G_USEC_PER_SEC, 1500 * 1000 + 2 * load_time);
  gint64 start = g_get_monotonic_time ();
  gint64 seen = 0;
  guint id;

  write_cb (&writer);
  id = g_timeout_add (150, write_cb, &writer);

  /* The writer never pauses for longer than that. */
  while (g_get_monotonic_time () - start < limit + 2 * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, TRUE);
      if (seen == 0 && g_str_has_prefix (title_of (fixture, "opening"), "Opening hours, version"))
        seen = g_get_monotonic_time ();
    }
  g_source_remove (id);

  g_assert_cmpint (seen, !=, 0);
  g_test_message ("the first change was shown after %" G_GINT64_FORMAT " ms (at most %" G_GINT64_FORMAT ")",
                  (seen - start) / 1000, limit / 1000);
  g_assert_cmpint (seen - start, <=, limit);
  /* And it was shown while the writer still wrote. */
  g_assert_cmpuint (writer.n_writes, >, 20);
}

static void
busy_cb (CgContentWatcher *watcher,
         GParamSpec       *pspec,
         guint            *n_busy)
{
  if (cg_content_watcher_get_busy (watcher))
    (*n_busy)++;
}

static void
test_polling_sees_what_inotify_does_not (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  guint n_busy = 0;

  g_signal_connect (fixture->watcher, "notify::busy", G_CALLBACK (busy_cb), &n_busy);
  cg_content_watcher_set_polling (fixture->watcher, TRUE, 300);
  g_assert_true (cg_content_watcher_get_polling (fixture->watcher));

  write_file (fixture, "opening.xml", ARTICLE ("opening", "Opening hours from the other desk",
                                               "Changed on another computer."));
  wait_for_reload (fixture);
  g_assert_cmpstr (title_of (fixture, "opening"), ==, "Opening hours from the other desk");
  assert_same_as_full_load (fixture);
  /* A reload that changes something says so. */
  g_assert_cmpuint (n_busy, >=, 1);

  /* Nothing changed: nothing is reloaded, and polls that find nothing
   * are not busy (a spinner would flicker at every poll). */
  {
    guint reloads = fixture->reloads;

    n_busy = 0;
    iterate_for (1000);
    g_assert_cmpuint (fixture->reloads, ==, reloads);
    g_assert_cmpuint (n_busy, ==, 0);
  }

  g_signal_handlers_disconnect_by_func (fixture->watcher, busy_cb, &n_busy);
}

/* The index shown was built or last changed by a reload worker: this
 * thread, the UI's in the application, never waited for it (F10). */
static void
assert_index_written_off_this_thread (Fixture *fixture)
{
  CgSearchIndex *index = cg_content_watcher_get_search_index (fixture->watcher);

  g_assert_nonnull (index);
  g_assert_nonnull (cg_search_index_get_writer (index));
  g_assert_true (cg_search_index_get_writer (index) != g_thread_self ());
}

/* Articles added one after another into the same place of the library
 * (the same title and order as evening.xml, in files listed just before
 * it) use up the room between two rows; the index is then built again,
 * in the reload's worker, not on the thread that shows it, and the
 * results are still those of a fresh load. */
static void
test_gap_used_up (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(CgSearchIndex) first = NULL;
  guint n_indexes = 1;

  /* Built by the load the fixture made on this thread. */
  g_assert_true (cg_search_index_get_writer (cg_content_watcher_get_search_index (fixture->watcher)) ==
                 g_thread_self ());

  write_file (fixture, "opening.xml", ARTICLE ("opening", "New opening hours",
                                               "We now open at half past seven."));
  step (fixture, "edit a body");
  assert_index_written_off_this_thread (fixture);
  first = g_object_ref (cg_content_watcher_get_search_index (fixture->watcher));

  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *name = g_strdup_printf ("b-evening-%02u.xml", i);
      g_autofree char *id = g_strdup_printf ("evening-%02u", i);
      g_autofree char *what = g_strdup_printf ("add article %u into the same gap", i);
      g_autofree char *xml = g_strdup_printf (ARTICLE ("%s", "Evening clinics", "Late clinics, number %u."),
                                              id, i);
      g_autoptr(CgSearchIndex) before = g_object_ref (cg_content_watcher_get_search_index (fixture->watcher));

      write_file (fixture, name, xml);
      incremental_step (fixture, what);
      assert_index_written_off_this_thread (fixture);
      if (cg_content_watcher_get_search_index (fixture->watcher) != before)
        n_indexes++;
    }

  /* The gap was used up once: one new index, the other steps in place. */
  g_assert_true (cg_content_watcher_get_search_index (fixture->watcher) != first);
  g_assert_cmpuint (n_indexes, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/content-reload/matches-full-load", Fixture, NULL,
              fixture_set_up, test_reload_matches_full_load, fixture_tear_down);
  g_test_add ("/content-reload/adds-and-removes-are-incremental", Fixture, NULL,
              fixture_set_up, test_adds_and_removes_are_incremental, fixture_tear_down);
  g_test_add ("/content-reload/outage", Fixture, NULL,
              fixture_set_up, test_outage_keeps_content_within_grace, fixture_tear_down);
  g_test_add ("/content-reload/many-rows", Fixture, NULL,
              fixture_set_up, test_many_rows_stay_in_order, fixture_tear_down);
  g_test_add ("/content-reload/gap-used-up", Fixture, NULL,
              fixture_set_up, test_gap_used_up, fixture_tear_down);
  g_test_add ("/content-reload/empty-mount-point", Fixture, NULL,
              fixture_set_up, test_empty_mount_point_is_an_outage, fixture_tear_down);
  g_test_add ("/content-reload/continuous-writer", Fixture, NULL,
              fixture_set_up, test_continuous_writer, fixture_tear_down);
  g_test_add ("/content-reload/polling", Fixture, NULL,
              fixture_set_up, test_polling_sees_what_inotify_does_not, fixture_tear_down);

  return g_test_run ();
}
