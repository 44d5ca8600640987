/* cg-qr-code.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest code Clinic Guide makes for a patient's phone: version 20
 * (97 modules a side) with error correction level M. On a kiosk screen it
 * is drawn about 1 mm a module, which a phone camera reads at arm's
 * length; on paper about 0.35 mm a module. M repairs the glare and moiré
 * of a screen photographed at an angle. It holds 663 bytes of UTF-8. */
#define CG_QR_CODE_MAX_VERSION 20

/* Modules of white around the code, as scanners need. */
#define CG_QR_CODE_QUIET_ZONE 4

typedef struct _CgQrCode CgQrCode;

CgQrCode *cg_qr_code_new             (const char *text,
                                      guint       max_version);
void      cg_qr_code_free            (CgQrCode   *self);
guint     cg_qr_code_get_version     (CgQrCode   *self);
guint     cg_qr_code_get_width       (CgQrCode   *self);
gboolean  cg_qr_code_get_module      (CgQrCode   *self,
                                      guint       x,
                                      guint       y);
GBytes   *cg_qr_code_render_rgb      (CgQrCode   *self,
                                      guint       module_pixels,
                                      guint      *side);
gboolean  cg_qr_code_fits            (const char *text,
                                      guint       max_version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgQrCode, cg_qr_code_free)

G_END_DECLS
