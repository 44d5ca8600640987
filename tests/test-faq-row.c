/* test-faq-row.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-document-view.h"
#include "cg-faq-entry.h"
#include "cg-faq-row.h"
#include "cg-test-ui.h"

static CgFaqRow *
new_row (CgLibrary *library)
{
  CgItem *entry = cg_library_lookup_item (library, "faq-fixture-question");

  g_assert_true (CG_IS_FAQ_ENTRY (entry));

  return CG_FAQ_ROW (g_object_ref_sink (cg_faq_row_new (library, CG_FAQ_ENTRY (entry))));
}

static void
test_faq_row_library_and_entry (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgFaqRow) row = new_row (library);
  g_autoptr(CgLibrary) got_library = NULL;
  g_autoptr(CgFaqEntry) got_entry = NULL;

  g_object_get (row, "library", &got_library, "entry", &got_entry, NULL);
  g_assert_true (got_library == library);
  g_assert_true (CG_ITEM (got_entry) == cg_library_lookup_item (library, "faq-fixture-question"));
  g_assert_true (cg_faq_row_get_entry (row) == got_entry);
  /* The question is what the row says. */
  g_assert_nonnull (cg_test_find_label (row, "Is the fixture a real question?"));
}

static void
test_faq_row_expanded (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgFaqRow) row = new_row (library);
  guint *notified = cg_test_count_notify (row, "expanded");
  gboolean expanded = TRUE;

  g_object_get (row, "expanded", &expanded, NULL);
  g_assert_false (expanded);

  cg_faq_row_set_expanded (row, FALSE);
  g_assert_cmpuint (*notified, ==, 0);

  /* Opened: the answer is there to read. */
  cg_faq_row_set_expanded (row, TRUE);
  g_assert_true (cg_faq_row_get_expanded (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "expanded"));
  g_assert_true (CG_ITEM (cg_faq_row_get_entry (row)) ==
                 cg_document_view_get_item (cg_faq_row_get_answer_view (row)));
  g_assert_cmpuint (*notified, ==, 1);

  g_object_set (row, "expanded", TRUE, NULL);
  cg_faq_row_set_expanded (row, 2);  /* any true value is "open" */
  g_assert_cmpuint (*notified, ==, 1);

  /* A click on the question closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "faq-row.toggle", NULL));
  g_assert_false (cg_faq_row_get_expanded (row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "expanded"));
  g_assert_cmpuint (*notified, ==, 2);
}

static void
test_faq_row_text_scale (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgFaqRow) row = new_row (library);
  guint *notified = cg_test_count_notify (row, "text-scale");

  cg_test_assert_double_property (row, "text-scale", 1.0, 1.75);

  /* The answer, built later, comes at the size already asked for. */
  g_assert_cmpfloat (cg_document_view_get_text_scale (cg_faq_row_get_answer_view (row)), ==, 1.75);
  g_object_set (row, "text-scale", 2.5, NULL);
  g_assert_cmpfloat (cg_document_view_get_text_scale (cg_faq_row_get_answer_view (row)), ==, 2.5);
  g_assert_cmpuint (*notified, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/faq-row/library-and-entry", test_faq_row_library_and_entry);
  g_test_add_func ("/faq-row/expanded", test_faq_row_expanded);
  g_test_add_func ("/faq-row/text-scale", test_faq_row_text_scale);

  return g_test_run ();
}
