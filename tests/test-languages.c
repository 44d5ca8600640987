/* test-languages.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cg-test-ui.h"
#include "cg-application.h"
#include "cg-article-page.h"
#include "cg-kiosk.h"
#include "cg-language-button.h"
#include "cg-window.h"
#include "cg-window-private.h"

/* Switching languages in a running application, as a patient does with
 * the globe in the header bar: the bundled content and the built
 * catalogs, through "app.language". */

#define ARTICLE "does-microneedling-hurt"

static CgApplication *application;

/* The one window of the application, whichever the last switch made. */
static CgWindow *
the_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (CG_IS_WINDOW (windows->data));

  return windows->data;
}

static CgWindow *
open_window (const char *page)
{
  CgWindow *window = cg_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  if (page != NULL)
    g_assert_true (cg_window_open_page (window, page));
  cg_test_wait_for_frame (GTK_WIDGET (window));

  return window;
}

static void
close_window (void)
{
  CgWindow *window = g_object_ref (the_window ());

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static CgWindow *
switch_language (const char *language)
{
  CgWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (application), "language",
                                  g_variant_new_string (language));
  window = the_window ();
  cg_test_wait_for_frame (GTK_WIDGET (window));

  return window;
}

static char *
article_text (CgWindow *window)
{
  GtkWidget *page = cg_window_get_page_widget (window);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_true (CG_IS_ARTICLE_PAGE (page));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (cg_article_page_get_document_view (CG_ARTICLE_PAGE (page))));
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
has_arabic_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC)
      return TRUE;

  return FALSE;
}

/* The article's title in the language now set, from the catalog itself. */
static const char *
translated_title (void)
{
  return g_dgettext (GETTEXT_PACKAGE, "Does microneedling hurt?");
}

static void
assert_article_in_language (CgWindow *window)
{
  GtkWidget *page = cg_window_get_page_widget (window);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  g_assert_cmpstr (cg_window_get_page (window), ==, "item:" ARTICLE);
  g_assert_cmpstr (cg_item_get_title (cg_article_page_get_item (CG_ARTICLE_PAGE (page))), ==,
                   translated_title ());

  /* Translators' window title: "%s — Clinic Guide". */
  title = g_strdup_printf (_("%s — Clinic Guide"), translated_title ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  text = article_text (window);
  g_assert_nonnull (strstr (text, translated_title ()));
}

static void
test_switch_keeps_article (void)
{
  CgWindow *window;
  g_autofree char *english = NULL;
  g_autofree char *arabic = NULL;
  g_autofree char *english_again = NULL;

  cg_application_set_language (application, "en");
  window = open_window ("home");
  g_assert_true (cg_window_open_page (window, "item:" ARTICLE));
  cg_test_wait_for_frame (GTK_WIDGET (window));
  english = article_text (window);
  g_assert_cmpstr (translated_title (), ==, "Does microneedling hurt?");
  assert_article_in_language (window);

  window = switch_language ("fr");
  g_assert_cmpstr (translated_title (), ==, "Le microneedling fait-il mal\u202f?");
  assert_article_in_language (window);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_LTR);

  window = switch_language ("ar");
  g_assert_true (has_arabic_letters (translated_title ()));
  assert_article_in_language (window);
  arabic = article_text (window);
  g_assert_true (has_arabic_letters (arabic));
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);

  window = switch_language ("en");
  assert_article_in_language (window);
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_LTR);
  english_again = article_text (window);
  g_assert_cmpstr (english_again, ==, english);

  /* The history came along: Back returns to the home page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_cmpstr (cg_window_get_page (window), ==, "home");

  close_window ();
}

static void
test_action_state (void)
{
  g_autoptr(GVariant) state = NULL;

  cg_application_set_language (application, "pl");
  state = g_action_group_get_action_state (G_ACTION_GROUP (application), "language");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "pl");
  g_assert_cmpstr (_("Language"), !=, "Language");

  cg_application_set_language (application, "en");
  g_assert_cmpstr (_("Language"), ==, "Language");
}

/* English, then the codes of po/LINGUAS in order: a language added with
 * `make new-language` needs no change here. */
static GStrv
expected_languages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  g_strv_builder_add (builder, "en");
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *comment = strchr (lines[i], '#');

      if (comment != NULL)
        *comment = '\0';
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }

  return g_strv_builder_end (builder);
}

/* The name each language menu item must show: the bundled languages'
 * names as their translators wrote them; another language's own
 * translation of "English", or its bare code until that is translated. */
static char *
expected_name (const char *code)
{
  static const struct { const char *code, *name; } known[] = {
    { "en", "English" }, { "ar", "العربية" }, { "es", "Español" }, { "fr", "Français" },
    { "pl", "Polski" },
  };
  char *name;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (code, known[i].code))
      return g_strdup (known[i].name);

  name = cg_i18n_get_native_name (code);
  g_assert_cmpstr (name, !=, "English");
  return name;
}

static void
test_language_menu (void)
{
  /* In the order of po/LINGUAS, after English. */
  g_auto(GStrv) codes = expected_languages ();
  CgWindow *window;
  CgLanguageButton *button;
  GtkMenuButton *menu_button;
  GMenuModel *menu;

  cg_application_set_language (application, "en");
  window = open_window ("item:" ARTICLE);
  button = CG_LANGUAGE_BUTTON (cg_test_find_descendant (window, CG_TYPE_LANGUAGE_BUTTON));
  g_assert_nonnull (button);
  menu_button = cg_language_button_get_menu_button (button);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (menu_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (menu_button)), ==, "Language");

  gtk_menu_button_popup (menu_button);
  cg_test_wait_for_frame (GTK_WIDGET (window));
  menu = gtk_menu_button_get_menu_model (menu_button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, g_strv_length (codes));

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autofree char *name = expected_name (codes[i]);

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
      g_assert_cmpstr (label, ==, name);
      g_assert_cmpstr (action, ==, "app.language");
      g_assert_nonnull (target);
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, cg_i18n_get_languages ()[i]);
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, codes[i]);
    }

  gtk_menu_button_popdown (menu_button);

  /* What the Polski item does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (menu_button), "app.language", "s", "pl"));
  window = the_window ();
  cg_test_wait_for_frame (GTK_WIDGET (window));
  button = CG_LANGUAGE_BUTTON (cg_test_find_descendant (window, CG_TYPE_LANGUAGE_BUTTON));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (cg_language_button_get_menu_button (button))),
                   ==, "Język");
  g_assert_cmpstr (cg_window_get_page (window), ==, "item:" ARTICLE);

  close_window ();
  cg_application_set_language (application, "en");
}

static GtkAdjustment *
article_adjustment (CgWindow *window)
{
  GtkWidget *page = cg_window_get_page_widget (window);
  GtkWidget *view = GTK_WIDGET (cg_article_page_get_document_view (CG_ARTICLE_PAGE (page)));
  GtkWidget *scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

static double
scrolled_share (GtkAdjustment *adjustment)
{
  return gtk_adjustment_get_value (adjustment) /
         (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
}

static void
test_switch_keeps_scroll_position (void)
{
  CgWindow *window;
  GtkAdjustment *adjustment;

  cg_application_set_language (application, "en");
  window = open_window ("item:" ARTICLE);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 500);
  for (guint i = 0; i < 5; i++)
    cg_test_wait_for_frame (GTK_WIDGET (window));

  adjustment = article_adjustment (window);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 2 * gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, 0.6 * (gtk_adjustment_get_upper (adjustment) -
                                               gtk_adjustment_get_page_size (adjustment)));
  cg_test_wait_for_frame (GTK_WIDGET (window));

  window = switch_language ("es");
  /* Enough frames for the text to lay out and the position to settle. */
  for (guint i = 0; i < 20; i++)
    cg_test_wait_for_frame (GTK_WIDGET (window));

  adjustment = article_adjustment (window);
  g_assert_cmpfloat_with_epsilon (scrolled_share (adjustment), 0.6, 0.1);

  close_window ();
  cg_application_set_language (application, "en");
}

typedef struct
{
  const char *language;
  const char *query;
} Query;

static void
test_search_in_each_language (void)
{
  /* Words patients type, each only in that language's text. */
  static const Query queries[] = {
    { "en", "hurt" },
    { "fr", "fait mal" },
    { "es", "duele" },
    { "pl", "boli" },
    { "ar", "مؤلم" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GListModel) results = NULL;
      g_autoptr(GError) error = NULL;
      gboolean found = FALSE;

      cg_application_set_language (application, queries[i].language);
      results = cg_search_index_search (cg_application_get_search_index (application),
                                        queries[i].query, queries[i].language, 3, NULL, &error);
      g_assert_no_error (error);

      for (guint j = 0; j < g_list_model_get_n_items (results); j++)
        {
          g_autoptr(CgSearchResult) result = g_list_model_get_item (results, j);

          if (g_str_equal (cg_search_result_get_id (result), ARTICLE))
            {
              g_assert_cmpstr (cg_search_result_get_title (result), ==, translated_title ());
              found = TRUE;
            }
        }
      g_assert_true (found);
    }

  cg_application_set_language (application, "en");
}

/* kiosk (F7): the screen goes back for the next patient in the waiting
 * room's language, whatever the last one chose; the window is rebuilt
 * in it, still in waiting-room mode. */
static void
test_kiosk_reset_language (void)
{
  GSettings *settings = cg_application_get_settings (application);
  CgWindow *before;
  CgWindow *after;

  cg_application_set_language (application, "en");
  g_settings_set_string (settings, "kiosk-language", "fr");
  open_window (NULL);
  cg_application_set_kiosk (application, TRUE);

  /* The patient's choice. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (the_window ()), "app.language", "s", "pl"));
  g_assert_cmpstr (cg_i18n_get_language (), ==, "pl");
  before = the_window ();
  g_assert_true (cg_window_open_page (before, "item:" ARTICLE));

  cg_kiosk_reset (cg_window_get_kiosk_controller (before));

  g_assert_cmpstr (cg_i18n_get_language (), ==, "fr");
  after = the_window ();
  g_assert_true (after != before);
  g_assert_true (cg_window_get_kiosk (after));
  g_assert_cmpstr (cg_window_get_page (after), ==, "home");

  cg_application_set_kiosk (application, FALSE);
  g_assert_false (cg_window_get_kiosk (after));
  g_settings_reset (settings, "kiosk-language");
  cg_application_set_language (application, "en");
  close_window ();
}

int
main (int   argc,
      char *argv[])
{
  /* First, as in main.c: how gettext is set up before anything
   * translates decides what translates later. */
  cg_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() sets the "C" locale, under which glibc ignores
   * LANGUAGE. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  application = cg_application_new ();
  g_application_register (G_APPLICATION (application), NULL, NULL);
  /* The languages are offered once the content is in (F10). */
  cg_application_get_library (application);

  g_test_add_func ("/languages/switch-keeps-article", test_switch_keeps_article);
  g_test_add_func ("/languages/action-state", test_action_state);
  g_test_add_func ("/languages/language-menu", test_language_menu);
  g_test_add_func ("/languages/switch-keeps-scroll-position", test_switch_keeps_scroll_position);
  g_test_add_func ("/languages/search-in-each-language", test_search_in_each_language);
  g_test_add_func ("/languages/kiosk-reset-language", test_kiosk_reset_language);

  return g_test_run ();
}
