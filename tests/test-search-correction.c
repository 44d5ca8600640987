/* test-search-correction.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-content-loader-private.h"
#include "cg-content-path.h"
#include "cg-search-internal.h"

/* Typo correction through its own interface, cg_search_correct_tokens():
 * what "Did you mean …?" offers, and the words the search then looks
 * for. The library is written here, so that every word near another is
 * chosen: "peeling" is in more rows than "feeling", "seating" is one
 * edit from the synonym "sweating". */

static const char * const files[][2] = {
  { "topics.xml",
    "<topics><topic id='care' icon='x'><title>Care</title><summary>After.</summary></topic></topics>" },
  { "synonyms.xml",
    "<synonyms><group><term>sweating</term><term>hyperhidrosis</term></group></synonyms>" },
  { "scars.xml",
    "<article id='scars' topic='care'><title>Acne scars</title>"
    "<summary>Microneedling for acne scars.</summary><review date='2026-11-02' by='Tests'/>"
    "<body><p>Peeling is normal after microneedling.</p></body></article>" },
  { "peeling.xml",
    "<article id='peeling' topic='care'><title>Peeling skin</title>"
    "<summary>What peeling looks like.</summary><review date='2026-11-02' by='Tests'/>"
    "<body><p>Peeling skin comes away by itself.</p></body></article>" },
  { "visit.xml",
    "<article id='visit' topic='care'><title>On the day</title>"
    "<summary>How the visit goes.</summary><review date='2026-11-02' by='Tests'/>"
    "<body><p>A feeling of warmth is normal. Seating is in the waiting room.</p></body></article>" },
  { "underarm.xml",
    "<article id='underarm' topic='care'><title>Underarm treatment</title>"
    "<summary>A use for hyperhidrosis.</summary><review date='2026-11-02' by='Tests'/>"
    "<body><p>Hyperhidrosis can be treated.</p></body></article>" },
};

static CgLibrary *library;
static CgSearchIndex *search_index;

/* The corrected query for @typed, or %NULL; @searched gets the words the
 * search would then look for, joined by spaces. */
static char *
correct (const char  *typed,
         gboolean     last_is_prefix,
         char       **searched)
{
  g_autoptr(GArray) tokens = cg_search_tokenize (search_index, typed, FTS5_TOKENIZE_QUERY, MAX_QUERY_TOKENS);
  g_autoptr(GString) words = g_string_new (NULL);
  char *corrected;

  corrected = cg_search_correct_tokens (cg_search_find_language (search_index, "en"), typed, tokens, last_is_prefix);

  for (guint i = 0; i < tokens->len; i++)
    g_string_append_printf (words, "%s%s", i > 0 ? " " : "", g_array_index (tokens, Token, i).text);
  if (searched != NULL)
    *searched = g_string_free (g_steal_pointer (&words), FALSE);

  return corrected;
}

static void
assert_corrected (const char *typed,
                  gboolean    last_is_prefix,
                  const char *expected,
                  const char *expected_words)
{
  g_autofree char *searched = NULL;
  g_autofree char *corrected = correct (typed, last_is_prefix, &searched);

  if (g_strcmp0 (corrected, expected) != 0)
    g_error ("“%s” was corrected to “%s”, not “%s”", typed, corrected, expected);
  g_assert_cmpstr (searched, ==, expected_words);
}

static void
test_misspelt_word (void)
{
  /* A letter left out, a letter too many, two letters swapped. */
  assert_corrected ("micronedling", FALSE, "microneedling", "microneedling");
  assert_corrected ("microneeddling", FALSE, "microneedling", "microneedling");
  assert_corrected ("microneedlign", FALSE, "microneedling", "microneedling");
  assert_corrected ("hyperhidrossis", FALSE, "hyperhidrosis", "hyperhidrosis");
}

static void
test_rest_of_query_as_typed (void)
{
  /* Only the misspelt word changes in what "Did you mean" shows: the
   * case, the punctuation and the other words stay as they were typed. */
  assert_corrected ("Acne SCARS after micronedling?", FALSE,
                    "Acne SCARS after microneedling?", "acne scars after microneedling");
  assert_corrected ("peeling skni, or scras", FALSE,
                    "peeling skin, or scars", "peeling skin or scars");
}

static void
test_known_word_is_kept (void)
{
  /* "feeling" is one edit from the commoner "peeling", but it is a word
   * of the library: it is what the person meant. */
  assert_corrected ("feeling", FALSE, NULL, "feeling");
  assert_corrected ("Peeling skin", FALSE, NULL, "peeling skin");
  assert_corrected ("hyperhidrosis", FALSE, NULL, "hyperhidrosis");
}

static void
test_commoner_word_wins (void)
{
  /* "heeling" is one edit from "peeling" (two rows) and from "feeling"
   * (one row): the commoner word is the likelier meaning. */
  assert_corrected ("heeling", FALSE, "peeling", "peeling");
}

static void
test_word_being_typed (void)
{
  /* The beginning of a word of the library is no typo... */
  assert_corrected ("hyperhid", TRUE, NULL, "hyperhid");

  /* ...and a word being typed is near the beginning of the word meant,
   * which a finished word is not. */
  assert_corrected ("hyperhyd", TRUE, "hyperhidrosis", "hyperhidrosis");
  assert_corrected ("hyperhyd", FALSE, NULL, "hyperhyd");
}

static void
test_uncorrected_words (void)
{
  /* Short words have too many neighbours; numbers are not misspelt. */
  assert_corrected ("skn", FALSE, NULL, "skn");
  assert_corrected ("sc4rs", FALSE, NULL, "sc4rs");

  /* Nothing near: no suggestion at all rather than a wild one. */
  assert_corrected ("zygomatic", FALSE, NULL, "zygomatic");

  /* A synonym means something even when no row has it: "sweating" finds
   * hyperhidrosis, it is not "seating". */
  assert_corrected ("sweating", FALSE, NULL, "sweating");
}

static char *
bundled_suggestion (const char *language,
                    const char *query)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autoptr(CgLibrary) bundled = NULL;
  g_autoptr(CgSearchIndex) index = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  char *suggestion = NULL;

  cg_content_path_setup_loader (loader, NULL);
  cg_content_loader_set_language (loader, language);
  bundled = cg_content_loader_load (loader, NULL);
  index = cg_search_index_new_for_library (bundled, &error);
  g_assert_no_error (error);

  results = cg_search_index_search (index, query, language, 0, &suggestion, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);

  return suggestion;
}

/* F18: "Did you mean" only for a word that matches nothing, and only when
 * the corrected query finds more. These were offered on the bundled
 * content: "my hair is calling out", "prete de cheveux", and for English
 * typed in the French guide, "des it surtout". */
static void
test_no_nonsense (void)
{
  static const char * const cases[][2] = {
    { "en", "my hair is falling out" },
    { "fr", "perte de cheveux" },
    { "fr", "does it hurt" },
    { "en", "will it bleed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *suggestion = bundled_suggestion (cases[i][0], cases[i][1]);

      if (suggestion != NULL)
        g_error ("“%s” (%s) offered “%s”", cases[i][1], cases[i][0], suggestion);
    }

  /* A real typo is still corrected. */
  {
    g_autofree char *suggestion = bundled_suggestion ("en", "can it help stretch makrs");

    g_assert_cmpstr (suggestion, ==, "can it help stretch marks");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgContentLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  loader = cg_content_loader_new ();
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (files[i][1], strlen (files[i][1]));

      cg_content_loader_add_bytes (loader, files[i][0], bytes);
    }
  cg_content_loader_set_language (loader, "en");
  library = cg_content_loader_load (loader, NULL);
  g_assert_cmpuint (cg_library_get_problems (library)->len, ==, 0);
  search_index = cg_search_index_new_for_library (library, &error);
  g_assert_no_error (error);

  g_test_add_func ("/search-correction/misspelt-word", test_misspelt_word);
  g_test_add_func ("/search-correction/rest-of-query-as-typed", test_rest_of_query_as_typed);
  g_test_add_func ("/search-correction/known-word-is-kept", test_known_word_is_kept);
  g_test_add_func ("/search-correction/commoner-word-wins", test_commoner_word_wins);
  g_test_add_func ("/search-correction/word-being-typed", test_word_being_typed);
  g_test_add_func ("/search-correction/uncorrected-words", test_uncorrected_words);
  g_test_add_func ("/search-correction/no-nonsense", test_no_nonsense);

  status = g_test_run ();

  g_clear_object (&search_index);
  g_clear_object (&library);

  return status;
}
