/* cg-search-command.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CG_SEARCH_COMMAND_DEFAULT_LIMIT 10

int cg_search_command_run (const char         *query,
                           const char         *language,
                           int                 limit,
                           const char * const *folders);

G_END_DECLS
