/* test-search-snippet.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-article.h"
#include "cg-content-loader-private.h"
#include "cg-search-internal.h"

/* Snippets through their own interface, cg_search_make_snippet(): the
 * few words of a result that show why it was found. One article, whose
 * words are counted: its summary is 5 words, its first paragraph 17, its
 * second 28, and a snippet is SNIPPET_TOKENS (16) words starting three
 * before the first hit. */

#define TOPICS \
  "<topics><topic id='care' icon='x'><title>Care</title><summary>After.</summary></topic></topics>"

#define ARTICLE \
  "<article id='day' topic='care'><title>On the day</title>" \
  "<summary>What to expect, day one.</summary><review date='2026-11-02' by='Tests'/><body>" \
  "<p>The clinic opens early on weekdays and closes late on Fridays, so most people come before work.</p>" \
  "<p>A numbing cream is put on first. Numbing takes half an hour. After that, microneedling itself " \
  "takes about twenty minutes and feels like fine sandpaper on the skin.</p>" \
  "</body></article>"

static CgLibrary *library;
static CgSearchIndex *search_index;

typedef struct
{
  char   *text;
  GArray *ranges;   /* of CgSearchRange */
  guint8  found[8]; /* the groups seen in the text */
} Snippet;

static void
snippet_clear (Snippet *snippet)
{
  g_clear_pointer (&snippet->text, g_free);
  g_clear_pointer (&snippet->ranges, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snippet, snippet_clear)

/* The snippet of the article for @query, cut as for a row whose body
 * has every group of the query. */
static void
make_snippet (const char *query,
              gboolean    guessing,
              Snippet    *snippet)
{
  g_autoptr(GArray) tokens = cg_search_tokenize (search_index, query, FTS5_TOKENIZE_QUERY, MAX_QUERY_TOKENS);
  g_autoptr(Plan) plan = cg_search_build_plan (cg_search_find_language (search_index, NULL), tokens, FALSE);
  CgItem *item = cg_library_lookup_item (library, "day");

  g_assert_cmpuint (plan->n_groups, <=, G_N_ELEMENTS (snippet->found));
  memset (snippet->found, 0, sizeof snippet->found);
  snippet->ranges = g_array_new (FALSE, FALSE, sizeof (CgSearchRange));
  snippet->text = cg_search_make_snippet (search_index, plan, item, guessing ? 1 : plan->n_groups,
                                          FALSE, guessing, snippet->ranges, snippet->found);
}

static char *
range_text (Snippet *snippet,
            guint    i)
{
  const CgSearchRange *range = &g_array_index (snippet->ranges, CgSearchRange, i);

  g_assert_cmpuint (range->start, <, range->end);
  g_assert_cmpuint (range->end, <=, strlen (snippet->text));

  return g_strndup (snippet->text + range->start, range->end - range->start);
}

/* The snippet is a piece of the article's text, on one line, that starts
 * at the beginning of a word and ends at the end of one (with what
 * closes it): "…" says where the text goes on. */
static void
assert_cut_on_words (const char *snippet)
{
  CgItem *item = cg_library_lookup_item (library, "day");
  g_autofree char *body = cg_document_get_text (cg_item_get_document (item));
  g_autofree char *text = g_strconcat (cg_article_get_summary (CG_ARTICLE (item)), "\n", body, NULL);
  gboolean cut_before = g_str_has_prefix (snippet, "…");
  gboolean cut_after = g_str_has_suffix (snippet, "…");
  const char *start = snippet + (cut_before ? strlen ("…") : 0);
  g_autofree char *inner = g_strndup (start, strlen (start) - (cut_after ? strlen ("…") : 0));
  const char *found;

  g_strdelimit (text, "\n", ' ');
  g_assert_null (strchr (snippet, '\n'));
  found = strstr (text, inner);
  g_assert_nonnull (found);

  g_assert_true (cut_before == (found > text));
  if (found > text)
    g_assert_true (found[-1] == ' ');
  g_assert_true (found[strlen (inner)] == '\0' || found[strlen (inner)] == ' ');
  g_assert_true (cut_after == (found[strlen (inner)] != '\0'));
}

static void
test_hit_with_lead_in (void)
{
  g_auto(Snippet) snippet = { 0 };
  g_autofree char *hit = NULL;

  make_snippet ("microneedling", FALSE, &snippet);

  /* Three words before the hit, sixteen in all, the punctuation between
   * them as in the text. */
  g_assert_cmpstr (snippet.text, ==,
                   "…hour. After that, microneedling itself takes about twenty minutes and feels "
                   "like fine sandpaper on the…");
  assert_cut_on_words (snippet.text);

  /* The hit is highlighted, and only the hit. */
  g_assert_cmpuint (snippet.ranges->len, ==, 1);
  hit = range_text (&snippet, 0);
  g_assert_cmpstr (hit, ==, "microneedling");
  g_assert_true (snippet.found[0]);
}

static void
test_window_with_every_word (void)
{
  g_auto(Snippet) snippet = { 0 };

  make_snippet ("numbing twenty", FALSE, &snippet);

  /* "numbing" comes first, alone; the second one is near "twenty", and
   * a snippet with both words says more. */
  g_assert_cmpstr (snippet.text, ==,
                   "…put on first. Numbing takes half an hour. After that, microneedling itself "
                   "takes about twenty minutes…");
  assert_cut_on_words (snippet.text);

  g_assert_cmpuint (snippet.ranges->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *hit = range_text (&snippet, i);

      g_assert_cmpstr (hit, ==, i == 0 ? "Numbing" : "twenty");
    }
  g_assert_true (snippet.found[0] && snippet.found[1]);
}

static void
test_phrase_and_case (void)
{
  g_auto(Snippet) snippet = { 0 };
  g_autofree char *hit = NULL;

  /* A hyphenated word is a phrase: both its words in one hit, whatever
   * their case in the text. */
  make_snippet ("NUMBING-CREAM", FALSE, &snippet);

  g_assert_cmpstr (snippet.text, ==,
                   "…before work. A numbing cream is put on first. Numbing takes half an hour. "
                   "After that,…");
  assert_cut_on_words (snippet.text);
  g_assert_cmpuint (snippet.ranges->len, ==, 1);
  hit = range_text (&snippet, 0);
  g_assert_cmpstr (hit, ==, "numbing cream");
}

static void
test_beginning_when_no_hit (void)
{
  g_auto(Snippet) snippet = { 0 };

  /* Found by its title only: the beginning of the text is as good a
   * glimpse as any, with nothing highlighted, and the comma that closes
   * the last word stays. */
  make_snippet ("day", TRUE, &snippet);
  g_assert_cmpuint (snippet.ranges->len, ==, 1);
  snippet_clear (&snippet);

  make_snippet ("visit", TRUE, &snippet);
  g_assert_cmpstr (snippet.text, ==,
                   "What to expect, day one. The clinic opens early on weekdays and closes late on Fridays,…");
  assert_cut_on_words (snippet.text);
  g_assert_cmpuint (snippet.ranges->len, ==, 0);
  g_assert_false (snippet.found[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgContentLoader) loader = NULL;
  g_autoptr(GBytes) topics = g_bytes_new_static (TOPICS, strlen (TOPICS));
  g_autoptr(GBytes) article = g_bytes_new_static (ARTICLE, strlen (ARTICLE));
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  loader = cg_content_loader_new ();
  cg_content_loader_add_bytes (loader, "topics.xml", topics);
  cg_content_loader_add_bytes (loader, "day.xml", article);
  library = cg_content_loader_load (loader, NULL);
  g_assert_cmpuint (cg_library_get_problems (library)->len, ==, 0);
  search_index = cg_search_index_new_for_library (library, &error);
  g_assert_no_error (error);

  g_test_add_func ("/search-snippet/hit-with-lead-in", test_hit_with_lead_in);
  g_test_add_func ("/search-snippet/window-with-every-word", test_window_with_every_word);
  g_test_add_func ("/search-snippet/phrase-and-case", test_phrase_and_case);
  g_test_add_func ("/search-snippet/beginning-when-no-hit", test_beginning_when_no_hit);

  status = g_test_run ();

  g_clear_object (&search_index);
  g_clear_object (&library);

  return status;
}
