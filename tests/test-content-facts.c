/* test-content-facts.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-content-loader.h"
#include "cg-search-index.h"

/* The facts the bundled content must carry, one test each. Every test asks
 * the way a patient would, through the search engine, and checks that one
 * of the first three answers really says the fact in so many words. */

static CgLibrary *library;
static CgSearchIndex *search_index;

#define WORDS(...) ((const char * const []) { __VA_ARGS__, NULL })

static char *
folded_text_of (CgItem *item)
{
  g_autofree char *text = cg_document_get_text (cg_item_get_document (item));
  g_autofree char *all = g_strconcat (cg_item_get_title (item), "\n", text, NULL);

  return g_utf8_casefold (all, -1);
}

static gboolean
says_all (CgItem             *item,
          const char * const *words)
{
  g_autofree char *folded = folded_text_of (item);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_utf8_casefold (words[i], -1);

      if (strstr (folded, word) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
assert_fact (const char         *question,
             const char * const *words)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  GString *found = g_string_new (NULL);

  results = cg_search_index_search (search_index, question, "en", 3, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CgSearchResult) result = g_list_model_get_item (results, i);

      if (says_all (cg_search_result_get_item (result), words))
        {
          g_string_free (found, TRUE);
          return;
        }
      g_string_append_printf (found, " %s", cg_search_result_get_id (result));
    }

  g_error ("“%s”: none of the first three answers (%s) says all of the fact", question, found->str);
}

static void
test_what_it_is (void)
{
  assert_fact ("what is microneedling",
               WORDS ("collagen induction therapy", "minimally invasive", "cosmetic procedure",
                      "fine needles", "micro-punctures"));
}

static void
test_what_it_treats (void)
{
  assert_fact ("what can microneedling treat",
               WORDS ("first used for skin rejuvenation", "acne scars", "active acne", "burns",
                      "alopecia areata", "drug delivery", "hyperhidrosis", "stretch marks"));
}

static void
test_history (void)
{
  assert_fact ("who invented microneedling",
               WORDS ("1995", "Orentreich", "subcision", "1997", "Camirand", "tattoo", "without ink"));
}

static void
test_how_it_works (void)
{
  assert_fact ("how does microneedling work",
               WORDS ("wound-healing cascade", "growth factors",
                      "connective tissue activating protein", "connective tissue growth factor",
                      "fibroblast growth factor", "collagen", "elastin"));
}

static void
test_ageing_and_scars (void)
{
  assert_fact ("why does my skin lose collagen with age",
               WORDS ("about age 30", "collagen and elastin"));
  assert_fact ("how does it improve scars",
               WORDS ("fibrosis", "scar"));
}

static void
test_simple_and_quick_recovery (void)
{
  assert_fact ("why choose microneedling",
               WORDS ("simple", "relatively inexpensive", "limited side-effect profile"));
  /* The medical review (F16) removed "needs little training", a
   * marketing line: the answer now is that it needs a trained and
   * experienced practitioner. */
  assert_fact ("does it need a lot of training compared with laser",
               WORDS ("needs skill", "specially trained and experienced practitioner"));
  assert_fact ("when can I go back to work",
               WORDS ("back to work", "next day", "redness", "swelling"));
}

static void
test_alternative_to_laser_and_peels (void)
{
  assert_fact ("is it better than laser",
               WORDS ("less invasive", "laser", "resurfacing", "deep chemical peels"));
}

static void
test_choosing_a_practitioner (void)
{
  assert_fact ("how do I choose who does my treatment",
               WORDS ("trained", "experienced", "consultation"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgContentLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  loader = cg_content_loader_new ();
  cg_content_loader_add_bundled (loader);
  library = cg_content_loader_load (loader, NULL);
  g_assert_cmpuint (cg_library_get_problems (library)->len, ==, 0);
  search_index = cg_search_index_new_for_library (library, &error);
  g_assert_no_error (error);

  g_test_add_func ("/facts/1-what-it-is", test_what_it_is);
  g_test_add_func ("/facts/2-what-it-treats", test_what_it_treats);
  g_test_add_func ("/facts/3-history", test_history);
  g_test_add_func ("/facts/4-how-it-works", test_how_it_works);
  g_test_add_func ("/facts/5-ageing-and-scars", test_ageing_and_scars);
  g_test_add_func ("/facts/6-simple-and-quick-recovery", test_simple_and_quick_recovery);
  g_test_add_func ("/facts/7-alternative-to-laser-and-peels", test_alternative_to_laser_and_peels);
  g_test_add_func ("/facts/8-choosing-a-practitioner", test_choosing_a_practitioner);

  status = g_test_run ();

  g_clear_object (&search_index);
  g_clear_object (&library);

  return status;
}
