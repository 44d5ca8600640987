/* cg-topic-row.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-topic-row.h"

/* A row of the sidebar: a topic, or the home page (no topic). */
struct _CgTopicRow
{
  GtkListBoxRow  parent_instance;

  CgTopic       *topic;
  char          *page;

  /* Template widgets */
  GtkImage      *icon;
  GtkLabel      *title_label;
};

G_DEFINE_FINAL_TYPE (CgTopicRow, cg_topic_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_topic_row_constructed (GObject *object)
{
  CgTopicRow *self = CG_TOPIC_ROW (object);

  G_OBJECT_CLASS (cg_topic_row_parent_class)->constructed (object);

  if (self->topic != NULL)
    {
      const char *icon_name = cg_topic_get_icon_name (self->topic);

      gtk_image_set_from_icon_name (self->icon, icon_name ? icon_name : "folder-symbolic");
      gtk_label_set_label (self->title_label, cg_topic_get_title (self->topic));
      self->page = g_strconcat ("topic:", cg_topic_get_id (self->topic), NULL);
    }
  else
    {
      gtk_image_set_from_icon_name (self->icon, "go-home-symbolic");
      gtk_label_set_label (self->title_label, _("Home"));
      self->page = g_strdup ("home");
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_label (self->title_label),
                                  -1);
}

static void
cg_topic_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CG_TYPE_TOPIC_ROW);

  G_OBJECT_CLASS (cg_topic_row_parent_class)->dispose (object);
}

static void
cg_topic_row_finalize (GObject *object)
{
  CgTopicRow *self = CG_TOPIC_ROW (object);

  g_clear_object (&self->topic);
  g_clear_pointer (&self->page, g_free);

  G_OBJECT_CLASS (cg_topic_row_parent_class)->finalize (object);
}

static void
cg_topic_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CgTopicRow *self = CG_TOPIC_ROW (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_topic_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CgTopicRow *self = CG_TOPIC_ROW (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      self->topic = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_topic_row_class_init (CgTopicRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_topic_row_constructed;
  object_class->dispose = cg_topic_row_dispose;
  object_class->finalize = cg_topic_row_finalize;
  object_class->get_property = cg_topic_row_get_property;
  object_class->set_property = cg_topic_row_set_property;

  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL,
                         CG_TYPE_TOPIC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-topic-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CgTopicRow, icon);
  gtk_widget_class_bind_template_child (widget_class, CgTopicRow, title_label);
}

static void
cg_topic_row_init (CgTopicRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cg_topic_row_new (CgTopic *topic)
{
  g_return_val_if_fail (CG_IS_TOPIC (topic), NULL);

  return g_object_new (CG_TYPE_TOPIC_ROW,
                       "topic", topic,
                       NULL);
}

GtkWidget *
cg_topic_row_new_home (void)
{
  return g_object_new (CG_TYPE_TOPIC_ROW, NULL);
}

/**
 * cg_topic_row_get_topic:
 *
 * Returns: (nullable): the topic, or %NULL for the home row
 */
CgTopic *
cg_topic_row_get_topic (CgTopicRow *self)
{
  g_return_val_if_fail (CG_IS_TOPIC_ROW (self), NULL);

  return self->topic;
}

/**
 * cg_topic_row_get_page:
 *
 * Returns: the window's name for the page the row opens: "home" or
 *   "topic:<id>"
 */
const char *
cg_topic_row_get_page (CgTopicRow *self)
{
  g_return_val_if_fail (CG_IS_TOPIC_ROW (self), NULL);

  return self->page;
}
