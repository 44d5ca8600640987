/* cg-content-watcher.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-library.h"
#include "cg-search-index.h"

G_BEGIN_DECLS

#define CG_TYPE_CONTENT_WATCHER (cg_content_watcher_get_type ())

G_DECLARE_FINAL_TYPE (CgContentWatcher, cg_content_watcher, CG, CONTENT_WATCHER, GObject)

CgContentWatcher   *cg_content_watcher_new          (const char * const *folders,
                                                     const char         *language);
CgLibrary          *cg_content_watcher_get_library  (CgContentWatcher   *self);
CgSearchIndex      *cg_content_watcher_get_search_index
                                                    (CgContentWatcher   *self);
const char         *cg_content_watcher_get_language (CgContentWatcher   *self);
void                cg_content_watcher_set_language (CgContentWatcher   *self,
                                                     const char         *language);
const char * const *cg_content_watcher_get_folders  (CgContentWatcher   *self);
void                cg_content_watcher_set_folders  (CgContentWatcher   *self,
                                                     const char * const *folders);
void                cg_content_watcher_load         (CgContentWatcher   *self);
void                cg_content_watcher_prefetch     (CgContentWatcher   *self);
void                cg_content_watcher_reload       (CgContentWatcher   *self);
void                cg_content_watcher_stop         (CgContentWatcher   *self);
gboolean            cg_content_watcher_get_busy     (CgContentWatcher   *self);

/* Window first (F10): what is there now, without waiting. */
CgLibrary          *cg_content_watcher_peek_library (CgContentWatcher   *self);
CgSearchIndex      *cg_content_watcher_peek_search_index
                                                    (CgContentWatcher   *self);
gboolean            cg_content_watcher_get_prefetching
                                                    (CgContentWatcher   *self);
gboolean            cg_content_watcher_collect_prefetch
                                                    (CgContentWatcher   *self);

G_END_DECLS
