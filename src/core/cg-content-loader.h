/* cg-content-loader.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-library.h"

G_BEGIN_DECLS

#define CG_CONTENT_LOADER_DEFAULT_MAX_FILE_SIZE (4 * 1024 * 1024)

#define CG_TYPE_CONTENT_LOADER (cg_content_loader_get_type ())

G_DECLARE_FINAL_TYPE (CgContentLoader, cg_content_loader, CG, CONTENT_LOADER, GObject)

CgContentLoader *cg_content_loader_new                (void);
void             cg_content_loader_add_path           (CgContentLoader *self,
                                                       const char      *path,
                                                       const char      *translated_root);
void             cg_content_loader_add_bundled        (CgContentLoader *self);
void             cg_content_loader_set_language       (CgContentLoader *self,
                                                       const char      *language);
void             cg_content_loader_set_max_file_size  (CgContentLoader *self,
                                                       gsize            max_file_size);
void             cg_content_loader_set_last_good      (CgContentLoader *self,
                                                       GHashTable      *last_good);
CgLibrary       *cg_content_loader_load               (CgContentLoader *self,
                                                       GCancellable    *cancellable);

G_END_DECLS
