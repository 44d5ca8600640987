/* cg-window.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-application.h"
#include "cg-kiosk.h"
#include "cg-library.h"
#include "cg-problems-page.h"
#include "cg-search-page.h"

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
GtkListBox *cg_window_get_sidebar     (CgWindow      *self);
double      cg_window_get_text_scale  (CgWindow      *self);
void        cg_window_set_text_scale  (CgWindow      *self,
                                       double         text_scale);
void        cg_window_take_over       (CgWindow      *self,
                                       CgWindow      *from);

/* kiosk (F7) */
gboolean       cg_window_get_kiosk               (CgWindow   *self);
CgKiosk       *cg_window_get_kiosk_controller    (CgWindow   *self);
GtkMenuButton *cg_window_get_primary_menu_button (CgWindow   *self);

/* search (F5) and live content (F8) */
gboolean        cg_window_stop_search       (CgWindow *self);
GtkSearchEntry *cg_window_get_search_entry  (CgWindow *self);
CgSearchPage   *cg_window_get_search_page   (CgWindow *self);
gboolean        cg_window_get_searching     (CgWindow *self);
CgProblemsPage *cg_window_get_problems_page (CgWindow *self);

G_END_DECLS
