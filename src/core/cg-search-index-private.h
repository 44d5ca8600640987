/* cg-search-index-private.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-search-index.h"

G_BEGIN_DECLS

/* What tests need to see inside the index: how many shards it was cut
 * into, what it counted, and which thread wrote it last. Nothing else
 * calls these. */

void        cg_search_index_set_n_shards   (CgSearchIndex *self,
                                            guint          n_shards);
guint       cg_search_index_get_n_shards   (CgSearchIndex *self,
                                            const char    *language);
GHashTable *cg_search_index_dup_vocabulary (CgSearchIndex *self,
                                            const char    *language);
guint       cg_search_index_get_row_length (CgSearchIndex *self,
                                            const char    *language,
                                            gint64         row);
GThread    *cg_search_index_get_writer     (CgSearchIndex *self);

G_END_DECLS
