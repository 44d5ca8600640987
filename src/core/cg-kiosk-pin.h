/* cg-kiosk-pin.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CG_KIOSK_PIN_ERROR (cg_kiosk_pin_error_quark ())

typedef enum {
  CG_KIOSK_PIN_ERROR_NOT_DIGITS,
  CG_KIOSK_PIN_ERROR_LENGTH,
  CG_KIOSK_PIN_ERROR_GUESSABLE,
} CgKioskPinError;

GQuark    cg_kiosk_pin_error_quark   (void);
gboolean  cg_kiosk_pin_check         (const char  *pin,
                                      GError     **error);
gboolean  cg_kiosk_pin_is_acceptable (const char *pin);
char     *cg_kiosk_pin_hash          (const char *pin);
gboolean  cg_kiosk_pin_verify        (const char *pin,
                                      const char *stored);

G_END_DECLS
