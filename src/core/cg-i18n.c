/* cg-i18n.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "cg-i18n.h"
#include "cg-paths.h"

/* glibc's gettext caches translations; bumping this counter makes it look
 * at LANGUAGE again, which is how the language changes without a restart. */
extern int _nl_msg_cat_cntr;

static char *current_language;

void
cg_i18n_init (void)
{
  const char *locale = setlocale (LC_ALL, "");

  /* glibc ignores LANGUAGE under the plain "C" locale, which would make the
   * language switch a no-op on a machine without a configured locale.
   */
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, cg_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* g_dgettext(), g_dngettext() and g_dpgettext2() decide once, at their
   * first call, whether to translate at all: never when the default domain
   * is not "messages" and has no catalog for the language of that moment
   * (English, before --lang or the language menu). Deciding now, before
   * textdomain(), keeps them translating after a switch; a missing string
   * falls back to English one by one anyway. */
  g_dgettext (GETTEXT_PACKAGE, "");
  textdomain (GETTEXT_PACKAGE);
}

static gboolean
catalog_exists (const char *language)
{
  g_autofree char *mo = NULL;

  mo = g_build_filename (cg_paths_get_locale_dir (), language, "LC_MESSAGES",
                         GETTEXT_PACKAGE ".mo", NULL);

  return g_file_test (mo, G_FILE_TEST_IS_REGULAR);
}

/**
 * cg_i18n_get_languages:
 *
 * Returns: (transfer none): the languages the application can show:
 *   English (the source) and every language of po/LINGUAS whose catalog
 *   is built or installed
 */
const char * const *
cg_i18n_get_languages (void)
{
  static gsize initialized;
  static char **languages;

  if (g_once_init_enter (&initialized))
    {
      g_auto(GStrv) linguas = g_strsplit (CG_LINGUAS, " ", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_add (builder, "en");
      for (guint i = 0; linguas[i] != NULL; i++)
        if (linguas[i][0] != '\0' && catalog_exists (linguas[i]))
          g_strv_builder_add (builder, linguas[i]);

      languages = g_strv_builder_end (builder);
      g_once_init_leave (&initialized, 1);
    }

  return (const char * const *) languages;
}

gboolean
cg_i18n_has_language (const char *language)
{
  return language != NULL && g_strv_contains (cg_i18n_get_languages (), language);
}

/**
 * cg_i18n_get_native_name:
 *
 * The name of a language in that language, as the language menu shows it:
 * each catalog translates the string "English" (context "language name")
 * into its own name, so a new language needs no change to the code.
 *
 * Returns: (transfer full): the name, or the code when unknown
 */
char *
cg_i18n_get_native_name (const char *language)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  const char *name;
  char *result;

  g_return_val_if_fail (language != NULL, NULL);

  if (g_str_equal (language, "en"))
    return g_strdup ("English");

  if (!cg_i18n_has_language (language))
    return g_strdup (language);

  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;

  /* Translators: the name of your language, in your language (for example
   * "Français"), as the language menu lists it. */
  name = g_dpgettext2 (GETTEXT_PACKAGE, "language name", "English");
  result = g_str_equal (name, "English") ? g_strdup (language) : g_strdup (name);

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;

  return result;
}

gboolean
cg_i18n_is_rtl (const char *language)
{
  static const char * const rtl[] = { "ar", "fa", "he", "ps", "sd", "ug", "ur", "yi", NULL };
  g_autofree char *base = NULL;

  if (language == NULL)
    return FALSE;

  base = g_strndup (language, strcspn (language, "_.@-"));

  return g_strv_contains (rtl, base);
}

/**
 * cg_i18n_get_language:
 *
 * Returns: the language the interface and the content are shown in
 */
const char *
cg_i18n_get_language (void)
{
  if (current_language == NULL)
    current_language = cg_i18n_get_session_language ();

  return current_language;
}

/**
 * cg_i18n_set_language:
 *
 * Switches the interface language of the running process. Widgets built
 * from templates do not re-translate themselves: the caller rebuilds them.
 */
void
cg_i18n_set_language (const char *language)
{
  g_return_if_fail (language != NULL);

  g_free (current_language);
  current_language = g_strdup (language);

  /* "en" has no catalog: gettext then returns the English msgids. */
  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
}

/**
 * cg_i18n_get_session_language:
 *
 * Returns: (transfer full): the first of the session's preferred languages
 *   that the application has, or "en"
 */
char *
cg_i18n_get_session_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *base = g_strndup (names[i], strcspn (names[i], "_.@"));

      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        continue;
      if (cg_i18n_has_language (names[i]))
        return g_strdup (names[i]);
      if (cg_i18n_has_language (base))
        return g_steal_pointer (&base);
    }

  return g_strdup ("en");
}
