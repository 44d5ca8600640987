/* cg-kiosk-pin.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-kiosk-pin.h"

/* The staff PIN that leaves the waiting-room kiosk. Only a salted,
 * stretched hash is stored (PBKDF2-HMAC-SHA256): the settings database is
 * readable by the kiosk user, and PINs are short, so a plain hash would
 * fall to a table in seconds.
 *
 * Stored form: "pbkdf2-sha256$ITERATIONS$SALT$HASH", base64 salt and hash.
 */

#define SCHEME      "pbkdf2-sha256"
#define ITERATIONS  120000
#define SALT_LENGTH 16
#define HASH_LENGTH 32
#define MIN_DIGITS  6
#define MAX_DIGITS  12

static void
pbkdf2_sha256 (const guint8 *password,
               gsize         password_length,
               const guint8 *salt,
               gsize         salt_length,
               guint         iterations,
               guint8        out[HASH_LENGTH])
{
  g_autoptr(GHmac) base = g_hmac_new (G_CHECKSUM_SHA256, password, password_length);
  guint8 u[HASH_LENGTH];
  gsize length = HASH_LENGTH;
  const guint8 block_index[4] = { 0, 0, 0, 1 };

  /* One block is enough: the derived key is as long as the digest. */
  {
    g_autoptr(GHmac) hmac = g_hmac_copy (base);

    g_hmac_update (hmac, salt, salt_length);
    g_hmac_update (hmac, block_index, sizeof block_index);
    g_hmac_get_digest (hmac, u, &length);
  }
  memcpy (out, u, HASH_LENGTH);

  for (guint i = 1; i < iterations; i++)
    {
      g_autoptr(GHmac) hmac = g_hmac_copy (base);

      g_hmac_update (hmac, u, HASH_LENGTH);
      length = HASH_LENGTH;
      g_hmac_get_digest (hmac, u, &length);

      for (guint j = 0; j < HASH_LENGTH; j++)
        out[j] ^= u[j];
    }
}

G_DEFINE_QUARK (cg-kiosk-pin-error-quark, cg_kiosk_pin_error)

/* 123456, 987654: the first PINs anyone tries. */
static gboolean
is_run (const char *pin,
        gsize       length)
{
  int step = pin[1] - pin[0];

  if (step != 1 && step != -1)
    return FALSE;

  for (gsize i = 2; i < length; i++)
    if (pin[i] - pin[i - 1] != step)
      return FALSE;

  return TRUE;
}

/**
 * cg_kiosk_pin_check:
 *
 * A PIN the staff may choose: 6 to 12 digits, which a touch keypad can
 * type, and none of those a patient would guess first (one digit
 * repeated, a run up or down). Four digits fell to the back-off in a
 * day of tries; six take years.
 *
 * Returns: whether @pin is acceptable; if not, @error says why
 */
gboolean
cg_kiosk_pin_check (const char  *pin,
                    GError     **error)
{
  gsize length = pin != NULL ? strlen (pin) : 0;
  gboolean same = TRUE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error (error, CG_KIOSK_PIN_ERROR, CG_KIOSK_PIN_ERROR_NOT_DIGITS,
                     _("The PIN may contain only the digits 0 to 9."));
        return FALSE;
      }

  if (length < MIN_DIGITS || length > MAX_DIGITS)
    {
      g_set_error (error, CG_KIOSK_PIN_ERROR, CG_KIOSK_PIN_ERROR_LENGTH,
                   _("The PIN must have %d to %d digits."), MIN_DIGITS, MAX_DIGITS);
      return FALSE;
    }

  for (gsize i = 1; i < length; i++)
    same = same && pin[i] == pin[0];
  if (same)
    {
      g_set_error (error, CG_KIOSK_PIN_ERROR, CG_KIOSK_PIN_ERROR_GUESSABLE,
                   _("The PIN must not be one digit repeated: it is the first thing anyone tries."));
      return FALSE;
    }

  if (is_run (pin, length))
    {
      g_set_error (error, CG_KIOSK_PIN_ERROR, CG_KIOSK_PIN_ERROR_GUESSABLE,
                   _("The PIN must not be a run of digits such as 123456: it is the first thing anyone tries."));
      return FALSE;
    }

  return TRUE;
}

/**
 * cg_kiosk_pin_is_acceptable:
 *
 * Returns: whether cg_kiosk_pin_check() accepts @pin
 */
gboolean
cg_kiosk_pin_is_acceptable (const char *pin)
{
  return cg_kiosk_pin_check (pin, NULL);
}

/**
 * cg_kiosk_pin_hash:
 *
 * Returns: (transfer full): the stored form of @pin, with a new random salt
 */
char *
cg_kiosk_pin_hash (const char *pin)
{
  guint8 salt[SALT_LENGTH];
  guint8 hash[HASH_LENGTH];
  g_autofree char *salt64 = NULL;
  g_autofree char *hash64 = NULL;

  g_return_val_if_fail (pin != NULL, NULL);

  for (guint i = 0; i < SALT_LENGTH; i += 4)
    {
      guint32 r = g_random_int ();
      memcpy (salt + i, &r, 4);
    }

  pbkdf2_sha256 ((const guint8 *) pin, strlen (pin), salt, SALT_LENGTH, ITERATIONS, hash);

  salt64 = g_base64_encode (salt, SALT_LENGTH);
  hash64 = g_base64_encode (hash, HASH_LENGTH);

  return g_strdup_printf ("%s$%u$%s$%s", SCHEME, ITERATIONS, salt64, hash64);
}

/**
 * cg_kiosk_pin_verify:
 * @stored: (nullable): what cg_kiosk_pin_hash() returned, or "" when no
 *   PIN is set
 *
 * Returns: whether @pin matches. With no PIN set nothing matches: the
 *   kiosk can then only be left by ending the session.
 */
gboolean
cg_kiosk_pin_verify (const char *pin,
                     const char *stored)
{
  g_auto(GStrv) parts = NULL;
  g_autofree guint8 *salt = NULL;
  g_autofree guint8 *expected = NULL;
  guint8 hash[HASH_LENGTH];
  gsize salt_length = 0, expected_length = 0;
  guint64 iterations;
  guint8 difference = 0;

  if (pin == NULL || stored == NULL || stored[0] == '\0')
    return FALSE;

  parts = g_strsplit (stored, "$", -1);
  if (g_strv_length (parts) != 4 || !g_str_equal (parts[0], SCHEME))
    return FALSE;

  iterations = g_ascii_strtoull (parts[1], NULL, 10);
  if (iterations < 1 || iterations > 10000000)
    return FALSE;

  salt = g_base64_decode (parts[2], &salt_length);
  expected = g_base64_decode (parts[3], &expected_length);
  if (salt_length == 0 || expected_length != HASH_LENGTH)
    return FALSE;

  pbkdf2_sha256 ((const guint8 *) pin, strlen (pin), salt, salt_length, (guint) iterations, hash);

  /* Constant time: how far a guess matched must not show in the timing. */
  for (guint i = 0; i < HASH_LENGTH; i++)
    difference |= hash[i] ^ expected[i];

  return difference == 0;
}
