/* test-content-pipeline.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cg-content-pipeline.h"

/* Files are read and parsed in worker threads, and handed back strictly
 * in order: a clinic's problems list and which file wins an override
 * must be the same on every start, however the threads ran. */

#define TOPICS "<topics><topic id=\"t\" icon=\"x\"><title>T</title><summary>S</summary></topic></topics>"
#define ARTICLE_FORMAT \
  "<article id=\"%s\" topic=\"t\">\n<title>A</title><summary>S</summary>" \
  "<review date=\"2026-01-01\" by=\"x\"/><body><p>Text %u</p></body></article>\n"

static CgContentFile *
file_in_memory (const char *name,
                char       *text)
{
  CgContentFile *file = g_new0 (CgContentFile, 1);

  file->path = g_strdup (name);
  file->bytes = g_bytes_new_take (text, strlen (text));

  return file;
}

/* More files than the pool parses ahead; every seventh has a bad id. */
static GPtrArray *
many_files (void)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (cg_content_file_free);

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("%03u.xml", i);
      g_autofree char *id = g_strdup_printf (i % 7 == 3 ? "Bad_%u" : "a%u", i);

      if (i == 100)
        g_ptr_array_add (files, file_in_memory ("100-topics.xml", g_strdup (TOPICS)));
      else
        g_ptr_array_add (files, file_in_memory (name, g_strdup_printf (ARTICLE_FORMAT, id, i)));
    }

  return files;
}

static void
test_read_parses_the_others_first (void)
{
  g_autoptr(GPtrArray) files = many_files ();
  g_autoptr(CgContentPipeline) pipeline = cg_content_pipeline_new (files, G_MAXSIZE, FALSE, NULL);
  CgContentFile *topics = g_ptr_array_index (files, 100);

  cg_content_pipeline_read (pipeline);

  /* Topics come before the articles that use them. */
  g_assert_true (topics->parsed);
  g_assert_nonnull (topics->doc);
  g_assert_null (topics->problem);

  for (guint i = 0; i < files->len; i++)
    if (i != 100)
      {
        CgContentFile *file = g_ptr_array_index (files, i);

        g_assert_false (file->parsed);
        g_assert_null (file->doc);
        g_assert_nonnull (file->bytes);
      }
}

static char *
run_load (void)
{
  g_autoptr(GPtrArray) files = many_files ();
  g_autoptr(CgContentPipeline) pipeline = cg_content_pipeline_new (files, G_MAXSIZE, FALSE, NULL);
  GString *seen = g_string_new (NULL);

  cg_content_pipeline_read (pipeline);
  cg_content_pipeline_start_parsing (pipeline);

  for (guint i = 0; i < files->len; i++)
    {
      CgContentFile *file = cg_content_pipeline_take_parsed (pipeline, i);

      g_assert_true (file == g_ptr_array_index (files, i));
      g_assert_true (file->parsed);
      g_assert_true ((file->doc == NULL) != (file->problem == NULL));

      if (file->problem != NULL)
        {
          g_autofree char *line = cg_problem_to_string (file->problem);

          g_assert_cmpuint (i % 7, ==, 3);
          g_string_append_printf (seen, "%s\n", line);
        }
      else
        {
          g_assert_cmpuint (i % 7, !=, 3);
          g_string_append_printf (seen, "%s: %s\n", file->path,
                                  (const char *) xmlDocGetRootElement (file->doc)->name);
        }

      cg_content_file_release (file);
    }

  return g_string_free (seen, FALSE);
}

static void
test_handed_back_in_order (void)
{
  g_autofree char *first = run_load ();

  g_test_message ("%s", first);
  g_assert_nonnull (strstr (first, "003.xml:1:1: the id attribute “Bad_3” is not a valid id"));
  g_assert_nonnull (strstr (first, "100-topics.xml: topics\n"));

  /* Whatever the threads did, the same result in the same order. */
  for (guint run = 0; run < 5; run++)
    {
      g_autofree char *again = run_load ();

      g_assert_cmpstr (again, ==, first);
    }
}

static void
test_stopping_early (void)
{
  g_autoptr(GPtrArray) files = many_files ();
  g_autoptr(CgContentPipeline) pipeline = cg_content_pipeline_new (files, G_MAXSIZE, FALSE, NULL);

  /* A load that is cancelled part way drops the rest without waiting
   * for it to be parsed. */
  cg_content_pipeline_read (pipeline);
  cg_content_pipeline_start_parsing (pipeline);
  g_assert_nonnull (cg_content_pipeline_take_parsed (pipeline, 0)->doc);
  g_clear_pointer (&pipeline, cg_content_pipeline_free);
}

static CgContentFile *
file_on_disk (const char *dir,
              GBytes     *previous)
{
  CgContentFile *file = g_new0 (CgContentFile, 1);

  file->path = g_build_filename (dir, "a.xml", NULL);
  file->base_dir = g_strdup (dir);
  file->previous = previous ? g_bytes_ref (previous) : NULL;

  return file;
}

static CgContentFile *
load_one (GPtrArray *files)
{
  g_autoptr(CgContentPipeline) pipeline = cg_content_pipeline_new (files, G_MAXSIZE, TRUE, NULL);

  cg_content_pipeline_read (pipeline);
  cg_content_pipeline_start_parsing (pipeline);

  return cg_content_pipeline_take_parsed (pipeline, 0);
}

static void
test_last_good_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cg-pipeline-XXXXXX", &error);
  g_autofree char *good_text = g_strdup_printf (ARTICLE_FORMAT, "a", 1u);
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (cg_content_file_free);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (cg_content_file_free);
  g_autofree char *path = NULL;
  CgContentFile *file;
  g_autoptr(GBytes) good = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "a.xml", NULL);

  /* A good file on disk is kept for the next load... */
  g_file_set_contents (path, good_text, -1, &error);
  g_assert_no_error (error);
  g_ptr_array_add (first, file_on_disk (dir, NULL));
  file = load_one (first);
  g_assert_nonnull (file->doc);
  g_assert_nonnull (file->good);
  g_assert_cmpmem (g_bytes_get_data (file->good, NULL), g_bytes_get_size (file->good),
                   good_text, strlen (good_text));
  good = g_bytes_ref (file->good);

  /* ...and when an editor leaves it half-written, patients keep reading
   * that version while the problem is reported. */
  g_file_set_contents (path, "<article id=\"a\" topic=\"t\">\n<title>A</ti", -1, &error);
  g_assert_no_error (error);
  g_ptr_array_add (second, file_on_disk (dir, good));
  file = load_one (second);
  g_assert_nonnull (file->doc);
  g_assert_nonnull (file->problem);
  g_assert_cmpint (file->problem->code, ==, CG_CONTENT_ERROR_MALFORMED);
  g_assert_null (file->good);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* On disk, only the start of each file is read at first: an article
 * waits for its turn unread, so that a large library's bytes are never
 * all in memory at once; a file whose root comes late (after a long
 * comment) is read whole and parsed at once, as one that is not plainly
 * an article or FAQ file. */
static void
test_disk_files_read_in_turn (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cg-pipeline-XXXXXX", &error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (cg_content_file_free);
  g_autoptr(CgContentPipeline) pipeline = NULL;
  g_autoptr(GString) late_topics = g_string_new ("<?xml version=\"1.0\"?>\n<!-- ");
  g_autofree char *article_text = g_strdup_printf (ARTICLE_FORMAT, "a", 1u);
  const char * const names[] = { "article.xml", "topics.xml", "missing.xml" };
  CgContentFile *article, *topics, *missing;

  g_assert_no_error (error);
  while (late_topics->len < 3 * 4096)
    g_string_append (late_topics, "A long licence comment. ");
  g_string_append (late_topics, "-->\n" TOPICS);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CgContentFile *file = g_new0 (CgContentFile, 1);

      file->path = g_build_filename (dir, names[i], NULL);
      file->base_dir = g_strdup (dir);
      g_ptr_array_add (files, file);
    }
  article = g_ptr_array_index (files, 0);
  topics = g_ptr_array_index (files, 1);
  missing = g_ptr_array_index (files, 2);
  g_file_set_contents (article->path, article_text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (topics->path, late_topics->str, -1, &error);
  g_assert_no_error (error);

  pipeline = cg_content_pipeline_new (files, G_MAXSIZE, FALSE, NULL);
  cg_content_pipeline_read (pipeline);

  g_assert_false (article->parsed);
  g_assert_null (article->bytes);
  g_assert_true (topics->parsed);
  g_assert_nonnull (topics->doc);
  g_assert_null (topics->problem);
  g_assert_true (missing->parsed);
  g_assert_nonnull (missing->problem);
  g_assert_cmpint (missing->problem->code, ==, CG_CONTENT_ERROR_READ);

  cg_content_pipeline_start_parsing (pipeline);
  g_assert_true (cg_content_pipeline_take_parsed (pipeline, 0) == article);
  g_assert_nonnull (article->doc);
  g_assert_null (article->problem);
  g_clear_pointer (&pipeline, cg_content_pipeline_free);

  g_assert_cmpint (g_remove (article->path), ==, 0);
  g_assert_cmpint (g_remove (topics->path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content-pipeline/read-parses-the-others-first", test_read_parses_the_others_first);
  g_test_add_func ("/content-pipeline/handed-back-in-order", test_handed_back_in_order);
  g_test_add_func ("/content-pipeline/stopping-early", test_stopping_early);
  g_test_add_func ("/content-pipeline/last-good-version", test_last_good_version);
  g_test_add_func ("/content-pipeline/disk-files-read-in-turn", test_disk_files_read_in_turn);

  return g_test_run ();
}
