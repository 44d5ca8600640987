/* fuzz-loader.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-content-loader-private.h"

/* Content files through the loader's own code, as bytes: parsing, the
 * schema, documents and the checks across files. A NUL byte (never part
 * of XML) separates files in one input, so that topics, a clinic and the
 * articles that use them can meet; a file that starts with a UTF-16 byte
 * order mark runs to the end of the input.
 *
 * Built with -Dfuzzing=true this is a libFuzzer target; otherwise main()
 * below replays every file of tests/fuzz/corpus as a test. */

#define MAX_FILES 8

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* What the reader, search and copy-as-text rely on, whatever the input. */
static void
check_document (CgDocument *document)
{
  g_autofree char *text = cg_document_get_text (document);
  g_autofree char *plain = cg_document_to_plain_text (document);

  g_assert (g_utf8_validate (text, -1, NULL));
  g_assert (g_utf8_validate (plain, -1, NULL));

  for (guint i = 0; i < cg_document_get_n_blocks (document); i++)
    {
      const CgBlock *block = cg_document_get_block (document, i);
      gsize length = strlen (block->text);

      g_assert (g_utf8_validate (block->text, -1, NULL));
      g_assert (block->note_group == 0 || block->note != CG_NOTE_NONE);

      for (guint s = 0; s < block->n_spans; s++)
        {
          const CgSpan *span = &block->spans[s];

          g_assert (span->start <= span->end);
          g_assert (span->end <= length);
          /* On character boundaries, so that a renderer can cut there. */
          g_assert (g_utf8_validate (block->text + span->start, span->end - span->start, NULL));
          if (s > 0)
            g_assert (block->spans[s - 1].start <= span->start);
        }
    }
}

static void
check_library (CgLibrary *library)
{
  GListModel *items = cg_library_get_items (library);
  GListModel *topics = cg_library_get_topics (library);
  GPtrArray *problems = cg_library_get_problems (library);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (items, i);

      g_object_unref (cg_library_list_related (library, item));

      g_assert (cg_item_get_title (item)[0] != '\0');
      g_assert (cg_library_lookup_item (library, cg_item_get_id (item)) == item);
      g_assert (cg_library_lookup_topic (library, cg_item_get_topic_id (item)) != NULL);
      check_document (cg_item_get_document (item));
    }

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(CgTopic) topic = g_list_model_get_item (topics, i);

      g_object_unref (cg_library_list_articles (library, cg_topic_get_id (topic)));
      g_object_unref (cg_library_list_faq_entries (library, cg_topic_get_id (topic)));
    }
  g_object_unref (cg_library_list_popular (library));

  for (guint i = 0; i < problems->len; i++)
    {
      const CgProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = cg_problem_to_string (problem);

      /* One problem, one line. */
      g_assert (strchr (line, '\n') == NULL);
      g_assert (g_utf8_validate (line, -1, NULL));
    }
}

static gboolean
starts_with_utf16_bom (const guint8 *p,
                       const guint8 *end)
{
  return end - p >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autoptr(CgLibrary) library = NULL;
  const guint8 *p, *end;

  if (data == NULL)
    data = (const guint8 *) "";
  p = data;
  end = data + size;

  for (guint n = 0; n < MAX_FILES; n++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *name = g_strdup_printf ("fuzz-%u.xml", n);
      const guint8 *nul = NULL;

      /* The last file takes the rest, NUL bytes and all; so does a
       * UTF-16 file, which is full of them. */
      if (p < end && n + 1 < MAX_FILES && !starts_with_utf16_bom (p, end))
        nul = memchr (p, '\0', end - p);

      bytes = g_bytes_new (p, (nul ? nul : end) - p);
      cg_content_loader_add_bytes (loader, name, bytes);

      if (nul == NULL)
        break;
      p = nul + 1;
    }

  library = cg_content_loader_load (loader, NULL);
  check_library (library);

  return 0;
}

#ifdef CG_FUZZING

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A failed precondition is a bug the fuzzer should stop at. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

#else

/* Replay: every file of the corpus, one test each. */

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *corpus = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  corpus = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", NULL);
  dir = g_dir_open (corpus, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (paths, g_build_filename (corpus, name, NULL));
  g_ptr_array_sort (paths, compare_paths);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *test = g_strdup_printf ("/fuzz-loader/replay/%s", basename);

      g_test_add_data_func (test, path, replay_file);
    }

  return g_test_run ();
}

#endif
