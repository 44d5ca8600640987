/* cg-window.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-settings.h"
#include "cg-window.h"

struct _CgWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *primary_menu_button;
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (CgWindow, cg_window, ADW_TYPE_APPLICATION_WINDOW)

static void
leaflet_back_button_clicked_cb (CgWindow  *self,
                                GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
cg_window_focus_search_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

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
}

static void
cg_window_dispose (GObject *object)
{
  CgWindow *self = CG_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cg_window_parent_class)->dispose (object);
}

static void
cg_window_class_init (CgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cg_window_constructed;
  object_class->dispose = cg_window_dispose;

  window_class->close_request = cg_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_back_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL,
                                   cg_window_focus_search_action);
}

static void
cg_window_init (CgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Without a label, screen readers announce the entry by its class name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"),
                                  -1);
}

CgWindow *
cg_window_new (CgApplication *application)
{
  g_return_val_if_fail (CG_IS_APPLICATION (application), NULL);

  return g_object_new (CG_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
