/* test-take-home.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-content-loader.h"
#include "cg-faq-entry.h"
#include "cg-page-text.h"
#include "cg-plain-text.h"
#include "cg-qr-code.h"
#include "cg-take-home.h"
#include "cg-test-qr.h"

/* take it home (F19): the text a QR code carries to a patient's phone,
 * and that a camera reads it back exactly. */

#define LRI "\xe2\x81\xa6"
#define FSI "\xe2\x81\xa8"
#define PDI "\xe2\x81\xa9"
#define RLM "\xe2\x80\x8f"

#define REVIEW "Reviewed 1 January 2026 by Tests"
#define FOOTER "Test Clinic (sample)\n+1 555 0100\n" REVIEW

static CgLibrary *library;

static CgItem *
item_of (const char *id)
{
  CgItem *item = cg_library_lookup_item (library, id);

  g_assert_nonnull (item);

  return item;
}

static char *
take_home_text (CgItem   *item,
                gboolean  right_to_left,
                gboolean *shortened)
{
  return cg_take_home_get_text (item, cg_library_get_clinic (library), right_to_left, shortened);
}

/* Encoded within the size a phone reads at arm's length, and read back
 * exactly as it went in. */
static void
assert_scans_as (const char *text,
                 const char *expected)
{
  g_autoptr(CgQrCode) code = cg_qr_code_new (text, CG_QR_CODE_MAX_VERSION);
  g_autofree char *decoded = NULL;

  g_assert_nonnull (code);
  g_assert_cmpuint (cg_qr_code_get_version (code), <=, CG_QR_CODE_MAX_VERSION);
  decoded = cg_test_decode_qr_code (code);
  g_assert_cmpstr (decoded, ==, expected);
}

static void
test_whole_answer (void)
{
  gboolean shortened = TRUE;
  g_autofree char *text = take_home_text (item_of ("wash"), FALSE, &shortened);

  g_assert_false (shortened);
  g_assert_cmpstr (text, ==,
                   "Can I wash my face?\n\n"
                   "Yes, gently, after a few hours. Call +1 555 0100 if it bleeds.\n\n"
                   FOOTER);
  assert_scans_as (text, text);
}

/* Each line starts right to left; the phone number and the clinic's Latin
 * name keep their own order. */
static void
test_arabic_marks (void)
{
  g_autofree char *text = take_home_text (item_of ("wash-ar"), TRUE, NULL);

  g_assert_cmpstr (text, ==,
                   RLM "هل يمكنني غسل وجهي؟\n\n"
                   RLM "نعم، بلطف. اتصل على " LRI "+1 555 0100" PDI " إذا نزف.\n\n"
                   RLM FSI "Test Clinic (sample)" PDI "\n"
                   RLM LRI "+1 555 0100" PDI);
  assert_scans_as (text, text);
}

static void
test_long_article (void)
{
  CgItem *item = item_of ("long-article");
  g_autofree char *plain = cg_plain_text_from_item (item);
  gboolean shortened = FALSE;
  g_autofree char *text = take_home_text (item, FALSE, &shortened);

  /* The whole would not fit: that is why it is shortened. */
  g_assert_false (cg_qr_code_fits (plain, CG_QR_CODE_MAX_VERSION));
  g_assert_true (shortened);
  g_assert_cmpstr (text, ==,
                   "Looking after your skin\n\n"
                   "Good aftercare helps your skin heal. Follow what your clinician tells you.\n\n"
                   "Key points:\n"
                   "• The first day\n"
                   "   • Make-up\n"
                   "• The first week\n"
                   "• When to call us\n\n"
                   FOOTER);
  assert_scans_as (text, text);
}

/* Key points an editor wrote in <takeaway> stand for the headings, with
 * the clinic's details filled in. */
static void
test_takeaway (void)
{
  CgItem *item = item_of ("takeaway");
  g_autofree char *plain = cg_plain_text_from_item (item);
  gboolean shortened = FALSE;
  g_autofree char *text = take_home_text (item, FALSE, &shortened);

  g_assert_false (cg_qr_code_fits (plain, CG_QR_CODE_MAX_VERSION));
  g_assert_cmpstrv (cg_item_get_takeaway (item),
                    ((const char * const[]) { "No hard exercise for two days.",
                                              "No pools or saunas for three days.",
                                              "Questions? Call +1 555 0100.", NULL }));
  g_assert_true (shortened);
  g_assert_cmpstr (text, ==,
                   "Exercise after treatment\n\n"
                   "Heat and sweat irritate healing skin. Go gently for a few days.\n\n"
                   "Key points:\n"
                   "• No hard exercise for two days.\n"
                   "• No pools or saunas for three days.\n"
                   "• Questions? Call +1 555 0100.\n\n"
                   FOOTER);
  assert_scans_as (text, text);

  /* Not shown on screen: not in the copied text either. */
  g_assert_null (strstr (plain, "No pools or saunas"));
}

/* A first paragraph that leaves no room for a key point gives way to the
 * article's summary. */
static void
test_summary_for_long_intro (void)
{
  CgItem *item = item_of ("long-intro");
  const CgBlock *paragraph = cg_document_get_block (cg_item_get_document (item), 0);
  g_autofree char *intro_alone = NULL;
  g_autofree char *intro_and_point = NULL;
  gboolean shortened = FALSE;
  g_autofree char *text = take_home_text (item, FALSE, &shortened);

  /* The premise: the paragraph fits alone, but not with a key point. */
  intro_alone = g_strdup_printf ("Sun after treatment\n\n%s\n\n%s", paragraph->text, FOOTER);
  intro_and_point = g_strdup_printf ("Sun after treatment\n\n%s\n\nKey points:\n• Sunscreen\n\n%s",
                                     paragraph->text, FOOTER);
  g_assert_true (cg_qr_code_fits (intro_alone, CG_QR_CODE_MAX_VERSION));
  g_assert_false (cg_qr_code_fits (intro_and_point, CG_QR_CODE_MAX_VERSION));

  g_assert_true (shortened);
  g_assert_cmpstr (text, ==,
                   "Sun after treatment\n\n"
                   "Protect treated skin from the sun for some weeks.\n\n"
                   "Key points:\n"
                   "• Sunscreen\n"
                   "• Hats and shade\n\n"
                   FOOTER);
  assert_scans_as (text, text);
}

/* Never a code cut inside a sentence: as many whole sentences as fit. */
static void
test_long_paragraph (void)
{
  CgItem *item = item_of ("long-paragraph");
  const CgBlock *paragraph = cg_document_get_block (cg_item_get_document (item), 0);
  gboolean shortened = FALSE;
  g_autofree char *text = take_home_text (item, FALSE, &shortened);
  g_autofree char *kept = NULL;
  g_autofree char *one_more = NULL;
  const char *start, *end, *next;

  g_assert_true (shortened);
  g_assert_true (g_str_has_prefix (text, "One long paragraph\n\nSentence one is here"));
  g_assert_true (g_str_has_suffix (text, "\n\n" FOOTER));

  start = text + strlen ("One long paragraph\n\n");
  end = strstr (start, "\n\n");
  kept = g_strndup (start, (gsize) (end - start));
  g_assert_true (g_str_has_prefix (paragraph->text, kept));
  g_assert_true (g_str_has_suffix (kept, " is here to fill the code with words."));
  g_assert_cmpuint (strlen (kept), <, strlen (paragraph->text));

  /* And the next sentence would not have fitted. */
  next = strchr (paragraph->text + strlen (kept) + 1, '.');
  g_assert_nonnull (next);
  one_more = g_strdup_printf ("One long paragraph\n\n%.*s\n\n%s",
                              (int) (next + 1 - paragraph->text), paragraph->text, FOOTER);
  g_assert_false (cg_qr_code_fits (one_more, CG_QR_CODE_MAX_VERSION));

  assert_scans_as (text, text);
}

/* Every bundled article and answer, in every language, makes a code no
 * larger than the chosen size; an FAQ answer in each language reads back
 * exactly, Arabic with its marks. */
static void
test_bundled (void)
{
  static const char * const languages[] = { "en", "fr", "es", "pl", "ar" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
      g_autoptr(CgLibrary) bundled = NULL;
      GListModel *items;
      guint n_short = 0;
      gboolean rtl = g_str_equal (languages[l], "ar");

      cg_content_loader_add_bundled (loader);
      cg_content_loader_set_language (loader, languages[l]);
      bundled = cg_content_loader_load (loader, NULL);
      items = cg_library_get_items (bundled);
      g_assert_cmpuint (g_list_model_get_n_items (items), >, 50);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CgItem) item = g_list_model_get_item (items, i);
          gboolean shortened;
          g_autofree char *text = cg_take_home_get_text (item, cg_library_get_clinic (bundled), rtl, &shortened);
          g_autofree char *review = cg_page_text_format_review (cg_item_get_review_date (item),
                                                                cg_item_get_reviewed_by (item));
          g_autoptr(CgQrCode) code = NULL;

          g_assert_nonnull (text);
          code = cg_qr_code_new (text, 40);
          g_assert_nonnull (code);
          g_assert_cmpuint (cg_qr_code_get_version (code), <=, CG_QR_CODE_MAX_VERSION);
          g_assert_true (g_str_has_prefix (text + (rtl ? strlen (RLM) : 0), cg_item_get_title (item)));
          g_assert_nonnull (strstr (text, cg_clinic_get_phone (cg_library_get_clinic (bundled))));
          g_assert_nonnull (review);
          g_assert_true (g_str_has_suffix (text, review));
          if (shortened)
            n_short++;
        }

      /* The long articles are shortened in every language. */
      g_test_message ("%s: %u of %u texts shortened", languages[l], n_short,
                      g_list_model_get_n_items (items));
      g_assert_cmpuint (n_short, >, 0);

      {
        CgItem *faq = cg_library_lookup_item (bundled, "faq-make-up-after");
        g_autofree char *text = cg_take_home_get_text (faq, cg_library_get_clinic (bundled), rtl, NULL);

        g_assert_true (CG_IS_FAQ_ENTRY (faq));
        assert_scans_as (text, text);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgContentLoader) loader = NULL;
  g_autofree char *folder = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  loader = cg_content_loader_new ();
  folder = g_test_build_filename (G_TEST_DIST, "data", "take-home", NULL);
  cg_content_loader_add_path (loader, folder, NULL);
  library = cg_content_loader_load (loader, NULL);
  g_assert_cmpuint (cg_library_get_problems (library)->len, ==, 0);

  g_test_add_func ("/take-home/whole-answer", test_whole_answer);
  g_test_add_func ("/take-home/arabic-marks", test_arabic_marks);
  g_test_add_func ("/take-home/long-article", test_long_article);
  g_test_add_func ("/take-home/long-paragraph", test_long_paragraph);
  g_test_add_func ("/take-home/summary-for-long-intro", test_summary_for_long_intro);
  g_test_add_func ("/take-home/takeaway", test_takeaway);
  g_test_add_func ("/take-home/bundled", test_bundled);

  status = g_test_run ();

  g_clear_object (&library);

  return status;
}
