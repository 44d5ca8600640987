/* cg-pin-dialog.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-kiosk-pin.h"
#include "cg-pin-backoff.h"
#include "cg-pin-dialog.h"

/* The staff's way out of waiting-room mode: a keypad large enough for a
 * finger, and a password entry for a keyboard, which has the focus from
 * the start so that typed digits land in it and nowhere else. A wrong
 * PIN changes nothing but makes the next try wait longer; the waits are
 * the application's (CgPinBackoff), so closing the pad and opening it
 * again does not start them over. The PIN is never shown and never
 * stays in the entry once the pad is closed. */

struct _CgPinDialog
{
  AdwWindow     parent_instance;

  char         *stored_hash;
  CgPinBackoff *backoff;
  guint         tick_id;

  /* Template widgets */
  GtkLabel  *status_label;
  GtkWidget *entry;
  GtkGrid   *keypad;
};

G_DEFINE_FINAL_TYPE (CgPinDialog, cg_pin_dialog, ADW_TYPE_WINDOW)

enum {
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cg_pin_dialog_set_ready (CgPinDialog *self,
                         gboolean     ready)
{
  /* A focused entry made insensitive keeps its cursor blinking, and GTK
   * warns: the focus leaves it first. */
  if (!ready)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);

  gtk_widget_set_sensitive (self->entry, ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keypad), ready);
  if (ready)
    gtk_widget_grab_focus (self->entry);
}

static gboolean tick_cb (gpointer user_data);

/* Says how long to wait, and takes no PIN until then. */
static void
cg_pin_dialog_update_wait (CgPinDialog *self)
{
  guint wait = cg_pin_backoff_get_wait (self->backoff);
  g_autofree char *status = NULL;

  g_clear_handle_id (&self->tick_id, g_source_remove);

  if (wait == 0)
    {
      if (cg_pin_backoff_get_failures (self->backoff) > 0)
        gtk_label_set_label (self->status_label, _("Wrong PIN. Try again."));
      cg_pin_dialog_set_ready (self, TRUE);
      return;
    }

  status = g_strdup_printf (ngettext ("Wrong PIN. Wait %u second before the next try.",
                                      "Wrong PIN. Wait %u seconds before the next try.",
                                      wait),
                            wait);
  gtk_label_set_label (self->status_label, status);
  cg_pin_dialog_set_ready (self, FALSE);
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
}

static gboolean
tick_cb (gpointer user_data)
{
  CgPinDialog *self = user_data;

  self->tick_id = 0;
  cg_pin_dialog_update_wait (self);

  return G_SOURCE_REMOVE;
}

static void
cg_pin_dialog_submit (CgPinDialog *self)
{
  g_autofree char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  if (!cg_pin_dialog_get_ready (self) || pin[0] == '\0')
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");

  if (cg_kiosk_pin_verify (pin, self->stored_hash))
    {
      cg_pin_backoff_succeeded (self->backoff);
      /* The entry's cursor stops blinking only when it loses the focus. */
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
      g_signal_emit (self, signals[UNLOCKED], 0);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  cg_pin_backoff_failed (self->backoff);
  cg_pin_dialog_update_wait (self);
}

static void
entry_activate_cb (CgPinDialog *self,
                   GtkWidget   *entry)
{
  cg_pin_dialog_submit (self);
}

static void
keypad_button_clicked_cb (CgPinDialog *self,
                          GtkButton   *button)
{
  const char *key = g_object_get_data (G_OBJECT (button), "cg-key");
  GtkEditable *editable = GTK_EDITABLE (self->entry);
  g_autofree char *text = g_strdup (gtk_editable_get_text (editable));

  if (g_str_equal (key, "enter"))
    {
      cg_pin_dialog_submit (self);
      return;
    }

  if (g_str_equal (key, "back"))
    {
      if (text[0] != '\0')
        text[strlen (text) - 1] = '\0';
      gtk_editable_set_text (editable, text);
    }
  else
    {
      g_autofree char *longer = g_strconcat (text, key, NULL);

      gtk_editable_set_text (editable, longer);
    }
  gtk_editable_set_position (editable, -1);
}

static void
cg_pin_dialog_add_key (CgPinDialog *self,
                       const char  *key,
                       guint        column,
                       guint        row)
{
  GtkWidget *button;

  if (g_str_equal (key, "back"))
    {
      button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
      gtk_widget_set_tooltip_text (button, _("Delete Last Digit"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Last Digit"),
                                      -1);
    }
  else if (g_str_equal (key, "enter"))
    {
      button = gtk_button_new_with_label (_("OK"));
      gtk_widget_add_css_class (button, "suggested-action");
    }
  else
    button = gtk_button_new_with_label (key);

  g_object_set_data_full (G_OBJECT (button), "cg-key", g_strdup (key), g_free);
  gtk_widget_add_css_class (button, "pin-key");
  gtk_widget_set_focus_on_click (button, FALSE);
  g_signal_connect_object (button, "clicked", G_CALLBACK (keypad_button_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_grid_attach (self->keypad, button, column, row, 1, 1);
}

/* Half a PIN typed stays nowhere once the pad is closed. */
static gboolean
cg_pin_dialog_close_request (GtkWindow *window)
{
  CgPinDialog *self = CG_PIN_DIALOG (window);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");

  return GTK_WINDOW_CLASS (cg_pin_dialog_parent_class)->close_request (window);
}

static void
cg_pin_dialog_dispose (GObject *object)
{
  CgPinDialog *self = CG_PIN_DIALOG (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  g_clear_object (&self->backoff);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_PIN_DIALOG);

  G_OBJECT_CLASS (cg_pin_dialog_parent_class)->dispose (object);
}

static void
cg_pin_dialog_finalize (GObject *object)
{
  CgPinDialog *self = CG_PIN_DIALOG (object);

  g_free (self->stored_hash);

  G_OBJECT_CLASS (cg_pin_dialog_parent_class)->finalize (object);
}

static void
cg_pin_dialog_class_init (CgPinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cg_pin_dialog_dispose;
  object_class->finalize = cg_pin_dialog_finalize;
  window_class->close_request = cg_pin_dialog_close_request;

  /**
   * CgPinDialog::unlocked:
   *
   * The right PIN was entered; the dialog closes itself.
   */
  signals[UNLOCKED] =
    g_signal_new ("unlocked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-pin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgPinDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, CgPinDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, CgPinDialog, keypad);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cg_pin_dialog_init (CgPinDialog *self)
{
  static const char * const keys[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "back", "0", "enter" };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    cg_pin_dialog_add_key (self, keys[i], i % 3, i / 3);
}

/**
 * cg_pin_dialog_new:
 * @stored_hash: (nullable): the PIN's hash from the settings; %NULL or
 *   empty when no PIN was set
 * @backoff: (nullable): the waits after wrong PINs, which outlive the
 *   pad; %NULL for the pad's own
 */
GtkWidget *
cg_pin_dialog_new (GtkWindow    *parent,
                   const char   *stored_hash,
                   CgPinBackoff *backoff)
{
  CgPinDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (backoff == NULL || CG_IS_PIN_BACKOFF (backoff), NULL);

  self = g_object_new (CG_TYPE_PIN_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->backoff = backoff != NULL ? g_object_ref (backoff) : cg_pin_backoff_new ();

  if (stored_hash != NULL && stored_hash[0] != '\0')
    {
      self->stored_hash = g_strdup (stored_hash);
      gtk_label_set_label (self->status_label, _("Enter the staff PIN to leave waiting-room mode."));
      /* The focus starts in the entry (not on Cancel, where Enter would
       * close the pad), unless the last wrong PIN still makes it wait. */
      cg_pin_dialog_update_wait (self);
    }
  else
    {
      gtk_label_set_label (self->status_label,
                           _("No staff PIN is set. Waiting-room mode can only be left by ending the session."));
      gtk_widget_set_visible (self->entry, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->keypad), FALSE);
    }

  return GTK_WIDGET (self);
}

GtkEditable *
cg_pin_dialog_get_entry (CgPinDialog *self)
{
  g_return_val_if_fail (CG_IS_PIN_DIALOG (self), NULL);

  return GTK_EDITABLE (self->entry);
}

const char *
cg_pin_dialog_get_status (CgPinDialog *self)
{
  g_return_val_if_fail (CG_IS_PIN_DIALOG (self), NULL);

  return gtk_label_get_label (self->status_label);
}

/**
 * cg_pin_dialog_get_ready:
 *
 * Returns: whether the dialog takes a PIN now (not while it waits after
 *   a wrong one, nor when no PIN was set)
 */
gboolean
cg_pin_dialog_get_ready (CgPinDialog *self)
{
  g_return_val_if_fail (CG_IS_PIN_DIALOG (self), FALSE);

  return self->stored_hash != NULL && self->tick_id == 0;
}
