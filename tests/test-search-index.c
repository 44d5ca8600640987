/* test-search-index.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cg-article.h"
#include "cg-autocleanups-private.h"
#include "cg-content-loader.h"
#include "cg-paths.h"
#include "cg-search-index-private.h"
#include "cg-test-content.h"

/* The fixtures in tests/data/search/ are a small library whose words were
 * chosen for these tests; the last tests ask the bundled content what
 * patients ask. */

typedef struct
{
  CgLibrary     *library;
  CgSearchIndex *index;
} Fixture;

static CgLibrary *
load_library (const char *path,
              const char *language)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();

  cg_content_loader_add_path (loader, path, NULL);
  cg_content_loader_set_language (loader, language);

  return cg_content_loader_load (loader, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "search", NULL);
  g_autoptr(GError) error = NULL;

  fixture->library = load_library (path, "en");
  g_assert_cmpuint (cg_library_get_problems (fixture->library)->len, ==, 0);

  fixture->index = cg_search_index_new_for_library (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->index);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->index);
  g_assert_finalize_object (fixture->library);
}

/* The results of a search that must not fail, and its suggestion. */
static GListModel *
search_full (CgSearchIndex  *index,
             const char     *query,
             const char     *language,
             guint           limit,
             char          **suggestion)
{
  g_autoptr(GError) error = NULL;
  GListModel *results;

  results = cg_search_index_search (index, query, language, limit, suggestion, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_true (g_list_model_get_item_type (results) == CG_TYPE_SEARCH_RESULT);

  return results;
}

static GListModel *
search (Fixture    *fixture,
        const char *query)
{
  return search_full (fixture->index, query, NULL, 0, NULL);
}

/* Where @id is among the results, or -1. */
static int
position_of (GListModel *results,
             const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CgSearchResult) result = g_list_model_get_item (results, i);

      if (g_str_equal (cg_search_result_get_id (result), id))
        return (int) i;
    }

  return -1;
}

static CgSearchResult *
result_for (GListModel *results,
            const char *id)
{
  int position = position_of (results, id);

  g_assert_cmpint (position, >=, 0);

  return g_list_model_get_item (results, position);
}

static void
assert_finds (Fixture    *fixture,
              const char *query,
              const char *id)
{
  g_autoptr(GListModel) results = search (fixture, query);

  if (position_of (results, id) < 0)
    g_error ("“%s” did not find %s", query, id);
}

/* Ranking */

static void
test_title_outranks_body (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GListModel) results = search (fixture, "peeling");
  g_autoptr(CgSearchResult) first = g_list_model_get_item (results, 0);
  g_autoptr(CgSearchResult) body = result_for (results, "daily-routine");

  /* The body says it three times, the title once: the title wins. */
  g_assert_cmpstr (cg_search_result_get_id (first), ==, "peeling-guide");
  g_assert_cmpfloat (cg_search_result_get_score (first), >, cg_search_result_get_score (body));
}

static void
test_faq_with_every_word_outranks_article (Fixture       *fixture,
                                           gconstpointer  user_data)
{
  g_autoptr(GListModel) results = search (fixture, "can I go swimming after treatment");
  g_autoptr(CgSearchResult) faq = result_for (results, "faq-swimming");
  g_autoptr(CgSearchResult) article = result_for (results, "pool-safety");

  g_assert_cmpint (position_of (results, "faq-swimming"), ==, 0);
  g_assert_cmpint (position_of (results, "pool-safety"), >, 0);
  g_assert_false (cg_search_result_get_partial (faq));
  g_assert_true (cg_search_result_get_partial (article));
  g_assert_cmpint (cg_search_result_get_kind (faq), ==, CG_SEARCH_RESULT_FAQ_ENTRY);
  g_assert_cmpint (cg_search_result_get_kind (article), ==, CG_SEARCH_RESULT_ARTICLE);
}

static void
test_all_words_before_some_words (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GListModel) results = search (fixture, "peeling skin");
  gboolean seen_partial = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 2);

  /* Once a result matches only some words, none after it matches all. */
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CgSearchResult) result = g_list_model_get_item (results, i);

      if (seen_partial)
        g_assert_true (cg_search_result_get_partial (result));
      seen_partial = cg_search_result_get_partial (result);
    }
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GListModel) all = search_full (fixture->index, "skin", NULL, 0, NULL);
  g_autoptr(GListModel) two = search_full (fixture->index, "skin", NULL, 2, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (all), >, 2);
  g_assert_cmpuint (g_list_model_get_n_items (two), ==, 2);
}

/* How words match */

static void
test_diacritics_and_case (Fixture       *fixture,
                          gconstpointer  user_data)
{
  static const char * const queries[] = { "creme", "CRÈME", "Creme", "crème", "crēme" };

  /* The body says "crème": found as it is, not as a spelling mistake. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *suggestion = NULL;
      g_autoptr(GListModel) results = search_full (fixture->index, queries[i], NULL, 0, &suggestion);

      g_assert_cmpint (position_of (results, "what-is-microneedling"), ==, 0);
      g_assert_null (suggestion);
    }

  assert_finds (fixture, "HYPERHIDROSIS", "sweat");
}

static void
test_prefix (Fixture       *fixture,
             gconstpointer  user_data)
{
  assert_finds (fixture, "micron", "what-is-microneedling");
  assert_finds (fixture, "hyperh", "sweat");

  /* Two letters come from FTS5's prefix index, three from the commonest
   * completions: both find what is being typed. */
  assert_finds (fixture, "hy", "sweat");
  assert_finds (fixture, "hyp", "sweat");
  assert_finds (fixture, "can I go swi", "faq-swimming");

  /* Only the word being typed is a prefix: "micro " is a finished word,
   * not the beginning of "microneedling". ("swim " finds "swimming" now,
   * by its stem: F13.) */
  assert_finds (fixture, "can I go swim", "faq-swimming");
  {
    g_autoptr(GListModel) results = search (fixture, "micro ");
    g_assert_cmpint (position_of (results, "what-is-microneedling"), <, 0);
  }
  assert_finds (fixture, "swim ", "faq-swimming");
}

static void
test_synonyms (Fixture       *fixture,
               gconstpointer  user_data)
{
  /* Each article has only the clinical word. */
  assert_finds (fixture, "hair loss", "hair");
  assert_finds (fixture, "balding", "hair");
  assert_finds (fixture, "sweating", "sweat");
  assert_finds (fixture, "dermaroller", "what-is-microneedling");
  assert_finds (fixture, "collagen induction therapy", "what-is-microneedling");

  /* A synonym is whole words: "hair" alone means hair. */
  {
    g_autoptr(GListModel) results = search (fixture, "hair");
    g_assert_cmpint (position_of (results, "hair"), <, 0);
  }
}

static void
test_typos (Fixture       *fixture,
            gconstpointer  user_data)
{
  static const struct {
    const char *typed;
    const char *suggestion;
    const char *finds;
  } cases[] = {
    { "micronedling", "microneedling", "what-is-microneedling" },
    { "microneedlign", "microneedling", "what-is-microneedling" },   /* transposed */
    { "alopcia", "alopecia", "hair" },
    { "hyperhidrossis", "hyperhidrosis", "sweat" },
    { "peeling skni", "peeling skin", "peeling-guide" },
    { "micronee dl", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *suggestion = NULL;
      g_autoptr(GListModel) results = search_full (fixture->index, cases[i].typed, NULL, 0, &suggestion);

      g_assert_cmpstr (suggestion, ==, cases[i].suggestion);
      if (cases[i].finds != NULL)
        g_assert_cmpint (position_of (results, cases[i].finds), ==, 0);
    }
}

static void
test_no_suggestion_for_known_words (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autofree char *suggestion = NULL;
  g_autoptr(GListModel) results = search_full (fixture->index, "alopecia", NULL, 0, &suggestion);

  g_assert_null (suggestion);
  g_assert_cmpint (position_of (results, "hair"), ==, 0);
}

/* What a result carries */

static void
test_result_fields (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GListModel) results = search (fixture, "alopecia");
  g_autoptr(CgSearchResult) result = result_for (results, "hair");
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autoptr(CgItem) item = NULL;
  CgSearchResultKind kind;

  g_assert_cmpstr (cg_search_result_get_title (result), ==, "Treating the scalp");
  g_assert_cmpstr (cg_search_result_get_topic_id (result), ==, "basics");
  g_assert_cmpstr (cg_search_result_get_language (result), ==, "en");
  g_assert_cmpfloat (cg_search_result_get_score (result), >, 0.0);
  g_assert_true (cg_search_result_get_item (result) == cg_library_lookup_item (fixture->library, "hair"));

  /* The same through properties, as a list row binds them. */
  g_object_get (result, "id", &id, "title", &title, "kind", &kind, "item", &item, NULL);
  g_assert_cmpstr (id, ==, "hair");
  g_assert_cmpstr (title, ==, "Treating the scalp");
  g_assert_cmpint (kind, ==, CG_SEARCH_RESULT_ARTICLE);
  g_assert_true (item == cg_search_result_get_item (result));
}

static void
test_snippet_ranges (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GListModel) results = search (fixture, "hair loss");
  g_autoptr(CgSearchResult) result = result_for (results, "hair");
  const char *snippet = cg_search_result_get_snippet (result);
  const CgSearchRange *ranges;
  guint n_ranges = 0;

  ranges = cg_search_result_get_snippet_ranges (result, &n_ranges);

  /* The snippet is plain text on one line; every range is a hit. */
  g_assert_null (strchr (snippet, '\n'));
  g_assert_cmpuint (n_ranges, >=, 1);
  for (guint i = 0; i < n_ranges; i++)
    {
      g_autofree char *hit = g_strndup (snippet + ranges[i].start, ranges[i].end - ranges[i].start);

      g_assert_cmpstr (hit, ==, "alopecia");
      if (i > 0)
        g_assert_cmpuint (ranges[i].start, >=, ranges[i - 1].end);
    }

  g_assert_nonnull (strstr (cg_search_result_get_snippet_markup (result), "<b>alopecia</b>"));
}

static void
test_snippet_markup_is_escaped (Fixture       *fixture,
                                gconstpointer  user_data)
{
  CgItem *item = cg_library_lookup_item (fixture->library, "hair");
  CgSearchRange range = { 4, 7 };
  g_autoptr(CgSearchResult) result = NULL;

  result = cg_search_result_new (item, "en", 1.0, FALSE, "a < b & c", &range, 1, NULL);

  g_assert_cmpstr (cg_search_result_get_snippet_markup (result), ==, "a &lt; <b>b &amp;</b> c");
  g_assert_nonnull (cg_search_result_get_matched_terms (result));
}

static void
test_matched_terms_highlight_article (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(GListModel) results = search (fixture, "hair loss");
  g_autoptr(CgSearchResult) result = result_for (results, "hair");
  const char * const *terms = cg_search_result_get_matched_terms (result);
  const char *text = "ALOPECIA areata is one kind of Alopecia.";
  g_autoptr(GArray) ranges = NULL;

  /* The synonym the article has, so that the article view can bold it. */
  g_assert_true (g_strv_contains (terms, "alopecia"));

  /* Every occurrence, whatever its case. */
  ranges = cg_search_index_find_matches (fixture->index, text, terms);
  g_assert_cmpuint (ranges->len, ==, 2);
  g_assert_cmpuint (g_array_index (ranges, CgSearchRange, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (ranges, CgSearchRange, 0).end, ==, strlen ("ALOPECIA"));
  g_assert_cmpuint (g_array_index (ranges, CgSearchRange, 1).start, ==, strlen ("ALOPECIA areata is one kind of "));
  g_assert_cmpuint (g_array_index (ranges, CgSearchRange, 1).end, ==, strlen ("ALOPECIA areata is one kind of Alopecia"));
}

static void
test_find_matches_phrases_prefixes_accents (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  const char * const terms[] = { "micron*", "creme", "hair loss", NULL };
  const char *text = "Microneedling, with a crème first, for hair and for hair-loss.";
  g_autoptr(GArray) ranges = cg_search_index_find_matches (fixture->index, text, terms);

  /* "hair" alone is not the phrase; "hair-loss" is. */
  g_assert_cmpuint (ranges->len, ==, 3);
  g_assert_cmpuint (g_array_index (ranges, CgSearchRange, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (ranges, CgSearchRange, 0).end, ==, strlen ("Microneedling"));
  g_assert_cmpuint (g_array_index (ranges, CgSearchRange, 1).start, ==, strlen ("Microneedling, with a "));
  g_assert_cmpuint (g_array_index (ranges, CgSearchRange, 1).end, ==, strlen ("Microneedling, with a crème"));
  g_assert_cmpuint (g_array_index (ranges, CgSearchRange, 2).start, ==,
                    strlen ("Microneedling, with a crème first, for hair and for "));
  g_assert_cmpuint (g_array_index (ranges, CgSearchRange, 2).end, ==,
                    strlen ("Microneedling, with a crème first, for hair and for hair-loss"));
}

/* Hostile queries: no error, no crash */

static void
test_operators_are_text (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const char * const queries[] = {
    "\"", "\"\"", "\"peeling", "peeling\"", "AND (", "OR", "NOT", "AND", "*", "**", "peeling*",
    "NEAR(", "NEAR(peeling skin, 2)", "-", "-peeling", ":", "title:peeling", "{title}: peeling",
    "^peeling", "peeling +", "(", ")", "((()))", "{", "}", "[", "]", "'", "''", ";", "\\", "%", "_",
    "peeling AND (", "\"NEAR(\" * - : AND (", "peeling OR sweat", "--", "peeling NOT skin",
    "\x01", "\t\n\r", "\u200b", "🙂", "مرحبا", "NULL", "' OR 1=1 --", "); DROP TABLE fts_0; --",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *suggestion = NULL;
      g_autoptr(GListModel) results = search_full (fixture->index, queries[i], NULL, 0, &suggestion);

      g_assert_cmpuint (g_list_model_get_n_items (results), <=, CG_SEARCH_INDEX_DEFAULT_LIMIT);
    }

  /* Operators are just words: NOT is not a negation, nor AND a conjunction. */
  assert_finds (fixture, "peeling NOT", "peeling-guide");
  assert_finds (fixture, "\"peeling\" AND (", "peeling-guide");
  assert_finds (fixture, "title:peeling", "peeling-guide");

  /* And the index still works after all that. */
  assert_finds (fixture, "alopecia", "hair");
}

static void
test_long_query (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GListModel) many = NULL;

  while (query->len < 10000)
    g_string_append (query, "peeling\"*( ");
  g_string_truncate (query, 10000);
  results = search (fixture, query->str);
  g_assert_cmpint (position_of (results, "peeling-guide"), ==, 0);

  /* Ten thousand characters of different words, none in the index. */
  for (guint i = 0; words->len < 10000; i++)
    g_string_append_printf (words, "w%uq%c ", i, 'a' + i % 26);
  many = search (fixture, words->str);
  g_assert_cmpuint (g_list_model_get_n_items (many), ==, 0);
}

static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GListModel) results = search (fixture, "\xff\xfe alopecia \xc3");
  g_autoptr(GListModel) cut = search (fixture, "alopecia\xc3");
  g_autoptr(GListModel) garbage = search (fixture, "\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc");

  g_assert_cmpint (position_of (results, "hair"), ==, 0);
  g_assert_cmpint (position_of (cut, "hair"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (garbage), ==, 0);
}

static void
test_empty_queries (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const char * const queries[] = { "", " ", "   \t\n  ", "…", "?!", "- - -" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *suggestion = NULL;
      g_autoptr(GListModel) results = search_full (fixture->index, queries[i], NULL, 0, &suggestion);

      g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
      g_assert_null (suggestion);
    }
}

/* Languages */

static void
test_languages (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "search", NULL);
  g_autoptr(CgLibrary) french = load_library (path, "fr");
  g_autoptr(CgLibrary) english = load_library (path, "en");
  g_autoptr(GListModel) in_french = NULL;
  g_autoptr(GListModel) in_english = NULL;
  g_autoptr(GListModel) unknown = NULL;
  g_autoptr(CgSearchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cg_search_index_has_language (fixture->index, "fr"));
  g_assert_true (cg_search_index_add_library (fixture->index, french, &error));
  g_assert_no_error (error);
  g_assert_true (cg_search_index_has_language (fixture->index, "fr"));

  /* A library of a language already there replaces it, not doubles it. */
  g_assert_true (cg_search_index_add_library (fixture->index, english, &error));
  g_assert_no_error (error);

  in_french = search_full (fixture->index, "alopecia", "fr", 0, NULL);
  result = g_list_model_get_item (in_french, 0);
  g_assert_cmpstr (cg_search_result_get_language (result), ==, "fr");

  in_english = search_full (fixture->index, "alopecia", "en", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (in_english), ==, 1);

  unknown = search_full (fixture->index, "alopecia", "xx", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (unknown), ==, 0);
}

static void
test_empty_index (void)
{
  g_autoptr(CgSearchIndex) index = cg_search_index_new ();
  g_autoptr(GListModel) results = search_full (index, "anything", NULL, 0, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
}

/* The bundled content, asked what patients ask */

typedef struct
{
  CgLibrary     *library;
  CgSearchIndex *index;
} Bundled;

static Bundled bundled;

static void
ensure_bundled (void)
{
  g_autoptr(CgContentLoader) loader = NULL;
  g_autoptr(GError) error = NULL;

  if (bundled.index != NULL)
    return;

  loader = cg_content_loader_new ();
  cg_content_loader_add_bundled (loader);
  bundled.library = cg_content_loader_load (loader, NULL);
  bundled.index = cg_search_index_new_for_library (bundled.library, &error);
  g_assert_no_error (error);
}

/* One of @ids among the first three results, and that item's text holds
 * every one of @words: the fact is really there. */
static void
assert_answers (const char         *question,
                const char * const *ids,
                const char * const *words)
{
  g_autoptr(GListModel) results = NULL;

  ensure_bundled ();
  results = search_full (bundled.index, question, NULL, 3, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CgSearchResult) result = g_list_model_get_item (results, i);
      CgItem *item = cg_search_result_get_item (result);
      g_autofree char *text = NULL;
      g_autofree char *all = NULL;
      g_autofree char *folded = NULL;

      if (!g_strv_contains (ids, cg_search_result_get_id (result)))
        continue;

      text = cg_document_get_text (cg_item_get_document (item));
      all = g_strconcat (cg_item_get_title (item), "\n", text, NULL);
      folded = g_utf8_casefold (all, -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *word = g_utf8_casefold (words[w], -1);

          if (strstr (folded, word) == NULL)
            g_error ("“%s” found %s, which does not say “%s”", question, cg_item_get_id (item), words[w]);
        }
      return;
    }

  g_error ("“%s” found none of its answers in the first three results", question);
}

#define IDS(...) ((const char * const []) { __VA_ARGS__, NULL })

static void
test_bundled_questions (void)
{
  assert_answers ("does it hurt",
                  IDS ("does-microneedling-hurt", "faq-does-it-hurt"),
                  IDS ("numbing cream"));
  assert_answers ("hair loss",
                  IDS ("faq-hair-loss", "what-microneedling-treats"),
                  IDS ("hair loss", "alopecia"));
  assert_answers ("what is collagen induction therapy",
                  IDS ("what-is-microneedling", "faq-what-is-microneedling"),
                  IDS ("collagen induction therapy"));
  assert_answers ("who invented microneedling",
                  IDS ("history-of-microneedling", "faq-is-it-new"),
                  IDS ("Orentreich", "1995"));
  assert_answers ("how long until I can go back to work",
                  IDS ("faq-downtime", "recovery-and-downtime"),
                  IDS ("back to work", "next day"));
  assert_answers ("is it better than laser",
                  IDS ("faq-vs-laser", "microneedling-compared-with-other-treatments"),
                  IDS ("laser", "chemical peel"));
  assert_answers ("can I have it when pregnant",
                  IDS ("faq-pregnant", "when-microneedling-is-not-advised"),
                  IDS ("pregnan"));
}

static void
test_bundled_facts (void)
{
  assert_answers ("sweating",
                  IDS ("faq-sweating", "what-microneedling-treats"),
                  IDS ("hyperhidrosis"));
  assert_answers ("stretch marks",
                  IDS ("faq-stretch-marks", "what-microneedling-treats"),
                  IDS ("stretch marks"));
  assert_answers ("tattoo gun",
                  IDS ("history-of-microneedling"),
                  IDS ("Camirand", "1997", "tattoo"));
  assert_answers ("growth factors",
                  IDS ("how-microneedling-works", "faq-how-does-it-work"),
                  IDS ("growth factors"));
  assert_answers ("collagen age 30",
                  IDS ("how-microneedling-works", "what-is-microneedling"),
                  IDS ("collagen", "30"));
  assert_answers ("dermaroller",
                  IDS ("faq-dermaroller-or-pen", "what-is-microneedling", "home-rollers-and-clinic-treatment"),
                  IDS ("dermaroller"));
  assert_answers ("how do I choose a practitioner",
                  IDS ("choosing-a-practitioner", "faq-choose-practitioner"),
                  IDS ("practitioner", "trained"));
  assert_answers ("book a consultation",
                  IDS ("your-consultation", "booking-an-appointment", "faq-need-consultation", "faq-how-to-book"),
                  IDS ("consultation"));
}

static void
test_bundled_typo (void)
{
  g_autofree char *suggestion = NULL;
  g_autoptr(GListModel) results = NULL;

  ensure_bundled ();
  results = search_full (bundled.index, "micronedling", NULL, 0, &suggestion);

  g_assert_cmpstr (suggestion, ==, "microneedling");
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
}

/* Shards: the same results however the rows are cut */

/* A library written for the test, of @n_articles articles and a FAQ of
 * @n_entries entries, from a few words: common ones that every row has,
 * so that a pass stops at its row limit, rare ones, accented ones, and a
 * synonym group with a phrase. Deterministic. */
static char *
write_library (guint n_articles,
               guint n_entries)
{
  static const char * const words[] = {
    "skin", "skin", "skin", "care", "care", "wash", "gentle", "the", "the", "the", "after",
    "treatment", "needling", "collagen", "peeling", "redness", "crème", "Straße", "naïve",
    "sunscreen", "moisturiser", "hair", "loss", "alopecia", "healing", "days", "week",
    "zygomatic", "quixotic", "ÉTÉ", "don't", "micro-needling", "x", "42", "rosacea",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GString) faq = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<faq>\n");
  char *dir = g_dir_make_tmp ("cg-search-shards-XXXXXX", &error);

  g_assert_no_error (error);

#define WORDS(out, n) \
  G_STMT_START { \
    guint n_words_ = (n); \
    for (guint w_ = 0; w_ < n_words_; w_++) \
      g_string_append_printf (out, "%s%s", w_ > 0 ? " " : "", \
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]); \
  } G_STMT_END

  for (guint a = 0; a < n_articles; a++)
    {
      g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      g_autofree char *name = g_strdup_printf ("gen-%04u.xml", a);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      guint n_paragraphs = g_rand_int_range (rand, 1, 5);

      g_string_append_printf (xml, "<article id=\"gen-%u\" topic=\"basics\">\n  <title>", a);
      WORDS (xml, g_rand_int_range (rand, 1, 6));
      g_string_append (xml, "</title>\n  <summary>");
      WORDS (xml, g_rand_int_range (rand, 3, 12));
      g_string_append (xml, "</summary>\n  <keywords>\n    <keyword>");
      WORDS (xml, g_rand_int_range (rand, 1, 3));
      g_string_append (xml, "</keyword>\n  </keywords>\n"
                            "  <review date=\"2026-11-02\" by=\"Search tests\"/>\n  <body>\n");
      for (guint p = 0; p < n_paragraphs; p++)
        {
          g_string_append (xml, "    <p>");
          WORDS (xml, g_rand_int_range (rand, 5, 60));
          g_string_append (xml, ".</p>\n");
        }
      g_string_append (xml, "  </body>\n</article>\n");

      g_file_set_contents (path, xml->str, -1, &error);
      g_assert_no_error (error);
    }

  for (guint e = 0; e < n_entries; e++)
    {
      g_string_append_printf (faq, "  <entry id=\"faq-gen-%u\" topic=\"care\">\n    <question>", e);
      WORDS (faq, g_rand_int_range (rand, 2, 8));
      g_string_append (faq, "?</question>\n    <answer>\n      <p>");
      WORDS (faq, g_rand_int_range (rand, 3, 30));
      g_string_append (faq, ".</p>\n    </answer>\n  </entry>\n");
    }
  g_string_append (faq, "</faq>\n");

#undef WORDS

  {
    g_autofree char *topics = g_build_filename (dir, "topics.xml", NULL);
    g_autofree char *synonyms = g_build_filename (dir, "synonyms.xml", NULL);
    g_autofree char *faq_path = g_build_filename (dir, "faq.xml", NULL);

    g_file_set_contents (topics,
                         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<topics>\n"
                         "  <topic id=\"basics\" icon=\"help-about-symbolic\">\n"
                         "    <title>Basics</title>\n    <summary>What it is.</summary>\n  </topic>\n"
                         "  <topic id=\"care\" icon=\"weather-clear-symbolic\">\n"
                         "    <title>Care</title>\n    <summary>Before and after.</summary>\n  </topic>\n"
                         "</topics>\n", -1, &error);
    g_assert_no_error (error);
    g_file_set_contents (synonyms,
                         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<synonyms>\n"
                         "  <group>\n    <term>hair loss</term>\n    <term>alopecia</term>\n  </group>\n"
                         "  <group>\n    <term>gentle wash</term>\n    <term>skin care</term>\n  </group>\n"
                         "</synonyms>\n", -1, &error);
    g_assert_no_error (error);
    if (n_entries > 0)
      {
        g_file_set_contents (faq_path, faq->str, -1, &error);
        g_assert_no_error (error);
      }
  }

  return dir;
}

static void
remove_library (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static CgSearchIndex *
index_with_shards (CgLibrary *library,
                   guint      n_shards)
{
  g_autoptr(CgSearchIndex) index = cg_search_index_new ();
  g_autoptr(GError) error = NULL;

  cg_search_index_set_n_shards (index, n_shards);
  g_assert_true (cg_search_index_add_library (index, library, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&index);
}

/* Everything a person could see differ: ids, order, scores, snippets and
 * their hits, the terms to highlight, the suggestion. */
static void
assert_same_search (CgSearchIndex *expected_index,
                    CgSearchIndex *index,
                    const char    *query,
                    guint          limit)
{
  g_autofree char *expected_suggestion = NULL;
  g_autofree char *suggestion = NULL;
  g_autoptr(GListModel) expected = search_full (expected_index, query, NULL, limit, &expected_suggestion);
  g_autoptr(GListModel) results = search_full (index, query, NULL, limit, &suggestion);

  g_assert_cmpstr (suggestion, ==, expected_suggestion);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, g_list_model_get_n_items (expected));

  for (guint i = 0; i < g_list_model_get_n_items (expected); i++)
    {
      g_autoptr(CgSearchResult) a = g_list_model_get_item (expected, i);
      g_autoptr(CgSearchResult) b = g_list_model_get_item (results, i);
      const CgSearchRange *a_ranges, *b_ranges;
      guint a_n = 0, b_n = 0;

      g_assert_cmpstr (cg_search_result_get_id (b), ==, cg_search_result_get_id (a));
      g_assert_cmpfloat (cg_search_result_get_score (b), ==, cg_search_result_get_score (a));
      g_assert_cmpint (cg_search_result_get_partial (b), ==, cg_search_result_get_partial (a));
      g_assert_cmpstr (cg_search_result_get_snippet (b), ==, cg_search_result_get_snippet (a));
      a_ranges = cg_search_result_get_snippet_ranges (a, &a_n);
      b_ranges = cg_search_result_get_snippet_ranges (b, &b_n);
      g_assert_cmpmem (b_ranges, b_n * sizeof (CgSearchRange), a_ranges, a_n * sizeof (CgSearchRange));
      g_assert_true (g_strv_equal (cg_search_result_get_matched_terms (b),
                                   cg_search_result_get_matched_terms (a)));
    }
}

static const char * const shard_queries[] = {
  "skin", "sk", "ski", "the", "skin care", "care skin the", "gentle wash", "hair loss", "alopecia",
  "creme", "CRÈME", "strasse", "naive", "ete", "don't", "micro-needling", "micro needling",
  "zygomatic", "quixotic rosacea", "skni", "colagen", "peeling redness after treatment",
  "the skin after the treatment, gentle care", "42", "x", "nothing-like-this", "zzzz",
  "how to wash skin in the week after needling",
};

static void
assert_same_searches (CgSearchIndex *expected_index,
                      CgSearchIndex *index)
{
  for (guint q = 0; q < G_N_ELEMENTS (shard_queries); q++)
    {
      assert_same_search (expected_index, index, shard_queries[q], 0);
      assert_same_search (expected_index, index, shard_queries[q], CG_SEARCH_INDEX_MAX_LIMIT);
    }
}

static void
test_shards_same_results (void)
{
  g_autofree char *dir = write_library (700, 120);
  g_autoptr(CgLibrary) library = load_library (dir, "en");
  g_autoptr(CgSearchIndex) one = NULL;

  g_assert_cmpuint (cg_library_get_problems (library)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cg_library_get_items (library)), ==, 820);

  one = index_with_shards (library, 1);
  g_assert_cmpuint (cg_search_index_get_n_shards (one, NULL), ==, 1);

  /* Three shards of under 300 rows: a pass over "skin" stops in the
   * second one, where a single table would have stopped. */
  for (guint n_shards = 2; n_shards <= 3; n_shards++)
    {
      g_autoptr(CgSearchIndex) sharded = index_with_shards (library, n_shards);

      g_assert_cmpuint (cg_search_index_get_n_shards (sharded, NULL), ==, n_shards);
      assert_same_searches (one, sharded);
    }

  remove_library (dir);
}

static void
test_shards_bundled (void)
{
  g_autoptr(CgSearchIndex) one = NULL;
  g_autoptr(CgSearchIndex) two = NULL;
  static const char * const questions[] = {
    "does it hurt", "hair loss", "what is collagen induction therapy", "who invented microneedling",
    "how long until I can go back to work", "micronedling", "sweating", "book a consultation",
  };

  ensure_bundled ();
  one = index_with_shards (bundled.library, 1);
  two = index_with_shards (bundled.library, 2);
  g_assert_cmpuint (cg_search_index_get_n_shards (two, NULL), ==, 2);

  for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
    assert_same_search (one, two, questions[q], 0);
}

/* Never an empty shard: no rows, one shard; one row, one shard. */
static void
test_shards_fewer_rows_than_shards (void)
{
  for (guint n_articles = 0; n_articles <= 1; n_articles++)
    {
      g_autofree char *dir = write_library (n_articles, 0);
      g_autoptr(CgLibrary) library = load_library (dir, "en");
      g_autoptr(CgSearchIndex) one = index_with_shards (library, 1);
      g_autoptr(CgSearchIndex) four = index_with_shards (library, 4);
      g_autoptr(GListModel) results = NULL;

      g_assert_cmpuint (g_list_model_get_n_items (cg_library_get_items (library)), ==, n_articles);
      g_assert_cmpuint (cg_search_index_get_n_shards (four, NULL), ==, 1);

      results = search_full (four, "skin care the", NULL, 0, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_articles);
      assert_same_searches (one, four);

      remove_library (dir);
    }
}

/* The vocabulary the tokenizer counted while FTS5 built the index is
 * what FTS5 itself says of a table of the same rows: every term, in as
 * many rows; every row as long (fts5vocab's instances are the tokens
 * FTS5 kept in its docsize table). */
static void
assert_vocabulary_is_fts5s (CgLibrary     *library,
                            CgSearchIndex *index)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) terms = NULL;
  g_autoptr(sqlite3_stmt) lengths = NULL;
  g_autoptr(GHashTable) vocabulary = cg_search_index_dup_vocabulary (index, NULL);
  g_autofree guint *expected_lengths = NULL;
  GListModel *items = cg_library_get_items (library);
  guint n_items = g_list_model_get_n_items (items), n_terms = 0;

  g_assert_nonnull (vocabulary);
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE ref USING fts5 (title, keywords, body,"
                                     "  tokenize = 'unicode61 remove_diacritics 2');"
                                     "CREATE VIRTUAL TABLE ref_rows USING fts5vocab (ref, 'row');"
                                     "CREATE VIRTUAL TABLE ref_instances USING fts5vocab (ref, 'instance');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO ref (rowid, title, keywords, body) VALUES (?, ?, ?, ?)",
                                       -1, &insert, NULL), ==, SQLITE_OK);

  /* The columns as the index documents them: the keywords one a line,
   * an article's summary before its text. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (items, i);
      g_autofree char *keywords = g_strjoinv ("\n", (char **) cg_item_get_keywords (item));
      g_autofree char *text = cg_document_get_text (cg_item_get_document (item));
      const char *summary = CG_IS_ARTICLE (item) ? cg_article_get_summary (CG_ARTICLE (item)) : NULL;
      g_autofree char *body = summary && summary[0] ? g_strconcat (summary, "\n", text, NULL) : g_strdup (text);

      sqlite3_bind_int64 (insert, 1, i + 1);
      sqlite3_bind_text (insert, 2, cg_item_get_title (item), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, keywords, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, body, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      sqlite3_reset (insert);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT term, doc FROM ref_rows", -1, &terms, NULL), ==, SQLITE_OK);
  while (sqlite3_step (terms) == SQLITE_ROW)
    {
      const char *term = (const char *) sqlite3_column_text (terms, 0);
      gpointer doc_count = NULL;

      if (!g_hash_table_lookup_extended (vocabulary, term, NULL, &doc_count))
        g_error ("“%s” is missing from the vocabulary", term);
      g_assert_cmpuint (GPOINTER_TO_UINT (doc_count), ==, sqlite3_column_int (terms, 1));
      n_terms++;
    }
  g_assert_cmpuint (n_terms, >, 0);
  g_assert_cmpuint (g_hash_table_size (vocabulary), ==, n_terms);

  expected_lengths = g_new0 (guint, n_items + 1);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT doc, count(*) FROM ref_instances GROUP BY doc",
                                       -1, &lengths, NULL), ==, SQLITE_OK);
  while (sqlite3_step (lengths) == SQLITE_ROW)
    expected_lengths[sqlite3_column_int64 (lengths, 0)] = sqlite3_column_int (lengths, 1);

  for (guint row = 1; row <= n_items; row++)
    g_assert_cmpuint (cg_search_index_get_row_length (index, NULL, row), ==, expected_lengths[row]);
}

static void
test_vocabulary_is_fts5s (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *dir = write_library (300, 40);
  g_autoptr(CgLibrary) library = load_library (dir, "en");

  assert_vocabulary_is_fts5s (fixture->library, fixture->index);

  for (guint n_shards = 1; n_shards <= 3; n_shards++)
    {
      g_autoptr(CgSearchIndex) index = index_with_shards (library, n_shards);

      g_assert_cmpuint (cg_search_index_get_n_shards (index, NULL), ==, n_shards);
      assert_vocabulary_is_fts5s (library, index);
    }

  ensure_bundled ();
  assert_vocabulary_is_fts5s (bundled.library, bundled.index);

  remove_library (dir);
}

/* Replacing rows in place (F10) */

#define REPLACE_TOPICS \
  "<topics><topic id=\"news\" icon=\"dialog-information-symbolic\">" \
  "<title>News</title><summary>News.</summary></topic></topics>\n"

#define REPLACE_ARTICLE(id, title, keyword, body) \
  "<article id=\"" id "\" topic=\"news\" order=\"10\">\n" \
  "  <title>" title "</title>\n" \
  "  <summary>" title ".</summary>\n" \
  "  <keywords><keyword>" keyword "</keyword></keywords>\n" \
  "  <review date=\"2026-11-01\" by=\"Test\"/>\n" \
  "  <body><p>" body "</p></body>\n" \
  "</article>\n"

typedef struct
{
  const char *language;
  const char *before[2];   /* title, body of the article that changes */
  const char *after[2];
  const char *queries[8];
} ReplaceCase;

static const ReplaceCase replace_cases[] = {
  { "en",
    { "Where can I park?", "In the car park behind the building." },
    { "Where is parking?", "Parking spaces by the side door, open in the evenings." },
    { "parking", "park", "side door", "evening", "where can i park", "building", "spaces", NULL } },
  /* Hunspell stems Polish from the items' own text, not the vocabulary. */
  { "pl",
    { "Gdzie mogę zaparkować?", "Na parkingu za budynkiem." },
    { "Czy jest parking?", "Miejsca parkingowe przy bocznych drzwiach, otwarte wieczorami." },
    { "parking", "parkingu", "drzwi", "wieczór", "czy jest parking", "budynek", "miejsce", NULL } },
};

static char *
describe_replace_search (CgSearchIndex     *index,
                         const ReplaceCase *c)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GHashTable) vocabulary = cg_search_index_dup_vocabulary (index, c->language);
  g_autoptr(GList) words = g_list_sort (g_hash_table_get_keys (vocabulary), (GCompareFunc) strcmp);

  for (GList *l = words; l != NULL; l = l->next)
    g_string_append_printf (out, "term %s %u\n", (char *) l->data,
                            GPOINTER_TO_UINT (g_hash_table_lookup (vocabulary, l->data)));

  for (guint q = 0; c->queries[q] != NULL; q++)
    cg_test_describe_search (out, index, c->language, c->queries[q]);

  return g_string_free (out, FALSE);
}

static CgItem *
item_with_id (CgLibrary  *library,
              const char *id)
{
  GListModel *items = cg_library_get_items (library);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (items, i);

      /* The library keeps it. */
      if (g_str_equal (cg_item_get_id (item), id))
        return item;
    }

  g_assert_not_reached ();
  return NULL;
}

static void
write_replace_file (const char *folder,
                    const char *name,
                    const char *contents)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
write_changing_article (const char  *folder,
                        const char  *title,
                        const char  *body)
{
  g_autofree char *xml = g_strdup_printf (REPLACE_ARTICLE ("changing", "%s", "%s", "%s"),
                                          title, title, title, body);

  write_replace_file (folder, "changing.xml", xml);
}

/* An index whose row was replaced answers exactly as one built from the
 * new library: the words, their stems, the ranking's view of the title
 * and keywords, the scores. */
static void
test_replace_same_as_full_build (gconstpointer data)
{
  const ReplaceCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("cg-replace-XXXXXX", &error);
  g_autoptr(CgLibrary) before = NULL;
  g_autoptr(CgLibrary) after = NULL;
  g_autoptr(CgSearchIndex) replaced = NULL;
  g_autoptr(CgSearchIndex) fresh = NULL;
  g_autoptr(GPtrArray) old_items = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_items = g_ptr_array_new ();
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *stale = NULL;

  g_assert_no_error (error);
  write_replace_file (folder, "topics.xml", REPLACE_TOPICS);
  write_replace_file (folder, "other.xml",
                      REPLACE_ARTICLE ("other", "Opening hours", "hours", "We open at eight."));
  write_changing_article (folder, c->before[0], c->before[1]);
  before = load_library (folder, c->language);
  replaced = cg_search_index_new_for_library (before, &error);
  g_assert_no_error (error);
  stale = describe_replace_search (replaced, c);

  write_changing_article (folder, c->after[0], c->after[1]);
  after = load_library (folder, c->language);
  fresh = cg_search_index_new_for_library (after, &error);
  g_assert_no_error (error);
  expected = describe_replace_search (fresh, c);
  g_assert_cmpstr (stale, !=, expected);

  g_ptr_array_add (old_items, item_with_id (before, "changing"));
  g_ptr_array_add (new_items, item_with_id (after, "changing"));
  g_assert_true (cg_search_index_replace_items (replaced, c->language, old_items, new_items, &error));
  g_assert_no_error (error);

  actual = describe_replace_search (replaced, c);
  g_assert_cmpstr (actual, ==, expected);

  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "topics.xml", "other.xml", "changing.xml" };
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (folder);
}

/* A reload worker replaces rows while the UI thread searches (F10) */

typedef struct
{
  CgSearchIndex *index;
  const char    *language;
  GPtrArray     *before;
  GPtrArray     *after;
  guint          n_swaps;
  gint           done;
} Swapper;

static gpointer
swap_rows_thread (gpointer data)
{
  Swapper *swapper = data;

  for (guint i = 0; i < swapper->n_swaps; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean forth = i % 2 == 0;

      g_assert_true (cg_search_index_replace_items (swapper->index, swapper->language,
                                                    forth ? swapper->before : swapper->after,
                                                    forth ? swapper->after : swapper->before,
                                                    &error));
      g_assert_no_error (error);
    }
  g_atomic_int_set (&swapper->done, 1);

  return NULL;
}

static char *
describe_query (CgSearchIndex *index,
                const char    *language,
                const char    *query)
{
  GString *out = g_string_new (NULL);

  cg_test_describe_search (out, index, language, query);

  return g_string_free (out, FALSE);
}

/* Every search made while another thread replaces a row, back and forth,
 * answers as the content before or after, never a mix or a crash; and
 * the index ends as a fresh build of where it stopped. */
static void
test_replace_while_searching (gconstpointer data)
{
  const ReplaceCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("cg-replace-XXXXXX", &error);
  g_autoptr(CgLibrary) before = NULL;
  g_autoptr(CgLibrary) after = NULL;
  g_autoptr(CgSearchIndex) index = NULL;
  g_autoptr(CgSearchIndex) fresh = NULL;
  g_autoptr(GPtrArray) expected_before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected_after = g_ptr_array_new_with_free_func (g_free);
  Swapper swapper = { 0 };
  GThread *thread;
  guint n_searches = 0;

  g_assert_no_error (error);
  write_replace_file (folder, "topics.xml", REPLACE_TOPICS);
  write_replace_file (folder, "other.xml",
                      REPLACE_ARTICLE ("other", "Opening hours", "hours", "We open at eight."));
  write_changing_article (folder, c->before[0], c->before[1]);
  before = load_library (folder, c->language);
  index = cg_search_index_new_for_library (before, &error);
  g_assert_no_error (error);
  for (guint q = 0; c->queries[q] != NULL; q++)
    g_ptr_array_add (expected_before, describe_query (index, c->language, c->queries[q]));

  write_changing_article (folder, c->after[0], c->after[1]);
  after = load_library (folder, c->language);
  fresh = cg_search_index_new_for_library (after, &error);
  g_assert_no_error (error);
  for (guint q = 0; c->queries[q] != NULL; q++)
    g_ptr_array_add (expected_after, describe_query (fresh, c->language, c->queries[q]));

  swapper.index = index;
  swapper.language = c->language;
  swapper.before = g_ptr_array_new ();
  swapper.after = g_ptr_array_new ();
  g_ptr_array_add (swapper.before, item_with_id (before, "changing"));
  g_ptr_array_add (swapper.after, item_with_id (after, "changing"));
  swapper.n_swaps = 301;   /* odd: it ends after */

  thread = g_thread_new ("cg-test-swap", swap_rows_thread, &swapper);
  while (!g_atomic_int_get (&swapper.done))
    for (guint q = 0; c->queries[q] != NULL; q++)
      {
        g_autofree char *actual = describe_query (index, c->language, c->queries[q]);

        if (g_strcmp0 (actual, g_ptr_array_index (expected_before, q)) != 0)
          g_assert_cmpstr (actual, ==, g_ptr_array_index (expected_after, q));
        n_searches++;
      }
  g_thread_join (thread);
  g_test_message ("%u searches while the rows were replaced", n_searches);

  for (guint q = 0; c->queries[q] != NULL; q++)
    {
      g_autofree char *actual = describe_query (index, c->language, c->queries[q]);

      g_assert_cmpstr (actual, ==, g_ptr_array_index (expected_after, q));
    }

  g_ptr_array_unref (swapper.before);
  g_ptr_array_unref (swapper.after);
  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "topics.xml", "other.xml", "changing.xml" };
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/search-index/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("ranking/title-outranks-body", test_title_outranks_body);
  ADD ("ranking/faq-with-every-word-outranks-article", test_faq_with_every_word_outranks_article);
  ADD ("ranking/all-words-before-some-words", test_all_words_before_some_words);
  ADD ("ranking/limit", test_limit);
  ADD ("words/diacritics-and-case", test_diacritics_and_case);
  ADD ("words/prefix", test_prefix);
  ADD ("words/synonyms", test_synonyms);
  ADD ("words/typos", test_typos);
  ADD ("words/no-suggestion-for-known-words", test_no_suggestion_for_known_words);
  ADD ("result/fields", test_result_fields);
  ADD ("result/snippet-ranges", test_snippet_ranges);
  ADD ("result/snippet-markup-is-escaped", test_snippet_markup_is_escaped);
  ADD ("result/matched-terms-highlight-article", test_matched_terms_highlight_article);
  ADD ("result/find-matches-phrases-prefixes-accents", test_find_matches_phrases_prefixes_accents);
  ADD ("hostile/operators-are-text", test_operators_are_text);
  ADD ("hostile/long-query", test_long_query);
  ADD ("hostile/invalid-utf8", test_invalid_utf8);
  ADD ("hostile/empty-queries", test_empty_queries);
  ADD ("languages", test_languages);
  ADD ("vocabulary-is-fts5s", test_vocabulary_is_fts5s);

#undef ADD

  g_test_add_func ("/search-index/empty-index", test_empty_index);
  g_test_add_func ("/search-index/bundled/questions", test_bundled_questions);
  g_test_add_func ("/search-index/bundled/facts", test_bundled_facts);
  g_test_add_func ("/search-index/bundled/typo", test_bundled_typo);
  g_test_add_func ("/search-index/shards/same-results", test_shards_same_results);
  g_test_add_func ("/search-index/shards/bundled", test_shards_bundled);
  g_test_add_func ("/search-index/shards/fewer-rows-than-shards", test_shards_fewer_rows_than_shards);
  for (guint i = 0; i < G_N_ELEMENTS (replace_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/search-index/replace/same-as-full-build/%s",
                                               replace_cases[i].language);

      g_test_add_data_func (path, &replace_cases[i], test_replace_same_as_full_build);
    }
  for (guint i = 0; i < G_N_ELEMENTS (replace_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/search-index/replace/while-searching/%s",
                                               replace_cases[i].language);

      g_test_add_data_func (path, &replace_cases[i], test_replace_while_searching);
    }

  status = g_test_run ();

  g_clear_object (&bundled.index);
  g_clear_object (&bundled.library);

  return status;
}
