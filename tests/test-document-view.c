/* test-document-view.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-document-view.h"
#include "cg-test-ui.h"

static void
test_document_view_item (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgDocumentView) view = CG_DOCUMENT_VIEW (g_object_ref_sink (cg_document_view_new ()));
  CgItem *article = cg_library_lookup_item (library, "fixture-article");
  CgItem *linked = cg_library_lookup_item (library, "linked-article");
  guint *notified = cg_test_count_notify (view, "item");
  g_autoptr(CgItem) item = NULL;

  g_object_get (view, "item", &item, NULL);
  g_assert_null (item);

  cg_document_view_show_item (view, article, NULL, CG_RENDER_PAGE);
  g_assert_true (cg_document_view_get_item (view) == article);
  g_assert_cmpuint (*notified, ==, 1);

  /* Shown again, with other flags: the text changes, the item does not. */
  cg_document_view_show_item (view, article, NULL, CG_RENDER_BODY);
  g_assert_cmpuint (*notified, ==, 1);

  cg_document_view_show_item (view, linked, NULL, CG_RENDER_PAGE);
  g_object_get (view, "item", &item, NULL);
  g_assert_true (item == linked);
  g_assert_cmpuint (*notified, ==, 2);
}

static void
test_document_view_text_scale (void)
{
  g_autoptr(CgDocumentView) view = CG_DOCUMENT_VIEW (g_object_ref_sink (cg_document_view_new ()));
  CgTextRenderer *renderer = cg_document_view_get_renderer (view);
  guint *notified = cg_test_count_notify (view, "text-scale");

  /* The renderer's spacing grows with the text. */
  cg_test_assert_double_property (view, "text-scale", 1.0, 1.5);
  g_assert_cmpfloat (cg_text_renderer_get_text_scale (renderer), ==, 1.5);

  cg_document_view_set_text_scale (view, 2.0);
  g_assert_cmpfloat (cg_document_view_get_text_scale (view), ==, 2.0);
  g_assert_cmpuint (*notified, ==, 2);

  /* Past the largest size: the largest, said once. */
  cg_document_view_set_text_scale (view, 10.0);
  g_assert_cmpfloat (cg_document_view_get_text_scale (view), ==, 4.0);
  g_assert_cmpuint (*notified, ==, 3);
  cg_document_view_set_text_scale (view, 10.0);
  cg_document_view_set_text_scale (view, 4.0);
  g_assert_cmpuint (*notified, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/document-view/item", test_document_view_item);
  g_test_add_func ("/document-view/text-scale", test_document_view_text_scale);

  return g_test_run ();
}
