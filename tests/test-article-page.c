/* test-article-page.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-article-page.h"
#include "cg-document-view.h"
#include "cg-test-ui.h"

static CgArticlePage *
new_page (CgLibrary  *library,
          const char *id)
{
  CgItem *item = cg_library_lookup_item (library, id);

  g_assert_nonnull (item);

  return CG_ARTICLE_PAGE (g_object_ref_sink (cg_article_page_new (library, item)));
}

static void
test_article_page_library (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgArticlePage) page = new_page (library, "fixture-article");
  g_autoptr(CgLibrary) got = NULL;

  g_object_get (page, "library", &got, NULL);
  g_assert_true (got == library);
}

static void
test_article_page_item (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgArticlePage) page = new_page (library, "fixture-article");
  CgItem *article = cg_library_lookup_item (library, "fixture-article");
  CgItem *linked = cg_library_lookup_item (library, "linked-article");
  CgDocumentView *view = cg_article_page_get_document_view (page);
  guint *notified = cg_test_count_notify (page, "item");
  g_autoptr(CgItem) got = NULL;

  g_object_get (page, "item", &got, NULL);
  g_assert_true (got == article);
  g_assert_true (cg_document_view_get_item (view) == article);

  /* The same article again is a new visit, not a new item. */
  cg_article_page_set_item (page, article);
  g_assert_cmpuint (*notified, ==, 0);

  cg_article_page_set_item (page, linked);
  g_assert_true (cg_article_page_get_item (page) == linked);
  g_assert_true (cg_document_view_get_item (view) == linked);
  g_assert_cmpuint (*notified, ==, 1);
}

static void
test_article_page_text_scale (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autoptr(CgArticlePage) page = new_page (library, "fixture-article");
  CgDocumentView *view = cg_article_page_get_document_view (page);
  guint *notified = cg_test_count_notify (page, "text-scale");
  double scale = 0;

  /* The article's text is what grows. */
  cg_test_assert_double_property (page, "text-scale", 1.0, 2.0);
  g_assert_cmpfloat (cg_document_view_get_text_scale (view), ==, 2.0);
  g_assert_cmpuint (*notified, ==, 1);

  /* The page's size is its view's, however that one changes. */
  cg_document_view_set_text_scale (view, 1.5);
  g_object_get (page, "text-scale", &scale, NULL);
  g_assert_cmpfloat (scale, ==, 1.5);
  g_assert_cmpuint (*notified, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/article-page/library", test_article_page_library);
  g_test_add_func ("/article-page/item", test_article_page_item);
  g_test_add_func ("/article-page/text-scale", test_article_page_text_scale);

  return g_test_run ();
}
