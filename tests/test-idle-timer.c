/* test-idle-timer.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-idle-timer.h"

typedef struct
{
  guint  expired;
  GArray *countdown;   /* every value "remaining" took */
} Observed;

static void
expired_cb (CgIdleTimer *timer,
            Observed    *observed)
{
  observed->expired++;
}

static void
remaining_cb (CgIdleTimer *timer,
              GParamSpec  *pspec,
              Observed    *observed)
{
  guint remaining = cg_idle_timer_get_remaining (timer);

  g_array_append_val (observed->countdown, remaining);
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_idle_counts_down_then_expires (void)
{
  g_autoptr(CgIdleTimer) timer = cg_idle_timer_new (1, 2);
  Observed observed = { 0, g_array_new (FALSE, FALSE, sizeof (guint)) };

  g_signal_connect (timer, "expired", G_CALLBACK (expired_cb), &observed);
  g_signal_connect (timer, "notify::remaining", G_CALLBACK (remaining_cb), &observed);

  cg_idle_timer_start (timer);
  g_assert_true (cg_idle_timer_get_running (timer));

  /* 1 s idle, then 2, 1, 0 on the countdown, then it expires. */
  while (observed.expired == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (observed.countdown->len, ==, 3);
  g_assert_cmpuint (g_array_index (observed.countdown, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (observed.countdown, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (observed.countdown, guint, 2), ==, 0);
  g_assert_cmpuint (cg_idle_timer_get_remaining (timer), ==, 0);

  cg_idle_timer_stop (timer);
  g_array_unref (observed.countdown);
}

static void
test_input_cancels_the_countdown (void)
{
  g_autoptr(CgIdleTimer) timer = cg_idle_timer_new (1, 3);
  Observed observed = { 0, g_array_new (FALSE, FALSE, sizeof (guint)) };

  g_signal_connect (timer, "expired", G_CALLBACK (expired_cb), &observed);
  cg_idle_timer_start (timer);

  while (cg_idle_timer_get_remaining (timer) == 0)
    g_main_context_iteration (NULL, TRUE);

  /* A touch during the countdown: no reset, and the countdown is gone. */
  cg_idle_timer_poke (timer);
  g_assert_cmpuint (cg_idle_timer_get_remaining (timer), ==, 0);

  run_for (800);
  g_assert_cmpuint (observed.expired, ==, 0);
  g_assert_cmpuint (cg_idle_timer_get_remaining (timer), ==, 0);

  cg_idle_timer_stop (timer);
  g_array_unref (observed.countdown);
}

static void
test_steady_input_never_counts_down (void)
{
  g_autoptr(CgIdleTimer) timer = cg_idle_timer_new (1, 1);
  Observed observed = { 0, g_array_new (FALSE, FALSE, sizeof (guint)) };

  g_signal_connect (timer, "expired", G_CALLBACK (expired_cb), &observed);
  g_signal_connect (timer, "notify::remaining", G_CALLBACK (remaining_cb), &observed);
  cg_idle_timer_start (timer);

  /* Someone reading and scrolling for 2.5 s, input every 300 ms. */
  for (guint i = 0; i < 8; i++)
    {
      run_for (300);
      cg_idle_timer_poke (timer);
    }

  g_assert_cmpuint (observed.expired, ==, 0);
  g_assert_cmpuint (observed.countdown->len, ==, 0);

  cg_idle_timer_stop (timer);
  g_assert_false (cg_idle_timer_get_running (timer));
  g_array_unref (observed.countdown);
}

static void
test_stopped_timer_stays_quiet (void)
{
  g_autoptr(CgIdleTimer) timer = cg_idle_timer_new (1, 1);
  Observed observed = { 0, g_array_new (FALSE, FALSE, sizeof (guint)) };

  g_signal_connect (timer, "expired", G_CALLBACK (expired_cb), &observed);
  cg_idle_timer_start (timer);
  cg_idle_timer_stop (timer);

  run_for (2500);
  g_assert_cmpuint (observed.expired, ==, 0);
  g_array_unref (observed.countdown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/idle-timer/counts-down-then-expires", test_idle_counts_down_then_expires);
  g_test_add_func ("/idle-timer/input-cancels-countdown", test_input_cancels_the_countdown);
  g_test_add_func ("/idle-timer/steady-input", test_steady_input_never_counts_down);
  g_test_add_func ("/idle-timer/stopped", test_stopped_timer_stays_quiet);

  return g_test_run ();
}
