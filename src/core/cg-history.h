/* cg-history.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CG_TYPE_HISTORY (cg_history_get_type ())

G_DECLARE_FINAL_TYPE (CgHistory, cg_history, CG, HISTORY, GObject)

CgHistory   *cg_history_new             (void);
void         cg_history_push            (CgHistory  *self,
                                         const char *page);
const char  *cg_history_get_current     (CgHistory  *self);
void         cg_history_set_position    (CgHistory  *self,
                                         double      position);
double       cg_history_get_position    (CgHistory  *self);
gboolean     cg_history_can_go_back     (CgHistory  *self);
gboolean     cg_history_can_go_forward  (CgHistory  *self);
const char  *cg_history_go_back         (CgHistory  *self);
const char  *cg_history_go_forward      (CgHistory  *self);
void         cg_history_clear           (CgHistory  *self);

G_END_DECLS
