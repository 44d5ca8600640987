/* cg-search-internal.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-autocleanups-private.h"
#include "cg-search-index.h"

G_BEGIN_DECLS

/* What the parts of the search index share: the index, a language's
 * tables and vocabulary, a query plan, and the functions one part calls
 * in another. Only cg-search-*.c and their tests include it; the rest of
 * the application sees cg-search-index.h. */

#define MAX_QUERY_TOKENS  32
#define MAX_PHRASES       256
#define BITS_BYTES        (MAX_PHRASES / 8)
#define MAX_SCAN_ROWS     300   /* rows scored per pass, at most */
#define MAX_TOKEN_BYTES   64    /* longer tokens go through the tokenizer */
#define MAX_GROUP_HITS    16    /* places of a group in a row that proximity looks at */

typedef struct
{
  const char *text;        /* folded, as the index stores it */
  guint       n_chars;
  guint       doc_count;
  guint       first_char;  /* into Language.chars */
} VocabTerm;

typedef struct _CgStemmer CgStemmer;

/* A row's rowid is its place in library order: a key, with gaps of
 * ROW_SPACING between keys as built, so that a file added later finds
 * room between its neighbours. FTS5 gives rows in rowid order, which is
 * then library order, as a fresh build has it. The row's slot, the index
 * of the arrays below, which stays the same while the item lives, is
 * found from its rowid in slot_of_rowid. The gaps are small because
 * FTS5 stores each rowid as its difference from the one before: keys
 * spread over the whole range of 64 bits made that 9 bytes, not 2, in
 * every posting, and the index twice the size. */
#define ROW_SPACING    G_GINT64_CONSTANT (4096)
#define ROW_KEY_LIMIT  (G_GINT64_CONSTANT (1) << 62)
#define ROW_SLOT_LIMIT (G_MAXUINT32 / 2)

typedef struct
{
  char          *code;
  GPtrArray     *shards;       /* of Shard, in rowid order */
  gint64         n_rows;       /* rows there are */
  guint          n_slots;      /* slots there are, a row's or free */
  GArray        *free_slots;   /* of guint */
  gint64        *rowids;       /* slot → its row's rowid, 0 when free */
  GHashTable    *slot_of_rowid; /* rowid (gint64 *) → slot, of the rows there are */
  GPtrArray     *items;        /* slot - 1 → CgItem, or NULL when free */
  guint         *lengths;      /* slot → tokens in the row */
  guint8        *is_faq;       /* slot → whether it is a FAQ entry */
  guint8        *title_words;  /* slot → content words in its title, at most 255 */
  char        ***head_function_words; /* slot → function words its title and keywords open with */
  GPtrArray    **question_keywords;   /* slot → GStrv per keyword that opens with function
                                       * words: those, "", then its other words */
  double         avgdl;
  GPtrArray     *synonyms;     /* of GPtrArray (a group) of GStrv (one term's tokens) */
  GHashTable    *phrase_counts; /* synonym of several words → rows that have it */
  GStringChunk  *strings;
  VocabTerm     *vocab;        /* sorted by text, bytewise */
  guint          n_vocab;
  GHashTable    *vocab_index;  /* text → VocabTerm */
  gunichar      *chars;
  GHashTable    *stopwords;    /* folded function words: set */
  GPtrArray     *frames;       /* of GStrv: question frames, function words only together */
  CgStemmer     *stemmer;      /* NULL: words are searched as written */
  GHashTable    *stem_forms;   /* stem → GPtrArray of the vocabulary's words with it */
  GHashTable    *word_stems;   /* folded word of the vocabulary → its stem, in stem_forms */
} Language;

/* The slot of a row there is; 0 for none. */
static inline guint
cg_search_row_slot (Language *lang,
                    gint64    rowid)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (lang->slot_of_rowid, &rowid));
}

typedef struct _VocabCounter VocabCounter;

/* Rows [first_row, last_row] of a language (rowids; while it is built,
 * slots), in a database of their own: tables fts (title, keywords,
 * body) and heads (title, keywords). */
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
  double     weight;      /* 1 for a word as typed or a synonym, less for another form */
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
  double    *group_title_idf; /* scratch: n_groups, the best idf of a phrase in the title */
  double    *group_idf;     /* the best idf of each group's phrases */
  guint     *group_hits;    /* scratch: n_groups × MAX_GROUP_HITS, where each group was found */
  guint8    *group_n_hits;  /* scratch: n_groups */
  GPtrArray *function_words; /* folded function words the question opens with, which match nothing */
  GHashTable *word_groups;   /* one-word phrase → its group + 1; NULL in a subset */
  gboolean   literal;        /* all function words, searched as words in titles and keywords */
  guint8     row_bits[BITS_BYTES];  /* the phrases found in the last row scored */
  guint      row_body_groups;       /* how many groups it has in its body */
} Plan;

/* A word of the query, or the words of a synonym term. */
typedef struct
{
  guint       first;       /* tokens [first, last] */
  guint       last;
  GPtrArray  *groups;      /* the synonym groups it names, or NULL */
} Unit;

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

  /* One thread at a time: the UI's searches, a reload worker's changes
   * (see cg-content-watcher.c). Every public function holds it. */
  GMutex         lock;
  GThread       *writer;         /* that built or last changed it, for the tests */
};

typedef int (*TokenCallback) (void       *user_data,
                              int         flags,
                              const char *token,
                              int         n_token,
                              int         start,
                              int         end);

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

/* cg-search-index.c */
gboolean        cg_search_set_sqlite_error        (GError              **error,
                                                   sqlite3              *db,
                                                   const char           *what);
gboolean        cg_search_exec_sql                (sqlite3              *db,
                                                   const char           *sql,
                                                   GError              **error);
Language       *cg_search_find_language           (CgSearchIndex        *self,
                                                   const char           *code);

/* cg-search-tokenizer.c */
void            cg_search_init_fold_table         (void);
int             cg_search_tokenize_text           (const fts5_tokenizer *tokenizer_class,
                                                   Fts5Tokenizer        *tokenizer,
                                                   const char           *text,
                                                   gsize                 length,
                                                   int                   flags,
                                                   void                 *user_data,
                                                   TokenCallback         callback);
GArray         *cg_search_tokenize                (CgSearchIndex        *self,
                                                   const char           *text,
                                                   int                   flags,
                                                   guint                 max_tokens);
char          **cg_search_tokenize_term           (CgSearchIndex        *self,
                                                   const char           *term);

/* cg-search-scoring.c */
sqlite3        *cg_search_open_connection         (CgSearchIndex        *self,
                                                   fts5_api            **fts5,
                                                   GError              **error);

/* cg-search-vocabulary.c */
extern const fts5_tokenizer cg_search_counting_tokenizer_class;

VocabCounter   *cg_search_vocab_counter_new       (guint                *lengths);
void            cg_search_vocab_counter_free      (VocabCounter         *counter);
void            cg_search_vocab_counter_set_row   (VocabCounter         *counter,
                                                   guint                 row);
void            cg_search_take_counts             (Language             *lang);
gboolean        cg_search_apply_counts            (Language             *lang,
                                                   VocabCounter         *removed,
                                                   VocabCounter         *added);
guint           cg_search_vocab_lower_bound       (Language             *lang,
                                                   const char           *prefix);
gint64          cg_search_token_doc_count         (Language             *lang,
                                                   const char           *token,
                                                   gboolean              prefix);

/* cg-search-stemmer.c */
CgStemmer      *cg_search_stemmer_new             (const char           *language);
void            cg_search_stemmer_free            (CgStemmer            *stemmer);
char           *cg_search_stemmer_stem            (CgStemmer            *stemmer,
                                                   const char           *word);
gboolean        cg_search_stemmer_needs_text      (CgStemmer            *stemmer);
GHashTable     *cg_search_load_stopwords          (CgSearchIndex        *self,
                                                   const char           *language,
                                                   GPtrArray           **frames);
void            cg_search_build_stems             (CgSearchIndex        *self,
                                                   Language             *lang);
GPtrArray      *cg_search_stem_forms              (Language             *lang,
                                                   const char           *token,
                                                   const char           *typed);
gboolean        cg_search_is_function_word        (Language             *lang,
                                                   const char           *token);

/* cg-search-correction.c */
char           *cg_search_correct_tokens          (Language             *lang,
                                                   const char           *text,
                                                   GArray               *tokens,
                                                   gboolean              last_is_prefix);

/* cg-search-plan.c */
GArray         *cg_search_find_units              (Language             *lang,
                                                   GArray               *tokens);
void            cg_search_units_free              (GArray               *units);
void            cg_search_phrase_free             (gpointer              data);
void            cg_search_plan_free               (Plan                 *plan);
Plan           *cg_search_build_plan              (Language             *lang,
                                                   GArray               *tokens,
                                                   gboolean              last_is_prefix);
Plan           *cg_search_build_plan_full         (Language             *lang,
                                                   GArray               *tokens,
                                                   gboolean              last_is_prefix,
                                                   gboolean              stems);
gint64          cg_search_plan_upper_bound        (Plan                 *plan,
                                                   gboolean              all);
Plan           *cg_search_plan_rare_groups        (Plan                 *plan);
void            cg_search_append_phrase           (GString              *out,
                                                   const Phrase         *phrase);
char           *cg_search_build_expression        (Plan                 *plan,
                                                   gboolean              all);

/* cg-search-scan.c */
gboolean        cg_search_run_plan                (CgSearchIndex        *self,
                                                   Plan                 *plan,
                                                   guint                 limit,
                                                   GListStore           *store,
                                                   GError              **error);

gint64          cg_search_plan_count_all          (Plan                 *plan);

/* cg-search-snippet.c */
char           *cg_search_make_snippet            (CgSearchIndex        *self,
                                                   Plan                 *plan,
                                                   CgItem               *item,
                                                   guint                 target,
                                                   gboolean              complete,
                                                   gboolean              guessing,
                                                   GArray               *ranges,
                                                   guint8               *found);

/* cg-search-shards.c */
void            cg_search_shard_free              (gpointer              data);
gboolean        cg_search_build_language          (CgSearchIndex        *self,
                                                   Language             *lang,
                                                   CgLibrary            *library,
                                                   GError              **error);
gboolean        cg_search_replace_rows            (CgSearchIndex        *self,
                                                   Language             *lang,
                                                   GPtrArray            *old_items,
                                                   GPtrArray            *new_items,
                                                   GError              **error);
gboolean        cg_search_update_rows             (CgSearchIndex        *self,
                                                   Language             *lang,
                                                   CgLibrary            *library,
                                                   GPtrArray            *old_items,
                                                   GPtrArray            *new_items,
                                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plan, cg_search_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VocabCounter, cg_search_vocab_counter_free)

G_END_DECLS
