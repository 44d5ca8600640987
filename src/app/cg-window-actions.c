/* cg-window-actions.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-article-page.h"
#include "cg-faq-entry.h"
#include "cg-link-dialog.h"
#include "cg-listen-button.h"
#include "cg-plain-text.h"
#include "cg-problems-page.h"
#include "cg-text-scale.h"
#include "cg-window-private.h"

/* The window's "win." actions: where to go, the text size, and what can
 * be done with the article shown. Everything that leads somewhere goes
 * through an action, so that the history sees every step. Which actions
 * are enabled follows the window's properties; the main menu, the keys
 * and the mouse buttons lead to the actions. */

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

/* The answer among search results: the one selected when it is a
 * question, or else the best question found; an article only when no
 * question was found at all. What the desk reads out or pastes is an
 * answer, not a page-long article that happened to rank first. */
static CgItem *
cg_window_get_search_answer (CgWindow *self)
{
  CgSearchPage *page = CG_SEARCH_PAGE (self->search_page);
  GListModel *results = cg_search_page_get_results (page);
  CgSearchResult *selected = cg_search_page_get_selected (page);
  CgItem *item = selected != NULL ? cg_library_lookup_item (self->library, cg_search_result_get_id (selected)) : NULL;

  if (item == NULL || CG_IS_FAQ_ENTRY (item))
    return item;

  for (guint i = 0; results != NULL && i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CgSearchResult) result = g_list_model_get_item (results, i);
      CgItem *found = cg_library_lookup_item (self->library, cg_search_result_get_id (result));

      if (found != NULL && CG_IS_FAQ_ENTRY (found))
        return found;
    }

  return item;
}

/* The item of the row (or its button) the keyboard is on: a pinned
 * answer, a question of the home page or of a topic. */
static CgItem *
cg_window_get_focused_item (CgWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->content_stack)))
    return NULL;

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      GVariant *target;

      if (!GTK_IS_ACTIONABLE (widget))
        continue;
      target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
      if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
          (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.show-item") == 0 ||
           g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.copy-item") == 0))
        return cg_library_lookup_item (self->library, g_variant_get_string (target, NULL));
    }

  return NULL;
}

/**
 * cg_window_copy_answer:
 *
 * What Ctrl+Enter copies, the front desk's quick answer: over search
 * results, the answer found (see cg_window_get_search_answer()); on a
 * row of questions (the pinned answers), that row's; on a question's
 * own page, that question.
 */
void
cg_window_copy_answer (CgWindow *self)
{
  CgItem *item = NULL;

  g_return_if_fail (CG_IS_WINDOW (self));

  if (self->library == NULL)
    return;

  if (self->searching && self->search_page != NULL)
    item = cg_window_get_search_answer (self);
  else
    item = cg_window_get_focused_item (self);

  if (item == NULL && !self->searching && CG_IS_FAQ_ENTRY (cg_window_get_item (self)))
    item = cg_window_get_item (self);

  if (item != NULL)
    cg_window_copy_item (self, item);
}

static void
show_home_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cg_window_show_page (CG_WINDOW (widget), "home", TRUE);
}

/* "win.show-topic" and "win.show-item": the page named by the kind and
 * the id, or a page that says it is missing. */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  const char *kind = g_str_equal (action_name, "win.show-topic") ? "topic:" : "item:";
  g_autofree char *page = g_strconcat (kind, g_variant_get_string (parameter, NULL), NULL);

  if (!cg_window_show_page (self, page, TRUE))
    cg_window_show_missing (self);
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
static void
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

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cg_window_open_uri (CG_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* "win.go-back" and "win.go-forward" */
static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  gboolean back = g_str_equal (action_name, "win.go-back");
  const char *page;

  /* Back where the reader was on each page. A page that cannot be shown
   * now (an article gone from the content, the problems in the waiting
   * room) is skipped over. */
  cg_history_set_position (self->history, cg_window_page_scroll_fraction (self->page_widget));
  do
    page = back ? cg_history_go_back (self->history) : cg_history_go_forward (self->history);
  while (page != NULL && !cg_window_show_page (self, page, FALSE));
  if (page != NULL)
    cg_window_page_restore_scroll (self->page_widget, cg_history_get_position (self->history));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  double scale = 1.0;

  if (g_str_equal (action_name, "win.zoom-in"))
    scale = cg_text_scale_step (self->text_scale, 1);
  else if (g_str_equal (action_name, "win.zoom-out"))
    scale = cg_text_scale_step (self->text_scale, -1);

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

/* take it home (F19): from a search result, which knows only the id */
static void
take_home_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  CgItem *item = NULL;

  if (self->library != NULL)
    item = cg_library_lookup_item (self->library, g_variant_get_string (parameter, NULL));

  if (item != NULL)
    cg_link_dialog_show_take_home (widget, item, cg_library_get_clinic (self->library));
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

/* Content problems (F8): for the clinic's content editors, never in the
 * waiting room. The menu item says how many there are. */
static void
cg_window_update_problems (CgWindow *self)
{
  GPtrArray *problems = self->library != NULL ? cg_library_get_problems (self->library) : NULL;
  guint n = problems != NULL ? problems->len : 0;
  gboolean kiosk = self->kiosk != NULL;
  int menu_state = kiosk ? -1 : (int) n;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems", !kiosk);

  if (kiosk && g_strcmp0 (self->page, "problems") == 0)
    cg_window_show_page (self, "home", TRUE);

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

/* A message for the reader from a widget inside the window (the clinic
 * panel's "Copied"), which has no business with the window itself. */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  GtkWidget *focus;

  if (!cg_window_show_page (self, "problems", TRUE))
    return;

  /* From the menu, the keyboard goes to the page (its Copy button, then
   * the problems), where Ctrl+End and the arrows lead through the list. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->problems_page))
    gtk_widget_child_focus (self->problems_page, GTK_DIR_TAB_FORWARD);
}

/* The menu, the keyboard and the mouse */

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

/* Which actions make sense follows what the window shows: each handler
 * below follows the properties it depends on. */

static void
window_notify_page_cb (CgWindow   *self,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean reading = cg_window_get_item (self) != NULL && !self->searching;

  gtk_widget_action_set_enabled (widget, "win.find", reading);
  gtk_widget_action_set_enabled (widget, "win.copy-text", reading);
  gtk_widget_action_set_enabled (widget, "win.print", reading && self->kiosk == NULL);
}

static void
window_notify_kiosk_cb (CgWindow   *self,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  /* kiosk (F7): the shortcuts window lists ways out. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-help-overlay", self->kiosk == NULL);
  /* live content (F8): not in the waiting room. */
  cg_window_update_problems (self);
}

static void
window_notify_text_scale_cb (CgWindow   *self,
                             GParamSpec *pspec,
                             gpointer    user_data)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.zoom-in", cg_text_scale_can_step (self->text_scale, 1));
  gtk_widget_action_set_enabled (widget, "win.zoom-out", cg_text_scale_can_step (self->text_scale, -1));
  gtk_widget_action_set_enabled (widget, "win.zoom-reset", cg_text_scale_can_step (self->text_scale, 0));
}

static void
history_notify_cb (CgWindow   *self,
                   GParamSpec *pspec,
                   CgHistory  *history)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.go-back", cg_history_can_go_back (self->history));
  gtk_widget_action_set_enabled (widget, "win.go-forward", cg_history_can_go_forward (self->history));
}

/* A language switch gives the new window the old one's history. */
static void
window_notify_history_cb (CgWindow   *self,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  g_signal_connect_object (self->history, "notify::can-go-back", G_CALLBACK (history_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-go-forward", G_CALLBACK (history_notify_cb),
                           self, G_CONNECT_SWAPPED);
  history_notify_cb (self, NULL, self->history);
}

static void
window_notify_library_cb (CgWindow   *self,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  cg_window_update_problems (self);
}

/* reading aloud (F15): the page's Listen button, from the keyboard.
 * Reading stops by itself when its page leaves the screen. */
static void
listen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  CgListenButton *button = cg_listen_button_find (self->page_widget);

  if (button != NULL)
    cg_listen_button_toggle (button);
}

void
cg_window_class_actions_init (CgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.show-home", NULL, show_home_action);
  gtk_widget_class_install_action (widget_class, "win.show-topic", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-item", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.copy-text", NULL, copy_text_action);
  gtk_widget_class_install_action (widget_class, "win.copy-item", "s", copy_item_action);
  gtk_widget_class_install_action (widget_class, "win.take-home", "s", take_home_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  /* kiosk (F7) */
  gtk_widget_class_install_property_action (widget_class, "win.pin", "pinned");
  /* live content (F8) */
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  /* reading aloud (F15) */
  gtk_widget_class_install_action (widget_class, "win.listen", NULL, listen_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.listen", NULL);
}

void
cg_window_actions_init (CgWindow *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_menu_button_set_create_popup_func (self->primary_menu_button, primary_menu_button_create_popup_cb,
                                         self, NULL);

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

  /* live content (F8): the problems item goes before the last section
   * (shortcuts and about). */
  self->problems_menu_state = -2;
  self->problems_menu = g_menu_new ();
  g_menu_insert_section (G_MENU (self->primary_menu),
                         MAX (g_menu_model_get_n_items (self->primary_menu) - 1, 0),
                         NULL, G_MENU_MODEL (self->problems_menu));

  g_signal_connect (self, "notify::item", G_CALLBACK (window_notify_page_cb), NULL);
  g_signal_connect (self, "notify::searching", G_CALLBACK (window_notify_page_cb), NULL);
  g_signal_connect (self, "notify::kiosk", G_CALLBACK (window_notify_page_cb), NULL);
  g_signal_connect (self, "notify::kiosk", G_CALLBACK (window_notify_kiosk_cb), NULL);
  g_signal_connect (self, "notify::text-scale", G_CALLBACK (window_notify_text_scale_cb), NULL);
  g_signal_connect (self, "notify::history", G_CALLBACK (window_notify_history_cb), NULL);
  g_signal_connect (self, "notify::library", G_CALLBACK (window_notify_library_cb), NULL);

  window_notify_page_cb (self, NULL, NULL);
  window_notify_kiosk_cb (self, NULL, NULL);
  window_notify_text_scale_cb (self, NULL, NULL);
  window_notify_history_cb (self, NULL, NULL);
}

/**
 * cg_window_get_problems_page:
 *
 * Returns: (transfer none) (nullable): the content problems' page, once
 *   "win.show-problems" has shown it
 */
CgProblemsPage *
cg_window_get_problems_page (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return self->problems_page != NULL ? CG_PROBLEMS_PAGE (self->problems_page) : NULL;
}
