/* cg-search-result.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-faq-entry.h"
#include "cg-search-result.h"

/* One row of a search: which item, how well it matched, and a short piece
 * of its text around the matched words. Immutable, and a GObject with
 * read-only properties so that a GtkListView row can bind to it. */
struct _CgSearchResult
{
  GObject        parent_instance;

  CgItem        *item;
  char          *language;
  double         score;
  char          *snippet;
  char          *snippet_markup;
  CgSearchRange *ranges;
  guint          n_ranges;
  char         **matched_terms;
  guint          partial : 1;
};

G_DEFINE_ENUM_TYPE (CgSearchResultKind, cg_search_result_kind,
                    G_DEFINE_ENUM_VALUE (CG_SEARCH_RESULT_ARTICLE, "article"),
                    G_DEFINE_ENUM_VALUE (CG_SEARCH_RESULT_FAQ_ENTRY, "faq-entry"))

G_DEFINE_FINAL_TYPE (CgSearchResult, cg_search_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  PROP_TOPIC_ID,
  PROP_LANGUAGE,
  PROP_SCORE,
  PROP_PARTIAL,
  PROP_SNIPPET,
  PROP_SNIPPET_MARKUP,
  PROP_MATCHED_TERMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Pango markup, built once: a list row binds a label to it. */
static char *
build_markup (const char          *text,
              const CgSearchRange *ranges,
              guint                n_ranges)
{
  GString *out = g_string_new (NULL);
  guint pos = 0;

  for (guint i = 0; i < n_ranges; i++)
    {
      g_autofree char *before = g_markup_escape_text (text + pos, ranges[i].start - pos);
      g_autofree char *match = g_markup_escape_text (text + ranges[i].start,
                                                     ranges[i].end - ranges[i].start);

      g_string_append (out, before);
      g_string_append_printf (out, "<b>%s</b>", match);
      pos = ranges[i].end;
    }

  {
    g_autofree char *rest = g_markup_escape_text (text + pos, -1);
    g_string_append (out, rest);
  }

  return g_string_free (out, FALSE);
}

static void
cg_search_result_finalize (GObject *object)
{
  CgSearchResult *self = CG_SEARCH_RESULT (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->snippet_markup, g_free);
  g_clear_pointer (&self->ranges, g_free);
  g_clear_pointer (&self->matched_terms, g_strfreev);

  G_OBJECT_CLASS (cg_search_result_parent_class)->finalize (object);
}

static void
cg_search_result_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CgSearchResult *self = CG_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_KIND:
      g_value_set_enum (value, cg_search_result_get_kind (self));
      break;

    case PROP_ID:
      g_value_set_string (value, cg_search_result_get_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, cg_search_result_get_title (self));
      break;

    case PROP_TOPIC_ID:
      g_value_set_string (value, cg_search_result_get_topic_id (self));
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;

    case PROP_PARTIAL:
      g_value_set_boolean (value, self->partial);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    case PROP_SNIPPET_MARKUP:
      g_value_set_string (value, self->snippet_markup);
      break;

    case PROP_MATCHED_TERMS:
      g_value_set_boxed (value, self->matched_terms);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_search_result_class_init (CgSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cg_search_result_finalize;
  object_class->get_property = cg_search_result_get_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, CG_TYPE_ITEM, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CG_TYPE_SEARCH_RESULT_KIND, CG_SEARCH_RESULT_ARTICLE, flags);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_TOPIC_ID] =
    g_param_spec_string ("topic-id", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_PARTIAL] =
    g_param_spec_boolean ("partial", NULL, NULL, FALSE, flags);
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL, flags);
  properties[PROP_SNIPPET_MARKUP] =
    g_param_spec_string ("snippet-markup", NULL, NULL, NULL, flags);
  properties[PROP_MATCHED_TERMS] =
    g_param_spec_boxed ("matched-terms", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_search_result_init (CgSearchResult *self)
{
}

/**
 * cg_search_result_new:
 * @item: the article or FAQ entry found
 * @language: the language of the index it was found in
 * @score: how well it matched; higher is better
 * @partial: %TRUE when it matched only some of the words
 * @snippet: plain text around the matched words, on one line
 * @ranges: (array length=n_ranges): the matched words in @snippet, in
 *   order and not overlapping
 * @matched_terms: (nullable): the search terms the item matched, as
 *   cg_search_result_get_matched_terms() describes them
 *
 * Normally made by cg_search_index_search().
 */
CgSearchResult *
cg_search_result_new (CgItem              *item,
                      const char          *language,
                      double               score,
                      gboolean             partial,
                      const char          *snippet,
                      const CgSearchRange *ranges,
                      guint                n_ranges,
                      const char * const  *matched_terms)
{
  CgSearchResult *self;
  gsize length;

  g_return_val_if_fail (CG_IS_ITEM (item), NULL);
  g_return_val_if_fail (n_ranges == 0 || ranges != NULL, NULL);

  self = g_object_new (CG_TYPE_SEARCH_RESULT, NULL);
  self->item = g_object_ref (item);
  self->language = g_strdup (language);
  self->score = score;
  self->partial = !!partial;
  self->snippet = g_strdup (snippet ? snippet : "");
  self->matched_terms = g_strdupv ((char **) matched_terms);
  if (self->matched_terms == NULL)
    self->matched_terms = g_new0 (char *, 1);

  /* Keep only ranges that make sense in the snippet, so that a label
   * never gets markup cut in the middle of a character. */
  length = strlen (self->snippet);
  self->ranges = g_new0 (CgSearchRange, MAX (n_ranges, 1));
  for (guint i = 0; i < n_ranges; i++)
    {
      guint previous_end = self->n_ranges > 0 ? self->ranges[self->n_ranges - 1].end : 0;

      if (ranges[i].start < previous_end || ranges[i].start >= ranges[i].end ||
          ranges[i].end > length ||
          !g_utf8_validate (self->snippet + ranges[i].start, ranges[i].end - ranges[i].start, NULL))
        continue;

      self->ranges[self->n_ranges++] = ranges[i];
    }

  self->snippet_markup = build_markup (self->snippet, self->ranges, self->n_ranges);

  return self;
}

/**
 * cg_search_result_get_item:
 *
 * Returns: (transfer none): the article or FAQ entry
 */
CgItem *
cg_search_result_get_item (CgSearchResult *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULT (self), NULL);

  return self->item;
}

CgSearchResultKind
cg_search_result_get_kind (CgSearchResult *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULT (self), CG_SEARCH_RESULT_ARTICLE);

  return CG_IS_FAQ_ENTRY (self->item) ? CG_SEARCH_RESULT_FAQ_ENTRY : CG_SEARCH_RESULT_ARTICLE;
}

const char *
cg_search_result_get_id (CgSearchResult *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULT (self), NULL);

  return cg_item_get_id (self->item);
}

/**
 * cg_search_result_get_title:
 *
 * Returns: an article's title or a FAQ entry's question
 */
const char *
cg_search_result_get_title (CgSearchResult *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULT (self), NULL);

  return cg_item_get_title (self->item);
}

const char *
cg_search_result_get_topic_id (CgSearchResult *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULT (self), NULL);

  return cg_item_get_topic_id (self->item);
}

const char *
cg_search_result_get_language (CgSearchResult *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULT (self), NULL);

  return self->language;
}

/**
 * cg_search_result_get_score:
 *
 * Returns: the relevance: higher is better. Scores compare results of one
 *   search, not of different searches.
 */
double
cg_search_result_get_score (CgSearchResult *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULT (self), 0.0);

  return self->score;
}

/**
 * cg_search_result_get_partial:
 *
 * Returns: %TRUE when the item matched only some of the words; such
 *   results come after the ones that matched them all
 */
gboolean
cg_search_result_get_partial (CgSearchResult *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULT (self), FALSE);

  return self->partial;
}

/**
 * cg_search_result_get_snippet:
 *
 * Returns: a few words of plain text around the matches, on one line,
 *   with "…" where text was left out
 */
const char *
cg_search_result_get_snippet (CgSearchResult *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULT (self), NULL);

  return self->snippet;
}

/**
 * cg_search_result_get_snippet_ranges:
 * @n_ranges: (out): the number of ranges
 *
 * Returns: (array length=n_ranges) (transfer none): the matched words of
 *   the snippet, as byte offsets into it, in order, not overlapping
 */
const CgSearchRange *
cg_search_result_get_snippet_ranges (CgSearchResult *self,
                                     guint          *n_ranges)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULT (self), NULL);
  g_return_val_if_fail (n_ranges != NULL, NULL);

  *n_ranges = self->n_ranges;

  return self->ranges;
}

/**
 * cg_search_result_get_snippet_markup:
 *
 * Returns: the snippet as Pango markup, the matched words in bold: ready
 *   for a GtkLabel with use-markup
 */
const char *
cg_search_result_get_snippet_markup (CgSearchResult *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULT (self), NULL);

  return self->snippet_markup;
}

/**
 * cg_search_result_get_matched_terms:
 *
 * The search terms that the item matched anywhere in its text, as the
 * index sees words: lower case, without accents, words of a phrase
 * separated by one space, and a trailing "*" on a term that matched as
 * the beginning of a word. Pass them to cg_search_index_find_matches()
 * to highlight every match in the article.
 *
 * Returns: (transfer none): the terms; never %NULL
 */
const char * const *
cg_search_result_get_matched_terms (CgSearchResult *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULT (self), NULL);

  return (const char * const *) self->matched_terms;
}
