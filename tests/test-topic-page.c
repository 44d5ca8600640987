/* test-topic-page.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-faq-row.h"
#include "cg-test-ui.h"
#include "cg-topic-page.h"

static CgTopicPage *
new_page (CgLibrary *library)
{
  CgTopic *topic = cg_library_lookup_topic (library, "basics");

  g_assert_nonnull (topic);

  return CG_TOPIC_PAGE (g_object_ref_sink (cg_topic_page_new (library, topic)));
}

static void
test_topic_page_library_and_topic (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgTopicPage) page = new_page (library);
  g_autoptr(CgLibrary) got_library = NULL;
  g_autoptr(CgTopic) got_topic = NULL;
  GtkWidget *window;

  g_object_get (page, "library", &got_library, "topic", &got_topic, NULL);
  g_assert_true (got_library == library);
  g_assert_true (got_topic == cg_library_lookup_topic (library, "basics"));
  g_assert_true (cg_topic_page_get_topic (page) == got_topic);

  /* The page's cells (its header among them) are made when it is shown. */
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (window);
  g_assert_nonnull (cg_test_find_label (page, "The basics"));
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_topic_page_text_scale (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgTopicPage) page = new_page (library);
  CgFaqRow *question = cg_topic_page_find_question (page, "faq-fixture-question");
  guint *notified = cg_test_count_notify (page, "text-scale");
  double scale = 0;

  g_assert_nonnull (question);

  /* Every question's answer on the page follows. */
  cg_test_assert_double_property (page, "text-scale", 1.0, 1.25);
  g_object_get (question, "text-scale", &scale, NULL);
  g_assert_cmpfloat (scale, ==, 1.25);
  g_assert_cmpuint (*notified, ==, 1);

  g_object_set (page, "text-scale", 0.8, NULL);
  g_assert_cmpuint (*notified, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/topic-page/library-and-topic", test_topic_page_library_and_topic);
  g_test_add_func ("/topic-page/text-scale", test_topic_page_text_scale);

  return g_test_run ();
}
