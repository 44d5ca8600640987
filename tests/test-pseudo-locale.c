/* test-pseudo-locale.c
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
#include "cg-application.h"
#include "cg-article-page.h"
#include "cg-clinic-panel.h"
#include "cg-content-loader.h"
#include "cg-countdown-overlay.h"
#include "cg-faq-row.h"
#include "cg-language-button.h"
#include "cg-link-dialog.h"
#include "cg-paths.h"
#include "cg-pin-backoff.h"
#include "cg-pin-dialog.h"
#include "cg-problems-page.h"
#include "cg-search-page.h"
#include "cg-window.h"
#include "cg-window-private.h"

/* Every string a user can see must go through the catalog. The build
 * pseudo-translates the POT (tests/pseudo-translate.py: "Back" becomes
 * "⟦ßàçķ⟧") and merges the content with it; with that catalog and content
 * the home page, a topic, an article, the menus, the content problems,
 * the staff PIN pad, the take-home and link codes (and the text they
 * hold), the waiting-room countdown and the printed page must show no
 * Latin letter outside the ⟦ ⟧ markers: one that does escaped
 * translation. */

static CgApplication *application;
static CgLibrary *library;

/* The clinic's details stay as the clinic wrote them, in every language. */
static GPtrArray *verbatim;

static void
add_verbatim (const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (verbatim, g_strdup (text));
}

static void
collect_clinic_details (CgClinic *clinic)
{
  verbatim = g_ptr_array_new_with_free_func (g_free);
  add_verbatim (cg_clinic_get_name (clinic));
  add_verbatim (cg_clinic_get_phone (clinic));
  add_verbatim (cg_clinic_get_email (clinic));
  add_verbatim (cg_clinic_get_website (clinic));
  add_verbatim (cg_clinic_get_booking (clinic));
  for (guint i = 0; cg_clinic_get_address_lines (clinic)[i] != NULL; i++)
    add_verbatim (cg_clinic_get_address_lines (clinic)[i]);
}

/* What may stay as it is: addresses, each language's own name in the
 * language menu, and GTK's own strings, which GTK translates. */
static gboolean
is_allowed (const char *text)
{
  static const char * const gtk_strings[] = { "Clear entry", "Caps Lock is on", NULL };
  static GRegex *address;
  const char * const *languages = cg_i18n_get_languages ();

  if (g_strv_contains (gtk_strings, text))
    return TRUE;

  if (address == NULL)
    address = g_regex_new ("^(https?://\\S+|www\\.\\S+|[\\w.+-]+@[\\w.-]+|tel:\\S+)$", 0, 0, NULL);

  if (g_regex_match (address, text, 0, NULL))
    return TRUE;

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *name = cg_i18n_get_native_name (languages[i]);

      if (g_str_equal (text, name) || g_str_equal (text, languages[i]))
        return TRUE;
    }

  return FALSE;
}

/* The words of @text outside ⟦ ⟧ that hold a Latin letter. */
static char *
untranslated_words (const char *text)
{
  g_autoptr(GString) outside = g_string_new (NULL);
  g_autoptr(GString) result = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  int depth = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x27E6)
        depth++;
      else if (c == 0x27E7)
        depth = MAX (depth - 1, 0);
      else if (depth == 0)
        g_string_append_unichar (outside, c);
      else if (outside->len > 0 && outside->str[outside->len - 1] != ' ')
        g_string_append_c (outside, ' ');
    }

  words = g_regex_split_simple ("\\s+", outside->str, 0, 0);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean latin = FALSE;

      for (const char *p = words[i]; *p != '\0'; p++)
        if (g_ascii_isalpha (*p))
          latin = TRUE;

      if (latin && !is_allowed (words[i]))
        g_string_append_printf (result, "%s%s", result->len > 0 ? " " : "", words[i]);
    }

  return result->len > 0 ? g_strdup (result->str) : NULL;
}

static void
check_string (GPtrArray  *failures,
              GtkWidget  *widget,
              const char *what,
              const char *text)
{
  g_autofree char *words = NULL;
  g_autoptr(GString) checked = NULL;

  if (text == NULL || *text == '\0' || is_allowed (text))
    return;

  /* Direction isolates around a clinic's details are invisible: what is
   * checked is what a reader sees. */
  checked = g_string_new (text);
  for (const char * const *mark = (const char * const[]) { "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9", NULL };
       *mark != NULL; mark++)
    g_string_replace (checked, *mark, "", 0);
  if (is_allowed (checked->str))
    return;

  for (guint i = 0; i < verbatim->len; i++)
    g_string_replace (checked, g_ptr_array_index (verbatim, i), " ", 0);

  words = untranslated_words (checked->str);
  if (words != NULL)
    g_ptr_array_add (failures, g_strdup_printf ("%s %s: “%s” (in “%s”)",
                                                G_OBJECT_TYPE_NAME (widget), what, words, text));
}

/* Text laid out over several lines (a printed page, the text of a code):
 * a marker opened on one line may close on the next, but never in
 * another paragraph. Checked a paragraph at a time, so that one whose
 * end was cut off (a sentence left off the paper, a code's shortened
 * summary) does not hide the paragraphs after it. */
static void
check_paragraphs (GPtrArray  *failures,
                  GtkWidget  *widget,
                  const char *what,
                  const char *text)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n|\\f", text, 0, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    check_string (failures, widget, what, g_strstrip (paragraphs[i]));
}

/* GTK 4.8 has no getter for accessible properties: the test API gives
 * the value back when it differs from the one asked about. */
static void
check_accessible (GPtrArray                *failures,
                  GtkWidget                *widget,
                  GtkAccessibleProperty     property,
                  const char               *what)
{
  g_autofree char *value = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return;

  value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");
  check_string (failures, widget, what, value);
}

static void
walk (GPtrArray *failures,
      GtkWidget *widget)
{
  const char *css_name = gtk_widget_get_css_name (widget);

  /* Keyboard shortcuts are GTK's to translate ("Ctrl+F"). */
  if (g_strcmp0 (css_name, "accelerator") == 0 || g_strcmp0 (css_name, "shortcut") == 0)
    return;

  check_string (failures, widget, "tooltip", gtk_widget_get_tooltip_text (widget));
  check_accessible (failures, widget, GTK_ACCESSIBLE_PROPERTY_LABEL, "accessible label");
  check_accessible (failures, widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "accessible description");

  if (GTK_IS_LABEL (widget))
    check_string (failures, widget, "label", gtk_label_get_text (GTK_LABEL (widget)));

  if (GTK_IS_WINDOW (widget))
    check_string (failures, widget, "title", gtk_window_get_title (GTK_WINDOW (widget)));

  if (GTK_IS_PICTURE (widget))
    check_string (failures, widget, "alternative text",
                  gtk_picture_get_alternative_text (GTK_PICTURE (widget)));

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "placeholder-text") != NULL)
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      check_string (failures, widget, "placeholder", placeholder);
    }

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        check_string (failures, widget, "text", lines[i]);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (failures, child);
}

static void
assert_all_translated (GtkWidget  *widget,
                       const char *where)
{
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);

  walk (failures, widget);

  for (guint i = 0; i < failures->len; i++)
    g_test_message ("%s: untranslated: %s", where, (const char *) g_ptr_array_index (failures, i));
  g_assert_cmpuint (failures->len, ==, 0);
}

static GtkMenuButton *
find_menu_button (GtkWidget *widget,
                  GType      owner)
{
  if (CG_IS_LANGUAGE_BUTTON (widget) && owner == CG_TYPE_LANGUAGE_BUTTON)
    return cg_language_button_get_menu_button (CG_LANGUAGE_BUTTON (widget));
  if (GTK_IS_MENU_BUTTON (widget) && owner == CG_TYPE_CLINIC_PANEL &&
      CG_IS_CLINIC_PANEL (gtk_widget_get_parent (widget)))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child, owner);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static CgWindow *
open_window (void)
{
  CgWindow *window = cg_window_new (application);

  g_object_ref_sink (window);
  cg_window_set_library (window, library);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (GTK_WIDGET (window));

  return window;
}

static void
close_window (CgWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
test_the_pseudo_locale_is_in_use (void)
{
  CgItem *item = cg_library_lookup_item (library, "does-microneedling-hurt");

  /* Without these, every other check would pass on English. */
  g_assert_true (g_str_has_prefix (_("Clinic Guide"), "⟦"));
  g_assert_nonnull (item);
  g_assert_true (g_str_has_prefix (cg_item_get_title (item), "⟦"));
}

/* Opens every question under @widget; returns how many. */
static guint
expand_questions (GtkWidget *widget)
{
  guint n = 0;

  if (CG_IS_FAQ_ROW (widget))
    {
      cg_faq_row_set_expanded (CG_FAQ_ROW (widget), TRUE);
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += expand_questions (child);

  return n;
}

static void
test_pages (void)
{
  CgWindow *window = open_window ();
  g_autoptr(CgTopic) topic = g_list_model_get_item (cg_library_get_topics (library), 0);
  g_autofree char *topic_page = g_strconcat ("topic:", cg_topic_get_id (topic), NULL);

  g_assert_cmpstr (cg_window_get_page (window), ==, "home");
  assert_all_translated (GTK_WIDGET (window), "home");

  g_assert_true (cg_window_open_page (window, topic_page));
  cg_test_wait_for_frame (GTK_WIDGET (window));
  assert_all_translated (GTK_WIDGET (window), topic_page);

  /* Its questions opened, with their answers and buttons. */
  g_assert_cmpuint (expand_questions (GTK_WIDGET (window)), >, 0);
  cg_test_wait_for_frame (GTK_WIDGET (window));
  assert_all_translated (GTK_WIDGET (window), topic_page);

  g_assert_true (cg_window_open_page (window, "item:does-microneedling-hurt"));
  cg_test_wait_for_frame (GTK_WIDGET (window));
  assert_all_translated (GTK_WIDGET (window), "item:does-microneedling-hurt");

  /* A question on its own page. */
  g_assert_true (cg_window_open_page (window, "item:faq-does-it-hurt"));
  cg_test_wait_for_frame (GTK_WIDGET (window));
  assert_all_translated (GTK_WIDGET (window), "item:faq-does-it-hurt");

  close_window (window);
}

/* Types @text into the search entry and waits for its results page. */
static void
search_for (CgWindow   *window,
            const char *text)
{
  CgSearchPage *page = cg_window_get_search_page (window);

  gtk_widget_grab_focus (GTK_WIDGET (cg_window_get_search_entry (window)));
  gtk_editable_set_text (GTK_EDITABLE (cg_window_get_search_entry (window)), text);
  while (!cg_window_get_searching (window) ||
         g_strcmp0 (cg_search_page_get_query (page), text) != 0)
    g_main_context_iteration (NULL, TRUE);
  cg_test_wait_for_frame (GTK_WIDGET (window));
}

/* The results (the clinic's phone number is in many of them) and the page
 * that finds nothing. */
static void
test_search (void)
{
  CgWindow *window = open_window ();

  search_for (window, "0142");
  g_assert_cmpuint (g_list_model_get_n_items (cg_search_page_get_results (cg_window_get_search_page (window))), >, 0);
  assert_all_translated (GTK_WIDGET (window), "search");

  search_for (window, "qqqzzzxxx");
  g_assert_cmpuint (g_list_model_get_n_items (cg_search_page_get_results (cg_window_get_search_page (window))), ==, 0);
  assert_all_translated (GTK_WIDGET (window), "no results");

  close_window (window);
}

static void
test_menus (void)
{
  CgWindow *window = open_window ();
  GtkMenuButton *buttons[3];

  g_assert_true (cg_window_open_page (window, "item:does-microneedling-hurt"));
  cg_test_wait_for_frame (GTK_WIDGET (window));

  buttons[0] = cg_window_get_primary_menu_button (window);
  buttons[1] = find_menu_button (GTK_WIDGET (window), CG_TYPE_LANGUAGE_BUTTON);
  buttons[2] = find_menu_button (GTK_WIDGET (window), CG_TYPE_CLINIC_PANEL);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      g_assert_nonnull (buttons[i]);
      gtk_menu_button_popup (buttons[i]);
      cg_test_wait_for_frame (GTK_WIDGET (window));
      g_assert_nonnull (gtk_menu_button_get_popover (buttons[i]));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (buttons[i]))));
      assert_all_translated (GTK_WIDGET (gtk_menu_button_get_popover (buttons[i])), "menu");
      gtk_menu_button_popdown (buttons[i]);
    }

  close_window (window);
}

/* The problems of a content editor's files, as the problems page lists
 * them: the messages are ours to translate; where each problem is (file,
 * line, column) stays as the file system spells it. Files whose problem
 * is a message of libxml2's own are left out: it has no catalog. */
static void
test_problems (void)
{
  static const char * const broken[] = {
    "mistakes/misspelt", "mistakes/unknown-field", "mistakes/no-title", "mistakes/near-id",
    "mistakes/no-question", "mistakes/reused-id", "loader/hostile/dangling-link.xml",
    "loader/hostile/bad-id.xml", "loader/hostile/duplicate-a.xml", "loader/hostile/duplicate-b.xml",
    "loader/hostile/empty-title.xml",
  };
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *root = g_test_build_filename (G_TEST_BUILT, "pseudo", "content", NULL);
  g_autoptr(CgLibrary) with_problems = NULL;
  CgWindow *window = open_window ();
  CgProblemsPage *problems;
  GPtrArray *list;
  guint n_verbatim = verbatim->len;

  cg_content_loader_add_path (loader, cg_paths_get_clinic_file (), root);
  cg_content_loader_add_path (loader, cg_paths_get_content_dir (), root);
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", broken[i], NULL);

      cg_content_loader_add_path (loader, path, NULL);
    }
  cg_content_loader_set_language (loader, "pseudo");
  with_problems = cg_content_loader_load (loader, NULL);
  list = cg_library_get_problems (with_problems);
  g_assert_cmpuint (list->len, >=, G_N_ELEMENTS (broken));

  for (guint i = 0; i < list->len; i++)
    {
      const CgProblem *problem = g_ptr_array_index (list, i);
      g_autofree char *file = g_filename_display_name (problem->file != NULL ? problem->file : "");

      g_ptr_array_add (verbatim, g_strdup_printf ("%s:%d:%d:", file,
                                                  MAX (problem->line, 1), MAX (problem->column, 1)));
    }

  /* Tall enough for every row to be on screen. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 2000);
  cg_window_set_library (window, with_problems);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  problems = cg_window_get_problems_page (window);
  g_assert_nonnull (problems);
  cg_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpuint (cg_problems_page_get_n_problems (problems), ==, list->len);
  assert_all_translated (GTK_WIDGET (window), "problems");

  /* And with nothing wrong: the page follows the window's content. */
  cg_window_set_library (window, library);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  cg_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpuint (cg_problems_page_get_n_problems (problems), ==, 0);
  assert_all_translated (GTK_WIDGET (window), "no problems");

  g_ptr_array_set_size (verbatim, n_verbatim);
  close_window (window);
}

static void
assert_dialog_translated (GtkWidget  *dialog,
                          const char *where)
{
  gtk_window_present (GTK_WINDOW (dialog));
  cg_test_wait_for_frame (dialog);
  assert_all_translated (dialog, where);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The staff PIN pad in its three states: asking, no PIN set, and after
 * wrong tries. */
static void
test_pin_pad (void)
{
  CgWindow *window = open_window ();
  g_autoptr(CgPinBackoff) backoff = cg_pin_backoff_new ();
  /* Any stored PIN: the pad only compares it when a PIN is entered. */
  const char *hash = "pbkdf2-sha256$1$AAAA$AAAA";

  assert_dialog_translated (cg_pin_dialog_new (GTK_WINDOW (window), hash, NULL), "PIN pad");
  assert_dialog_translated (cg_pin_dialog_new (GTK_WINDOW (window), NULL, NULL), "PIN pad without a PIN");

  for (guint i = 0; i < 5 && cg_pin_backoff_get_wait (backoff) == 0; i++)
    cg_pin_backoff_failed (backoff);
  g_assert_cmpuint (cg_pin_backoff_get_wait (backoff), >, 0);
  assert_dialog_translated (cg_pin_dialog_new (GTK_WINDOW (window), hash, backoff), "PIN pad after wrong PINs");

  close_window (window);
}

/* The take-home code of an article and of a question, what it holds (the
 * patient reads it on their phone), and the code of a web address. */
static void
test_codes (void)
{
  static const char * const ids[] = { "when-to-call-the-clinic", "faq-does-it-hurt" };
  CgWindow *window = open_window ();
  CgClinic *clinic = cg_library_get_clinic (library);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      CgItem *item = cg_library_lookup_item (library, ids[i]);
      GtkWidget *dialog;
      g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);

      g_assert_nonnull (item);
      dialog = cg_link_dialog_new_take_home (GTK_WINDOW (window), item, clinic);
      check_paragraphs (failures, dialog, "code text", cg_link_dialog_get_text (CG_LINK_DIALOG (dialog)));
      for (guint k = 0; k < failures->len; k++)
        g_test_message ("take-home code: untranslated: %s", (const char *) g_ptr_array_index (failures, k));
      g_assert_cmpuint (failures->len, ==, 0);
      assert_dialog_translated (dialog, "take-home dialog");
    }

  assert_dialog_translated (cg_link_dialog_new (GTK_WINDOW (window), cg_clinic_get_website (clinic)),
                            "link dialog");

  close_window (window);
}

/* The waiting room's countdown before it goes back to the start. */
static void
test_countdown (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *countdown = cg_countdown_overlay_new ();

  gtk_window_set_child (GTK_WINDOW (window), countdown);
  cg_countdown_overlay_set_remaining (CG_COUNTDOWN_OVERLAY (countdown), 7);
  gtk_widget_set_visible (countdown, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (window);
  g_assert_true (gtk_widget_get_mapped (countdown));
  assert_all_translated (window, "countdown");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The printed page, as the PDF a printer would get: header, take-home
 * code caption, body, review line, footer. */
static void
test_paper (void)
{
  CgWindow *window = open_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cg-pseudo-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_assert_true (cg_window_open_page (window, "item:when-to-call-the-clinic"));
  cg_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (cg_article_page_print (CG_ARTICLE_PAGE (cg_window_get_page_widget (window)),
                                        GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error));
  g_assert_no_error (error);

  command = g_strdup_printf ("pdftotext -enc UTF-8 '%s' -", pdf);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "⟦"));
  check_paragraphs (failures, GTK_WIDGET (window), "paper", text);
  for (guint i = 0; i < failures->len; i++)
    g_test_message ("paper: untranslated: %s", (const char *) g_ptr_array_index (failures, i));
  g_assert_cmpuint (failures->len, ==, 0);

  g_unlink (pdf);
  g_rmdir (dir);
  close_window (window);
}

static CgLibrary *
load_pseudo_content (void)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *root = g_test_build_filename (G_TEST_BUILT, "pseudo", "content", NULL);

  cg_content_loader_add_path (loader, cg_paths_get_clinic_file (), root);
  cg_content_loader_add_path (loader, cg_paths_get_content_dir (), root);
  cg_content_loader_set_language (loader, "pseudo");

  return cg_content_loader_load (loader, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;

  gtk_test_init (&argc, &argv, NULL);
  /* After gtk_test_init(), which sets the "C" locale: under it glibc
   * ignores LANGUAGE. */
  cg_i18n_init ();
  adw_init ();

  locale_dir = g_test_build_filename (G_TEST_BUILT, "pseudo", "locale", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  cg_i18n_set_language ("pseudo");

  application = cg_application_new ();
  g_application_register (G_APPLICATION (application), NULL, NULL);
  library = load_pseudo_content ();
  collect_clinic_details (cg_library_get_clinic (library));

  g_test_add_func ("/pseudo-locale/in-use", test_the_pseudo_locale_is_in_use);
  g_test_add_func ("/pseudo-locale/pages", test_pages);
  g_test_add_func ("/pseudo-locale/menus", test_menus);
  g_test_add_func ("/pseudo-locale/search", test_search);
  g_test_add_func ("/pseudo-locale/problems", test_problems);
  g_test_add_func ("/pseudo-locale/pin-pad", test_pin_pad);
  g_test_add_func ("/pseudo-locale/codes", test_codes);
  g_test_add_func ("/pseudo-locale/countdown", test_countdown);
  g_test_add_func ("/pseudo-locale/paper", test_paper);

  return g_test_run ();
}
