/* cg-pin-backoff.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-pin-backoff.h"

/* How long the staff PIN pad waits after wrong PINs. It lives with the
 * application, not with a pad: a pad is closed by Cancel, by the idle
 * reset, by a new language, and a patient who guesses must not get a
 * fresh one at one second each time. Nothing is written to disk (the
 * kiosk writes nothing); a restart of the session starts again, which
 * takes longer than the waits. */

/* 1, 2, 4, 8… seconds, then five minutes a try: ten thousand guesses
 * of a six-digit PIN take a month. */
#define MAX_WAIT_SECONDS 300

struct _CgPinBackoff
{
  GObject parent_instance;

  guint   failures;
  gint64  until;      /* monotonic µs; the next try not before */
};

G_DEFINE_FINAL_TYPE (CgPinBackoff, cg_pin_backoff, G_TYPE_OBJECT)

static void
cg_pin_backoff_class_init (CgPinBackoffClass *klass)
{
}

static void
cg_pin_backoff_init (CgPinBackoff *self)
{
}

CgPinBackoff *
cg_pin_backoff_new (void)
{
  return g_object_new (CG_TYPE_PIN_BACKOFF, NULL);
}

/**
 * cg_pin_backoff_failed:
 *
 * A wrong PIN: the next try waits twice as long as the last, up to five
 * minutes.
 */
void
cg_pin_backoff_failed (CgPinBackoff *self)
{
  guint wait;

  g_return_if_fail (CG_IS_PIN_BACKOFF (self));

  self->failures++;
  wait = self->failures > 9 ? MAX_WAIT_SECONDS : MIN (1u << (self->failures - 1), MAX_WAIT_SECONDS);
  self->until = g_get_monotonic_time () + (gint64) wait * G_USEC_PER_SEC;
}

/**
 * cg_pin_backoff_succeeded:
 *
 * The right PIN: the next staff member starts without waiting.
 */
void
cg_pin_backoff_succeeded (CgPinBackoff *self)
{
  g_return_if_fail (CG_IS_PIN_BACKOFF (self));

  self->failures = 0;
  self->until = 0;
}

/**
 * cg_pin_backoff_get_wait:
 *
 * Returns: the seconds, rounded up, before the next PIN may be tried;
 *   0 when it may now
 */
guint
cg_pin_backoff_get_wait (CgPinBackoff *self)
{
  gint64 left;

  g_return_val_if_fail (CG_IS_PIN_BACKOFF (self), 0);

  left = self->until - g_get_monotonic_time ();
  if (left <= 0)
    return 0;

  return (guint) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

guint
cg_pin_backoff_get_failures (CgPinBackoff *self)
{
  g_return_val_if_fail (CG_IS_PIN_BACKOFF (self), 0);

  return self->failures;
}
