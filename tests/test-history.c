/* test-history.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-history.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_history_back_and_forward (void)
{
  g_autoptr(CgHistory) history = cg_history_new ();

  g_assert_null (cg_history_get_current (history));
  g_assert_false (cg_history_can_go_back (history));
  g_assert_null (cg_history_go_back (history));

  cg_history_push (history, "home");
  cg_history_push (history, "topic:a");
  cg_history_push (history, "item:b");
  g_assert_cmpstr (cg_history_get_current (history), ==, "item:b");
  g_assert_true (cg_history_can_go_back (history));
  g_assert_false (cg_history_can_go_forward (history));

  g_assert_cmpstr (cg_history_go_back (history), ==, "topic:a");
  g_assert_cmpstr (cg_history_go_back (history), ==, "home");
  g_assert_null (cg_history_go_back (history));
  g_assert_cmpstr (cg_history_get_current (history), ==, "home");

  g_assert_cmpstr (cg_history_go_forward (history), ==, "topic:a");
  g_assert_cmpstr (cg_history_go_forward (history), ==, "item:b");
  g_assert_null (cg_history_go_forward (history));
}

static void
test_history_remembers_positions (void)
{
  g_autoptr(CgHistory) history = cg_history_new ();

  /* Nothing to remember before the first visit. */
  cg_history_set_position (history, 0.5);
  g_assert_cmpfloat (cg_history_get_position (history), ==, 0.0);

  cg_history_push (history, "home");
  cg_history_set_position (history, 0.25);
  cg_history_push (history, "item:a");
  g_assert_cmpfloat (cg_history_get_position (history), ==, 0.0);
  cg_history_set_position (history, 0.75);
  cg_history_push (history, "item:b");
  cg_history_set_position (history, 3.0);   /* past the end: the end */

  g_assert_cmpstr (cg_history_go_back (history), ==, "item:a");
  g_assert_cmpfloat (cg_history_get_position (history), ==, 0.75);
  g_assert_cmpstr (cg_history_go_back (history), ==, "home");
  g_assert_cmpfloat (cg_history_get_position (history), ==, 0.25);
  g_assert_cmpstr (cg_history_go_forward (history), ==, "item:a");
  g_assert_cmpstr (cg_history_go_forward (history), ==, "item:b");
  g_assert_cmpfloat (cg_history_get_position (history), ==, 1.0);

  /* A new visit after going back starts at the top, even of a page seen
   * before. */
  cg_history_go_back (history);
  cg_history_push (history, "item:b");
  g_assert_cmpfloat (cg_history_get_position (history), ==, 0.0);
}

static void
test_history_new_page_drops_forward (void)
{
  g_autoptr(CgHistory) history = cg_history_new ();

  cg_history_push (history, "home");
  cg_history_push (history, "item:a");
  cg_history_push (history, "item:b");
  cg_history_go_back (history);
  cg_history_go_back (history);

  cg_history_push (history, "item:c");
  g_assert_false (cg_history_can_go_forward (history));
  g_assert_cmpstr (cg_history_go_back (history), ==, "home");
  g_assert_cmpstr (cg_history_go_forward (history), ==, "item:c");
}

static void
test_history_same_page_once (void)
{
  g_autoptr(CgHistory) history = cg_history_new ();

  cg_history_push (history, "home");
  cg_history_push (history, "item:a");
  cg_history_push (history, "item:a");

  /* One step back, not two, after opening the same page twice. */
  g_assert_cmpstr (cg_history_go_back (history), ==, "home");
}

static void
test_history_notifies (void)
{
  g_autoptr(CgHistory) history = cg_history_new ();
  guint back = 0, forward = 0;

  g_signal_connect (history, "notify::can-go-back", G_CALLBACK (count_notify_cb), &back);
  g_signal_connect (history, "notify::can-go-forward", G_CALLBACK (count_notify_cb), &forward);

  cg_history_push (history, "home");
  g_assert_cmpuint (back, ==, 0);
  cg_history_push (history, "item:a");
  g_assert_cmpuint (back, ==, 1);
  cg_history_push (history, "item:b");
  g_assert_cmpuint (back, ==, 1);

  cg_history_go_back (history);
  g_assert_cmpuint (forward, ==, 1);
  cg_history_go_back (history);
  g_assert_cmpuint (back, ==, 2);

  cg_history_clear (history);
  g_assert_cmpuint (forward, ==, 2);
  g_assert_null (cg_history_get_current (history));
  g_assert_false (cg_history_can_go_forward (history));
}

static void
test_history_is_bounded (void)
{
  g_autoptr(CgHistory) history = cg_history_new ();
  guint steps = 0;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *page = g_strdup_printf ("item:%u", i);

      cg_history_push (history, page);
    }

  while (cg_history_go_back (history) != NULL)
    steps++;

  /* A day at the front desk does not grow it without end. */
  g_assert_cmpuint (steps, >, 50);
  g_assert_cmpuint (steps, <, 1000);
  g_assert_cmpstr (cg_history_go_forward (history), !=, "item:0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/back-and-forward", test_history_back_and_forward);
  g_test_add_func ("/history/new-page-drops-forward", test_history_new_page_drops_forward);
  g_test_add_func ("/history/same-page-once", test_history_same_page_once);
  g_test_add_func ("/history/notifies", test_history_notifies);
  g_test_add_func ("/history/is-bounded", test_history_is_bounded);
  g_test_add_func ("/history/remembers-positions", test_history_remembers_positions);

  return g_test_run ();
}
