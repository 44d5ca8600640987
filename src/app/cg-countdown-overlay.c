/* cg-countdown-overlay.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-countdown-overlay.h"

/* Covers the waiting-room screen in the last seconds before it resets: a
 * large number and a line that says how to keep reading. A toast would be
 * too small to notice from a chair, and too easy to miss for someone who
 * cannot read the language on screen: the number alone says "soon". */
struct _CgCountdownOverlay
{
  AdwBin    parent_instance;

  guint     remaining;

  /* Template widgets */
  GtkLabel *number_label;
};

G_DEFINE_FINAL_TYPE (CgCountdownOverlay, cg_countdown_overlay, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REMAINING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_countdown_overlay_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CG_TYPE_COUNTDOWN_OVERLAY);

  G_OBJECT_CLASS (cg_countdown_overlay_parent_class)->dispose (object);
}

static void
cg_countdown_overlay_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CgCountdownOverlay *self = CG_COUNTDOWN_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_REMAINING:
      g_value_set_uint (value, self->remaining);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_countdown_overlay_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CgCountdownOverlay *self = CG_COUNTDOWN_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_REMAINING:
      cg_countdown_overlay_set_remaining (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_countdown_overlay_class_init (CgCountdownOverlayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_countdown_overlay_dispose;
  object_class->get_property = cg_countdown_overlay_get_property;
  object_class->set_property = cg_countdown_overlay_set_property;

  /* Seconds before the reset; 0 hides the overlay. */
  properties[PROP_REMAINING] =
    g_param_spec_uint ("remaining", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-countdown-overlay.ui");
  gtk_widget_class_bind_template_child (widget_class, CgCountdownOverlay, number_label);
}

static void
cg_countdown_overlay_init (CgCountdownOverlay *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cg_countdown_overlay_new (void)
{
  return g_object_new (CG_TYPE_COUNTDOWN_OVERLAY, NULL);
}

guint
cg_countdown_overlay_get_remaining (CgCountdownOverlay *self)
{
  g_return_val_if_fail (CG_IS_COUNTDOWN_OVERLAY (self), 0);

  return self->remaining;
}

void
cg_countdown_overlay_set_remaining (CgCountdownOverlay *self,
                                    guint               remaining)
{
  g_autofree char *number = NULL;

  g_return_if_fail (CG_IS_COUNTDOWN_OVERLAY (self));

  if (self->remaining == remaining)
    return;

  self->remaining = remaining;

  number = g_strdup_printf ("%u", remaining);
  gtk_label_set_label (self->number_label, number);
  gtk_widget_set_visible (GTK_WIDGET (self), remaining > 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
}
