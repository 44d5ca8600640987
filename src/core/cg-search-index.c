/* cg-search-index.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-search-index-private.h"
#include "cg-search-internal.h"

/* Full-text search over the library, in in-memory SQLite FTS5 databases:
 * tables per language, one row per article or FAQ entry, with the
 * title (or question), the keywords and the body (an article's summary
 * first) as columns.
 *
 * People type questions, not FTS5 syntax. We tokenize what they typed with
 * the table's own tokenizer and quote every token, so no character they
 * type can be an operator. Each word becomes a group: a phrase, or, when
 * the words name a synonym, an OR of every term of the synonym group.
 * First every group must match; when that finds too little, rows that
 * match some groups follow. The last word is a prefix while it is being
 * typed. A word that matches nothing is replaced by the nearest word of
 * the index's vocabulary (Damerau-Levenshtein, in C over fts5vocab) and
 * the corrected query is offered as a suggestion.
 *
 * Search runs on every keystroke, on the UI thread, so its cost must not
 * grow with the size of the library. Scoring is our own FTS5 auxiliary
 * function, a BM25 with column weights plus a bonus for a word in the
 * title or the keywords, the best synonym of a group counting once. It
 * reads only the phrase positions of the row: document frequencies come
 * from the vocabulary and row lengths from an array, both kept in memory.
 * Rows arrive in rowid order and the best are kept in C, so nothing is
 * sorted. A second, small table holds only titles and keywords: matches
 * there come first, and they are found without walking the long body
 * posting lists of common words. No pass scores more than MAX_SCAN_ROWS
 * rows; when words match some rows but not together, only the rarest
 * words decide which rows to look at, since a row that shares only "how"
 * and "the" with a question is no answer. Snippets are cut in C, from
 * the item's own text, for the results only.
 *
 * Building is the slow part: FTS5 writes one index on one thread. So the
 * rows of a language are cut into shards, contiguous rowid ranges each in
 * a database of its own, built at the same time on threads of their own;
 * rowids stay global, and reading the shards in order reads the rows in
 * rowid order, as one table would give them. The vocabulary is counted
 * while FTS5 tokenizes, by a tokenizer of ours in front of unicode61.
 *
 * An index is used by one thread at a time, which its lock makes sure
 * of: the UI's, which searches on every keystroke, and a reload worker,
 * which replaces the rows of the files that changed (F10) so that the UI
 * thread does not wait for it. The score function finds the query being
 * run in the index itself; SQLite's connections are opened without a
 * mutex of their own, and the unicode61 tokenizer keeps a buffer between
 * calls: none of these is to be touched by two threads at once.
 *
 * The parts have a file each, behind cg-search-internal.h:
 * cg-search-tokenizer.c, cg-search-scoring.c, cg-search-vocabulary.c,
 * cg-search-correction.c, cg-search-plan.c, cg-search-scan.c,
 * cg-search-snippet.c and cg-search-shards.c. This file holds the object
 * and its API. */

#define MAX_QUERY_BYTES   2048  /* nobody types more; a pasted essay is cut */
#define MIN_PREFIX_CHARS  2     /* a one-letter prefix matches nearly everything */

G_DEFINE_FINAL_TYPE (CgSearchIndex, cg_search_index, G_TYPE_OBJECT)

G_DEFINE_QUARK (cg-search-error-quark, cg_search_error)

/* A slot's item, or NULL for a free slot. */
static void
slot_item_free (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
language_free (gpointer data)
{
  Language *lang = data;

  /* Closing a shard's database drops its tables. */
  g_clear_pointer (&lang->shards, g_ptr_array_unref);
  g_clear_pointer (&lang->code, g_free);
  g_clear_pointer (&lang->items, g_ptr_array_unref);
  g_clear_pointer (&lang->lengths, g_free);
  g_clear_pointer (&lang->rowids, g_free);
  g_clear_pointer (&lang->free_slots, g_array_unref);
  g_clear_pointer (&lang->slot_of_rowid, g_hash_table_unref);
  g_clear_pointer (&lang->is_faq, g_free);
  g_clear_pointer (&lang->title_words, g_free);
  for (guint slot = 0; lang->head_function_words != NULL && slot <= lang->n_slots; slot++)
    g_strfreev (lang->head_function_words[slot]);
  g_clear_pointer (&lang->head_function_words, g_free);
  for (guint slot = 0; lang->question_keywords != NULL && slot <= lang->n_slots; slot++)
    g_clear_pointer (&lang->question_keywords[slot], g_ptr_array_unref);
  g_clear_pointer (&lang->question_keywords, g_free);
  g_clear_pointer (&lang->synonyms, g_ptr_array_unref);
  g_clear_pointer (&lang->phrase_counts, g_hash_table_unref);
  g_clear_pointer (&lang->vocab_index, g_hash_table_unref);
  g_clear_pointer (&lang->vocab, g_free);
  g_clear_pointer (&lang->chars, g_free);
  g_clear_pointer (&lang->stopwords, g_hash_table_unref);
  g_clear_pointer (&lang->frames, g_ptr_array_unref);
  g_clear_pointer (&lang->stemmer, cg_search_stemmer_free);
  g_clear_pointer (&lang->stem_forms, g_hash_table_unref);
  g_clear_pointer (&lang->word_stems, g_hash_table_unref);
  g_clear_pointer (&lang->strings, g_string_chunk_free);
  g_free (lang);
}

static gboolean
ensure_db (CgSearchIndex  *self,
           GError        **error)
{
  const char *args[] = { "remove_diacritics", "2" };
  void *tokenizer_data = NULL;

  if (self->db != NULL)
    return self->tokenizer != NULL || cg_search_set_sqlite_error (error, self->db, _("FTS5 is not available"));

  self->db = cg_search_open_connection (self, &self->fts5, error);
  if (self->db == NULL)
    return FALSE;

  if (self->fts5->xFindTokenizer (self->fts5, "unicode61", &tokenizer_data,
                                  &self->tokenizer_class) != SQLITE_OK ||
      self->tokenizer_class.xCreate (tokenizer_data, args, G_N_ELEMENTS (args),
                                     &self->tokenizer) != SQLITE_OK)
    {
      self->tokenizer = NULL;
      return cg_search_set_sqlite_error (error, self->db, _("cannot create the tokenizer"));
    }

  return TRUE;
}

Language *
cg_search_find_language (CgSearchIndex *self,
                         const char    *code)
{
  if (self->languages->len == 0)
    return NULL;

  if (code == NULL)
    return g_ptr_array_index (self->languages, 0);

  for (guint i = 0; i < self->languages->len; i++)
    {
      Language *lang = g_ptr_array_index (self->languages, i);

      if (g_str_equal (lang->code, code))
        return lang;
    }

  return NULL;
}

static void
remove_language (CgSearchIndex *self,
                 const char    *code)
{
  for (guint i = 0; i < self->languages->len; i++)
    {
      Language *lang = g_ptr_array_index (self->languages, i);

      if (g_str_equal (lang->code, code))
        {
          g_ptr_array_remove_index (self->languages, i);
          return;
        }
    }
}

static void
token_clear (gpointer data)
{
  g_free (((Token *) data)->text);
}

static GArray *
copy_tokens (GArray *tokens)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (Token), tokens->len);

  g_array_set_clear_func (copy, token_clear);
  for (guint i = 0; i < tokens->len; i++)
    {
      Token token = g_array_index (tokens, Token, i);

      token.text = g_strdup (token.text);
      g_array_append_val (copy, token);
    }

  return copy;
}

/* GObject */

static void
cg_search_index_finalize (GObject *object)
{
  CgSearchIndex *self = CG_SEARCH_INDEX (object);

  /* Statements first: a connection with live statements does not close. */
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  if (self->tokenizer != NULL)
    self->tokenizer_class.xDelete (self->tokenizer);
  self->tokenizer = NULL;
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cg_search_index_parent_class)->finalize (object);
}

static void
cg_search_index_class_init (CgSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_search_index_finalize;

  cg_search_init_fold_table ();
}

static void
cg_search_index_init (CgSearchIndex *self)
{
  self->languages = g_ptr_array_new_with_free_func (language_free);
  g_mutex_init (&self->lock);
}

/* Public API */

CgSearchIndex *
cg_search_index_new (void)
{
  return g_object_new (CG_TYPE_SEARCH_INDEX, NULL);
}

/**
 * cg_search_index_new_for_library:
 *
 * Returns: (transfer full) (nullable): an index of @library, or %NULL with
 *   @error set
 */
CgSearchIndex *
cg_search_index_new_for_library (CgLibrary  *library,
                                 GError    **error)
{
  g_autoptr(CgSearchIndex) self = cg_search_index_new ();

  if (!cg_search_index_add_library (self, library, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cg_search_index_add_library:
 * @library: a sealed library
 *
 * Indexes every article and FAQ entry of @library under its language, in
 * one transaction. A library of a language already in the index replaces
 * it: call this again when the content changes.
 *
 * Returns: %TRUE on success
 */
gboolean
cg_search_index_add_library (CgSearchIndex  *self,
                             CgLibrary      *library,
                             GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  Language *lang;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), FALSE);
  g_return_val_if_fail (CG_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  self->writer = g_thread_self ();

  if (!ensure_db (self, error))
    return FALSE;

  lang = g_new0 (Language, 1);
  lang->code = g_strdup (cg_library_get_language (library));
  lang->shards = g_ptr_array_new_with_free_func (cg_search_shard_free);
  lang->items = g_ptr_array_new_with_free_func (slot_item_free);
  lang->free_slots = g_array_new (FALSE, FALSE, sizeof (guint));
  lang->slot_of_rowid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  lang->synonyms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  lang->phrase_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lang->strings = g_string_chunk_new (4096);

  if (!cg_search_build_language (self, lang, library, error))
    {
      language_free (lang);
      return FALSE;
    }

  /* Only now that the new tables are complete do the old ones go. */
  remove_language (self, lang->code);
  g_ptr_array_add (self->languages, lang);

  return TRUE;
}

/**
 * cg_search_index_replace_items:
 * @language: the language of the rows
 * @old_items: (element-type CgItem): items the index has rows for
 * @new_items: (element-type CgItem): what replaces each, in the same
 *   place of the library (see cg_library_derive())
 *
 * Replaces the rows of a few items in place: a reload of one file costs
 * the index one row, and it answers afterwards exactly as an index built
 * from the new library would. Any thread may call it; a search waits
 * meanwhile. On failure the index is to be rebuilt.
 *
 * Returns: %TRUE on success
 */
gboolean
cg_search_index_replace_items (CgSearchIndex  *self,
                               const char     *language,
                               GPtrArray      *old_items,
                               GPtrArray      *new_items,
                               GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  Language *lang;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), FALSE);
  g_return_val_if_fail (old_items != NULL && new_items != NULL, FALSE);
  g_return_val_if_fail (old_items->len == new_items->len, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  self->writer = g_thread_self ();
  lang = cg_search_find_language (self, language);
  if (lang == NULL)
    return g_set_error (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_FAILED,
                        "no rows of the language “%s”", language), FALSE;

  return cg_search_replace_rows (self, lang, old_items, new_items, error);
}

/**
 * cg_search_index_update_items:
 * @library: the library after the change, sharing every item it kept
 *   with the library the index was built or last updated from
 * @old_items: (element-type CgItem): items the index has rows for, gone
 *   from @library
 * @new_items: (element-type CgItem): items of @library it has no rows
 *   for yet
 *
 * Deletes the rows of @old_items and inserts rows for @new_items, each
 * under a rowid between those of its neighbours in @library: a file
 * added, removed or renamed costs the index its rows only, and it answers
 * afterwards exactly as an index built from @library would (same ids,
 * order and scores). Fails, leaving the index to be rebuilt, when there
 * is no room left between two neighbours (%CG_SEARCH_ERROR_NO_ROOM; the
 * index is then as it was) or @library holds an item the index does not
 * know. Any thread may call it, such as the reload worker that made
 * @library; a search waits meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
cg_search_index_update_items (CgSearchIndex  *self,
                              CgLibrary      *library,
                              GPtrArray      *old_items,
                              GPtrArray      *new_items,
                              GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  Language *lang;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), FALSE);
  g_return_val_if_fail (CG_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (old_items != NULL && new_items != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  self->writer = g_thread_self ();
  lang = cg_search_find_language (self, cg_library_get_language (library));
  if (lang == NULL)
    return g_set_error (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_FAILED,
                        "no rows of the language “%s”", cg_library_get_language (library)), FALSE;

  return cg_search_update_rows (self, lang, library, old_items, new_items, error);
}

gboolean
cg_search_index_has_language (CgSearchIndex *self,
                              const char    *language)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  return cg_search_find_language (self, language) != NULL;
}

/**
 * cg_search_index_search:
 * @query: what the person typed, as they typed it; any text is fine
 * @language: (nullable): the language to search; %NULL for the first one
 *   added
 * @limit: the most results wanted; 0 for %CG_SEARCH_INDEX_DEFAULT_LIMIT
 * @suggestion: (out) (optional) (nullable): the query with misspelt words
 *   corrected, when some were: for "Did you mean …?"
 *
 * Searches as the person types. Items that match every word come first,
 * best first; then, if there is room, items that match only some words
 * (cg_search_result_get_partial()). A word that matches nothing in the
 * index makes a full match impossible, so the nearest word of the index is
 * searched in its place and @suggestion says so. The last word counts as
 * the beginning of a word unless something follows it. An empty query,
 * or one of only punctuation, finds nothing; no query is ever an error.
 *
 * Returns: (transfer full): a list of #CgSearchResult, or %NULL with
 *   @error set when the database itself failed
 */
GListModel *
cg_search_index_search (CgSearchIndex  *self,
                        const char     *query,
                        const char     *language,
                        guint           limit,
                        char          **suggestion,
                        GError        **error)
{
  /* First, so that it is released last, after the plans. */
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(Plan) plan = NULL;
  g_autofree char *text = NULL;
  g_autofree char *corrected = NULL;
  gboolean last_is_prefix = FALSE;
  Language *lang;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (suggestion != NULL)
    *suggestion = NULL;

  locker = g_mutex_locker_new (&self->lock);
  store = g_list_store_new (CG_TYPE_SEARCH_RESULT);
  lang = cg_search_find_language (self, language);
  if (lang == NULL || query == NULL)
    return G_LIST_MODEL (g_steal_pointer (&store));

  /* Cut first, then repair: a character cut in two becomes U+FFFD, which
   * the tokenizer treats as a separator. */
  text = g_utf8_make_valid (query, MIN (strlen (query), MAX_QUERY_BYTES));

  tokens = cg_search_tokenize (self, text, FTS5_TOKENIZE_QUERY, MAX_QUERY_TOKENS);

  /* The word under the cursor is a prefix until something follows it; a
   * single letter there is a word not yet typed, unless it is all there is. */
  if (tokens->len > 0 && g_array_index (tokens, Token, tokens->len - 1).end == strlen (text))
    {
      Token *last = &g_array_index (tokens, Token, tokens->len - 1);

      if (g_utf8_strlen (last->text, -1) >= MIN_PREFIX_CHARS)
        last_is_prefix = TRUE;
      else if (tokens->len > 1)
        g_array_set_size (tokens, tokens->len - 1);
    }

  if (tokens->len == 0)
    return G_LIST_MODEL (g_steal_pointer (&store));

  /* A correction is offered only when the corrected query finds more
   * items with every word than the query as typed, counting the words as
   * the suggestion shows them, not their stems: "my hair is falling out"
   * is not "calling out" because some item has "hair" and "call". */
  {
    g_autoptr(GArray) typed = copy_tokens (tokens);

    corrected = cg_search_correct_tokens (lang, text, tokens, last_is_prefix);
    plan = cg_search_build_plan (lang, tokens, last_is_prefix);

    if (corrected != NULL)
      {
        g_autoptr(Plan) exact = cg_search_build_plan_full (lang, tokens, last_is_prefix, FALSE);
        g_autoptr(Plan) as_typed = cg_search_build_plan (lang, typed, last_is_prefix);

        if (cg_search_plan_count_all (exact) <= cg_search_plan_count_all (as_typed))
          {
            g_clear_pointer (&corrected, g_free);
            g_clear_pointer (&plan, cg_search_plan_free);
            plan = g_steal_pointer (&as_typed);
          }
      }
  }
  if (!cg_search_run_plan (self, plan,
                           limit == 0 ? CG_SEARCH_INDEX_DEFAULT_LIMIT : MIN (limit, CG_SEARCH_INDEX_MAX_LIMIT),
                           store, error))
    return NULL;

  if (suggestion != NULL)
    *suggestion = g_steal_pointer (&corrected);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * cg_search_index_find_matches:
 * @text: a text to highlight, such as a block of an article
 * @terms: matched terms, from cg_search_result_get_matched_terms()
 *
 * Finds every place in @text where one of @terms occurs, the way the
 * index matches words: regardless of case and accents, a phrase as
 * consecutive words, a term ending in "*" as the beginning of a word.
 *
 * Returns: (transfer full) (element-type CgSearchRange): byte ranges into
 *   @text, in order, not overlapping
 */
GArray *
cg_search_index_find_matches (CgSearchIndex      *self,
                              const char         *text,
                              const char * const *terms)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  GArray *ranges;
  guint i = 0;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  ranges = g_array_new (FALSE, FALSE, sizeof (CgSearchRange));
  if (text == NULL || terms == NULL || terms[0] == NULL || !ensure_db (self, NULL))
    return ranges;

  parsed = g_ptr_array_new_with_free_func (cg_search_phrase_free);
  for (guint t = 0; terms[t] != NULL; t++)
    {
      Phrase *phrase = g_new0 (Phrase, 1);

      phrase->prefix = g_str_has_suffix (terms[t], "*");
      phrase->tokens = g_strsplit (terms[t], " ", -1);
      phrase->n_tokens = g_strv_length (phrase->tokens);
      if (phrase->prefix)
        {
          char *last = phrase->tokens[phrase->n_tokens - 1];
          last[strlen (last) - 1] = '\0';
        }
      g_ptr_array_add (parsed, phrase);
    }

  tokens = cg_search_tokenize (self, text, FTS5_TOKENIZE_DOCUMENT, G_MAXUINT);

  while (i < tokens->len)
    {
      guint best = 0;

      for (guint t = 0; t < parsed->len; t++)
        {
          Phrase *phrase = g_ptr_array_index (parsed, t);
          gboolean match = phrase->n_tokens > 0 && i + phrase->n_tokens <= tokens->len;

          for (guint k = 0; match && k < phrase->n_tokens; k++)
            {
              const char *token = g_array_index (tokens, Token, i + k).text;
              const char *want = phrase->tokens[k];

              if (phrase->prefix && k + 1 == phrase->n_tokens)
                match = want[0] != '\0' && g_str_has_prefix (token, want);
              else
                match = strcmp (token, want) == 0;
            }

          if (match)
            best = MAX (best, phrase->n_tokens);
        }

      if (best > 0)
        {
          CgSearchRange range = {
            g_array_index (tokens, Token, i).start,
            g_array_index (tokens, Token, i + best - 1).end,
          };

          g_array_append_val (ranges, range);
          i += best;
        }
      else
        i++;
    }

  return ranges;
}

/* For the tests only: see cg-search-index-private.h */

/**
 * cg_search_index_set_n_shards:
 * @n_shards: how many shards a language added from now on is cut into,
 *   at most; 0 for one a core, at most two
 *
 * Results do not depend on it; tests check that they do not.
 */
void
cg_search_index_set_n_shards (CgSearchIndex *self,
                              guint          n_shards)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (CG_IS_SEARCH_INDEX (self));

  locker = g_mutex_locker_new (&self->lock);
  self->n_shards = n_shards;
}

guint
cg_search_index_get_n_shards (CgSearchIndex *self,
                              const char    *language)
{
  g_autoptr(GMutexLocker) locker = NULL;
  Language *lang;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), 0);

  locker = g_mutex_locker_new (&self->lock);
  lang = cg_search_find_language (self, language);

  return lang ? lang->shards->len : 0;
}

/**
 * cg_search_index_dup_vocabulary:
 *
 * Returns: (transfer full) (nullable): every term of @language's index
 *   (a string) and the rows it is in (a pointer-sized integer), or %NULL
 *   without such a language
 */
GHashTable *
cg_search_index_dup_vocabulary (CgSearchIndex *self,
                                const char    *language)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GHashTable *vocabulary;
  Language *lang;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  lang = cg_search_find_language (self, language);
  if (lang == NULL)
    return NULL;

  vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < lang->n_vocab; i++)
    g_hash_table_insert (vocabulary, g_strdup (lang->vocab[i].text),
                         GUINT_TO_POINTER (lang->vocab[i].doc_count));

  return vocabulary;
}

static int
compare_rowids (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * cg_search_index_get_row_length:
 * @row: the item's position in the library, plus one
 *
 * Returns: how many tokens the row has, in every column, as BM25 counts
 *   them; 0 for no such row
 */
guint
cg_search_index_get_row_length (CgSearchIndex *self,
                                const char    *language,
                                gint64         row)
{
  g_autoptr(GMutexLocker) locker = NULL;
  Language *lang;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), 0);

  locker = g_mutex_locker_new (&self->lock);
  lang = cg_search_find_language (self, language);
  if (lang == NULL || row < 1 || row > lang->n_rows)
    return 0;

  /* The row-th in rowid order. */
  {
    g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint slot = 1; slot <= lang->n_slots; slot++)
      if (lang->rowids[slot] != 0)
        g_array_append_val (rowids, lang->rowids[slot]);
    g_array_sort (rowids, compare_rowids);

    return lang->lengths[cg_search_row_slot (lang, g_array_index (rowids, gint64, row - 1))];
  }
}

/**
 * cg_search_index_get_writer:
 *
 * Returns: (transfer none): the thread that built the index or last
 *   changed its rows; only compared, never used: it may have ended
 */
GThread *
cg_search_index_get_writer (CgSearchIndex *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), NULL);

  locker = g_mutex_locker_new (&self->lock);

  return self->writer;
}
