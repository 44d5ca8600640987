/* cg-page-holder.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_PAGE_HOLDER (cg_page_holder_get_type ())

G_DECLARE_FINAL_TYPE (CgPageHolder, cg_page_holder, CG, PAGE_HOLDER, GtkWidget)

GtkWidget *cg_page_holder_new       (void);
GtkWidget *cg_page_holder_get_child (CgPageHolder *self);
void       cg_page_holder_set_child (CgPageHolder *self,
                                     GtkWidget    *child);

G_END_DECLS
