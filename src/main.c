/* main.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "cg-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgApplication) app = NULL;

  /* cg_i18n_init() chooses the locale, falling back to C.UTF-8 where none is
   * configured; gtk_init() would set it again from the environment, back to
   * plain C, and the command line's French would print as question marks. */
  gtk_disable_setlocale ();
  cg_i18n_init ();

  app = cg_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
