/* cg-text-renderer.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-item.h"
#include "cg-text-style.h"

G_BEGIN_DECLS

/* What goes around the document when an item is rendered. */
typedef enum
{
  CG_RENDER_BODY       = 0,
  CG_RENDER_TITLE      = 1 << 0,
  CG_RENDER_DISCLAIMER = 1 << 1,
  CG_RENDER_REVIEW     = 1 << 2,
  CG_RENDER_RELATED    = 1 << 3,
  CG_RENDER_PAPER      = 1 << 4,  /* no link can be followed: see cg_document_for_paper() */
} CgRenderFlags;

/* An article or a question on a page of its own. */
#define CG_RENDER_PAGE (CG_RENDER_TITLE | CG_RENDER_DISCLAIMER | CG_RENDER_REVIEW)

#define CG_TYPE_TEXT_RENDERER (cg_text_renderer_get_type ())

G_DECLARE_FINAL_TYPE (CgTextRenderer, cg_text_renderer, CG, TEXT_RENDERER, GObject)

CgTextRenderer *cg_text_renderer_new               (GtkTextBuffer       *buffer);
GtkTextBuffer  *cg_text_renderer_get_buffer        (CgTextRenderer      *self);
void            cg_text_renderer_render            (CgTextRenderer      *self,
                                                    CgItem              *item,
                                                    GListModel          *related,
                                                    CgRenderFlags        flags);
double          cg_text_renderer_get_text_scale    (CgTextRenderer      *self);
void            cg_text_renderer_set_text_scale    (CgTextRenderer      *self,
                                                    double               text_scale);
const CgTextPalette *
                cg_text_renderer_get_palette       (CgTextRenderer      *self);
void            cg_text_renderer_set_palette       (CgTextRenderer      *self,
                                                    const CgTextPalette *palette);
const char     *cg_text_renderer_get_link_at       (CgTextRenderer      *self,
                                                    const GtkTextIter   *iter,
                                                    gboolean            *external);
gboolean        cg_text_renderer_get_link_bounds   (CgTextRenderer      *self,
                                                    const GtkTextIter   *iter,
                                                    GtkTextIter         *start,
                                                    GtkTextIter         *end);
void            cg_text_renderer_attach_widgets    (CgTextRenderer      *self,
                                                    GtkTextView         *view);
GPtrArray      *cg_text_renderer_get_images        (CgTextRenderer      *self);

G_END_DECLS
