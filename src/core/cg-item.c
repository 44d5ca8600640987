/* cg-item.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-item.h"

/* What articles and FAQ entries have in common: an id, a topic, a title,
 * words to find it by, a review record and a document. Immutable: every
 * property is set once, by the loader. */
typedef struct
{
  char       *id;
  char       *topic_id;
  char       *title;
  char      **keywords;
  char       *review_date;
  char       *reviewed_by;
  CgDocument *document;
  char      **related;
  char      **takeaway;
  char       *file;
} CgItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CgItem, cg_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TOPIC_ID,
  PROP_TITLE,
  PROP_KEYWORDS,
  PROP_REVIEW_DATE,
  PROP_REVIEWED_BY,
  PROP_DOCUMENT,
  PROP_RELATED,
  PROP_FILE,
  PROP_TAKEAWAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_item_finalize (GObject *object)
{
  CgItemPrivate *priv = cg_item_get_instance_private (CG_ITEM (object));

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->topic_id, g_free);
  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->keywords, g_strfreev);
  g_clear_pointer (&priv->review_date, g_free);
  g_clear_pointer (&priv->reviewed_by, g_free);
  g_clear_pointer (&priv->document, cg_document_unref);
  g_clear_pointer (&priv->related, g_strfreev);
  g_clear_pointer (&priv->takeaway, g_strfreev);
  g_clear_pointer (&priv->file, g_free);

  G_OBJECT_CLASS (cg_item_parent_class)->finalize (object);
}

static void
cg_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CgItemPrivate *priv = cg_item_get_instance_private (CG_ITEM (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_TOPIC_ID:
      g_value_set_string (value, priv->topic_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_KEYWORDS:
      g_value_set_boxed (value, priv->keywords);
      break;

    case PROP_REVIEW_DATE:
      g_value_set_string (value, priv->review_date);
      break;

    case PROP_REVIEWED_BY:
      g_value_set_string (value, priv->reviewed_by);
      break;

    case PROP_DOCUMENT:
      g_value_set_boxed (value, priv->document);
      break;

    case PROP_RELATED:
      g_value_set_boxed (value, priv->related);
      break;

    case PROP_TAKEAWAY:
      g_value_set_boxed (value, priv->takeaway);
      break;

    case PROP_FILE:
      g_value_set_string (value, priv->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CgItemPrivate *priv = cg_item_get_instance_private (CG_ITEM (object));

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_dup_string (value);
      break;

    case PROP_TOPIC_ID:
      priv->topic_id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      priv->title = g_value_dup_string (value);
      break;

    case PROP_KEYWORDS:
      priv->keywords = g_value_dup_boxed (value);
      break;

    case PROP_REVIEW_DATE:
      priv->review_date = g_value_dup_string (value);
      break;

    case PROP_REVIEWED_BY:
      priv->reviewed_by = g_value_dup_string (value);
      break;

    case PROP_DOCUMENT:
      priv->document = g_value_dup_boxed (value);
      break;

    case PROP_RELATED:
      priv->related = g_value_dup_boxed (value);
      break;

    case PROP_TAKEAWAY:
      priv->takeaway = g_value_dup_boxed (value);
      break;

    case PROP_FILE:
      priv->file = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_item_class_init (CgItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_item_finalize;
  object_class->get_property = cg_item_get_property;
  object_class->set_property = cg_item_set_property;

  /* The id, unique among articles and FAQ entries. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The id of its topic. */
  properties[PROP_TOPIC_ID] =
    g_param_spec_string ("topic-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The title of an article, or the question of a FAQ entry. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Words patients type to find it. */
  properties[PROP_KEYWORDS] =
    g_param_spec_boxed ("keywords", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* When it was last reviewed, as YYYY-MM-DD, or NULL. */
  properties[PROP_REVIEW_DATE] =
    g_param_spec_string ("review-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Who reviewed it, or NULL. */
  properties[PROP_REVIEWED_BY] =
    g_param_spec_string ("reviewed-by", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The body of an article, or the answer of a FAQ entry. */
  properties[PROP_DOCUMENT] =
    g_param_spec_boxed ("document", NULL, NULL,
                        CG_TYPE_DOCUMENT,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Ids of related articles and questions. */
  properties[PROP_RELATED] =
    g_param_spec_boxed ("related", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The file it was read from. */
  properties[PROP_FILE] =
    g_param_spec_string ("file", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* take it home (F19): the key points its editor wrote in <takeaway>,
   * for the short text of its QR code; NULL or empty when none. */
  properties[PROP_TAKEAWAY] =
    g_param_spec_boxed ("takeaway", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_item_init (CgItem *self)
{
}

const char *
cg_item_get_id (CgItem *self)
{
  CgItemPrivate *priv = cg_item_get_instance_private (self);

  g_return_val_if_fail (CG_IS_ITEM (self), NULL);

  return priv->id;
}

const char *
cg_item_get_topic_id (CgItem *self)
{
  CgItemPrivate *priv = cg_item_get_instance_private (self);

  g_return_val_if_fail (CG_IS_ITEM (self), NULL);

  return priv->topic_id;
}

const char *
cg_item_get_title (CgItem *self)
{
  CgItemPrivate *priv = cg_item_get_instance_private (self);

  g_return_val_if_fail (CG_IS_ITEM (self), NULL);

  return priv->title;
}

const char * const *
cg_item_get_keywords (CgItem *self)
{
  CgItemPrivate *priv = cg_item_get_instance_private (self);

  g_return_val_if_fail (CG_IS_ITEM (self), NULL);

  return (const char * const *) priv->keywords;
}

const char *
cg_item_get_review_date (CgItem *self)
{
  CgItemPrivate *priv = cg_item_get_instance_private (self);

  g_return_val_if_fail (CG_IS_ITEM (self), NULL);

  return priv->review_date;
}

const char *
cg_item_get_reviewed_by (CgItem *self)
{
  CgItemPrivate *priv = cg_item_get_instance_private (self);

  g_return_val_if_fail (CG_IS_ITEM (self), NULL);

  return priv->reviewed_by;
}

CgDocument *
cg_item_get_document (CgItem *self)
{
  CgItemPrivate *priv = cg_item_get_instance_private (self);

  g_return_val_if_fail (CG_IS_ITEM (self), NULL);

  return priv->document;
}

const char * const *
cg_item_get_related (CgItem *self)
{
  CgItemPrivate *priv = cg_item_get_instance_private (self);

  g_return_val_if_fail (CG_IS_ITEM (self), NULL);

  return (const char * const *) priv->related;
}

const char *
cg_item_get_file (CgItem *self)
{
  CgItemPrivate *priv = cg_item_get_instance_private (self);

  g_return_val_if_fail (CG_IS_ITEM (self), NULL);

  return priv->file;
}

/**
 * cg_item_get_takeaway:
 *
 * Returns: (transfer none) (nullable): the key points of its <takeaway>,
 *   in order, or %NULL when it has none
 */
const char * const *
cg_item_get_takeaway (CgItem *self)
{
  CgItemPrivate *priv = cg_item_get_instance_private (self);

  g_return_val_if_fail (CG_IS_ITEM (self), NULL);

  if (priv->takeaway == NULL || priv->takeaway[0] == NULL)
    return NULL;

  return (const char * const *) priv->takeaway;
}
