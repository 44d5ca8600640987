/* cg-search-index.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cg-autocleanups-private.h"
#include "cg-search-index-private.h"

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
 * An index belongs to one thread, the UI's: the score function finds the
 * query being run in the index itself. */

#define MAX_QUERY_BYTES   2048  /* nobody types more; a pasted essay is cut */
#define MAX_QUERY_TOKENS  32
#define MAX_PHRASES       256
#define BITS_BYTES        (MAX_PHRASES / 8)
#define MAX_WORD_CHARS    48    /* longer words are not corrected */
#define MIN_PREFIX_CHARS  2     /* a one-letter prefix matches nearly everything */
#define MAX_INDEXED_PREFIX 2    /* prefix = '2' */
#define MAX_COMPLETIONS   8
#define COMPLETION_WEIGHT 0.7   /* a longer word than the one typed counts less */
#define MIN_TYPO_CHARS    4     /* shorter words have too many neighbours */
#define LONG_WORD_CHARS   8     /* from here on, two edits are allowed */
#define MAX_SCAN_ROWS     300   /* rows scored per pass, at most */
#define HASH_SIZE         (256 * 1024 * 1024)
#define MAX_SHARDS        2     /* the kiosks F5 is measured on have two cores */
#define SNIPPET_TOKENS    16
#define SNIPPET_LEAD      3     /* words shown before the first hit */
#define SNIPPET_READ      80    /* words read for a good window, once one has a hit */
#define MAX_SNIPPET_HITS  64

#define BM25_K1 1.2
#define BM25_B  0.75

enum {
  COLUMN_TITLE,
  COLUMN_KEYWORDS,
  COLUMN_BODY,
  N_COLUMNS
};

/* A word in the title counts ten times a word in the body, in the
 * keywords five times; on top of that a title hit earns more than a body
 * hit can ever reach (k1 + 1), so a title match outranks a body-only match
 * of the same word. */
static const double column_weights[N_COLUMNS] = { 10.0, 5.0, 1.0 };
static const double column_bonus[N_COLUMNS] = { BM25_K1 + 1.0, (BM25_K1 + 1.0) / 2.0, 0.0 };

typedef struct
{
  const char *text;        /* folded, as the index stores it */
  guint       n_chars;
  guint       doc_count;
  guint       first_char;  /* into Language.chars */
} VocabTerm;

typedef struct
{
  char          *code;
  GPtrArray     *shards;       /* of Shard, in rowid order */
  gint64         n_rows;
  GPtrArray     *items;        /* rowid - 1 → CgItem */
  guint         *lengths;      /* rowid → tokens in the row */
  double         avgdl;
  GPtrArray     *synonyms;     /* of GPtrArray (a group) of GStrv (one term's tokens) */
  GHashTable    *phrase_counts; /* synonym of several words → rows that have it */
  GStringChunk  *strings;
  VocabTerm     *vocab;        /* sorted by text, bytewise */
  guint          n_vocab;
  GHashTable    *vocab_index;  /* text → VocabTerm */
  gunichar      *chars;
} Language;

typedef struct _VocabCounter VocabCounter;

/* Rows [first_row, last_row] of a language, in a database of their own:
 * tables fts (title, keywords, body) and heads (title, keywords). */
typedef struct
{
  sqlite3       *db;
  fts5_api      *fts5;
  gint64         first_row;
  gint64         last_row;
  sqlite3_stmt  *scan_rows;     /* over fts */
  sqlite3_stmt  *scan_heads;    /* over heads: titles and keywords only */
  sqlite3_stmt  *count_rows;    /* over fts: how many rows match */

  /* While it is being built, on its own thread: */
  Language      *lang;
  VocabCounter  *counter;       /* what its tokenizer counts; NULL once built */
  GError        *error;
} Shard;

typedef struct
{
  char  *text;    /* folded */
  guint  start;   /* bytes into the text */
  guint  end;
  guint  word;    /* tokens joined by a hyphen or an apostrophe form one word */
} Token;

typedef struct
{
  char     **tokens;
  guint     *lengths;     /* of each token, in bytes */
  guint      n_tokens;
  gboolean   prefix;
  guint      group;
  gint64     doc_count;   /* an estimate, from the vocabulary */
  double     idf;
  char      *term;        /* as cg_search_result_get_matched_terms() gives it */
} Phrase;

/* A query ready to run: phrases in the order the MATCH expression names
 * them, which is how FTS5 numbers them for the auxiliary functions. */
typedef struct
{
  Language  *lang;
  GPtrArray *phrases;       /* of Phrase */
  guint      n_groups;
  double    *group_score;   /* scratch: n_groups */
  guint8    *group_in_body; /* scratch: n_groups */
  guint8     row_bits[BITS_BYTES];  /* the phrases found in the last row scored */
  guint      row_body_groups;       /* how many groups it has in its body */
} Plan;

/* A row worth showing, and what it matched. */
typedef struct
{
  gint64  rowid;
  double  score;
  guint8  bits[BITS_BYTES];
  guint   body_groups;   /* G_MAXUINT when unknown */
} Candidate;

/* The best rows so far, best first. */
typedef struct
{
  Candidate *items;
  guint      len;
  guint      capacity;
} TopRows;

struct _CgSearchIndex
{
  GObject        parent_instance;

  sqlite3       *db;
  fts5_api      *fts5;
  fts5_tokenizer tokenizer_class;
  Fts5Tokenizer *tokenizer;
  GPtrArray     *languages;      /* of Language, in the order they were added */
  guint          n_shards;       /* 0: one a core, at most MAX_SHARDS */
  Plan          *plan;           /* the query being run, for the score function */
};

G_DEFINE_FINAL_TYPE (CgSearchIndex, cg_search_index, G_TYPE_OBJECT)

G_DEFINE_QUARK (cg-search-error-quark, cg_search_error)

static void
language_free (gpointer data)
{
  Language *lang = data;

  /* Closing a shard's database drops its tables. */
  g_clear_pointer (&lang->shards, g_ptr_array_unref);
  g_clear_pointer (&lang->code, g_free);
  g_clear_pointer (&lang->items, g_ptr_array_unref);
  g_clear_pointer (&lang->lengths, g_free);
  g_clear_pointer (&lang->synonyms, g_ptr_array_unref);
  g_clear_pointer (&lang->phrase_counts, g_hash_table_unref);
  g_clear_pointer (&lang->vocab_index, g_hash_table_unref);
  g_clear_pointer (&lang->vocab, g_free);
  g_clear_pointer (&lang->chars, g_free);
  g_clear_pointer (&lang->strings, g_string_chunk_free);
  g_free (lang);
}

static void vocab_counter_free (VocabCounter *counter);

static void
shard_free (gpointer data)
{
  Shard *shard = data;

  /* Statements first: a connection with live statements does not close. */
  g_clear_pointer (&shard->scan_rows, sqlite3_finalize);
  g_clear_pointer (&shard->scan_heads, sqlite3_finalize);
  g_clear_pointer (&shard->count_rows, sqlite3_finalize);
  g_clear_pointer (&shard->db, sqlite3_close);
  g_clear_pointer (&shard->counter, vocab_counter_free);
  g_clear_error (&shard->error);
  g_free (shard);
}

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_clear_pointer (&token->text, g_free);
}

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_strfreev (phrase->tokens);
  g_free (phrase->lengths);
  g_free (phrase->term);
  g_free (phrase);
}

static void
plan_free (Plan *plan)
{
  g_clear_pointer (&plan->phrases, g_ptr_array_unref);
  g_clear_pointer (&plan->group_score, g_free);
  g_clear_pointer (&plan->group_in_body, g_free);
  g_free (plan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plan, plan_free)

static gboolean
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  const char  *what)
{
  g_set_error (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_FAILED,
               /* Translators: the first %s says what failed, the second is SQLite's message. */
               _("Search index: %s: %s"), what, db ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (error, db, sql);

  return TRUE;
}

static inline gboolean
bit_is_set (const guint8 *bits,
            guint         index)
{
  return (bits[index / 8] & (1 << (index % 8))) != 0;
}

static inline void
set_bit (guint8 *bits,
         guint   index)
{
  bits[index / 8] |= 1 << (index % 8);
}

/* Tokenizing, with the very tokenizer the tables use */

#define MAX_TOKEN_BYTES 64    /* longer tokens go through the tokenizer */

typedef int (*TokenCallback) (void       *user_data,
                              int         flags,
                              const char *token,
                              int         n_token,
                              int         start,
                              int         end);

typedef struct
{
  void          *user_data;
  TokenCallback  callback;
  int            offset;
} PieceContext;

static int
piece_token_cb (void       *user_data,
                int         flags,
                const char *token,
                int         n_token,
                int         start,
                int         end)
{
  PieceContext *piece = user_data;

  return piece->callback (piece->user_data, flags, token, n_token,
                          start + piece->offset, end + piece->offset);
}

/* A byte's folded ASCII form; 0 for an ASCII separator; 0xff for any
 * byte of a non-ASCII character, which the tokenizer decides about. */
static guint8 fold_table[256];

static void
init_fold_table (void)
{
  for (guint c = 0; c < 256; c++)
    {
      if (c >= 0x80)
        fold_table[c] = 0xff;
      else if (g_ascii_isalnum (c))
        fold_table[c] = (guint8) g_ascii_tolower (c);
      else
        fold_table[c] = 0;
    }
}

/* unicode61 treats every ASCII character other than a letter or a digit
 * as a separator, and folds ASCII by lowercasing it. So a text can be cut
 * at ASCII separators and each piece tokenized alone with the same
 * result: a piece of plain ASCII is one token that we fold ourselves, and
 * only the pieces with other characters go through the tokenizer.
 * Snippets read an article for each result, and tokenizing was most of
 * their cost. */
static int
tokenize_text (const fts5_tokenizer *tokenizer_class,
               Fts5Tokenizer        *tokenizer,
               const char           *text,
               gsize                 length,
               int                   flags,
               void                 *user_data,
               TokenCallback         callback)
{
  char folded[MAX_TOKEN_BYTES];
  gsize i = 0;

  if (tokenizer == NULL || length > G_MAXINT)
    return SQLITE_ERROR;

  while (i < length)
    {
      gsize start;
      gboolean ascii = TRUE;
      int rc;

      while (i < length && fold_table[(guchar) text[i]] == 0)
        i++;

      start = i;
      while (i < length && fold_table[(guchar) text[i]] != 0)
        {
          if ((guchar) text[i] >= 0x80)
            ascii = FALSE;
          i++;
        }

      if (start == i)
        break;

      if (ascii && i - start <= MAX_TOKEN_BYTES)
        {
          for (gsize k = start; k < i; k++)
            folded[k - start] = (char) fold_table[(guchar) text[k]];
          rc = callback (user_data, 0, folded, (int) (i - start), (int) start, (int) i);
        }
      else
        {
          PieceContext piece = { user_data, callback, (int) start };

          rc = tokenizer_class->xTokenize (tokenizer, &piece, flags, text + start,
                                           (int) (i - start), piece_token_cb);
        }

      if (rc != SQLITE_OK)
        return rc;
    }

  return SQLITE_OK;
}

typedef struct
{
  const char *text;
  GArray     *tokens;   /* of Token */
  guint       max_tokens;
} TokenizeContext;

static int
tokenize_cb (void       *user_data,
             int         flags,
             const char *token,
             int         n_token,
             int         start,
             int         end)
{
  TokenizeContext *ctx = user_data;
  Token t = { 0 };

  if (ctx->tokens->len >= ctx->max_tokens)
    return SQLITE_DONE;

  t.text = g_strndup (token, n_token);
  t.start = start;
  t.end = end;
  t.word = 0;

  if (ctx->tokens->len > 0)
    {
      Token *previous = &g_array_index (ctx->tokens, Token, ctx->tokens->len - 1);
      gboolean joined = TRUE;

      /* "micro-needling" and "don't" are one word of two tokens, searched
       * as a phrase; "micro needling" and "title:peeling" are two words. */
      for (const char *p = ctx->text + previous->end; p < ctx->text + start; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c != '-' && c != '\'' && c != 0x2019 /* ’ */ && c != 0x2010 /* ‐ */ && c != 0x2011 /* ‑ */)
            {
              joined = FALSE;
              break;
            }
        }

      t.word = previous->word + (joined ? 0 : 1);
    }

  g_array_append_val (ctx->tokens, t);

  return SQLITE_OK;
}

static GArray *
tokenize (CgSearchIndex *self,
          const char    *text,
          int            flags,
          guint          max_tokens)
{
  TokenizeContext ctx = { text, NULL, max_tokens };
  gsize length = strlen (text);

  ctx.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_array_set_clear_func (ctx.tokens, token_clear);

  (void) tokenize_text (&self->tokenizer_class, self->tokenizer, text, length, flags,
                        &ctx, tokenize_cb);

  return ctx.tokens;
}

static char **
tokenize_term (CgSearchIndex *self,
               const char    *term)
{
  g_autoptr(GArray) tokens = tokenize (self, term, FTS5_TOKENIZE_DOCUMENT, MAX_QUERY_TOKENS);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (tokens->len == 0)
    return NULL;

  for (guint i = 0; i < tokens->len; i++)
    g_strv_builder_add (builder, g_array_index (tokens, Token, i).text);

  return g_strv_builder_end (builder);
}

/* Scoring: the FTS5 auxiliary function cg_score() */

static void
score_function (const Fts5ExtensionApi  *api,
                Fts5Context             *fts,
                sqlite3_context         *ctx,
                int                      n_values,
                sqlite3_value          **values)
{
  CgSearchIndex *self = api->xUserData (fts);
  Plan *plan = self->plan;
  Language *lang;
  sqlite3_int64 rowid;
  double norm, score = 0.0;
  guint n_phrases, length;

  if (plan == NULL)
    {
      sqlite3_result_double (ctx, 0.0);
      return;
    }

  lang = plan->lang;
  rowid = api->xRowid (fts);
  length = rowid >= 1 && rowid <= lang->n_rows ? lang->lengths[rowid] : (guint) lang->avgdl;
  norm = BM25_K1 * (1.0 - BM25_B + BM25_B * (double) length / lang->avgdl);

  n_phrases = MIN ((guint) MAX (api->xPhraseCount (fts), 0), plan->phrases->len);

  memset (plan->row_bits, 0, sizeof plan->row_bits);
  memset (plan->group_score, 0, sizeof (double) * plan->n_groups);
  memset (plan->group_in_body, 0, plan->n_groups);
  plan->row_body_groups = 0;

  for (guint p = 0; p < n_phrases; p++)
    {
      const Phrase *phrase = g_ptr_array_index (plan->phrases, p);
      guint counts[N_COLUMNS] = { 0 };
      double f = 0.0, bonus = 0.0, s;
      Fts5PhraseIter iter;
      int column = -1, offset = 0;

      for (api->xPhraseFirst (fts, (int) p, &iter, &column, &offset);
           column >= 0;
           api->xPhraseNext (fts, &iter, &column, &offset))
        if (column < N_COLUMNS)
          counts[column]++;

      for (guint c = 0; c < N_COLUMNS; c++)
        if (counts[c] > 0)
          {
            f += column_weights[c] * counts[c];
            bonus = MAX (bonus, column_bonus[c]);
          }

      if (f == 0.0)
        continue;

      set_bit (plan->row_bits, p);
      if (counts[COLUMN_BODY] > 0 && !plan->group_in_body[phrase->group])
        {
          plan->group_in_body[phrase->group] = 1;
          plan->row_body_groups++;
        }

      s = phrase->idf * (f * (BM25_K1 + 1.0) / (f + norm) + bonus);
      plan->group_score[phrase->group] = MAX (plan->group_score[phrase->group], s);
    }

  for (guint g = 0; g < plan->n_groups; g++)
    score += plan->group_score[g];

  sqlite3_result_double (ctx, score);
}

/* An in-memory database with FTS5 and our ranking function: the one that
 * tokenizes queries, and every shard's. Each is used by one thread at a
 * time, so SQLite need not lock it. */
static sqlite3 *
open_connection (CgSearchIndex  *self,
                 fts5_api      **fts5,
                 GError        **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *fts5 = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                       SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, db, _("cannot open the database"));
      return NULL;
    }

  if (!exec_sql (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                     "PRAGMA temp_store = MEMORY;", error))
    return NULL;

  /* The documented way to reach the FTS5 C API of this connection. */
  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, db, _("FTS5 is not available"));
      return NULL;
    }
  sqlite3_bind_pointer (stmt, 1, (void *) fts5, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);

  if (*fts5 == NULL || (*fts5)->iVersion < 2)
    {
      set_sqlite_error (error, db, _("FTS5 is not available"));
      return NULL;
    }

  if ((*fts5)->xCreateFunction (*fts5, "cg_score", self, score_function, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, db, _("cannot register the ranking function"));
      return NULL;
    }

  return g_steal_pointer (&db);
}

static gboolean
ensure_db (CgSearchIndex  *self,
           GError        **error)
{
  const char *args[] = { "remove_diacritics", "2" };
  void *tokenizer_data = NULL;

  if (self->db != NULL)
    return self->tokenizer != NULL || set_sqlite_error (error, self->db, _("FTS5 is not available"));

  self->db = open_connection (self, &self->fts5, error);
  if (self->db == NULL)
    return FALSE;

  if (self->fts5->xFindTokenizer (self->fts5, "unicode61", &tokenizer_data,
                                  &self->tokenizer_class) != SQLITE_OK ||
      self->tokenizer_class.xCreate (tokenizer_data, args, G_N_ELEMENTS (args),
                                     &self->tokenizer) != SQLITE_OK)
    {
      self->tokenizer = NULL;
      return set_sqlite_error (error, self->db, _("cannot create the tokenizer"));
    }

  return TRUE;
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

/* Counting the vocabulary
 *
 * Reading the vocabulary back from fts5vocab walks every posting list of
 * the index, a tenth of the time it takes to build. Instead the fts
 * tables tokenize through a tokenizer of ours, which passes each token
 * of unicode61 on to FTS5 and counts it on the way: the rows each term is
 * in, what fts5vocab would say, and the tokens of each row, what FTS5
 * would keep in its docsize table. That costs a hash lookup a token, on
 * the thread that inserts the row; tokenizing the text a second time on
 * a thread of its own cost a core, which the shards now use. */

#define FTS5_MAX_TOKEN_BYTES 32768   /* FTS5 cuts longer tokens to this */

/* A term and its count, in an open-addressing table of our own: FTS5's
 * tokens are not nul-terminated, and its index fills the cache between
 * two of them. A lookup reads one slot, which holds the first bytes of
 * the term, most often the whole of it. */
typedef struct
{
  const char *text;       /* in VocabCounter.strings; NULL for a free slot */
  guint64     head;       /* its first eight bytes, zero-padded */
  guint32     hash;
  guint32     length;
  guint32     doc_count;
  guint32     last_row;   /* the last row counted, or 0 */
} TermCount;

struct _VocabCounter
{
  TermCount      *slots;
  guint           mask;        /* slots: mask + 1, a power of two */
  guint           n_terms;
  GStringChunk   *strings;
  guint          *lengths;     /* Language.lengths: each shard writes its own rows */
  guint64         n_tokens;    /* in all the rows counted */
  guint           row;         /* the row being inserted */
};

#define MIN_TERM_SLOTS 4096

static VocabCounter *
vocab_counter_new (guint *lengths)
{
  VocabCounter *counter = g_new0 (VocabCounter, 1);

  counter->slots = g_new0 (TermCount, MIN_TERM_SLOTS);
  counter->mask = MIN_TERM_SLOTS - 1;
  counter->strings = g_string_chunk_new (64 * 1024);
  counter->lengths = lengths;

  return counter;
}

static void
vocab_counter_free (VocabCounter *counter)
{
  g_clear_pointer (&counter->slots, g_free);
  g_clear_pointer (&counter->strings, g_string_chunk_free);
  g_free (counter);
}

/* Twice the slots once three quarters are taken. */
static void
vocab_counter_grow (VocabCounter *counter)
{
  guint mask = counter->mask * 2 + 1;
  TermCount *slots = g_new0 (TermCount, mask + 1);

  for (guint i = 0; i <= counter->mask; i++)
    {
      guint j;

      if (counter->slots[i].text == NULL)
        continue;
      for (j = counter->slots[i].hash & mask; slots[j].text != NULL; j = (j + 1) & mask)
        ;
      slots[j] = counter->slots[i];
    }

  g_free (counter->slots);
  counter->slots = slots;
  counter->mask = mask;
}

static TermCount *
vocab_counter_lookup (VocabCounter *counter,
                      const char   *text,
                      guint         length)
{
  guint64 head = 0, hash;
  TermCount *term;
  guint i;

  if (counter->n_terms >= (counter->mask + 1) / 4 * 3)
    vocab_counter_grow (counter);

  for (i = 0; i < MIN (length, 8); i++)
    head |= (guint64) (guint8) text[i] << (8 * i);

  /* FNV-1a over the rest. */
  hash = head * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  for (; i < length; i++)
    hash = (hash ^ (guint8) text[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  hash ^= hash >> 32;

  for (i = (guint32) hash & counter->mask; counter->slots[i].text != NULL; i = (i + 1) & counter->mask)
    {
      term = &counter->slots[i];
      if (term->hash == (guint32) hash && term->head == head && term->length == length &&
          (length <= 8 || memcmp (term->text + 8, text + 8, length - 8) == 0))
        return term;
    }

  term = &counter->slots[i];
  term->text = g_string_chunk_insert_len (counter->strings, text, length);
  term->head = head;
  term->hash = (guint32) hash;
  term->length = length;
  counter->n_terms++;

  return term;
}

static void
count_token (VocabCounter *counter,
             int           flags,
             const char   *token,
             int           n_token)
{
  TermCount *term = vocab_counter_lookup (counter, token, MIN (n_token, FTS5_MAX_TOKEN_BYTES));

  if (term->last_row != counter->row)
    {
      term->last_row = counter->row;
      term->doc_count++;
    }

  /* A token at the position of the one before adds no length. unicode61
   * never makes one; a synonym tokenizer would. */
  if ((flags & FTS5_TOKEN_COLOCATED) == 0)
    {
      counter->lengths[counter->row]++;
      counter->n_tokens++;
    }
}

/* Adds what @from counted to @into. Their rows are not the same rows, so
 * the counts of a term add up. */
static void
vocab_counter_merge (VocabCounter *into,
                     VocabCounter *from)
{
  for (guint i = 0; i <= from->mask; i++)
    {
      const TermCount *count = &from->slots[i];

      if (count->text != NULL)
        vocab_counter_lookup (into, count->text, count->length)->doc_count += count->doc_count;
    }

  into->n_tokens += from->n_tokens;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VocabCounter, vocab_counter_free)

/* The tokenizer of the fts tables: unicode61, counting what it finds in
 * the rows inserted. Queries, and the rows of a shard built already, go
 * straight through. */
typedef struct
{
  Shard          *shard;
  fts5_tokenizer  parent_class;
  Fts5Tokenizer  *parent;
} CountingTokenizer;

typedef struct
{
  void          *fts5_context;
  TokenCallback  fts5_token;
  VocabCounter  *counter;
} CountingContext;

static int
counting_token_cb (void       *user_data,
                   int         flags,
                   const char *token,
                   int         n_token,
                   int         start,
                   int         end)
{
  CountingContext *ctx = user_data;
  int rc = ctx->fts5_token (ctx->fts5_context, flags, token, n_token, start, end);

  if (rc == SQLITE_OK)
    count_token (ctx->counter, flags, token, n_token);

  return rc;
}

static int
counting_tokenizer_create (void           *user_data,
                           const char    **args,
                           int             n_args,
                           Fts5Tokenizer **out)
{
  Shard *shard = user_data;
  g_autofree CountingTokenizer *tokenizer = g_new0 (CountingTokenizer, 1);
  void *parent_data = NULL;
  int rc;

  *out = NULL;
  tokenizer->shard = shard;

  rc = shard->fts5->xFindTokenizer (shard->fts5, "unicode61", &parent_data, &tokenizer->parent_class);
  if (rc == SQLITE_OK)
    rc = tokenizer->parent_class.xCreate (parent_data, args, n_args, &tokenizer->parent);
  if (rc != SQLITE_OK)
    return rc;

  *out = (Fts5Tokenizer *) (gpointer) g_steal_pointer (&tokenizer);

  return SQLITE_OK;
}

static void
counting_tokenizer_delete (Fts5Tokenizer *fts5_tokenizer)
{
  CountingTokenizer *tokenizer = (CountingTokenizer *) (gpointer) fts5_tokenizer;

  tokenizer->parent_class.xDelete (tokenizer->parent);
  g_free (tokenizer);
}

static int
counting_tokenizer_tokenize (Fts5Tokenizer *fts5_tokenizer,
                             void          *fts5_context,
                             int            flags,
                             const char    *text,
                             int            length,
                             TokenCallback  fts5_token)
{
  CountingTokenizer *tokenizer = (CountingTokenizer *) (gpointer) fts5_tokenizer;
  CountingContext ctx = { fts5_context, fts5_token, tokenizer->shard->counter };

  if ((flags & FTS5_TOKENIZE_DOCUMENT) == 0 || ctx.counter == NULL)
    return tokenizer->parent_class.xTokenize (tokenizer->parent, fts5_context, flags,
                                              text, length, fts5_token);

  return tokenizer->parent_class.xTokenize (tokenizer->parent, &ctx, flags, text, length,
                                            counting_token_cb);
}

static const fts5_tokenizer counting_tokenizer_class = {
  counting_tokenizer_create,
  counting_tokenizer_delete,
  counting_tokenizer_tokenize,
};

static int
compare_vocab_terms (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (((const VocabTerm *) a)->text, ((const VocabTerm *) b)->text);
}

static void
take_vocabulary (Language     *lang,
                 VocabCounter *counter)
{
  g_autoptr(GArray) terms = NULL;
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));

  terms = g_array_sized_new (FALSE, FALSE, sizeof (VocabTerm), counter->n_terms);
  for (guint i = 0; i <= counter->mask; i++)
    {
      const TermCount *count = &counter->slots[i];
      VocabTerm term = { 0 };

      if (count->text == NULL || !g_utf8_validate (count->text, -1, NULL))
        continue;

      term.text = g_string_chunk_insert (lang->strings, count->text);
      term.doc_count = count->doc_count;
      g_array_append_val (terms, term);
    }

  g_array_sort (terms, compare_vocab_terms);

  for (guint i = 0; i < terms->len; i++)
    {
      VocabTerm *term = &g_array_index (terms, VocabTerm, i);

      term->first_char = chars->len;
      for (const char *p = term->text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          g_array_append_val (chars, c);
        }
      term->n_chars = chars->len - term->first_char;
    }

  lang->n_vocab = terms->len;
  lang->vocab = (VocabTerm *) (gpointer) g_array_free (g_steal_pointer (&terms), FALSE);
  lang->chars = (gunichar *) (gpointer) g_array_free (g_steal_pointer (&chars), FALSE);
  lang->vocab_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < lang->n_vocab; i++)
    g_hash_table_insert (lang->vocab_index, (gpointer) lang->vocab[i].text, &lang->vocab[i]);
}

/* The first term at or after @prefix, bytewise. */
static guint
vocab_lower_bound (Language   *lang,
                   const char *prefix)
{
  guint low = 0, high = lang->n_vocab;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (strcmp (lang->vocab[middle].text, prefix) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* How many rows hold @token (or a word starting with it), at most: a row
 * with two words of a prefix counts twice. Capped at the number of rows,
 * so that "co" does not walk half the vocabulary. */
static gint64
token_doc_count (Language   *lang,
                 const char *token,
                 gboolean    prefix)
{
  gint64 count = 0;
  gsize length;

  if (!prefix)
    {
      VocabTerm *term = g_hash_table_lookup (lang->vocab_index, token);
      return term ? term->doc_count : 0;
    }

  length = strlen (token);
  for (guint i = vocab_lower_bound (lang, token);
       i < lang->n_vocab && strncmp (lang->vocab[i].text, token, length) == 0 && count < lang->n_rows;
       i++)
    count += lang->vocab[i].doc_count;

  return MIN (count, lang->n_rows);
}

/* Typo correction */

/* The closest word of the vocabulary by optimal string alignment distance
 * (Damerau-Levenshtein where a transposition is one edit), preferring the
 * commoner word: what the person most likely meant. With @prefix, the
 * distance is to the nearest beginning of a word, as the word is still
 * being typed: "alopc" is one edit from "alopecia".
 *
 * The vocabulary is sorted, so it is walked like a trie: row j of the
 * table belongs to the first j letters of a vocabulary word and is reused
 * by the next word with the same beginning, and once two rows are past
 * the allowed distance every word with that beginning is skipped. */
static void
consider (const VocabTerm  *term,
          guint             distance,
          guint             max,
          const VocabTerm **best,
          guint            *best_distance)
{
  if (distance == 0 || distance > max)
    return;

  if (distance < *best_distance ||
      (distance == *best_distance && *best != NULL && term->doc_count > (*best)->doc_count))
    {
      *best = term;
      *best_distance = distance;
    }
}

static const VocabTerm *
find_correction (Language   *lang,
                 const char *word,
                 gboolean    prefix)
{
  guint rows[MAX_WORD_CHARS + 4][MAX_WORD_CHARS + 1];
  guint row_min[MAX_WORD_CHARS + 4];
  guint prefix_min[MAX_WORD_CHARS + 4];   /* the best distance to b[0..j) so far */
  g_autofree gunichar *a = NULL;
  const VocabTerm *best = NULL;
  const gunichar *previous = NULL;
  guint best_distance, max, infinity, max_depth;
  guint computed = 0, pruned_at = G_MAXUINT;
  glong n = 0;

  a = g_utf8_to_ucs4_fast (word, -1, &n);
  if (n < MIN_TYPO_CHARS || n > MAX_WORD_CHARS)
    return NULL;

  for (glong i = 0; i < n; i++)
    if (g_unichar_isdigit (a[i]))
      return NULL;

  max = n >= LONG_WORD_CHARS ? 2 : 1;
  infinity = max + 1;
  best_distance = infinity;
  max_depth = (guint) n + max + 1;

  for (guint i = 0; i <= (guint) n; i++)
    rows[0][i] = MIN (i, infinity);
  row_min[0] = 0;
  prefix_min[0] = rows[0][n];

  for (guint t = 0; t < lang->n_vocab; t++)
    {
      const VocabTerm *term = &lang->vocab[t];
      const gunichar *b = lang->chars + term->first_char;
      guint m = term->n_chars;
      guint depth = MIN (m, max_depth);
      guint common = 0, distance;

      while (previous != NULL && common < computed && common < m && previous[common] == b[common])
        common++;

      /* A beginning already known to be too far. A word still being
       * typed may be near one of its shorter beginnings, though. */
      if (pruned_at != G_MAXUINT && common >= pruned_at)
        {
          if (prefix)
            consider (term, prefix_min[pruned_at], max, &best, &best_distance);
          continue;
        }
      pruned_at = G_MAXUINT;

      for (guint j = common + 1; j <= depth; j++)
        {
          guint *row = rows[j], *up = rows[j - 1];

          row[0] = MIN (j, infinity);
          row_min[j] = row[0];

          for (guint i = 1; i <= (guint) n; i++)
            {
              guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
              guint value = MIN (MIN (up[i] + 1, row[i - 1] + 1), up[i - 1] + cost);

              if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                value = MIN (value, rows[j - 2][i - 2] + 1);

              row[i] = MIN (value, infinity);
              row_min[j] = MIN (row_min[j], row[i]);
            }

          prefix_min[j] = MIN (prefix_min[j - 1], row[n]);

          /* No longer word can come back within reach, not even by a
           * transposition over the row before. */
          if (row_min[j] > max && row_min[j - 1] >= max)
            {
              pruned_at = j;
              break;
            }
        }

      previous = b;
      computed = pruned_at != G_MAXUINT ? pruned_at : depth;

      if (prefix)
        distance = prefix_min[computed];
      else if (pruned_at == G_MAXUINT && m <= (guint) n + max)
        distance = rows[m][n];
      else
        continue;

      consider (term, distance, max, &best, &best_distance);
    }

  return best;
}

/* Turning what was typed into a plan */

typedef struct
{
  guint       first;       /* tokens [first, last] */
  guint       last;
  GPtrArray  *groups;      /* the synonym groups it names, or NULL */
} Unit;

static gboolean
term_matches_at (GArray       *tokens,
                 guint         position,
                 char * const *term)
{
  guint length = g_strv_length ((char **) term);

  if (position + length > tokens->len)
    return FALSE;

  for (guint k = 0; k < length; k++)
    if (strcmp (g_array_index (tokens, Token, position + k).text, term[k]) != 0)
      return FALSE;

  return TRUE;
}

static gboolean
ends_word (GArray *tokens,
           guint   position)
{
  return position + 1 >= tokens->len ||
         g_array_index (tokens, Token, position + 1).word != g_array_index (tokens, Token, position).word;
}

static void
units_free (GArray *units)
{
  for (guint i = 0; i < units->len; i++)
    g_clear_pointer (&g_array_index (units, Unit, i).groups, g_ptr_array_unref);
  g_array_unref (units);
}

/* Cuts the tokens into units: a word, or the longest run of whole words
 * that is a synonym term. */
static GArray *
find_units (Language *lang,
            GArray   *tokens)
{
  GArray *units = g_array_new (FALSE, TRUE, sizeof (Unit));
  guint i = 0;

  while (i < tokens->len)
    {
      Unit unit = { i, i, NULL };
      guint best_length = 0;

      /* Synonyms are whole words: "hair loss" in "hair-loss clinic" is
       * fine, "hair" in "hairdresser" is not. */
      if (i == 0 || g_array_index (tokens, Token, i - 1).word != g_array_index (tokens, Token, i).word)
        {
          for (guint g = 0; g < lang->synonyms->len; g++)
            {
              GPtrArray *group = g_ptr_array_index (lang->synonyms, g);

              for (guint t = 0; t < group->len; t++)
                {
                  char **term = g_ptr_array_index (group, t);
                  guint length = g_strv_length (term);

                  if (length < best_length || !term_matches_at (tokens, i, term) ||
                      !ends_word (tokens, i + length - 1))
                    continue;

                  if (length > best_length)
                    {
                      best_length = length;
                      g_clear_pointer (&unit.groups, g_ptr_array_unref);
                    }
                  if (unit.groups == NULL)
                    unit.groups = g_ptr_array_new ();
                  if (!g_ptr_array_find (unit.groups, group, NULL))
                    g_ptr_array_add (unit.groups, group);
                }
            }
        }

      if (best_length > 0)
        unit.last = i + best_length - 1;
      else
        while (!ends_word (tokens, unit.last))
          unit.last++;

      g_array_append_val (units, unit);
      i = unit.last + 1;
    }

  return units;
}

static char *
phrase_to_term (const Phrase *phrase)
{
  g_autofree char *joined = g_strjoinv (" ", phrase->tokens);

  return phrase->prefix ? g_strconcat (joined, "*", NULL) : g_steal_pointer (&joined);
}

static gboolean
plan_has_phrase (Plan         *plan,
                 guint         group,
                 char * const *tokens,
                 gboolean      prefix)
{
  for (guint p = plan->phrases->len; p > 0; p--)
    {
      Phrase *phrase = g_ptr_array_index (plan->phrases, p - 1);

      if (phrase->group != group)
        break;
      if (phrase->prefix == prefix && g_strv_equal ((const char * const *) phrase->tokens,
                                                   (const char * const *) tokens))
        return TRUE;
    }

  return FALSE;
}

static void
plan_add_phrase (Plan         *plan,
                 guint         group,
                 char * const *tokens,
                 gboolean      prefix)
{
  Language *lang = plan->lang;
  Phrase *phrase;
  double n = (double) lang->n_rows;
  gpointer known;

  if (plan->phrases->len >= MAX_PHRASES || tokens == NULL || tokens[0] == NULL ||
      plan_has_phrase (plan, group, tokens, prefix))
    return;

  phrase = g_new0 (Phrase, 1);
  phrase->tokens = g_strdupv ((char **) tokens);
  phrase->n_tokens = g_strv_length (phrase->tokens);
  phrase->lengths = g_new0 (guint, MAX (phrase->n_tokens, 1));
  for (guint k = 0; k < phrase->n_tokens; k++)
    phrase->lengths[k] = strlen (phrase->tokens[k]);
  phrase->prefix = prefix;
  phrase->group = group;
  phrase->term = phrase_to_term (phrase);

  /* A phrase is at most as common as its rarest word, unless we know. */
  if (!prefix && g_hash_table_lookup_extended (lang->phrase_counts, phrase->term, NULL, &known))
    phrase->doc_count = GPOINTER_TO_SIZE (known);
  else
    {
      phrase->doc_count = lang->n_rows;
      for (guint k = 0; k < phrase->n_tokens; k++)
        phrase->doc_count = MIN (phrase->doc_count,
                                 token_doc_count (lang, tokens[k], prefix && k + 1 == phrase->n_tokens));
    }

  /* Always positive, unlike the classic BM25 idf: a word in most rows
   * still counts a little. */
  phrase->idf = log (1.0 + (n - (double) phrase->doc_count + 0.5) / ((double) phrase->doc_count + 0.5));

  g_ptr_array_add (plan->phrases, phrase);
}

static int
compare_doc_counts (gconstpointer a,
                    gconstpointer b)
{
  const VocabTerm *x = *(const VocabTerm **) a;
  const VocabTerm *y = *(const VocabTerm **) b;

  if (x->doc_count != y->doc_count)
    return x->doc_count > y->doc_count ? -1 : 1;

  return strcmp (x->text, y->text);
}

/* FTS5 answers a prefix longer than its prefix index (two letters) by
 * merging the rows of every completion before it returns the first row:
 * "trea" walks every "treat…" and "treas…". Instead a longer prefix
 * stands for its MAX_COMPLETIONS commonest completions, which FTS5 reads
 * lazily: what the person is most likely typing. A three-letter prefix
 * index would answer "tre" directly, but it cost a quarter of the time
 * to build the index (300 ms of 1.2 s at 10,000 articles), for as-you-type
 * results that its commonest completions give as well. */
static void
plan_add_typed (Plan         *plan,
                guint         group,
                char * const *typed,
                gboolean      prefix)
{
  Language *lang = plan->lang;
  guint n_tokens = g_strv_length ((char **) typed);
  const char *last;
  g_autoptr(GPtrArray) completions = NULL;
  g_auto(GStrv) tokens = NULL;
  gsize length;

  if (!prefix || n_tokens == 0 || g_utf8_strlen (typed[n_tokens - 1], -1) <= MAX_INDEXED_PREFIX)
    {
      plan_add_phrase (plan, group, typed, prefix);
      return;
    }

  last = typed[n_tokens - 1];
  length = strlen (last);
  completions = g_ptr_array_new ();
  for (guint i = vocab_lower_bound (lang, last);
       i < lang->n_vocab && strncmp (lang->vocab[i].text, last, length) == 0;
       i++)
    g_ptr_array_add (completions, &lang->vocab[i]);

  if (completions->len == 0)
    {
      plan_add_phrase (plan, group, typed, prefix);
      return;
    }

  g_ptr_array_sort (completions, compare_doc_counts);

  tokens = g_strdupv ((char **) typed);
  for (guint c = 0; c < MIN (completions->len, MAX_COMPLETIONS); c++)
    {
      g_free (tokens[n_tokens - 1]);
      tokens[n_tokens - 1] = g_strdup (((VocabTerm *) g_ptr_array_index (completions, c))->text);
      plan_add_phrase (plan, group, tokens, FALSE);

      /* The word as typed is likelier than a longer one: "work" over
       * "works". */
      if (!g_str_equal (tokens[n_tokens - 1], last) && plan->phrases->len > 0)
        {
          Phrase *phrase = g_ptr_array_index (plan->phrases, plan->phrases->len - 1);

          if (phrase->group == group && g_str_equal (phrase->tokens[n_tokens - 1], tokens[n_tokens - 1]))
            phrase->idf *= COMPLETION_WEIGHT;
        }
    }
}

/* A synonym no row has costs FTS5 a lookup and finds nothing; a group
 * keeps one phrase, though, so that it still cannot match. */
static void
plan_drop_absent (Plan  *plan,
                  guint  first_phrase)
{
  gboolean any_present = FALSE;

  for (guint p = first_phrase; p < plan->phrases->len; p++)
    if (((Phrase *) g_ptr_array_index (plan->phrases, p))->doc_count > 0)
      any_present = TRUE;

  if (!any_present)
    {
      if (plan->phrases->len > first_phrase + 1)
        g_ptr_array_set_size (plan->phrases, first_phrase + 1);
      return;
    }

  for (guint p = plan->phrases->len; p > first_phrase; p--)
    if (((Phrase *) g_ptr_array_index (plan->phrases, p - 1))->doc_count == 0)
      g_ptr_array_remove_index (plan->phrases, p - 1);
}

static gboolean
names_same_groups (GArray *units,
                   guint   u)
{
  Unit *unit = &g_array_index (units, Unit, u);

  if (unit->groups == NULL)
    return FALSE;

  for (guint v = 0; v < u; v++)
    {
      Unit *other = &g_array_index (units, Unit, v);

      if (other->groups != NULL && other->groups->len == unit->groups->len)
        {
          gboolean same = TRUE;

          for (guint g = 0; same && g < unit->groups->len; g++)
            same = g_ptr_array_find (other->groups, g_ptr_array_index (unit->groups, g), NULL);
          if (same)
            return TRUE;
        }
    }

  return FALSE;
}

static Plan *
build_plan (Language *lang,
            GArray   *tokens,
            gboolean  last_is_prefix)
{
  Plan *plan = g_new0 (Plan, 1);
  GArray *units = find_units (lang, tokens);

  plan->lang = lang;
  plan->phrases = g_ptr_array_new_with_free_func (phrase_free);

  for (guint u = 0; u < units->len && plan->phrases->len < MAX_PHRASES; u++)
    {
      Unit *unit = &g_array_index (units, Unit, u);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) typed = NULL;
      gboolean prefix = last_is_prefix && unit->last + 1 == tokens->len;
      guint first_phrase = plan->phrases->len;

      /* "how much does it cost": both name the same synonym group. */
      if (names_same_groups (units, u))
        continue;

      for (guint k = unit->first; k <= unit->last; k++)
        g_strv_builder_add (builder, g_array_index (tokens, Token, k).text);
      typed = g_strv_builder_end (builder);

      /* What was typed first, then its synonyms: matched terms come in
       * that order. */
      plan_add_typed (plan, plan->n_groups, typed, prefix);

      for (guint g = 0; unit->groups != NULL && g < unit->groups->len; g++)
        {
          GPtrArray *group = g_ptr_array_index (unit->groups, g);

          for (guint t = 0; t < group->len; t++)
            plan_add_phrase (plan, plan->n_groups, g_ptr_array_index (group, t), FALSE);
        }

      plan_drop_absent (plan, first_phrase);
      plan->n_groups++;
    }

  units_free (units);

  plan->group_score = g_new0 (double, MAX (plan->n_groups, 1));
  plan->group_in_body = g_new0 (guint8, MAX (plan->n_groups, 1));

  return plan;
}

/* How many rows the query could match, at most. */
static gint64
plan_upper_bound (Plan     *plan,
                  gboolean  all)
{
  gint64 bound = all ? plan->lang->n_rows : 0;
  gint64 group_count = 0;
  guint group = G_MAXUINT;

  for (guint p = 0; p <= plan->phrases->len; p++)
    {
      const Phrase *phrase = p < plan->phrases->len ? g_ptr_array_index (plan->phrases, p) : NULL;

      if (phrase == NULL || phrase->group != group)
        {
          if (group != G_MAXUINT)
            bound = all ? MIN (bound, group_count) : bound + group_count;
          if (phrase == NULL)
            break;
          group = phrase->group;
          group_count = 0;
        }

      group_count += phrase->doc_count;
    }

  return MIN (bound, plan->lang->n_rows);
}

/* How many rows each group can match, at most. */
static gint64 *
group_counts (Plan *plan)
{
  gint64 *counts = g_new0 (gint64, MAX (plan->n_groups, 1));

  for (guint p = 0; p < plan->phrases->len; p++)
    {
      const Phrase *phrase = g_ptr_array_index (plan->phrases, p);
      counts[phrase->group] = MIN (counts[phrase->group] + phrase->doc_count, plan->lang->n_rows);
    }

  return counts;
}

static Phrase *
phrase_copy (const Phrase *phrase,
             guint         group)
{
  Phrase *copy = g_memdup2 (phrase, sizeof (Phrase));

  copy->tokens = g_strdupv (phrase->tokens);
  copy->lengths = g_memdup2 (phrase->lengths, sizeof (guint) * MAX (phrase->n_tokens, 1));
  copy->term = g_strdup (phrase->term);
  copy->group = group;

  return copy;
}

/* The same plan with only the groups @renumbered does not mark -1, in
 * the order they were typed. */
static Plan *
plan_subset (Plan *plan,
             int  *renumbered)
{
  Plan *subset = g_new0 (Plan, 1);

  subset->lang = plan->lang;
  subset->phrases = g_ptr_array_new_with_free_func (phrase_free);
  for (guint p = 0; p < plan->phrases->len; p++)
    {
      const Phrase *phrase = g_ptr_array_index (plan->phrases, p);

      if (renumbered[phrase->group] < 0)
        continue;

      if (renumbered[phrase->group] == 0)
        renumbered[phrase->group] = (int) ++subset->n_groups;

      g_ptr_array_add (subset->phrases, phrase_copy (phrase, renumbered[phrase->group] - 1));
    }

  subset->group_score = g_new0 (double, MAX (subset->n_groups, 1));
  subset->group_in_body = g_new0 (guint8, MAX (subset->n_groups, 1));

  return subset;
}

/* The rarest groups that some row has, as many as keep the rows they can
 * match within MAX_SCAN_ROWS, and at least one: the words that can tell
 * rows apart when no row has them all. */
static Plan *
plan_rare_groups (Plan *plan)
{
  g_autofree gint64 *counts = group_counts (plan);
  g_autofree guint *order = g_new0 (guint, MAX (plan->n_groups, 1));
  g_autofree int *renumbered = g_new0 (int, MAX (plan->n_groups, 1));
  gint64 total = 0;

  /* Insertion sort: a handful of groups, and equal counts keep the order
   * they were typed in. */
  for (guint g = 0; g < plan->n_groups; g++)
    {
      guint i = g;

      while (i > 0 && counts[order[i - 1]] > counts[g])
        {
          order[i] = order[i - 1];
          i--;
        }
      order[i] = g;
      renumbered[g] = -1;
    }

  /* A group no row has cannot tell rows apart. */
  for (guint i = 0; i < plan->n_groups; i++)
    {
      if (counts[order[i]] == 0)
        continue;
      if (total > 0 && total + counts[order[i]] > MAX_SCAN_ROWS)
        break;
      total += counts[order[i]];
      renumbered[order[i]] = 0;
    }

  return plan_subset (plan, renumbered);
}

static void
append_phrase (GString      *out,
               const Phrase *phrase)
{
  g_string_append_c (out, '"');
  for (guint k = 0; k < phrase->n_tokens; k++)
    {
      if (k > 0)
        g_string_append_c (out, ' ');
      for (const char *p = phrase->tokens[k]; *p != '\0'; p++)
        {
          /* Tokens never hold a quote, but a quote doubled inside a
           * string is how FTS5 reads it as text, should one ever do. */
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
  if (phrase->prefix)
    g_string_append_c (out, '*');
}

/* Every group, joined with AND (all of them must match) or OR. */
static char *
build_expression (Plan     *plan,
                  gboolean  all)
{
  GString *out = g_string_new (NULL);
  guint previous_group = G_MAXUINT;

  for (guint p = 0; p < plan->phrases->len; p++)
    {
      const Phrase *phrase = g_ptr_array_index (plan->phrases, p);

      if (phrase->group != previous_group)
        {
          if (previous_group != G_MAXUINT)
            g_string_append (out, all ? ") AND (" : ") OR (");
          else
            g_string_append_c (out, '(');
          previous_group = phrase->group;
        }
      else
        g_string_append (out, " OR ");

      append_phrase (out, phrase);
    }

  if (previous_group != G_MAXUINT)
    g_string_append_c (out, ')');

  return g_string_free (out, FALSE);
}

/* Keeping the best rows */

static void
top_rows_init (TopRows *top,
               guint    capacity)
{
  top->capacity = capacity;
  top->len = 0;
  top->items = g_new (Candidate, MAX (capacity, 1));
}

static void
top_rows_clear (TopRows *top)
{
  g_clear_pointer (&top->items, g_free);
  top->len = top->capacity = 0;
}

static void
top_rows_push (TopRows *top,
               gint64   rowid,
               double   score,
               Plan    *plan)
{
  guint position;

  if (top->capacity == 0 || (top->len == top->capacity && score <= top->items[top->len - 1].score))
    return;

  for (guint i = 0; i < top->len; i++)
    if (top->items[i].rowid == rowid)
      return;

  /* Equal scores keep the library's order: rows come in rowid order. */
  position = top->len;
  while (position > 0 && top->items[position - 1].score < score)
    position--;

  if (top->len == top->capacity)
    top->len--;

  memmove (&top->items[position + 1], &top->items[position],
           (top->len - position) * sizeof (Candidate));
  top->items[position].rowid = rowid;
  top->items[position].score = score;
  memcpy (top->items[position].bits, plan->row_bits, BITS_BYTES);
  top->items[position].body_groups = plan->row_body_groups;
  top->len++;
}

/* Scores the rows of one shard an expression matches, in rowid order,
 * until @n_rows, counted over every shard, reaches MAX_SCAN_ROWS. */
static gboolean
scan_shard (CgSearchIndex  *self,
            Plan           *plan,
            Shard          *shard,
            gboolean        heads,
            const char     *expression,
            GHashTable     *exclude,
            TopRows        *top,
            guint          *n_rows,
            GError        **error)
{
  sqlite3_stmt *stmt = heads ? shard->scan_heads : shard->scan_rows;
  int rc = SQLITE_DONE;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);

  self->plan = plan;
  while (*n_rows < MAX_SCAN_ROWS && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      double score = sqlite3_column_double (stmt, 1);

      (*n_rows)++;
      if (heads)
        plan->row_body_groups = G_MAXUINT;
      if (!g_hash_table_contains (exclude, GSIZE_TO_POINTER ((gsize) rowid)))
        top_rows_push (top, rowid, score, plan);
    }
  self->plan = NULL;

  if (*n_rows < MAX_SCAN_ROWS && rc != SQLITE_DONE)
    {
      set_sqlite_error (error, shard->db, _("the search failed"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return TRUE;
}

/* Scores the rows an expression matches in the table of every row, or
 * with @heads in the titles and keywords, in rowid order, at most
 * MAX_SCAN_ROWS of them, keeping the best in @top. Shard after shard is
 * rowid order: the rows scored are the ones one table would give. */
static gboolean
scan (CgSearchIndex  *self,
      Plan           *plan,
      gboolean        heads,
      const char     *expression,
      GHashTable     *exclude,
      TopRows        *top,
      GError        **error)
{
  GPtrArray *shards = plan->lang->shards;
  guint n_rows = 0;

  for (guint s = 0; s < shards->len && n_rows < MAX_SCAN_ROWS; s++)
    if (!scan_shard (self, plan, g_ptr_array_index (shards, s), heads, expression,
                     exclude, top, &n_rows, error))
      return FALSE;

  return TRUE;
}

/* Snippets */

typedef struct
{
  guint first;        /* tokens [first, last] */
  guint last;
  guint group;
} Hit;

typedef struct
{
  guint  length;
  char   text[MAX_TOKEN_BYTES];
} RecentToken;

typedef struct
{
  Plan        *plan;
  GArray      *offsets;      /* of guint pairs: each token's start and end in the text */
  RecentToken *recent;       /* the last n_recent tokens, a ring */
  guint        n_recent;
  Hit          hits[MAX_SNIPPET_HITS];
  guint        n_hits;
  guint        next_window;  /* the first hit whose window is not judged yet */
  guint        best_start;
  guint        best_groups;
  guint        best_hits;
  guint8      *groups_seen;  /* scratch: plan->n_groups */
  guint8      *found;        /* groups seen anywhere in the text */
  gboolean     stopped;
  guint        segment_start; /* where the piece being read starts in the whole text */
  guint        target;       /* groups a window needs before we stop looking */
  gboolean     complete;     /* read it all: the groups found must be complete */
  gboolean     guessing;     /* we do not know whether the text has any hit */
  GPtrArray   *by_byte[256]; /* phrases by the first byte of their last token */
} SnippetContext;

static gboolean
phrase_ends_here (SnippetContext *ctx,
                  const Phrase   *phrase,
                  guint           index)
{
  const RecentToken *current = &ctx->recent[index % ctx->n_recent];
  guint last_len = phrase->lengths[phrase->n_tokens - 1];

  /* Most words are not the one searched: tell quickly. */
  if (phrase->prefix ? last_len > current->length : last_len != current->length)
    return FALSE;

  if (phrase->n_tokens > index + 1 || phrase->n_tokens > ctx->n_recent)
    return FALSE;

  for (guint k = 0; k < phrase->n_tokens; k++)
    {
      const RecentToken *t = &ctx->recent[(index - (phrase->n_tokens - 1 - k)) % ctx->n_recent];
      const char *want = phrase->tokens[k];
      guint want_len = phrase->lengths[k];

      if (phrase->prefix && k + 1 == phrase->n_tokens)
        {
          if (want_len > t->length || memcmp (t->text, want, want_len) != 0)
            return FALSE;
        }
      else if (want_len != t->length || memcmp (t->text, want, want_len) != 0)
        return FALSE;
    }

  return TRUE;
}

/* How good the window starting at @start is: different groups, then hits. */
static void
judge_window (SnippetContext *ctx,
              guint           first_hit,
              guint           start)
{
  guint n_groups = 0, n_in = 0;

  memset (ctx->groups_seen, 0, MAX (ctx->plan->n_groups, 1));
  for (guint k = first_hit; k < ctx->n_hits && ctx->hits[k].last < start + SNIPPET_TOKENS; k++)
    {
      n_in++;
      if (!ctx->groups_seen[ctx->hits[k].group])
        {
          ctx->groups_seen[ctx->hits[k].group] = 1;
          n_groups++;
        }
    }

  if (n_groups > ctx->best_groups || (n_groups == ctx->best_groups && n_in > ctx->best_hits))
    {
      ctx->best_start = start;
      ctx->best_groups = n_groups;
      ctx->best_hits = n_in;
    }
}

static guint
window_start (const Hit *hit)
{
  return hit->first > SNIPPET_LEAD ? hit->first - SNIPPET_LEAD : 0;
}

static int
snippet_token_cb (void       *user_data,
                  int         flags,
                  const char *token,
                  int         n_token,
                  int         start,
                  int         end)
{
  SnippetContext *ctx = user_data;
  guint index = ctx->offsets->len / 2;
  guint bounds[2] = { (guint) start + ctx->segment_start, (guint) end + ctx->segment_start };
  RecentToken *recent = &ctx->recent[index % ctx->n_recent];
  guint longest = 0, group = 0;

  g_array_append_vals (ctx->offsets, bounds, 2);
  recent->length = MIN ((guint) n_token, MAX_TOKEN_BYTES);
  memcpy (recent->text, token, recent->length);
  if ((guint) n_token > MAX_TOKEN_BYTES)
    recent->length = G_MAXUINT;  /* matches nothing */

  if (recent->length != G_MAXUINT && ctx->by_byte[(guint8) recent->text[0]] != NULL)
    {
      GPtrArray *candidates = ctx->by_byte[(guint8) recent->text[0]];

      for (guint p = 0; p < candidates->len; p++)
        {
          const Phrase *phrase = g_ptr_array_index (candidates, p);

          if (phrase->n_tokens > longest && phrase_ends_here (ctx, phrase, index))
            {
              longest = phrase->n_tokens;
              group = phrase->group;
            }
        }
    }

  if (longest > 0)
    {
      guint first = index + 1 - longest;

      /* "hair" then "hair loss": the longer match wins. */
      while (ctx->n_hits > 0 && ctx->hits[ctx->n_hits - 1].last >= first)
        ctx->n_hits--;
      ctx->next_window = MIN (ctx->next_window, ctx->n_hits);

      ctx->found[group] = 1;
      if (ctx->n_hits < MAX_SNIPPET_HITS)
        {
          ctx->hits[ctx->n_hits].first = first;
          ctx->hits[ctx->n_hits].last = index;
          ctx->hits[ctx->n_hits].group = group;
          ctx->n_hits++;
        }
    }

  /* Judge each window once all its words are in; stop when one shows
   * every group the text can show, as no later window can beat it. */
  while (ctx->next_window < ctx->n_hits &&
         window_start (&ctx->hits[ctx->next_window]) + SNIPPET_TOKENS <= index + 1)
    {
      judge_window (ctx, ctx->next_window, window_start (&ctx->hits[ctx->next_window]));
      ctx->next_window++;

      if (ctx->best_groups >= ctx->target)
        {
          ctx->stopped = TRUE;
          return SQLITE_DONE;
        }
    }

  /* Nothing to find: the beginning will do. A good window early on will
   * do too: a snippet is a glimpse, not the best paragraph. */
  if ((ctx->target == 0 && index + 1 >= SNIPPET_TOKENS) ||
      (!ctx->complete && (ctx->best_groups > 0 || ctx->guessing) && index + 1 >= SNIPPET_READ))
    {
      ctx->stopped = TRUE;
      return SQLITE_DONE;
    }

  return SQLITE_OK;
}

/* An item's text, as the index has its body: the summary of an article,
 * then every block, one a line. Read in place, piece by piece, as far as
 * needed: copying a whole article for a few words was a good part of the
 * cost of a result. */
typedef struct
{
  const char *text;
  guint       length;
  guint       start;    /* in the whole text */
} Piece;

static void
add_piece (GArray     *pieces,
           const char *text,
           guint      *position)
{
  Piece piece = { text, (guint) strlen (text), *position };

  g_array_append_val (pieces, piece);
  *position += piece.length + 1;   /* and the line break */
}

/* The bytes [begin, end) of the whole text, line breaks as spaces. */
static void
append_pieces (GString *out,
               GArray  *pieces,
               guint    begin,
               guint    end)
{
  for (guint i = 0; i < pieces->len && begin < end; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      guint piece_end = piece->start + piece->length;

      if (begin >= piece_end + 1)
        continue;

      if (begin < piece_end)
        {
          guint stop = MIN (end, piece_end);

          g_string_append_len (out, piece->text + (begin - piece->start), stop - begin);
          begin = stop;
        }

      if (begin == piece_end && begin < end)
        {
          g_string_append_c (out, ' ');
          begin++;
        }
    }
}

/* The piece holding @position, and where in it; %NULL past the end. */
static const char *
piece_byte (GArray *pieces,
            guint   position)
{
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);

      if (position < piece->start + piece->length)
        return position >= piece->start ? piece->text + (position - piece->start) : NULL;
      if (position == piece->start + piece->length)
        return "\n";
    }

  return NULL;
}

/* The window of SNIPPET_TOKENS words that shows the most different groups
 * (then the most hits), the earliest of equals, a few words of lead-in
 * before its first hit; plain text on one line, with the hits' ranges.
 * The text is read only until a window shows @target groups, or, unless
 * @complete, for SNIPPET_READ words once a window has a hit, or at all
 * when @guessing whether there is one. The groups seen are added to
 * @found. */
static char *
make_snippet (CgSearchIndex *self,
              Plan          *plan,
              CgItem        *item,
              guint          target,
              gboolean       complete,
              gboolean       guessing,
              GArray        *ranges,
              guint8        *found)
{
  g_autoptr(GArray) offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2 * 128);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autofree RecentToken *recent = NULL;
  g_autofree guint8 *groups_seen = NULL;
  SnippetContext ctx = { 0 };
  CgDocument *document = cg_item_get_document (item);
  guint n_blocks = document ? cg_document_get_n_blocks (document) : 0;
  guint n_tokens, window_end, begin, finish, base, longest = 1, position = 0;
  const char *summary = CG_IS_ARTICLE (item) ? cg_article_get_summary (CG_ARTICLE (item)) : NULL;
  const char *c;
  GString *out;

  if (self->tokenizer == NULL)
    return g_strdup ("");

  for (guint p = 0; p < plan->phrases->len; p++)
    {
      Phrase *phrase = g_ptr_array_index (plan->phrases, p);
      guint8 first = (guint8) phrase->tokens[phrase->n_tokens - 1][0];

      longest = MAX (longest, phrase->n_tokens);
      if (ctx.by_byte[first] == NULL)
        ctx.by_byte[first] = g_ptr_array_new ();
      g_ptr_array_add (ctx.by_byte[first], phrase);
    }

  recent = g_new0 (RecentToken, longest);
  groups_seen = g_new0 (guint8, MAX (plan->n_groups, 1));
  ctx.plan = plan;
  ctx.offsets = offsets;
  ctx.recent = recent;
  ctx.n_recent = longest;
  ctx.groups_seen = groups_seen;
  ctx.found = found;
  ctx.target = MIN (target, plan->n_groups);
  ctx.complete = complete;
  ctx.guessing = guessing;

  /* Pieces are read in order until the callback has seen enough; as a
   * line break is a separator, reading them apart finds the same words. */
  if (summary != NULL && summary[0] != '\0')
    add_piece (pieces, summary, &position);
  for (guint i = 0; !ctx.stopped && i <= n_blocks; i++)
    {
      const Piece *piece;

      if (i > 0)
        add_piece (pieces, cg_document_get_block (document, i - 1)->text, &position);
      else if (pieces->len == 0)
        continue;

      piece = &g_array_index (pieces, Piece, pieces->len - 1);
      ctx.segment_start = piece->start;
      if (tokenize_text (&self->tokenizer_class, self->tokenizer, piece->text, piece->length,
                         FTS5_TOKENIZE_DOCUMENT, &ctx, snippet_token_cb) != SQLITE_OK)
        break;
    }

  for (guint b = 0; b < G_N_ELEMENTS (ctx.by_byte); b++)
    g_clear_pointer (&ctx.by_byte[b], g_ptr_array_unref);

  n_tokens = offsets->len / 2;
  if (n_tokens == 0)
    return g_strdup ("");

  if (!ctx.stopped)
    for (; ctx.next_window < ctx.n_hits; ctx.next_window++)
      judge_window (&ctx, ctx.next_window, window_start (&ctx.hits[ctx.next_window]));

#define TOKEN_START(i) g_array_index (offsets, guint, 2 * (i))
#define TOKEN_END(i)   g_array_index (offsets, guint, 2 * (i) + 1)

  window_end = MIN (ctx.best_start + SNIPPET_TOKENS, n_tokens);
  begin = ctx.best_start == 0 ? 0 : TOKEN_START (ctx.best_start);
  finish = TOKEN_END (window_end - 1);

  /* Keep the punctuation that closes the last word, "hurt?", and never
   * stop inside a character. */
  while ((c = piece_byte (pieces, finish)) != NULL && !g_ascii_isspace (*c) &&
         (window_end >= n_tokens || finish < TOKEN_START (window_end)))
    finish++;
  while ((c = piece_byte (pieces, finish)) != NULL && (*c & 0xc0) == 0x80)
    finish++;

  out = g_string_sized_new (finish - begin + 8);
  if (begin > 0)
    g_string_append (out, "…");
  base = out->len;
  append_pieces (out, pieces, begin, finish);
  for (char *p = out->str + base; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  if (window_end < n_tokens || ctx.stopped)
    g_string_append (out, "…");

  for (guint h = 0; h < ctx.n_hits; h++)
    {
      CgSearchRange range;

      if (ctx.hits[h].first < ctx.best_start || ctx.hits[h].last >= window_end)
        continue;

      range.start = TOKEN_START (ctx.hits[h].first) - begin + base;
      range.end = TOKEN_END (ctx.hits[h].last) - begin + base;
      g_array_append_val (ranges, range);
    }

#undef TOKEN_START
#undef TOKEN_END

  return g_string_free (out, FALSE);
}

/* Every term of every group the item matched, synonyms included: what
 * the article view highlights. */
static char **
matched_terms (Plan         *plan,
               const guint8 *bits,
               const guint8 *groups)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  g_autofree guint8 *matched = g_memdup2 (groups, MAX (plan->n_groups, 1));

  for (guint p = 0; p < plan->phrases->len; p++)
    if (bit_is_set (bits, p))
      matched[((Phrase *) g_ptr_array_index (plan->phrases, p))->group] = 1;

  for (guint p = 0; p < plan->phrases->len; p++)
    {
      const Phrase *phrase = g_ptr_array_index (plan->phrases, p);

      if (matched[phrase->group] && !g_strv_contains ((const char * const *) terms->pdata, phrase->term))
        g_ptr_array_insert (terms, terms->len - 1, g_strdup (phrase->term));
    }

  return (char **) g_ptr_array_free (g_steal_pointer (&terms), FALSE);
}

static void
append_results (CgSearchIndex *self,
                Plan          *plan,
                TopRows       *top,
                gboolean       partial,
                GHashTable    *exclude,
                GListStore    *store)
{
  for (guint i = 0; i < top->len; i++)
    {
      Candidate *candidate = &top->items[i];
      CgItem *item = g_ptr_array_index (plan->lang->items, candidate->rowid - 1);
      g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (CgSearchRange));
      g_autoptr(CgSearchResult) result = NULL;
      g_autofree guint8 *groups = g_new0 (guint8, MAX (plan->n_groups, 1));
      g_autofree char *snippet = NULL;
      g_auto(GStrv) terms = NULL;
      guint target = candidate->body_groups;
      gboolean complete = FALSE, guessing = FALSE;

      /* A row found in the titles table matched every word there, unless
       * only some words matched: then its body must be read through for
       * the groups it has. Otherwise its body may have no hit at all, and
       * its beginning is as good a glimpse as any. */
      if (target == G_MAXUINT)
        {
          target = partial ? plan->n_groups : 1;
          complete = partial;
          guessing = TRUE;
        }

      snippet = make_snippet (self, plan, item, target, complete, guessing, ranges, groups);
      terms = matched_terms (plan, candidate->bits, groups);

      result = cg_search_result_new (item, plan->lang->code, candidate->score, partial,
                                     snippet, (const CgSearchRange *) (gpointer) ranges->data,
                                     ranges->len, (const char * const *) terms);
      g_list_store_append (store, result);
      g_hash_table_add (exclude, GSIZE_TO_POINTER ((gsize) candidate->rowid));
    }
}

/* One pass over the table of every row, or with @heads the titles and
 * keywords: its best rows not found yet, after the results there are. */
static gboolean
run_pass (CgSearchIndex  *self,
          Plan           *plan,
          gboolean        heads,
          const char     *expression,
          gboolean        partial,
          guint           limit,
          GHashTable     *exclude,
          GListStore     *store,
          GError        **error)
{
  guint found = g_list_model_get_n_items (G_LIST_MODEL (store));
  TopRows top;
  gboolean ok;

  if (found >= limit)
    return TRUE;

  top_rows_init (&top, limit - found);
  ok = scan (self, plan, heads, expression, exclude, &top, error);
  if (ok)
    append_results (self, plan, &top, partial, exclude, store);
  top_rows_clear (&top);

  return ok;
}

/* Items with every word in the title or keywords, then with every word
 * anywhere; then, if there is room, items with some of the words, in the
 * same order. */
static gboolean
run_plan (CgSearchIndex  *self,
          Plan           *plan,
          guint           limit,
          GListStore     *store,
          GError        **error)
{
  g_autoptr(GHashTable) exclude = g_hash_table_new (NULL, NULL);
  g_autofree char *all = NULL;

  if (plan->phrases->len == 0)
    return TRUE;

  /* When every matching row can be scored, the scores alone put title
   * matches first; only a larger set needs the titles looked at first. */
  all = build_expression (plan, TRUE);
  if ((plan_upper_bound (plan, TRUE) > MAX_SCAN_ROWS &&
       !run_pass (self, plan, TRUE, all, FALSE, limit, exclude, store, error)) ||
      !run_pass (self, plan, FALSE, all, FALSE, limit, exclude, store, error))
    return FALSE;

  if (plan->n_groups > 1 && g_list_model_get_n_items (G_LIST_MODEL (store)) < limit)
    {
      g_autoptr(Plan) rare = plan_rare_groups (plan);
      g_autofree char *any = build_expression (rare, FALSE);

      if (rare->phrases->len == 0)
        return TRUE;

      if ((plan_upper_bound (rare, FALSE) > MAX_SCAN_ROWS &&
           !run_pass (self, rare, TRUE, any, TRUE, limit, exclude, store, error)) ||
          !run_pass (self, rare, FALSE, any, TRUE, limit, exclude, store, error))
        return FALSE;
    }

  return TRUE;
}

static Language *
find_language (CgSearchIndex *self,
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

/* Building */

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
      shard->counter = vocab_counter_new (lang->lengths);
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
  shard->db = open_connection (self, &shard->fts5, error);
  if (shard->db == NULL)
    return FALSE;

  /* FTS5 keeps a copy of the class. */
  if (shard->fts5->xCreateTokenizer (shard->fts5, "cg_counting", shard,
                                     (fts5_tokenizer *) &counting_tokenizer_class, NULL) != SQLITE_OK)
    return set_sqlite_error (error, shard->db, _("cannot create the tokenizer"));

  return TRUE;
}

static gboolean
insert_items (Shard   *shard,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) heads = NULL;
  Language *lang = shard->lang;

  if (sqlite3_prepare_v2 (shard->db, "INSERT INTO fts (rowid, title, keywords, body) VALUES (?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (shard->db, "INSERT INTO heads (rowid, title, keywords) VALUES (?, ?, ?)",
                          -1, &heads, NULL) != SQLITE_OK)
    return set_sqlite_error (error, shard->db, _("cannot build the index"));

  /* Row i is lang->items[i - 1]. */
  for (gint64 row = shard->first_row; row <= shard->last_row; row++)
    {
      CgItem *item = g_ptr_array_index (lang->items, row - 1);
      g_autofree char *keywords = item_keywords (item);
      g_autofree char *body = item_body (item);

      sqlite3_bind_int64 (stmt, 1, row);
      sqlite3_bind_text (stmt, 2, cg_item_get_title (item), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, keywords, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, body, -1, SQLITE_STATIC);

      sqlite3_bind_int64 (heads, 1, row);
      sqlite3_bind_text (heads, 2, cg_item_get_title (item), -1, SQLITE_STATIC);
      sqlite3_bind_text (heads, 3, keywords, -1, SQLITE_STATIC);

      /* What the tokenizer counts next is this row's. */
      shard->counter->row = (guint) row;

      if (sqlite3_step (stmt) != SQLITE_DONE || sqlite3_step (heads) != SQLITE_DONE)
        return set_sqlite_error (error, shard->db, _("cannot build the index"));

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_reset (heads);
      sqlite3_clear_bindings (heads);
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
    return set_sqlite_error (error, shard->db, _("cannot build the index"));

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

  if (!exec_sql (shard->db, create, error) || !exec_sql (shard->db, "BEGIN", error) ||
      !insert_items (shard, error) || !exec_sql (shard->db, "COMMIT", error))
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

/* The shards' counts, as one vocabulary and the mean row length. */
static void
take_counts (Language *lang)
{
  Shard *first = g_ptr_array_index (lang->shards, 0);

  for (guint s = 1; s < lang->shards->len; s++)
    {
      Shard *shard = g_ptr_array_index (lang->shards, s);

      vocab_counter_merge (first->counter, shard->counter);
      g_clear_pointer (&shard->counter, vocab_counter_free);
    }

  take_vocabulary (lang, first->counter);
  lang->avgdl = lang->n_rows > 0 ? MAX ((double) first->counter->n_tokens / (double) lang->n_rows, 1.0) : 1.0;
  g_clear_pointer (&first->counter, vocab_counter_free);
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
  append_phrase (expression, &phrase);

  for (guint s = 0; s < lang->shards->len; s++)
    {
      Shard *shard = g_ptr_array_index (lang->shards, s);

      sqlite3_reset (shard->count_rows);
      sqlite3_bind_text (shard->count_rows, 1, expression->str, -1, SQLITE_STATIC);
      if (sqlite3_step (shard->count_rows) != SQLITE_ROW)
        return set_sqlite_error (error, shard->db, _("cannot build the index"));

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
          char **tokens = tokenize_term (self, terms[t]);

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

static gboolean
build_language (CgSearchIndex  *self,
                Language       *lang,
                CgLibrary      *library,
                GError        **error)
{
  GListModel *items = cg_library_get_items (library);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (lang->items, g_list_model_get_item (items, i));

  lang->n_rows = lang->items->len;
  lang->lengths = g_new0 (guint, lang->n_rows + 1);

  add_shards (lang, count_shards (self, lang->n_rows));
  for (guint s = 0; s < lang->shards->len; s++)
    if (!open_shard (self, g_ptr_array_index (lang->shards, s), error))
      return FALSE;

  if (!fill_shards (lang, error))
    return FALSE;

  take_counts (lang);

  return add_synonyms (self, lang, library, error);
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

  G_OBJECT_CLASS (cg_search_index_parent_class)->finalize (object);
}

static void
cg_search_index_class_init (CgSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_search_index_finalize;

  init_fold_table ();
}

static void
cg_search_index_init (CgSearchIndex *self)
{
  self->languages = g_ptr_array_new_with_free_func (language_free);
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
  Language *lang;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), FALSE);
  g_return_val_if_fail (CG_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_db (self, error))
    return FALSE;

  lang = g_new0 (Language, 1);
  lang->code = g_strdup (cg_library_get_language (library));
  lang->shards = g_ptr_array_new_with_free_func (shard_free);
  lang->items = g_ptr_array_new_with_free_func (g_object_unref);
  lang->synonyms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  lang->phrase_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lang->strings = g_string_chunk_new (4096);

  if (!build_language (self, lang, library, error))
    {
      language_free (lang);
      return FALSE;
    }

  /* Only now that the new tables are complete do the old ones go. */
  remove_language (self, lang->code);
  g_ptr_array_add (self->languages, lang);

  return TRUE;
}

gboolean
cg_search_index_has_language (CgSearchIndex *self,
                              const char    *language)
{
  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  return find_language (self, language) != NULL;
}

/* Replaces every word that can match nothing by its nearest neighbour in
 * the vocabulary; returns the corrected query, or %NULL. */
static char *
correct_tokens (Language   *lang,
                const char *text,
                GArray     *tokens,
                gboolean    last_is_prefix)
{
  GArray *units = find_units (lang, tokens);
  GString *corrected = NULL;
  guint copied = 0;

  for (guint u = 0; u < units->len; u++)
    {
      Unit *unit = &g_array_index (units, Unit, u);

      /* A synonym term always means something, even if no row has it. */
      if (unit->groups != NULL)
        continue;

      for (guint k = unit->first; k <= unit->last; k++)
        {
          Token *token = &g_array_index (tokens, Token, k);
          gboolean prefix = last_is_prefix && k + 1 == tokens->len;
          const VocabTerm *correction;

          if (token_doc_count (lang, token->text, prefix) > 0)
            continue;

          correction = find_correction (lang, token->text, prefix);
          if (correction == NULL)
            continue;

          if (corrected == NULL)
            corrected = g_string_new (NULL);
          g_string_append_len (corrected, text + copied, token->start - copied);
          g_string_append (corrected, correction->text);
          copied = token->end;

          g_free (token->text);
          token->text = g_strdup (correction->text);
        }
    }

  units_free (units);

  if (corrected == NULL)
    return NULL;

  g_string_append (corrected, text + copied);

  return g_string_free (corrected, FALSE);
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

  store = g_list_store_new (CG_TYPE_SEARCH_RESULT);
  lang = find_language (self, language);
  if (lang == NULL || query == NULL)
    return G_LIST_MODEL (g_steal_pointer (&store));

  /* Cut first, then repair: a character cut in two becomes U+FFFD, which
   * the tokenizer treats as a separator. */
  text = g_utf8_make_valid (query, MIN (strlen (query), MAX_QUERY_BYTES));

  tokens = tokenize (self, text, FTS5_TOKENIZE_QUERY, MAX_QUERY_TOKENS);

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

  corrected = correct_tokens (lang, text, tokens, last_is_prefix);

  plan = build_plan (lang, tokens, last_is_prefix);
  if (!run_plan (self, plan,
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
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  GArray *ranges;
  guint i = 0;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), NULL);

  ranges = g_array_new (FALSE, FALSE, sizeof (CgSearchRange));
  if (text == NULL || terms == NULL || terms[0] == NULL || !ensure_db (self, NULL))
    return ranges;

  parsed = g_ptr_array_new_with_free_func (phrase_free);
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

  tokens = tokenize (self, text, FTS5_TOKENIZE_DOCUMENT, G_MAXUINT);

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
  g_return_if_fail (CG_IS_SEARCH_INDEX (self));

  self->n_shards = n_shards;
}

guint
cg_search_index_get_n_shards (CgSearchIndex *self,
                              const char    *language)
{
  Language *lang;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), 0);

  lang = find_language (self, language);

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
  GHashTable *vocabulary;
  Language *lang;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), NULL);

  lang = find_language (self, language);
  if (lang == NULL)
    return NULL;

  vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < lang->n_vocab; i++)
    g_hash_table_insert (vocabulary, g_strdup (lang->vocab[i].text),
                         GUINT_TO_POINTER (lang->vocab[i].doc_count));

  return vocabulary;
}

/**
 * cg_search_index_get_row_length:
 * @row: a rowid: the item's position in the library, plus one
 *
 * Returns: how many tokens the row has, in every column, as BM25 counts
 *   them; 0 for no such row
 */
guint
cg_search_index_get_row_length (CgSearchIndex *self,
                                const char    *language,
                                gint64         row)
{
  Language *lang;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), 0);

  lang = find_language (self, language);
  if (lang == NULL || row < 1 || row > lang->n_rows)
    return 0;

  return lang->lengths[row];
}
