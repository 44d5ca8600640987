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
#include "cg-clinic-panel.h"
#include "cg-faq-entry.h"
#include "cg-page-holder.h"
#include "cg-settings.h"
#include "cg-text-scale.h"
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

G_DEFINE_FINAL_TYPE (CgWindow, cg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_TEXT_SCALE,
  PROP_LIBRARY,
  PROP_HISTORY,
  PROP_ITEM,
  PROP_SEARCHING,
  PROP_PINNED,  /* kiosk (F7) */
  PROP_KIOSK,   /* kiosk (F7) */
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The page shown */

/**
 * cg_window_get_item:
 *
 * Returns: (transfer none) (nullable): the article or question shown on
 *   a page of its own
 */
CgItem *
cg_window_get_item (CgWindow *self)
{
  if (!CG_IS_ARTICLE_PAGE (self->page_widget))
    return NULL;

  return cg_article_page_get_item (CG_ARTICLE_PAGE (self->page_widget));
}

/* The header's state, for the bindings in cg-window.ui. */

static char *
zoom_label_cb (gpointer this_object,
               double   text_scale)
{
  return cg_text_scale_format (text_scale);
}

static gboolean
invert_boolean_cb (gpointer this_object,
                   gboolean value)
{
  return !value;
}

/* Find, copy and print, for an article read, beside the search entry
 * when the window is wide enough. */
static gboolean
page_tools_visible_cb (gpointer  this_object,
                       CgItem   *item,
                       gboolean  searching,
                       gboolean  folded)
{
  return item != NULL && !searching && !folded;
}

/* kiosk (F7): pins are the front desk's, and a setting written. */
static gboolean
pin_button_visible_cb (gpointer  this_object,
                       CgItem   *item,
                       gboolean  kiosk)
{
  return CG_IS_FAQ_ENTRY (item) && !kiosk;
}

/* The item shown, and so whether it is pinned, may have changed. */
static void
cg_window_notify_item (CgWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED]);
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

gboolean
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

      widget = cg_window_pages_get_topic_page (self, topic, record);
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
  /* For the content's editors: never in the waiting room. */
  else if (g_str_equal (page, "problems") && self->kiosk == NULL)
    {
      widget = cg_window_pages_get_problems_page (self);
      title = _("Content Problems");
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
  cg_window_notify_item (self);

  return TRUE;
}

void
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
    g_object_get (app, "settings", &self->settings, NULL);
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

  /* A window destroyed (and replaced, for a language) is out of the
   * application's list: it follows its mode no more. */
  if (self->kiosk_binding != NULL)
    g_binding_unbind (g_steal_pointer (&self->kiosk_binding));
  g_clear_object (&self->kiosk);
  cg_window_pages_dispose (self);
  g_clear_handle_id (&self->fold_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_WINDOW);

  if (self->help_overlay != NULL)
    gtk_window_destroy (g_steal_pointer (&self->help_overlay));
  self->search_page = NULL;
  g_clear_object (&self->search_index);
  g_clear_object (&self->problems_menu);

  self->home_page = NULL;
  self->page_widget = NULL;
  g_clear_object (&self->settings);
  g_clear_object (&self->watcher);
  g_clear_object (&self->library);
  g_clear_object (&self->history);
  g_clear_pointer (&self->page, g_free);
  g_clear_pointer (&self->sidebar_page, g_free);
  g_clear_pointer (&self->pending_page, g_free);

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

    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_ITEM:
      g_value_set_object (value, cg_window_get_item (self));
      break;

    case PROP_SEARCHING:
      g_value_set_boolean (value, self->searching);
      break;

    case PROP_PINNED:
      g_value_set_boolean (value, cg_window_get_pinned (self));
      break;

    case PROP_KIOSK:
      g_value_set_boolean (value, self->kiosk != NULL);
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

    case PROP_KIOSK:
      cg_window_set_kiosk (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* F14: the sidebar beside the text only where both fit at the text
 * size: a portrait screen, a small one or large text get one column. It
 * is decided on every allocation, so on the window's width alone, in
 * either orientation, and not when the pointer next moves. */
#define READING_WIDTH 560  /* pixels of text at the normal size, some 70 characters */

static gboolean
cg_window_wants_two_columns (CgWindow *self,
                             int       width)
{
  GtkWidget *sidebar = adw_leaflet_get_child_by_name (self->leaflet, "sidebar");
  int sidebar_width = 260;

  if (sidebar != NULL)
    gtk_widget_measure (sidebar, GTK_ORIENTATION_HORIZONTAL, -1, &sidebar_width, NULL, NULL, NULL);

  return width >= sidebar_width + 1 + (int) (READING_WIDTH * self->text_scale);
}

static gboolean
update_fold_cb (gpointer user_data)
{
  CgWindow *self = user_data;

  self->fold_id = 0;
  adw_leaflet_set_can_unfold (self->leaflet,
                              cg_window_wants_two_columns (self, gtk_widget_get_width (GTK_WIDGET (self))));

  return G_SOURCE_REMOVE;
}

static void
cg_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  CgWindow *self = CG_WINDOW (widget);

  GTK_WIDGET_CLASS (cg_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Not during the allocation: a new layout is queued for right after. */
  if (self->fold_id == 0 &&
      cg_window_wants_two_columns (self, width) != adw_leaflet_get_can_unfold (self->leaflet))
    self->fold_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_fold_cb, self, NULL);
}

static void
cg_window_class_init (CgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cg_window_constructed;
  object_class->dispose = cg_window_dispose;
  widget_class->size_allocate = cg_window_size_allocate;
  object_class->get_property = cg_window_get_property;
  object_class->set_property = cg_window_set_property;

  window_class->close_request = cg_window_close_request;

  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CG_TYPE_LIBRARY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         CG_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The article or question shown on a page of its own, or NULL. */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CG_TYPE_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the search results are shown over the page. */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* kiosk (F7): whether the question shown is pinned to the home page. */
  properties[PROP_PINNED] =
    g_param_spec_boolean ("pinned", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* kiosk (F7): waiting-room mode; see cg_window_set_kiosk(). */
  properties[PROP_KIOSK] =
    g_param_spec_boolean ("kiosk", NULL, NULL,
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
  gtk_widget_class_bind_template_child (widget_class, CgWindow, search_loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, text_size_box);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, clinic_panel);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, invert_boolean_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_tools_visible_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_button_visible_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_list_row_activated_cb);

  cg_window_class_actions_init (klass);
  cg_window_class_search_init (klass);


  /* search (F5) and live content (F8) */
}

static void
cg_window_init (CgWindow *self)
{
  self->history = cg_history_new ();
  self->text_scale = 1.0;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Spinning on the stack's "Getting Ready…" page while another page was
   * shown, this spinner kept the window drawing 60 frames a second for
   * good (measured: 59 frames a second at rest). It spins only while on
   * screen. */
  g_signal_connect_swapped (self->search_loading_spinner, "map",
                            G_CALLBACK (gtk_spinner_start), self->search_loading_spinner);
  g_signal_connect_swapped (self->search_loading_spinner, "unmap",
                            G_CALLBACK (gtk_spinner_stop), self->search_loading_spinner);

  cg_window_pages_init (self);

  cg_window_search_init (self);

  cg_window_actions_init (self);

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  cg_text_scale_apply_css (self->text_scale);
}

/* Window first (F10): the content the window waited for is here. The
 * reader may have typed a search meanwhile: it stays, and is answered. */
static void
cg_window_content_arrived (CgWindow  *self,
                           CgLibrary *library)
{
  g_autofree char *page = g_steal_pointer (&self->pending_page);
  GtkListBoxRow *row;

  self->keep_search = TRUE;
  cg_window_set_library (self, library);
  if (page != NULL && !cg_window_show_page (self, page, TRUE))
    g_warning ("No page “%s” in the content", page);
  self->keep_search = FALSE;
  cg_window_search_refresh (self);

  /* As a window that opened with its content: the keyboard in the
   * topics, unless the reader has put it somewhere already. */
  row = gtk_list_box_get_selected_row (self->sidebar_list);
  if (row != NULL && gtk_root_get_focus (GTK_ROOT (self)) == NULL)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (row));
}

static void
content_watcher_notify_library_cb (CgWindow         *self,
                                   GParamSpec       *pspec,
                                   CgContentWatcher *watcher)
{
  CgLibrary *library = cg_content_watcher_peek_library (watcher);

  if (!self->follows_watcher)
    return;

  if (self->library == NULL && library != NULL)
    cg_window_content_arrived (self, library);
  else
    cg_window_pages_reload (self, library);
}

CgWindow *
cg_window_new (CgApplication *application)
{
  CgWindow *self;

  g_return_val_if_fail (CG_IS_APPLICATION (application), NULL);

  self = g_object_new (CG_TYPE_WINDOW,
                       "application", application,
                       NULL);
  /* The application's content, which every window shows and follows. */
  g_object_get (application, "content-watcher", &self->watcher, NULL);
  /* Window first (F10): a library still loading comes later. */
  cg_window_set_library (self, cg_content_watcher_peek_library (self->watcher));
  g_signal_connect_object (self->watcher, "notify::library",
                           G_CALLBACK (content_watcher_notify_library_cb), self, G_CONNECT_SWAPPED);
  /* kiosk (F7): the staff leave waiting-room mode in one window, for
   * every window. */
  self->kiosk_binding = g_object_bind_property (application, "kiosk", self, "kiosk",
                                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  /* The keyboard starts in the topics, where the arrow keys browse; the
   * search is one shortcut away. */
  if (gtk_list_box_get_selected_row (self->sidebar_list) != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar_list)));

  return self;
}

/**
 * cg_window_get_loading:
 *
 * Window first (F10): whether the window waits for the application's
 * content, which it shows as soon as it is loaded.
 */
gboolean
cg_window_get_loading (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), FALSE);

  return self->library == NULL && self->follows_watcher && self->watcher != NULL &&
         (cg_content_watcher_get_prefetching (self->watcher) || cg_content_watcher_get_busy (self->watcher));
}

static GtkWidget *
sidebar_loading_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (_("Loading topics…"));

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

/* Window first (F10): the home page and the sidebar say, quietly, that the
 * content is on its way; the header (search, language, menu) works. */
static void
cg_window_show_loading (CgWindow *self)
{
  gtk_list_box_set_placeholder (self->sidebar_list, sidebar_loading_new ());
  /* The clinic's details come with the content. */
  cg_clinic_panel_set_clinic (CG_CLINIC_PANEL (self->clinic_panel), NULL);

  self->home_page = cg_home_page_new (NULL);
  cg_home_page_set_show_languages (CG_HOME_PAGE (self->home_page), self->kiosk != NULL);
  gtk_stack_add_named (self->content_stack, self->home_page, "home");
  gtk_stack_set_visible_child (self->content_stack, self->home_page);
  /* Not in the history: the home page with the content replaces it. */
  self->page = g_strdup ("home");
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
gboolean
cg_window_fill (CgWindow  *self,
                CgLibrary *library)
{
  GListModel *topics;

  if (g_set_object (&self->library, library))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);

  cg_window_search_set_library (self, library);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  g_clear_pointer (&self->page, g_free);
  cg_window_pages_clear (self);
  if (self->page_widget != NULL && self->page_widget != self->problems_page)
    gtk_stack_remove (self->content_stack, self->page_widget);
  self->page_widget = NULL;
  if (self->home_page != NULL)
    gtk_stack_remove (self->content_stack, g_steal_pointer (&self->home_page));
  cg_window_clear_sidebar (self);
  gtk_window_set_title (GTK_WINDOW (self), _("Clinic Guide"));

  topics = library != NULL ? cg_library_get_topics (library) : NULL;
  cg_window_notify_item (self);
  gtk_list_box_set_placeholder (self->sidebar_list, NULL);
  if (topics == NULL && cg_window_get_loading (self))
    {
      cg_window_show_loading (self);
      return FALSE;
    }
  if (topics == NULL || g_list_model_get_n_items (topics) == 0)
    return FALSE;

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
  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (library == NULL || CG_IS_LIBRARY (library));

  /* A window shown another library than the application's (a test, a
   * preview) does not follow the application's reloads. */
  self->follows_watcher = self->watcher != NULL && library == cg_content_watcher_peek_library (self->watcher);

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

/**
 * cg_window_open_page:
 * @page: "home", "topic:<id>" or "item:<id>"
 *
 * Shows a page, as following a link to it would; while the content is
 * loading, as soon as it comes.
 *
 * Returns: whether the page exists (or may exist, while loading)
 */
gboolean
cg_window_open_page (CgWindow   *self,
                     const char *page)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  /* Window first (F10): opened when the content comes. */
  if (cg_window_get_loading (self))
    {
      g_free (self->pending_page);
      self->pending_page = g_strdup (page);
      return TRUE;
    }

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

  text_scale = cg_text_scale_clamp (text_scale);
  if (G_APPROX_VALUE (self->text_scale, text_scale, 0.001))
    return;

  self->text_scale = text_scale;
  cg_text_scale_apply_css (text_scale);
  /* F14: larger text may need one column. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

GtkMenuButton *
cg_window_get_primary_menu_button (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return self->primary_menu_button;
}

