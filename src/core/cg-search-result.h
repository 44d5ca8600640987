/* cg-search-result.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-item.h"

G_BEGIN_DECLS

typedef enum
{
  CG_SEARCH_RESULT_ARTICLE,
  CG_SEARCH_RESULT_FAQ_ENTRY,
} CgSearchResultKind;

/* Where a matched word sits in a text, in bytes: [start, end). */
typedef struct
{
  guint start;
  guint end;
} CgSearchRange;

#define CG_TYPE_SEARCH_RESULT_KIND (cg_search_result_kind_get_type ())
#define CG_TYPE_SEARCH_RESULT (cg_search_result_get_type ())

GType cg_search_result_kind_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (CgSearchResult, cg_search_result, CG, SEARCH_RESULT, GObject)

CgSearchResult      *cg_search_result_new                (CgItem              *item,
                                                          const char          *language,
                                                          double               score,
                                                          gboolean             partial,
                                                          const char          *snippet,
                                                          const CgSearchRange *ranges,
                                                          guint                n_ranges,
                                                          const char * const  *matched_terms);
CgItem              *cg_search_result_get_item           (CgSearchResult      *self);
CgSearchResultKind   cg_search_result_get_kind           (CgSearchResult      *self);
const char          *cg_search_result_get_id             (CgSearchResult      *self);
const char          *cg_search_result_get_title          (CgSearchResult      *self);
const char          *cg_search_result_get_topic_id       (CgSearchResult      *self);
const char          *cg_search_result_get_language       (CgSearchResult      *self);
double               cg_search_result_get_score          (CgSearchResult      *self);
gboolean             cg_search_result_get_partial        (CgSearchResult      *self);
const char          *cg_search_result_get_snippet        (CgSearchResult      *self);
const CgSearchRange *cg_search_result_get_snippet_ranges (CgSearchResult      *self,
                                                          guint               *n_ranges);
const char          *cg_search_result_get_snippet_markup (CgSearchResult      *self);
const char * const  *cg_search_result_get_matched_terms  (CgSearchResult      *self);

G_END_DECLS
