/* cg-pin-dialog.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-pin-backoff.h"

G_BEGIN_DECLS

#define CG_TYPE_PIN_DIALOG (cg_pin_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CgPinDialog, cg_pin_dialog, CG, PIN_DIALOG, AdwWindow)

GtkWidget   *cg_pin_dialog_new        (GtkWindow    *parent,
                                       const char   *stored_hash,
                                       CgPinBackoff *backoff);
GtkEditable *cg_pin_dialog_get_entry  (CgPinDialog *self);
const char  *cg_pin_dialog_get_status (CgPinDialog *self);
gboolean     cg_pin_dialog_get_ready  (CgPinDialog *self);

G_END_DECLS
