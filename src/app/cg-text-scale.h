/* cg-text-scale.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double    cg_text_scale_clamp     (double scale);
double    cg_text_scale_step      (double scale,
                                   int    direction);
gboolean  cg_text_scale_can_step  (double scale,
                                   int    direction);
char     *cg_text_scale_format    (double scale);
void      cg_text_scale_apply_css (double scale);

G_END_DECLS
