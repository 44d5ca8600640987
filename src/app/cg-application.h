/* cg-application.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-content-watcher.h"
#include "cg-i18n.h"
#include "cg-library.h"

G_BEGIN_DECLS

#define CG_TYPE_APPLICATION (cg_application_get_type())

G_DECLARE_FINAL_TYPE (CgApplication, cg_application, CG, APPLICATION, AdwApplication)

CgApplication    *cg_application_new                 (void);
GSettings        *cg_application_get_settings        (CgApplication *self);
CgLibrary        *cg_application_get_library         (CgApplication *self);
CgSearchIndex    *cg_application_get_search_index    (CgApplication *self);
CgContentWatcher *cg_application_get_content_watcher (CgApplication *self);
void              cg_application_set_language        (CgApplication *self,
                                                      const char    *language);

/* kiosk (F7) */
void              cg_application_set_kiosk           (CgApplication *self,
                                                      gboolean       kiosk);
gboolean          cg_application_get_kiosk           (CgApplication *self);

/* live content (F8) */
void              cg_application_set_content_dirs    (CgApplication      *self,
                                                      const char * const *content_dirs);

G_END_DECLS
