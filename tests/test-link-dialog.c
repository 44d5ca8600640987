/* test-link-dialog.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cg-test-ui.h"
#include "cg-test-qr.h"
#include "cg-application.h"
#include "cg-article-page.h"
#include "cg-faq-row.h"
#include "cg-i18n.h"
#include "cg-kiosk.h"
#include "cg-link-dialog.h"
#include "cg-page-text.h"
#include "cg-search-page.h"
#include "cg-window.h"
#include "cg-window-private.h"

/* take it home (F19) as a patient meets it: the button under an answer
 * opens a code that a phone's camera reads as the answer's text, in the
 * reader's language, on screen and on the printed handout; the kiosk's
 * reset closes it. The codes are read with zbarimg from the very pixels
 * shown (the dialog's texture saved as PNG) and from the PDF. */

#define FAQ     "faq-make-up-after"
#define ARTICLE "aftercare-instructions"

#define LRI "\xe2\x81\xa6"
#define PDI "\xe2\x81\xa9"
#define RLM "\xe2\x80\x8f"

static CgApplication *application;
static char *work_dir;

static CgWindow *
open_window (const char *language,
             const char *page)
{
  CgWindow *window;

  cg_application_set_language (application, language);
  window = cg_window_new (application);
  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cg_window_open_page (window, page));
  cg_test_wait_for_frame (GTK_WIDGET (window));

  return window;
}

static void
close_window (CgWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static CgLinkDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CG_IS_LINK_DIALOG (window))
        return CG_LINK_DIALOG (window);
    }

  return NULL;
}

static gboolean
is_take_home_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "take-home") &&
         gtk_widget_get_visible (widget);
}

/* Presses the first "Take it home" button shown in @within, and returns
 * the dialog it opened. */
static CgLinkDialog *
press_take_home (CgWindow  *window,
                 GtkWidget *within)
{
  GtkWidget *button = cg_test_find_widget (within, is_take_home_button, NULL);
  CgLinkDialog *dialog;

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, _("Show a code that puts this text on your phone"));
  g_assert_null (find_dialog ());
  g_signal_emit_by_name (button, "clicked");

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* Transient for the window: the kiosk's reset closes it. */
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  cg_test_wait_for_frame (GTK_WIDGET (dialog));

  return dialog;
}

/* What a phone reads from the pixels the dialog shows. */
static char *
scan_dialog (CgLinkDialog *dialog)
{
  GdkTexture *code = cg_link_dialog_get_code (dialog);
  g_autofree char *path = g_build_filename (work_dir, "dialog.png", NULL);

  g_assert_nonnull (code);
  g_assert_true (gdk_texture_save_to_png (code, path));

  return cg_test_decode_qr (path);
}

static void
close_dialog (CgLinkDialog *dialog)
{
  g_object_ref (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* An answer in each language: its own words, the clinic's phone and
 * the review line, read back exactly; the dialog in the same language. */
static void
test_answer_in_each_language (void)
{
  static const char * const languages[] = { "en", "fr", "es", "pl", "ar" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      CgWindow *window = open_window (languages[i], "item:" FAQ);
      CgItem *item = cg_article_page_get_item (CG_ARTICLE_PAGE (cg_window_get_page_widget (window)));
      CgClinic *clinic = cg_library_get_clinic (cg_window_get_library (window));
      gboolean arabic = g_str_equal (languages[i], "ar");
      CgLinkDialog *dialog;
      g_autofree char *decoded = NULL;
      g_autofree char *phone = NULL;
      const char *text;

      g_test_message ("%s: %s", languages[i], cg_item_get_title (item));
      dialog = press_take_home (window, cg_window_get_page_widget (window));
      text = cg_link_dialog_get_text (dialog);
      decoded = scan_dialog (dialog);
      g_assert_cmpstr (decoded, ==, text);

      /* The question in the reader's language first, the clinic last. */
      g_assert_true (g_str_has_prefix (text + (arabic ? strlen (RLM) : 0), cg_item_get_title (item)));
      phone = arabic ? g_strconcat (LRI, cg_clinic_get_phone (clinic), PDI, NULL)
                     : g_strdup (cg_clinic_get_phone (clinic));
      g_assert_nonnull (strstr (text, phone));
      /* The review line, with the reviewer as the catalog translates it. */
      if (cg_item_get_review_date (item) != NULL)
        g_assert_nonnull (strstr (text, cg_item_get_reviewed_by (item)));
      g_assert_cmpuint (g_utf8_strlen (text, -1), >, 80);

      /* The dialog's own words are translated. */
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, _("Take It Home"));
      if (!g_str_equal (languages[i], "en"))
        g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), !=, "Take It Home");
      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (dialog)), ==,
                       arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

      close_dialog (dialog);
      close_window (window);
    }

  cg_application_set_language (application, "en");
}

/* An article too long for one code: its summary and key points. */
static void
test_article (void)
{
  CgWindow *window = open_window ("en", "item:" ARTICLE);
  CgItem *item = cg_article_page_get_item (CG_ARTICLE_PAGE (cg_window_get_page_widget (window)));
  CgLinkDialog *dialog = press_take_home (window, cg_window_get_page_widget (window));
  const char *text = cg_link_dialog_get_text (dialog);
  g_autofree char *decoded = scan_dialog (dialog);
  g_autofree char *review = cg_page_text_format_review (cg_item_get_review_date (item),
                                                        cg_item_get_reviewed_by (item));
  g_autofree char *footer = NULL;

  g_assert_cmpstr (decoded, ==, text);
  g_assert_true (g_str_has_prefix (text, "Aftercare: looking after your skin\n\n"
                                         "Good aftercare helps your skin heal quickly"));
  g_assert_nonnull (strstr (text, "\n\nKey points:\n• The first 24 hours\n"));
  /* The clinic's name and phone, and the review line, close it. */
  footer = g_strdup_printf ("\n\nRiverside Skin Clinic (sample)\n+1 555 0142\n%s", review);
  g_assert_true (g_str_has_suffix (text, footer));

  close_dialog (dialog);
  close_window (window);
}

/* The same button under a question opened on a topic page, and in the
 * front desk's search results. */
static void
test_faq_row_and_search (void)
{
  CgWindow *window = open_window ("en", "topic:aftercare");
  GtkWidget *row = cg_test_find_descendant (cg_window_get_page_widget (window), CG_TYPE_FAQ_ROW);
  CgLinkDialog *dialog;
  g_autofree char *decoded = NULL;
  g_autofree char *expected = NULL;

  g_assert_nonnull (row);
  cg_faq_row_set_expanded (CG_FAQ_ROW (row), TRUE);
  cg_test_wait_for_frame (GTK_WIDGET (window));
  dialog = press_take_home (window, gtk_widget_get_parent (row));
  expected = cg_link_dialog_make_take_home_text (CG_ITEM (cg_faq_row_get_entry (CG_FAQ_ROW (row))),
                                                 cg_library_get_clinic (cg_window_get_library (window)), NULL);
  decoded = scan_dialog (dialog);
  g_assert_cmpstr (decoded, ==, expected);
  close_dialog (dialog);

  gtk_editable_set_text (GTK_EDITABLE (cg_window_get_search_entry (window)), "downtime");
  while (!cg_window_get_searching (window) ||
         g_list_model_get_n_items (cg_search_page_get_results (cg_window_get_search_page (window))) == 0)
    g_main_context_iteration (NULL, TRUE);
  cg_test_wait_for_frame (GTK_WIDGET (window));
  dialog = press_take_home (window, GTK_WIDGET (cg_window_get_search_page (window)));
  g_free (decoded);
  decoded = scan_dialog (dialog);
  g_assert_true (g_str_has_prefix (decoded, cg_search_result_get_title (cg_search_page_get_selected (cg_window_get_search_page (window)))));
  close_dialog (dialog);

  close_window (window);
}

/* The next patient finds nothing of it. */
static void
test_kiosk_reset (void)
{
  CgWindow *window;
  CgLinkDialog *dialog;

  cg_application_set_kiosk (application, TRUE);
  window = open_window ("en", "item:" FAQ);
  g_assert_true (cg_window_get_kiosk (window));
  dialog = press_take_home (window, cg_window_get_page_widget (window));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  cg_kiosk_reset (cg_window_get_kiosk_controller (window));
  cg_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_null (find_dialog ());
  g_assert_null (dialog);

  cg_application_set_kiosk (application, FALSE);
  close_window (window);
}

/* The handout carries the same code beside its text, in English and in
 * Arabic: rendered from the PDF at 150 dpi, as a printer would. */
static void
test_pdf (void)
{
  static const char * const languages[] = { "en", "ar" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      CgWindow *window = open_window (languages[i], "item:" ARTICLE);
      GtkWidget *page = cg_window_get_page_widget (window);
      CgItem *item = cg_article_page_get_item (CG_ARTICLE_PAGE (page));
      g_autofree char *pdf = g_build_filename (work_dir, "handout.pdf", NULL);
      g_autofree char *prefix = g_build_filename (work_dir, "handout", NULL);
      g_autofree char *png = g_build_filename (work_dir, "handout-1.png", NULL);
      const char *argv[] = { "pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", pdf, prefix, NULL };
      g_autofree char *expected = NULL;
      g_autofree char *decoded = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_assert_true (cg_article_page_print (CG_ARTICLE_PAGE (page), GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error));
      g_assert_no_error (error);

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));

      expected = cg_link_dialog_make_take_home_text (item, cg_library_get_clinic (cg_window_get_library (window)), NULL);
      decoded = cg_test_decode_qr (png);
      g_assert_cmpstr (decoded, ==, expected);
      g_assert_true (g_str_has_prefix (decoded + (i == 1 ? strlen (RLM) : 0), cg_item_get_title (item)));

      g_unlink (png);
      g_unlink (pdf);
      close_window (window);
    }

  cg_application_set_language (application, "en");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* As test-languages.c does: gettext set up first, and a locale under
   * which glibc honours LANGUAGE. */
  cg_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  application = cg_application_new ();
  g_application_register (G_APPLICATION (application), NULL, NULL);
  /* Windows no longer wait for the content (F10); these tests open pages
   * at once, so the start-up's load is finished first. */
  cg_application_get_library (application);
  work_dir = g_dir_make_tmp ("cg-test-take-home-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/take-home/answer-in-each-language", test_answer_in_each_language);
  g_test_add_func ("/take-home/article", test_article);
  g_test_add_func ("/take-home/faq-row-and-search", test_faq_row_and_search);
  g_test_add_func ("/take-home/kiosk-reset", test_kiosk_reset);
  g_test_add_func ("/take-home/pdf", test_pdf);

  status = g_test_run ();

  g_rmdir (work_dir);
  g_free (work_dir);

  return status;
}
