/* cg-window-pages.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-article-page.h"
#include "cg-problems-page.h"
#include "cg-topic-page.h"
#include "cg-window-private.h"

/* The pages of the window's content stack.
 *
 * A topic's page is built the first time it is shown and kept, hidden in
 * the content stack, for as long as the window shows the same library:
 * going back to a topic costs no building and no measuring, only
 * drawing. Shortly after the window shows a library, the topic pages not
 * yet visited are built in idle time, one at a time, and laid out at the
 * stack's size, so that even a first visit only draws the page: a topic's
 * page makes widgets only for the rows on screen, so building and laying
 * out even one of thousands of items takes a few milliseconds. One article page serves every article:
 * the one shown is refilled, and when a topic is shown instead it waits,
 * hidden, for the next article. A new library (a reload, a language, the
 * waiting room's reset) drops them all, and the window shows the same
 * page again in the new library where it can.
 *
 * The content problems are a page too, made when first shown and kept:
 * it follows the window's library, and it has rows only while it is the
 * page shown (see cg-problems-page.c), so that it opens, however many
 * problems there are, in the time of one frame of the window. */

typedef struct
{
  double fraction;
  double last_upper;
  guint  stable;
  guint  ticks;
} ScrollRestore;

static GtkWidget *
find_scrolled_window (GtkWidget *widget)
{
  if (widget == NULL || GTK_IS_SCROLLED_WINDOW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scrolled_window (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Time for the window to show the library first (its first frame comes
 * about 200 ms after the process starts, here). */
#define PREBUILD_DELAY_MS 500

static gboolean
cg_window_is_kept_page (CgWindow  *self,
                        GtkWidget *widget)
{
  if (widget != NULL && widget == self->problems_page)
    return TRUE;

  return CG_IS_TOPIC_PAGE (widget) &&
         g_hash_table_lookup (self->topic_pages,
                              cg_topic_get_id (cg_topic_page_get_topic (CG_TOPIC_PAGE (widget)))) == widget;
}

static void
cg_window_drop_kept_pages (CgWindow *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, self->topic_pages);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    {
      if (widget == self->page_widget)
        self->page_widget = NULL;
      gtk_stack_remove (self->content_stack, widget);
      g_hash_table_iter_remove (&iter);
    }
}

static GtkWidget *
cg_window_build_topic_page (CgWindow *self,
                            CgTopic  *topic)
{
  GtkWidget *widget = cg_topic_page_new (self->library, topic);

  g_object_bind_property (self, "text-scale", widget, "text-scale", G_BINDING_SYNC_CREATE);
  g_hash_table_insert (self->topic_pages, g_strdup (cg_topic_get_id (topic)), widget);

  return widget;
}

/* Builds the next topic page not yet built, then the problems' page; one
 * an idle, so that input and frames come first. */
static gboolean
prebuild_topic_page_cb (gpointer user_data)
{
  CgWindow *self = user_data;
  GListModel *topics = cg_library_get_topics (self->library);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(CgTopic) topic = g_list_model_get_item (topics, i);
      GtkWidget *widget;

      if (g_hash_table_contains (self->topic_pages, cg_topic_get_id (topic)))
        continue;

      widget = cg_window_build_topic_page (self, topic);
      gtk_stack_add_child (self->content_stack, widget);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      /* At the stack's size, the size it will be shown at. */
      cg_topic_page_lay_out_ahead (CG_TOPIC_PAGE (widget),
                                   gtk_widget_get_width (GTK_WIDGET (self->content_stack)),
                                   gtk_widget_get_height (GTK_WIDGET (self->content_stack)));
      return G_SOURCE_CONTINUE;
    }

  /* Last, the content problems, for an editor with files to fix. */
  if (self->problems_page == NULL && self->kiosk == NULL &&
      cg_library_get_problems (self->library)->len > 0)
    {
      GtkWidget *widget = cg_window_pages_get_problems_page (self);

      gtk_stack_add_child (self->content_stack, widget);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      return G_SOURCE_CONTINUE;
    }

  self->prebuild_id = 0;
  return G_SOURCE_REMOVE;
}

/* After the window has shown the library. */
static gboolean
prebuild_start_cb (gpointer user_data)
{
  CgWindow *self = user_data;

  self->prebuild_id = g_idle_add_full (G_PRIORITY_LOW, prebuild_topic_page_cb, self, NULL);

  return G_SOURCE_REMOVE;
}

/* Only the page shown is there for a screen reader: the stack keeps the
 * others (the home page, kept topic pages, the search results) mapped out
 * but, in GTK 4.8, still in the accessible tree. */
static void
content_stack_notify_visible_child_cb (CgWindow   *self,
                                       GParamSpec *pspec,
                                       GtkStack   *stack)
{
  GtkWidget *shown = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, child != shown,
                                 -1);
}

/* Destroying a page (its text, its widgets) takes a millisecond or two:
 * after the frame that shows the next one, not before. */
static gboolean
remove_retired_pages_cb (gpointer user_data)
{
  CgWindow *self = user_data;

  for (guint i = 0; i < self->retired_pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (self->retired_pages, i);

      if (gtk_widget_get_parent (page) == GTK_WIDGET (self->content_stack) &&
          gtk_stack_get_visible_child (self->content_stack) != page)
        gtk_stack_remove (self->content_stack, page);
    }
  g_ptr_array_set_size (self->retired_pages, 0);
  self->retire_id = 0;

  return G_SOURCE_REMOVE;
}

static void
cg_window_retire_page (CgWindow  *self,
                       GtkWidget *page)
{
  g_ptr_array_add (self->retired_pages, g_object_ref (page));
  if (self->retire_id == 0)
    self->retire_id = g_idle_add_full (G_PRIORITY_LOW, remove_retired_pages_cb, self, NULL);
}

/* A page just shown grows as its text views lay out their lines (and a
 * translated or reloaded page has another length): keep the same share of
 * the page scrolled until the length settles. */
static gboolean
restore_scroll_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  ScrollRestore *restore = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
  double upper = gtk_adjustment_get_upper (adjustment);
  double range = upper - gtk_adjustment_get_page_size (adjustment);

  if (range > 0)
    gtk_adjustment_set_value (adjustment, restore->fraction * range);

  if (range > 0 && G_APPROX_VALUE (upper, restore->last_upper, 0.5))
    restore->stable++;
  else
    restore->stable = 0;
  restore->last_upper = upper;

  return restore->stable < 3 && ++restore->ticks < 120 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* How far down its page the reader is, from 0 (the top, or a page that
 * does not scroll) to 1. */
double
cg_window_page_scroll_fraction (GtkWidget *page_widget)
{
  GtkWidget *scroller = find_scrolled_window (page_widget);
  GtkAdjustment *adjustment;
  double range;

  if (scroller == NULL)
    return 0.0;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  return range > 0 ? CLAMP (gtk_adjustment_get_value (adjustment) / range, 0.0, 1.0) : 0.0;
}

/* Scrolls a page just shown to @fraction of its length, as it lays out. */
void
cg_window_page_restore_scroll (GtkWidget *page_widget,
                               double     fraction)
{
  GtkWidget *scroller = find_scrolled_window (page_widget);
  ScrollRestore *restore;

  if (scroller == NULL || fraction <= 0)
    return;

  restore = g_new0 (ScrollRestore, 1);
  restore->fraction = fraction;
  gtk_widget_add_tick_callback (scroller, restore_scroll_tick_cb, restore, g_free);
}

/* After the template: the content stack is there. */
void
cg_window_pages_init (CgWindow *self)
{
  self->topic_pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->retired_pages = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect_object (self->content_stack, "notify::visible-child",
                           G_CALLBACK (content_stack_notify_visible_child_cb), self, G_CONNECT_SWAPPED);
}

/* Before the template goes: the stack still holds the pages. */
void
cg_window_pages_dispose (CgWindow *self)
{
  g_clear_handle_id (&self->prebuild_id, g_source_remove);
  g_clear_handle_id (&self->retire_id, g_source_remove);
  if (self->painted_id != 0 && gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    g_clear_signal_handler (&self->painted_id, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  g_clear_pointer (&self->retired_pages, g_ptr_array_unref);
  g_clear_pointer (&self->topic_pages, g_hash_table_unref);
  self->spare_article_page = NULL;
  self->problems_page = NULL;
}

/* For a new library: no page of the last one is kept. */
void
cg_window_pages_clear (CgWindow *self)
{
  g_clear_handle_id (&self->prebuild_id, g_source_remove);
  cg_window_drop_kept_pages (self);
  if (self->spare_article_page != NULL)
    gtk_stack_remove (self->content_stack, g_steal_pointer (&self->spare_article_page));
}

void
cg_window_pages_prebuild_later (CgWindow *self)
{
  g_clear_handle_id (&self->prebuild_id, g_source_remove);
  self->prebuild_id = g_timeout_add_full (G_PRIORITY_LOW, PREBUILD_DELAY_MS, prebuild_start_cb, self, NULL);
}

/* An article page takes the next article: the one shown, or the last
 * one, kept hidden since; or a new one. */
GtkWidget *
cg_window_pages_get_article_page (CgWindow *self,
                                  CgItem   *item)
{
  GtkWidget *widget;

  if (CG_IS_ARTICLE_PAGE (self->page_widget) || self->spare_article_page != NULL)
    {
      widget = CG_IS_ARTICLE_PAGE (self->page_widget) ? self->page_widget : self->spare_article_page;
      cg_article_page_set_item (CG_ARTICLE_PAGE (widget), item);
      return widget;
    }

  widget = cg_article_page_new (self->library, item);
  g_object_bind_property (self, "text-scale", widget, "text-scale", G_BINDING_SYNC_CREATE);

  return widget;
}

/* The content problems' page, made the first time: it stays in the stack
 * for every library the window shows after. */
GtkWidget *
cg_window_pages_get_problems_page (CgWindow *self)
{
  if (self->problems_page == NULL)
    {
      self->problems_page = cg_problems_page_new ();
      g_object_bind_property (self, "library", self->problems_page, "library", G_BINDING_SYNC_CREATE);
    }

  return self->problems_page;
}

/* A topic's page as a new visit finds it: at the top, its questions
 * closed. Back and Forward (not @new_visit) find it as it was left, the
 * question open, the scroll restored after. */
GtkWidget *
cg_window_pages_get_topic_page (CgWindow *self,
                                CgTopic  *topic,
                                gboolean  new_visit)
{
  GtkWidget *widget = g_hash_table_lookup (self->topic_pages, cg_topic_get_id (topic));
  GtkWidget *scroller;

  if (widget == NULL)
    return cg_window_build_topic_page (self, topic);
  if (!new_visit)
    return widget;

  cg_topic_page_close_questions (CG_TOPIC_PAGE (widget));
  scroller = find_scrolled_window (widget);
  if (scroller != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);

  return widget;
}

/* How long a page took, from the request to the end of the frame that
 * painted it, for `G_MESSAGES_DEBUG=cg-app`: a topic or the problems can
 * hold thousands of rows (F10). */
static void
page_painted_cb (CgWindow      *self,
                 GdkFrameClock *clock)
{
  g_debug ("Page %s: %.1f ms from the request to the end of the frame that painted it",
           self->page, (g_get_monotonic_time () - self->shown_at) / 1000.0);
  g_clear_signal_handler (&self->painted_id, clock);
}

static void
cg_window_pages_time (CgWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  /* Nothing on a reader's path when nobody reads the debug output. */
  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return;

  self->shown_at = g_get_monotonic_time ();
  if (clock != NULL && self->painted_id == 0)
    self->painted_id = g_signal_connect_object (clock, "after-paint", G_CALLBACK (page_painted_cb),
                                                self, G_CONNECT_SWAPPED);
}

void
cg_window_pages_show (CgWindow  *self,
                      GtkWidget *widget)
{
  GtkWidget *old = self->page_widget;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean focus_in_content = focus != NULL &&
                              gtk_widget_is_ancestor (focus, GTK_WIDGET (self->content_stack));

  cg_window_pages_time (self);
  if (widget != self->home_page && gtk_widget_get_parent (widget) == NULL)
    gtk_stack_add_child (self->content_stack, widget);
  gtk_stack_set_visible_child (self->content_stack, widget);

  self->page_widget = widget != self->home_page ? widget : NULL;
  if (widget == self->spare_article_page)
    self->spare_article_page = NULL;
  if (old != NULL && old != widget && !cg_window_is_kept_page (self, old))
    {
      /* The next article takes the last one's page (see show_page). */
      if (CG_IS_ARTICLE_PAGE (old) && !CG_IS_ARTICLE_PAGE (widget))
        {
          if (self->spare_article_page != NULL)
            cg_window_retire_page (self, self->spare_article_page);
          self->spare_article_page = old;
        }
      else
        cg_window_retire_page (self, old);
    }

  /* Following a link must not leave the keyboard nowhere; it starts at
   * the top of the page, also of a page that was refilled. */
  if (focus_in_content)
    {
      if (gtk_widget_is_ancestor (focus, widget))
        gtk_root_set_focus (GTK_ROOT (self), NULL);
      gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
      /* A viewport shows the whole of what takes the keyboard, and an
       * article's text is taller than the window: a page laid out before
       * (a refilled one) would show the end of its text, not its top. */
      if (CG_IS_ARTICLE_PAGE (widget))
        {
          GtkWidget *scroller = find_scrolled_window (widget);

          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
        }
    }
}

/* The same page in another library */

/* Language switch (F6): templates do not re-translate themselves, so a
 * new window replaces each old one, on the same page. */

/**
 * cg_window_take_over:
 * @from: the window @self replaces
 *
 * Shows the page @from shows, with its history, size and scroll
 * position: how a language switch rebuilds a window in the new language.
 */
void
cg_window_take_over (CgWindow *self,
                     CgWindow *from)
{
  int width, height;

  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (CG_IS_WINDOW (from));

  gtk_window_get_default_size (GTK_WINDOW (from), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (gtk_window_is_maximized (GTK_WINDOW (from)))
    gtk_window_maximize (GTK_WINDOW (self));

  if (from->page == NULL || !cg_window_show_page (self, from->page, FALSE))
    return;

  /* The pages have the same names in every language. */
  if (g_set_object (&self->history, from->history))
    g_object_notify (G_OBJECT (self), "history");

  if (adw_leaflet_get_folded (from->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet,
                                        adw_leaflet_get_visible_child_name (from->leaflet));

  cg_window_page_restore_scroll (cg_window_get_page_widget (self),
                       cg_window_page_scroll_fraction (cg_window_get_page_widget (from)));
}

/* Live content (F8): a content file changed. The page shown stays, at the
 * same place, or when its article is gone the window goes to its topic,
 * or home; the history stays (a page gone is skipped over). */
void
cg_window_pages_reload (CgWindow  *self,
                        CgLibrary *library)
{
  g_autofree char *page = g_strdup (self->page);
  g_autofree char *topic_page = NULL;
  g_autofree char *query = NULL;
  gboolean was_searching = self->searching;
  double fraction = cg_window_page_scroll_fraction (self->page_widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean focus_in_sidebar = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar_list));

  if (library == self->library)
    return;

  if (page != NULL && g_str_has_prefix (page, "item:") && self->library != NULL)
    {
      CgItem *item = cg_library_lookup_item (self->library, page + strlen ("item:"));

      if (item != NULL)
        topic_page = g_strconcat ("topic:", cg_item_get_topic_id (item), NULL);
    }

  self->keep_search = TRUE;
  /* The problems stay in view even of content left with no topic. */
  if ((cg_window_fill (self, library) || g_strcmp0 (page, "problems") == 0) && page != NULL)
    {
      if (cg_window_show_page (self, page, FALSE))
        cg_window_page_restore_scroll (self->page_widget, fraction);
      else if (topic_page == NULL || !cg_window_show_page (self, topic_page, TRUE))
        cg_window_show_page (self, "home", TRUE);
    }
  self->keep_search = FALSE;

  /* The keyboard was on a row of the sidebar, which the new library
   * replaced: on the new row of the page shown, or the first. Left to
   * GTK, the list would select its first row and leave the page. */
  if (focus_in_sidebar)
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);

      if (row == NULL)
        row = gtk_list_box_get_row_at_index (self->sidebar_list, 0);
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }

  if (was_searching)
    cg_window_search_refresh (self);
}
