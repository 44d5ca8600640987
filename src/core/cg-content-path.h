/* cg-content-path.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-content-loader.h"

G_BEGIN_DECLS

char **cg_content_path_get_folders    (GSettings          *settings,
                                       const char * const *extra_folders);
void   cg_content_path_setup_loader   (CgContentLoader    *loader,
                                       const char * const *folders);

G_END_DECLS
