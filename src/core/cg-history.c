/* cg-history.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-history.h"

/* The pages a reader visited in this session, as a browser keeps them:
 * going somewhere new after going back forgets the pages ahead. Pages are
 * opaque strings to this object; the window decides what they mean. */

/* A receptionist can keep the app open all day: the oldest pages go. */
#define MAX_PAGES 200

/* A visit: the page, and how far down it the reader was when they left
 * it, so that going back finds them where they were. */
typedef struct
{
  char   *page;
  double  position;  /* from 0, the top, to 1, the end */
} Visit;

struct _CgHistory
{
  GObject  parent_instance;

  GArray  *visits;   /* of Visit */
  guint    current;  /* index into visits; meaningless while it is empty */
};

G_DEFINE_FINAL_TYPE (CgHistory, cg_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_history_notify_moves (CgHistory *self,
                         gboolean   could_go_back,
                         gboolean   could_go_forward)
{
  if (could_go_back != cg_history_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  if (could_go_forward != cg_history_can_go_forward (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
}

static void
cg_history_finalize (GObject *object)
{
  CgHistory *self = CG_HISTORY (object);

  g_clear_pointer (&self->visits, g_array_unref);

  G_OBJECT_CLASS (cg_history_parent_class)->finalize (object);
}

static void
cg_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CgHistory *self = CG_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, cg_history_can_go_back (self));
      break;

    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, cg_history_can_go_forward (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_history_class_init (CgHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_history_finalize;
  object_class->get_property = cg_history_get_property;

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
visit_clear (gpointer data)
{
  g_free (((Visit *) data)->page);
}

static void
cg_history_init (CgHistory *self)
{
  self->visits = g_array_new (FALSE, FALSE, sizeof (Visit));
  g_array_set_clear_func (self->visits, visit_clear);
}

CgHistory *
cg_history_new (void)
{
  return g_object_new (CG_TYPE_HISTORY, NULL);
}

/**
 * cg_history_push:
 *
 * Records a visit to @page. Visiting the page already shown records
 * nothing, so that a double click does not need two steps back.
 */
void
cg_history_push (CgHistory  *self,
                 const char *page)
{
  gboolean could_go_back, could_go_forward;

  g_return_if_fail (CG_IS_HISTORY (self));
  g_return_if_fail (page != NULL);

  if (g_strcmp0 (cg_history_get_current (self), page) == 0)
    return;

  could_go_back = cg_history_can_go_back (self);
  could_go_forward = cg_history_can_go_forward (self);

  if (self->visits->len > 0)
    g_array_set_size (self->visits, self->current + 1);

  g_array_append_val (self->visits, ((Visit) { g_strdup (page), 0.0 }));
  if (self->visits->len > MAX_PAGES)
    g_array_remove_index (self->visits, 0);
  self->current = self->visits->len - 1;

  cg_history_notify_moves (self, could_go_back, could_go_forward);
}

/**
 * cg_history_get_current:
 *
 * Returns: (nullable): the page shown, or %NULL before the first visit
 */
const char *
cg_history_get_current (CgHistory *self)
{
  g_return_val_if_fail (CG_IS_HISTORY (self), NULL);

  if (self->visits->len == 0)
    return NULL;

  return g_array_index (self->visits, Visit, self->current).page;
}

/**
 * cg_history_set_position:
 * @position: how far down the page shown the reader is, from 0 (the top)
 *   to 1 (the end)
 *
 * Remembers where the reader is on the page shown, for when they come
 * back to it. Before the first visit, does nothing.
 */
void
cg_history_set_position (CgHistory *self,
                         double     position)
{
  g_return_if_fail (CG_IS_HISTORY (self));

  if (self->visits->len > 0)
    g_array_index (self->visits, Visit, self->current).position = CLAMP (position, 0.0, 1.0);
}

/**
 * cg_history_get_position:
 *
 * Returns: where the reader was on the page shown when they last left it,
 *   from 0 (the top, also for a page never left) to 1 (the end)
 */
double
cg_history_get_position (CgHistory *self)
{
  g_return_val_if_fail (CG_IS_HISTORY (self), 0.0);

  if (self->visits->len == 0)
    return 0.0;

  return g_array_index (self->visits, Visit, self->current).position;
}

gboolean
cg_history_can_go_back (CgHistory *self)
{
  g_return_val_if_fail (CG_IS_HISTORY (self), FALSE);

  return self->visits->len > 0 && self->current > 0;
}

gboolean
cg_history_can_go_forward (CgHistory *self)
{
  g_return_val_if_fail (CG_IS_HISTORY (self), FALSE);

  return self->visits->len > 0 && self->current + 1 < self->visits->len;
}

/**
 * cg_history_go_back:
 *
 * Returns: (nullable): the page to show, or %NULL when there is none
 */
const char *
cg_history_go_back (CgHistory *self)
{
  g_return_val_if_fail (CG_IS_HISTORY (self), NULL);

  if (!cg_history_can_go_back (self))
    return NULL;

  self->current--;
  cg_history_notify_moves (self, TRUE, self->current + 2 < self->visits->len);

  return cg_history_get_current (self);
}

/**
 * cg_history_go_forward:
 *
 * Returns: (nullable): the page to show, or %NULL when there is none
 */
const char *
cg_history_go_forward (CgHistory *self)
{
  g_return_val_if_fail (CG_IS_HISTORY (self), NULL);

  if (!cg_history_can_go_forward (self))
    return NULL;

  self->current++;
  cg_history_notify_moves (self, self->current > 1, TRUE);

  return cg_history_get_current (self);
}

/**
 * cg_history_clear:
 *
 * Forgets every page: a new library (another language, a reload) may not
 * have the pages visited before.
 */
void
cg_history_clear (CgHistory *self)
{
  gboolean could_go_back, could_go_forward;

  g_return_if_fail (CG_IS_HISTORY (self));

  could_go_back = cg_history_can_go_back (self);
  could_go_forward = cg_history_can_go_forward (self);

  g_array_set_size (self->visits, 0);
  self->current = 0;

  cg_history_notify_moves (self, could_go_back, could_go_forward);
}
