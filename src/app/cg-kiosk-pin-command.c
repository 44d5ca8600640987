/* cg-kiosk-pin-command.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cg-kiosk-pin.h"
#include "cg-kiosk-pin-command.h"

/* `clinic-guide --set-kiosk-pin`: the staff PIN that leaves waiting-room
 * mode. It asks twice, without echo on a terminal; from a pipe (a setup
 * script) it reads two lines. Only the salted hash reaches the settings. */

#define MAX_LINE 64

static char *
read_line (FILE *input)
{
  char line[MAX_LINE];
  gsize length;

  if (fgets (line, sizeof line, input) == NULL)
    return NULL;

  length = strcspn (line, "\r\n");
  line[length] = '\0';

  return g_strdup (line);
}

static char *
prompt (const char *question,
        gboolean    tty)
{
  struct termios saved, quiet;
  char *answer;

  if (!tty)
    return read_line (stdin);

  g_printerr ("%s", question);
  tcgetattr (STDIN_FILENO, &saved);
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  answer = read_line (stdin);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  g_printerr ("\n");

  return answer;
}

/**
 * cg_kiosk_pin_command_run:
 *
 * Returns: the exit status: 0 when the PIN was stored
 */
int
cg_kiosk_pin_command_run (GSettings *settings)
{
  gboolean tty = isatty (STDIN_FILENO);
  g_autofree char *pin = NULL;
  g_autofree char *again = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GError) error = NULL;

  pin = prompt (_("New staff PIN (6 to 12 digits, not a run such as 123456): "), tty);
  if (pin == NULL || !cg_kiosk_pin_check (pin, &error))
    {
      /* Translators: %s says what is wrong with the PIN. */
      g_printerr (_("%s Nothing was changed.\n"),
                  error != NULL ? error->message : _("No PIN was given."));
      return 1;
    }

  again = prompt (_("The same PIN again: "), tty);
  if (again == NULL || strcmp (pin, again) != 0)
    {
      g_printerr (_("The two PINs differ; nothing was changed.\n"));
      return 1;
    }

  hash = cg_kiosk_pin_hash (pin);
  memset (pin, 0, strlen (pin));
  memset (again, 0, strlen (again));

  if (!g_settings_set_string (settings, "kiosk-pin", hash))
    {
      g_printerr (_("The PIN could not be stored.\n"));
      return 1;
    }
  g_settings_sync ();

  g_print (_("The staff PIN is set.\n"));

  return 0;
}
