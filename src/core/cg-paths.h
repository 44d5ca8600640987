/* cg-paths.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean     cg_paths_is_uninstalled        (void);
const char  *cg_paths_get_content_dir       (void);
const char  *cg_paths_get_translated_dir    (void);
const char  *cg_paths_get_clinic_file       (void);
const char  *cg_paths_get_locale_dir        (void);
const char  *cg_paths_get_schemas_dir       (void);

G_END_DECLS
