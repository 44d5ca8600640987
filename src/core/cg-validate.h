/* cg-validate.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cg_validate_run (const char * const *paths,
                     const char         *language);

G_END_DECLS
