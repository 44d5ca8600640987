/* cg-article-page.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-document-view.h"
#include "cg-library.h"

G_BEGIN_DECLS

#define CG_TYPE_ARTICLE_PAGE (cg_article_page_get_type ())

G_DECLARE_FINAL_TYPE (CgArticlePage, cg_article_page, CG, ARTICLE_PAGE, AdwBin)

GtkWidget      *cg_article_page_new               (CgLibrary               *library,
                                                   CgItem                  *item);
CgItem         *cg_article_page_get_item          (CgArticlePage           *self);
void            cg_article_page_set_item          (CgArticlePage           *self,
                                                   CgItem                  *item);
CgDocumentView *cg_article_page_get_document_view (CgArticlePage           *self);
void            cg_article_page_start_find        (CgArticlePage           *self);
gboolean        cg_article_page_get_find_active   (CgArticlePage           *self);
GtkEditable    *cg_article_page_get_find_entry    (CgArticlePage           *self);
const char     *cg_article_page_get_find_status   (CgArticlePage           *self);
gboolean        cg_article_page_print             (CgArticlePage           *self,
                                                   GtkPrintOperationAction  action,
                                                   const char              *export_filename,
                                                   GError                 **error);

G_END_DECLS
