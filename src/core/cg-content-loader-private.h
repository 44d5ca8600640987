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
guint       cg_content_loader_find_layer        (CgContentLoader *self,
                                                 const char      *path);
GHashTable *cg_content_loader_steal_shared_ids  (CgContentLoader *self);
GHashTable *cg_content_loader_steal_referenced_ids (CgContentLoader *self);
CgLibrary  *cg_content_loader_load_changed      (CgContentLoader *self,
                                                 CgLibrary       *base,
                                                 GHashTable      *shared_ids,
                                                 GHashTable      *referenced_ids,
                                                 GPtrArray       *paths,
                                                 GArray          *layers,
                                                 GPtrArray       *removed,
                                                 GHashTable      *file_ranks,
                                                 GPtrArray       *old_items,
                                                 GPtrArray       *new_items,
                                                 GPtrArray       *links,
                                                 GHashTable      *good,
                                                 GCancellable    *cancellable);

G_END_DECLS
