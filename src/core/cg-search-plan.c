/* cg-search-plan.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-search-internal.h"

/* Turning what was typed into a plan
 *
 * People type questions, not FTS5 syntax. Each word becomes a group: a
 * phrase, or, when the words name a synonym, an OR of every term of the
 * synonym group; the last word is a prefix while it is being typed.
 * Every token is quoted in the MATCH expression, so no character typed
 * can be an operator. The plan also estimates how common each phrase is,
 * which scoring and the choice of passes need. */

#define MAX_INDEXED_PREFIX 2    /* prefix = '2' */
#define MAX_COMPLETIONS   8
#define COMPLETION_WEIGHT 0.7   /* a longer word than the one typed counts less */
#define STEM_FORM_WEIGHT  0.8   /* so does another word with its stem */
#define SYNONYM_WEIGHT    0.8   /* and a synonym, in a title */

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

void
cg_search_units_free (GArray *units)
{
  for (guint i = 0; i < units->len; i++)
    g_clear_pointer (&g_array_index (units, Unit, i).groups, g_ptr_array_unref);
  g_array_unref (units);
}

/* Cuts the tokens into units: a word, or the longest run of whole words
 * that is a synonym term. */
GArray *
cg_search_find_units (Language *lang,
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

void
cg_search_phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_strfreev (phrase->tokens);
  g_free (phrase->lengths);
  g_free (phrase->term);
  g_free (phrase);
}

void
cg_search_plan_free (Plan *plan)
{
  g_clear_pointer (&plan->phrases, g_ptr_array_unref);
  g_clear_pointer (&plan->group_score, g_free);
  g_clear_pointer (&plan->group_in_body, g_free);
  g_clear_pointer (&plan->group_title_idf, g_free);
  g_clear_pointer (&plan->group_idf, g_free);
  g_clear_pointer (&plan->group_hits, g_free);
  g_clear_pointer (&plan->group_n_hits, g_free);
  g_clear_pointer (&plan->function_words, g_ptr_array_unref);
  g_clear_pointer (&plan->word_groups, g_hash_table_unref);
  g_free (plan);
}

static void
plan_alloc_scratch (Plan *plan)
{
  guint n = MAX (plan->n_groups, 1);

  plan->group_score = g_new0 (double, n);
  plan->group_in_body = g_new0 (guint8, n);
  plan->group_title_idf = g_new0 (double, n);
  plan->group_idf = g_new0 (double, n);
  plan->group_hits = g_new0 (guint, n * MAX_GROUP_HITS);
  plan->group_n_hits = g_new0 (guint8, n);

  for (guint p = 0; p < plan->phrases->len; p++)
    {
      const Phrase *phrase = g_ptr_array_index (plan->phrases, p);

      plan->group_idf[phrase->group] = MAX (plan->group_idf[phrase->group], phrase->idf);
    }
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
  phrase->weight = 1.0;
  phrase->term = phrase_to_term (phrase);

  /* A phrase is at most as common as its rarest word, unless we know. */
  if (!prefix && g_hash_table_lookup_extended (lang->phrase_counts, phrase->term, NULL, &known))
    phrase->doc_count = GPOINTER_TO_SIZE (known);
  else
    {
      phrase->doc_count = lang->n_rows;
      for (guint k = 0; k < phrase->n_tokens; k++)
        phrase->doc_count = MIN (phrase->doc_count,
                                 cg_search_token_doc_count (lang, tokens[k], prefix && k + 1 == phrase->n_tokens));
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
  for (guint i = cg_search_vocab_lower_bound (lang, last);
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
            {
              phrase->idf *= COMPLETION_WEIGHT;
              phrase->weight = COMPLETION_WEIGHT / 2.0;  /* and covers a title less */
            }
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

/* A word such as "can", "it" or "czy", which says how something is asked
 * rather than what about. A synonym term is never one. */
static gboolean
unit_is_function (Language     *lang,
                  GArray       *tokens,
                  const guint8 *in_frame,
                  Unit         *unit)
{
  if (unit->groups != NULL)
    return FALSE;

  for (guint k = unit->first; k <= unit->last; k++)
    if (!in_frame[k] && !cg_search_is_function_word (lang, g_array_index (tokens, Token, k).text))
      return FALSE;

  return TRUE;
}

/* The tokens that are part of a question frame ("does it work"). */
static guint8 *
find_frames (Language *lang,
             GArray   *tokens)
{
  guint8 *in_frame = g_new0 (guint8, MAX (tokens->len, 1));

  for (guint f = 0; lang->frames != NULL && f < lang->frames->len; f++)
    {
      char **frame = g_ptr_array_index (lang->frames, f);
      guint length = g_strv_length (frame);

      for (guint i = 0; i + length <= tokens->len; i++)
        if (term_matches_at (tokens, i, frame) && ends_word (tokens, i + length - 1) &&
            (i == 0 || g_array_index (tokens, Token, i - 1).word != g_array_index (tokens, Token, i).word))
          memset (in_frame + i, 1, length);
    }

  return in_frame;
}

Plan *
cg_search_build_plan (Language *lang,
                      GArray   *tokens,
                      gboolean  last_is_prefix)
{
  return cg_search_build_plan_full (lang, tokens, last_is_prefix, TRUE);
}

/* With @literal, function words are searched as any other word. */
static Plan *
build_plan (Language *lang,
            GArray   *tokens,
            gboolean  last_is_prefix,
            gboolean  stems,
            gboolean  literal)
{
  Plan *plan = g_new0 (Plan, 1);
  GArray *units = cg_search_find_units (lang, tokens);
  g_autofree guint8 *in_frame = find_frames (lang, tokens);
  guint first_function_unit = 0;   /* the question opens with units [0, this) */

  plan->lang = lang;
  plan->phrases = g_ptr_array_new_with_free_func (cg_search_phrase_free);
  plan->function_words = g_ptr_array_new_with_free_func (g_free);

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

      /* "can it help with stretch marks": the content words decide, and
       * function words alone match nothing. */
      if (!literal && unit_is_function (lang, tokens, in_frame, unit))
        {
          if (plan->n_groups > 0 || u > first_function_unit)
            continue;
          first_function_unit++;

          /* They still tell which of the rows that match is asked
           * about: see the score function. */
          for (guint k = unit->first; k <= unit->last; k++)
            {
              const char *text = g_array_index (tokens, Token, k).text;

              if (!g_ptr_array_find_with_equal_func (plan->function_words, text, g_str_equal, NULL))
                g_ptr_array_add (plan->function_words, g_strdup (text));
            }
          continue;
        }

      for (guint k = unit->first; k <= unit->last; k++)
        g_strv_builder_add (builder, g_array_index (tokens, Token, k).text);
      typed = g_strv_builder_end (builder);

      /* What was typed first, then its synonyms: matched terms come in
       * that order. */
      plan_add_typed (plan, plan->n_groups, typed, prefix);

      /* "bleed" finds "bleeding"; "blizna", "blizny". */
      if (stems && unit->first == unit->last)
        {
          GPtrArray *forms = cg_search_stem_forms (lang, typed[0], NULL);

          for (guint f = 0; forms != NULL && f < forms->len; f++)
            {
              const char *form[] = { g_ptr_array_index (forms, f), NULL };

              guint before = plan->phrases->len;

              plan_add_phrase (plan, plan->n_groups, (char * const *) form, FALSE);

              /* The word as typed is likelier than another of its
               * forms: "work" in "does it work" is not "works". */
              if (plan->phrases->len > before)
                {
                  Phrase *phrase = g_ptr_array_index (plan->phrases, before);

                  phrase->idf *= STEM_FORM_WEIGHT;
                  phrase->weight = STEM_FORM_WEIGHT;
                }
            }
        }

      for (guint g = 0; unit->groups != NULL && g < unit->groups->len; g++)
        {
          GPtrArray *group = g_ptr_array_index (unit->groups, g);

          for (guint t = 0; t < group->len; t++)
            {
              guint before = plan->phrases->len;

              plan_add_phrase (plan, plan->n_groups, g_ptr_array_index (group, t), FALSE);

              /* Another word for it covers a title a little less than
               * the word typed: "safe" in "Is microneedling safe?"
               * before "suitable for" in another question. */
              if (plan->phrases->len > before)
                ((Phrase *) g_ptr_array_index (plan->phrases, before))->weight = SYNONYM_WEIGHT;
            }
        }

      plan_drop_absent (plan, first_phrase);
      plan->n_groups++;
    }

  cg_search_units_free (units);

  plan->word_groups = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint p = 0; p < plan->phrases->len; p++)
    {
      Phrase *phrase = g_ptr_array_index (plan->phrases, p);

      if (phrase->n_tokens == 1 && !phrase->prefix)
        g_hash_table_insert (plan->word_groups, phrase->tokens[0], GUINT_TO_POINTER (phrase->group + 1));
    }

  plan_alloc_scratch (plan);

  return plan;
}

/* With @stems FALSE, only the words as typed and their synonyms. */
Plan *
cg_search_build_plan_full (Language *lang,
                           GArray   *tokens,
                           gboolean  last_is_prefix,
                           gboolean  stems)
{
  Plan *plan = build_plan (lang, tokens, last_is_prefix, stems, FALSE);

  /* "where is it", "how do I get there": when every word is a function
   * word, they are all there is to go by, and the clinic's questions
   * (where, when, how to book) are asked with them. */
  if (plan->n_groups == 0 && tokens->len > 0)
    {
      cg_search_plan_free (plan);
      plan = build_plan (lang, tokens, last_is_prefix, stems, TRUE);
      plan->literal = TRUE;
    }

  return plan;
}

/* How many rows the query could match, at most. */
gint64
cg_search_plan_upper_bound (Plan     *plan,
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
  subset->literal = plan->literal;
  subset->phrases = g_ptr_array_new_with_free_func (cg_search_phrase_free);
  subset->function_words = g_ptr_array_copy (plan->function_words, (GCopyFunc) (void (*) (void)) g_strdup, NULL);
  g_ptr_array_set_free_func (subset->function_words, g_free);
  for (guint p = 0; p < plan->phrases->len; p++)
    {
      const Phrase *phrase = g_ptr_array_index (plan->phrases, p);

      if (renumbered[phrase->group] < 0)
        continue;

      if (renumbered[phrase->group] == 0)
        renumbered[phrase->group] = (int) ++subset->n_groups;

      g_ptr_array_add (subset->phrases, phrase_copy (phrase, renumbered[phrase->group] - 1));
    }

  plan_alloc_scratch (subset);

  return subset;
}

/* The rarest groups that some row has, as many as keep the rows they can
 * match within MAX_SCAN_ROWS, and at least one: the words that can tell
 * rows apart when no row has them all. */
Plan *
cg_search_plan_rare_groups (Plan *plan)
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

void
cg_search_append_phrase (GString      *out,
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
char *
cg_search_build_expression (Plan     *plan,
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

      cg_search_append_phrase (out, phrase);
    }

  if (previous_group != G_MAXUINT)
    g_string_append_c (out, ')');

  return g_string_free (out, FALSE);
}
