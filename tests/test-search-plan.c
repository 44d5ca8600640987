/* test-search-plan.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-content-loader.h"
#include "cg-search-internal.h"

/* What a query turns into, through the plan's own interface: its groups
 * of words and synonyms, which word is a prefix, and the MATCH expression
 * FTS5 is given. The library is tests/data/search/, whose synonyms are
 * microneedling, hair loss and sweating. */

static CgLibrary *library;
static CgSearchIndex *search_index;

static Plan *
plan_for (const char *query,
          gboolean    last_is_prefix)
{
  g_autoptr(GArray) tokens = cg_search_tokenize (search_index, query, FTS5_TOKENIZE_QUERY, MAX_QUERY_TOKENS);

  return cg_search_build_plan (cg_search_find_language (search_index, NULL), tokens, last_is_prefix);
}

/* The plan's groups, separated by " ; ", each the terms it searches,
 * separated by " | ": "peeling ; skin" is two words that must both be
 * found, "alopecia | balding" one word and its synonym. */
static char *
describe (Plan *plan)
{
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < plan->phrases->len; p++)
    {
      const Phrase *phrase = g_ptr_array_index (plan->phrases, p);

      if (p > 0)
        g_string_append (out, phrase->group != ((Phrase *) g_ptr_array_index (plan->phrases, p - 1))->group
                              ? " ; " : " | ");
      g_string_append (out, phrase->term);
    }

  return g_string_free (out, FALSE);
}

static void
assert_plan (const char *query,
             gboolean    last_is_prefix,
             const char *expected)
{
  g_autoptr(Plan) plan = plan_for (query, last_is_prefix);
  g_autofree char *description = describe (plan);

  if (g_strcmp0 (description, expected) != 0)
    g_error ("“%s” was planned as “%s”, not “%s”", query, description, expected);
}

static void
assert_expression (const char *query,
                   gboolean    all,
                   const char *expected)
{
  g_autoptr(Plan) plan = plan_for (query, FALSE);
  g_autofree char *expression = cg_search_build_expression (plan, all);

  g_assert_cmpstr (expression, ==, expected);
}

static void
test_words (void)
{
  /* A word a group, in the order typed, folded as the index folds. */
  assert_plan ("Peeling SKIN", FALSE, "peeling ; skin");
  assert_plan ("crème", FALSE, "creme");

  /* "micro-needling" is one word, searched as a phrase; "micro needling"
   * is two. */
  assert_plan ("micro-needling", FALSE, "micro needling");
  assert_plan ("micro needling", FALSE, "micro ; needling | needles");
}

static void
test_synonyms (void)
{
  /* The typed words first, then their synonyms; a term no row has is
   * left out ("hair loss", "balding"), as it can find nothing. */
  assert_plan ("hair loss", FALSE, "alopecia");
  assert_plan ("sweating", FALSE, "hyperhidrosis");
  assert_plan ("dermaroller", FALSE, "dermaroller | microneedling");

  /* Synonyms are whole words: "hair" alone is hair. */
  assert_plan ("hair", FALSE, "hair");

  /* Two names of one thing are one group, not two that must both match. */
  assert_plan ("hair loss alopecia", FALSE, "alopecia");
  assert_plan ("microneedling peeling", FALSE, "microneedling | dermaroller ; peeling");
}

static void
test_prefix (void)
{
  /* Only the last word is being typed. Two letters are FTS5's prefix
   * index; a longer beginning stands for the words of the library that
   * start with it. */
  assert_plan ("hy", TRUE, "hy*");
  assert_plan ("hyp", TRUE, "hyperhidrosis");
  assert_plan ("can I go swi", TRUE, "swimming");
  assert_plan ("swi can", TRUE, "swi");
  assert_plan ("hy", FALSE, "hy");

  /* No word of the library starts with it: the prefix itself, which
   * finds nothing, rather than nothing to search. */
  assert_plan ("zyg", TRUE, "zyg*");
}

static void
test_completion_counts_less (void)
{
  g_autoptr(Plan) typed = plan_for ("peeling", FALSE);
  g_autoptr(Plan) completed = plan_for ("peel", TRUE);
  const Phrase *word = g_ptr_array_index (typed->phrases, 0);
  const Phrase *completion = g_ptr_array_index (completed->phrases, 0);

  /* "peel" finds "peeling", but a row with the word typed in full is a
   * likelier answer than one with a longer word. */
  g_assert_cmpstr (completion->term, ==, "peeling");
  g_assert_cmpint (completion->doc_count, ==, word->doc_count);
  g_assert_cmpfloat (completion->idf, <, word->idf);
}

static void
test_rare_words_are_rarer (void)
{
  g_autoptr(Plan) plan = plan_for ("skin alopecia", FALSE);
  const Phrase *skin = g_ptr_array_index (plan->phrases, 0);
  const Phrase *alopecia = g_ptr_array_index (plan->phrases, 1);

  /* Counted from the vocabulary: "alopecia" is in one row, "skin" in
   * most, so "alopecia" tells rows apart and counts for more. */
  g_assert_cmpint (alopecia->doc_count, ==, 1);
  g_assert_cmpint (skin->doc_count, >, 3);
  g_assert_cmpfloat (alopecia->idf, >, skin->idf);
  g_assert_cmpint (cg_search_plan_upper_bound (plan, TRUE), ==, 1);
}

static void
test_expression (void)
{
  /* Every word must match, or, for the rows that have only some, any. */
  assert_expression ("peeling skin", TRUE, "(\"peeling\") AND (\"skin\")");
  assert_expression ("peeling skin", FALSE, "(\"peeling\") OR (\"skin\")");
  assert_expression ("dermaroller", TRUE, "(\"dermaroller\" OR \"microneedling\")");
  assert_expression ("micro-needling", TRUE, "(\"micro needling\")");

  /* Nothing typed is an operator: every word is quoted. */
  assert_expression ("title:peeling OR NOT \"skin*", TRUE,
                     "(\"title\") AND (\"peeling\") AND (\"skin\")");
  assert_expression ("NEAR(peeling skin, 2)", TRUE,
                     "(\"near\") AND (\"peeling\") AND (\"skin\") AND (\"2\")");

  /* A prefix is marked outside the quotes. */
  {
    g_autoptr(Plan) plan = plan_for ("peeling sk", TRUE);
    g_autofree char *expression = cg_search_build_expression (plan, TRUE);

    g_assert_cmpstr (expression, ==, "(\"peeling\") AND (\"sk\"*)");
  }
}

static void
test_nothing_to_search (void)
{
  g_autoptr(Plan) plan = plan_for ("?! -- ()", FALSE);
  g_autofree char *expression = cg_search_build_expression (plan, TRUE);

  g_assert_cmpuint (plan->phrases->len, ==, 0);
  g_assert_cmpuint (plan->n_groups, ==, 0);
  g_assert_cmpstr (expression, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgContentLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "search", NULL);
  loader = cg_content_loader_new ();
  cg_content_loader_add_path (loader, path, NULL);
  cg_content_loader_set_language (loader, "en");
  library = cg_content_loader_load (loader, NULL);
  search_index = cg_search_index_new_for_library (library, &error);
  g_assert_no_error (error);

  g_test_add_func ("/search-plan/words", test_words);
  g_test_add_func ("/search-plan/synonyms", test_synonyms);
  g_test_add_func ("/search-plan/prefix", test_prefix);
  g_test_add_func ("/search-plan/completion-counts-less", test_completion_counts_less);
  g_test_add_func ("/search-plan/rare-words-are-rarer", test_rare_words_are_rarer);
  g_test_add_func ("/search-plan/expression", test_expression);
  g_test_add_func ("/search-plan/nothing-to-search", test_nothing_to_search);

  status = g_test_run ();

  g_clear_object (&search_index);
  g_clear_object (&library);

  return status;
}
