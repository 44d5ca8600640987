/* cg-item-row.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-article.h"
#include "cg-faq-entry.h"
#include "cg-item-row.h"

/* A row that opens an article (title and summary) or a question on its
 * own page, through the "win.show-item" action. */
struct _CgItemRow
{
  GtkListBoxRow  parent_instance;

  CgItem        *item;

  /* Template widgets */
  GtkImage      *kind_icon;
  GtkLabel      *title_label;
  GtkLabel      *summary_label;
};

G_DEFINE_FINAL_TYPE (CgItemRow, cg_item_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_item_row_constructed (GObject *object)
{
  CgItemRow *self = CG_ITEM_ROW (object);

  G_OBJECT_CLASS (cg_item_row_parent_class)->constructed (object);

  g_assert (self->item != NULL);

  gtk_label_set_label (self->title_label, cg_item_get_title (self->item));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", cg_item_get_id (self->item));

  if (CG_IS_ARTICLE (self->item))
    {
      const char *summary = cg_article_get_summary (CG_ARTICLE (self->item));

      gtk_label_set_label (self->summary_label, summary);
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);
      gtk_image_set_from_icon_name (self->kind_icon, "x-office-document-symbolic");
    }
  else
    gtk_image_set_from_icon_name (self->kind_icon, "help-faq-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_item_get_title (self->item),
                                  -1);
}

static void
cg_item_row_dispose (GObject *object)
{
  CgItemRow *self = CG_ITEM_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_ITEM_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (cg_item_row_parent_class)->dispose (object);
}

static void
cg_item_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CgItemRow *self = CG_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_item_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CgItemRow *self = CG_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_item_row_class_init (CgItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_item_row_constructed;
  object_class->dispose = cg_item_row_dispose;
  object_class->get_property = cg_item_row_get_property;
  object_class->set_property = cg_item_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CG_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CgItemRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, CgItemRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CgItemRow, summary_label);
}

static void
cg_item_row_init (CgItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cg_item_row_new (CgItem *item)
{
  g_return_val_if_fail (CG_IS_ITEM (item), NULL);

  return g_object_new (CG_TYPE_ITEM_ROW,
                       "item", item,
                       NULL);
}

CgItem *
cg_item_row_get_item (CgItemRow *self)
{
  g_return_val_if_fail (CG_IS_ITEM_ROW (self), NULL);

  return self->item;
}
