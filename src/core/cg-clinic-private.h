/* cg-clinic-private.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-clinic.h"

G_BEGIN_DECLS

/* Only the loader fills a clinic in; everyone else reads it. */
CgClinic *cg_clinic_new       (void);
void      cg_clinic_set_value (CgClinic   *self,
                               const char *field,
                               const char *value);
void      cg_clinic_add_line  (CgClinic   *self,
                               const char *field,
                               const char *line);
void      cg_clinic_add_price (CgClinic   *self,
                               const char *id,
                               const char *label,
                               const char *amount);

G_END_DECLS
