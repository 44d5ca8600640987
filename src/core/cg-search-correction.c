/* cg-search-correction.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-search-internal.h"

/* Typo correction
 *
 * A word that matches nothing makes a full match impossible, so it is
 * replaced by the nearest word of the vocabulary and the corrected query
 * is offered as a suggestion. It runs on every keystroke over the whole
 * vocabulary, hence the distance in C over the sorted vocabulary, where
 * most words can be skipped. */

#define MAX_WORD_CHARS    48    /* longer words are not corrected */
#define MIN_TYPO_CHARS    4     /* shorter words have too many neighbours */
#define LONG_WORD_CHARS   8     /* from here on, two edits are allowed */

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

/* Replaces every word that can match nothing by its nearest neighbour in
 * the vocabulary; returns the corrected query, or %NULL. */
char *
cg_search_correct_tokens (Language   *lang,
                          const char *text,
                          GArray     *tokens,
                          gboolean    last_is_prefix)
{
  GArray *units = cg_search_find_units (lang, tokens);
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

          /* A word that matches something, as written or by its stem,
           * is not a typo; nor is a function word, which decides
           * nothing. */
          if (cg_search_token_doc_count (lang, token->text, prefix) > 0 ||
              cg_search_stem_forms (lang, token->text, NULL) != NULL ||
              cg_search_is_function_word (lang, token->text))
            continue;

          /* Nor is a correction into a function word any help: "does"
           * is not "des". */
          correction = find_correction (lang, token->text, prefix);
          if (correction == NULL || cg_search_is_function_word (lang, correction->text))
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

  cg_search_units_free (units);

  if (corrected == NULL)
    return NULL;

  g_string_append (corrected, text + copied);

  return g_string_free (corrected, FALSE);
}
