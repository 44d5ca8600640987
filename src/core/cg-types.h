/* cg-types.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CgDocument      CgDocument;
typedef struct _CgProblem       CgProblem;
typedef struct _CgArticle       CgArticle;
typedef struct _CgClinic        CgClinic;
typedef struct _CgFaqEntry      CgFaqEntry;
typedef struct _CgLibrary       CgLibrary;
typedef struct _CgTopic         CgTopic;
typedef struct _CgContentLoader CgContentLoader;

typedef enum
{
  CG_BLOCK_HEADING,
  CG_BLOCK_PARAGRAPH,
  CG_BLOCK_LIST_ITEM,
  CG_BLOCK_NOTE_TITLE,
  CG_BLOCK_IMAGE,
} CgBlockKind;

typedef enum
{
  CG_NOTE_NONE,
  CG_NOTE_INFO,
  CG_NOTE_WARNING,
  CG_NOTE_CALL,
} CgNoteKind;

typedef enum
{
  CG_SPAN_EMPHASIS,
  CG_SPAN_STRONG,
  CG_SPAN_LINK,          /* to an article or FAQ entry: target is its id */
  CG_SPAN_EXTERNAL_LINK, /* target is a https:, mailto: or tel: address */
  CG_SPAN_FIELD,         /* a clinic detail filled in: target is the field name */
} CgSpanKind;

G_END_DECLS
