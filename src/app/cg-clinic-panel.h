/* cg-clinic-panel.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-clinic.h"

G_BEGIN_DECLS

#define CG_TYPE_CLINIC_PANEL (cg_clinic_panel_get_type ())

G_DECLARE_FINAL_TYPE (CgClinicPanel, cg_clinic_panel, CG, CLINIC_PANEL, AdwBin)

GtkWidget *cg_clinic_panel_new        (void);
void       cg_clinic_panel_set_clinic (CgClinicPanel *self,
                                       CgClinic      *clinic);
GtkWidget *cg_clinic_panel_get_popover (CgClinicPanel *self);

G_END_DECLS
