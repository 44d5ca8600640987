/* cg-content-watcher-private.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-content-watcher.h"

G_BEGIN_DECLS

/* What tests need: polling a folder inotify could hear, and a grace
 * period shorter than the setting allows. Nothing else calls these. */
void     cg_content_watcher_set_polling      (CgContentWatcher *self,
                                              gboolean          force,
                                              guint             interval_ms);
gboolean cg_content_watcher_get_polling      (CgContentWatcher *self);
void     cg_content_watcher_set_grace_period (CgContentWatcher *self,
                                              guint             grace_ms);
gboolean cg_content_watcher_get_loading      (CgContentWatcher *self);
guint    cg_content_watcher_get_n_listings   (CgContentWatcher *self);
gint64   cg_content_watcher_get_reload_started
                                             (CgContentWatcher *self);
guint    cg_content_watcher_get_n_partial_reloads
                                             (CgContentWatcher *self);
guint    cg_content_watcher_get_n_full_reloads
                                             (CgContentWatcher *self);

G_END_DECLS
