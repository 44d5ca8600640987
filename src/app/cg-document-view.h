/* cg-document-view.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-search-result.h"
#include "cg-speech-script.h"
#include "cg-text-renderer.h"

G_BEGIN_DECLS

#define CG_TYPE_DOCUMENT_VIEW (cg_document_view_get_type ())

G_DECLARE_FINAL_TYPE (CgDocumentView, cg_document_view, CG, DOCUMENT_VIEW, GtkTextView)

GtkWidget      *cg_document_view_new               (void);
void            cg_document_view_show_item         (CgDocumentView    *self,
                                                    CgItem            *item,
                                                    GListModel        *related,
                                                    CgRenderFlags      flags);
CgItem         *cg_document_view_get_item          (CgDocumentView    *self);
CgTextRenderer *cg_document_view_get_renderer      (CgDocumentView    *self);
double          cg_document_view_get_text_scale    (CgDocumentView    *self);
void            cg_document_view_set_text_scale    (CgDocumentView    *self,
                                                    double             text_scale);
gboolean        cg_document_view_activate_link_at  (CgDocumentView    *self,
                                                    const GtkTextIter *iter);
guint           cg_document_view_find              (CgDocumentView    *self,
                                                    const char        *text);
guint           cg_document_view_get_n_matches     (CgDocumentView    *self);
int             cg_document_view_get_current_match (CgDocumentView    *self);
void            cg_document_view_select_match      (CgDocumentView    *self,
                                                    guint              index);
guint           cg_document_view_highlight         (CgDocumentView    *self,
                                                    const char        *text,
                                                    GArray            *ranges);

/* reading aloud (F15) */
CgSpeechScript *cg_document_view_get_speech_script (CgDocumentView    *self);
void            cg_document_view_set_spoken_range  (CgDocumentView    *self,
                                                    int                start,
                                                    int                end);
gboolean        cg_document_view_get_spoken_range  (CgDocumentView    *self,
                                                    int               *start,
                                                    int               *end);

G_END_DECLS
