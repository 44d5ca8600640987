/* cg-window.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-article-page.h"
#include "cg-history.h"
#include "cg-language-button.h"
#include "cg-home-page.h"
#include "cg-problems-page.h"
#include "cg-search-page.h"
#include "cg-clinic-panel.h"
#include "cg-faq-entry.h"
#include "cg-kiosk.h"
#include "cg-link-dialog.h"
#include "cg-page-holder.h"
#include "cg-plain-text.h"
#include "cg-settings.h"
#include "cg-text-renderer.h"
#include "cg-topic-page.h"
#include "cg-topic-row.h"
#include "cg-window.h"
#include "cg-window-private.h"

/* The main window: the topics in a sidebar, and the page being read.
 *
 * Pages have names, which the history records: "home", "topic:<id>" and
 * "item:<id>" (an article, or a question on its own page). Everything
 * that leads somewhere (sidebar, home page, links, related items) goes
 * through the "win.show-…" actions, so that the history sees every step.
 * cg_window_set_library() rebuilds all of it, for a reload or another
 * language. */

/* The text sizes offered, as in a web browser. */
static const double text_scales[] = { 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5 };

G_DEFINE_FINAL_TYPE (CgWindow, cg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_TEXT_SCALE,
  PROP_PINNED,  /* kiosk (F7) */
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text size
 *
 * The reading area's labels use libadwaita's type scale, in points: one
 * style sheet for the display scales all of it, and the text views follow
 * the font they inherit. The setting is shared by every window. */

static GtkCssProvider *text_scale_provider;

static void
update_text_scale_css (double scale)
{
  static const struct { const char *selector; double points; } sizes[] = {
    { ".title-1", 20 }, { ".title-2", 15 }, { ".title-3", 15 }, { ".title-4", 13 },
    { ".heading", 11 }, { ".body", 11 }, { ".caption", 9 }, { ".caption-heading", 9 },
  };
  g_autoptr(GString) css = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  GdkDisplay *display = gdk_display_get_default ();

  /* At the normal size there is nothing to override: every style lookup
   * would pay for one more provider. */
  if (display == NULL || (text_scale_provider == NULL && G_APPROX_VALUE (scale, 1.0, 0.001)))
    return;

  if (text_scale_provider == NULL)
    {
      text_scale_provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display,
                                                  GTK_STYLE_PROVIDER (text_scale_provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  /* Not printf: a comma as decimal separator is not CSS. */
  g_string_append_printf (css, ".reading-area { font-size: %s%%; }\n",
                          g_ascii_formatd (number, sizeof number, "%.1f", scale * 100));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    g_string_append_printf (css, ".reading-area %s { font-size: %spt; }\n", sizes[i].selector,
                            g_ascii_formatd (number, sizeof number, "%.2f", sizes[i].points * scale));

  gtk_css_provider_load_from_data (text_scale_provider, css->str, css->len);
}

static double
next_text_scale (double scale,
                 int    direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (text_scales); i++)
        if (text_scales[i] > scale + 0.01)
          return text_scales[i];
      return text_scales[G_N_ELEMENTS (text_scales) - 1];
    }

  for (guint i = G_N_ELEMENTS (text_scales); i > 0; i--)
    if (text_scales[i - 1] < scale - 0.01)
      return text_scales[i - 1];
  return text_scales[0];
}

/* State of the header and the actions */

static void cg_window_update_problems (CgWindow *self);

/* kiosk (F7): the question shown, if the front desk may pin it. */
static const char *
cg_window_get_pinnable_id (CgWindow *self)
{
  CgItem *item;

  if (self->kiosk != NULL || !CG_IS_ARTICLE_PAGE (self->page_widget))
    return NULL;

  item = cg_article_page_get_item (CG_ARTICLE_PAGE (self->page_widget));

  return CG_IS_FAQ_ENTRY (item) ? cg_item_get_id (item) : NULL;
}

static gboolean
cg_window_get_pinned (CgWindow *self)
{
  const char *id = cg_window_get_pinnable_id (self);
  g_auto(GStrv) pinned = NULL;

  if (id == NULL || self->settings == NULL)
    return FALSE;

  pinned = g_settings_get_strv (self->settings, "pinned-answers");

  return g_strv_contains ((const char * const *) pinned, id);
}

static void
cg_window_set_pinned (CgWindow *self,
                      gboolean  pinned)
{
  const char *id = cg_window_get_pinnable_id (self);
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ids = NULL;

  if (id == NULL || self->settings == NULL || pinned == cg_window_get_pinned (self))
    return;

  old = g_settings_get_strv (self->settings, "pinned-answers");
  builder = g_strv_builder_new ();
  for (guint i = 0; old[i] != NULL; i++)
    if (!g_str_equal (old[i], id))
      g_strv_builder_add (builder, old[i]);
  if (pinned)
    g_strv_builder_add (builder, id);
  ids = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "pinned-answers", (const char * const *) ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED]);
}

static void
cg_window_update_actions (CgWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean reading = CG_IS_ARTICLE_PAGE (self->page_widget) && !self->searching;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  g_autofree char *percent = NULL;

  gtk_widget_action_set_enabled (widget, "win.go-back", cg_history_can_go_back (self->history));
  gtk_widget_action_set_enabled (widget, "win.go-forward", cg_history_can_go_forward (self->history));
  gtk_widget_action_set_enabled (widget, "win.find", reading);
  gtk_widget_action_set_enabled (widget, "win.copy-text", reading);
  gtk_widget_action_set_enabled (widget, "win.print", reading && self->kiosk == NULL);
  /* kiosk (F7): pins are the front desk's, and a setting written. */
  gtk_widget_set_visible (self->pin_button, cg_window_get_pinnable_id (self) != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED]);
  /* kiosk (F7): the shortcuts window lists ways out. */
  gtk_widget_action_set_enabled (widget, "win.show-help-overlay", self->kiosk == NULL);
  gtk_widget_action_set_enabled (widget, "win.zoom-in", self->text_scale < text_scales[G_N_ELEMENTS (text_scales) - 1] - 0.01);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", self->text_scale > text_scales[0] + 0.01);
  gtk_widget_action_set_enabled (widget, "win.zoom-reset", !G_APPROX_VALUE (self->text_scale, 1.0, 0.01));
  /* live content (F8): not in the waiting room. */
  cg_window_update_problems (self);

  /* Folded, the one button in the corner leads back to the topics; the
   * history still answers Alt+Left and the mouse's back button. */
  gtk_widget_set_visible (self->leaflet_back_button, folded);
  gtk_widget_set_visible (self->history_box, !folded);
  gtk_widget_set_visible (self->page_tools, reading && !folded);

  /* Translators: the text size in the main menu. */
  percent = g_strdup_printf (_("%.0f%%"), self->text_scale * 100);
  gtk_label_set_label (self->zoom_label, percent);
}

static void
leaflet_notify_folded_cb (CgWindow   *self,
                          GParamSpec *pspec,
                          AdwLeaflet *leaflet)
{
  cg_window_update_actions (self);
}

static void
leaflet_back_button_clicked_cb (CgWindow  *self,
                                GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
cg_window_sync_sidebar (CgWindow   *self,
                        const char *topic_page)
{
  GtkListBoxRow *selected = NULL;

  g_free (self->sidebar_page);
  self->sidebar_page = g_strdup (topic_page);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (CG_IS_TOPIC_ROW (child) &&
          g_strcmp0 (cg_topic_row_get_page (CG_TOPIC_ROW (child)), topic_page) == 0)
        {
          selected = GTK_LIST_BOX_ROW (child);
          break;
        }
    }

  self->syncing_sidebar = TRUE;
  if (selected != NULL)
    gtk_list_box_select_row (self->sidebar_list, selected);
  else
    gtk_list_box_unselect_all (self->sidebar_list);
  self->syncing_sidebar = FALSE;
}

/* Search (F5)
 *
 * The results are a page of the content stack shown over the page being
 * read, which stays: Escape goes back to it. Opening a result shows it
 * with the matched words highlighted until Escape or the next page. */

static gboolean cg_window_show_page    (CgWindow   *self,
                                        const char *page,
                                        gboolean    record);
static void     cg_window_show_missing (CgWindow   *self);

static void
cg_window_set_searching (CgWindow *self,
                         gboolean  searching)
{
  GtkWidget *page;

  if (self->searching == searching)
    return;

  self->searching = searching;
  page = cg_window_get_page_widget (self);

  if (searching)
    gtk_stack_set_visible_child (self->content_stack, self->search_page);
  else if (page != NULL)
    gtk_stack_set_visible_child (self->content_stack, page);
  else
    gtk_stack_set_visible_child_name (self->content_stack, "empty");

  cg_window_update_actions (self);
}

/* Any other way to a page than a result ends the search. */
static void
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

  if (query[0] == '\0' || self->library == NULL)
    {
      cg_window_set_searching (self, FALSE);
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
  if (self->searching)
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

static gboolean
cg_window_show_page (CgWindow   *self,
                     const char *page,
                     gboolean    record)
{
  g_autofree char *topic_page = NULL;
  GtkWidget *widget = NULL;
  const char *title = NULL;
  double leaving;

  if (self->library == NULL || page == NULL)
    return FALSE;

  if (g_strcmp0 (self->page, page) == 0)
    {
      cg_window_leave_search (self);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return TRUE;
    }

  /* Where the reader leaves the page shown, for when they come back. */
  leaving = cg_window_page_scroll_fraction (self->page_widget);

  if (g_str_equal (page, "home") && self->home_page != NULL)
    {
      widget = self->home_page;
      topic_page = g_strdup ("home");
    }
  else if (g_str_has_prefix (page, "topic:"))
    {
      CgTopic *topic = cg_library_lookup_topic (self->library, page + strlen ("topic:"));

      if (topic == NULL)
        return FALSE;

      widget = cg_window_pages_get_topic_page (self, topic);
      title = cg_topic_get_title (topic);
      topic_page = g_strdup (page);
    }
  else if (g_str_has_prefix (page, "item:"))
    {
      CgItem *item = cg_library_lookup_item (self->library, page + strlen ("item:"));

      if (item == NULL)
        return FALSE;

      widget = cg_window_pages_get_article_page (self, item);
      title = cg_item_get_title (item);
      topic_page = g_strconcat ("topic:", cg_item_get_topic_id (item), NULL);
    }
  else
    return FALSE;

  cg_window_pages_show (self, widget);
  cg_window_leave_search (self);

  g_free (self->page);
  self->page = g_strdup (page);
  if (record)
    {
      cg_history_set_position (self->history, leaving);
      cg_history_push (self->history, page);
    }

  cg_window_sync_sidebar (self, topic_page);

  if (title != NULL)
    {
      /* Translators: the window title: the page, then the application. */
      g_autofree char *window_title = g_strdup_printf (_("%s — Clinic Guide"), title);

      gtk_window_set_title (GTK_WINDOW (self), window_title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Clinic Guide"));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  cg_window_update_actions (self);

  return TRUE;
}

static void
cg_window_show_missing (CgWindow *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("This page is not in the clinic’s content")));
}

static void
sidebar_list_row_selected_cb (CgWindow      *self,
                              GtkListBoxRow *row,
                              GtkListBox    *list)
{
  /* Folded, the arrow keys only move in the list; Enter opens. GTK also
   * selects the selected row again when the list is shown (with a screen
   * reader on): that is no reason to leave the page. */
  if (self->syncing_sidebar || row == NULL || adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (cg_topic_row_get_page (CG_TOPIC_ROW (row)), self->sidebar_page) == 0)
    return;

  cg_window_show_page (self, cg_topic_row_get_page (CG_TOPIC_ROW (row)), TRUE);
}

static void
sidebar_list_row_activated_cb (CgWindow      *self,
                               GtkListBoxRow *row,
                               GtkListBox    *list)
{
  cg_window_show_page (self, cg_topic_row_get_page (CG_TOPIC_ROW (row)), TRUE);
}

static CgArticlePage *
cg_window_get_article_page (CgWindow *self)
{
  return CG_IS_ARTICLE_PAGE (self->page_widget) ? CG_ARTICLE_PAGE (self->page_widget) : NULL;
}

static void
cg_window_copy_item (CgWindow *self,
                     CgItem   *item)
{
  g_autofree char *text = cg_plain_text_from_item (item);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Copied as text")));
}

/* Actions */

static void
show_home_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cg_window_show_page (CG_WINDOW (widget), "home", TRUE);
}

static void
show_topic_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  g_autofree char *page = g_strconcat ("topic:", g_variant_get_string (parameter, NULL), NULL);

  if (!cg_window_show_page (self, page, TRUE))
    cg_window_show_missing (self);
}

static void
show_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  g_autofree char *page = g_strconcat ("item:", g_variant_get_string (parameter, NULL), NULL);

  if (!cg_window_show_page (self, page, TRUE))
    cg_window_show_missing (self);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cg_window_open_uri (CG_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  const char *page;

  /* Back where the reader was on each page. */
  cg_history_set_position (self->history, cg_window_page_scroll_fraction (self->page_widget));
  page = cg_history_go_back (self->history);
  if (page != NULL && cg_window_show_page (self, page, FALSE))
    cg_window_page_restore_scroll (self->page_widget, cg_history_get_position (self->history));
  cg_window_update_actions (self);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  const char *page;

  /* Back where the reader was on each page. */
  cg_history_set_position (self->history, cg_window_page_scroll_fraction (self->page_widget));
  page = cg_history_go_forward (self->history);
  if (page != NULL && cg_window_show_page (self, page, FALSE))
    cg_window_page_restore_scroll (self->page_widget, cg_history_get_position (self->history));
  cg_window_update_actions (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  double scale = 1.0;

  if (g_str_equal (action_name, "win.zoom-in"))
    scale = next_text_scale (self->text_scale, 1);
  else if (g_str_equal (action_name, "win.zoom-out"))
    scale = next_text_scale (self->text_scale, -1);

  cg_window_set_text_scale (self, scale);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgArticlePage *page = cg_window_get_article_page (CG_WINDOW (widget));

  if (page != NULL)
    cg_article_page_start_find (page);
}

static void
copy_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  CgArticlePage *page = cg_window_get_article_page (self);

  if (page != NULL)
    cg_window_copy_item (self, cg_article_page_get_item (page));
}

static void
copy_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  CgItem *item = NULL;

  if (self->library != NULL)
    item = cg_library_lookup_item (self->library, g_variant_get_string (parameter, NULL));

  if (item != NULL)
    cg_window_copy_item (self, item);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  CgArticlePage *page = cg_window_get_article_page (self);
  g_autoptr(GError) error = NULL;

  if (page == NULL)
    return;

  if (!cg_article_page_print (page, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

/* kiosk (F7): Ctrl+Enter, the front desk's quick answer: the selected
 * search result's answer to the clipboard, without leaving the search. */
static void
copy_answer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);

  if (self->search_page != NULL &&
      gtk_stack_get_visible_child (self->content_stack) == self->search_page)
    cg_search_page_copy_selected_answer (CG_SEARCH_PAGE (self->search_page));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The shortcuts window is built when it is first asked for, not with
 * every window as GtkApplication would (it is not at gtk/help-overlay.ui
 * for that reason): start-up does not pay for it. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/help-overlay.ui");

      self->help_overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_transient_for (self->help_overlay, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->help_overlay, TRUE);
    }

  gtk_window_present (self->help_overlay);
}

/* The menu is built when it first opens: start-up does not pay for it. */
static void
primary_menu_button_create_popup_cb (GtkMenuButton *button,
                                     gpointer       user_data)
{
  CgWindow *self = CG_WINDOW (user_data);
  GtkWidget *popover;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  popover = gtk_popover_menu_new_from_model (self->primary_menu);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), self->text_size_box, "text-size");
  gtk_menu_button_set_popover (button, popover);
}

/* In GTK 4.8 Tab walks a list row by row, and in the sidebar every row
 * opens its page: Tab leaves the topics for the page instead, as the
 * arrow keys are there to move among them. */
static gboolean
sidebar_key_pressed_cb (CgWindow              *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  return gtk_widget_child_focus (gtk_widget_get_parent (GTK_WIDGET (self->content_stack)),
                                 GTK_DIR_TAB_FORWARD);
}

/* Enter activates what has the focus: a row of a list, a button. In GTK
 * 4.8 a list box takes Enter for its cursor row, which Tab does not move,
 * and otherwise the search entry's key capture on the window takes it, as
 * if to search: Enter on a row reached by Tab did nothing (Space did).
 * Widgets that use Enter themselves (text views: links; entries) are not
 * activatable, or activate as Enter would. */
static gboolean
window_key_pressed_cb (CgWindow              *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkWidget *focus;

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)) ||
      !gtk_widget_is_sensitive (focus))
    return GDK_EVENT_PROPAGATE;

  return gtk_widget_activate (focus) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

/* The mouse's back and forward buttons. */
static void
mouse_button_pressed_cb (CgWindow        *self,
                         int              n_press,
                         double           x,
                         double           y,
                         GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == 8)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-back", NULL);
  else if (button == 9)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-forward", NULL);
  else
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Content problems (F8): for the clinic's content editors, never in
 * the waiting room. */

static void
cg_window_update_problems (CgWindow *self)
{
  GPtrArray *problems = self->library != NULL ? cg_library_get_problems (self->library) : NULL;
  guint n = problems != NULL ? problems->len : 0;
  gboolean kiosk = self->kiosk != NULL;
  int menu_state = kiosk ? -1 : (int) n;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems", !kiosk);

  if (self->problems_page != NULL)
    cg_problems_page_set_library (self->problems_page, self->library);

  if (kiosk && self->problems_window != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->problems_window), FALSE);

  /* The menu is rebuilt only when what it says changes. */
  if (menu_state == self->problems_menu_state)
    return;

  self->problems_menu_state = menu_state;
  g_menu_remove_all (self->problems_menu);
  if (!kiosk)
    {
      g_autofree char *label = NULL;

      if (n > 0)
        /* Translators: a menu item; %u is how many problems there are. */
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Content _Problems (%u)",
                                              "Content _Problems (%u)", n), n);
      else
        label = g_strdup (_("Content _Problems"));
      g_menu_append (self->problems_menu, label, "win.show-problems");
    }
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);

  if (self->kiosk != NULL)
    return;

  if (self->problems_window == NULL)
    {
      GtkWidget *window = adw_window_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *page = cg_problems_page_new ();

      gtk_window_set_title (GTK_WINDOW (window), _("Content Problems"));
      gtk_window_set_default_size (GTK_WINDOW (window), 760, 480);
      gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
      gtk_window_set_hide_on_close (GTK_WINDOW (window), TRUE);
      gtk_widget_set_vexpand (page, TRUE);
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      gtk_box_append (GTK_BOX (box), page);
      adw_window_set_content (ADW_WINDOW (window), box);

      self->problems_window = GTK_WINDOW (window);
      self->problems_page = CG_PROBLEMS_PAGE (page);
    }

  cg_problems_page_set_library (self->problems_page, self->library);
  gtk_window_present (self->problems_window);
}

/* GObject */

static void
cg_window_save_state (CgWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
cg_window_close_request (GtkWindow *window)
{
  CgWindow *self = CG_WINDOW (window);

  /* kiosk (F7): a patient cannot close the window, and nothing is saved. */
  if (self->kiosk != NULL)
    return TRUE;

  cg_window_save_state (self);

  return GTK_WINDOW_CLASS (cg_window_parent_class)->close_request (window);
}

static void
cg_window_constructed (GObject *object)
{
  CgWindow *self = CG_WINDOW (object);
  GtkApplication *app;

  G_OBJECT_CLASS (cg_window_parent_class)->constructed (object);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (CG_IS_APPLICATION (app))
    self->settings = g_object_ref (cg_application_get_settings (CG_APPLICATION (app)));
  else
    self->settings = cg_settings_new ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "text-scale", self, "text-scale", G_SETTINGS_BIND_DEFAULT);
}

static void
cg_window_dispose (GObject *object)
{
  CgWindow *self = CG_WINDOW (object);

  g_clear_object (&self->kiosk);
  cg_window_pages_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_WINDOW);

  if (self->help_overlay != NULL)
    gtk_window_destroy (g_steal_pointer (&self->help_overlay));
  if (self->problems_window != NULL)
    gtk_window_destroy (g_steal_pointer (&self->problems_window));
  self->problems_page = NULL;
  self->search_page = NULL;
  g_clear_object (&self->search_index);
  g_clear_object (&self->problems_menu);

  self->home_page = NULL;
  self->page_widget = NULL;
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_object (&self->history);
  g_clear_pointer (&self->page, g_free);
  g_clear_pointer (&self->sidebar_page, g_free);

  G_OBJECT_CLASS (cg_window_parent_class)->dispose (object);
}

static void
cg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CgWindow *self = CG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;

    case PROP_PINNED:
      g_value_set_boolean (value, cg_window_get_pinned (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CgWindow *self = CG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TEXT_SCALE:
      cg_window_set_text_scale (self, g_value_get_double (value));
      break;

    case PROP_PINNED:
      cg_window_set_pinned (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_window_class_init (CgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cg_window_constructed;
  object_class->dispose = cg_window_dispose;
  object_class->get_property = cg_window_get_property;
  object_class->set_property = cg_window_set_property;

  window_class->close_request = cg_window_close_request;

  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* kiosk (F7): whether the question shown is pinned to the home page. */
  properties[PROP_PINNED] =
    g_param_spec_boolean ("pinned", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CG_TYPE_LANGUAGE_BUTTON);
  g_type_ensure (CG_TYPE_PAGE_HOLDER);
  g_type_ensure (CG_TYPE_CLINIC_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, leaflet_back_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, text_size_box);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, page_tools);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, clinic_panel);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, pin_button);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_notify_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.show-home", NULL, show_home_action);
  gtk_widget_class_install_action (widget_class, "win.show-topic", "s", show_topic_action);
  gtk_widget_class_install_action (widget_class, "win.show-item", "s", show_item_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.copy-text", NULL, copy_text_action);
  gtk_widget_class_install_action (widget_class, "win.copy-item", "s", copy_item_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.copy-answer", NULL, copy_answer_action);
  gtk_widget_class_install_property_action (widget_class, "win.pin", "pinned");

  /* search (F5) and live content (F8) */
  gtk_widget_class_install_action (widget_class, "win.search", "s", search_action);
  gtk_widget_class_install_action (widget_class, "win.stop-search", NULL, stop_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  /* Last in line: the find bar, menus and popovers take their Escape first. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_binding_cb, NULL);
}

static void
cg_window_init (CgWindow *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->history = cg_history_new ();
  self->text_scale = 1.0;
  self->problems_menu_state = -2;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->primary_menu_button, primary_menu_button_create_popup_cb,
                                         self, NULL);

  /* Without a label, screen readers announce the entry by its class name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"),
                                  -1);

  cg_window_pages_init (self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (sidebar_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (mouse_button_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (window_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* search (F5): typing anywhere outside a text field searches. */
  self->search_page = cg_search_page_new ();
  gtk_stack_add_named (self->content_stack, self->search_page, "search");
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

  /* live content (F8): the problems item goes before the last section
   * (shortcuts and about). */
  self->problems_menu = g_menu_new ();
  g_menu_insert_section (G_MENU (self->primary_menu),
                         MAX (g_menu_model_get_n_items (self->primary_menu) - 1, 0),
                         NULL, G_MENU_MODEL (self->problems_menu));

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  update_text_scale_css (self->text_scale);
  cg_window_update_actions (self);
}

static void cg_window_reload_library (CgWindow  *self,
                                      CgLibrary *library);

static void
content_watcher_notify_library_cb (CgWindow         *self,
                                   GParamSpec       *pspec,
                                   CgContentWatcher *watcher)
{
  if (self->follows_watcher)
    cg_window_reload_library (self, cg_content_watcher_get_library (watcher));
}

CgWindow *
cg_window_new (CgApplication *application)
{
  CgWindow *self;

  g_return_val_if_fail (CG_IS_APPLICATION (application), NULL);

  self = g_object_new (CG_TYPE_WINDOW,
                       "application", application,
                       NULL);
  cg_window_set_library (self, cg_application_get_library (application));
  g_signal_connect_object (cg_application_get_content_watcher (application), "notify::library",
                           G_CALLBACK (content_watcher_notify_library_cb), self, G_CONNECT_SWAPPED);
  if (cg_application_get_kiosk (application))
    cg_window_set_kiosk (self, TRUE, cg_application_get_idle_timeout (application));

  /* The keyboard starts in the topics, where the arrow keys browse; the
   * search is one shortcut away. */
  if (gtk_list_box_get_selected_row (self->sidebar_list) != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar_list)));

  return self;
}

static void
cg_window_clear_sidebar (CgWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, child);
}

/* Puts @library in the sidebar and the home page, and no page yet.
 * Returns whether there is anything to show. */
static gboolean
cg_window_fill (CgWindow  *self,
                CgLibrary *library)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GListModel *topics;

  g_set_object (&self->library, library);

  /* The application's content comes with its index, built in the same
   * thread; other content gets one when it is first searched. */
  g_clear_object (&self->search_index);
  if (library != NULL && CG_IS_APPLICATION (app))
    {
      CgContentWatcher *watcher = cg_application_get_content_watcher (CG_APPLICATION (app));

      if (cg_content_watcher_get_library (watcher) == library)
        self->search_index = g_object_ref (cg_content_watcher_get_search_index (watcher));
    }
  self->searching = FALSE;
  cg_search_page_set_index (CG_SEARCH_PAGE (self->search_page), self->search_index,
                            library != NULL ? cg_library_get_language (library) : NULL);
  cg_window_update_problems (self);

  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  g_clear_pointer (&self->page, g_free);
  cg_window_pages_clear (self);
  if (self->page_widget != NULL)
    gtk_stack_remove (self->content_stack, g_steal_pointer (&self->page_widget));
  if (self->home_page != NULL)
    gtk_stack_remove (self->content_stack, g_steal_pointer (&self->home_page));
  cg_window_clear_sidebar (self);
  gtk_window_set_title (GTK_WINDOW (self), _("Clinic Guide"));

  topics = library != NULL ? cg_library_get_topics (library) : NULL;
  if (topics == NULL || g_list_model_get_n_items (topics) == 0)
    {
      cg_window_update_actions (self);
      return FALSE;
    }

  gtk_list_box_append (self->sidebar_list, cg_topic_row_new_home ());
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(CgTopic) topic = g_list_model_get_item (topics, i);

      gtk_list_box_append (self->sidebar_list, cg_topic_row_new (topic));
    }

  self->home_page = cg_home_page_new (library);
  cg_home_page_set_show_languages (CG_HOME_PAGE (self->home_page), self->kiosk != NULL);
  cg_clinic_panel_set_clinic (CG_CLINIC_PANEL (self->clinic_panel), cg_library_get_clinic (library));
  gtk_stack_add_named (self->content_stack, self->home_page, "home");
  cg_window_pages_prebuild_later (self);

  return TRUE;
}

/**
 * cg_window_set_library:
 * @library: (nullable): the content to show
 *
 * Shows @library from its home page, with a new history: the pages of the
 * previous library may not exist in this one.
 */
void
cg_window_set_library (CgWindow  *self,
                       CgLibrary *library)
{
  GtkApplication *app;

  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (library == NULL || CG_IS_LIBRARY (library));

  /* A window shown another library than the application's (a test, a
   * preview) does not follow the application's reloads. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  self->follows_watcher = CG_IS_APPLICATION (app) &&
    library == cg_content_watcher_get_library (cg_application_get_content_watcher (CG_APPLICATION (app)));

  cg_history_clear (self->history);
  if (cg_window_fill (self, library))
    cg_window_show_page (self, "home", TRUE);
}

/**
 * cg_window_get_library:
 *
 * Returns: (transfer none) (nullable): the content shown
 */
CgLibrary *
cg_window_get_library (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return self->library;
}

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
  g_set_object (&self->history, from->history);
  cg_window_update_actions (self);

  if (adw_leaflet_get_folded (from->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet,
                                        adw_leaflet_get_visible_child_name (from->leaflet));

  cg_window_page_restore_scroll (cg_window_get_page_widget (self),
                       cg_window_page_scroll_fraction (cg_window_get_page_widget (from)));
}

/* Live content (F8): a content file changed. The page shown stays, at the
 * same place, or when its article is gone the window goes to its topic,
 * or home; the history stays (a page gone is skipped over). */
static void
cg_window_reload_library (CgWindow  *self,
                          CgLibrary *library)
{
  g_autofree char *page = g_strdup (self->page);
  g_autofree char *topic_page = NULL;
  g_autofree char *query = NULL;
  gboolean was_searching = self->searching;
  double fraction = cg_window_page_scroll_fraction (self->page_widget);

  if (library == self->library)
    return;

  if (page != NULL && g_str_has_prefix (page, "item:") && self->library != NULL)
    {
      CgItem *item = cg_library_lookup_item (self->library, page + strlen ("item:"));

      if (item != NULL)
        topic_page = g_strconcat ("topic:", cg_item_get_topic_id (item), NULL);
    }

  self->keep_search = TRUE;
  if (cg_window_fill (self, library) && page != NULL)
    {
      if (cg_window_show_page (self, page, FALSE))
        cg_window_page_restore_scroll (self->page_widget, fraction);
      else if (topic_page == NULL || !cg_window_show_page (self, topic_page, TRUE))
        cg_window_show_page (self, "home", TRUE);
    }
  self->keep_search = FALSE;

  if (was_searching)
    search_entry_search_changed_cb (self, self->search_entry);
}

/**
 * cg_window_open_page:
 * @page: "home", "topic:<id>" or "item:<id>"
 *
 * Shows a page, as following a link to it would.
 *
 * Returns: whether the page exists
 */
gboolean
cg_window_open_page (CgWindow   *self,
                     const char *page)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  return cg_window_show_page (self, page, TRUE);
}

/**
 * cg_window_get_page:
 *
 * Returns: (nullable): the name of the page shown: "home", "topic:<id>"
 *   or "item:<id>"
 */
const char *
cg_window_get_page (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return self->page;
}

/**
 * cg_window_get_page_widget:
 *
 * Returns: (transfer none) (nullable): the page shown: a #CgHomePage,
 *   #CgTopicPage or #CgArticlePage
 */
GtkWidget *
cg_window_get_page_widget (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  if (self->page_widget != NULL)
    return self->page_widget;

  return self->page != NULL ? self->home_page : NULL;
}

GtkListBox *
cg_window_get_sidebar (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return self->sidebar_list;
}

double
cg_window_get_text_scale (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), 1.0);

  return self->text_scale;
}

/**
 * cg_window_set_text_scale:
 *
 * Sets the size of everything in the reading area, 1.0 being the normal
 * size. The setting remembers it, for every window.
 */
void
cg_window_set_text_scale (CgWindow *self,
                          double    text_scale)
{
  g_return_if_fail (CG_IS_WINDOW (self));

  text_scale = CLAMP (text_scale, text_scales[0], text_scales[G_N_ELEMENTS (text_scales) - 1]);
  if (G_APPROX_VALUE (self->text_scale, text_scale, 0.001))
    return;

  self->text_scale = text_scale;
  update_text_scale_css (text_scale);
  cg_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

static void
open_uri_launched_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CgWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the link: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

/**
 * cg_window_open_uri:
 *
 * The one way out of the application: every web, mail and phone link
 * opens through here, in the desktop's default program.
 */
void
cg_window_open_uri (CgWindow   *self,
                    const char *uri)
{
  static const char * const schemes[] = { "https", "http", "mailto", "tel", NULL };
  const char *scheme;
  g_autoptr(GdkAppLaunchContext) context = NULL;

  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (uri != NULL);

  /* The schema admits no other links; this is a second lock. */
  scheme = g_uri_peek_scheme (uri);
  if (scheme == NULL || !g_strv_contains (schemes, scheme))
    {
      g_debug ("Not opening %s: not a web, mail or phone address", uri);
      return;
    }

  /* kiosk (F7): no browser, mail or phone program on a shared screen:
   * the address and a QR code, for the patient's own phone. */
  if (self->kiosk != NULL)
    {
      gtk_window_present (GTK_WINDOW (cg_link_dialog_new (GTK_WINDOW (self), uri)));
      return;
    }

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           open_uri_launched_cb, g_object_ref (self));
}

/* kiosk (F7) */

/**
 * cg_window_set_kiosk:
 * @idle_timeout: seconds without input before the screen resets; 0 for
 *   the setting
 *
 * Puts the window in waiting-room mode (full screen, no way out, a reset
 * after a while without input) or takes it out. The application does it
 * for every window: see cg_application_set_kiosk().
 */
void
cg_window_set_kiosk (CgWindow *self,
                     gboolean  kiosk,
                     guint     idle_timeout)
{
  g_return_if_fail (CG_IS_WINDOW (self));

  if (kiosk == (self->kiosk != NULL))
    return;

  if (kiosk)
    {
      /* Nothing a patient does is written to disk: the text size stays
       * with the window. */
      g_settings_unbind (self, "text-scale");
      gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
      self->kiosk = cg_kiosk_new (GTK_WINDOW (self), self->settings, idle_timeout);
    }
  else
    {
      g_autoptr(CgKiosk) old = g_steal_pointer (&self->kiosk);

      cg_kiosk_leave (old);
      gtk_window_set_deletable (GTK_WINDOW (self), TRUE);
      g_settings_bind (self->settings, "text-scale", self, "text-scale", G_SETTINGS_BIND_DEFAULT);
    }

  if (self->home_page != NULL)
    cg_home_page_set_show_languages (CG_HOME_PAGE (self->home_page), self->kiosk != NULL);

  cg_window_update_actions (self);
}

gboolean
cg_window_get_kiosk (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), FALSE);

  return self->kiosk != NULL;
}

/**
 * cg_window_get_kiosk_controller:
 *
 * Returns: (transfer none) (nullable): the waiting-room controller
 */
CgKiosk *
cg_window_get_kiosk_controller (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return self->kiosk;
}

/**
 * cg_window_reset:
 *
 * Back to the home page with nothing of the previous reader: no search,
 * no history, no open menu, the home page scrolled to the top.
 */
static void
popdown_menus (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    gtk_menu_button_popdown (GTK_MENU_BUTTON (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    popdown_menus (child);
}

void
cg_window_reset (CgWindow *self)
{
  g_return_if_fail (CG_IS_WINDOW (self));

  /* The main menu, the language and the clinic's details. */
  popdown_menus (GTK_WIDGET (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* A new home page starts at the top; the old pages go. */
  cg_window_set_library (self, self->library);
}

GtkMenuButton *
cg_window_get_primary_menu_button (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return self->primary_menu_button;
}

void
cg_window_add_toast (CgWindow   *self,
                     const char *message)
{
  g_return_if_fail (CG_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
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

/**
 * cg_window_get_problems_page:
 *
 * Returns: (transfer none) (nullable): the content problems, once "win.show-problems"
 *   has shown them
 */
CgProblemsPage *
cg_window_get_problems_page (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return self->problems_page;
}
