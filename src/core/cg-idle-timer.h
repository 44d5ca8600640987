/* cg-idle-timer.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CG_TYPE_IDLE_TIMER (cg_idle_timer_get_type ())

G_DECLARE_FINAL_TYPE (CgIdleTimer, cg_idle_timer, CG, IDLE_TIMER, GObject)

CgIdleTimer *cg_idle_timer_new           (guint        timeout,
                                          guint        countdown);
void         cg_idle_timer_start         (CgIdleTimer *self);
void         cg_idle_timer_stop          (CgIdleTimer *self);
void         cg_idle_timer_poke          (CgIdleTimer *self);
gboolean     cg_idle_timer_get_running   (CgIdleTimer *self);
guint        cg_idle_timer_get_timeout   (CgIdleTimer *self);
void         cg_idle_timer_set_timeout   (CgIdleTimer *self,
                                          guint        timeout);
guint        cg_idle_timer_get_remaining (CgIdleTimer *self);

G_END_DECLS
