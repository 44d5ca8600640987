/* test-topic-row.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-test-ui.h"
#include "cg-topic-row.h"

static void
test_topic_row_topic (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  CgTopic *topic = cg_library_lookup_topic (library, "care");
  g_autoptr(CgTopicRow) row = CG_TOPIC_ROW (g_object_ref_sink (cg_topic_row_new (topic)));
  g_autoptr(CgTopic) got = NULL;

  g_object_get (row, "topic", &got, NULL);
  g_assert_true (got == topic);
  g_assert_true (cg_topic_row_get_topic (row) == topic);
  g_assert_nonnull (cg_test_find_label (row, "Looking after yourself"));
  g_assert_cmpstr (cg_topic_row_get_page (row), ==, "topic:care");
}

/* The sidebar's first row has no topic: it leads home. */
static void
test_topic_row_home (void)
{
  g_autoptr(CgTopicRow) row = CG_TOPIC_ROW (g_object_ref_sink (cg_topic_row_new_home ()));
  g_autoptr(CgTopic) got = NULL;

  g_object_get (row, "topic", &got, NULL);
  g_assert_null (got);
  g_assert_nonnull (cg_test_find_label (row, "Home"));
  g_assert_cmpstr (cg_topic_row_get_page (row), ==, "home");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/topic-row/topic", test_topic_row_topic);
  g_test_add_func ("/topic-row/home", test_topic_row_home);

  return g_test_run ();
}
