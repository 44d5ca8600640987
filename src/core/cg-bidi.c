/* cg-bidi.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-bidi.h"

/* Text dropped into a right-to-left sentence takes its direction from the
 * sentence unless it is isolated: "+1 555 0142" inside Arabic reads
 * "0142 555 1+", "$50" reads "50$". Isolating is done once, where the
 * clinic's values and the content's words become text, so that the screen,
 * the copied text, the printout and the QR code all carry the same marks
 * (they are invisible, and screen readers pass over them). */

/**
 * cg_bidi_field_is_ltr:
 * @field: a field name of the content format
 *
 * Phone numbers, addresses on the web and prices are written left to
 * right in every language; a name or a street address may be in any
 * script, so it takes the direction of its first strong letter.
 *
 * Returns: whether the value of @field is always left to right
 */
gboolean
cg_bidi_field_is_ltr (const char *field)
{
  static const char * const ltr[] = { "phone", "email", "website", "booking", "price", NULL };

  return field != NULL && g_strv_contains (ltr, field);
}

/**
 * cg_bidi_isolate:
 * @ltr: %TRUE for a left-to-right isolate, %FALSE for a first-strong one
 *
 * Returns: (transfer full): @text between an isolate and its closing PDI
 */
char *
cg_bidi_isolate (const char *text,
                 gboolean    ltr)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_strconcat (ltr ? CG_BIDI_LRI : CG_BIDI_FSI, text, CG_BIDI_PDI, NULL);
}

/**
 * cg_bidi_isolate_field:
 *
 * Returns: (transfer full): @value isolated as the value of @field
 */
char *
cg_bidi_isolate_field (const char *field,
                       const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  return cg_bidi_isolate (value, cg_bidi_field_is_ltr (field));
}

static gboolean
is_latin_letter (gunichar c)
{
  return g_unichar_isalpha (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN;
}

static gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_currency (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL;
}

/* What may start a left-to-right run: a letter, a digit or a currency sign. */
static gboolean
is_run_start (gunichar c)
{
  return is_latin_letter (c) || is_ascii_digit (c) || is_currency (c);
}

/* What may end one: not a space or a full stop that belongs to the
 * sentence around it. */
static gboolean
is_run_end (gunichar c)
{
  return is_latin_letter (c) || is_ascii_digit (c) || c == '%';
}

/* What may sit inside one, between two of the above: "Riverside Skin
 * Clinic", "hello@example.org", "0.5 mm", "$1,200", "Dermapen 4". */
static gboolean
is_run_inside (gunichar c)
{
  return is_run_start (c) || is_run_end (c) || strchr (" .,-/@:+'&_#", (int) c) != NULL || c == 0x2019;
}

/**
 * cg_bidi_isolate_latin:
 * @text: text of a right-to-left language
 *
 * Wraps each run of Latin letters, digits with a Latin unit, and amounts
 * with a currency sign in a left-to-right isolate. A run of digits alone
 * is left as it is: the bidi algorithm already keeps its order, and the
 * sentence around it stays one piece for a screen reader.
 *
 * Returns: (transfer full): @text with its left-to-right runs isolated
 */
char *
cg_bidi_isolate_latin (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 16);
  p = text;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *end = NULL;
      gboolean worth = FALSE;
      int depth = 0;

      /* Already isolated by whoever wrote it: leave that alone. */
      if (c == 0x2066 || c == 0x2067 || c == 0x2068)
        {
          const char *q = p;

          do
            {
              gunichar d = g_utf8_get_char (q);

              if (d == 0x2066 || d == 0x2067 || d == 0x2068)
                depth++;
              else if (d == 0x2069)
                depth--;
              q = g_utf8_next_char (q);
            }
          while (*q != '\0' && depth > 0);
          g_string_append_len (out, p, q - p);
          p = q;
          continue;
        }

      if (!is_run_start (c))
        {
          g_string_append_unichar (out, c);
          p = g_utf8_next_char (p);
          continue;
        }

      for (const char *q = p; *q != '\0'; q = g_utf8_next_char (q))
        {
          gunichar d = g_utf8_get_char (q);

          if (!is_run_inside (d))
            break;
          if (is_latin_letter (d) || is_currency (d))
            worth = TRUE;
          if (is_run_end (d))
            end = g_utf8_next_char (q);
        }

      if (end == NULL)
        end = g_utf8_next_char (p);

      if (worth)
        {
          g_string_append (out, CG_BIDI_LRI);
          g_string_append_len (out, p, end - p);
          g_string_append (out, CG_BIDI_PDI);
        }
      else
        g_string_append_len (out, p, end - p);
      p = end;
    }

  return g_string_free (out, FALSE);
}

/**
 * cg_bidi_strip:
 *
 * For what leaves the app as a value rather than as text to read: a
 * number to dial, an address to open.
 *
 * Returns: (transfer full): @text without directional isolates
 */
char *
cg_bidi_strip (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (text);
  g_string_replace (out, CG_BIDI_LRI, "", 0);
  g_string_replace (out, CG_BIDI_RLI, "", 0);
  g_string_replace (out, CG_BIDI_FSI, "", 0);
  g_string_replace (out, CG_BIDI_PDI, "", 0);

  return g_string_free (out, FALSE);
}

/**
 * cg_bidi_balance:
 * @start: where in @string the excerpt begins
 *
 * An excerpt (a search snippet) may start or end inside an isolated
 * value: "0142" PDI ". Call …" without its opening LRI would be laid out
 * right to left again. Opens what is closed without having been opened,
 * with first-strong isolates (which are left to right when they hold only
 * digits), and closes what is left open.
 *
 * Returns: how many bytes were inserted at @start
 */
gsize
cg_bidi_balance (GString *string,
                 gsize    start)
{
  guint unopened = 0;
  int depth = 0;
  gsize inserted = 0;

  g_return_val_if_fail (string != NULL && start <= string->len, 0);

  for (const char *p = string->str + start; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2066 || c == 0x2067 || c == 0x2068)
        depth++;
      else if (c == 0x2069 && depth > 0)
        depth--;
      else if (c == 0x2069)
        unopened++;
    }

  for (; depth > 0; depth--)
    g_string_append (string, CG_BIDI_PDI);

  for (; unopened > 0; unopened--)
    {
      g_string_insert (string, start, CG_BIDI_FSI);
      inserted += strlen (CG_BIDI_FSI);
    }

  return inserted;
}
