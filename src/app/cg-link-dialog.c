/* cg-link-dialog.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#if HAVE_QRENCODE
#include <qrencode.h>
#endif

#include "cg-link-dialog.h"

/* In waiting-room mode no browser may open: an external link shows its
 * address and a QR code instead, for the patient's own phone. */

#define MODULE_PIXELS 8
#define QUIET_ZONE    4  /* modules of white around the code, as scanners need */

struct _CgLinkDialog
{
  AdwWindow   parent_instance;

  char       *uri;
  GdkTexture *code;

  /* Template widgets */
  GtkPicture *code_picture;
  GtkLabel   *uri_label;
  GtkLabel   *explanation_label;
};

G_DEFINE_FINAL_TYPE (CgLinkDialog, cg_link_dialog, ADW_TYPE_WINDOW)

/* Black on white whatever the style: a dark QR code on a dark background
 * does not scan. */
static GdkTexture *
make_code_texture (const char *text)
{
#if HAVE_QRENCODE
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  g_autoptr(GBytes) bytes = NULL;
  guint8 *pixels;
  gsize side, stride;

  if (code == NULL)
    return NULL;

  side = (gsize) (code->width + 2 * QUIET_ZONE) * MODULE_PIXELS;
  stride = side * 3;
  pixels = g_malloc (stride * side);
  memset (pixels, 0xff, stride * side);

  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width; x++)
      {
        if ((code->data[y * code->width + x] & 1) == 0)
          continue;

        for (gsize py = 0; py < MODULE_PIXELS; py++)
          memset (pixels + ((y + QUIET_ZONE) * MODULE_PIXELS + py) * stride
                         + (x + QUIET_ZONE) * MODULE_PIXELS * 3,
                  0, MODULE_PIXELS * 3);
      }

  QRcode_free (code);
  bytes = g_bytes_new_take (pixels, stride * side);

  return gdk_memory_texture_new ((int) side, (int) side, GDK_MEMORY_R8G8B8, bytes, stride);
#else
  return NULL;
#endif
}

static void
cg_link_dialog_dispose (GObject *object)
{
  CgLinkDialog *self = CG_LINK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_LINK_DIALOG);
  g_clear_object (&self->code);

  G_OBJECT_CLASS (cg_link_dialog_parent_class)->dispose (object);
}

static void
cg_link_dialog_finalize (GObject *object)
{
  CgLinkDialog *self = CG_LINK_DIALOG (object);

  g_free (self->uri);

  G_OBJECT_CLASS (cg_link_dialog_parent_class)->finalize (object);
}

static void
cg_link_dialog_class_init (CgLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_link_dialog_dispose;
  object_class->finalize = cg_link_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgLinkDialog, code_picture);
  gtk_widget_class_bind_template_child (widget_class, CgLinkDialog, uri_label);
  gtk_widget_class_bind_template_child (widget_class, CgLinkDialog, explanation_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cg_link_dialog_init (CgLinkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cg_link_dialog_new (GtkWindow  *parent,
                    const char *uri)
{
  CgLinkDialog *self;
  const char *shown = uri;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  self = g_object_new (CG_TYPE_LINK_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->uri = g_strdup (uri);
  self->code = make_code_texture (uri);

  /* What a person would type or say: "tel:+1 555" is a phone number. */
  /* F14: and what the code is, so that nobody looks for a web page. */
  if (g_str_has_prefix (uri, "tel:"))
    {
      shown = uri + strlen ("tel:");
      gtk_label_set_label (self->explanation_label,
                           _("This code is a phone number. Scan it with your phone’s camera to call, or dial the number below."));
    }
  else if (g_str_has_prefix (uri, "mailto:"))
    {
      shown = uri + strlen ("mailto:");
      gtk_label_set_label (self->explanation_label,
                           _("This code is an e-mail address. Scan it with your phone’s camera to write, or type the address below."));
    }
  else
    gtk_label_set_label (self->explanation_label,
                         _("This code is a web page, which this screen cannot open. Scan it with your phone’s camera, or type the address below."));
  gtk_label_set_label (self->uri_label, shown);

  gtk_picture_set_paintable (self->code_picture, GDK_PAINTABLE (self->code));
  gtk_widget_set_visible (GTK_WIDGET (self->code_picture), self->code != NULL);

  return GTK_WIDGET (self);
}

const char *
cg_link_dialog_get_uri (CgLinkDialog *self)
{
  g_return_val_if_fail (CG_IS_LINK_DIALOG (self), NULL);

  return self->uri;
}

/**
 * cg_link_dialog_get_code:
 *
 * Returns: (transfer none) (nullable): the QR code shown, or %NULL when
 *   built without libqrencode
 */
GdkTexture *
cg_link_dialog_get_code (CgLinkDialog *self)
{
  g_return_val_if_fail (CG_IS_LINK_DIALOG (self), NULL);

  return self->code;
}
