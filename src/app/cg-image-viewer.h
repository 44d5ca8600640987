/* cg-image-viewer.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CG_TYPE_IMAGE_VIEWER (cg_image_viewer_get_type ())

G_DECLARE_FINAL_TYPE (CgImageViewer, cg_image_viewer, CG, IMAGE_VIEWER, AdwWindow)

GtkWidget *cg_image_viewer_new         (GtkWindow     *parent,
                                        const char    *path,
                                        const char    *alt,
                                        const char    *caption,
                                        const char    *legend);
GtkWidget *cg_image_viewer_get_picture (CgImageViewer *self);

G_END_DECLS
