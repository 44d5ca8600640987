/* cg-search-shards.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-faq-entry.h"
#include "cg-search-internal.h"

/* Building
 *
 * FTS5 writes one index on one thread. So the rows of a language are cut
 * into shards, contiguous rowid ranges each in a database of its own,
 * built at the same time on threads of their own; rowids stay global,
 * and reading the shards in order reads the rows in rowid order, as one
 * table would give them. */

#define HASH_SIZE         (256 * 1024 * 1024)
#define MAX_SHARDS        2     /* the kiosks F5 is measured on have two cores */

void
cg_search_shard_free (gpointer data)
{
  Shard *shard = data;

  /* Statements first: a connection with live statements does not close. */
  g_clear_pointer (&shard->scan_rows, sqlite3_finalize);
  g_clear_pointer (&shard->scan_heads, sqlite3_finalize);
  g_clear_pointer (&shard->count_rows, sqlite3_finalize);
  g_clear_pointer (&shard->db, sqlite3_close);
  g_clear_pointer (&shard->counter, cg_search_vocab_counter_free);
  g_clear_error (&shard->error);
  g_free (shard);
}

/* The text of a row */

static char *
item_body (CgItem *item)
{
  g_autofree char *text = cg_document_get_text (cg_item_get_document (item));

  /* The summary first: with no hit in the body, the snippet shows it. */
  if (CG_IS_ARTICLE (item))
    {
      const char *summary = cg_article_get_summary (CG_ARTICLE (item));

      if (summary != NULL && summary[0] != '\0')
        return g_strconcat (summary, "\n", text, NULL);
    }

  return g_steal_pointer (&text);
}

static char *
item_keywords (CgItem *item)
{
  const char * const *words = cg_item_get_keywords (item);

  return words ? g_strjoinv ("\n", (char **) words) : g_strdup ("");
}

/* Adds the function words @tokens open with, each once: a question's
 * frame, such as "what can" or "how does". */
static void
add_opening_function_words (Language      *lang,
                            GArray        *tokens,
                            GHashTable    *seen,
                            GStrvBuilder  *builder)
{
  for (guint t = 0; t < tokens->len; t++)
    {
      const char *text = g_array_index (tokens, Token, t).text;

      if (!cg_search_is_function_word (lang, text))
        break;
      if (!g_hash_table_contains (seen, text))
        {
          g_hash_table_add (seen, g_strdup (text));
          g_strv_builder_add (builder, text);
        }
    }
}

/* About what a row costs to index: its bytes. */
static gsize
item_size (CgItem *item)
{
  CgDocument *document = cg_item_get_document (item);
  const char * const *keywords = cg_item_get_keywords (item);
  gsize size = strlen (cg_item_get_title (item));

  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    size += strlen (keywords[i]) + 1;

  if (CG_IS_ARTICLE (item) && cg_article_get_summary (CG_ARTICLE (item)) != NULL)
    size += strlen (cg_article_get_summary (CG_ARTICLE (item))) + 1;

  for (guint i = 0; document != NULL && i < cg_document_get_n_blocks (document); i++)
    size += strlen (cg_document_get_block (document, i)->text) + 1;

  return size;
}

/* One shard a core, never an empty one, but always one: an empty
 * library has tables to search too. */
static guint
count_shards (CgSearchIndex *self,
              gint64         n_rows)
{
  guint n_shards = self->n_shards > 0 ? self->n_shards : MIN (g_get_num_processors (), MAX_SHARDS);

  if (n_rows < n_shards)
    n_shards = (guint) MAX (n_rows, 1);

  return n_shards;
}

/* Cuts the rows into @n_shards ranges of about as many bytes each: FAQ
 * entries are short, and shards of as many rows would not finish
 * together. */
static void
add_shards (Language *lang,
            guint     n_shards)
{
  g_autofree guint64 *sizes = g_new0 (guint64, lang->n_rows + 1);  /* of rows 1 to i */
  gint64 first = 1;

  for (gint64 row = 1; row <= lang->n_rows; row++)
    sizes[row] = sizes[row - 1] + item_size (g_ptr_array_index (lang->items, row - 1));

  for (guint k = 0; k < n_shards; k++)
    {
      Shard *shard = g_new0 (Shard, 1);
      gint64 last = lang->n_rows;

      if (k + 1 < n_shards)
        {
          guint64 target = sizes[lang->n_rows] * (k + 1) / n_shards;

          /* Each later shard keeps a row at least. */
          for (last = first; last < lang->n_rows - (n_shards - 1 - k) && sizes[last] < target; last++)
            ;
        }

      shard->first_row = first;
      shard->last_row = last;
      shard->lang = lang;
      shard->counter = cg_search_vocab_counter_new (lang->lengths);
      g_ptr_array_add (lang->shards, shard);
      first = last + 1;
    }
}

/* A shard's database, with our tokenizer; opened here, filled on its
 * own thread. */
static gboolean
open_shard (CgSearchIndex  *self,
            Shard          *shard,
            GError        **error)
{
  shard->db = cg_search_open_connection (self, &shard->fts5, error);
  if (shard->db == NULL)
    return FALSE;

  /* FTS5 keeps a copy of the class. */
  if (shard->fts5->xCreateTokenizer (shard->fts5, "cg_counting", shard,
                                     (fts5_tokenizer *) &cg_search_counting_tokenizer_class, NULL) != SQLITE_OK)
    return cg_search_set_sqlite_error (error, shard->db, _("cannot create the tokenizer"));

  return TRUE;
}

/* The statements that write a row into both tables, or with @forget
 * take it out (FTS5 forgets a row of a contentless table when it is told
 * the text the row had). */
static gboolean
prepare_row_statements (Shard         *shard,
                        gboolean       forget,
                        sqlite3_stmt **fts,
                        sqlite3_stmt **heads,
                        GError       **error)
{
  const char *fts_sql = forget
    ? "INSERT INTO fts (fts, rowid, title, keywords, body) VALUES ('delete', ?, ?, ?, ?)"
    : "INSERT INTO fts (rowid, title, keywords, body) VALUES (?, ?, ?, ?)";
  const char *heads_sql = forget
    ? "INSERT INTO heads (heads, rowid, title, keywords) VALUES ('delete', ?, ?, ?)"
    : "INSERT INTO heads (rowid, title, keywords) VALUES (?, ?, ?)";

  if (sqlite3_prepare_v2 (shard->db, fts_sql, -1, fts, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (shard->db, heads_sql, -1, heads, NULL) != SQLITE_OK)
    return cg_search_set_sqlite_error (error, shard->db, _("cannot build the index"));

  return TRUE;
}

/* An item's row, bound alike into both tables, whether it is built,
 * inserted later or taken out: the text a deletion names must be the
 * text that was inserted, to the byte. */
static gboolean
bind_item_row (Shard         *shard,
               sqlite3_stmt  *fts,
               sqlite3_stmt  *heads,
               gint64         rowid,
               CgItem        *item,
               GError       **error)
{
  g_autofree char *keywords = item_keywords (item);
  g_autofree char *body = item_body (item);
  gboolean ok;

  sqlite3_bind_int64 (fts, 1, rowid);
  sqlite3_bind_text (fts, 2, cg_item_get_title (item), -1, SQLITE_STATIC);
  sqlite3_bind_text (fts, 3, keywords, -1, SQLITE_STATIC);
  sqlite3_bind_text (fts, 4, body, -1, SQLITE_STATIC);

  sqlite3_bind_int64 (heads, 1, rowid);
  sqlite3_bind_text (heads, 2, cg_item_get_title (item), -1, SQLITE_STATIC);
  sqlite3_bind_text (heads, 3, keywords, -1, SQLITE_STATIC);

  ok = sqlite3_step (fts) == SQLITE_DONE && sqlite3_step (heads) == SQLITE_DONE;

  sqlite3_reset (fts);
  sqlite3_clear_bindings (fts);
  sqlite3_reset (heads);
  sqlite3_clear_bindings (heads);

  if (!ok)
    return cg_search_set_sqlite_error (error, shard->db, _("cannot build the index"));

  return TRUE;
}

static gboolean
insert_items (Shard   *shard,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) heads = NULL;
  Language *lang = shard->lang;

  if (!prepare_row_statements (shard, FALSE, &stmt, &heads, error))
    return FALSE;

  /* While building, the shard's range is one of slots; slot i is
   * lang->items[i - 1]. */
  for (gint64 slot = shard->first_row; slot <= shard->last_row; slot++)
    {
      /* What the tokenizer counts next is this row's. */
      cg_search_vocab_counter_set_row (shard->counter, (guint) slot);

      if (!bind_item_row (shard, stmt, heads, lang->rowids[slot],
                          g_ptr_array_index (lang->items, slot - 1), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
prepare_persistent (Shard          *shard,
                    const char     *sql,
                    sqlite3_stmt  **stmt,
                    GError        **error)
{
  if (sqlite3_prepare_v3 (shard->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) != SQLITE_OK)
    return cg_search_set_sqlite_error (error, shard->db, _("cannot build the index"));

  return TRUE;
}

/* Runs on the shard's own thread, which only reads the items: a sealed
 * library never changes them. */
static gboolean
fill_shard (Shard   *shard,
            GError **error)
{
  g_autofree char *create = NULL;

  /* A pending-terms hash big enough for the whole library: the index is
   * written once, as one segment, with no merging on the way (FTS5's 1 MB
   * default would write and merge dozens of segments). Contentless: the
   * text is in the library already, and snippets are cut from there. No
   * column sizes: the tokenizer counted them. */
  create = g_strdup_printf ("CREATE VIRTUAL TABLE fts USING fts5 ("
                            "  title, keywords, body, content = '', columnsize = 0,"
                            "  tokenize = 'cg_counting remove_diacritics 2', prefix = '2');"
                            "INSERT INTO fts (fts, rank) VALUES ('hashsize', %d);"
                            "CREATE VIRTUAL TABLE heads USING fts5 ("
                            "  title, keywords, content = '', columnsize = 0,"
                            "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2');"
                            "INSERT INTO heads (heads, rank) VALUES ('hashsize', %d);",
                            HASH_SIZE, HASH_SIZE);

  if (!cg_search_exec_sql (shard->db, create, error) || !cg_search_exec_sql (shard->db, "BEGIN", error) ||
      !insert_items (shard, error) || !cg_search_exec_sql (shard->db, "COMMIT", error))
    return FALSE;

  return prepare_persistent (shard, "SELECT rowid, cg_score (fts) FROM fts WHERE fts MATCH ?1",
                             &shard->scan_rows, error) &&
         prepare_persistent (shard, "SELECT rowid, cg_score (heads) FROM heads WHERE heads MATCH ?1",
                             &shard->scan_heads, error) &&
         prepare_persistent (shard, "SELECT count(*) FROM fts WHERE fts MATCH ?1",
                             &shard->count_rows, error);
}

static gpointer
fill_shard_thread (gpointer data)
{
  Shard *shard = data;

  fill_shard (shard, &shard->error);

  return NULL;
}

/* Fills every shard at once, this thread the first; the first error. */
static gboolean
fill_shards (Language  *lang,
             GError   **error)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  for (guint s = 1; s < lang->shards->len; s++)
    g_ptr_array_add (threads, g_thread_new ("cg-search-shard", fill_shard_thread,
                                            g_ptr_array_index (lang->shards, s)));

  fill_shard_thread (g_ptr_array_index (lang->shards, 0));

  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));

  for (guint s = 0; s < lang->shards->len; s++)
    {
      Shard *shard = g_ptr_array_index (lang->shards, s);

      if (shard->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&shard->error));
          return FALSE;
        }
    }

  return TRUE;
}

/* How many rows hold a phrase of several words: the vocabulary cannot
 * tell, and asking FTS5 for "collagen induction therapy" on every
 * keystroke costs as much as the rest of the query when the words are
 * common and the phrase is absent. Asked once, here, of every shard. */
static gboolean
count_phrase (Language  *lang,
              char     **tokens,
              GError   **error)
{
  g_autoptr(GString) expression = g_string_new (NULL);
  g_autofree char *term = g_strjoinv (" ", tokens);
  Phrase phrase = { 0 };
  gint64 count = 0;

  if (g_strv_length (tokens) < 2 || g_hash_table_contains (lang->phrase_counts, term))
    return TRUE;

  phrase.tokens = tokens;
  phrase.n_tokens = g_strv_length (tokens);
  cg_search_append_phrase (expression, &phrase);

  for (guint s = 0; s < lang->shards->len; s++)
    {
      Shard *shard = g_ptr_array_index (lang->shards, s);

      sqlite3_reset (shard->count_rows);
      sqlite3_bind_text (shard->count_rows, 1, expression->str, -1, SQLITE_STATIC);
      if (sqlite3_step (shard->count_rows) != SQLITE_ROW)
        return cg_search_set_sqlite_error (error, shard->db, _("cannot build the index"));

      count += sqlite3_column_int64 (shard->count_rows, 0);
      sqlite3_reset (shard->count_rows);
    }

  g_hash_table_insert (lang->phrase_counts, g_steal_pointer (&term), GSIZE_TO_POINTER ((gsize) count));

  return TRUE;
}

static gboolean
add_synonyms (CgSearchIndex  *self,
              Language       *lang,
              CgLibrary      *library,
              GError        **error)
{
  GPtrArray *groups = cg_library_get_synonyms (library);

  for (guint g = 0; groups != NULL && g < groups->len; g++)
    {
      char **terms = g_ptr_array_index (groups, g);
      g_autoptr(GPtrArray) group = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint t = 0; terms != NULL && terms[t] != NULL; t++)
        {
          char **tokens = cg_search_tokenize_term (self, terms[t]);

          if (tokens == NULL)
            continue;

          g_ptr_array_add (group, tokens);
          if (!count_phrase (lang, tokens, error))
            return FALSE;
        }

      if (group->len > 1)
        g_ptr_array_add (lang->synonyms, g_steal_pointer (&group));
    }

  return TRUE;
}

/* What ranking keeps of a row besides FTS5's index and its length:
 * whether it is a FAQ entry, how many content words its title has, the
 * function words its title and keywords open with, and the keywords that
 * ask a question. A full build and a replaced row both come here, so a
 * row replaced in place ranks as it would in a new index. */
static void
set_row_ranking (CgSearchIndex *self,
                 Language      *lang,
                 gint64         row)
{
  CgItem *item = g_ptr_array_index (lang->items, row - 1);
  g_autoptr(GArray) tokens = cg_search_tokenize (self, cg_item_get_title (item),
                                                 FTS5_TOKENIZE_DOCUMENT, 255);
  const char * const *keywords = cg_item_get_keywords (item);
  g_autoptr(GStrvBuilder) function_words = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  lang->is_faq[row] = CG_IS_FAQ_ENTRY (item);
  g_clear_pointer (&lang->head_function_words[row], g_strfreev);
  g_clear_pointer (&lang->question_keywords[row], g_ptr_array_unref);

  /* How many words a title has besides its function words: a question
   * that says little else is closer to one typed. */
  for (guint t = 0; t < tokens->len; t++)
    if (!cg_search_is_function_word (lang, g_array_index (tokens, Token, t).text))
      n++;
  lang->title_words[row] = (guint8) MIN (n, 255);

  /* How the title and each keyword ask their question: the function
   * words they open with, "what can" of "what can it treat". */
  add_opening_function_words (lang, tokens, seen, function_words);
  for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++)
    {
      g_autoptr(GArray) keyword_tokens = cg_search_tokenize (self, keywords[k],
                                                             FTS5_TOKENIZE_DOCUMENT, 255);

      add_opening_function_words (lang, keyword_tokens, seen, function_words);

      /* "what can it treat": a question the row says it answers;
       * "price": what a patient types for it. */
      if (keyword_tokens->len > 0)
        {
          g_autoptr(GStrvBuilder) frame = g_strv_builder_new ();
          g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
          gboolean opening = TRUE;

          for (guint t = 0; t < keyword_tokens->len; t++)
            {
              const char *text = g_array_index (keyword_tokens, Token, t).text;

              if (!cg_search_is_function_word (lang, text))
                {
                  if (opening)
                    g_strv_builder_add (frame, "");
                  opening = FALSE;
                  g_strv_builder_add (words, text);
                }
              else if (opening)
                g_strv_builder_add (frame, text);
            }
          if (!opening)
            {
              g_auto(GStrv) content = g_strv_builder_end (words);

              g_strv_builder_addv (frame, (const char **) content);
              if (lang->question_keywords[row] == NULL)
                lang->question_keywords[row] = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
              g_ptr_array_add (lang->question_keywords[row], g_strv_builder_end (frame));
            }
        }
    }
  lang->head_function_words[row] = g_strv_builder_end (function_words);
}

gboolean
cg_search_build_language (CgSearchIndex  *self,
                          Language       *lang,
                          CgLibrary      *library,
                          GError        **error)
{
  GListModel *items = cg_library_get_items (library);
  gint64 spacing;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (lang->items, g_list_model_get_item (items, i));

  lang->n_rows = lang->items->len;
  lang->n_slots = lang->items->len;
  if (lang->n_slots >= ROW_SLOT_LIMIT)
    return g_set_error_literal (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_FAILED,
                                "too many items to index"), FALSE;
  lang->lengths = g_new0 (guint, lang->n_slots + 1);

  /* Built in library order, slot i is the i-th item, with room between
   * each key and the next. */
  spacing = ROW_SPACING;
  lang->rowids = g_new0 (gint64, lang->n_slots + 1);
  for (guint slot = 1; slot <= lang->n_slots; slot++)
    {
      lang->rowids[slot] = (gint64) slot * spacing;
      g_hash_table_insert (lang->slot_of_rowid, g_memdup2 (&lang->rowids[slot], sizeof (gint64)),
                           GUINT_TO_POINTER (slot));
    }

  add_shards (lang, count_shards (self, lang->n_rows));
  for (guint s = 0; s < lang->shards->len; s++)
    if (!open_shard (self, g_ptr_array_index (lang->shards, s), error))
      return FALSE;

  if (!fill_shards (lang, error))
    return FALSE;

  /* From slots to rowids, the shards covering every rowid between
   * them: a row inserted later goes to the shard its neighbours are in. */
  for (guint s = 0; s < lang->shards->len; s++)
    {
      Shard *shard = g_ptr_array_index (lang->shards, s);
      Shard *next = s + 1 < lang->shards->len ? g_ptr_array_index (lang->shards, s + 1) : NULL;

      shard->first_row = s == 0 ? 0 : lang->rowids[shard->first_row];
      shard->last_row = next != NULL ? lang->rowids[next->first_row] - 1 : G_MAXINT64;
    }

  cg_search_take_counts (lang);

  lang->stopwords = cg_search_load_stopwords (self, lang->code, &lang->frames);
  lang->stemmer = cg_search_stemmer_new (lang->code);

  lang->is_faq = g_new0 (guint8, lang->n_rows + 1);
  lang->title_words = g_new0 (guint8, lang->n_rows + 1);
  lang->head_function_words = g_new0 (char **, lang->n_rows + 1);
  lang->question_keywords = g_new0 (GPtrArray *, lang->n_rows + 1);
  for (gint64 row = 1; row <= lang->n_rows; row++)
    set_row_ranking (self, lang, row);
  cg_search_build_stems (self, lang);

  return add_synonyms (self, lang, library, error);
}

/* Changing rows
 *
 * When a file changes, its rows are taken out and its new rows put in,
 * each under a rowid between those of its neighbours in the library, so
 * that the rows stay in library order and every query scores the rows a
 * full build would. FTS5 forgets a row of a contentless table when it is
 * told the text the row had, which the old item still holds; our
 * tokenizer counts that text out of the vocabulary as it goes. */

typedef struct
{
  guint        *removed_lengths;
  guint        *added_lengths;
  VocabCounter *removed;
  VocabCounter *added;
  guint         n_removed;
  guint         n_added;
} Changes;

static void
changes_init (Changes *changes,
              guint    n_removed,
              guint    n_added)
{
  changes->removed_lengths = g_new0 (guint, n_removed + 1);
  changes->added_lengths = g_new0 (guint, n_added + 1);
  changes->removed = cg_search_vocab_counter_new (changes->removed_lengths);
  changes->added = cg_search_vocab_counter_new (changes->added_lengths);
  changes->n_removed = changes->n_added = 0;
}

static void
changes_clear (Changes *changes)
{
  g_clear_pointer (&changes->removed, cg_search_vocab_counter_free);
  g_clear_pointer (&changes->added, cg_search_vocab_counter_free);
  g_clear_pointer (&changes->removed_lengths, g_free);
  g_clear_pointer (&changes->added_lengths, g_free);
}

static Shard *
shard_of_row (Language *lang,
              gint64    rowid)
{
  for (guint s = 0; s < lang->shards->len; s++)
    {
      Shard *shard = g_ptr_array_index (lang->shards, s);

      if (rowid >= shard->first_row && rowid <= shard->last_row)
        return shard;
    }

  g_assert_not_reached ();
}

/* Takes a slot's row out of the index; the slot is free after. */
static gboolean
forget_row (Language  *lang,
            guint      slot,
            Changes   *changes,
            GError   **error)
{
  g_autoptr(sqlite3_stmt) fts = NULL;
  g_autoptr(sqlite3_stmt) heads = NULL;
  gint64 rowid = lang->rowids[slot];
  Shard *shard = shard_of_row (lang, rowid);
  gboolean ok;

  if (!prepare_row_statements (shard, TRUE, &fts, &heads, error))
    return FALSE;

  /* The counters count per change: each row taken out is a row of its own. */
  shard->counter = changes->removed;
  cg_search_vocab_counter_set_row (changes->removed, ++changes->n_removed);
  ok = bind_item_row (shard, fts, heads, rowid, g_ptr_array_index (lang->items, slot - 1), error);
  shard->counter = NULL;
  if (!ok)
    return FALSE;

  g_clear_object ((CgItem **) &lang->items->pdata[slot - 1]);
  g_hash_table_remove (lang->slot_of_rowid, &lang->rowids[slot]);
  lang->rowids[slot] = 0;
  lang->lengths[slot] = 0;
  lang->is_faq[slot] = 0;
  lang->title_words[slot] = 0;
  g_clear_pointer (&lang->head_function_words[slot], g_strfreev);
  g_clear_pointer (&lang->question_keywords[slot], g_ptr_array_unref);
  g_array_append_val (lang->free_slots, slot);
  lang->n_rows--;

  return TRUE;
}

/* A free slot, the last one freed first. */
static guint
take_slot (Language *lang)
{
  guint slot;

  if (lang->free_slots->len > 0)
    {
      slot = g_array_index (lang->free_slots, guint, lang->free_slots->len - 1);
      g_array_set_size (lang->free_slots, lang->free_slots->len - 1);
      return slot;
    }

  slot = ++lang->n_slots;
  g_ptr_array_add (lang->items, NULL);
  lang->rowids = g_renew (gint64, lang->rowids, lang->n_slots + 1);
  lang->lengths = g_renew (guint, lang->lengths, lang->n_slots + 1);
  lang->is_faq = g_renew (guint8, lang->is_faq, lang->n_slots + 1);
  lang->title_words = g_renew (guint8, lang->title_words, lang->n_slots + 1);
  lang->head_function_words = g_renew (char **, lang->head_function_words, lang->n_slots + 1);
  lang->question_keywords = g_renew (GPtrArray *, lang->question_keywords, lang->n_slots + 1);
  lang->rowids[slot] = 0;
  lang->lengths[slot] = 0;
  lang->is_faq[slot] = 0;
  lang->title_words[slot] = 0;
  lang->head_function_words[slot] = NULL;
  lang->question_keywords[slot] = NULL;

  return slot;
}

/* Puts @item's row into the index under the place @key. */
static gboolean
add_row (CgSearchIndex  *self,
         Language       *lang,
         CgItem         *item,
         gint64          key,
         Changes        *changes,
         GError        **error)
{
  g_autoptr(sqlite3_stmt) fts = NULL;
  g_autoptr(sqlite3_stmt) heads = NULL;
  guint slot;
  gint64 rowid;
  Shard *shard;
  gboolean ok;

  if (lang->free_slots->len == 0 && lang->n_slots + 1 >= ROW_SLOT_LIMIT)
    return g_set_error_literal (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_FAILED,
                                "too many items to index"), FALSE;

  slot = take_slot (lang);
  rowid = key;
  shard = shard_of_row (lang, rowid);

  if (!prepare_row_statements (shard, FALSE, &fts, &heads, error))
    {
      g_array_append_val (lang->free_slots, slot);
      return FALSE;
    }

  shard->counter = changes->added;
  cg_search_vocab_counter_set_row (changes->added, ++changes->n_added);
  ok = bind_item_row (shard, fts, heads, rowid, item, error);
  shard->counter = NULL;
  if (!ok)
    {
      g_array_append_val (lang->free_slots, slot);
      return FALSE;
    }

  lang->items->pdata[slot - 1] = g_object_ref (item);
  lang->rowids[slot] = rowid;
  g_hash_table_insert (lang->slot_of_rowid, g_memdup2 (&rowid, sizeof rowid), GUINT_TO_POINTER (slot));
  lang->lengths[slot] = changes->added_lengths[changes->n_added];
  lang->n_rows++;
  set_row_ranking (self, lang, slot);

  return TRUE;
}

/* The tokens of each column of an item's row, as FTS5 stores them. */
static GPtrArray *
row_tokens (CgSearchIndex *self,
            CgItem        *item)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree char *keywords = item_keywords (item);
  g_autofree char *body = item_body (item);

  g_ptr_array_add (columns, cg_search_tokenize (self, cg_item_get_title (item), FTS5_TOKENIZE_DOCUMENT, G_MAXUINT));
  g_ptr_array_add (columns, cg_search_tokenize (self, keywords, FTS5_TOKENIZE_DOCUMENT, G_MAXUINT));
  g_ptr_array_add (columns, cg_search_tokenize (self, body, FTS5_TOKENIZE_DOCUMENT, G_MAXUINT));

  return columns;
}

/* Whether a phrase query would match the row: its tokens one after
 * another within a column. */
static gboolean
row_has_phrase (GPtrArray  *columns,
                char      **phrase)
{
  guint n = g_strv_length (phrase);

  for (guint c = 0; c < columns->len; c++)
    {
      GArray *tokens = g_ptr_array_index (columns, c);

      for (guint i = 0; n > 0 && i + n <= tokens->len; i++)
        {
          guint k = 0;

          while (k < n && strcmp (g_array_index (tokens, Token, i + k).text, phrase[k]) == 0)
            k++;
          if (k == n)
            return TRUE;
        }
    }

  return FALSE;
}

/* What follows the rows: the vocabulary and its stems, the mean row
 * length, and the rows that hold a synonym of several words. */
static void
finish_changes (CgSearchIndex *self,
                Language      *lang,
                GPtrArray     *old_items,
                GPtrArray     *new_items,
                Changes       *changes)
{
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The stems group the words of the vocabulary, and point into it: new
   * words, or words gone, mean new groups. With the same words, Snowball
   * would make the same groups again; Hunspell reads the items' text,
   * which changed. */
  if (cg_search_apply_counts (lang, changes->removed, changes->added) ||
      (lang->stemmer != NULL && cg_search_stemmer_needs_text (lang->stemmer)))
    cg_search_build_stems (self, lang);

  /* The rows that hold a synonym of several words: the changed rows'
   * share of every phrase the build counted, whether its group was kept
   * or not, taken out and put back. Asking FTS5 again would walk the
   * posting lists of every word of every phrase, on this thread. */
  if (g_hash_table_size (lang->phrase_counts) == 0)
    return;

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *items = pass == 0 ? old_items : new_items;

      for (guint i = 0; i < items->len; i++)
        {
          g_autoptr(GPtrArray) columns = row_tokens (self, g_ptr_array_index (items, i));
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, lang->phrase_counts);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              g_auto(GStrv) phrase = g_strsplit (key, " ", -1);
              gssize count = (gssize) GPOINTER_TO_SIZE (value);

              if (!row_has_phrase (columns, phrase))
                continue;
              count += pass == 0 ? -1 : 1;
              g_hash_table_iter_replace (&iter, GSIZE_TO_POINTER ((gsize) MAX (count, 0)));
            }
        }
    }
}

/* Item → its slot, for every row. */
static GHashTable *
slots_of_items (Language *lang)
{
  GHashTable *slots = g_hash_table_new (NULL, NULL);

  for (guint slot = 1; slot <= lang->n_slots; slot++)
    if (g_ptr_array_index (lang->items, slot - 1) != NULL)
      g_hash_table_insert (slots, g_ptr_array_index (lang->items, slot - 1), GUINT_TO_POINTER (slot));

  return slots;
}

/* Each new item in the place of the old one, under the same rowid key:
 * the caller checked that it sorts the same. */
gboolean
cg_search_replace_rows (CgSearchIndex  *self,
                        Language       *lang,
                        GPtrArray      *old_items,
                        GPtrArray      *new_items,
                        GError        **error)
{
  g_autoptr(GHashTable) slots = slots_of_items (lang);
  Changes changes;
  gboolean ok = TRUE;

  for (guint i = 0; i < old_items->len; i++)
    if (!g_hash_table_contains (slots, g_ptr_array_index (old_items, i)))
      return g_set_error_literal (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_FAILED,
                                  "not a row of the index"), FALSE;

  changes_init (&changes, old_items->len, new_items->len);
  for (guint i = 0; ok && i < old_items->len; i++)
    {
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (slots, g_ptr_array_index (old_items, i)));
      gint64 key = lang->rowids[slot];

      ok = forget_row (lang, slot, &changes, error) &&
           add_row (self, lang, g_ptr_array_index (new_items, i), key, &changes, error);
    }
  if (ok)
    finish_changes (self, lang, old_items, new_items, &changes);
  changes_clear (&changes);

  return ok;
}

/* Keys for the new items of @library, between those of the rows around
 * them; FALSE when the library has an item that is neither a row kept
 * nor new, or when two neighbours leave no room. */
static gboolean
place_new_items (Language    *lang,
                 CgLibrary   *library,
                 GHashTable  *slots,
                 GHashTable  *removed,
                 GHashTable  *added,
                 GHashTable  *keys,
                 GError     **error)
{
  GListModel *items = cg_library_get_items (library);
  guint n = g_list_model_get_n_items (items);
  g_autoptr(GPtrArray) run = g_ptr_array_new ();
  gint64 previous = 0;

  for (guint i = 0; i <= n; i++)
    {
      CgItem *item = i < n ? g_list_model_get_item (items, i) : NULL;
      /* After the last row, as much room as a build leaves. */
      gint64 next = MIN (ROW_KEY_LIMIT, previous + ROW_SPACING * ((gint64) run->len + 1));
      guint slot;

      /* The library holds a reference. */
      if (item != NULL)
        g_object_unref (item);

      if (item != NULL && g_hash_table_contains (added, item))
        {
          g_ptr_array_add (run, item);
          continue;
        }

      if (item != NULL)
        {
          slot = GPOINTER_TO_UINT (g_hash_table_lookup (slots, item));
          if (slot == 0 || g_hash_table_contains (removed, item))
            return g_set_error (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_FAILED,
                                "“%s” is neither a row nor new", cg_item_get_id (item)), FALSE;
          next = lang->rowids[slot];
          if (next <= previous)
            return g_set_error_literal (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_FAILED,
                                        "the rows are not in library order"), FALSE;
        }

      /* The run between two kept rows, spread evenly between them. */
      if (run->len > 0)
        {
          if (next - previous <= (gint64) run->len)
            return g_set_error_literal (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_NO_ROOM,
                                        "no room for the new rows"), FALSE;
          for (guint r = 0; r < run->len; r++)
            {
              gint64 key = previous + (next - previous) * (gint64) (r + 1) / (gint64) (run->len + 1);

              g_hash_table_insert (keys, g_ptr_array_index (run, r), g_memdup2 (&key, sizeof key));
            }
          g_ptr_array_set_size (run, 0);
        }
      previous = next;
    }

  return TRUE;
}

gboolean
cg_search_update_rows (CgSearchIndex  *self,
                       Language       *lang,
                       CgLibrary      *library,
                       GPtrArray      *old_items,
                       GPtrArray      *new_items,
                       GError        **error)
{
  g_autoptr(GHashTable) slots = slots_of_items (lang);
  g_autoptr(GHashTable) removed = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) added = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  Changes changes;
  gboolean ok = TRUE;

  for (guint i = 0; i < old_items->len; i++)
    {
      if (!g_hash_table_contains (slots, g_ptr_array_index (old_items, i)))
        return g_set_error_literal (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_FAILED,
                                    "not a row of the index"), FALSE;
      g_hash_table_add (removed, g_ptr_array_index (old_items, i));
    }
  for (guint i = 0; i < new_items->len; i++)
    g_hash_table_add (added, g_ptr_array_index (new_items, i));

  /* Every key first: a failure leaves the index as it was. */
  if (!place_new_items (lang, library, slots, removed, added, keys, error))
    return FALSE;
  if (g_hash_table_size (keys) != new_items->len)
    return g_set_error_literal (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_FAILED,
                                "new items that are not in the library"), FALSE;

  changes_init (&changes, old_items->len, new_items->len);
  for (guint i = 0; ok && i < old_items->len; i++)
    ok = forget_row (lang, GPOINTER_TO_UINT (g_hash_table_lookup (slots, g_ptr_array_index (old_items, i))),
                     &changes, error);
  for (guint i = 0; ok && i < new_items->len; i++)
    {
      CgItem *item = g_ptr_array_index (new_items, i);

      ok = add_row (self, lang, item, *(gint64 *) g_hash_table_lookup (keys, item), &changes, error);
    }
  if (ok)
    finish_changes (self, lang, old_items, new_items, &changes);
  changes_clear (&changes);

  return ok;
}
