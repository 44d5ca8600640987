/* cg-take-home.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-clinic.h"
#include "cg-item.h"

G_BEGIN_DECLS

char *cg_take_home_get_text (CgItem   *item,
                             CgClinic *clinic,
                             gboolean  right_to_left,
                             gboolean *shortened);

G_END_DECLS
