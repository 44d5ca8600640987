/* cg-problems-page.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-library.h"

G_BEGIN_DECLS

#define CG_TYPE_PROBLEMS_PAGE (cg_problems_page_get_type ())

G_DECLARE_FINAL_TYPE (CgProblemsPage, cg_problems_page, CG, PROBLEMS_PAGE, AdwBin)

GtkWidget *cg_problems_page_new            (void);
void       cg_problems_page_set_library    (CgProblemsPage  *self,
                                            CgLibrary       *library);
GtkWidget *cg_problems_page_get_list       (CgProblemsPage  *self);
guint      cg_problems_page_get_n_problems (CgProblemsPage  *self);
char      *cg_problems_page_dup_text       (CgProblemsPage  *self);
char      *cg_problems_page_format_problem (const CgProblem *problem,
                                           gboolean         shown);

G_END_DECLS
