/* cg-search-index.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-library.h"
#include "cg-search-result.h"

G_BEGIN_DECLS

#define CG_SEARCH_ERROR (cg_search_error_quark ())

typedef enum
{
  CG_SEARCH_ERROR_FAILED,
  CG_SEARCH_ERROR_NO_ROOM,   /* no rowid left between two rows: build the index again */
} CgSearchError;

/* What a list shows without scrolling; a search never returns more than
 * CG_SEARCH_INDEX_MAX_LIMIT results. */
#define CG_SEARCH_INDEX_DEFAULT_LIMIT 20
#define CG_SEARCH_INDEX_MAX_LIMIT     1000

#define CG_TYPE_SEARCH_INDEX (cg_search_index_get_type ())

G_DECLARE_FINAL_TYPE (CgSearchIndex, cg_search_index, CG, SEARCH_INDEX, GObject)

GQuark          cg_search_error_quark           (void);
CgSearchIndex  *cg_search_index_new             (void);
CgSearchIndex  *cg_search_index_new_for_library (CgLibrary           *library,
                                                 GError             **error);
gboolean        cg_search_index_add_library     (CgSearchIndex       *self,
                                                 CgLibrary           *library,
                                                 GError             **error);
gboolean        cg_search_index_replace_items   (CgSearchIndex       *self,
                                                 const char          *language,
                                                 GPtrArray           *old_items,
                                                 GPtrArray           *new_items,
                                                 GError             **error);
gboolean        cg_search_index_update_items    (CgSearchIndex       *self,
                                                 CgLibrary           *library,
                                                 GPtrArray           *old_items,
                                                 GPtrArray           *new_items,
                                                 GError             **error);
gboolean        cg_search_index_has_language    (CgSearchIndex       *self,
                                                 const char          *language);
GListModel     *cg_search_index_search          (CgSearchIndex       *self,
                                                 const char          *query,
                                                 const char          *language,
                                                 guint                limit,
                                                 char               **suggestion,
                                                 GError             **error);
GArray         *cg_search_index_find_matches    (CgSearchIndex       *self,
                                                 const char          *text,
                                                 const char * const  *terms);

G_END_DECLS
