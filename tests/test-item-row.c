/* test-item-row.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-item-row.h"
#include "cg-test-ui.h"

static void
test_item_row_item (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  CgItem *item = cg_library_lookup_item (library, "linked-article");
  g_autoptr(CgItemRow) row = CG_ITEM_ROW (g_object_ref_sink (cg_item_row_new (item)));
  g_autoptr(CgItem) got = NULL;
  GVariant *target;

  g_object_get (row, "item", &got, NULL);
  g_assert_true (got == item);
  g_assert_true (cg_item_row_get_item (row) == item);

  /* The row shows the item and opens it. */
  g_assert_nonnull (cg_test_find_label (row, "Linked article title"));
  g_assert_nonnull (cg_test_find_label (row, "The article the fixture links to."));
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "linked-article");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/item-row/item", test_item_row_item);

  return g_test_run ();
}
