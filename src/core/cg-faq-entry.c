/* cg-faq-entry.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-faq-entry.h"

/* A frequently asked question: its item title is the question, its
 * document the answer. */
struct _CgFaqEntry
{
  CgItem   parent_instance;

  gboolean popular;
};

G_DEFINE_FINAL_TYPE (CgFaqEntry, cg_faq_entry, CG_TYPE_ITEM)

enum {
  PROP_0,
  PROP_POPULAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_faq_entry_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CgFaqEntry *self = CG_FAQ_ENTRY (object);

  switch (prop_id)
    {
    case PROP_POPULAR:
      g_value_set_boolean (value, self->popular);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_faq_entry_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CgFaqEntry *self = CG_FAQ_ENTRY (object);

  switch (prop_id)
    {
    case PROP_POPULAR:
      self->popular = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_faq_entry_class_init (CgFaqEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cg_faq_entry_get_property;
  object_class->set_property = cg_faq_entry_set_property;

  /* Shown on the home page among the most-asked questions. */
  properties[PROP_POPULAR] =
    g_param_spec_boolean ("popular", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_faq_entry_init (CgFaqEntry *self)
{
}

const char *
cg_faq_entry_get_question (CgFaqEntry *self)
{
  g_return_val_if_fail (CG_IS_FAQ_ENTRY (self), NULL);

  return cg_item_get_title (CG_ITEM (self));
}

gboolean
cg_faq_entry_get_popular (CgFaqEntry *self)
{
  g_return_val_if_fail (CG_IS_FAQ_ENTRY (self), FALSE);

  return self->popular;
}
