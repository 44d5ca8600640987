/* cg-link-dialog.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-link-dialog.h"
#include "cg-qr-code.h"
#include "cg-take-home.h"

/* A QR code for the patient's own phone, in two uses:
 * - in waiting-room mode no browser may open: an external link shows its
 *   address and a code instead;
 * - "Take it home" (F19): the code holds the text of an answer itself, so
 *   that the phone's camera shows it with no network, no app and no
 *   account. Nothing is stored or sent.
 * The dialog is transient for the window, so that the kiosk's reset closes
 * it with the window's other dialogs. */

/* About the side of the code on screen, in pixels: a version 20 code (the
 * largest, CG_QR_CODE_MAX_VERSION) gets 4 pixels a module, about 1 mm on a
 * kiosk's screen, and the dialog still fits a 768-pixel-high screen. */
#define CODE_PIXELS       440
#define MIN_MODULE_PIXELS 3
#define MAX_MODULE_PIXELS 8

struct _CgLinkDialog
{
  AdwWindow       parent_instance;

  char           *text;      /* what the code holds */
  GdkTexture     *code;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *explanation_label;
  GtkPicture     *code_picture;
  GtkLabel       *uri_label;
  GtkLabel       *detail_label;
};

G_DEFINE_FINAL_TYPE (CgLinkDialog, cg_link_dialog, ADW_TYPE_WINDOW)

static GdkTexture *
make_code_texture (const char *text)
{
  g_autoptr(CgQrCode) code = cg_qr_code_new (text, 40);
  g_autoptr(GBytes) bytes = NULL;
  guint module_pixels, side;

  if (code == NULL)
    return NULL;

  module_pixels = CODE_PIXELS / (cg_qr_code_get_width (code) + 2 * CG_QR_CODE_QUIET_ZONE);
  module_pixels = CLAMP (module_pixels, MIN_MODULE_PIXELS, MAX_MODULE_PIXELS);
  bytes = cg_qr_code_render_rgb (code, module_pixels, &side);

  return gdk_memory_texture_new ((int) side, (int) side, GDK_MEMORY_R8G8B8, bytes, side * 3);
}

static void
cg_link_dialog_set_text (CgLinkDialog *self,
                         const char   *text)
{
  g_assert (self->text == NULL);

  self->text = g_strdup (text);
  self->code = make_code_texture (text);
  gtk_picture_set_paintable (self->code_picture, GDK_PAINTABLE (self->code));
  gtk_widget_set_visible (GTK_WIDGET (self->code_picture), self->code != NULL);
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

  g_free (self->text);

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
  gtk_widget_class_bind_template_child (widget_class, CgLinkDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CgLinkDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, CgLinkDialog, code_picture);
  gtk_widget_class_bind_template_child (widget_class, CgLinkDialog, uri_label);
  gtk_widget_class_bind_template_child (widget_class, CgLinkDialog, detail_label);

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
  cg_link_dialog_set_text (self, uri);

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

  return GTK_WIDGET (self);
}

/**
 * cg_link_dialog_new_take_home:
 * @clinic: (nullable): whose name and phone the text ends with
 *
 * "Take it home": a code that holds the text of @item, in the reader's
 * language, or its summary and key points when the whole does not fit.
 *
 * Returns: (transfer floating) (nullable): the dialog, or %NULL when there
 *   is no code to show (built without libqrencode)
 */
GtkWidget *
cg_link_dialog_new_take_home (GtkWindow *parent,
                              CgItem    *item,
                              CgClinic  *clinic)
{
  CgLinkDialog *self;
  g_autofree char *text = NULL;
  gboolean shortened = FALSE;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CG_IS_ITEM (item), NULL);

  text = cg_link_dialog_make_take_home_text (item, clinic, &shortened);
  if (text == NULL)
    return NULL;

  self = g_object_new (CG_TYPE_LINK_DIALOG,
                       "transient-for", parent,
                       "title", _("Take It Home"),
                       NULL);
  cg_link_dialog_set_text (self, text);

  adw_window_title_set_title (self->window_title, _("Take It Home"));
  gtk_label_set_label (self->explanation_label,
                       _("Point your phone’s camera at the code: the text appears on your phone. "
                         "It needs no internet, no app and no account. Nothing is stored or sent."));
  gtk_picture_set_alternative_text (self->code_picture, _("QR code of the text"));
  gtk_label_set_label (self->uri_label, cg_item_get_title (item));
  gtk_widget_remove_css_class (GTK_WIDGET (self->uri_label), "monospace");
  gtk_label_set_wrap_mode (self->uri_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_label (self->detail_label,
                       shortened ? _("The summary and the key points, with the clinic’s phone number")
                                 : _("The whole text, with the clinic’s phone number"));
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), TRUE);

  return GTK_WIDGET (self);
}

/* The address of a link dialog, or the text of a "Take it home" one. */
const char *
cg_link_dialog_get_uri (CgLinkDialog *self)
{
  g_return_val_if_fail (CG_IS_LINK_DIALOG (self), NULL);

  return self->text;
}

/* What the code holds. */
const char *
cg_link_dialog_get_text (CgLinkDialog *self)
{
  g_return_val_if_fail (CG_IS_LINK_DIALOG (self), NULL);

  return self->text;
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

/**
 * cg_link_dialog_make_take_home_text:
 * @clinic: (nullable): whose name and phone the text ends with
 * @shortened: (out) (optional): whether it is the summary and key points
 *
 * The text of "Take it home", in the language of the interface: what the
 * dialog's code and the printed handout's code hold.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when no code can
 *   hold it
 */
char *
cg_link_dialog_make_take_home_text (CgItem   *item,
                                    CgClinic *clinic,
                                    gboolean *shortened)
{
  g_return_val_if_fail (CG_IS_ITEM (item), NULL);

  return cg_take_home_get_text (item, clinic,
                                gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL,
                                shortened);
}

/**
 * cg_link_dialog_show_take_home:
 * @from: the widget whose window the dialog belongs to
 *
 * Shows the "Take it home" dialog for @item, modal for @from's window.
 */
void
cg_link_dialog_show_take_home (GtkWidget *from,
                   CgItem    *item,
                   CgClinic  *clinic)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (CG_IS_ITEM (item));

  root = gtk_widget_get_root (from);
  if (!GTK_IS_WINDOW (root))
    return;

  dialog = cg_link_dialog_new_take_home (GTK_WINDOW (root), item, clinic);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cg_link_dialog_new_take_home_button:
 * @with_label: %FALSE for an icon alone, as in a list's row
 *
 * The "Take it home" button, the same wherever an answer is shown; its
 * "take-home" style class makes it large in the kiosk. Connect to
 * #GtkButton::clicked.
 *
 * Returns: (transfer floating): the button, hidden when built without
 *   libqrencode
 */
GtkWidget *
cg_link_dialog_new_take_home_button (gboolean with_label)
{
  GtkWidget *button = gtk_button_new ();

  if (with_label)
    {
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "phone-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Take It Home"));
      gtk_button_set_child (GTK_BUTTON (button), content);
    }
  else
    {
      /* Named in words for screen readers: the icon alone says nothing. */
      gtk_button_set_icon_name (GTK_BUTTON (button), "phone-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Take it home"),
                                      -1);
    }
  gtk_widget_set_tooltip_text (button, _("Show a code that puts this text on your phone"));
  gtk_widget_add_css_class (button, "take-home");
  gtk_widget_set_visible (button, HAVE_QRENCODE);

  return button;
}
