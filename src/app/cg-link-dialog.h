/* cg-link-dialog.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-clinic.h"
#include "cg-item.h"

G_BEGIN_DECLS

#define CG_TYPE_LINK_DIALOG (cg_link_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CgLinkDialog, cg_link_dialog, CG, LINK_DIALOG, AdwWindow)

GtkWidget  *cg_link_dialog_new                  (GtkWindow    *parent,
                                                 const char   *uri);
GtkWidget  *cg_link_dialog_new_take_home        (GtkWindow    *parent,
                                                 CgItem       *item,
                                                 CgClinic     *clinic);
const char *cg_link_dialog_get_uri              (CgLinkDialog *self);
const char *cg_link_dialog_get_text             (CgLinkDialog *self);
GdkTexture *cg_link_dialog_get_code             (CgLinkDialog *self);

char       *cg_link_dialog_make_take_home_text  (CgItem       *item,
                                                 CgClinic     *clinic,
                                                 gboolean     *shortened);
void        cg_link_dialog_show_take_home       (GtkWidget    *from,
                                                 CgItem       *item,
                                                 CgClinic     *clinic);
GtkWidget  *cg_link_dialog_new_take_home_button (gboolean      with_label);

G_END_DECLS
