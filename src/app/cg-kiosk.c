/* cg-kiosk.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-countdown-overlay.h"
#include "cg-kiosk.h"
#include "cg-pin-dialog.h"
#include "cg-text-scale.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* Waiting-room mode for one window: full screen with no way out for a
 * patient, and back to the start after a while without input.
 *
 * Everything it changes on the window it undoes in cg_kiosk_leave(), in
 * the reverse order: the window is the same window before and after, for
 * the staff member who typed the PIN. What must hold even before the
 * kiosk exists (closing, external links, the settings the window saves)
 * the window checks itself.
 *
 * The kiosk calls neither the window nor the application: it tells its
 * owner what happened with the signals CgKiosk::reset and
 * CgKiosk::unlocked, and the owner acts, even when that means dropping
 * the kiosk. */

/* Held that long on the clinic's name, a touch opens the PIN pad: long
 * enough that a patient resting a finger there does not, short enough
 * that the staff do not wonder whether it works. */
#define LONG_PRESS_MS 3000

struct _CgKiosk
{
  GObject             parent_instance;

  GtkWindow          *window;       /* unowned: the window owns us */
  GtkMenuButton      *menu_button;  /* the window's main menu */
  GSettings          *settings;
  CgIdleTimer        *timer;

  GtkWidget          *overlay;      /* wraps the window's content */
  GtkWidget          *countdown;
  GtkEventController *input_controller;
  GtkEventController *key_controller;
  GtkGesture         *long_press;
  guint               long_press_id;
  GtkPopover         *menu;
  GtkPopover         *saved_menu;
  GtkWidget          *pin_dialog;
  CgPinBackoff       *backoff;
  gboolean            was_fullscreen;
  GtkCssProvider     *touch_css;
  GListModel         *toplevels;
  GdkSurface         *surface;      /* watched while the window is mapped */
  gboolean            was_mapped;
  gboolean            x_unmapped;   /* by the window manager, behind GDK's back */
  gint64              remapped_at;  /* monotonic time the kiosk last mapped it again */
  guint               restore_id;
};

G_DEFINE_FINAL_TYPE (CgKiosk, cg_kiosk, G_TYPE_OBJECT)

enum {
  RESET,
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Touch-sized everywhere */

/* The reading area follows the text size of the window (and the
 * patient's zoom); the rest of the interface (header bars, the sidebar,
 * menus and popovers, dialogs) is sized here, once, at the kiosk's text
 * size: in points rather than a percentage, so that a popover inside a
 * header bar is not scaled twice. */
static void
cg_kiosk_load_touch_css (CgKiosk *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self->window));
  double scale = g_settings_get_double (self->settings, "kiosk-text-scale");
  g_autofree char *font_name = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *css = NULL;
  char points[G_ASCII_DTOSTR_BUF_SIZE];
  double base = 11;

  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    font = pango_font_description_from_string (font_name);
  if (font != NULL && pango_font_description_get_size (font) > 0 &&
      !pango_font_description_get_size_is_absolute (font))
    base = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  g_ascii_formatd (points, sizeof points, "%.1f", base * MAX (scale, 1.0));
  css = g_strdup_printf ("window.kiosk headerbar, window.kiosk .sidebar-pane,"
                         " window.kiosk popover, window.kiosk-dialog { font-size: %spt; }\n",
                         points);
  gtk_css_provider_load_from_data (self->touch_css, css, -1);
}

/* Popovers are drawn in the main window: a dialog must not open under
 * one left open, which would cover it (a QR code that cannot be
 * scanned). And every dialog is touch-sized. */
static void
popdown_all (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    gtk_menu_button_popdown (GTK_MENU_BUTTON (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    popdown_all (child);
}

static void
dialog_show_cb (CgKiosk   *self,
                GtkWidget *dialog)
{
  if (self->window != NULL)
    popdown_all (GTK_WIDGET (self->window));
}

static void
toplevels_changed_cb (CgKiosk    *self,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GListModel *toplevels)
{
  /* A new window is not yet transient for anything: in waiting-room
   * mode every other window is one of ours. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == self->window)
        continue;

      gtk_widget_add_css_class (GTK_WIDGET (toplevel), "kiosk-dialog");
      g_signal_connect_object (toplevel, "show", G_CALLBACK (dialog_show_cb), self, G_CONNECT_SWAPPED);
    }
}

/* Input */

static gboolean
input_event_cb (CgKiosk                  *self,
                GdkEvent                 *event,
                GtkEventControllerLegacy *controller)
{
  cg_idle_timer_poke (self->timer);

  return GDK_EVENT_PROPAGATE;
}

/* Nothing hides the kiosk */

/* Any window manager offers ways to hide a window: a menu (Alt+Space →
 * Iconify), a taskbar, a shortcut, a double-click that leaves full
 * screen. Behind the kiosk is a desktop whose menus open a terminal and
 * a browser. Whatever the way, the window comes back at once, full
 * screen; the kiosk does not need to know which way it was. */

static gboolean is_hidden (CgKiosk *self);

/* The window was unmapped and mapped again this long ago at most: its
 * own unmap is not another one, until the window manager had time to
 * map it again. */
#define REMAP_GRACE_US (2 * G_USEC_PER_SEC)

static gboolean
restore_cb (gpointer user_data)
{
  CgKiosk *self = user_data;

  self->restore_id = 0;
  if (self->window == NULL || !is_hidden (self))
    return G_SOURCE_REMOVE;

  g_debug ("Kiosk window hidden or out of full screen: restoring it");
  /* A window manager may refuse an activation request (Openbox does
   * for a minimised window, as focus stealing, and for a window on
   * another workspace or behind "show desktop"); a window mapped again
   * is shown by any, on the workspace in view. */
  if (self->surface != NULL &&
      (!gdk_surface_get_mapped (self->surface) || self->x_unmapped ||
       (gdk_toplevel_get_state (GDK_TOPLEVEL (self->surface)) & GDK_TOPLEVEL_STATE_MINIMIZED) != 0) &&
      g_get_monotonic_time () - self->remapped_at > REMAP_GRACE_US)
    {
      self->remapped_at = g_get_monotonic_time ();
      gtk_widget_set_visible (GTK_WIDGET (self->window), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->window), TRUE);
      /* Once more if that was not enough. Hiding the window queued a
       * restore of its own: one source only, or the other outlives
       * the kiosk. */
      g_clear_handle_id (&self->restore_id, g_source_remove);
      self->restore_id = g_timeout_add (REMAP_GRACE_US / 1000 + 100, restore_cb, self);
    }
  gtk_window_unminimize (self->window);
  gtk_window_fullscreen (self->window);
  gtk_window_present (self->window);

  return G_SOURCE_REMOVE;
}

/* After the window manager's change has settled: asking back during it
 * is lost on some window managers. */
static void
cg_kiosk_queue_restore (CgKiosk *self)
{
  if (self->restore_id == 0)
    self->restore_id = g_timeout_add (50, restore_cb, self);
}

static gboolean
is_hidden (CgKiosk *self)
{
  GdkToplevelState state;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->window)))
    return TRUE;
  /* Not yet shown is not hidden: asking again while the window manager
   * maps the window and makes it full screen would race with it. */
  if (self->surface == NULL || !self->was_mapped)
    return FALSE;
  if (!gdk_surface_get_mapped (self->surface) || self->x_unmapped)
    return TRUE;

  state = gdk_toplevel_get_state (GDK_TOPLEVEL (self->surface));

  /* Full screen is asked for when the kiosk starts; a window manager
   * that never grants it (or none at all) never takes it away either. */
  return (state & GDK_TOPLEVEL_STATE_MINIMIZED) != 0 ||
         (self->was_fullscreen && (state & GDK_TOPLEVEL_STATE_FULLSCREEN) == 0);
}

static void
surface_changed_cb (CgKiosk    *self,
                    GParamSpec *pspec,
                    GdkSurface *surface)
{
  if (gdk_toplevel_get_state (GDK_TOPLEVEL (surface)) & GDK_TOPLEVEL_STATE_FULLSCREEN)
    self->was_fullscreen = TRUE;
  if (gdk_surface_get_mapped (surface))
    self->was_mapped = TRUE;

  if (is_hidden (self))
    cg_kiosk_queue_restore (self);
}

#ifdef GDK_WINDOWING_X11
/* GDK 4 does not notice when an X window manager unmaps the window
 * without minimising it: Openbox's "show desktop" (Super+D), a switch to
 * another workspace, a client unmapping it. The X server says so. */
static gboolean
display_xevent_cb (GdkX11Display *display,
                   gpointer       xevent,
                   CgKiosk       *self)
{
  const XEvent *event = xevent;
  Window xid;

  if (self->surface == NULL || !GDK_IS_X11_SURFACE (self->surface))
    return GDK_EVENT_PROPAGATE;

  xid = gdk_x11_surface_get_xid (self->surface);
  if (event->type == UnmapNotify && event->xunmap.window == xid)
    {
      self->x_unmapped = TRUE;
      /* Not the kiosk's own unmapping, which a map follows. */
      if (self->was_mapped && self->remapped_at == 0)
        cg_kiosk_queue_restore (self);
    }
  else if (event->type == MapNotify && event->xmap.window == xid)
    {
      self->x_unmapped = FALSE;
      self->remapped_at = 0;
    }

  return GDK_EVENT_PROPAGATE;
}
#endif

static void
cg_kiosk_watch_surface (CgKiosk    *self,
                        GdkSurface *surface)
{
  if (self->surface == surface)
    return;

  if (self->surface != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->surface, self);
      g_signal_handlers_disconnect_by_data (gdk_surface_get_display (self->surface), self);
    }
  g_set_object (&self->surface, surface);
  self->was_mapped = FALSE;
  self->x_unmapped = FALSE;
  if (surface == NULL)
    return;

#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_DISPLAY (gdk_surface_get_display (surface)))
    g_signal_connect_object (gdk_surface_get_display (surface), "xevent",
                             G_CALLBACK (display_xevent_cb), self, 0);
#endif

  g_signal_connect_object (surface, "notify::state", G_CALLBACK (surface_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (surface, "notify::mapped", G_CALLBACK (surface_changed_cb), self, G_CONNECT_SWAPPED);
  surface_changed_cb (self, NULL, surface);
}

static void
window_realize_cb (CgKiosk   *self,
                   GtkWidget *window)
{
  cg_kiosk_watch_surface (self, gtk_native_get_surface (GTK_NATIVE (window)));
}

static void
window_visible_cb (CgKiosk    *self,
                   GParamSpec *pspec,
                   GtkWidget  *window)
{
  if (!gtk_widget_get_visible (window))
    cg_kiosk_queue_restore (self);
}

static gboolean
key_pressed_cb (CgKiosk               *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  guint key = gdk_keyval_to_lower (keyval);

  /* GTK's own bindings for the Inspector (Ctrl+Shift+D and Ctrl+Shift+I)
   * act in the bubble phase: taken here first, they open nothing. */
  if (mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) && (key == GDK_KEY_d || key == GDK_KEY_i))
    return GDK_EVENT_STOP;

  if (mods == (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK) && key == GDK_KEY_l)
    {
      cg_kiosk_prompt_pin (self);
      return GDK_EVENT_STOP;
    }

  /* While the PIN pad is open, keys that reach the window (a click
   * gave it the focus back) go nowhere: not into the search, where the
   * next patient would read the PIN. The pad takes the focus again. */
  if (self->pin_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->pin_dialog));
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static gboolean
is_clinic_name (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_has_css_class (widget, "clinic-name"))
      return TRUE;

  return FALSE;
}

static gboolean
long_press_done_cb (gpointer user_data)
{
  CgKiosk *self = user_data;

  self->long_press_id = 0;
  cg_kiosk_prompt_pin (self);

  return G_SOURCE_REMOVE;
}

/* GtkGestureLongPress waits at most twice the desktop's long-press time
 * (1 s by default): the rest of the three seconds the finger must stay. */
static void
long_press_pressed_cb (CgKiosk             *self,
                       double               x,
                       double               y,
                       GtkGestureLongPress *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->window), x, y, GTK_PICK_DEFAULT);
  int long_press_time = 500;
  double waited;

  if (!is_clinic_name (picked))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self->window)),
                "gtk-long-press-time", &long_press_time, NULL);
  waited = long_press_time * gtk_gesture_long_press_get_delay_factor (gesture);

  g_clear_handle_id (&self->long_press_id, g_source_remove);
  self->long_press_id = g_timeout_add ((guint) MAX (LONG_PRESS_MS - waited, 1),
                                       long_press_done_cb, self);
}

static void
long_press_released_cb (CgKiosk          *self,
                        GdkEventSequence *sequence,
                        GtkGesture       *gesture)
{
  g_clear_handle_id (&self->long_press_id, g_source_remove);
}

static void
timer_notify_remaining_cb (CgKiosk     *self,
                           GParamSpec  *pspec,
                           CgIdleTimer *timer)
{
  cg_countdown_overlay_set_remaining (CG_COUNTDOWN_OVERLAY (self->countdown),
                                      cg_idle_timer_get_remaining (timer));
}

static void
timer_expired_cb (CgKiosk     *self,
                  CgIdleTimer *timer)
{
  cg_kiosk_reset (self);
}

/* The menu: only what a patient may change. */

static gboolean
text_scale_to_label (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  g_value_take_string (to, cg_text_scale_format (g_value_get_double (from)));

  return TRUE;
}

static GtkWidget *
make_menu_button (const char *icon_name,
                  const char *label,
                  const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "circular");

  return button;
}

static GtkPopover *
cg_kiosk_create_menu (CgKiosk *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  g_object_bind_property_full (self->window, "text-scale", label, "label", G_BINDING_SYNC_CREATE,
                               text_scale_to_label, NULL, NULL, NULL);

  gtk_box_append (GTK_BOX (box), make_menu_button ("zoom-out-symbolic", _("Smaller Text"), "win.zoom-out"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), make_menu_button ("zoom-in-symbolic", _("Larger Text"), "win.zoom-in"));
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  return GTK_POPOVER (g_object_ref_sink (popover));
}

static void
cg_kiosk_enter (CgKiosk *self)
{
  GtkWidget *widget = GTK_WIDGET (self->window);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self->window));
  GtkMenuButton *menu_button = self->menu_button;

  /* Nothing a patient does is written to disk: the text size stays with
   * the window until the kiosk gives it back to the setting. */
  g_settings_unbind (self->window, "text-scale");
  gtk_window_set_deletable (self->window, FALSE);

  gtk_widget_add_css_class (widget, "kiosk");
  gtk_window_fullscreen (self->window);

  self->touch_css = gtk_css_provider_new ();
  cg_kiosk_load_touch_css (self);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget),
                                              GTK_STYLE_PROVIDER (self->touch_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  self->toplevels = g_object_ref (gtk_window_get_toplevels ());
  g_signal_connect_object (self->toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* No minimise or maximise button either: without a window manager
   * that honours full screen they would be a way out. */
  g_object_set (gtk_widget_get_settings (widget), "gtk-decoration-layout", ":", NULL);
  gtk_window_set_interactive_debugging (FALSE);

  g_signal_connect_object (widget, "realize", G_CALLBACK (window_realize_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (widget, "notify::visible", G_CALLBACK (window_visible_cb), self, G_CONNECT_SWAPPED);
  if (gtk_widget_get_realized (widget))
    window_realize_cb (self, widget);

  /* The countdown covers everything, the header bar too. The wrapper
   * stays after leaving: moving the content back out of it left a dead
   * widget behind that the window's finalization tripped over (a
   * critical in gtk_widget_unparent, GTK 4.8 / libadwaita 1.2). */
  if (GTK_IS_OVERLAY (content) && g_strcmp0 (gtk_widget_get_name (content), "kiosk-overlay") == 0)
    self->overlay = content;
  else
    {
      self->overlay = gtk_overlay_new ();
      gtk_widget_set_name (self->overlay, "kiosk-overlay");
      g_object_ref (content);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (self->window), self->overlay);
      gtk_overlay_set_child (GTK_OVERLAY (self->overlay), content);
      g_object_unref (content);
    }
  self->countdown = cg_countdown_overlay_new ();
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->countdown);

  self->input_controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (self->input_controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->input_controller, "event", G_CALLBACK (input_event_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, g_object_ref (self->input_controller));

  self->key_controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (self->key_controller, "cg-kiosk-keys");
  gtk_event_controller_set_propagation_phase (self->key_controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->key_controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, g_object_ref (self->key_controller));

  self->long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (self->long_press), FALSE);
  gtk_gesture_long_press_set_delay_factor (GTK_GESTURE_LONG_PRESS (self->long_press), 2.0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->long_press), GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->long_press, "pressed", G_CALLBACK (long_press_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->long_press, "end", G_CALLBACK (long_press_released_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->long_press, "cancel", G_CALLBACK (long_press_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, g_object_ref (GTK_EVENT_CONTROLLER (self->long_press)));

  gtk_menu_button_popdown (menu_button);
  if (gtk_menu_button_get_popover (menu_button) != NULL)
    self->saved_menu = g_object_ref (gtk_menu_button_get_popover (menu_button));
  self->menu = cg_kiosk_create_menu (self);
  gtk_menu_button_set_popover (menu_button, GTK_WIDGET (self->menu));

  g_signal_connect_object (self->timer, "notify::remaining", G_CALLBACK (timer_notify_remaining_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "expired", G_CALLBACK (timer_expired_cb), self, G_CONNECT_SWAPPED);

  g_object_set (self->window, "text-scale", g_settings_get_double (self->settings, "kiosk-text-scale"), NULL);
  cg_idle_timer_start (self->timer);
}

static void
close_dialogs (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Closing changes the list. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (toplevel != window && gtk_window_get_transient_for (toplevel) == window &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        gtk_window_close (toplevel);
    }
}

/* GObject */

static void
cg_kiosk_dispose (GObject *object)
{
  CgKiosk *self = CG_KIOSK (object);

  if (self->timer != NULL)
    cg_idle_timer_stop (self->timer);
  g_clear_handle_id (&self->long_press_id, g_source_remove);
  g_clear_handle_id (&self->restore_id, g_source_remove);
  cg_kiosk_watch_surface (self, NULL);
  g_clear_object (&self->backoff);
  if (self->touch_css != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->touch_css));
  g_clear_object (&self->touch_css);
  if (self->toplevels != NULL)
    g_signal_handlers_disconnect_by_data (self->toplevels, self);
  g_clear_object (&self->toplevels);
  g_clear_object (&self->timer);
  g_clear_object (&self->settings);
  g_clear_object (&self->input_controller);
  g_clear_object (&self->key_controller);
  g_clear_object (&self->long_press);
  g_clear_object (&self->menu);
  g_clear_object (&self->saved_menu);
  g_clear_object (&self->menu_button);
  if (self->pin_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->pin_dialog), (gpointer *) &self->pin_dialog);
  self->pin_dialog = NULL;

  G_OBJECT_CLASS (cg_kiosk_parent_class)->dispose (object);
}

static void
cg_kiosk_class_init (CgKioskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cg_kiosk_dispose;

  /**
   * CgKiosk::reset:
   *
   * The screen goes back for the next patient (the idle time is up, or
   * cg_kiosk_reset()): the owner shows the start again, in the waiting
   * room's language. The kiosk has closed the dialogs, emptied the
   * clipboard and reset the text size.
   */
  signals[RESET] =
    g_signal_new ("reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * CgKiosk::unlocked:
   *
   * The staff typed the right PIN: the owner leaves waiting-room mode.
   */
  signals[UNLOCKED] =
    g_signal_new ("unlocked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cg_kiosk_init (CgKiosk *self)
{
}

/**
 * cg_kiosk_new:
 * @window: the window, which owns the kiosk and has a "text-scale"
 *   property, bound to the setting of that name
 * @menu_button: the window's main menu, which the kiosk's menu replaces
 * @idle_timeout: seconds without input before the countdown; 0 for the
 *   setting
 * @backoff: (nullable): the waits after wrong PINs, the application's so
 *   that they outlive this kiosk and its PIN pads
 *
 * Puts @window in waiting-room mode.
 */
CgKiosk *
cg_kiosk_new (GtkWindow     *window,
              GtkMenuButton *menu_button,
              GSettings     *settings,
              guint          idle_timeout,
              CgPinBackoff  *backoff)
{
  CgKiosk *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (window), "text-scale") != NULL, NULL);
  g_return_val_if_fail (GTK_IS_MENU_BUTTON (menu_button), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CG_TYPE_KIOSK, NULL);
  self->window = window;
  self->menu_button = g_object_ref (menu_button);
  self->settings = g_object_ref (settings);
  self->backoff = backoff != NULL ? g_object_ref (backoff) : cg_pin_backoff_new ();
  if (idle_timeout == 0)
    idle_timeout = g_settings_get_uint (settings, "idle-timeout");
  self->timer = cg_idle_timer_new (idle_timeout, 10);

  cg_kiosk_enter (self);

  return self;
}

/**
 * cg_kiosk_leave:
 *
 * Gives the window back as it was before waiting-room mode.
 */
void
cg_kiosk_leave (CgKiosk *self)
{
  GtkWidget *widget;
  GtkMenuButton *menu_button;

  g_return_if_fail (CG_IS_KIOSK (self));
  g_return_if_fail (self->window != NULL);

  widget = GTK_WIDGET (self->window);
  menu_button = self->menu_button;

  cg_idle_timer_stop (self->timer);
  g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_handle_id (&self->long_press_id, g_source_remove);
  g_clear_handle_id (&self->restore_id, g_source_remove);
  cg_kiosk_watch_surface (self, NULL);
  g_signal_handlers_disconnect_by_data (widget, self);
  g_signal_handlers_disconnect_by_data (self->toplevels, self);
  g_clear_object (&self->toplevels);
  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (widget),
                                                 GTK_STYLE_PROVIDER (self->touch_css));
  g_clear_object (&self->touch_css);

  gtk_menu_button_popdown (menu_button);
  gtk_menu_button_set_popover (menu_button, self->saved_menu != NULL ? GTK_WIDGET (self->saved_menu) : NULL);
  g_clear_object (&self->saved_menu);
  g_clear_object (&self->menu);

  gtk_widget_remove_controller (widget, GTK_EVENT_CONTROLLER (self->long_press));
  gtk_widget_remove_controller (widget, self->key_controller);
  gtk_widget_remove_controller (widget, self->input_controller);

  gtk_overlay_remove_overlay (GTK_OVERLAY (self->overlay), self->countdown);
  self->overlay = NULL;
  self->countdown = NULL;

  gtk_window_unfullscreen (self->window);
  gtk_settings_reset_property (gtk_widget_get_settings (widget), "gtk-decoration-layout");
  gtk_widget_remove_css_class (widget, "kiosk");

  gtk_window_set_deletable (self->window, TRUE);
  g_settings_bind (self->settings, "text-scale", self->window, "text-scale", G_SETTINGS_BIND_DEFAULT);
  self->window = NULL;
}

/**
 * cg_kiosk_reset:
 *
 * Makes the screen ready for the next patient, as after the idle time:
 * nothing of the previous reader stays on screen. The owner does its
 * part in CgKiosk::reset.
 */
void
cg_kiosk_reset (CgKiosk *self)
{
  g_autoptr(CgKiosk) hold = g_object_ref (self);

  g_return_if_fail (CG_IS_KIOSK (self));
  g_return_if_fail (self->window != NULL);

  close_dialogs (self->window);
  /* Whatever hid the window, the next patient finds it. */
  gtk_window_unminimize (self->window);
  gtk_window_fullscreen (self->window);
  gtk_window_present (self->window);
  /* What the last reader copied is theirs too. */
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self->window)), NULL);
  g_object_set (self->window, "text-scale", g_settings_get_double (self->settings, "kiosk-text-scale"), NULL);
  cg_idle_timer_start (self->timer);

  /* Last: another language rebuilds the window, and drops this kiosk. */
  g_signal_emit (self, signals[RESET], 0);
}

static void
pin_dialog_unlocked_cb (CgKiosk     *self,
                        CgPinDialog *dialog)
{
  g_autoptr(CgKiosk) hold = g_object_ref (self);

  /* The owner leaves waiting-room mode and drops us. */
  g_signal_emit (self, signals[UNLOCKED], 0);
}

/**
 * cg_kiosk_prompt_pin:
 *
 * Opens the staff's PIN pad; the right PIN leaves waiting-room mode.
 */
void
cg_kiosk_prompt_pin (CgKiosk *self)
{
  g_autofree char *hash = NULL;
  GtkEventController *controller;

  g_return_if_fail (CG_IS_KIOSK (self));

  if (self->pin_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->pin_dialog));
      return;
    }

  hash = g_settings_get_string (self->settings, "kiosk-pin");
  self->pin_dialog = cg_pin_dialog_new (self->window, hash, self->backoff);
  g_object_add_weak_pointer (G_OBJECT (self->pin_dialog), (gpointer *) &self->pin_dialog);
  g_signal_connect_object (self->pin_dialog, "unlocked", G_CALLBACK (pin_dialog_unlocked_cb),
                           self, G_CONNECT_SWAPPED);

  /* Typing the PIN is input too: the screen must not reset under it. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (input_event_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->pin_dialog, controller);

  gtk_window_present (GTK_WINDOW (self->pin_dialog));
}

/**
 * cg_kiosk_get_idle_timer:
 *
 * Returns: (transfer none): the timer that resets the screen
 */
CgIdleTimer *
cg_kiosk_get_idle_timer (CgKiosk *self)
{
  g_return_val_if_fail (CG_IS_KIOSK (self), NULL);

  return self->timer;
}

/**
 * cg_kiosk_get_pin_dialog:
 *
 * Returns: (transfer none) (nullable): the PIN pad, while it is open
 */
GtkWidget *
cg_kiosk_get_pin_dialog (CgKiosk *self)
{
  g_return_val_if_fail (CG_IS_KIOSK (self), NULL);

  return self->pin_dialog;
}
