/* cg-document-image.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_DOCUMENT_IMAGE (cg_document_image_get_type ())

G_DECLARE_FINAL_TYPE (CgDocumentImage, cg_document_image, CG, DOCUMENT_IMAGE, GtkWidget)

/* The widest a picture is drawn in the text at text scale 1, in pixels. */
#define CG_DOCUMENT_IMAGE_BASE_WIDTH 600

GtkWidget  *cg_document_image_new                 (const char      *path,
                                                   const char      *alt,
                                                   const char      *caption,
                                                   const char      *legend);
char       *cg_document_image_path_for_direction  (const char      *path,
                                                   GtkTextDirection direction);
const char *cg_document_image_get_path            (CgDocumentImage *self);
const char *cg_document_image_get_file            (CgDocumentImage *self);
const char *cg_document_image_get_alt             (CgDocumentImage *self);
const char *cg_document_image_get_caption         (CgDocumentImage *self);
const char *cg_document_image_get_legend          (CgDocumentImage *self);
gboolean    cg_document_image_is_valid            (CgDocumentImage *self);
void        cg_document_image_set_text_scale      (CgDocumentImage *self,
                                                   double           text_scale);
void        cg_document_image_set_available_width (CgDocumentImage *self,
                                                   int              width);
void        cg_document_image_set_fill            (CgDocumentImage *self,
                                                   gboolean         fill);
int         cg_document_image_get_texture_width   (CgDocumentImage *self);

G_END_DECLS
