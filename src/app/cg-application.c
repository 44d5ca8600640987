/* cg-application.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-application.h"
#include "cg-settings.h"
#include "cg-validate.h"
#include "cg-window.h"

struct _CgApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CgApplication, cg_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the content (and the folders or files given) and report every problem"), NULL },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use this language, for example fr or ar"), N_("LANG") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[DIR|FILE…]") },
  { NULL }
};

static void
cg_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  CgApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close through the windows so that each saves its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
cg_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CgApplication *self = user_data;
  static const char *developers[] = { "The Clinic Guide developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Clinic Guide"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Clinic Guide developers"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "comments", _("Answers to patients’ questions about the clinic’s treatments. "
                                       "The information is general and is not medical advice: "
                                       "ask your clinician about your own situation."),
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Clinic Guide developers",
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", cg_application_quit_action },
  { "about", cg_application_about_action },
};

static int
cg_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autofree const char **paths = NULL;
  const char *lang = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "clinic-guide", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "lang", "&s", &lang);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);

  if (g_variant_dict_contains (options, "validate"))
    return cg_validate_run (paths, lang);

  return -1;
}

static void
cg_application_startup (GApplication *app)
{
  CgApplication *self = CG_APPLICATION (app);

  G_APPLICATION_CLASS (cg_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.focus-search",
                                         (const char *[]) { "<Control>k", NULL });
}

static void
cg_application_activate (GApplication *app)
{
  CgApplication *self = CG_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (cg_window_new (self));

  gtk_window_present (window);
}

static void
cg_application_dispose (GObject *object)
{
  CgApplication *self = CG_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cg_application_parent_class)->dispose (object);
}

static void
cg_application_class_init (CgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cg_application_dispose;

  app_class->handle_local_options = cg_application_handle_local_options;
  app_class->startup = cg_application_startup;
  app_class->activate = cg_application_activate;
}

static void
cg_application_init (CgApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Answers to patients’ questions about the clinic’s treatments."));
}

CgApplication *
cg_application_new (void)
{
  return g_object_new (CG_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
cg_application_get_settings (CgApplication *self)
{
  g_return_val_if_fail (CG_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = cg_settings_new ();

  return self->settings;
}
