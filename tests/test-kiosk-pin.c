/* test-kiosk-pin.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-kiosk-pin.h"

static void
test_pin_right_and_wrong (void)
{
  g_autofree char *stored = cg_kiosk_pin_hash ("246813");

  g_assert_true (cg_kiosk_pin_verify ("246813", stored));
  g_assert_false (cg_kiosk_pin_verify ("246814", stored));
  g_assert_false (cg_kiosk_pin_verify ("24681", stored));
  g_assert_false (cg_kiosk_pin_verify ("2468130", stored));
  g_assert_false (cg_kiosk_pin_verify ("", stored));
}

static void
test_pin_is_never_stored_in_clear (void)
{
  g_autofree char *first = cg_kiosk_pin_hash ("135790");
  g_autofree char *second = cg_kiosk_pin_hash ("135790");

  /* Someone reading the settings database learns nothing from it. */
  g_assert_null (strstr (first, "135790"));
  g_assert_true (g_str_has_prefix (first, "pbkdf2-sha256$"));

  /* A new salt every time: equal PINs do not give equal hashes. */
  g_assert_cmpstr (first, !=, second);
  g_assert_true (cg_kiosk_pin_verify ("135790", first));
  g_assert_true (cg_kiosk_pin_verify ("135790", second));
}

static void
test_no_pin_set_means_no_way_out (void)
{
  g_assert_false (cg_kiosk_pin_verify ("0000", ""));
  g_assert_false (cg_kiosk_pin_verify ("0000", NULL));
  g_assert_false (cg_kiosk_pin_verify ("0000", "garbage"));
  g_assert_false (cg_kiosk_pin_verify ("0000", "pbkdf2-sha256$0$AAAA$AAAA"));
  g_assert_false (cg_kiosk_pin_verify ("0000", "pbkdf2-sha256$1000$$"));
}

static void
test_pin_shape (void)
{
  g_assert_true (cg_kiosk_pin_is_acceptable ("246813"));
  g_assert_true (cg_kiosk_pin_is_acceptable ("902174365081"));
  g_assert_false (cg_kiosk_pin_is_acceptable ("123"));
  g_assert_false (cg_kiosk_pin_is_acceptable ("1234567890123"));
  g_assert_false (cg_kiosk_pin_is_acceptable ("12a4"));
  g_assert_false (cg_kiosk_pin_is_acceptable (""));
  g_assert_false (cg_kiosk_pin_is_acceptable (NULL));
}

/* F14: what a patient would try first is refused, with the reason. */
static void
test_pin_not_guessable (void)
{
  g_autoptr(GError) error = NULL;
  const char * const refused[] = { "1234", "2468", "12345", "111111", "000000000", "123456",
                                   "987654", "456789", NULL };

  for (guint i = 0; refused[i] != NULL; i++)
    {
      CgKioskPinError expected = strlen (refused[i]) < 6 ? CG_KIOSK_PIN_ERROR_LENGTH
                                                         : CG_KIOSK_PIN_ERROR_GUESSABLE;

      g_clear_error (&error);
      g_assert_false (cg_kiosk_pin_check (refused[i], &error));
      g_assert_error (error, CG_KIOSK_PIN_ERROR, (int) expected);
      g_assert_cmpstr (error->message, !=, "");
    }

  g_assert_true (cg_kiosk_pin_check ("246813", NULL));
  g_assert_true (cg_kiosk_pin_check ("112233", NULL));
  g_assert_true (cg_kiosk_pin_check ("123457", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk-pin/right-and-wrong", test_pin_right_and_wrong);
  g_test_add_func ("/kiosk-pin/never-in-clear", test_pin_is_never_stored_in_clear);
  g_test_add_func ("/kiosk-pin/no-pin-no-exit", test_no_pin_set_means_no_way_out);
  g_test_add_func ("/kiosk-pin/shape", test_pin_shape);
  g_test_add_func ("/kiosk-pin/not-guessable", test_pin_not_guessable);

  return g_test_run ();
}
