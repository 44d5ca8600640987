/* cg-listen-button.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-document-view.h"
#include "cg-listen-session.h"

G_BEGIN_DECLS

#define CG_TYPE_LISTEN_BUTTON (cg_listen_button_get_type ())

G_DECLARE_FINAL_TYPE (CgListenButton, cg_listen_button, CG, LISTEN_BUTTON, GtkWidget)

GtkWidget       *cg_listen_button_new             (void);
CgDocumentView  *cg_listen_button_get_view        (CgListenButton  *self);
void             cg_listen_button_set_view        (CgListenButton  *self,
                                                   CgDocumentView  *view);
void             cg_listen_button_toggle          (CgListenButton  *self);
CgListenButton  *cg_listen_button_find            (GtkWidget       *root);

CgListenSession *cg_listen_session_get_default    (void);
void             cg_listen_session_set_default    (CgListenSession *session);
void             cg_listen_session_reset_default  (void);

G_END_DECLS
