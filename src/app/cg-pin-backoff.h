/* cg-pin-backoff.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CG_TYPE_PIN_BACKOFF (cg_pin_backoff_get_type ())

G_DECLARE_FINAL_TYPE (CgPinBackoff, cg_pin_backoff, CG, PIN_BACKOFF, GObject)

CgPinBackoff *cg_pin_backoff_new          (void);
void          cg_pin_backoff_failed       (CgPinBackoff *self);
void          cg_pin_backoff_succeeded    (CgPinBackoff *self);
guint         cg_pin_backoff_get_wait     (CgPinBackoff *self);
guint         cg_pin_backoff_get_failures (CgPinBackoff *self);

G_END_DECLS
