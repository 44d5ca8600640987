/* cg-plain-text.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-item.h"

G_BEGIN_DECLS

char       *cg_plain_text_from_item  (CgItem     *item);

G_END_DECLS
