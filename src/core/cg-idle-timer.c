/* cg-idle-timer.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-idle-timer.h"

/* The waiting-room screen resets itself after a patient walks away: after
 * `timeout` seconds without input a countdown of `countdown` seconds runs
 * (the UI shows it and any touch cancels it), then "expired" is emitted.
 *
 * Input arrives on every pointer motion, so poking only records the time;
 * the single timeout source reschedules itself from that record instead of
 * being removed and added again for each event.
 */

struct _CgIdleTimer
{
  GObject  parent_instance;

  guint    timeout;        /* seconds */
  guint    countdown;      /* seconds */
  guint    remaining;      /* seconds left in the countdown; 0 when not counting */
  gint64   last_input;     /* monotonic µs */
  guint    source_id;
  guint    running : 1;
};

G_DEFINE_FINAL_TYPE (CgIdleTimer, cg_idle_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMEOUT,
  PROP_COUNTDOWN,
  PROP_REMAINING,
  PROP_RUNNING,
  N_PROPS
};

enum {
  EXPIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule (CgIdleTimer *self,
                      gint64       delay_us);

static void
set_remaining (CgIdleTimer *self,
               guint        remaining)
{
  if (self->remaining == remaining)
    return;

  self->remaining = remaining;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
}

static gboolean
timeout_cb (gpointer user_data)
{
  CgIdleTimer *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 idle_until = self->last_input + (gint64) self->timeout * G_USEC_PER_SEC;

  self->source_id = 0;

  if (self->remaining == 0)
    {
      /* Input came in since this was scheduled: wait for the rest. */
      if (now < idle_until)
        {
          schedule (self, idle_until - now);
          return G_SOURCE_REMOVE;
        }

      set_remaining (self, MAX (self->countdown, 1));
      schedule (self, G_USEC_PER_SEC);
      return G_SOURCE_REMOVE;
    }

  if (self->remaining > 1)
    {
      set_remaining (self, self->remaining - 1);
      schedule (self, G_USEC_PER_SEC);
      return G_SOURCE_REMOVE;
    }

  set_remaining (self, 0);
  self->last_input = now;
  schedule (self, (gint64) self->timeout * G_USEC_PER_SEC);

  g_object_ref (self);
  g_signal_emit (self, signals[EXPIRED], 0);
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (CgIdleTimer *self,
          gint64       delay_us)
{
  g_clear_handle_id (&self->source_id, g_source_remove);
  self->source_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                        (guint) MAX (delay_us / 1000, 1),
                                        timeout_cb, self, NULL);
}

static void
cg_idle_timer_dispose (GObject *object)
{
  CgIdleTimer *self = CG_IDLE_TIMER (object);

  g_clear_handle_id (&self->source_id, g_source_remove);

  G_OBJECT_CLASS (cg_idle_timer_parent_class)->dispose (object);
}

static void
cg_idle_timer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgIdleTimer *self = CG_IDLE_TIMER (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_COUNTDOWN:
      g_value_set_uint (value, self->countdown);
      break;

    case PROP_REMAINING:
      g_value_set_uint (value, self->remaining);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_idle_timer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgIdleTimer *self = CG_IDLE_TIMER (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      cg_idle_timer_set_timeout (self, g_value_get_uint (value));
      break;

    case PROP_COUNTDOWN:
      self->countdown = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_idle_timer_class_init (CgIdleTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cg_idle_timer_dispose;
  object_class->get_property = cg_idle_timer_get_property;
  object_class->set_property = cg_idle_timer_set_property;

  /* Seconds without input before the countdown starts. */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, G_MAXUINT / 2000, 120,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Seconds the countdown lasts. */
  properties[PROP_COUNTDOWN] =
    g_param_spec_uint ("countdown", NULL, NULL,
                       1, 600, 10,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS));

  /* Seconds left in a running countdown, or 0. */
  properties[PROP_REMAINING] =
    g_param_spec_uint ("remaining", NULL, NULL,
                       0, 600, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CgIdleTimer::expired:
   *
   * The countdown ran out: time to reset the screen for the next person.
   */
  signals[EXPIRED] =
    g_signal_new ("expired",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cg_idle_timer_init (CgIdleTimer *self)
{
  self->timeout = 120;
  self->countdown = 10;
}

CgIdleTimer *
cg_idle_timer_new (guint timeout,
                   guint countdown)
{
  return g_object_new (CG_TYPE_IDLE_TIMER,
                       "timeout", timeout,
                       "countdown", countdown,
                       NULL);
}

void
cg_idle_timer_start (CgIdleTimer *self)
{
  g_return_if_fail (CG_IS_IDLE_TIMER (self));

  self->last_input = g_get_monotonic_time ();
  set_remaining (self, 0);
  schedule (self, (gint64) self->timeout * G_USEC_PER_SEC);

  if (!self->running)
    {
      self->running = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }
}

void
cg_idle_timer_stop (CgIdleTimer *self)
{
  g_return_if_fail (CG_IS_IDLE_TIMER (self));

  g_clear_handle_id (&self->source_id, g_source_remove);
  set_remaining (self, 0);

  if (self->running)
    {
      self->running = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }
}

/**
 * cg_idle_timer_poke:
 *
 * Someone touched the screen, moved the mouse or typed: the idle time
 * starts again, and a running countdown is cancelled.
 */
void
cg_idle_timer_poke (CgIdleTimer *self)
{
  g_return_if_fail (CG_IS_IDLE_TIMER (self));

  if (!self->running)
    return;

  self->last_input = g_get_monotonic_time ();

  if (self->remaining > 0)
    {
      set_remaining (self, 0);
      schedule (self, (gint64) self->timeout * G_USEC_PER_SEC);
    }
}

gboolean
cg_idle_timer_get_running (CgIdleTimer *self)
{
  g_return_val_if_fail (CG_IS_IDLE_TIMER (self), FALSE);

  return self->running;
}

guint
cg_idle_timer_get_timeout (CgIdleTimer *self)
{
  g_return_val_if_fail (CG_IS_IDLE_TIMER (self), 0);

  return self->timeout;
}

void
cg_idle_timer_set_timeout (CgIdleTimer *self,
                           guint        timeout)
{
  g_return_if_fail (CG_IS_IDLE_TIMER (self));
  g_return_if_fail (timeout > 0);

  if (self->timeout == timeout)
    return;

  self->timeout = timeout;
  if (self->running && self->remaining == 0)
    schedule (self, (gint64) timeout * G_USEC_PER_SEC);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
cg_idle_timer_get_remaining (CgIdleTimer *self)
{
  g_return_val_if_fail (CG_IS_IDLE_TIMER (self), 0);

  return self->remaining;
}
