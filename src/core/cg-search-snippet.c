/* cg-search-snippet.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-bidi.h"
#include "cg-search-internal.h"

/* Snippets
 *
 * The few words of a result that show why it was found, cut in C from
 * the item's own text on word boundaries, with the ranges of the hits to
 * highlight. Every result gets one on every keystroke, so the text is
 * read in place and only as far as needed. */

#define SNIPPET_TOKENS    16
#define SNIPPET_LEAD      3     /* words shown before the first hit */
#define SNIPPET_READ      80    /* words read for a good window, once one has a hit */
#define MAX_SNIPPET_HITS  64

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
char *
cg_search_make_snippet (CgSearchIndex *self,
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
      if (cg_search_tokenize_text (&self->tokenizer_class, self->tokenizer, piece->text, piece->length,
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
  /* Cut inside an isolated phone number, the snippet would show it
   * reversed in Arabic (cg-bidi.c). */
  base += cg_bidi_balance (out, base);
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
