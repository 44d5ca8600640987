/* cg-window.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-application.h"
#include "cg-library.h"

G_BEGIN_DECLS

#define CG_TYPE_WINDOW (cg_window_get_type())

G_DECLARE_FINAL_TYPE (CgWindow, cg_window, CG, WINDOW, AdwApplicationWindow)

CgWindow   *cg_window_new             (CgApplication *application);
void        cg_window_set_library     (CgWindow      *self,
                                       CgLibrary     *library);
CgLibrary  *cg_window_get_library     (CgWindow      *self);
gboolean    cg_window_open_page       (CgWindow      *self,
                                       const char    *page);
const char *cg_window_get_page        (CgWindow      *self);
GtkWidget  *cg_window_get_page_widget (CgWindow      *self);
double      cg_window_get_text_scale  (CgWindow      *self);
void        cg_window_set_text_scale  (CgWindow      *self,
                                       double         text_scale);
gboolean    cg_window_get_searching   (CgWindow      *self);
gboolean    cg_window_get_kiosk       (CgWindow      *self);
void        cg_window_take_over       (CgWindow      *self,
                                       CgWindow      *from);

G_END_DECLS
