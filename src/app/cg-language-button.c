/* cg-language-button.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-i18n.h"
#include "cg-language-button.h"

/* The globe in the header bar: every language the application has, each
 * by its own name, so that a patient finds theirs without reading the
 * current one. Choosing one activates "app.language", whose state marks
 * the current language in the menu. */

struct _CgLanguageButton
{
  AdwBin         parent_instance;

  GMenu         *menu;

  /* Template widgets */
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (CgLanguageButton, cg_language_button, ADW_TYPE_BIN)

static GMenu *
build_menu (void)
{
  const char * const *languages = cg_i18n_get_languages ();
  GMenu *menu = g_menu_new ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *name = cg_i18n_get_native_name (languages[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "app.language", "s", languages[i]);
      g_menu_append_item (menu, item);
    }

  return menu;
}

/* Built when it first opens: naming each language looks into each
 * catalog, which start-up need not pay for. */
static void
menu_button_create_popup_cb (GtkMenuButton *button,
                             gpointer       user_data)
{
  CgLanguageButton *self = CG_LANGUAGE_BUTTON (user_data);

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  gtk_menu_button_set_menu_model (button, cg_language_button_get_menu (self));
}

static void
cg_language_button_dispose (GObject *object)
{
  CgLanguageButton *self = CG_LANGUAGE_BUTTON (object);

  /* AdwBin unparents the button, its only child. */
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (cg_language_button_parent_class)->dispose (object);
}

static void
cg_language_button_class_init (CgLanguageButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_language_button_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-language-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CgLanguageButton, menu_button);
  /* Not the "filler" named after its type that screen readers read
   * before the button; a group with the button's name. (Presentation
   * would hide the button too, in GTK 4.8.) */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cg_language_button_init (CgLanguageButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Language"), -1);

  gtk_menu_button_set_create_popup_func (self->menu_button, menu_button_create_popup_cb,
                                         self, NULL);
}

GtkWidget *
cg_language_button_new (void)
{
  return g_object_new (CG_TYPE_LANGUAGE_BUTTON, NULL);
}

/**
 * cg_language_button_get_menu_button:
 *
 * Returns: (transfer none): the button that opens the menu
 */
GtkMenuButton *
cg_language_button_get_menu_button (CgLanguageButton *self)
{
  g_return_val_if_fail (CG_IS_LANGUAGE_BUTTON (self), NULL);

  return self->menu_button;
}

/**
 * cg_language_button_get_menu:
 *
 * Returns: (transfer none): the languages, one "app.language" item each
 */
GMenuModel *
cg_language_button_get_menu (CgLanguageButton *self)
{
  g_return_val_if_fail (CG_IS_LANGUAGE_BUTTON (self), NULL);

  if (self->menu == NULL)
    self->menu = build_menu ();

  return G_MENU_MODEL (self->menu);
}
