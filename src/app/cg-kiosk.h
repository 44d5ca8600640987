/* cg-kiosk.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-idle-timer.h"
#include "cg-pin-backoff.h"

G_BEGIN_DECLS

#define CG_TYPE_KIOSK (cg_kiosk_get_type ())

G_DECLARE_FINAL_TYPE (CgKiosk, cg_kiosk, CG, KIOSK, GObject)

CgKiosk     *cg_kiosk_new            (GtkWindow     *window,
                                      GtkMenuButton *menu_button,
                                      GSettings     *settings,
                                      guint          idle_timeout,
                                      CgPinBackoff  *backoff);
void         cg_kiosk_leave          (CgKiosk       *self);
void         cg_kiosk_reset          (CgKiosk       *self);
void         cg_kiosk_prompt_pin     (CgKiosk       *self);
CgIdleTimer *cg_kiosk_get_idle_timer (CgKiosk       *self);
GtkWidget   *cg_kiosk_get_pin_dialog (CgKiosk       *self);

G_END_DECLS
