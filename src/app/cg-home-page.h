/* cg-home-page.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-library.h"

G_BEGIN_DECLS

#define CG_TYPE_HOME_PAGE (cg_home_page_get_type ())

G_DECLARE_FINAL_TYPE (CgHomePage, cg_home_page, CG, HOME_PAGE, AdwBin)

GtkWidget *cg_home_page_new         (CgLibrary  *library);
CgLibrary *cg_home_page_get_library (CgHomePage *self);
void       cg_home_page_set_show_languages (CgHomePage *self,
                                            gboolean    show);

G_END_DECLS
