/* cg-image-viewer.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-document-image.h"
#include "cg-image-viewer.h"

/* A picture of an article, as large as the window allows, with its
 * caption. It is a dialog of the window, so the waiting-room mode closes
 * it with the other dialogs when it resets. The picture is drawn again
 * from its file at the new size, never a small bitmap blown up. */
struct _CgImageViewer
{
  AdwWindow       parent_instance;

  GtkWidget      *picture;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkBox         *picture_box;
  GtkLabel       *caption_label;
  GtkLabel       *legend_label;
  GtkWidget      *close_button;
};

G_DEFINE_FINAL_TYPE (CgImageViewer, cg_image_viewer, ADW_TYPE_WINDOW)

static void
cg_image_viewer_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CG_TYPE_IMAGE_VIEWER);

  G_OBJECT_CLASS (cg_image_viewer_parent_class)->dispose (object);
}

static void
cg_image_viewer_class_init (CgImageViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_image_viewer_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-image-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, CgImageViewer, window_title);
  gtk_widget_class_bind_template_child (widget_class, CgImageViewer, picture_box);
  gtk_widget_class_bind_template_child (widget_class, CgImageViewer, caption_label);
  gtk_widget_class_bind_template_child (widget_class, CgImageViewer, legend_label);
  gtk_widget_class_bind_template_child (widget_class, CgImageViewer, close_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cg_image_viewer_init (CgImageViewer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cg_image_viewer_new:
 * @parent: (nullable): the window the picture was in
 * @caption: (nullable): the picture's caption; without one, its description
 *   is shown
 * @legend: (nullable): what the picture's numbers mean, one a line
 */
GtkWidget *
cg_image_viewer_new (GtkWindow  *parent,
                     const char *path,
                     const char *alt,
                     const char *caption,
                     const char *legend)
{
  CgImageViewer *self;
  const char *text = caption != NULL && caption[0] != '\0' ? caption : alt;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CG_TYPE_IMAGE_VIEWER,
                       "transient-for", parent,
                       NULL);

  /* Most of the parent's size: a picture opened larger should be large. */
  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    gtk_window_set_default_size (GTK_WINDOW (self),
                                 gtk_widget_get_width (GTK_WIDGET (parent)) * 9 / 10,
                                 gtk_widget_get_height (GTK_WIDGET (parent)) * 9 / 10);

  /* Translators: the title of the window that shows a picture larger. */
  gtk_window_set_title (GTK_WINDOW (self), _("Picture"));
  adw_window_title_set_title (self->window_title, _("Picture"));

  self->picture = cg_document_image_new (path, alt, caption, NULL);
  cg_document_image_set_fill (CG_DOCUMENT_IMAGE (self->picture), TRUE);
  gtk_widget_set_vexpand (self->picture, TRUE);
  gtk_box_append (self->picture_box, self->picture);

  gtk_label_set_text (self->caption_label, text != NULL ? text : "");
  gtk_label_set_text (self->legend_label, legend != NULL ? legend : "");
  gtk_widget_set_visible (GTK_WIDGET (self->legend_label), legend != NULL && legend[0] != '\0');
  gtk_window_set_focus (GTK_WINDOW (self), self->close_button);

  return GTK_WIDGET (self);
}

/**
 * cg_image_viewer_get_picture:
 *
 * Returns: (transfer none): the #CgDocumentImage shown
 */
GtkWidget *
cg_image_viewer_get_picture (CgImageViewer *self)
{
  g_return_val_if_fail (CG_IS_IMAGE_VIEWER (self), NULL);

  return self->picture;
}
