/* cg-search-vocabulary.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-search-internal.h"

/* Counting the vocabulary
 *
 * Reading the vocabulary back from fts5vocab walks every posting list of
 * the index, a tenth of the time it takes to build. Instead the fts
 * tables tokenize through a tokenizer of ours, which passes each token
 * of unicode61 on to FTS5 and counts it on the way: the rows each term is
 * in, what fts5vocab would say, and the tokens of each row, what FTS5
 * would keep in its docsize table. That costs a hash lookup a token, on
 * the thread that inserts the row; tokenizing the text a second time on
 * a thread of its own cost a core, which the shards now use.
 *
 * The counts end up as one array of terms sorted bytewise: the query plan
 * reads document frequencies and completions there, and typo correction
 * walks it like a trie. */

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

VocabCounter *
cg_search_vocab_counter_new (guint *lengths)
{
  VocabCounter *counter = g_new0 (VocabCounter, 1);

  counter->slots = g_new0 (TermCount, MIN_TERM_SLOTS);
  counter->mask = MIN_TERM_SLOTS - 1;
  counter->strings = g_string_chunk_new (64 * 1024);
  counter->lengths = lengths;

  return counter;
}

void
cg_search_vocab_counter_free (VocabCounter *counter)
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

static guint64
term_hash (const char *text,
           guint       length,
           guint64    *head_out)
{
  guint64 head = 0, hash;
  guint i;

  for (i = 0; i < MIN (length, 8); i++)
    head |= (guint64) (guint8) text[i] << (8 * i);

  /* FNV-1a over the rest. */
  hash = head * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  for (; i < length; i++)
    hash = (hash ^ (guint8) text[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  hash ^= hash >> 32;

  *head_out = head;

  return hash;
}

/* The slot of a term, or the free slot where it would go. */
static TermCount *
vocab_counter_slot (VocabCounter *counter,
                    const char   *text,
                    guint         length)
{
  guint64 head, hash = term_hash (text, length, &head);
  TermCount *term;
  guint i;

  for (i = (guint32) hash & counter->mask; counter->slots[i].text != NULL; i = (i + 1) & counter->mask)
    {
      term = &counter->slots[i];
      if (term->hash == (guint32) hash && term->head == head && term->length == length &&
          (length <= 8 || memcmp (term->text + 8, text + 8, length - 8) == 0))
        return term;
    }

  term = &counter->slots[i];
  term->head = head;
  term->hash = (guint32) hash;

  return term;
}

static TermCount *
vocab_counter_lookup (VocabCounter *counter,
                      const char   *text,
                      guint         length)
{
  TermCount *term;

  if (counter->n_terms >= (counter->mask + 1) / 4 * 3)
    vocab_counter_grow (counter);

  term = vocab_counter_slot (counter, text, length);
  if (term->text == NULL)
    {
      term->text = g_string_chunk_insert_len (counter->strings, text, length);
      term->length = length;
      counter->n_terms++;
    }

  return term;
}

/* How many rows of @counter have the term; it adds nothing. */
static guint32
vocab_counter_find_count (VocabCounter *counter,
                          const char   *text,
                          guint         length)
{
  TermCount *term = vocab_counter_slot (counter, text, length);

  return term->text != NULL ? term->doc_count : 0;
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

void
cg_search_vocab_counter_set_row (VocabCounter *counter,
                                 guint         row)
{
  counter->row = row;
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

const fts5_tokenizer cg_search_counting_tokenizer_class = {
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

      /* A term no row has any more, after a row was replaced, is gone. */
      if (count->text == NULL || count->doc_count == 0 || !g_utf8_validate (count->text, -1, NULL))
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

/* The shards' counts, as one vocabulary and the mean row length. */
void
cg_search_take_counts (Language *lang)
{
  Shard *first = g_ptr_array_index (lang->shards, 0);

  for (guint s = 1; s < lang->shards->len; s++)
    {
      Shard *shard = g_ptr_array_index (lang->shards, s);

      vocab_counter_merge (first->counter, shard->counter);
      g_clear_pointer (&shard->counter, cg_search_vocab_counter_free);
    }

  take_vocabulary (lang, first->counter);
  lang->avgdl = lang->n_rows > 0 ? MAX ((double) first->counter->n_tokens / (double) lang->n_rows, 1.0) : 1.0;
  g_clear_pointer (&first->counter, cg_search_vocab_counter_free);
}

/* After rows were replaced: @removed counted the old rows, @added the
 * new ones. The doc counts change in place while the words stay the
 * same; a word new to the index, or one no row has any more, means
 * sorting the vocabulary again, as a full build would have it.
 *
 * Returns: %TRUE when the words changed: the old VocabTerms and their
 *   strings are gone, and whatever points into them (the stems) must be
 *   built again */
gboolean
cg_search_apply_counts (Language     *lang,
                        VocabCounter *removed,
                        VocabCounter *added)
{
  g_autoptr(VocabCounter) counter = NULL;
  gboolean same_words = TRUE;
  guint64 n_tokens = 0;

  for (guint i = 0; same_words && i <= added->mask; i++)
    if (added->slots[i].text != NULL && g_utf8_validate (added->slots[i].text, -1, NULL) &&
        !g_hash_table_contains (lang->vocab_index, added->slots[i].text))
      same_words = FALSE;

  for (guint i = 0; same_words && i <= removed->mask; i++)
    {
      const TermCount *count = &removed->slots[i];
      VocabTerm *term;
      guint32 gain = 0;

      if (count->text == NULL || (term = g_hash_table_lookup (lang->vocab_index, count->text)) == NULL)
        continue;
      gain = vocab_counter_find_count (added, count->text, count->length);
      if (term->doc_count + gain <= count->doc_count)
        same_words = FALSE;
    }

  if (same_words)
    {
      for (guint i = 0; i <= removed->mask; i++)
        {
          VocabTerm *term;

          if (removed->slots[i].text != NULL &&
              (term = g_hash_table_lookup (lang->vocab_index, removed->slots[i].text)) != NULL)
            term->doc_count -= removed->slots[i].doc_count;
        }
      for (guint i = 0; i <= added->mask; i++)
        {
          VocabTerm *term;

          if (added->slots[i].text != NULL &&
              (term = g_hash_table_lookup (lang->vocab_index, added->slots[i].text)) != NULL)
            term->doc_count += added->slots[i].doc_count;
        }
    }
  else
    {
      counter = cg_search_vocab_counter_new (NULL);
      for (guint i = 0; i < lang->n_vocab; i++)
        vocab_counter_lookup (counter, lang->vocab[i].text, strlen (lang->vocab[i].text))->doc_count =
          lang->vocab[i].doc_count;

      for (guint i = 0; i <= removed->mask; i++)
        if (removed->slots[i].text != NULL)
          {
            TermCount *term = vocab_counter_lookup (counter, removed->slots[i].text, removed->slots[i].length);

            term->doc_count -= MIN (term->doc_count, removed->slots[i].doc_count);
          }
      vocab_counter_merge (counter, added);

      g_clear_pointer (&lang->vocab_index, g_hash_table_unref);
      g_clear_pointer (&lang->vocab, g_free);
      g_clear_pointer (&lang->chars, g_free);
      g_clear_pointer (&lang->strings, g_string_chunk_free);
      lang->strings = g_string_chunk_new (4096);
      take_vocabulary (lang, counter);
    }

  /* A free slot counts no tokens. */
  for (guint slot = 1; slot <= lang->n_slots; slot++)
    n_tokens += lang->lengths[slot];
  lang->avgdl = lang->n_rows > 0 ? MAX ((double) n_tokens / (double) lang->n_rows, 1.0) : 1.0;

  return !same_words;
}

/* The first term at or after @prefix, bytewise. */
guint
cg_search_vocab_lower_bound (Language   *lang,
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
gint64
cg_search_token_doc_count (Language   *lang,
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
  for (guint i = cg_search_vocab_lower_bound (lang, token);
       i < lang->n_vocab && strncmp (lang->vocab[i].text, token, length) == 0 && count < lang->n_rows;
       i++)
    count += lang->vocab[i].doc_count;

  return MIN (count, lang->n_rows);
}
