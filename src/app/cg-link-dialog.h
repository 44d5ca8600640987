/* cg-link-dialog.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CG_TYPE_LINK_DIALOG (cg_link_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CgLinkDialog, cg_link_dialog, CG, LINK_DIALOG, AdwWindow)

GtkWidget  *cg_link_dialog_new      (GtkWindow    *parent,
                                     const char   *uri);
const char *cg_link_dialog_get_uri  (CgLinkDialog *self);
GdkTexture *cg_link_dialog_get_code (CgLinkDialog *self);

G_END_DECLS
