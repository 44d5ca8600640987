/* test-big-lists.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lists that scale (F10): a topic of 2,000 items and 100,000 content
 * problems open with only the rows on screen built, the keyboard still
 * reaches the last item, and a problems page not shown keeps no rows. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cg-bidi.h"
#include "cg-faq-row.h"
#include "cg-item-row.h"
#include "cg-problems-page.h"
#include "cg-test-big.h"
#include "cg-test-ui.h"
#include "cg-topic-page.h"

#define N_ARTICLES CG_TEST_BIG_ARTICLES
#define N_QUESTIONS CG_TEST_BIG_QUESTIONS
#define N_PROBLEMS CG_TEST_BIG_PROBLEMS

/* A window of 800 x 600 shows some fifteen rows: more than this many
 * built means the lists are built whole. */
#define MAX_TOPIC_ROWS 60
#define MAX_PROBLEM_ROWS 60

/* One topic, "big", of N_ARTICLES articles and N_QUESTIONS questions. */
static CgLibrary *
load_big_topic (char **dir_out)
{
  *dir_out = cg_test_big_write_topic (N_ARTICLES, N_QUESTIONS, CG_TEST_BIG_SHORT);

  return cg_test_big_load (*dir_out);
}

#define remove_dir cg_test_big_remove_dir
#define count_widgets cg_test_big_count_widgets

static guint
count_item_rows (GtkWidget *widget)
{
  return count_widgets (widget, CG_TYPE_ITEM_ROW) + count_widgets (widget, CG_TYPE_FAQ_ROW);
}

static void
show_item_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  char **shown = user_data;

  g_free (*shown);
  *shown = g_variant_dup_string (parameter, NULL);
}

/* The window's "win.show-item", which rows open items with, notes the
 * item in @shown. */
static GtkWidget *
open_window (GtkWidget  *child,
             char      **shown)
{
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-item", G_VARIANT_TYPE_STRING);

  g_signal_connect (action, "activate", G_CALLBACK (show_item_cb), shown);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (window);

  return window;
}

static void
test_big_topic (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CgLibrary) library = load_big_topic (&dir);
  CgTopic *topic = cg_library_lookup_topic (library, "big");
  GtkWidget *page = cg_topic_page_new (library, topic);
  g_autofree char *shown = NULL;
  GtkWidget *window = open_window (page, &shown);
  GtkWidget *focus;
  guint steps = 0;

  g_assert_cmpuint (cg_topic_page_get_n_items (CG_TOPIC_PAGE (page)), ==, N_ARTICLES + N_QUESTIONS);
  g_assert_nonnull (cg_test_find_label (page, "A big topic"));
  g_assert_nonnull (cg_test_find_label (page, "Article number 0"));
  g_test_message ("rows built on opening: %u", count_item_rows (page));
  g_assert_cmpuint (count_item_rows (page), >=, 5);
  g_assert_cmpuint (count_item_rows (page), <=, MAX_TOPIC_ROWS);
  /* A screen reader names the list by its topic, and each cell by what
   * it shows (GTK 4.8 says "GtkListItemWidget" otherwise). */
  {
    GtkWidget *heading = cg_test_find_label (page, "Articles");
    GtkWidget *row_title = cg_test_find_label (page, "Article number 0");

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cg_test_find_descendant (page, GTK_TYPE_GRID_VIEW)),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, "A big topic");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_parent (heading)),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, "Articles");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_parent (gtk_widget_get_ancestor (row_title, GTK_TYPE_LIST_BOX))),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, "Article number 0");
  }

  /* Tab into the page: the first article. */
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  g_assert_true (gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (CG_IS_ITEM_ROW (focus));
  g_assert_cmpstr (cg_item_get_id (cg_item_row_get_item (CG_ITEM_ROW (focus))), ==, "article-0000");

  /* Down, as the key does, row after row to the last question. */
  for (;;)
    {
      GtkWidget *list = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX);
      GtkWidget *next;

      g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
      next = gtk_root_get_focus (GTK_ROOT (window));
      if (next == focus)
        break;
      focus = next;
      steps++;
      if (steps % 100 == 0)
        {
          cg_test_wait_for_frame (window);
          g_assert_cmpuint (count_item_rows (page), <=, MAX_TOPIC_ROWS);
        }
    }
  g_assert_cmpuint (steps, ==, N_ARTICLES + N_QUESTIONS - 1);
  g_assert_true (CG_IS_FAQ_ROW (focus));
  g_assert_cmpstr (cg_item_get_id (CG_ITEM (cg_faq_row_get_entry (CG_FAQ_ROW (focus)))), ==, "question-1499");
  cg_test_wait_for_frame (window);
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_cmpuint (count_item_rows (page), <=, MAX_TOPIC_ROWS);

  /* Enter on the last question opens its answer, in place. */
  g_assert_true (gtk_widget_activate (focus));
  g_assert_true (cg_faq_row_get_expanded (CG_FAQ_ROW (focus)));

  /* And up again, to the articles. */
  for (guint i = 0; i < N_QUESTIONS; i++)
    g_signal_emit_by_name (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_LIST_BOX),
                           "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, -1, FALSE, FALSE);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (CG_IS_ITEM_ROW (focus));
  g_assert_cmpstr (cg_item_get_id (cg_item_row_get_item (CG_ITEM_ROW (focus))), ==, "article-0499");

  /* Enter there opens the article. */
  g_assert_true (gtk_widget_activate (focus));
  g_assert_cmpstr (shown, ==, "article-0499");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

/* The id of the item whose row has the keyboard. */
static const char *
focused_item_id (GtkWidget *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (CG_IS_ITEM_ROW (focus))
    return cg_item_get_id (cg_item_row_get_item (CG_ITEM_ROW (focus)));
  if (CG_IS_FAQ_ROW (focus))
    return cg_item_get_id (CG_ITEM (cg_faq_row_get_entry (CG_FAQ_ROW (focus))));

  return NULL;
}

/* Its number: article-0007 is 7, question-0007 is N_ARTICLES + 7. */
static guint
focused_index (GtkWidget *window)
{
  const char *id = focused_item_id (window);

  g_assert_nonnull (id);
  if (g_str_has_prefix (id, "article-"))
    return (guint) g_ascii_strtoull (id + strlen ("article-"), NULL, 10);
  g_assert_true (g_str_has_prefix (id, "question-"));

  return N_ARTICLES + (guint) g_ascii_strtoull (id + strlen ("question-"), NULL, 10);
}

/* Page Down and Up, Home and End, with and without Ctrl, pressed on the
 * keyboard: a page at a time, the row in sight, as in any list. */
static void
test_big_topic_page_keys (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CgLibrary) library = load_big_topic (&dir);
  GtkWidget *page = cg_topic_page_new (library, cg_library_lookup_topic (library, "big"));
  g_autofree char *shown = NULL;
  GtkWidget *window = open_window (page, &shown);
  guint index, before;

  g_assert_true (cg_topic_page_focus_item_at (CG_TOPIC_PAGE (page), 0));
  cg_test_wait_for_frame (window);
  g_assert_cmpstr (focused_item_id (window), ==, "article-0000");

  /* A page down: some rows on (the window shows fewer than thirty), not
   * one, not the end; the row in sight. */
  cg_test_big_press_keys (window, "Next", NULL);
  index = focused_index (window);
  g_test_message ("Page Down went to %u", index);
  g_assert_cmpuint (index, >=, 5);
  g_assert_cmpuint (index, <=, 30);
  g_assert_true (gtk_widget_get_mapped (gtk_root_get_focus (GTK_ROOT (window))));

  /* Another goes as far again. */
  before = index;
  cg_test_big_press_keys (window, "Next", NULL);
  g_assert_cmpuint (focused_index (window), ==, 2 * before);
  g_assert_true (gtk_widget_get_mapped (gtk_root_get_focus (GTK_ROOT (window))));

  /* And up, back. */
  cg_test_big_press_keys (window, "Prior", NULL);
  g_assert_cmpuint (focused_index (window), ==, before);
  cg_test_big_press_keys (window, "Prior", "Prior", NULL);
  g_assert_cmpstr (focused_item_id (window), ==, "article-0000");

  /* Ctrl+End: the last question, two thousand rows away, in sight and
   * with few rows built. */
  cg_test_big_press_keys (window, "ctrl+End", NULL);
  g_assert_cmpstr (focused_item_id (window), ==, "question-1499");
  cg_test_wait_for_frame (window);
  g_assert_true (gtk_widget_get_mapped (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_cmpuint (count_item_rows (page), <=, MAX_TOPIC_ROWS);

  /* Page Up from there crosses no heading by mistake. */
  cg_test_big_press_keys (window, "Prior", NULL);
  index = focused_index (window);
  g_assert_cmpuint (index, <, N_ARTICLES + N_QUESTIONS - 1);
  g_assert_cmpuint (index, >=, N_ARTICLES + N_QUESTIONS - 1 - 30);
  g_assert_true (gtk_widget_get_mapped (gtk_root_get_focus (GTK_ROOT (window))));

  /* Ctrl+Home and Home: the first article; End: the last question. */
  cg_test_big_press_keys (window, "ctrl+Home", NULL);
  g_assert_cmpstr (focused_item_id (window), ==, "article-0000");
  cg_test_wait_for_frame (window);
  g_assert_true (gtk_widget_get_mapped (gtk_root_get_focus (GTK_ROOT (window))));
  cg_test_big_press_keys (window, "End", NULL);
  g_assert_cmpstr (focused_item_id (window), ==, "question-1499");
  cg_test_big_press_keys (window, "Home", NULL);
  g_assert_cmpstr (focused_item_id (window), ==, "article-0000");

  /* The row the keys went to opens its item. */
  cg_test_big_press_keys (window, "Next", NULL);
  g_assert_true (gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_nonnull (shown);
  g_assert_true (g_str_has_prefix (shown, "article-"));
  g_assert_cmpstr (shown, !=, "article-0000");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

/* A problem's line as shown: its place isolated, then its message. */
#define SHOWN(place, message) CG_BIDI_LRI place CG_BIDI_PDI " " message

static CgLibrary *
library_with_problems (guint n)
{
  return cg_test_big_problems (n, CG_TEST_BIG_SHORT);
}

static void
test_many_problems (void)
{
  g_autoptr(CgLibrary) library = library_with_problems (N_PROBLEMS);
  GtkWidget *page = cg_problems_page_new ();
  g_autofree char *shown = NULL;
  GtkWidget *window = open_window (page, &shown);
  GtkWidget *list = cg_problems_page_get_list (CG_PROBLEMS_PAGE (page));
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_autofree char *last = NULL;
  GtkWidget *focus;

  cg_problems_page_set_library (CG_PROBLEMS_PAGE (page), library);
  cg_test_wait_for_frame (window);
  g_assert_cmpuint (cg_problems_page_get_n_problems (CG_PROBLEMS_PAGE (page)), ==, N_PROBLEMS);
  g_assert_nonnull (cg_test_find_label (page, "100000 problems in the content"));
  g_assert_nonnull (cg_test_find_label (page, SHOWN ("broken-000000.xml:1:3:", "Opening and ending tag mismatch")));
  /* Its cell is read as the problem, not as "GtkListItemWidget". */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_parent (cg_test_find_label (page, SHOWN ("broken-000000.xml:1:3:", "Opening and ending tag mismatch")))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, SHOWN ("broken-000000.xml:1:3:", "Opening and ending tag mismatch"));
  g_test_message ("rows built on opening: %u", count_widgets (list, GTK_TYPE_LABEL));
  g_assert_cmpuint (count_widgets (list, GTK_TYPE_LABEL), <=, MAX_PROBLEM_ROWS);

  /* Scrolled to its end, the list shows the last problem. */
  for (guint i = 0; i < 10 && !last; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      cg_test_wait_for_frame (window);
      if (cg_test_find_label (list, SHOWN ("broken-099999.xml:100000:3:", "Opening and ending tag mismatch")))
        last = g_strdup ("found");
    }
  g_assert_nonnull (last);
  g_assert_cmpuint (count_widgets (list, GTK_TYPE_LABEL), <=, MAX_PROBLEM_ROWS);

  /* From the Copy button, Ctrl+Home and Ctrl+End take the keyboard to the
   * first and the last problem, in sight. */
  gtk_adjustment_set_value (adjustment, 0);
  cg_test_wait_for_frame (window);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_ancestor (cg_test_find_label (page, "_Copy"), GTK_TYPE_BUTTON)));
  cg_test_big_press_keys (window, "ctrl+End", NULL);
  cg_test_wait_for_frame (window);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_LABEL (focus));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (focus)), ==, SHOWN ("broken-099999.xml:100000:3:", "Opening and ending tag mismatch"));
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_cmpuint (count_widgets (list, GTK_TYPE_LABEL), <=, MAX_PROBLEM_ROWS);
  cg_test_big_press_keys (window, "ctrl+Home", NULL);
  cg_test_wait_for_frame (window);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_LABEL (focus));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (focus)), SHOWN ("broken-000000.xml:1:3:", "")));
  g_assert_true (gtk_widget_get_mapped (focus));

  /* Closed (the window hides it), it keeps no row; shown again, it has
   * them back. */
  gtk_widget_set_visible (window, FALSE);
  g_assert_cmpuint (count_widgets (list, GTK_TYPE_LABEL), ==, 0);
  gtk_widget_set_visible (window, TRUE);
  cg_test_wait_for_frame (window);
  g_assert_cmpuint (count_widgets (list, GTK_TYPE_LABEL), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/big-lists/topic", test_big_topic);
  g_test_add_func ("/big-lists/topic-page-keys", test_big_topic_page_keys);
  g_test_add_func ("/big-lists/problems", test_many_problems);

  return g_test_run ();
}
