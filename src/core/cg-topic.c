/* cg-topic.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-topic.h"

/* A topic of the sidebar: a group of articles and questions. Immutable:
 * every property is set once, by the loader. */
struct _CgTopic
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *icon_name;
  char       *summary;
};

G_DEFINE_FINAL_TYPE (CgTopic, cg_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_topic_finalize (GObject *object)
{
  CgTopic *self = CG_TOPIC (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (cg_topic_parent_class)->finalize (object);
}

static void
cg_topic_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CgTopic *self = CG_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_topic_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CgTopic *self = CG_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_ICON_NAME:
      self->icon_name = g_value_dup_string (value);
      break;

    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_topic_class_init (CgTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_topic_finalize;
  object_class->get_property = cg_topic_get_property;
  object_class->set_property = cg_topic_set_property;

  /* The topic's id. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The title shown in the sidebar. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* A symbolic icon name. */
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* One sentence on what the topic covers. */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_topic_init (CgTopic *self)
{
}

const char *
cg_topic_get_id (CgTopic *self)
{
  g_return_val_if_fail (CG_IS_TOPIC (self), NULL);

  return self->id;
}

const char *
cg_topic_get_title (CgTopic *self)
{
  g_return_val_if_fail (CG_IS_TOPIC (self), NULL);

  return self->title;
}

const char *
cg_topic_get_icon_name (CgTopic *self)
{
  g_return_val_if_fail (CG_IS_TOPIC (self), NULL);

  return self->icon_name;
}

const char *
cg_topic_get_summary (CgTopic *self)
{
  g_return_val_if_fail (CG_IS_TOPIC (self), NULL);

  return self->summary;
}
