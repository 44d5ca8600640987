/* cg-document.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-types.h"

G_BEGIN_DECLS

/* A run of inline markup inside a block's text, in bytes. Spans nest
 * (a link inside strong text) and are sorted by start offset. */
typedef struct
{
  CgSpanKind  kind;
  guint       start;
  guint       end;
  const char *target;
} CgSpan;

/* A document is a flat sequence of blocks: nesting (sections, lists, notes)
 * is kept as levels and note groups, which is all a renderer or a plain
 * text writer needs. */
typedef struct
{
  CgBlockKind   kind;
  guint         level;      /* heading level (1, 2) or list depth (1, 2, …) */
  guint         number;     /* position in a numbered list; 0 for bullets */
  CgNoteKind    note;       /* the note the block belongs to, if any */
  guint         note_group; /* consecutive blocks of one note share it; 0 outside notes */
  const char   *text;       /* UTF-8; an image's alternative text */
  const char   *source;     /* an image's absolute path, otherwise NULL */
  const char   *caption;    /* an image's caption, otherwise NULL */
  const CgSpan *spans;
  guint         n_spans;
} CgBlock;

#define CG_TYPE_DOCUMENT (cg_document_get_type ())

GType            cg_document_get_type         (void) G_GNUC_CONST;
CgDocument      *cg_document_ref              (CgDocument  *self);
void             cg_document_unref            (CgDocument  *self);
guint            cg_document_get_n_blocks     (CgDocument  *self);
const CgBlock   *cg_document_get_block        (CgDocument  *self,
                                               guint        index);
char            *cg_document_get_text         (CgDocument  *self);
char            *cg_document_to_plain_text    (CgDocument  *self);
const char      *cg_note_kind_get_label       (CgNoteKind   kind);
CgDocument      *cg_document_for_paper        (CgDocument  *self);

gboolean         cg_block_is_in_list          (const CgBlock *block);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgDocument, cg_document_unref)

G_END_DECLS
