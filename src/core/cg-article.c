/* cg-article.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-article.h"

/* An article: a titled document in one topic, with a one-sentence summary
 * for topic pages and search results. */
struct _CgArticle
{
  CgItem  parent_instance;

  char   *summary;
};

G_DEFINE_FINAL_TYPE (CgArticle, cg_article, CG_TYPE_ITEM)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_article_finalize (GObject *object)
{
  CgArticle *self = CG_ARTICLE (object);

  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (cg_article_parent_class)->finalize (object);
}

static void
cg_article_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CgArticle *self = CG_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_article_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CgArticle *self = CG_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_article_class_init (CgArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_article_finalize;
  object_class->get_property = cg_article_get_property;
  object_class->set_property = cg_article_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_article_init (CgArticle *self)
{
}

const char *
cg_article_get_summary (CgArticle *self)
{
  g_return_val_if_fail (CG_IS_ARTICLE (self), NULL);

  return self->summary;
}
