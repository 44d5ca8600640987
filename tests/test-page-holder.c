/* test-page-holder.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-page-holder.h"
#include "cg-test-ui.h"

static void
test_page_holder_child (void)
{
  g_autoptr(CgPageHolder) holder = CG_PAGE_HOLDER (g_object_ref_sink (cg_page_holder_new ()));
  g_autoptr(GtkWidget) first = g_object_ref_sink (gtk_label_new ("First page"));
  g_autoptr(GtkWidget) second = g_object_ref_sink (gtk_label_new ("Second page"));
  guint *notified = cg_test_count_notify (holder, "child");
  GtkWidget *child = first;

  g_object_get (holder, "child", &child, NULL);
  g_assert_null (child);

  cg_page_holder_set_child (holder, NULL);
  g_assert_cmpuint (*notified, ==, 0);

  cg_page_holder_set_child (holder, first);
  g_assert_true (cg_page_holder_get_child (holder) == first);
  g_assert_true (gtk_widget_get_parent (first) == GTK_WIDGET (holder));
  g_assert_cmpuint (*notified, ==, 1);

  /* One page at a time: the one it held leaves the tree. */
  g_object_set (holder, "child", second, NULL);
  g_assert_true (cg_page_holder_get_child (holder) == second);
  g_assert_null (gtk_widget_get_parent (first));
  g_assert_cmpuint (*notified, ==, 2);

  cg_page_holder_set_child (holder, second);
  g_object_set (holder, "child", second, NULL);
  g_assert_cmpuint (*notified, ==, 2);

  cg_page_holder_set_child (holder, NULL);
  g_assert_null (cg_page_holder_get_child (holder));
  g_assert_null (gtk_widget_get_parent (second));
  g_assert_cmpuint (*notified, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/page-holder/child", test_page_holder_child);

  return g_test_run ();
}
