/* test-kiosk.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cg-test-ui.h"
#include "cg-application.h"
#include "cg-clinic-panel.h"
#include "cg-content-loader.h"
#include "cg-countdown-overlay.h"
#include "cg-document-view.h"
#include "cg-home-page.h"
#include "cg-kiosk.h"
#include "cg-kiosk-pin.h"
#include "cg-language-button.h"
#include "cg-link-dialog.h"
#include "cg-pin-dialog.h"
#include "cg-search-page.h"
#include "cg-window.h"
#include "cg-window-private.h"

/* Waiting-room mode as a patient and the staff meet it: the screen
 * resets itself, cannot be closed or inspected, opens no browser, leaves
 * only with the PIN, and writes nothing to disk. The fixture content is
 * tests/data/reading. */

typedef struct
{
  CgApplication *app;
  CgLibrary     *library;
  CgWindow      *window;
} Fixture;

static CgApplication *application;

static CgLibrary *
load_fixture (void)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "reading", NULL);

  cg_content_loader_add_path (loader, dir, NULL);

  return cg_content_loader_load (loader, NULL);
}

static CgWindow *
open_window (Fixture *fixture)
{
  CgWindow *window = cg_window_new (fixture->app);

  g_object_ref_sink (window);
  cg_window_set_library (window, fixture->library);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (GTK_WIDGET (window));

  return window;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->app = g_object_ref (application);
  fixture->library = load_fixture ();
  /* The front desk's tests pass a non-NULL @data. */
  cg_application_set_kiosk (fixture->app, data == NULL);
  fixture->window = open_window (fixture);
  g_assert_true (cg_window_get_kiosk (fixture->window) == (data == NULL));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 deadline;

  cg_application_set_kiosk (fixture->app, FALSE);
  g_settings_reset (cg_application_get_settings (fixture->app), "kiosk-pin");
  g_settings_reset (cg_application_get_settings (fixture->app), "pinned-answers");
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->app);

  /* Nothing the kiosk queued runs after it is gone (a restore did, on
   * freed memory, when hiding the window queued a second one). */
  deadline = g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* The header's search entry comes before any find bar of a page. */
static GtkEditable *
search_entry (CgWindow *window)
{
  GtkWidget *entry = cg_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);

  return GTK_EDITABLE (entry);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
inspector_is_open (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (strstr (G_OBJECT_TYPE_NAME (window), "Inspector") != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
count_countdown_cb (CgIdleTimer *timer,
                    GParamSpec  *pspec,
                    guint       *shown)
{
  *shown = MAX (*shown, cg_idle_timer_get_remaining (timer));
}

static void
test_idle_reset (Fixture       *fixture,
                 gconstpointer  data)
{
  CgWindow *window = fixture->window;
  CgIdleTimer *timer = cg_kiosk_get_idle_timer (cg_window_get_kiosk_controller (window));
  double kiosk_scale = g_settings_get_double (cg_application_get_settings (fixture->app), "kiosk-text-scale");
  guint countdown_shown = 0;
  g_autofree char *clipboard = NULL;

  g_assert_cmpfloat_with_epsilon (cg_window_get_text_scale (window), kiosk_scale, 0.001);

  g_signal_connect (timer, "notify::remaining", G_CALLBACK (count_countdown_cb), &countdown_shown);

  /* A patient reads, searches and makes the text larger… */
  cg_test_activate (window, "win.show-item", "fixture-article");
  cg_test_activate (window, "win.show-item", "linked-article");
  cg_test_activate (window, "win.copy-text", NULL);
  cg_test_activate (window, "win.zoom-in", NULL);
  g_assert_cmpfloat (cg_window_get_text_scale (window), >, kiosk_scale + 0.01);
  gtk_editable_set_text (search_entry (window), "fixture");
  cg_test_wait_for_frame (GTK_WIDGET (window));
  /* Short times only now: on a slow run (ASan) the reading above may
   * take longer than they are, and the reset would come before the
   * search it is meant to clear. */
  g_object_set (timer, "countdown", 1, NULL);
  cg_idle_timer_set_timeout (timer, 2);
  cg_idle_timer_poke (timer);

  /* …and walks away. */
  while (g_strcmp0 (cg_window_get_page (window), "home") != 0)
    g_main_context_iteration (NULL, TRUE);
  cg_test_wait_for_frame (GTK_WIDGET (window));

  g_assert_cmpuint (countdown_shown, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (search_entry (window)), ==, "");
  clipboard = cg_test_read_clipboard (window);
  g_assert_cmpstr (clipboard, ==, "");
  g_assert_cmpfloat_with_epsilon (cg_window_get_text_scale (window), kiosk_scale, 0.001);

  /* No history: Back leads nowhere. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  cg_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpstr (cg_window_get_page (window), ==, "home");
  g_signal_handlers_disconnect_by_data (timer, &countdown_shown);
}

static void
test_close_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(GStrv) quit = NULL;
  g_auto(GStrv) close = NULL;
  GAction *quit_action = g_action_map_lookup_action (G_ACTION_MAP (fixture->app), "quit");

  gtk_window_close (GTK_WINDOW (fixture->window));
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  quit = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.quit");
  close = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "window.close");
  g_assert_cmpuint (g_strv_length (quit), ==, 0);
  g_assert_cmpuint (g_strv_length (close), ==, 0);
  g_assert_false (g_action_get_enabled (quit_action));
}

static GtkEventControllerKey *
capture_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "cg-kiosk-keys") == 0)
        return GTK_EVENT_CONTROLLER_KEY (controller);
    }

  return NULL;
}

static gboolean
press_key (CgWindow        *window,
           guint            keyval,
           GdkModifierType  state)
{
  GtkEventControllerKey *controller = capture_key_controller (GTK_WIDGET (window));
  gboolean handled = FALSE;

  g_assert_nonnull (controller);
  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
  cg_test_wait_for_frame (GTK_WIDGET (window));

  return handled;
}

static void
test_inspector_keys (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_false (inspector_is_open ());

  g_assert_true (press_key (fixture->window, GDK_KEY_D, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (press_key (fixture->window, GDK_KEY_I, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_false (inspector_is_open ());

  /* Other shortcuts still work. */
  g_assert_false (press_key (fixture->window, GDK_KEY_k, GDK_CONTROL_MASK));
}

static void
test_external_link (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *dialog;
  GdkTexture *code;

  cg_test_activate (fixture->window, "win.show-item", "fixture-article");
  cg_test_activate (fixture->window, "win.open-uri", "https://example.org/");

  dialog = find_toplevel (CG_TYPE_LINK_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (cg_link_dialog_get_uri (CG_LINK_DIALOG (dialog)), ==, "https://example.org/");

  code = cg_link_dialog_get_code (CG_LINK_DIALOG (dialog));
#if HAVE_QRENCODE
  {
    int side = gdk_texture_get_width (code);
    g_autofree guint8 *pixels = g_malloc ((gsize) side * side * 4);

    /* A QR code: white margin, then the black corner of a finder pattern. */
    gdk_texture_download (code, pixels, (gsize) side * 4);
    g_assert_cmpint (gdk_texture_get_height (code), ==, side);
    g_assert_cmpuint (pixels[0], ==, 0xff);
    g_assert_cmpuint (pixels[(33 * side + 33) * 4], ==, 0x00);
  }
#else
  g_assert_null (code);
#endif

  /* The next patient does not find it open. */
  cg_kiosk_reset (cg_window_get_kiosk_controller (fixture->window));
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_null (find_toplevel (CG_TYPE_LINK_DIALOG));
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL;
}

/* F14: the QR dialog says what its code is, touch-sized, over no open
 * popover. */
static void
test_link_kinds (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct { const char *uri; const char *says; } kinds[] = {
    { "tel:+15550142", "phone number" },
    { "mailto:desk@example.org", "e-mail address" },
    { "https://example.org/", "web page" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWindow *dialog;

      cg_test_activate (fixture->window, "win.open-uri", kinds[i].uri);
      dialog = find_toplevel (CG_TYPE_LINK_DIALOG);
      g_assert_nonnull (dialog);
      g_assert_nonnull (cg_test_find_widget (dialog, is_label_containing, kinds[i].says));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog), "kiosk-dialog"));
      gtk_window_destroy (dialog);
      cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
    }
}

static void
submit_pin (CgPinDialog *dialog,
            const char  *pin)
{
  gtk_editable_set_text (cg_pin_dialog_get_entry (dialog), pin);
  g_signal_emit_by_name (cg_pin_dialog_get_entry (dialog), "activate");
}

static void
test_pin (Fixture       *fixture,
          gconstpointer  data)
{
  GSettings *settings = cg_application_get_settings (fixture->app);
  g_autofree char *hash = cg_kiosk_pin_hash ("246813");
  CgKiosk *kiosk = cg_window_get_kiosk_controller (fixture->window);
  CgPinDialog *dialog;
  g_auto(GStrv) quit = NULL;

  g_settings_set_string (settings, "kiosk-pin", hash);

  g_assert_true (press_key (fixture->window, GDK_KEY_L, GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK));
  dialog = CG_PIN_DIALOG (cg_kiosk_get_pin_dialog (kiosk));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (cg_pin_dialog_get_ready (dialog));

  /* A wrong PIN changes nothing, and the pad waits before the next try. */
  submit_pin (dialog, "1357");
  g_assert_true (cg_window_get_kiosk (fixture->window));
  g_assert_false (cg_pin_dialog_get_ready (dialog));
  g_assert_true (cg_kiosk_get_pin_dialog (kiosk) == GTK_WIDGET (dialog));
  submit_pin (dialog, "246813");
  g_assert_true (cg_window_get_kiosk (fixture->window));

  while (!cg_pin_dialog_get_ready (dialog))
    g_main_context_iteration (NULL, TRUE);

  submit_pin (dialog, "246813");
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_false (cg_window_get_kiosk (fixture->window));
  g_assert_false (cg_application_get_kiosk (fixture->app));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->window), "kiosk"));
  g_assert_null (find_toplevel (CG_TYPE_PIN_DIALOG));

  /* The way out is back. */
  quit = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.quit");
  g_assert_cmpstrv (quit, ((const char *[]) { "<Control>q", NULL }));
  g_assert_null (capture_key_controller (GTK_WIDGET (fixture->window)));
}

/* F14: the staff PIN typed with real keys (XTest, through the X server
 * and GDK, as a keyboard would), never into the patients' search. */

static void
xdotool (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Everything the X server sent us is handled. */
static void
settle (GtkWidget *widget)
{
  for (guint i = 0; i < 5; i++)
    {
      gdk_display_sync (gtk_widget_get_display (widget));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20000);
    }
  cg_test_wait_for_frame (widget);
}

static char *
dup_xid (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_assert_true (GDK_IS_X11_SURFACE (surface));

  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
}

static void
test_pin_typed (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GSettings *settings = cg_application_get_settings (fixture->app);
  g_autofree char *hash = cg_kiosk_pin_hash ("246813");
  CgKiosk *kiosk = cg_window_get_kiosk_controller (fixture->window);
  g_autofree char *window_xid = dup_xid (window);
  g_autofree char *pad_xid = NULL;
  GtkWidget *dialog;
  gint64 deadline;

  g_settings_set_string (settings, "kiosk-pin", hash);

  /* The documented way out, on the keyboard. */
  xdotool ("windowfocus", "--sync", window_xid, NULL);
  xdotool ("key", "--clearmodifiers", "ctrl+alt+shift+l", NULL);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((dialog = cg_kiosk_get_pin_dialog (kiosk)) == NULL || !gtk_widget_get_mapped (dialog))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  settle (window);

  /* Digits that reach the window while the pad is open (the window
   * had the focus) go nowhere. */
  xdotool ("windowfocus", "--sync", window_xid, NULL);
  xdotool ("type", "--delay", "20", "1357", NULL);
  settle (window);
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture->window)), ==, "");
  g_assert_true (cg_window_get_kiosk (fixture->window));

  /* The pad has the focus, as a window manager gives it to a new
   * dialog: the PIN and Enter leave waiting-room mode. */
  g_assert_nonnull (dialog);
  pad_xid = dup_xid (dialog);
  xdotool ("windowfocus", "--sync", pad_xid, NULL);
  xdotool ("type", "--delay", "20", "246813", NULL);
  xdotool ("key", "Return", NULL);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (cg_window_get_kiosk (fixture->window) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  settle (window);

  g_assert_false (cg_window_get_kiosk (fixture->window));
  g_assert_null (dialog);
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture->window)), ==, "");
}

/* F14: the waits after wrong PINs outlive the pad: Cancel and reopen,
 * or the idle reset, do not start them over. */
static void
test_pin_backoff_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  GSettings *settings = cg_application_get_settings (fixture->app);
  g_autofree char *hash = cg_kiosk_pin_hash ("246813");
  CgKiosk *kiosk = cg_window_get_kiosk_controller (fixture->window);
  CgPinDialog *dialog;

  g_settings_set_string (settings, "kiosk-pin", hash);

  for (guint i = 0; i < 3; i++)
    {
      cg_kiosk_prompt_pin (kiosk);
      dialog = CG_PIN_DIALOG (cg_kiosk_get_pin_dialog (kiosk));
      while (!cg_pin_dialog_get_ready (dialog))
        g_main_context_iteration (NULL, TRUE);
      submit_pin (dialog, "135792");
      g_assert_false (cg_pin_dialog_get_ready (dialog));
      gtk_window_close (GTK_WINDOW (dialog));
      cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
      g_assert_null (cg_kiosk_get_pin_dialog (kiosk));
    }

  /* Three wrong PINs: the fourth try waits 4 s, in a new pad too, and
   * the pad says so. */
  cg_kiosk_prompt_pin (kiosk);
  dialog = CG_PIN_DIALOG (cg_kiosk_get_pin_dialog (kiosk));
  g_assert_false (cg_pin_dialog_get_ready (dialog));
  g_assert_nonnull (strstr (cg_pin_dialog_get_status (dialog), "seconds"));

  cg_kiosk_reset (kiosk);
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  kiosk = cg_window_get_kiosk_controller (fixture->window);
  cg_kiosk_prompt_pin (kiosk);
  dialog = CG_PIN_DIALOG (cg_kiosk_get_pin_dialog (kiosk));
  g_assert_false (cg_pin_dialog_get_ready (dialog));

  /* The right PIN after the wait, and the next staff member starts
   * afresh. */
  while (!cg_pin_dialog_get_ready (dialog))
    g_main_context_iteration (NULL, TRUE);
  submit_pin (dialog, "246813");
  cg_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_false (cg_window_get_kiosk (fixture->window));
}

/* F14: whatever hides the window, it comes back. */
static void
test_cannot_hide (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  gint64 deadline;

  gtk_widget_set_visible (window, FALSE);
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (!gtk_widget_get_mapped (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_get_visible (window));
  g_assert_true (gtk_widget_get_mapped (window));
}

/* F14: every control a patient can touch, in the window and in what
 * opens from it, is at least 48 pixels high and wide at the kiosk's text
 * size. */

static gboolean
is_touch_target (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget));

  return GTK_IS_BUTTON (widget) || GTK_IS_FLOW_BOX_CHILD (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) ||
         g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton");
}

static guint
assert_touch_sized (GtkWidget  *widget,
                    const char *what)
{
  guint seen = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;

  if (is_touch_target (widget))
    {
      g_autoptr(GString) name = g_string_new (NULL);
      gboolean small = gtk_widget_get_width (widget) < 48 || gtk_widget_get_height (widget) < 48;

      if (small)
        {
          for (GtkWidget *up = widget; up != NULL && !GTK_IS_NATIVE (up); up = gtk_widget_get_parent (up))
            g_string_append_printf (name, " < %s", G_OBJECT_TYPE_NAME (up));
          if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
            g_string_append_printf (name, " (%s)", gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));
          if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
            g_string_append_printf (name, " “%s”", gtk_button_get_label (GTK_BUTTON (widget)));
          g_test_message ("%s: %s is %d x %d", what, name->str,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
        }
      g_assert_false (small);
      seen++;
    }

  /* A row, a card or a button is the target, not its insides. */
  if (seen == 0 || GTK_IS_FLOW_BOX_CHILD (widget) || GTK_IS_LIST_BOX_ROW (widget))
    for (GtkWidget *child = gtk_widget_get_first_child (widget);
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (!GTK_IS_NATIVE (child))
        seen += assert_touch_sized (child, what);

  return seen;
}

/* F14: from a phone-sized window to a 4K screen, text at the normal
 * size to two and a half times it: one column or two, never the sidebar
 * over the text, never text cut at the window's edge. */

static void
assert_within (GtkWidget *widget,
               GtkWidget *window,
               int        width,
               const char *what)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_test_message ("%s: x %.0f, width %.0f, in %d", what, bounds.origin.x, bounds.size.width, width);
  g_assert_cmpfloat (bounds.origin.x, >=, -0.5);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width + 0.5);
}

static gboolean
is_document (GtkWidget     *widget,
             gconstpointer  data)
{
  return CG_IS_DOCUMENT_VIEW (widget) && gtk_widget_get_mapped (widget);
}

/* A person sees the whole of every label and button the window shows
 * (header, sidebar, home page, article): not cut at the window's edge,
 * and given the room it asks for, unless it ellipsizes or wraps (then
 * what it asks for is that smaller size). Popovers and dialogs are
 * windows of their own. Returns how many were looked at. */
static guint
assert_nothing_cut (GtkWidget  *widget,
                    GtkWidget  *window,
                    int         width,
                    const char *what)
{
  guint seen = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;

  if (GTK_IS_LABEL (widget) || GTK_IS_BUTTON (widget))
    {
      graphene_rect_t bounds;
      GtkAllocation allocation;
      int minimum_width, minimum_height, margin_x, margin_y;
      gboolean cut;
      g_autoptr(GString) name = g_string_new (GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : NULL);

      /* Named by where it is, for the message. */
      for (GtkWidget *up = widget; up != NULL && up != window; up = gtk_widget_get_parent (up))
        g_string_append_printf (name, " < %s", G_OBJECT_TYPE_NAME (up));
      if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
        g_string_append_printf (name, " (%s)", gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));

      g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
      /* What it was given and what it asks for, both with its CSS
       * margins and without its margin properties. */
      gtk_widget_get_allocation (widget, &allocation);
      margin_x = gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
      margin_y = gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget);
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum_width, NULL, NULL, NULL);
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, allocation.width + margin_x,
                          &minimum_height, NULL, NULL, NULL);
      minimum_width -= margin_x;
      minimum_height -= margin_y;
      cut = bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > width + 0.5 ||
            allocation.width < minimum_width || allocation.height < minimum_height;
      if (cut)
        g_test_message ("%s: “%s” cut: x %.0f, width %d (needs %d), height %d (needs %d), in a window %d wide",
                        what, name->str, bounds.origin.x, allocation.width, minimum_width,
                        allocation.height, minimum_height, width);
      g_assert_false (cut);
      seen++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))
      seen += assert_nothing_cut (child, window, width, what);

  return seen;
}

static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  static const int widths[] = { 360, 480, 800, 1024, 1366, 1920, 3840 };
  static const double scales[] = { 1.0, 1.3, 1.75, 2.5 };
  /* Landscape and portrait (a waiting-room screen turned on its side). */
  static const int heights[] = { 720, 1280 };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  AdwLeaflet *leaflet = ADW_LEAFLET (cg_test_find_descendant (window, ADW_TYPE_LEAFLET));
  GtkWidget *sidebar = adw_leaflet_get_child_by_name (leaflet, "sidebar");
  GtkWidget *content = adw_leaflet_get_child_by_name (leaflet, "content");
  g_autofree char *xid = dup_xid (window);

  /* The home page's cells, an article with its actions, and a topic's
   * list of articles and questions. */
  for (guint p = 0; p < 3; p++)
  for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_autofree char *size = g_strdup_printf ("%d", widths[w]);
        g_autofree char *height = g_strdup_printf ("%d", heights[h]);
        g_autofree char *where = NULL;
        GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
        int width;
        GtkWidget *document;
        graphene_rect_t side, main;

        if (h == 0 && s == 0 && w == 0)
          {
            if (p == 0)
              cg_test_activate (fixture->window, "win.show-home", NULL);
            else if (p == 1)
              cg_test_activate (fixture->window, "win.show-item", "fixture-article");
            else
              {
                g_assert_true (cg_window_open_page (fixture->window, "topic:care"));
                cg_test_wait_for_frame (window);
              }
          }
        where = g_strdup_printf ("%s, %d x %d, text scale %.2f", cg_window_get_page (fixture->window),
                                 widths[w], heights[h], scales[s]);
        g_test_message ("%s, visible %s", where, adw_leaflet_get_visible_child_name (leaflet));
        g_object_set (window, "text-scale", scales[s], NULL);
        /* As the screen or a window manager would size it. */
        xdotool ("windowsize", "--sync", xid, size, height, NULL);
        settle (window);
        /* The size, then the choice of columns, then its layout. */
        for (guint i = 0; i < 4; i++)
          cg_test_wait_for_frame (window);

        /* Nothing asked for more than the width: the window's content
         * (inside its shadow, without a window manager) fits the screen. */
        g_assert_cmpint (gdk_surface_get_width (surface), ==, widths[w]);
        width = gtk_widget_get_width (window);
        g_assert_cmpint (width, <=, widths[w]);
        g_assert_cmpint (width, >=, widths[w] - 60);

        assert_within (content, window, width, "content");
        if (p == 1)
          {
            document = cg_test_find_widget (content, is_document, NULL);
            g_assert_nonnull (document);
            assert_within (document, window, width, "text");
          }
        /* The header's, the sidebar's, the page's. */
        g_assert_cmpuint (assert_nothing_cut (window, window, width, where), >, 5);
        /* And touch-sized, the header's buttons too at 360 pixels. */
        g_assert_cmpuint (assert_touch_sized (window, where), >, 3);

        if (adw_leaflet_get_folded (leaflet))
          {
            /* One column: the article, not the sidebar over it. */
            g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);
            g_assert_false (gtk_widget_get_child_visible (sidebar) && gtk_widget_get_mapped (sidebar) &&
                            gtk_widget_compute_bounds (sidebar, window, &side) &&
                            side.origin.x + side.size.width > 0.5 && side.origin.x < width - 0.5);
          }
        else
          {
            g_assert_true (gtk_widget_compute_bounds (sidebar, window, &side));
            g_assert_true (gtk_widget_compute_bounds (content, window, &main));
            g_assert_cmpfloat (side.origin.x + side.size.width, <=, main.origin.x + 0.5);
            /* Two columns only where a line of text fits beside the sidebar. */
            g_assert_cmpfloat (main.size.width, >=, 560 * scales[s] - 0.5);
          }

        /* Portrait, at the kiosk's size: one column. */
        if (widths[w] <= 800)
          g_assert_true (adw_leaflet_get_folded (leaflet));
      }
}

static void
check_popover (GtkWidget  *popover,
               GtkWidget  *window,
               const char *what)
{
  g_assert_nonnull (popover);
  gtk_popover_popup (GTK_POPOVER (popover));
  cg_test_wait_for_frame (window);
  cg_test_wait_for_frame (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  g_assert_cmpuint (assert_touch_sized (popover, what), >, 0);
  gtk_popover_popdown (GTK_POPOVER (popover));
  cg_test_wait_for_frame (window);
}

static gboolean
is_language_button (GtkWidget     *widget,
                    gconstpointer  data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "CgLanguageButton");
}

static void
test_touch_targets (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  CgKiosk *kiosk = cg_window_get_kiosk_controller (fixture->window);
  CgIdleTimer *timer = cg_kiosk_get_idle_timer (kiosk);
  GtkMenuButton *menu_button = cg_window_get_primary_menu_button (fixture->window);
  GtkWidget *language = cg_test_find_widget (window, is_language_button, NULL);
  GtkWidget *panel = cg_test_find_descendant (window, CG_TYPE_CLINIC_PANEL);
  AdwLeaflet *leaflet = ADW_LEAFLET (cg_test_find_descendant (window, ADW_TYPE_LEAFLET));
  GtkWidget *dialog;
  static const char * const links[] = { "https://example.org/", "tel:+15550142" };
  g_autofree char *hash = cg_kiosk_pin_hash ("246813");

  /* Two columns: the header, the sidebar's rows, the home page's cards
   * and languages, then an article's actions. */
  g_assert_false (adw_leaflet_get_folded (leaflet));
  cg_test_wait_for_frame (window);
  cg_test_wait_for_frame (window);
  g_assert_cmpuint (assert_touch_sized (window, "home"), >, 10);
  cg_test_activate (fixture->window, "win.show-item", "fixture-article");
  g_assert_cmpuint (assert_touch_sized (window, "article"), >, 10);

  /* The main menu, the languages, the clinic's details. */
  g_assert_nonnull (language);
  g_assert_nonnull (panel);
  check_popover (GTK_WIDGET (gtk_menu_button_get_popover (menu_button)), window, "main menu");
  gtk_menu_button_popup (cg_language_button_get_menu_button (CG_LANGUAGE_BUTTON (language)));
  check_popover (GTK_WIDGET (gtk_menu_button_get_popover (cg_language_button_get_menu_button (CG_LANGUAGE_BUTTON (language)))),
                 window, "languages");
  check_popover (cg_clinic_panel_get_popover (CG_CLINIC_PANEL (panel)), window, "clinic");

  /* The PIN pad, as the staff see it when a PIN is set. */
  g_settings_set_string (cg_application_get_settings (fixture->app), "kiosk-pin", hash);
  cg_kiosk_prompt_pin (kiosk);
  dialog = cg_kiosk_get_pin_dialog (kiosk);
  g_assert_nonnull (dialog);
  cg_test_wait_for_frame (dialog);
  g_assert_cmpuint (assert_touch_sized (dialog, "PIN pad"), >, 10);
  gtk_window_close (GTK_WINDOW (dialog));
  cg_test_wait_for_frame (window);

  /* The QR dialog, for a web page and a phone number. */
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      cg_test_activate (fixture->window, "win.open-uri", links[i]);
      dialog = GTK_WIDGET (find_toplevel (CG_TYPE_LINK_DIALOG));
      g_assert_nonnull (dialog);
      cg_test_wait_for_frame (dialog);
      g_assert_cmpuint (assert_touch_sized (dialog, links[i]), >, 0);
      gtk_window_destroy (GTK_WINDOW (dialog));
      cg_test_wait_for_frame (window);
    }

  /* The countdown covers the window; what shows through is still
   * touch-sized, and the number is large. */
  g_object_set (timer, "countdown", 5, NULL);
  cg_idle_timer_set_timeout (timer, 6);
  while (cg_idle_timer_get_remaining (timer) == 0)
    g_main_context_iteration (NULL, TRUE);
  cg_test_wait_for_frame (window);
  {
    GtkWidget *countdown = cg_test_find_descendant (window, CG_TYPE_COUNTDOWN_OVERLAY);

    g_assert_nonnull (countdown);
    g_assert_true (gtk_widget_get_mapped (countdown));
    g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_first_child (gtk_widget_get_first_child (countdown))), >=, 48);
  }
  g_assert_cmpuint (assert_touch_sized (window, "countdown"), >, 10);
  cg_idle_timer_poke (timer);
}

/* F14: a screen reader meets the header's language and clinic buttons
 * in a group, not after a "filler" named after the wrapper's type. (The
 * group's name needs an accessibility backend, which this suite runs
 * without: /work/shared/tools/a11y-tree shows it.) */
static void
test_header_wrappers_named (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *language = cg_test_find_widget (window, is_language_button, NULL);
  GtkWidget *panel = cg_test_find_descendant (window, CG_TYPE_CLINIC_PANEL);

  g_assert_nonnull (language);
  g_assert_nonnull (panel);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (language)), ==, GTK_ACCESSIBLE_ROLE_GROUP);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (panel)), ==, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
test_no_pin (Fixture       *fixture,
             gconstpointer  data)
{
  CgKiosk *kiosk = cg_window_get_kiosk_controller (fixture->window);
  CgPinDialog *dialog;

  cg_kiosk_prompt_pin (kiosk);
  dialog = CG_PIN_DIALOG (cg_kiosk_get_pin_dialog (kiosk));
  g_assert_nonnull (dialog);
  g_assert_false (cg_pin_dialog_get_ready (dialog));
  g_assert_nonnull (strstr (cg_pin_dialog_get_status (dialog), "ending the session"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cg_pin_dialog_get_entry (dialog))));
}

/* The front desk */

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  return cg_test_find_widget (widget, has_name, name);
}

static void
test_quick_answer (Fixture       *fixture,
                   gconstpointer  data)
{
  CgWindow *window = fixture->window;
  CgSearchPage *page = cg_window_get_search_page (window);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "win.copy-answer");
  g_autofree char *text = NULL;
  CgSearchResult *selected;

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>Return"));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), "before");
  gtk_widget_grab_focus (GTK_WIDGET (cg_window_get_search_entry (window)));
  gtk_editable_set_text (GTK_EDITABLE (cg_window_get_search_entry (window)), "second question");
  while (!cg_window_get_searching (window) ||
         g_strcmp0 (cg_search_page_get_query (page), "second question") != 0)
    g_main_context_iteration (NULL, TRUE);
  cg_test_wait_for_frame (GTK_WIDGET (window));

  if (cg_search_page_get_selected (page) == NULL)
    cg_search_page_move_selection (page, 1);
  selected = cg_search_page_get_selected (page);
  g_assert_nonnull (selected);
  g_assert_cmpstr (cg_search_result_get_id (selected), ==, "faq-second-question");

  cg_test_activate (window, "win.copy-answer", NULL);
  text = cg_test_read_clipboard (window);
  g_assert_cmpstr (text, ==, "Is there a second question?\n\nYes, and it has no review record.\n");
  /* Still on the results, for the next call. */
  g_assert_true (cg_window_get_searching (window));
}

static void
test_clinic_panel (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *panel = cg_test_find_descendant (GTK_WIDGET (fixture->window), CG_TYPE_CLINIC_PANEL);
  GtkWidget *button;
  GtkWidget *copy_phone;
  g_autofree char *text = NULL;

  g_assert_nonnull (panel);
  g_assert_true (gtk_widget_get_visible (panel));

  /* The details appear when the button is pressed. */
  button = cg_test_find_descendant (panel, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (cg_clinic_panel_get_popover (CG_CLINIC_PANEL (panel))));
  copy_phone = find_named (cg_clinic_panel_get_popover (CG_CLINIC_PANEL (panel)), "copy-phone");
  g_assert_nonnull (copy_phone);
  g_signal_emit_by_name (copy_phone, "clicked");
  text = cg_test_read_clipboard (fixture->window);
  g_assert_cmpstr (text, ==, "+1 555 0100");
}

/* By what a person sees or does with it. */
typedef struct
{
  const char *label;
  const char *action_name;
} Seen;

static gboolean
is_seen (GtkWidget     *widget,
         gconstpointer  data)
{
  const Seen *seen = data;

  return (seen->label != NULL && GTK_IS_LABEL (widget) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), seen->label) == 0) ||
         (seen->action_name != NULL && GTK_IS_ACTIONABLE (widget) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), seen->action_name) == 0);
}

static GtkWidget *
find_widget (GtkWidget  *widget,
             const char *label,
             const char *action_name)
{
  Seen seen = { label, action_name };

  return cg_test_find_widget (widget, is_seen, &seen);
}

static GPtrArray *
pinned_titles (CgWindow *window)
{
  GtkWidget *home = cg_window_get_page_widget (window);
  GtkWidget *heading = find_widget (home, "Pinned Answers", NULL);

  g_assert_true (CG_IS_HOME_PAGE (home));
  g_assert_nonnull (heading);
  if (!gtk_widget_get_visible (gtk_widget_get_parent (heading)))
    return g_ptr_array_new ();

  return cg_test_item_row_titles (gtk_widget_get_next_sibling (heading));
}

static void
test_pinned_answers (Fixture       *fixture,
                     gconstpointer  data)
{
  CgWindow *window = fixture->window;
  GSettings *settings = cg_application_get_settings (fixture->app);
  g_autoptr(GPtrArray) before = pinned_titles (window);
  g_autoptr(GPtrArray) after = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_cmpuint (before->len, ==, 0);

  cg_test_activate (window, "win.show-item", "faq-second-question");
  g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (window), NULL, "win.pin")));
  cg_test_activate (window, "win.pin", NULL);
  ids = g_settings_get_strv (settings, "pinned-answers");
  g_assert_cmpstrv (ids, ((const char *[]) { "faq-second-question", NULL }));

  cg_test_activate (window, "win.show-home", NULL);
  after = pinned_titles (window);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (after, 0), ==, "Is there a second question?");

  /* Unpinned from its page, it leaves the home page. */
  cg_test_activate (window, "win.show-item", "faq-second-question");
  cg_test_activate (window, "win.pin", NULL);
  cg_test_activate (window, "win.show-home", NULL);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = pinned_titles (window);
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_languages_on_home (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *home = cg_window_get_page_widget (fixture->window);
  GtkWidget *button = find_widget (home, NULL, "app.language");

  g_assert_true (CG_IS_HOME_PAGE (home));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));

  /* The front desk has the header's language menu only. */
  cg_application_set_kiosk (fixture->app, FALSE);
  g_assert_false (gtk_widget_is_visible (button));
}

static void
test_kiosk_cannot_pin (Fixture       *fixture,
                       gconstpointer  data)
{
  cg_test_activate (fixture->window, "win.show-item", "faq-second-question");
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (fixture->window), NULL, "win.pin")));
}

/* Privacy: the kiosk in a process of its own, whose home, data, config,
 * cache and state folders are an empty folder, with settings that would
 * land in a file there. */

static void
privacy_child (void)
{
  Fixture fixture = { 0 };

  fixture_setup (&fixture, NULL);

  cg_test_activate (fixture.window, "win.show-item", "fixture-article");
  gtk_editable_set_text (search_entry (fixture.window), "private question");
  cg_test_wait_for_frame (GTK_WIDGET (fixture.window));
  cg_test_activate (fixture.window, "win.zoom-in", NULL);
  cg_test_activate (fixture.window, "win.zoom-in", NULL);
  cg_test_activate (fixture.window, "win.open-uri", "https://example.org/");
  gtk_window_close (GTK_WINDOW (fixture.window));
  cg_test_wait_for_frame (GTK_WIDGET (fixture.window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture.window)));

  gtk_window_destroy (GTK_WINDOW (fixture.window));
  g_clear_object (&fixture.window);
  g_settings_sync ();
  g_clear_object (&fixture.library);
  g_clear_object (&fixture.app);
}

static void
list_files (const char *path,
            GPtrArray  *found)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_ptr_array_add (found, g_strdup (child));
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        list_files (child, found);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  list_files (path, found);
  for (guint i = found->len; i > 0; i--)
    g_remove (g_ptr_array_index (found, i - 1));
  g_rmdir (path);
}

static void
test_privacy (void)
{
  static const char * const variables[] = {
    "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "GSETTINGS_BACKEND",
    /* The GL driver's shader cache holds no one's data, and is not ours. */
    "MESA_SHADER_CACHE_DISABLE",
  };
  char *saved[G_N_ELEMENTS (variables)] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  if (g_test_subprocess ())
    {
      privacy_child ();
      return;
    }

  home = g_dir_make_tmp ("cg-kiosk-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      saved[i] = g_strdup (g_getenv (variables[i]));
      if (g_str_equal (variables[i], "GSETTINGS_BACKEND"))
        g_setenv (variables[i], "keyfile", TRUE);
      else if (g_str_equal (variables[i], "MESA_SHADER_CACHE_DISABLE"))
        g_setenv (variables[i], "true", TRUE);
      else
        g_setenv (variables[i], home, TRUE);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      if (saved[i] != NULL)
        g_setenv (variables[i], saved[i], TRUE);
      else
        g_unsetenv (variables[i]);
      g_clear_pointer (&saved[i], g_free);
    }

  list_files (home, found);
  remove_tree (home);

  g_test_trap_assert_passed ();

  /* GLib's keyfile settings backend makes its (empty) folder as soon as
   * it starts; a file in it would be a setting written. */
  for (guint i = 0; i < found->len; i++)
    {
      const char *path = g_ptr_array_index (found, i);

      g_test_message ("in the home folder after waiting-room mode: %s", path);
      if (!g_str_has_suffix (path, "/glib-2.0") && !g_str_has_suffix (path, "/glib-2.0/settings"))
        g_assert_cmpstr (path, ==, "(nothing)");
    }
}

/* F14: the program itself, started in waiting-room mode and drawing with
 * OpenGL (Mesa, software under Xvfb), in an empty home as on a waiting-room
 * PC's first day: it writes nothing, shader cache included. The same start
 * for the front desk shows that the GL drawing happened and that a write
 * there is seen: Mesa keeps its shader cache in that home. */
static GPtrArray *
run_program_once (const char *home,
                  const char *runtime,
                  gboolean    kiosk)
{
  static const char * const homes[] = { "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  const char *exe = g_getenv ("CLINIC_GUIDE");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (exe);
  g_assert_true (g_mkdir_with_parents (home, 0700) == 0);

  for (guint i = 0; i < G_N_ELEMENTS (homes); i++)
    g_subprocess_launcher_setenv (launcher, homes[i], home, TRUE);
  /* A session has its runtime folder; without one GLib makes one in the
   * cache folder. */
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  /* OpenGL, as on a PC with a graphics card; this suite draws with cairo. */
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "gl", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "GDK_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "MESA_SHADER_CACHE_DISABLE");
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0", TRUE);
  /* The program quits by itself after its first frame. */
  g_subprocess_launcher_setenv (launcher, "CLINIC_GUIDE_BENCH_FIRST_FRAME", "1", TRUE);

  /* A session bus of its own, as on the waiting-room PC: on this test's
   * bus it would hand over to the test's application. */
  process = g_subprocess_launcher_spawn (launcher, &error, "dbus-run-session", "--",
                                         exe, kiosk ? "--kiosk" : NULL, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  g_assert_nonnull (strstr (out, "first_frame_unix_us"));

  list_files (home, found);

  return found;
}

static void
test_privacy_gl (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("cg-kiosk-gl-XXXXXX", &error);
  g_autofree char *runtime = g_build_filename (root, "runtime", NULL);
  g_autofree char *desk_home = g_build_filename (root, "front-desk", NULL);
  g_autofree char *kiosk_home = g_build_filename (root, "kiosk", NULL);
  g_autofree char *desk_cache = g_build_filename (desk_home, "mesa_shader_cache", NULL);
  g_autoptr(GPtrArray) desk = NULL;
  g_autoptr(GPtrArray) kiosk = NULL;

  g_assert_no_error (error);
  g_assert_true (g_mkdir_with_parents (runtime, 0700) == 0);

  desk = run_program_once (desk_home, runtime, FALSE);
  kiosk = run_program_once (kiosk_home, runtime, TRUE);
  remove_tree (root);

  g_assert_true (g_ptr_array_find_with_equal_func (desk, desk_cache, g_str_equal, NULL));

  for (guint i = 0; i < kiosk->len; i++)
    {
      const char *path = g_ptr_array_index (kiosk, i);

      g_test_message ("in the home folder after waiting-room mode with OpenGL: %s", path);
      if (!g_str_has_suffix (path, "/glib-2.0") && !g_str_has_suffix (path, "/glib-2.0/settings"))
        g_assert_cmpstr (path, ==, "(nothing)");
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The privacy test's own process does not hand over to this one. */
  application = cg_test_init_application (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/kiosk/idle-reset", test_idle_reset);
  ADD ("/kiosk/close-refused", test_close_refused);
  ADD ("/kiosk/inspector-keys", test_inspector_keys);
  ADD ("/kiosk/external-link", test_external_link);
  ADD ("/kiosk/pin", test_pin);
  ADD ("/kiosk/pin-typed", test_pin_typed);
  ADD ("/kiosk/pin-backoff-kept", test_pin_backoff_kept);
  ADD ("/kiosk/cannot-hide", test_cannot_hide);
  ADD ("/kiosk/layout", test_layout);
  ADD ("/kiosk/touch-targets", test_touch_targets);
  ADD ("/kiosk/header-wrappers-named", test_header_wrappers_named);
  ADD ("/kiosk/link-kinds", test_link_kinds);
  ADD ("/kiosk/no-pin", test_no_pin);
  ADD ("/kiosk/cannot-pin", test_kiosk_cannot_pin);
  ADD ("/kiosk/languages-on-home", test_languages_on_home);
  g_test_add ("/front-desk/quick-answer", Fixture, "front desk", fixture_setup, test_quick_answer, fixture_teardown);
  g_test_add ("/front-desk/pinned-answers", Fixture, "front desk", fixture_setup, test_pinned_answers, fixture_teardown);
  g_test_add ("/front-desk/clinic-panel", Fixture, "front desk", fixture_setup, test_clinic_panel, fixture_teardown);
#undef ADD
  g_test_add_func ("/kiosk/privacy", test_privacy);
  g_test_add_func ("/kiosk/privacy-gl", test_privacy_gl);

  return g_test_run ();
}
