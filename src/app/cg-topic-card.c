/* cg-topic-card.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-topic-card.h"

/* A large button on the home page: a topic's icon, title and summary. */
struct _CgTopicCard
{
  GtkFlowBoxChild  parent_instance;

  CgTopic         *topic;

  /* Template widgets */
  GtkImage        *icon;
  GtkLabel        *title_label;
  GtkLabel        *summary_label;
};

G_DEFINE_FINAL_TYPE (CgTopicCard, cg_topic_card, GTK_TYPE_FLOW_BOX_CHILD)

enum {
  PROP_0,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_topic_card_constructed (GObject *object)
{
  CgTopicCard *self = CG_TOPIC_CARD (object);
  const char *icon_name;
  const char *summary;

  G_OBJECT_CLASS (cg_topic_card_parent_class)->constructed (object);

  g_assert (self->topic != NULL);

  icon_name = cg_topic_get_icon_name (self->topic);
  summary = cg_topic_get_summary (self->topic);

  gtk_image_set_from_icon_name (self->icon, icon_name ? icon_name : "folder-symbolic");
  gtk_label_set_label (self->title_label, cg_topic_get_title (self->topic));
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_topic_get_title (self->topic),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

static void
cg_topic_card_dispose (GObject *object)
{
  CgTopicCard *self = CG_TOPIC_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_TOPIC_CARD);
  g_clear_object (&self->topic);

  G_OBJECT_CLASS (cg_topic_card_parent_class)->dispose (object);
}

static void
cg_topic_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgTopicCard *self = CG_TOPIC_CARD (object);

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
cg_topic_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgTopicCard *self = CG_TOPIC_CARD (object);

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
cg_topic_card_class_init (CgTopicCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_topic_card_constructed;
  object_class->dispose = cg_topic_card_dispose;
  object_class->get_property = cg_topic_card_get_property;
  object_class->set_property = cg_topic_card_set_property;

  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL,
                         CG_TYPE_TOPIC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-topic-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CgTopicCard, icon);
  gtk_widget_class_bind_template_child (widget_class, CgTopicCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, CgTopicCard, summary_label);
}

static void
cg_topic_card_init (CgTopicCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cg_topic_card_new (CgTopic *topic)
{
  g_return_val_if_fail (CG_IS_TOPIC (topic), NULL);

  return g_object_new (CG_TYPE_TOPIC_CARD,
                       "topic", topic,
                       NULL);
}

CgTopic *
cg_topic_card_get_topic (CgTopicCard *self)
{
  g_return_val_if_fail (CG_IS_TOPIC_CARD (self), NULL);

  return self->topic;
}
