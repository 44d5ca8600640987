/* cg-clinic.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_CLINIC (cg_clinic_get_type ())

G_DECLARE_FINAL_TYPE (CgClinic, cg_clinic, CG, CLINIC, GObject)

const char          *cg_clinic_get_name          (CgClinic   *self);
const char          *cg_clinic_get_phone         (CgClinic   *self);
const char          *cg_clinic_get_email         (CgClinic   *self);
const char          *cg_clinic_get_website       (CgClinic   *self);
const char          *cg_clinic_get_booking       (CgClinic   *self);
const char * const  *cg_clinic_get_address_lines (CgClinic   *self);
const char * const  *cg_clinic_get_hours_lines   (CgClinic   *self);
const char * const  *cg_clinic_get_price_ids     (CgClinic   *self);
gboolean             cg_clinic_get_price         (CgClinic   *self,
                                                  const char *id,
                                                  const char **label,
                                                  const char **amount);
char                *cg_clinic_get_field         (CgClinic   *self,
                                                  const char *field,
                                                  const char *item);

G_END_DECLS
