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

/* For a reload of the files that changed (see cg-content-watcher.c). */
void        cg_content_loader_list              (CgContentLoader *self,
                                                 GPtrArray       *paths,
                                                 GArray          *layers);
char       *cg_content_loader_resolve           (CgContentLoader *self,
                                                 const char      *path,
                                                 guint            layer);
GHashTable *cg_content_loader_steal_shared_ids  (CgContentLoader *self);
CgLibrary  *cg_content_loader_load_changed      (CgContentLoader *self,
                                                 CgLibrary       *base,
                                                 GHashTable      *shared_ids,
                                                 GPtrArray       *paths,
                                                 GArray          *layers,
                                                 GPtrArray       *old_items,
                                                 GPtrArray       *new_items,
                                                 GHashTable      *good,
                                                 GCancellable    *cancellable);

G_END_DECLS
