/* cg-clinic-panel.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-bidi.h"
#include "cg-clinic-panel.h"

/* The clinic's own details one click away from any page, for the front
 * desk on the phone: each value copies with its button, as plain text. */
struct _CgClinicPanel
{
  AdwBin      parent_instance;

  /* Shown as rows when the popover first opens: nobody waits for them
   * at start-up. */
  CgClinic   *clinic;
  gboolean    filled;

  /* Template widgets */
  GtkWidget  *button;
  GtkWidget  *popover;
  GtkLabel   *name_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (CgClinicPanel, cg_clinic_panel, ADW_TYPE_BIN)

static void
copy_button_clicked_cb (CgClinicPanel *self,
                        GtkButton     *button)
{
  const char *text = g_object_get_data (G_OBJECT (button), "cg-value");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  /* The window, if it is ours, says so. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Copied"));
}

/* What the row shows: each line isolated, so that a phone number in an
 * Arabic interface keeps its digits in order. What the button copies is
 * the value itself, to be pasted or dialled. */
static char *
isolate_lines (const char *field,
               const char *value)
{
  g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *isolated = cg_bidi_isolate_field (field, lines[i]);

      g_free (lines[i]);
      lines[i] = isolated;
    }

  return g_strjoinv ("\n", lines);
}

static void
cg_clinic_panel_add_row (CgClinicPanel *self,
                         const char    *name,
                         const char    *title,
                         const char    *value,
                         const char    *uri)
{
  GtkWidget *row;
  GtkWidget *button;
  g_autofree char *label = NULL;
  g_autofree char *shown = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  /* The button's name says which field it copies: "copy-phone". */
  shown = isolate_lines (name + strlen ("copy-"), value);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
  gtk_widget_add_css_class (row, "property");

  /* Links go through the window: in waiting-room mode they show a QR
   * code instead of opening a browser. */
  if (uri != NULL)
    {
      GtkWidget *open = gtk_button_new_from_icon_name ("adw-external-link-symbolic");

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, _("Open"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"), -1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", uri);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open-uri");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }

  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: a button's name; %s is what it copies, such as "Phone". */
  label = g_strdup_printf (_("Copy %s"), title);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_name (button, name);
  g_object_set_data_full (G_OBJECT (button), "cg-value", g_strdup (value), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (copy_button_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  gtk_list_box_append (self->list, row);
}

static char *
join_lines (const char * const *lines)
{
  return lines != NULL ? g_strjoinv ("\n", (char **) lines) : NULL;
}

static void
cg_clinic_panel_fill (CgClinicPanel *self)
{
  GtkWidget *child;
  g_autofree char *address = NULL;
  g_autofree char *hours = NULL;

  if (self->filled)
    return;
  self->filled = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->clinic == NULL)
    return;

  address = join_lines (cg_clinic_get_address_lines (self->clinic));
  hours = join_lines (cg_clinic_get_hours_lines (self->clinic));

  gtk_label_set_label (self->name_label, cg_clinic_get_name (self->clinic));
  cg_clinic_panel_add_row (self, "copy-phone", _("Phone"), cg_clinic_get_phone (self->clinic), NULL);
  cg_clinic_panel_add_row (self, "copy-hours", _("Opening Hours"), hours, NULL);
  cg_clinic_panel_add_row (self, "copy-address", _("Address"), address, NULL);
  cg_clinic_panel_add_row (self, "copy-email", _("Email"), cg_clinic_get_email (self->clinic), NULL);
  cg_clinic_panel_add_row (self, "copy-booking", _("Booking"), cg_clinic_get_booking (self->clinic),
                           cg_clinic_get_booking (self->clinic));
  cg_clinic_panel_add_row (self, "copy-website", _("Website"), cg_clinic_get_website (self->clinic),
                           cg_clinic_get_website (self->clinic));
}

static void
popover_show_cb (CgClinicPanel *self,
                 GtkPopover    *popover)
{
  cg_clinic_panel_fill (self);
}

static void
cg_clinic_panel_dispose (GObject *object)
{
  /* The button is a template child and the bin's child: let go of it as
   * the bin's child first, or AdwBin unparents it again once freed. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CG_TYPE_CLINIC_PANEL);
  g_clear_object (&CG_CLINIC_PANEL (object)->clinic);

  G_OBJECT_CLASS (cg_clinic_panel_parent_class)->dispose (object);
}

static void
cg_clinic_panel_class_init (CgClinicPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_clinic_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-clinic-panel.ui");
  /* A group with the button's name, not a "filler" named after its type
   * (F14, as CgLanguageButton). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, CgClinicPanel, button);
  gtk_widget_class_bind_template_child (widget_class, CgClinicPanel, popover);
  gtk_widget_class_bind_template_child (widget_class, CgClinicPanel, name_label);
  gtk_widget_class_bind_template_child (widget_class, CgClinicPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
}

static void
cg_clinic_panel_init (CgClinicPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clinic Details"), -1);
}

GtkWidget *
cg_clinic_panel_new (void)
{
  return g_object_new (CG_TYPE_CLINIC_PANEL, NULL);
}

/**
 * cg_clinic_panel_set_clinic:
 * @clinic: (nullable): the clinic of the content shown
 */
void
cg_clinic_panel_set_clinic (CgClinicPanel *self,
                            CgClinic      *clinic)
{
  g_return_if_fail (CG_IS_CLINIC_PANEL (self));
  g_return_if_fail (clinic == NULL || CG_IS_CLINIC (clinic));

  g_set_object (&self->clinic, clinic);
  self->filled = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self), clinic != NULL);

  /* Already open: a reload shows the new details at once. */
  if (gtk_widget_get_visible (self->popover))
    cg_clinic_panel_fill (self);
}

/**
 * cg_clinic_panel_get_popover:
 *
 * Returns: (transfer none): the popover with the details
 */
GtkWidget *
cg_clinic_panel_get_popover (CgClinicPanel *self)
{
  g_return_val_if_fail (CG_IS_CLINIC_PANEL (self), NULL);

  return self->popover;
}
