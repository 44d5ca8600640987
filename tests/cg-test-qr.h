/* cg-test-qr.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cg-qr-code.h"

G_BEGIN_DECLS

/* take it home (F19): what a phone's camera would read from an image. */
char *cg_test_decode_qr      (const char *image_path);
char *cg_test_decode_qr_code (CgQrCode   *code);

G_END_DECLS
