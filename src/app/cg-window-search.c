/* cg-window-search.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-article-page.h"
#include "cg-search-page.h"
#include "cg-window-private.h"

/* The window's search (F5): the header's entry, the page of results and
 * the words highlighted in a result opened.
 *
 * The results are a page of the content stack shown over the page being
 * read, which stays: Escape goes back to it. Opening a result shows it
 * with the matched words highlighted until Escape or the next page. */

static void
cg_window_set_searching (CgWindow *self,
                         gboolean  searching)
{
  GtkWidget *page;

  if (self->searching == searching)
    return;

  self->searching = searching;
  page = cg_window_get_page_widget (self);

  /* Window first (F10): until the content comes, the results page says
   * it is getting ready, never "No Results". */
  if (searching && self->library == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "search-loading");
  else if (searching)
    gtk_stack_set_visible_child (self->content_stack, self->search_page);
  else if (page != NULL)
    gtk_stack_set_visible_child (self->content_stack, page);
  else
    gtk_stack_set_visible_child_name (self->content_stack, "empty");

  g_object_notify (G_OBJECT (self), "searching");
}

/* Any other way to a page than a result ends the search. */
void
cg_window_leave_search (CgWindow *self)
{
  cg_window_set_searching (self, FALSE);
  if (!self->keep_search)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static CgSearchIndex *
cg_window_ensure_search_index (CgWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->search_index != NULL || self->library == NULL)
    return self->search_index;

  /* Only a library that does not come from the application (tests, a
   * preview) needs an index of its own. */
  self->search_index = cg_search_index_new_for_library (self->library, &error);
  if (self->search_index == NULL)
    g_warning ("Could not index the content for search: %s", error->message);

  cg_search_page_set_index (CG_SEARCH_PAGE (self->search_page), self->search_index,
                            cg_library_get_language (self->library));

  return self->search_index;
}

static void
search_entry_search_changed_cb (CgWindow       *self,
                                GtkSearchEntry *entry)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (query[0] == '\0' || (self->library == NULL && !cg_window_get_loading (self)))
    {
      cg_window_set_searching (self, FALSE);
      return;
    }

  /* Window first (F10): the words wait in the entry for the content,
   * which searches them when it comes (cg_window_search_refresh()). */
  if (self->library == NULL)
    {
      cg_window_set_searching (self, TRUE);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return;
    }

  cg_window_ensure_search_index (self);
  cg_search_page_search (CG_SEARCH_PAGE (self->search_page), query);
  cg_window_set_searching (self, TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Typing outside a text field puts the words in the entry but leaves the
 * keyboard where it was: bring it to the entry, so that Enter, Down and
 * Escape mean what they mean there. */
static void
search_entry_changed_cb (CgWindow       *self,
                         GtkSearchEntry *entry)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] == '\0' ||
      (focus != NULL && (gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)) ||
                         gtk_widget_is_ancestor (focus, self->search_page))))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  /* Focusing selects the text: the next key would replace it. */
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
}

/* Enter right after typing, before the entry's short delay: search now,
 * then open the first result. */
static void
search_entry_activate_cb (CgWindow       *self,
                          GtkSearchEntry *entry)
{
  search_entry_search_changed_cb (self, entry);
  if (self->searching && self->library != NULL)
    cg_search_page_activate_selected (CG_SEARCH_PAGE (self->search_page));
}

static void
search_entry_next_match_cb (CgWindow       *self,
                            GtkSearchEntry *entry)
{
  cg_search_page_move_selection (CG_SEARCH_PAGE (self->search_page), 1);
}

static void
search_entry_previous_match_cb (CgWindow       *self,
                                GtkSearchEntry *entry)
{
  cg_search_page_move_selection (CG_SEARCH_PAGE (self->search_page), -1);
}

static gboolean
search_entry_key_pressed_cb (CgWindow              *self,
                             guint                  keyval,
                             guint                  keycode,
                             GdkModifierType        state,
                             GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0 || !self->searching)
    return GDK_EVENT_PROPAGATE;

  return cg_search_page_focus_results (CG_SEARCH_PAGE (self->search_page));
}

static void
search_entry_stop_search_cb (CgWindow       *self,
                             GtkSearchEntry *entry)
{
  cg_window_stop_search (self);
}

static gboolean
escape_binding_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  return cg_window_stop_search (CG_WINDOW (widget));
}

static void
stop_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cg_window_stop_search (CG_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), g_variant_get_string (parameter, NULL));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  search_entry_search_changed_cb (self, self->search_entry);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static guint
cg_window_highlight_terms (CgWindow           *self,
                           const char * const *terms)
{
  GtkWidget *page = self->page_widget;
  CgDocumentView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GArray) ranges = NULL;

  if (!CG_IS_ARTICLE_PAGE (page) || cg_window_ensure_search_index (self) == NULL)
    return 0;

  view = cg_article_page_get_document_view (CG_ARTICLE_PAGE (page));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  /* With the embedded objects, so that offsets in the text are offsets
   * in the buffer. */
  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
  ranges = cg_search_index_find_matches (self->search_index, text, terms);

  return cg_document_view_highlight (view, text, ranges);
}

static void
search_page_result_activated_cb (CgWindow       *self,
                                 CgSearchResult *result,
                                 CgSearchPage   *search_page)
{
  g_autoptr(CgSearchResult) hold = g_object_ref (result);
  g_autofree char *page = g_strconcat ("item:", cg_search_result_get_id (result), NULL);
  GtkWidget *focus;
  gboolean shown;

  self->keep_search = TRUE;
  shown = cg_window_show_page (self, page, TRUE);
  self->keep_search = FALSE;

  if (!shown)
    {
      cg_window_show_missing (self);
      return;
    }

  cg_window_highlight_terms (self, cg_search_result_get_matched_terms (hold));

  /* The keyboard goes to the text, where Escape clears the highlights. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->page_widget))
    gtk_widget_child_focus (self->page_widget, GTK_DIR_TAB_FORWARD);
}

/* kiosk (F7): Ctrl+Enter, the front desk's quick answer: the selected
 * search result's answer to the clipboard, without leaving the search. */
static void
copy_answer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cg_window_copy_answer (CG_WINDOW (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  /* Also when the entry had the focus already (a result was opened from
   * it): the next question typed replaces the last one. */
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * cg_window_search_set_library:
 *
 * Searches @library from now on; a search shown ends.
 */
void
cg_window_search_set_library (CgWindow  *self,
                              CgLibrary *library)
{
  /* The application's content comes with its index, built in the same
   * thread; other content gets one when it is first searched. */
  g_clear_object (&self->search_index);
  if (library != NULL && self->watcher != NULL && cg_content_watcher_peek_library (self->watcher) == library)
    self->search_index = g_object_ref (cg_content_watcher_peek_search_index (self->watcher));
  if (self->searching)
    {
      self->searching = FALSE;
      g_object_notify (G_OBJECT (self), "searching");
    }
  cg_search_page_set_index (CG_SEARCH_PAGE (self->search_page), self->search_index,
                            library != NULL ? cg_library_get_language (library) : NULL);
}

/* The same words again, in content that changed. */
void
cg_window_search_refresh (CgWindow *self)
{
  search_entry_search_changed_cb (self, self->search_entry);
}

/* Typing anywhere outside a text field searches. */
void
cg_window_search_init (CgWindow *self)
{
  GtkEventController *controller;

  /* Without a label, screen readers announce the entry by its class name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"),
                                  -1);

  self->search_page = cg_search_page_new ();
  gtk_stack_add_named (self->content_stack, self->search_page, "search");
  /* The answer above the results reads at the window's text size: large
   * in the kiosk (F13). */
  g_object_bind_property (self, "text-scale",
                          cg_search_page_get_answer_view (CG_SEARCH_PAGE (self->search_page)),
                          "text-scale", G_BINDING_SYNC_CREATE);
  /* Patients do not copy: no Copy buttons on the kiosk's results. */
  g_object_bind_property (self, "kiosk", self->search_page, "kiosk", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->search_page, "result-activated",
                           G_CALLBACK (search_page_result_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_object_set (self->search_entry, "search-delay", 60, NULL);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_entry_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (search_entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match",
                           G_CALLBACK (search_entry_next_match_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match",
                           G_CALLBACK (search_entry_previous_match_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (search_entry_stop_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "changed",
                           G_CALLBACK (search_entry_changed_cb), self, G_CONNECT_SWAPPED);
  /* Before the text: it would give Down away to the next widget. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (search_entry_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
}

void
cg_window_class_search_init (CgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.search", "s", search_action);
  gtk_widget_class_install_action (widget_class, "win.stop-search", NULL, stop_search_action);
  /* kiosk (F7): the front desk's quick answer. */
  gtk_widget_class_install_action (widget_class, "win.copy-answer", NULL, copy_answer_action);
  /* Last in line: the find bar, menus and popovers take their Escape first. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_binding_cb, NULL);
}

/**
 * cg_window_stop_search:
 *
 * What Escape does: leaves the search results for the page that was
 * shown, or clears the words highlighted from a search.
 *
 * Returns: whether there was anything to stop
 */
gboolean
cg_window_stop_search (CgWindow *self)
{
  GtkWidget *page;

  g_return_val_if_fail (CG_IS_WINDOW (self), FALSE);

  if (self->searching)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
      gboolean focus_in_results = focus != NULL && gtk_widget_is_ancestor (focus, self->search_page);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      cg_window_set_searching (self, FALSE);

      page = cg_window_get_page_widget (self);
      if (focus_in_results && page != NULL)
        gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);

      return TRUE;
    }

  page = self->page_widget;
  if (CG_IS_ARTICLE_PAGE (page) && !cg_article_page_get_find_active (CG_ARTICLE_PAGE (page)))
    {
      CgDocumentView *view = cg_article_page_get_document_view (CG_ARTICLE_PAGE (page));

      if (cg_document_view_get_n_matches (view) > 0)
        {
          cg_document_view_find (view, NULL);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cg_window_get_search_entry:
 *
 * Returns: (transfer none): the header's search entry
 */
GtkSearchEntry *
cg_window_get_search_entry (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return self->search_entry;
}

/**
 * cg_window_get_search_page:
 *
 * Returns: (transfer none): the page of search results
 */
CgSearchPage *
cg_window_get_search_page (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return CG_SEARCH_PAGE (self->search_page);
}

/**
 * cg_window_get_searching:
 *
 * Returns: whether the search results are shown
 */
gboolean
cg_window_get_searching (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), FALSE);

  return self->searching;
}
