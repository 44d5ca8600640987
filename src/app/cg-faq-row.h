/* cg-faq-row.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-document-view.h"
#include "cg-faq-entry.h"
#include "cg-library.h"

G_BEGIN_DECLS

#define CG_TYPE_FAQ_ROW (cg_faq_row_get_type ())

G_DECLARE_FINAL_TYPE (CgFaqRow, cg_faq_row, CG, FAQ_ROW, GtkListBoxRow)

GtkWidget      *cg_faq_row_new             (CgLibrary  *library,
                                            CgFaqEntry *entry);
CgFaqEntry     *cg_faq_row_get_entry       (CgFaqRow   *self);
CgDocumentView *cg_faq_row_get_answer_view (CgFaqRow   *self);
gboolean        cg_faq_row_get_expanded    (CgFaqRow   *self);
void            cg_faq_row_set_expanded    (CgFaqRow   *self,
                                            gboolean    expanded);

G_END_DECLS
