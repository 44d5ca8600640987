/* cg-search-tokenizer.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-search-internal.h"

/* Tokenizing, with the very tokenizer the tables use: what was typed, a
 * synonym of the library, the text a snippet is cut from and the text
 * the article view highlights are cut into words exactly as FTS5 cut the
 * rows, or a word would match in one place and not in another. */

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

void
cg_search_init_fold_table (void)
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
int
cg_search_tokenize_text (const fts5_tokenizer *tokenizer_class,
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

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_clear_pointer (&token->text, g_free);
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

GArray *
cg_search_tokenize (CgSearchIndex *self,
                    const char    *text,
                    int            flags,
                    guint          max_tokens)
{
  TokenizeContext ctx = { text, NULL, max_tokens };
  gsize length = strlen (text);

  ctx.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_array_set_clear_func (ctx.tokens, token_clear);

  (void) cg_search_tokenize_text (&self->tokenizer_class, self->tokenizer, text, length, flags,
                                  &ctx, tokenize_cb);

  return ctx.tokens;
}

char **
cg_search_tokenize_term (CgSearchIndex *self,
                         const char    *term)
{
  g_autoptr(GArray) tokens = cg_search_tokenize (self, term, FTS5_TOKENIZE_DOCUMENT, MAX_QUERY_TOKENS);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (tokens->len == 0)
    return NULL;

  for (guint i = 0; i < tokens->len; i++)
    g_strv_builder_add (builder, g_array_index (tokens, Token, i).text);

  return g_strv_builder_end (builder);
}
