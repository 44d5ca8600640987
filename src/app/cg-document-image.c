/* cg-document-image.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cg-document-image.h"

/* A picture in an article. It is drawn from its file at the size it is
 * shown, times the screen's scale factor, so that a drawing (SVG) stays
 * sharp at any text size and on any screen; a bitmap is simply scaled.
 * In the text it is as wide as the text scale makes it, but never wider
 * than the text view; in the viewer ("fill") it fits the space it is
 * given. A click, a tap, Enter or Space opens it larger. */
struct _CgDocumentImage
{
  GtkWidget   parent_instance;

  char       *path;
  char       *file;             /* what is drawn: @path, or its right-to-left version */
  char       *alt;
  char       *caption;
  char       *legend;
  int         file_width;
  int         file_height;
  double      text_scale;
  int         available_width;  /* -1 when not known */
  gboolean    fill;

  GdkTexture *texture;          /* drawn at texture_width pixels */
  int         texture_width;
};

G_DEFINE_FINAL_TYPE (CgDocumentImage, cg_document_image, GTK_TYPE_WIDGET)

enum {
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The width in the text, in logical pixels. */
static int
text_width (CgDocumentImage *self)
{
  int width = MIN (self->file_width, CG_DOCUMENT_IMAGE_BASE_WIDTH);

  /* Until the text view says how wide it is, no wider than at text scale
   * 1: a picture must never be what makes the page too wide for the
   * window. */
  if (self->available_width > 0)
    width = MIN ((int) (width * self->text_scale + 0.5), self->available_width);
  else
    width = MIN (width, (int) (width * self->text_scale + 0.5));

  return MAX (width, 1);
}

/* Where the picture goes inside the widget: all of it, keeping its shape. */
static void
fitted_rect (CgDocumentImage *self,
             graphene_rect_t *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double ratio = (double) self->file_height / self->file_width;

  if (width * ratio > height)
    width = height / ratio;
  height = width * ratio;
  graphene_rect_init (rect,
                      (gtk_widget_get_width (GTK_WIDGET (self)) - width) / 2,
                      (gtk_widget_get_height (GTK_WIDGET (self)) - height) / 2,
                      width, height);
}

static void
cg_document_image_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CgDocumentImage *self = CG_DOCUMENT_IMAGE (widget);

  if (self->file_width <= 0)
    {
      *minimum = *natural = 0;
      return;
    }

  if (self->fill)
    {
      /* The viewer decides the size; ask for the file's size, shrink to a little. */
      int size = orientation == GTK_ORIENTATION_HORIZONTAL ? self->file_width : self->file_height;

      *minimum = MIN (size, 64);
      *natural = size;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = text_width (self);
  else
    {
      int width = for_size > 0 ? MIN (for_size, text_width (self)) : text_width (self);

      *minimum = *natural = (int) ((double) width * self->file_height / self->file_width + 0.5);
    }
}

static GtkSizeRequestMode
cg_document_image_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ensure_texture (CgDocumentImage *self,
                int              width)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  if (self->texture != NULL && self->texture_width == width)
    return;

  g_clear_object (&self->texture);
  self->texture_width = 0;

  pixbuf = gdk_pixbuf_new_from_file_at_scale (self->file, width, -1, TRUE, &error);
  if (pixbuf == NULL)
    {
      g_debug ("Cannot load %s: %s", self->file, error->message);
      return;
    }

  self->texture = gdk_texture_new_for_pixbuf (pixbuf);
  self->texture_width = width;
}

static void
cg_document_image_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CgDocumentImage *self = CG_DOCUMENT_IMAGE (widget);
  graphene_rect_t rect;
  int device_width;

  if (self->file_width <= 0)
    return;

  fitted_rect (self, &rect);
  device_width = (int) ceil (rect.size.width * gtk_widget_get_scale_factor (widget));
  if (device_width <= 0)
    return;

  ensure_texture (self, device_width);
  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &rect);

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      GdkRGBA color;
      float widths[4] = { 3, 3, 3, 3 };
      GdkRGBA colors[4];

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
      G_GNUC_END_IGNORE_DEPRECATIONS
      for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
        colors[i] = color;
      gsk_rounded_rect_init_from_rect (&outline, &rect, 14);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static void
cg_document_image_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cg_document_image_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

/* Whoever shows the picture decides how to show it larger. */
static void
open_viewer (CgDocumentImage *self)
{
  if (self->fill || self->file_width <= 0)
    return;

  g_signal_emit (self, signals[OPEN], 0);
}

static void
click_released_cb (CgDocumentImage *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  open_viewer (self);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_viewer (CG_DOCUMENT_IMAGE (widget));
}

static void
cg_document_image_finalize (GObject *object)
{
  CgDocumentImage *self = CG_DOCUMENT_IMAGE (object);

  g_clear_object (&self->texture);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->alt, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->legend, g_free);

  G_OBJECT_CLASS (cg_document_image_parent_class)->finalize (object);
}

static void
cg_document_image_class_init (CgDocumentImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cg_document_image_finalize;

  widget_class->measure = cg_document_image_measure;
  widget_class->get_request_mode = cg_document_image_get_request_mode;
  widget_class->snapshot = cg_document_image_snapshot;
  widget_class->css_changed = cg_document_image_css_changed;

  /**
   * CgDocumentImage::open:
   *
   * The reader asked to see the picture larger (a click, a tap, Enter or
   * Space on it).
   */
  signals[OPEN] =
    g_signal_new ("open",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "image.open", NULL, activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "image.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "image.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "image.open", NULL);

  gtk_widget_class_set_css_name (widget_class, "picture");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cg_document_image_init (CgDocumentImage *self)
{
  GtkGesture *gesture;

  self->text_scale = 1.0;
  self->available_width = -1;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), FALSE);
  g_signal_connect_object (gesture, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_add_css_class (GTK_WIDGET (self), "document-image");
}

/**
 * cg_document_image_new:
 * @caption: (nullable): shown under the picture in the viewer
 * @legend: (nullable): what the picture's numbers mean, one a line, shown
 *   beside it in the viewer
 *
 * Returns: the picture; cg_document_image_is_valid() says whether the
 *   file could be read
 */
GtkWidget *
cg_document_image_new (const char *path,
                       const char *alt,
                       const char *caption,
                       const char *legend)
{
  CgDocumentImage *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CG_TYPE_DOCUMENT_IMAGE, NULL);
  self->path = g_strdup (path);
  self->file = cg_document_image_path_for_direction (path, gtk_widget_get_default_direction ());
  self->alt = g_strdup (alt != NULL ? alt : "");
  self->caption = g_strdup (caption);
  self->legend = g_strdup (legend);

  if (gdk_pixbuf_get_file_info (self->file, &self->file_width, &self->file_height) == NULL
      || self->file_width <= 0 || self->file_height <= 0)
    self->file_width = self->file_height = 0;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->alt,
                                  -1);
  if (self->file_width > 0)
    {
      gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "zoom-in");
      /* Translators: the tooltip of a picture in an article. */
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Show the picture larger"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Show the picture larger"),
                                      -1);
    }

  return GTK_WIDGET (self);
}

/**
 * cg_document_image_path_for_direction:
 *
 * A drawing that reads in one direction (a timeline, steps in a row) may
 * have a mirrored version for right-to-left languages next to it, named
 * `<name>-rtl.svg`; its numbers are the same, so the same legend fits.
 *
 * Returns: (transfer full): the file to draw for @direction
 */
char *
cg_document_image_path_for_direction (const char       *path,
                                      GtkTextDirection  direction)
{
  g_autofree char *mirrored = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (direction != GTK_TEXT_DIR_RTL || !g_str_has_suffix (path, ".svg"))
    return g_strdup (path);

  mirrored = g_strdup_printf ("%.*s-rtl.svg", (int) strlen (path) - 4, path);
  if (!g_file_test (mirrored, G_FILE_TEST_IS_REGULAR))
    return g_strdup (path);

  return g_steal_pointer (&mirrored);
}

/**
 * cg_document_image_get_file:
 *
 * Returns: the file drawn: the picture's, or its right-to-left version
 */
const char *
cg_document_image_get_file (CgDocumentImage *self)
{
  g_return_val_if_fail (CG_IS_DOCUMENT_IMAGE (self), NULL);

  return self->file;
}

const char *
cg_document_image_get_path (CgDocumentImage *self)
{
  g_return_val_if_fail (CG_IS_DOCUMENT_IMAGE (self), NULL);

  return self->path;
}

const char *
cg_document_image_get_alt (CgDocumentImage *self)
{
  g_return_val_if_fail (CG_IS_DOCUMENT_IMAGE (self), NULL);

  return self->alt;
}

const char *
cg_document_image_get_legend (CgDocumentImage *self)
{
  g_return_val_if_fail (CG_IS_DOCUMENT_IMAGE (self), NULL);

  return self->legend;
}

const char *
cg_document_image_get_caption (CgDocumentImage *self)
{
  g_return_val_if_fail (CG_IS_DOCUMENT_IMAGE (self), NULL);

  return self->caption;
}

gboolean
cg_document_image_is_valid (CgDocumentImage *self)
{
  g_return_val_if_fail (CG_IS_DOCUMENT_IMAGE (self), FALSE);

  return self->file_width > 0;
}

void
cg_document_image_set_text_scale (CgDocumentImage *self,
                                  double           text_scale)
{
  g_return_if_fail (CG_IS_DOCUMENT_IMAGE (self));

  if (G_APPROX_VALUE (self->text_scale, text_scale, 0.001))
    return;

  self->text_scale = text_scale;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * cg_document_image_set_available_width:
 * @width: the width of the text, or -1 when not known
 *
 * A picture is never wider than the text it sits in.
 */
void
cg_document_image_set_available_width (CgDocumentImage *self,
                                       int              width)
{
  g_return_if_fail (CG_IS_DOCUMENT_IMAGE (self));

  if (self->available_width == width)
    return;

  self->available_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * cg_document_image_set_fill:
 *
 * In the viewer, the picture fills the space it is given instead of
 * following the text size, and does not open a viewer of its own.
 */
void
cg_document_image_set_fill (CgDocumentImage *self,
                            gboolean         fill)
{
  g_return_if_fail (CG_IS_DOCUMENT_IMAGE (self));

  self->fill = !!fill;
  if (self->fill)
    {
      gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * cg_document_image_get_texture_width:
 *
 * Returns: how many pixels wide the picture was last drawn from its file,
 *   0 before it is drawn
 */
int
cg_document_image_get_texture_width (CgDocumentImage *self)
{
  g_return_val_if_fail (CG_IS_DOCUMENT_IMAGE (self), 0);

  return self->texture_width;
}
