/* cg-search-scoring.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-search-internal.h"

/* Scoring: the FTS5 auxiliary function cg_score(), the connections it
 * is registered on, and the SQLite helpers every part uses on them.
 *
 * A BM25 with column weights plus a bonus for a word in the title or the
 * keywords, the best synonym of a group counting once. It reads only the
 * phrase positions of the row: document frequencies come from the
 * vocabulary and row lengths from an array, both kept in memory, so a
 * row costs the same however large the library. */

#define BM25_K1 1.2
#define BM25_B  0.75
#define TITLE_COVERAGE_WEIGHT 3.0
#define FAQ_COVERAGE_WEIGHT   4.5
#define FRAME_WEIGHT          0.3
#define KEYWORD_COVERAGE      0.7   /* a keyword that is all that was asked, against a title */
#define PROXIMITY_WEIGHT      1.0
#define PROXIMITY_SPAN        3     /* "improves scars", "improve the look of scars" */

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
  guint slot;
  double norm, score = 0.0;
  guint n_phrases, length;

  if (plan == NULL)
    {
      sqlite3_result_double (ctx, 0.0);
      return;
    }

  lang = plan->lang;
  rowid = api->xRowid (fts);
  slot = cg_search_row_slot (lang, rowid);
  length = slot >= 1 && slot <= lang->n_slots ? lang->lengths[slot] : (guint) lang->avgdl;
  norm = BM25_K1 * (1.0 - BM25_B + BM25_B * (double) length / lang->avgdl);

  n_phrases = MIN ((guint) MAX (api->xPhraseCount (fts), 0), plan->phrases->len);

  memset (plan->row_bits, 0, sizeof plan->row_bits);
  memset (plan->group_score, 0, sizeof (double) * plan->n_groups);
  memset (plan->group_in_body, 0, plan->n_groups);
  memset (plan->group_title_idf, 0, sizeof (double) * plan->n_groups);
  memset (plan->group_n_hits, 0, plan->n_groups);
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
          {
            guint8 *n_hits = &plan->group_n_hits[phrase->group];

            counts[column]++;
            if (*n_hits < MAX_GROUP_HITS)
              plan->group_hits[phrase->group * MAX_GROUP_HITS + (*n_hits)++] =
                ((guint) column << 24) | (guint) MIN (offset, 0xffffff);
          }

      for (guint c = 0; c < N_COLUMNS; c++)
        if (counts[c] > 0)
          {
            f += column_weights[c] * counts[c];
            bonus = MAX (bonus, column_bonus[c]);
          }

      if (f == 0.0)
        continue;

      set_bit (plan->row_bits, p);
      if (counts[COLUMN_TITLE] > 0)
        plan->group_title_idf[phrase->group] = MAX (plan->group_title_idf[phrase->group],
                                                    plan->group_idf[phrase->group] * phrase->weight);
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

  /* Words asked about together, found together in the order asked
   * ("improves scars", "redness … last"), say more than the same words
   * apart: a section about them rather than two mentions. */
  for (guint g = 0; score > 0.0 && g + 1 < plan->n_groups; g++)
    {
      const guint *from = plan->group_hits + g * MAX_GROUP_HITS;
      const guint *to = plan->group_hits + (g + 1) * MAX_GROUP_HITS;
      gboolean near = FALSE;

      for (guint a = 0; !near && a < plan->group_n_hits[g]; a++)
        for (guint b = 0; !near && b < plan->group_n_hits[g + 1]; b++)
          near = to[b] > from[a] && to[b] - from[a] <= PROXIMITY_SPAN;

      if (near)
        score += PROXIMITY_WEIGHT * MIN (plan->group_idf[g], plan->group_idf[g + 1]);
    }

  /* A keyword such as "what can it treat" is a question the row says it
   * answers: when it is asked the same way, about nothing else than was
   * asked, it covers its words as a title would. A keyword without a
   * frame ("price") does when it is all that was asked. */
  if (score > 0.0 && plan->word_groups != NULL && slot >= 1 && slot <= lang->n_slots &&
      lang->question_keywords[slot] != NULL)
    {
      GPtrArray *questions = lang->question_keywords[slot];

      for (guint q = 0; q < questions->len; q++)
        {
          char **words = g_ptr_array_index (questions, q);
          gboolean same_way = FALSE, all_asked = TRUE;
          guint k = 0, n_words = 0;
          guint64 groups = 0;

          for (; words[k] != NULL && words[k][0] != '\0'; k++)
            if (g_ptr_array_find_with_equal_func (plan->function_words, words[k], g_str_equal, NULL))
              same_way = TRUE;
          if (words[k] == NULL)
            continue;
          for (guint c = k + 1; all_asked && words[c] != NULL; c++)
            {
              guint g = GPOINTER_TO_UINT (g_hash_table_lookup (plan->word_groups, words[c]));

              all_asked = g != 0;
              if (all_asked && g <= 64)
                groups |= G_GUINT64_CONSTANT (1) << (g - 1);
              n_words++;
            }
          if (!all_asked)
            continue;
          if (!same_way && (k > 0 || n_words != plan->n_groups || plan->n_groups > 64 ||
                            (guint) __builtin_popcountll (groups) != plan->n_groups))
            continue;
          for (guint c = k + 1; words[c] != NULL; c++)
            {
              guint g = GPOINTER_TO_UINT (g_hash_table_lookup (plan->word_groups, words[c])) - 1;

              plan->group_title_idf[g] = MAX (plan->group_title_idf[g],
                                              plan->group_idf[g] * (same_way ? 1.0 : KEYWORD_COVERAGE));
            }
        }
    }

  /* A question close to what was typed: a title that has the rarer of
   * the words asked about answers the question better than a body that
   * has them all, so "stretch marks" in "Does microneedling work on
   * stretch marks?" outweighs "help" in a text about sweating. */
  if (plan->n_groups > 0)
    {
      double covered = 0.0, total = 0.0, closeness;
      guint in_title = 0, title_words;

      for (guint g = 0; g < plan->n_groups; g++)
        {
          total += plan->group_idf[g];
          covered += plan->group_title_idf[g];
          if (plan->group_title_idf[g] > 0.0)
            in_title++;
        }

      /* "What is microneedling?" is closer to "what is microneedling"
       * than "Is microneedling the same as a dermaroller or a derma pen?",
       * whose other words were not asked about. */
      title_words = slot >= 1 && slot <= lang->n_slots ? lang->title_words[slot] : 0;
      closeness = title_words > 0 ? MIN (1.0, (double) in_title / title_words) : 1.0;
      covered *= 0.5 + 0.5 * closeness;

      /* A FAQ entry's title is a question and its answer is short: as
       * close a question, it comes before an article. */
      if (total > 0.0)
        score += (lang->is_faq[slot >= 1 && slot <= lang->n_slots ? slot : 0] ? FAQ_COVERAGE_WEIGHT
                                                                              : TITLE_COVERAGE_WEIGHT) *
                 covered * (covered / total);
    }

  /* Function words never make a match, but among the rows that match
   * the words asked about, one whose title or a keyword opens the same
   * way ("what can …", "how does …") is a little closer to the question.
   * A small share of the score: it reorders rows of about the same worth
   * and cannot lift a row that matched little. */
  if (score > 0.0 && plan->function_words->len > 0 && slot >= 1 && slot <= lang->n_slots)
    {
      char **asked = lang->head_function_words[slot];
      guint shared = 0;

      for (guint w = 0; w < plan->function_words->len; w++)
        if (g_strv_contains ((const char * const *) asked, g_ptr_array_index (plan->function_words, w)))
          shared++;

      score *= 1.0 + FRAME_WEIGHT * shared / plan->function_words->len;
    }

  sqlite3_result_double (ctx, score);
}

/* An in-memory database with FTS5 and our ranking function: the one that
 * tokenizes queries, and every shard's. Each is used by one thread at a
 * time, so SQLite need not lock it. */
sqlite3 *
cg_search_open_connection (CgSearchIndex  *self,
                           fts5_api      **fts5,
                           GError        **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *fts5 = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                       SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      cg_search_set_sqlite_error (error, db, _("cannot open the database"));
      return NULL;
    }

  if (!cg_search_exec_sql (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                               "PRAGMA temp_store = MEMORY;", error))
    return NULL;

  /* The documented way to reach the FTS5 C API of this connection. */
  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_search_set_sqlite_error (error, db, _("FTS5 is not available"));
      return NULL;
    }
  sqlite3_bind_pointer (stmt, 1, (void *) fts5, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);

  if (*fts5 == NULL || (*fts5)->iVersion < 2)
    {
      cg_search_set_sqlite_error (error, db, _("FTS5 is not available"));
      return NULL;
    }

  if ((*fts5)->xCreateFunction (*fts5, "cg_score", self, score_function, NULL) != SQLITE_OK)
    {
      cg_search_set_sqlite_error (error, db, _("cannot register the ranking function"));
      return NULL;
    }

  return g_steal_pointer (&db);
}

/* SQLite helpers for every part that talks to a connection */

gboolean
cg_search_set_sqlite_error (GError     **error,
                            sqlite3     *db,
                            const char  *what)
{
  g_set_error (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_FAILED,
               /* Translators: the first %s says what failed, the second is SQLite's message. */
               _("Search index: %s: %s"), what, db ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

gboolean
cg_search_exec_sql (sqlite3     *db,
                    const char  *sql,
                    GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return cg_search_set_sqlite_error (error, db, sql);

  return TRUE;
}
