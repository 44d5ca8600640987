/* test-editor-mistakes.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-content-loader.h"
#include "cg-document.h"

/* The mistakes a clinic's content editor makes when writing a new topic,
 * article or question by following docs/CONTENT.md, each a folder of
 * tests/data/mistakes loaded over the bundled content, as the application
 * loads a clinic's folder. The first problem of the file says where and
 * what to fix, in plain words. */

typedef struct
{
  const char *folder;
  const char *file;
  int         line;
  int         column;
  const char *message;
} Mistake;

static const Mistake mistakes[] = {
  { "misspelt", "numbing-cream.xml", 4, 3, "<sumary> is not known here; did you mean <summary>?" },
  { "no-title", "parking.xml", 3, 3, "an article needs a <title> first" },
  { "no-question", "faq-parking.xml", 4, 5, "a FAQ entry needs a <question> first" },
  { "ampersand", "parking.xml", 6, 17, "a lone “&” is not allowed in XML: write &amp; or “and”" },
  { "unknown-field", "parking.xml", 6, 22,
    "the clinic field “fax” is not known: use one of name, phone, email, website, address, "
    "hours, booking, or field=\"price\" item=\"…\" for a price" },
  { "near-id", "parking.xml", 6, 22,
    "the link points to “aftercare-instruction”, which does not exist; did you mean "
    "“aftercare-instructions”?" },
};

static CgLibrary *
load_over_bundled (const char *folder,
                   const char *language)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();

  cg_content_loader_add_bundled (loader);
  cg_content_loader_add_path (loader, folder, folder);
  cg_content_loader_set_language (loader, language);

  return cg_content_loader_load (loader, NULL);
}

/* The problems of files in @folder, in the order the editor sees them. */
static GPtrArray *
problems_in (CgLibrary  *library,
             const char *folder)
{
  GPtrArray *problems = cg_library_get_problems (library);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < problems->len; i++)
    {
      CgProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = cg_problem_to_string (problem);

      g_test_message ("problem: %s", line);
      if (g_str_has_prefix (problem->file, folder))
        g_ptr_array_add (found, problem);
    }

  return found;
}

static void
test_mistake (gconstpointer data)
{
  const Mistake *mistake = data;
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "mistakes", mistake->folder, NULL);
  g_autofree char *file = g_build_filename (folder, mistake->file, NULL);
  g_autoptr(CgLibrary) library = load_over_bundled (folder, "en");
  g_autoptr(GPtrArray) problems = problems_in (library, folder);
  CgProblem *first;

  /* Nothing but the mistake, and it comes first. */
  g_assert_cmpuint (problems->len, ==, 1);
  first = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (first->file, ==, file);
  g_assert_cmpint (first->line, ==, mistake->line);
  g_assert_cmpint (first->column, ==, mistake->column);
  g_assert_cmpstr (first->message, ==, mistake->message);
}

static void
test_links_to_a_broken_file (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "mistakes", "misspelt", NULL);
  g_autoptr(CgLibrary) library = load_over_bundled (folder, "en");
  g_autoptr(GPtrArray) problems = problems_in (library, folder);

  /* The question that links to the broken article twice loads, and its
   * links are not reported on top of the article's own problem. */
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (cg_library_lookup_item (library, "cream-question"));
  g_assert_null (cg_library_lookup_item (library, "numbing-cream"));
}

static void
test_faq_keeps_good_entries (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "mistakes", "no-question", NULL);
  g_autoptr(CgLibrary) library = load_over_bundled (folder, "en");
  CgItem *entry;

  /* The entry without a question is dropped, not the whole file. */
  g_assert_null (cg_library_lookup_item (library, "parking-cost"));
  entry = cg_library_lookup_item (library, "parking-where");
  g_assert_nonnull (entry);
  g_assert_cmpstr (cg_item_get_title (entry), ==, "Where do I park?");
}

static void
test_reused_bundled_id (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "mistakes", "reused-id", NULL);
  g_autofree char *file = g_build_filename (folder, "faq-sun.xml", NULL);
  g_autoptr(CgLibrary) library = load_over_bundled (folder, "en");
  g_autoptr(GPtrArray) problems = problems_in (library, folder);
  CgProblem *first;

  /* Reported, at the entry, with how to say it is meant. */
  g_assert_cmpuint (problems->len, ==, 1);
  first = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (first->file, ==, file);
  g_assert_cmpint (first->line, ==, 3);
  g_assert_cmpint (first->column, ==, 3);
  g_assert_true (g_str_has_prefix (first->message, "the id “faq-sun” is already used at "));
  g_assert_true (g_str_has_suffix (first->message, "and this replaces it: if that is meant, add "
                                                   "replaces=\"true\" here; otherwise choose another id"));
  g_assert_nonnull (strstr (first->message, "faq-aftercare.xml:"));
}

static void
test_broken_translation_falls_back (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "mistakes", "translation", NULL);
  g_autofree char *english = g_build_filename (folder, "parking.xml", NULL);
  g_autofree char *french = g_build_filename (folder, "fr", "parking.xml", NULL);
  g_autoptr(CgLibrary) library = load_over_bundled (folder, "fr");
  g_autoptr(GPtrArray) problems = problems_in (library, folder);
  g_autofree char *text = NULL;
  CgItem *item;
  CgProblem *first;

  /* The French file's mistake is reported ... */
  g_assert_cmpuint (problems->len, ==, 1);
  first = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (first->file, ==, french);
  g_assert_cmpint (first->line, ==, 6);
  g_assert_cmpint (first->column, ==, 33);

  /* ... and the French reader gets the English article, said to be
   * untranslated, rather than nothing. */
  item = cg_library_lookup_item (library, "parking");
  g_assert_nonnull (item);
  g_assert_cmpstr (cg_item_get_title (item), ==, "Parking");
  g_assert_cmpstr (cg_item_get_file (item), ==, english);
  text = cg_document_get_text (cg_item_get_document (item));
  g_assert_true (g_str_has_prefix (text, "Not yet translated: this page is shown in English."));
  g_assert_nonnull (strstr (text, "Behind the building."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/editor-mistakes/%s", mistakes[i].folder);

      g_test_add_data_func (path, &mistakes[i], test_mistake);
    }
  g_test_add_func ("/editor-mistakes/links-to-a-broken-file", test_links_to_a_broken_file);
  g_test_add_func ("/editor-mistakes/faq-keeps-good-entries", test_faq_keeps_good_entries);
  g_test_add_func ("/editor-mistakes/reused-bundled-id", test_reused_bundled_id);
  g_test_add_func ("/editor-mistakes/broken-translation-falls-back", test_broken_translation_falls_back);

  return g_test_run ();
}
