/* cg-search-scan.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-search-internal.h"

/* Running a plan
 *
 * Rows arrive in rowid order, shard after shard, and the best are kept
 * in C, so nothing is sorted; no pass scores more than MAX_SCAN_ROWS rows.
 * Titles and keywords are looked at first when many rows match, then
 * every row; then, if there is room, rows with only the rarest words.
 * The rows kept become results, with their snippets. */

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
      cg_search_set_sqlite_error (error, shard->db, _("the search failed"));
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
      CgItem *item = g_ptr_array_index (plan->lang->items, cg_search_row_slot (plan->lang, candidate->rowid) - 1);
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

      snippet = cg_search_make_snippet (self, plan, item, target, complete, guessing, ranges, groups);
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

/* How many rows have every group of @plan: whether a corrected query
 * finds more than the query as typed. */
gint64
cg_search_plan_count_all (Plan *plan)
{
  g_autofree char *all = NULL;
  gint64 count = 0;

  if (plan->phrases->len == 0)
    return 0;

  all = cg_search_build_expression (plan, TRUE);
  for (guint s = 0; s < plan->lang->shards->len; s++)
    {
      Shard *shard = g_ptr_array_index (plan->lang->shards, s);

      sqlite3_reset (shard->count_rows);
      sqlite3_bind_text (shard->count_rows, 1, all, -1, SQLITE_STATIC);
      if (sqlite3_step (shard->count_rows) == SQLITE_ROW)
        count += sqlite3_column_int64 (shard->count_rows, 0);
      sqlite3_reset (shard->count_rows);
      sqlite3_clear_bindings (shard->count_rows);
    }

  return count;
}

/* Items with every word in the title or keywords, then with every word
 * anywhere; then, if there is room, items with some of the words, in the
 * same order. */
gboolean
cg_search_run_plan (CgSearchIndex  *self,
                    Plan           *plan,
                    guint           limit,
                    GListStore     *store,
                    GError        **error)
{
  g_autoptr(GHashTable) exclude = g_hash_table_new (NULL, NULL);
  g_autofree char *all = NULL;

  if (plan->phrases->len == 0)
    return TRUE;

  /* Function words are in most rows: only a title or a keyword that
   * asks the same way ("Where is the clinic?") is worth showing. */
  if (plan->literal)
    {
      g_autoptr(Plan) rare = cg_search_plan_rare_groups (plan);
      g_autofree char *any = cg_search_build_expression (rare, FALSE);

      return rare->phrases->len == 0 ||
             run_pass (self, rare, TRUE, any, TRUE, limit, exclude, store, error);
    }

  /* When every matching row can be scored, the scores alone put title
   * matches first; only a larger set needs the titles looked at first. */
  all = cg_search_build_expression (plan, TRUE);
  if ((cg_search_plan_upper_bound (plan, TRUE) > MAX_SCAN_ROWS &&
       !run_pass (self, plan, TRUE, all, FALSE, limit, exclude, store, error)) ||
      !run_pass (self, plan, FALSE, all, FALSE, limit, exclude, store, error))
    return FALSE;

  if (plan->n_groups > 1 && g_list_model_get_n_items (G_LIST_MODEL (store)) < limit)
    {
      g_autoptr(Plan) rare = cg_search_plan_rare_groups (plan);
      g_autofree char *any = cg_search_build_expression (rare, FALSE);

      if (rare->phrases->len == 0)
        return TRUE;

      if ((cg_search_plan_upper_bound (rare, FALSE) > MAX_SCAN_ROWS &&
           !run_pass (self, rare, TRUE, any, TRUE, limit, exclude, store, error)) ||
          !run_pass (self, rare, FALSE, any, TRUE, limit, exclude, store, error))
        return FALSE;
    }

  return TRUE;
}
