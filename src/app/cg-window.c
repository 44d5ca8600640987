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
#include "cg-home-page.h"
#include "cg-settings.h"
#include "cg-text-renderer.h"
#include "cg-topic-page.h"
#include "cg-topic-row.h"
#include "cg-window.h"

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

struct _CgWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  CgLibrary            *library;
  CgHistory            *history;
  char                 *page;
  GtkWidget            *home_page;
  GtkWidget            *page_widget;  /* the topic or article page shown */
  double                text_scale;
  char                 *sidebar_page;  /* the row that shows where the page belongs */
  gboolean              syncing_sidebar;
  GtkWindow            *help_overlay;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkWidget            *leaflet_back_button;
  GtkWidget            *history_box;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkWidget            *text_size_box;
  GtkWidget            *page_tools;
  GtkLabel             *zoom_label;
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (CgWindow, cg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_TEXT_SCALE,
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

static void
cg_window_update_actions (CgWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean reading = CG_IS_ARTICLE_PAGE (self->page_widget);
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  g_autofree char *percent = NULL;

  gtk_widget_action_set_enabled (widget, "win.go-back", cg_history_can_go_back (self->history));
  gtk_widget_action_set_enabled (widget, "win.go-forward", cg_history_can_go_forward (self->history));
  gtk_widget_action_set_enabled (widget, "win.find", reading);
  gtk_widget_action_set_enabled (widget, "win.copy-text", reading);
  gtk_widget_action_set_enabled (widget, "win.print", reading);
  gtk_widget_action_set_enabled (widget, "win.zoom-in", self->text_scale < text_scales[G_N_ELEMENTS (text_scales) - 1] - 0.01);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", self->text_scale > text_scales[0] + 0.01);
  gtk_widget_action_set_enabled (widget, "win.zoom-reset", !G_APPROX_VALUE (self->text_scale, 1.0, 0.01));

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

/* Pages */

static void
cg_window_set_page_widget (CgWindow  *self,
                           GtkWidget *widget)
{
  GtkWidget *old = self->page_widget;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean focus_in_content = focus != NULL &&
                              gtk_widget_is_ancestor (focus, GTK_WIDGET (self->content_stack));

  if (widget != self->home_page && gtk_widget_get_parent (widget) == NULL)
    gtk_stack_add_child (self->content_stack, widget);
  gtk_stack_set_visible_child (self->content_stack, widget);

  self->page_widget = widget != self->home_page ? widget : NULL;
  if (old != NULL && old != widget)
    gtk_stack_remove (self->content_stack, old);

  /* Following a link must not leave the keyboard nowhere. */
  if (focus_in_content)
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static gboolean
cg_window_show_page (CgWindow   *self,
                     const char *page,
                     gboolean    record)
{
  g_autofree char *topic_page = NULL;
  GtkWidget *widget = NULL;
  const char *title = NULL;

  if (self->library == NULL || page == NULL)
    return FALSE;

  if (g_strcmp0 (self->page, page) == 0)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return TRUE;
    }

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

      widget = cg_topic_page_new (self->library, topic);
      g_object_bind_property (self, "text-scale", widget, "text-scale", G_BINDING_SYNC_CREATE);
      title = cg_topic_get_title (topic);
      topic_page = g_strdup (page);
    }
  else if (g_str_has_prefix (page, "item:"))
    {
      CgItem *item = cg_library_lookup_item (self->library, page + strlen ("item:"));

      if (item == NULL)
        return FALSE;

      widget = cg_article_page_new (self->library, item);
      g_object_bind_property (self, "text-scale", widget, "text-scale", G_BINDING_SYNC_CREATE);
      title = cg_item_get_title (item);
      topic_page = g_strconcat ("topic:", cg_item_get_topic_id (item), NULL);
    }
  else
    return FALSE;

  cg_window_set_page_widget (self, widget);

  g_free (self->page);
  self->page = g_strdup (page);
  if (record)
    cg_history_push (self->history, page);

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
  g_autofree char *text = cg_text_renderer_item_to_plain_text (item);

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
  const char *page = cg_history_go_back (self->history);

  if (page != NULL)
    cg_window_show_page (self, page, FALSE);
  cg_window_update_actions (self);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  const char *page = cg_history_go_forward (self->history);

  if (page != NULL)
    cg_window_show_page (self, page, FALSE);
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

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_WINDOW);

  if (self->help_overlay != NULL)
    gtk_window_destroy (g_steal_pointer (&self->help_overlay));

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

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
}

static void
cg_window_init (CgWindow *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->history = cg_history_new ();
  self->text_scale = 1.0;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->primary_menu_button, primary_menu_button_create_popup_cb,
                                         self, NULL);

  /* Without a label, screen readers announce the entry by its class name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"),
                                  -1);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (sidebar_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (mouse_button_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  update_text_scale_css (self->text_scale);
  cg_window_update_actions (self);
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
  GListModel *topics;

  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (library == NULL || CG_IS_LIBRARY (library));

  g_set_object (&self->library, library);

  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  g_clear_pointer (&self->page, g_free);
  if (self->page_widget != NULL)
    gtk_stack_remove (self->content_stack, g_steal_pointer (&self->page_widget));
  if (self->home_page != NULL)
    gtk_stack_remove (self->content_stack, g_steal_pointer (&self->home_page));
  cg_window_clear_sidebar (self);
  cg_history_clear (self->history);
  gtk_window_set_title (GTK_WINDOW (self), _("Clinic Guide"));

  topics = library != NULL ? cg_library_get_topics (library) : NULL;
  if (topics == NULL || g_list_model_get_n_items (topics) == 0)
    {
      cg_window_update_actions (self);
      return;
    }

  gtk_list_box_append (self->sidebar_list, cg_topic_row_new_home ());
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(CgTopic) topic = g_list_model_get_item (topics, i);

      gtk_list_box_append (self->sidebar_list, cg_topic_row_new (topic));
    }

  self->home_page = cg_home_page_new (library);
  gtk_stack_add_named (self->content_stack, self->home_page, "home");
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

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           open_uri_launched_cb, g_object_ref (self));
}
