/* cg-content-loader-private.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-content-loader.h"

G_BEGIN_DECLS

void cg_content_loader_add_bytes (CgContentLoader *self,
                                  const char      *name,
                                  GBytes          *bytes);

G_END_DECLS
