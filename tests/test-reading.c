/* test-reading.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cg-test-ui.h"
#include "cg-application.h"
#include "cg-article-page.h"
#include "cg-content-loader.h"
#include "cg-faq-row.h"
#include "cg-home-page.h"
#include "cg-topic-page.h"
#include "cg-topic-row.h"
#include "cg-window.h"
#include "cg-window-private.h"

/* A reader's way through the fixture content (tests/data/reading): the
 * home page, a topic, an article, a link, back and forward, text size,
 * copy, find and print, driven through the window's own actions and
 * widgets. */

typedef struct
{
  CgApplication *app;
  CgLibrary     *library;
  CgWindow      *window;
} Fixture;

static CgLibrary *
load_fixture (void)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "reading", NULL);
  CgLibrary *library;

  cg_content_loader_add_path (loader, dir, NULL);
  library = cg_content_loader_load (loader, NULL);
  g_assert_cmpuint (cg_library_get_problems (library)->len, ==, 0);

  return library;
}

static CgWindow *
open_window_sized (Fixture *fixture,
                   int      width,
                   int      height)
{
  CgWindow *window = cg_window_new (fixture->app);

  g_object_ref_sink (window);
  cg_window_set_library (window, fixture->library);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (GTK_WIDGET (window));

  return window;
}

static CgWindow *
open_window (Fixture *fixture)
{
  return open_window_sized (fixture, 1100, 760);
}

static void
close_window (CgWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* One application for every test: it owns its name on the bus. */
static CgApplication *application;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->app = g_object_ref (application);
  g_settings_reset (cg_application_get_settings (fixture->app), "text-scale");

  fixture->library = load_fixture ();
  fixture->window = open_window (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  close_window (fixture->window);
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->app);
}

static CgArticlePage *
article_page (CgWindow *window)
{
  GtkWidget *page = cg_window_get_page_widget (window);

  g_assert_true (CG_IS_ARTICLE_PAGE (page));

  return CG_ARTICLE_PAGE (page);
}

static char *
article_text (CgWindow *window)
{
  CgDocumentView *view = cg_article_page_get_document_view (article_page (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkListBoxRow *
sidebar_row (CgWindow   *window,
             const char *page)
{
  GtkListBox *sidebar = cg_window_get_sidebar (window);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CG_IS_TOPIC_ROW (child) && g_strcmp0 (cg_topic_row_get_page (CG_TOPIC_ROW (child)), page) == 0)
      return GTK_LIST_BOX_ROW (child);

  g_assert_not_reached ();
}

static void
test_starts_at_home (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *home = cg_window_get_page_widget (fixture->window);
  GtkListBox *sidebar = cg_window_get_sidebar (fixture->window);

  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "home");
  g_assert_true (CG_IS_HOME_PAGE (home));
  g_assert_true (gtk_widget_get_mapped (home));
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == sidebar_row (fixture->window, "home"));

  /* Home, then the topics in their order. */
  g_assert_true (gtk_list_box_get_row_at_index (sidebar, 1) == sidebar_row (fixture->window, "topic:basics"));
  g_assert_true (gtk_list_box_get_row_at_index (sidebar, 2) == sidebar_row (fixture->window, "topic:care"));
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, 3));
}

static void
test_topic_overview (Fixture       *fixture,
                     gconstpointer  data)
{
  CgTopicPage *page;
  g_autoptr(GPtrArray) titles = NULL;
  CgFaqRow *question;

  gtk_list_box_select_row (cg_window_get_sidebar (fixture->window),
                           sidebar_row (fixture->window, "topic:basics"));
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));

  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "topic:basics");
  g_assert_true (CG_IS_TOPIC_PAGE (cg_window_get_page_widget (fixture->window)));
  page = CG_TOPIC_PAGE (cg_window_get_page_widget (fixture->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "The basics — Clinic Guide");

  titles = cg_test_item_row_titles (GTK_WIDGET (cg_topic_page_get_articles_list (page)));
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Fixture article title");

  g_assert_nonnull (cg_topic_page_find_question (page, "faq-second-question"));
  question = cg_topic_page_find_question (page, "faq-fixture-question");
  g_assert_nonnull (question);
  g_assert_cmpstr (cg_faq_entry_get_question (cg_faq_row_get_entry (question)), ==,
                   "Is the fixture a real question?");
}

static void
test_question_expands (Fixture       *fixture,
                       gconstpointer  data)
{
  CgFaqRow *question;
  GtkWidget *answer_row;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  cg_test_activate (fixture->window, "win.show-topic", "basics");
  question = cg_topic_page_find_question (CG_TOPIC_PAGE (cg_window_get_page_widget (fixture->window)),
                                          "faq-fixture-question");
  g_assert_false (cg_faq_row_get_expanded (question));
  /* As a click or Enter on the row does. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (question)));
  g_assert_true (cg_faq_row_get_expanded (question));
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (cg_faq_row_get_answer_view (question)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "No, it is a fixture. Read the fixture article.\nRelated\n•\tFixture article title");
  /* The answer slides open: it shows within a few frames, just below the
   * question. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (cg_faq_row_get_answer_view (question))))
    cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  answer_row = gtk_widget_get_ancestor (GTK_WIDGET (cg_faq_row_get_answer_view (question)), GTK_TYPE_LIST_BOX_ROW);
  g_assert_true (gtk_widget_get_parent (answer_row) == gtk_widget_get_parent (GTK_WIDGET (question)));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (answer_row)), ==,
                   gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (question)) + 1);

  /* Activated again, it closes: the answer slides shut and leaves the
   * list's way. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (question)));
  g_assert_false (cg_faq_row_get_expanded (question));
  while (gtk_widget_get_visible (answer_row))
    cg_test_wait_for_frame (GTK_WIDGET (fixture->window));

  /* The same answer on a page of its own. */
  cg_test_activate (fixture->window, "win.show-item", "faq-fixture-question");
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:faq-fixture-question");
  g_clear_pointer (&text, g_free);
  text = article_text (fixture->window);
  g_assert_true (g_str_has_prefix (text, "Is the fixture a real question?\n"));
  g_assert_nonnull (strstr (text, "No, it is a fixture."));
  /* The sidebar shows where the page belongs. */
  g_assert_true (gtk_list_box_get_selected_row (cg_window_get_sidebar (fixture->window)) ==
                 sidebar_row (fixture->window, "topic:basics"));
}

/* A topic's page is built once: coming back to it finds the same page,
 * at the top with its questions closed, until the content changes. */
static void
test_topic_page_kept (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *page, *scroller, *article;
  CgFaqRow *question;
  GtkAdjustment *adjustment;

  /* Short enough for the page to scroll. */
  close_window (fixture->window);
  fixture->window = open_window_sized (fixture, 800, 420);

  cg_test_activate (fixture->window, "win.show-topic", "basics");
  page = cg_window_get_page_widget (fixture->window);
  question = cg_topic_page_find_question (CG_TOPIC_PAGE (page), "faq-fixture-question");
  cg_faq_row_set_expanded (question, TRUE);
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  /* The page's scroller is below its title now (F10), not its child. */
  scroller = cg_test_find_descendant (page, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  cg_test_activate (fixture->window, "win.show-item", "fixture-article");
  article = cg_window_get_page_widget (fixture->window);
  cg_test_activate (fixture->window, "win.show-topic", "basics");
  g_assert_true (cg_window_get_page_widget (fixture->window) == page);
  g_assert_false (cg_faq_row_get_expanded (question));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (page));

  /* New content (a reload, a language, the waiting room's reset): new
   * pages. */
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  g_object_add_weak_pointer (G_OBJECT (article), (gpointer *) &article);
  cg_window_set_library (fixture->window, fixture->library);
  g_assert_null (page);
  /* Nor is the last article kept for the next reader. */
  g_assert_null (article);
  cg_test_activate (fixture->window, "win.show-topic", "basics");
  g_assert_true (CG_IS_TOPIC_PAGE (cg_window_get_page_widget (fixture->window)));
}

static void
test_article_opens (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = NULL;

  cg_test_activate (fixture->window, "win.show-item", "fixture-article");

  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:fixture-article");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (article_page (fixture->window))));
  text = article_text (fixture->window);
  g_assert_true (g_str_has_prefix (text, "Fixture article title\nGeneral information, not medical advice"));
  g_assert_true (g_str_has_suffix (text, "Reviewed 1 November 2026 by Test reviewer"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "Fixture article title — Clinic Guide");

  /* A link to nowhere leaves the reader where they were. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-item", "s", "no-such-id"));
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:fixture-article");
}

static void
follow_link (CgWindow   *window,
             const char *words)
{
  CgDocumentView *view = cg_article_page_get_document_view (article_page (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, match;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, words, 0, &match, NULL, NULL));
  gtk_text_iter_forward_char (&match);
  g_assert_true (cg_document_view_activate_link_at (view, &match));
  cg_test_wait_for_frame (GTK_WIDGET (window));
}

static void
test_link_and_history (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = NULL;

  /* Nothing to go back to yet. */
  cg_test_activate (fixture->window, "win.go-back", NULL);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "home");

  cg_test_activate (fixture->window, "win.show-item", "fixture-article");
  /* From the keyboard: the reader is in the text, and stays there. */
  gtk_widget_grab_focus (GTK_WIDGET (cg_article_page_get_document_view (article_page (fixture->window))));
  follow_link (fixture->window, "the linked article");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) ==
                 GTK_WIDGET (cg_article_page_get_document_view (article_page (fixture->window))));

  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:linked-article");
  text = article_text (fixture->window);
  g_assert_true (g_str_has_prefix (text, "Linked article title\n"));
  g_assert_true (gtk_list_box_get_selected_row (cg_window_get_sidebar (fixture->window)) ==
                 sidebar_row (fixture->window, "topic:care"));

  cg_test_activate (fixture->window, "win.go-back", NULL);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:fixture-article");
  cg_test_activate (fixture->window, "win.go-back", NULL);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "home");
  g_assert_true (CG_IS_HOME_PAGE (cg_window_get_page_widget (fixture->window)));

  cg_test_activate (fixture->window, "win.go-forward", NULL);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:fixture-article");
  cg_test_activate (fixture->window, "win.go-forward", NULL);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:linked-article");
  cg_test_activate (fixture->window, "win.go-forward", NULL);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:linked-article");

  /* Somewhere new after going back forgets the way forward. */
  cg_test_activate (fixture->window, "win.go-back", NULL);
  cg_test_activate (fixture->window, "win.show-topic", "care");
  cg_test_activate (fixture->window, "win.go-forward", NULL);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "topic:care");
}

/* The scrolling of the page shown, once its text has laid out: a text
 * view estimates the height of lines it has not measured yet. */
static GtkAdjustment *
settled_vadjustment (CgWindow *window)
{
  GtkAdjustment *adjustment = NULL;
  double upper = -1.0;
  guint stable = 0;

  for (guint i = 0; i < 60 && stable < 3; i++)
    {
      cg_test_wait_for_frame (GTK_WIDGET (window));
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
        cg_test_find_descendant (cg_window_get_page_widget (window), GTK_TYPE_SCROLLED_WINDOW)));
      g_assert_nonnull (adjustment);
      stable = G_APPROX_VALUE (gtk_adjustment_get_upper (adjustment), upper, 0.5) ? stable + 1 : 0;
      upper = gtk_adjustment_get_upper (adjustment);
    }

  return adjustment;
}

/* How far down the page shown the reader is, from 0 to 1. */
static double
scrolled_fraction (CgWindow *window)
{
  GtkAdjustment *adjustment = settled_vadjustment (window);
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  g_assert_cmpfloat (range, >, 0.0);

  return gtk_adjustment_get_value (adjustment) / range;
}

static void
test_back_restores_scroll (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkAdjustment *adjustment;
  double range;

  /* A short window, so that the article scrolls. */
  close_window (g_steal_pointer (&fixture->window));
  fixture->window = open_window_sized (fixture, 1100, 400);

  /* Half-way through the article, follow a link, come back: half-way
   * again. (Pixels would not do: a text view's height is an estimate
   * until it has measured every line.) */
  cg_test_activate (fixture->window, "win.show-item", "fixture-article");
  adjustment = settled_vadjustment (fixture->window);
  range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  g_assert_cmpfloat (range, >, 50.0);
  gtk_adjustment_set_value (adjustment, range / 2);

  follow_link (fixture->window, "the linked article");
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:linked-article");
  /* The linked article starts at its top. */
  g_assert_cmpfloat (gtk_adjustment_get_value (settled_vadjustment (fixture->window)), ==, 0.0);
  cg_test_activate (fixture->window, "win.go-back", NULL);
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "item:fixture-article");
  g_assert_cmpfloat_with_epsilon (scrolled_fraction (fixture->window), 0.5, 0.02);

  /* Forward and back again keep it. */
  cg_test_activate (fixture->window, "win.go-forward", NULL);
  cg_test_activate (fixture->window, "win.go-back", NULL);
  g_assert_cmpfloat_with_epsilon (scrolled_fraction (fixture->window), 0.5, 0.02);

  /* Opening the article anew starts at its top. */
  cg_test_activate (fixture->window, "win.show-topic", "care");
  cg_test_activate (fixture->window, "win.show-item", "fixture-article");
  g_assert_cmpfloat (scrolled_fraction (fixture->window), ==, 0.0);

  /* So does another long article opened from half-way through one. */
  adjustment = settled_vadjustment (fixture->window);
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) -
                                         gtk_adjustment_get_page_size (adjustment)) / 2);
  g_assert_cmpfloat (scrolled_fraction (fixture->window), >, 0.4);
  cg_test_activate (fixture->window, "win.show-item", "long-article");
  g_assert_cmpfloat (scrolled_fraction (fixture->window), ==, 0.0);
}

static double
document_font_size (CgWindow *window)
{
  CgDocumentView *view = cg_article_page_get_document_view (article_page (window));
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (view));

  return (double) pango_font_description_get_size (pango_context_get_font_description (context)) / PANGO_SCALE;
}

static void
test_text_size_persists (Fixture       *fixture,
                         gconstpointer  data)
{
  GSettings *settings = cg_application_get_settings (fixture->app);
  CgWindow *second;
  double normal_size, larger_size;

  cg_test_activate (fixture->window, "win.show-item", "fixture-article");
  normal_size = document_font_size (fixture->window);

  cg_test_activate (fixture->window, "win.zoom-in", NULL);
  cg_test_activate (fixture->window, "win.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (cg_window_get_text_scale (fixture->window), 1.25, 0.001);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.25, 0.001);
  g_assert_cmpfloat_with_epsilon (document_font_size (fixture->window), normal_size * 1.25, 0.1);

  /* A new window opens at the size the reader chose. */
  second = open_window (fixture);
  g_assert_cmpfloat_with_epsilon (cg_window_get_text_scale (second), 1.25, 0.001);
  cg_test_activate (second, "win.show-item", "fixture-article");
  larger_size = document_font_size (second);
  g_assert_cmpfloat_with_epsilon (larger_size, normal_size * 1.25, 0.1);
  close_window (second);

  cg_test_activate (fixture->window, "win.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.0, 0.001);
  g_assert_cmpfloat_with_epsilon (document_font_size (fixture->window), normal_size, 0.01);

  cg_test_activate (fixture->window, "win.zoom-out", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "text-scale"), <, 1.0);
}

static void
test_copy_as_text (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = NULL;

  cg_test_activate (fixture->window, "win.show-item", "linked-article");
  cg_test_activate (fixture->window, "win.copy-text", NULL);
  text = cg_test_read_clipboard (fixture->window);
  g_assert_cmpstr (text, ==,
                   "Linked article title\n\n"
                   "You arrived by following a link. Go back to the fixture.\n");

  cg_test_activate (fixture->window, "win.show-item", "fixture-article");
  cg_test_activate (fixture->window, "win.copy-text", NULL);
  g_clear_pointer (&text, g_free);
  text = cg_test_read_clipboard (fixture->window);
  g_assert_true (g_str_has_prefix (text,
                                   "Fixture article title\n\n"
                                   "Intro with gentle words and firm words about skin.\n\n"
                                   "First section\n"));
  g_assert_nonnull (strstr (text, "the website (https://example.org/). Call +1 555 0100.\n"));
  g_assert_nonnull (strstr (text, "Warning: Warning text about skin.\n"));

  /* An answer copies from its row too. */
  cg_test_activate (fixture->window, "win.copy-item", "faq-second-question");
  g_clear_pointer (&text, g_free);
  text = cg_test_read_clipboard (fixture->window);
  g_assert_cmpstr (text, ==, "Is there a second question?\n\nYes, and it has no review record.\n");
}

/* Types into the find entry and waits for the search, which runs a moment
 * after the last key, to say what it found. */
static void
find_text (CgArticlePage *page,
           const char    *text,
           const char    *status)
{
  g_autofree char *before = g_strdup (cg_article_page_get_find_status (page));

  /* Replacing the text clears the entry first, which searches at once. */
  gtk_editable_set_text (cg_article_page_get_find_entry (page), text);
  while (g_strcmp0 (cg_article_page_get_find_status (page), before) == 0 ||
         g_strcmp0 (cg_article_page_get_find_status (page), "") == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (cg_article_page_get_find_status (page), ==, status);
}

static void
test_find_in_page (Fixture       *fixture,
                   gconstpointer  data)
{
  CgArticlePage *page;
  GtkTextBuffer *buffer;
  GtkEditable *entry;
  g_autofree char *text = NULL;

  cg_test_activate (fixture->window, "win.show-item", "fixture-article");
  page = article_page (fixture->window);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (cg_article_page_get_document_view (page)));
  entry = cg_article_page_get_find_entry (page);

  cg_test_activate (fixture->window, "win.find", NULL);
  g_assert_true (cg_article_page_get_find_active (page));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (entry)));

  /* "skin", "skin" and "SKIN": case does not matter. */
  find_text (page, "skin", "1 of 3");
  g_assert_cmpuint (cg_test_count_tag_ranges (buffer, "find-match"), ==, 3);
  g_assert_cmpuint (cg_test_count_tag_ranges (buffer, "find-current"), ==, 1);

  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (cg_article_page_get_find_status (page), ==, "2 of 3");
  g_signal_emit_by_name (entry, "previous-match");
  g_signal_emit_by_name (entry, "previous-match");
  g_assert_cmpstr (cg_article_page_get_find_status (page), ==, "3 of 3");

  find_text (page, "no such words", "No matches");
  g_assert_cmpuint (cg_test_count_tag_ranges (buffer, "find-match"), ==, 0);

  find_text (page, "fixture", "1 of 1");

  /* Escape closes the bar and clears the highlights. */
  g_signal_emit_by_name (entry, "stop-search");
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_false (cg_article_page_get_find_active (page));
  g_assert_cmpuint (cg_test_count_tag_ranges (buffer, "find-match"), ==, 0);
  g_assert_cmpuint (cg_test_count_tag_ranges (buffer, "find-current"), ==, 0);

  /* Found words do not follow the reader to the next article, nor the
   * bar. */
  find_text (page, "skin", "1 of 3");
  cg_test_activate (fixture->window, "win.show-item", "faq-fixture-question");
  page = article_page (fixture->window);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (cg_article_page_get_document_view (page)));
  g_assert_false (cg_article_page_get_find_active (page));
  g_assert_cmpstr (gtk_editable_get_text (cg_article_page_get_find_entry (page)), ==, "");
  g_assert_cmpuint (cg_test_count_tag_ranges (buffer, "find-match"), ==, 0);
  text = article_text (fixture->window);
  g_assert_true (g_str_has_prefix (text, "Is the fixture a real question?\n"));
}

static void
test_print_to_pdf (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autofree char *errors = NULL;
  const char *argv[] = { NULL, "-layout", NULL, "-", NULL };
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  dir = g_dir_make_tmp ("clinic-guide-print-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "handout.pdf", NULL);

  cg_test_activate (fixture->window, "win.show-item", "fixture-article");
  g_assert_true (cg_article_page_print (article_page (fixture->window),
                                        GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  argv[0] = pdftotext;
  argv[2] = pdf;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, &errors, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Fixture article title"));
  g_assert_nonnull (strstr (text, "Fixture Clinic"));
  g_assert_nonnull (strstr (text, "Nested second"));
  g_assert_nonnull (strstr (text, "Reviewed 1 November 2026 by Test reviewer"));
  g_assert_nonnull (strstr (text, "Page 1 of"));

  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_narrow_window_folds (Fixture       *fixture,
                          gconstpointer  data)
{
  AdwLeaflet *leaflet;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 500, 800);
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));

  leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (GTK_WIDGET (cg_window_get_sidebar (fixture->window)),
                                                  ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  /* It opens on the content, the home page. */
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");

  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");

  /* Choosing a topic in the stacked view leads to it. */
  g_signal_emit_by_name (cg_window_get_sidebar (fixture->window), "row-activated",
                         sidebar_row (fixture->window, "topic:care"));
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (cg_window_get_page (fixture->window), ==, "topic:care");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
}

static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *shortcuts = NULL;

  cg_test_activate (fixture->window, "win.show-help-overlay", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window))
        shortcuts = window;
    }

  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (fixture->window));
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
is_percent_label (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_label (GTK_LABEL (widget)), "%");
}

/* The header shows what fits the page: the page's tools for an article
 * (not over search results), the pin for a question, and the text size
 * in the main menu. */
static void
test_header_follows_page (Fixture       *fixture,
                          gconstpointer  data)
{
  CgWindow *window = fixture->window;
  GtkWidget *find_button = cg_test_find_widget (window, has_action, "win.find");
  GtkWidget *pin_button = cg_test_find_widget (window, has_action, "win.pin");
  GtkMenuButton *menu_button = cg_window_get_primary_menu_button (window);
  GtkWidget *zoom_label;

  g_assert_nonnull (find_button);
  g_assert_nonnull (pin_button);
  g_assert_false (gtk_widget_is_visible (find_button));

  cg_test_activate (window, "win.show-item", "fixture-article");
  g_assert_true (gtk_widget_is_visible (find_button));
  g_assert_false (gtk_widget_is_visible (pin_button));

  cg_test_activate (window, "win.show-item", "faq-second-question");
  g_assert_true (gtk_widget_is_visible (find_button));
  g_assert_true (gtk_widget_is_visible (pin_button));

  cg_test_activate (window, "win.search", "question");
  g_assert_false (gtk_widget_is_visible (find_button));
  cg_test_activate (window, "win.stop-search", NULL);
  g_assert_true (gtk_widget_is_visible (find_button));

  cg_test_activate (window, "win.show-home", NULL);
  g_assert_false (gtk_widget_is_visible (find_button));

  gtk_menu_button_popup (menu_button);
  cg_test_wait_for_frame (GTK_WIDGET (window));
  zoom_label = cg_test_find_widget (gtk_menu_button_get_popover (menu_button), is_percent_label, NULL);
  g_assert_nonnull (zoom_label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (zoom_label)), ==, "100%");
  cg_test_activate (window, "win.zoom-in", NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (zoom_label)), ==, "110%");
  cg_test_activate (window, "win.zoom-reset", NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (zoom_label)), ==, "100%");
  gtk_menu_button_popdown (menu_button);
}

int
main (int   argc,
      char *argv[])
{
  application = cg_test_init_application (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/reading/starts-at-home", test_starts_at_home);
  ADD ("/reading/topic-overview", test_topic_overview);
  ADD ("/reading/question-expands", test_question_expands);
  ADD ("/reading/topic-page-kept", test_topic_page_kept);
  ADD ("/reading/article-opens", test_article_opens);
  ADD ("/reading/link-and-history", test_link_and_history);
  ADD ("/reading/back-restores-scroll", test_back_restores_scroll);
  ADD ("/reading/text-size-persists", test_text_size_persists);
  ADD ("/reading/copy-as-text", test_copy_as_text);
  ADD ("/reading/find-in-page", test_find_in_page);
  ADD ("/reading/print-to-pdf", test_print_to_pdf);
  ADD ("/reading/narrow-window-folds", test_narrow_window_folds);
  ADD ("/reading/shortcuts-window", test_shortcuts_window);
  ADD ("/reading/header-follows-page", test_header_follows_page);
#undef ADD

  return g_test_run ();
}
