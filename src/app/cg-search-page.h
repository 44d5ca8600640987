/* cg-search-page.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-document-view.h"
#include "cg-search-index.h"

G_BEGIN_DECLS

#define CG_TYPE_SEARCH_PAGE (cg_search_page_get_type ())

G_DECLARE_FINAL_TYPE (CgSearchPage, cg_search_page, CG, SEARCH_PAGE, AdwBin)

GtkWidget      *cg_search_page_new                 (void);
void            cg_search_page_set_index           (CgSearchPage  *self,
                                                    CgSearchIndex *index,
                                                    const char    *language);
void            cg_search_page_search              (CgSearchPage  *self,
                                                    const char    *query);
const char     *cg_search_page_get_query           (CgSearchPage  *self);
GListModel     *cg_search_page_get_results         (CgSearchPage  *self);
const char     *cg_search_page_get_suggestion      (CgSearchPage  *self);
CgSearchResult *cg_search_page_get_selected        (CgSearchPage  *self);
void            cg_search_page_move_selection      (CgSearchPage  *self,
                                                    int            delta);
gboolean        cg_search_page_focus_results       (CgSearchPage  *self);
gboolean        cg_search_page_activate_selected   (CgSearchPage  *self);
gboolean        cg_search_page_copy_selected_answer (CgSearchPage *self);
CgDocumentView *cg_search_page_get_answer_view     (CgSearchPage  *self);
CgItem         *cg_search_page_get_answer          (CgSearchPage  *self);

G_END_DECLS
