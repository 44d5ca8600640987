/* test-bidi.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "cg-bidi.h"
#include "cg-content-loader.h"
#include "cg-i18n.h"
#include "cg-item.h"
#include "cg-library.h"
#include "cg-page-text.h"
#include "cg-plain-text.h"

/* Right-to-left text that a patient can trust: the clinic's phone number
 * keeps its digits in order inside an Arabic sentence, a price keeps its
 * currency sign in front, a Latin name does not drag the words around it;
 * and dates come out in the reader's language on a machine that has no
 * locale but C. */

#define LRI CG_BIDI_LRI
#define FSI CG_BIDI_FSI
#define PDI CG_BIDI_PDI

static void
test_field (void)
{
  g_autofree char *phone = cg_bidi_isolate_field ("phone", "+1 555 0142");
  g_autofree char *website = cg_bidi_isolate_field ("website", "https://example.org/");
  g_autofree char *price = cg_bidi_isolate_field ("price", "$50");
  g_autofree char *name = cg_bidi_isolate_field ("name", "Riverside Skin Clinic");
  g_autofree char *plain = cg_bidi_strip (phone);

  /* Phone numbers, addresses and prices are left to right everywhere. */
  g_assert_cmpstr (phone, ==, LRI "+1 555 0142" PDI);
  g_assert_cmpstr (website, ==, LRI "https://example.org/" PDI);
  g_assert_cmpstr (price, ==, LRI "$50" PDI);
  /* A name may be in any script: its first letter decides. */
  g_assert_cmpstr (name, ==, FSI "Riverside Skin Clinic" PDI);
  /* What is dialled or opened has no marks in it. */
  g_assert_cmpstr (plain, ==, "+1 555 0142");
}

static void
test_latin_runs (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    /* A name: the full stop stays with the Arabic sentence. */
    { "وصفه Orentreich أول مرة.", "وصفه " LRI "Orentreich" PDI " أول مرة." },
    { "ذكره Orentreich.", "ذكره " LRI "Orentreich" PDI "." },
    /* Two names with a word between them: one run. */
    { "جهاز Dermapen 4 جديد", "جهاز " LRI "Dermapen 4" PDI " جديد" },
    /* A price and a number with a unit. */
    { "السعر $50 فقط", "السعر " LRI "$50" PDI " فقط" },
    { "بعمق 0.5 mm تقريبًا", "بعمق " LRI "0.5 mm" PDI " تقريبًا" },
    { "راسلنا على hello@example.org الآن", "راسلنا على " LRI "hello@example.org" PDI " الآن" },
    /* Digits alone already keep their order: left alone. */
    { "من 3 إلى 6 جلسات", "من 3 إلى 6 جلسات" },
    /* Already isolated: not isolated twice. */
    { "اتصل " LRI "+1 555 0142" PDI " الآن", "اتصل " LRI "+1 555 0142" PDI " الآن" },
    { "بلا لاتينية", "بلا لاتينية" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = cg_bidi_isolate_latin (cases[i].text);

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

/* A search snippet that starts inside the phone number keeps it isolated. */
static void
test_balance (void)
{
  g_autoptr(GString) cut = g_string_new ("…" "555 0142" PDI ". اقرأ " LRI "Orentreich");
  gsize inserted = cg_bidi_balance (cut, strlen ("…"));

  g_assert_cmpuint (inserted, ==, strlen (FSI));
  g_assert_cmpstr (cut->str, ==, "…" FSI "555 0142" PDI ". اقرأ " LRI "Orentreich" PDI);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static CgLibrary *
load_arabic (void)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "bidi", NULL);

  cg_content_loader_add_path (loader, folder, NULL);
  cg_content_loader_set_language (loader, "ar");

  return cg_content_loader_load (loader, NULL);
}

/* What the receptionist copies from an Arabic article: the same isolates
 * as on the screen, around the phone number, the price and the name. */
static void
test_arabic_copy (void)
{
  g_autoptr(CgLibrary) library = load_arabic ();
  CgItem *item = cg_library_lookup_item (library, "call-the-clinic");
  g_autofree char *text = NULL;

  g_assert_nonnull (item);
  text = cg_plain_text_from_item (item);

  g_assert_nonnull (strstr (text, "اتصل بالعيادة على " LRI "+1 555 0199" PDI " فورًا."));
  g_assert_nonnull (strstr (text, "تكلفة الاستشارة " LRI "$40" PDI " فقط."));
  g_assert_nonnull (strstr (text, "وصفه " LRI "Orentreich" PDI " أول مرة."));
  /* Every isolate is closed, or the rest of the text would be cut off
   * from the sentence's direction. */
  g_assert_cmpuint (count (text, LRI) + count (text, FSI), ==, count (text, PDI));
}

/* An English library is left as it was written. */
static void
test_english_untouched (void)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "bidi", NULL);
  g_autoptr(CgLibrary) library = NULL;
  g_autofree char *text = NULL;

  cg_content_loader_add_path (loader, folder, NULL);
  library = cg_content_loader_load (loader, NULL);
  text = cg_plain_text_from_item (cg_library_lookup_item (library, "call-the-clinic"));

  g_assert_null (strstr (text, LRI));
  g_assert_nonnull (strstr (text, "على +1 555 0199 فورًا"));
}

static void
test_dates (void)
{
  static const struct {
    const char *language;
    const char *date;
    const char *review;
  } cases[] = {
    { "fr", "2 novembre 2026", "2 novembre 2026" },
    { "es", "2 de noviembre de 2026", "2 de noviembre de 2026" },
    { "pl", "2 listopada 2026", "2 listopada 2026" },
    { "ar", "2 نوفمبر 2026", "2 نوفمبر 2026" },
    { "en", "2 November 2026", "2 November 2026" },
  };
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 2, 9, 30, 0);
  g_autoptr(GDateTime) march = g_date_time_new_utc (2026, 3, 9, 9, 30, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = NULL;
      g_autofree char *review = NULL;

      cg_i18n_set_language (cases[i].language);
      date = cg_page_text_format_date (when);
      review = cg_page_text_format_review ("2026-11-02", "Dr. Test");

      g_test_message ("%s: %s / %s", cases[i].language, date, review);
      g_assert_cmpstr (date, ==, cases[i].date);
      g_assert_nonnull (strstr (review, cases[i].review));
    }

  /* Another month, from another entry of the catalog. */
  cg_i18n_set_language ("pl");
  {
    g_autofree char *date = cg_page_text_format_date (march);

    g_assert_cmpstr (date, ==, "9 marca 2026");
  }

  /* In Arabic a Latin reviewer's name is isolated from the sentence. */
  cg_i18n_set_language ("ar");
  {
    g_autofree char *review = cg_page_text_format_review ("2026-11-02", "Dr. Test");

    g_assert_nonnull (strstr (review, FSI "Dr. Test" PDI));
  }
  cg_i18n_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;

  /* A machine with no locale installed but C: the catalog alone must be
   * enough for French, Spanish, Polish and Arabic dates. */
  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  cg_i18n_init ();

  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);

  g_test_add_func ("/bidi/field", test_field);
  g_test_add_func ("/bidi/latin-runs", test_latin_runs);
  g_test_add_func ("/bidi/balance", test_balance);
  g_test_add_func ("/bidi/arabic-copy", test_arabic_copy);
  g_test_add_func ("/bidi/english-untouched", test_english_untouched);
  g_test_add_func ("/bidi/dates", test_dates);

  return g_test_run ();
}
