/* cg-window-kiosk.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-faq-entry.h"
#include "cg-home-page.h"
#include "cg-listen-button.h"
#include "cg-window-private.h"

/* The window's side of the kiosk (F7): the front desk's pins, and
 * waiting-room mode, which CgKiosk runs and the window acts on when the
 * kiosk says the screen goes back for the next patient or the staff
 * typed the PIN. */

/* Pins */

/* kiosk (F7): the question shown, if the front desk may pin it. */
static const char *
cg_window_get_pinnable_id (CgWindow *self)
{
  CgItem *item = cg_window_get_item (self);

  return self->kiosk == NULL && CG_IS_FAQ_ENTRY (item) ? cg_item_get_id (item) : NULL;
}

gboolean
cg_window_get_pinned (CgWindow *self)
{
  const char *id = cg_window_get_pinnable_id (self);
  g_auto(GStrv) pinned = NULL;

  if (id == NULL || self->settings == NULL)
    return FALSE;

  pinned = g_settings_get_strv (self->settings, "pinned-answers");

  return g_strv_contains ((const char * const *) pinned, id);
}

void
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
  g_object_notify (G_OBJECT (self), "pinned");
}

/* Waiting-room mode */

/* Back to the home page with nothing of the previous reader: no search,
 * no history, no open menu, the home page scrolled to the top. */
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

static void
kiosk_reset_cb (CgWindow *self,
                CgKiosk  *kiosk)
{
  /* The main menu, the language and the clinic's details. */
  popdown_menus (GTK_WIDGET (self));
  cg_listen_session_reset_default ();
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* A new home page starts at the top; the old pages go. */
  cg_window_set_library (self, self->library);

  /* Last: another language rebuilds this window. */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.reset-language", NULL);
}

/* The application follows through the binding made in cg_window_new(),
 * and takes its other windows out too. */
static void
kiosk_unlocked_cb (CgWindow *self,
                   CgKiosk  *kiosk)
{
  cg_window_set_kiosk (self, FALSE);
}

/**
 * cg_window_set_kiosk:
 *
 * Puts the window in waiting-room mode (full screen, no way out, a reset
 * after a while without input) or takes it out. A window follows the
 * application's CgApplication:kiosk, and sets it when the staff leave.
 */
void
cg_window_set_kiosk (CgWindow *self,
                     gboolean  kiosk)
{
  g_return_if_fail (CG_IS_WINDOW (self));

  if (!!kiosk == (self->kiosk != NULL))
    return;

  if (kiosk)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      guint idle_timeout = 0;
      g_autoptr(CgPinBackoff) backoff = NULL;

      if (app != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (app), "idle-timeout") != NULL)
        g_object_get (app, "idle-timeout", &idle_timeout, "pin-backoff", &backoff, NULL);

      self->kiosk = cg_kiosk_new (GTK_WINDOW (self), self->primary_menu_button, self->settings,
                                  idle_timeout, backoff);
      g_signal_connect_object (self->kiosk, "reset", G_CALLBACK (kiosk_reset_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->kiosk, "unlocked", G_CALLBACK (kiosk_unlocked_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      g_autoptr(CgKiosk) old = g_steal_pointer (&self->kiosk);

      g_signal_handlers_disconnect_by_data (old, self);
      cg_kiosk_leave (old);
    }

  if (self->home_page != NULL)
    cg_home_page_set_show_languages (CG_HOME_PAGE (self->home_page), self->kiosk != NULL);

  g_object_notify (G_OBJECT (self), "kiosk");
  g_object_notify (G_OBJECT (self), "pinned");
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
