/* cg-content-builder.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-content-pipeline.h"
#include "cg-library.h"

G_BEGIN_DECLS

/* Lives for one load. */
typedef struct _CgContentBuilder CgContentBuilder;

CgContentBuilder *cg_content_builder_new         (CgLibrary        *library);
void              cg_content_builder_free        (CgContentBuilder *self);
void              cg_content_builder_read_early  (CgContentBuilder *self,
                                                  GPtrArray        *files);
void              cg_content_builder_read_items  (CgContentBuilder *self,
                                                  CgContentFile    *file);
void              cg_content_builder_note_lost   (CgContentBuilder   *self,
                                                  const char * const *ids);
void              cg_content_builder_finish      (CgContentBuilder *self);
void              cg_content_builder_set_clinic  (CgContentBuilder *self,
                                                  CgClinic         *clinic);
GPtrArray        *cg_content_builder_get_links   (CgContentBuilder *self);
GHashTable       *cg_content_builder_steal_shared_ids
                                                 (CgContentBuilder *self);

GHashTable       *cg_content_builder_dup_referenced_ids (CgContentBuilder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgContentBuilder, cg_content_builder_free)

G_END_DECLS
