/* test-topic-card.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-test-ui.h"
#include "cg-topic-card.h"

static void
test_topic_card_topic (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  CgTopic *topic = cg_library_lookup_topic (library, "care");
  g_autoptr(CgTopicCard) card = CG_TOPIC_CARD (g_object_ref_sink (cg_topic_card_new (topic)));
  g_autoptr(CgTopic) got = NULL;

  g_object_get (card, "topic", &got, NULL);
  g_assert_true (got == topic);
  g_assert_true (cg_topic_card_get_topic (card) == topic);
  g_assert_nonnull (cg_test_find_label (card, "Looking after yourself"));
  g_assert_nonnull (cg_test_find_label (card, "Care after the fixture."));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/topic-card/topic", test_topic_card_topic);

  return g_test_run ();
}
