/* cg-near-miss.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint       cg_near_miss_distance (const char         *a,
                                   const char         *b);
const char *cg_near_miss_find     (const char         *word,
                                   const char * const *candidates,
                                   guint               max_distance);

G_END_DECLS
