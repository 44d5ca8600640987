/* test-big-lists.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lists that scale (F10): a topic of 2,000 items and 100,000 content
 * problems open with only the rows on screen built, the keyboard still
 * reaches the last item, and a closed problems window keeps no rows. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cg-content-loader.h"
#include "cg-faq-row.h"
#include "cg-item-row.h"
#include "cg-library-private.h"
#include "cg-problems-page.h"
#include "cg-test-ui.h"
#include "cg-topic-page.h"

#define N_ARTICLES 500
#define N_QUESTIONS 1500
#define N_PROBLEMS 100000

/* A window of 800 x 600 shows some fifteen rows: more than this many
 * built means the lists are built whole. */
#define MAX_TOPIC_ROWS 60
#define MAX_PROBLEM_ROWS 60

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* One topic, "big", of N_ARTICLES articles and N_QUESTIONS questions. */
static CgLibrary *
load_big_topic (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cg-big-lists-XXXXXX", &error);
  g_autoptr(GString) faq = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<faq>\n");
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  CgLibrary *library;

  g_assert_no_error (error);
  write_file (dir, "topics.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<topics><topic id=\"big\" icon=\"folder-symbolic\"><title>A big topic</title>"
              "<summary>Two thousand items.</summary></topic></topics>\n");
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%04u.xml", i);
      g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                               "<article id=\"article-%04u\" topic=\"big\" order=\"%u\">"
                                               "<title>Article number %u</title>"
                                               "<summary>The summary of article %u.</summary>"
                                               "<review date=\"2026-11-01\" by=\"Test\"/>"
                                               "<body><p>Text of article %u.</p></body></article>\n",
                                               i, i + 1, i, i, i);

      write_file (dir, name, text);
    }
  for (guint i = 0; i < N_QUESTIONS; i++)
    g_string_append_printf (faq,
                            "<entry id=\"question-%04u\" topic=\"big\">"
                            "<question>Question number %u?</question>"
                            "<answer><p>The answer to question %u.</p></answer></entry>\n",
                            i, i, i);
  g_string_append (faq, "</faq>\n");
  write_file (dir, "faq.xml", faq->str);

  cg_content_loader_add_path (loader, dir, NULL);
  library = cg_content_loader_load (loader, NULL);
  for (guint i = 0; i < cg_library_get_problems (library)->len; i++)
    {
      g_autofree char *text = cg_problem_to_string (g_ptr_array_index (cg_library_get_problems (library), i));

      if (i < 3 || strstr (text, "article-") == NULL)
        g_test_message ("%s", text);
    }
  g_assert_cmpuint (cg_library_get_problems (library)->len, ==, 0);
  *dir_out = g_steal_pointer (&dir);

  return library;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static guint
count_widgets (GtkWidget *widget,
               GType      type)
{
  guint n = g_type_is_a (G_OBJECT_TYPE (widget), type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);

  return n;
}

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

static CgLibrary *
library_with_problems (guint n)
{
  CgLibrary *library = cg_library_new ("en");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *file = g_strdup_printf ("broken-%06u.xml", i);

      cg_library_add_problem (library, cg_problem_new (file, i + 1, 3, CG_CONTENT_ERROR_MALFORMED,
                                                       "Opening and ending tag mismatch"));
    }
  cg_library_seal (library);

  return library;
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

  cg_problems_page_set_library (CG_PROBLEMS_PAGE (page), library);
  cg_test_wait_for_frame (window);
  g_assert_cmpuint (cg_problems_page_get_n_problems (CG_PROBLEMS_PAGE (page)), ==, N_PROBLEMS);
  g_assert_nonnull (cg_test_find_label (page, "100000 problems in the content"));
  g_assert_nonnull (cg_test_find_label (page, "broken-000000.xml:1:3: Opening and ending tag mismatch"));
  g_test_message ("rows built on opening: %u", count_widgets (list, GTK_TYPE_LABEL));
  g_assert_cmpuint (count_widgets (list, GTK_TYPE_LABEL), <=, MAX_PROBLEM_ROWS);

  /* Scrolled to its end, the list shows the last problem. */
  for (guint i = 0; i < 10 && !last; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      cg_test_wait_for_frame (window);
      if (cg_test_find_label (list, "broken-099999.xml:100000:3: Opening and ending tag mismatch"))
        last = g_strdup ("found");
    }
  g_assert_nonnull (last);
  g_assert_cmpuint (count_widgets (list, GTK_TYPE_LABEL), <=, MAX_PROBLEM_ROWS);

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
  g_test_add_func ("/big-lists/problems", test_many_problems);

  return g_test_run ();
}
