/* cg-near-miss.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-near-miss.h"

/* "Did you mean …?" for content editors: the nearest element name to a
 * misspelt one, the nearest id to a link that leads nowhere. The search's
 * spelling correction (cg-search-correction.c) has its own distance,
 * pruned along a sorted vocabulary of thousands of words; these lists are
 * short, so the plain table is enough and easier to trust. */

/**
 * cg_near_miss_distance:
 *
 * Returns: the optimal string alignment distance between @a and @b, in
 *   characters: insertions, deletions, substitutions and swaps of two
 *   neighbours each count one
 */
guint
cg_near_miss_distance (const char *a,
                       const char *b)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  g_autofree guint *rows = NULL;
  glong m = 0, n = 0;
  guint result;

  g_return_val_if_fail (a != NULL && b != NULL, G_MAXUINT);

  ua = g_utf8_to_ucs4_fast (a, -1, &m);
  ub = g_utf8_to_ucs4_fast (b, -1, &n);

  /* Three rows: the swap looks two back. */
  rows = g_new0 (guint, 3 * (n + 1));
#define ROW(i) (rows + ((i) % 3) * (n + 1))
  for (glong j = 0; j <= n; j++)
    ROW (0)[j] = (guint) j;

  for (glong i = 1; i <= m; i++)
    {
      guint *row = ROW (i), *up = ROW (i - 1), *up2 = ROW (i + 1);

      row[0] = (guint) i;
      for (glong j = 1; j <= n; j++)
        {
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;
          guint best = MIN (MIN (up[j] + 1, row[j - 1] + 1), up[j - 1] + cost);

          if (i > 1 && j > 1 && ua[i - 1] == ub[j - 2] && ua[i - 2] == ub[j - 1])
            best = MIN (best, up2[j - 2] + 1);
          row[j] = best;
        }
    }

  result = ROW (m)[n];
#undef ROW

  return result;
}

/**
 * cg_near_miss_find:
 * @word: what the editor wrote
 * @candidates: what is known, %NULL-terminated
 * @max_distance: the largest distance still worth suggesting
 *
 * Returns: (nullable) (transfer none): the candidate nearest to @word
 *   within @max_distance (the first of equals), or %NULL when none is
 *   near or @word is itself a candidate
 */
const char *
cg_near_miss_find (const char         *word,
                   const char * const *candidates,
                   guint               max_distance)
{
  const char *best = NULL;
  guint best_distance = max_distance + 1;

  g_return_val_if_fail (word != NULL, NULL);

  for (guint i = 0; candidates != NULL && candidates[i] != NULL; i++)
    {
      guint distance = cg_near_miss_distance (word, candidates[i]);

      if (distance == 0)
        return NULL;
      if (distance < best_distance)
        {
          best = candidates[i];
          best_distance = distance;
        }
    }

  return best;
}
