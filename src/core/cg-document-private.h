/* cg-document-private.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-document.h"

G_BEGIN_DECLS

/* Documents are immutable once built; only the loader builds them. */
typedef struct _CgDocumentBuilder CgDocumentBuilder;

CgDocumentBuilder *cg_document_builder_new         (void);
void               cg_document_builder_free        (CgDocumentBuilder *builder);
void               cg_document_builder_begin_block (CgDocumentBuilder *builder,
                                                    CgBlockKind        kind,
                                                    guint              level,
                                                    guint              number);
void               cg_document_builder_set_image   (CgDocumentBuilder *builder,
                                                    const char        *source,
                                                    const char        *caption);
void               cg_document_builder_append      (CgDocumentBuilder *builder,
                                                    const char        *text,
                                                    gssize             length);
void               cg_document_builder_push_span   (CgDocumentBuilder *builder,
                                                    CgSpanKind         kind,
                                                    const char        *target);
void               cg_document_builder_pop_span    (CgDocumentBuilder *builder);
void               cg_document_builder_end_block   (CgDocumentBuilder *builder);
void               cg_document_builder_begin_note  (CgDocumentBuilder *builder,
                                                    CgNoteKind         kind);
void               cg_document_builder_end_note    (CgDocumentBuilder *builder);
CgDocument        *cg_document_builder_finish      (CgDocumentBuilder *builder);

typedef gboolean (*CgLinkKeepFunc) (const char *target,
                                    gpointer    data);

void               cg_document_demote_links        (CgDocument        *self,
                                                    CgLinkKeepFunc     keep,
                                                    gpointer           data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgDocumentBuilder, cg_document_builder_free)

G_END_DECLS
