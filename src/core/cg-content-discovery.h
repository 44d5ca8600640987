/* cg-content-discovery.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cg-problem.h"

G_BEGIN_DECLS

void  cg_content_discovery_list         (const char  *path,
                                         GPtrArray   *files,
                                         CgProblem  **problem);
char *cg_content_discovery_translation  (const char  *path,
                                         const char  *translated_root,
                                         const char  *language);

G_END_DECLS
