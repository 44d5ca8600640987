/* cg-wrap-box.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_WRAP_BOX (cg_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (CgWrapBox, cg_wrap_box, CG, WRAP_BOX, GtkWidget)

GtkWidget *cg_wrap_box_new         (void);
void       cg_wrap_box_append      (CgWrapBox *self,
                                    GtkWidget *child);
int        cg_wrap_box_get_spacing (CgWrapBox *self);
void       cg_wrap_box_set_spacing (CgWrapBox *self,
                                    int        spacing);
guint      cg_wrap_box_get_n_rows  (CgWrapBox *self);

G_END_DECLS
