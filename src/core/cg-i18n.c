/* cg-i18n.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "cg-i18n.h"
#include "cg-paths.h"

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
  textdomain (GETTEXT_PACKAGE);
}
