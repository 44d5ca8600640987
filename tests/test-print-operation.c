/* test-print-operation.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>
#include <string.h>

#include "cg-application.h"
#include "cg-article-page.h"
#include "cg-content-loader.h"
#include "cg-print-operation.h"
#include "cg-window.h"

/* Printing a handout as the front desk does it, through GTK's own print
 * dialog and its "Print to File" printer (F18): the file goes to the
 * reader's documents under the article's name, and the dialog comes back
 * with the last choices, between prints and between runs, except in the
 * waiting room, which writes nothing.
 *
 * The tests have a home and configuration folder of their own, made for
 * the run and removed after it: nothing is written outside them. (Not
 * G_TEST_OPTION_ISOLATE_DIRS: in GLib 2.74 it also hides the system's
 * MIME database, and GTK then cannot tell an SVG icon from text.) */

#define FILE_PRINTER "Print to File"

static CgApplication *application;
static CgLibrary *library;

static CgItem *
lookup (const char *id)
{
  CgItem *item = cg_library_lookup_item (library, id);

  g_assert_nonnull (item);

  return item;
}

/* The reader's documents folder, as the desktop names it in
 * user-dirs.dirs, under the tests' home. */
static char *
make_documents_folder (const char *name)
{
  g_autofree char *folder = g_build_filename (g_get_home_dir (), name, NULL);
  g_autofree char *dirs = g_build_filename (g_get_user_config_dir (), "user-dirs.dirs", NULL);
  g_autofree char *line = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", folder);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_file_set_contents (dirs, line, -1, &error);
  g_assert_no_error (error);
  g_reload_user_special_dirs_cache ();
  g_assert_cmpstr (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS), ==, folder);

  return g_steal_pointer (&folder);
}

static char *
output_path (GtkPrintOperation *operation)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  const char *uri;

  g_assert_nonnull (settings);
  uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  g_assert_nonnull (uri);

  return g_filename_from_uri (uri, NULL, NULL);
}

static void
test_file_name (void)
{
  static const struct { const char *title; const char *name; } cases[] = {
    { "Aftercare: looking after your skin", "Aftercare looking after your skin" },
    { "How much does microneedling cost?", "How much does microneedling cost" },
    { "../../etc/passwd", "etc passwd" },
    { "Before / after \\ \"photos\" <1> | *2*", "Before after photos 1 2" },
    { "  .hidden  title.  ", "hidden title" },
    { "Ends with dots...", "Ends with dots" },
    { "tab\tnew\nline\x7f", "tab new line" },
    { "Combien de séances ?", "Combien de séances" },
    { "كم جلسة سأحتاج؟", "كم جلسة سأحتاج؟" },
    /* Direction marks are invisible: a name must not hide characters. */
    { "\u2067+1 555 0142\u2069", "+1 555 0142" },
    { "?:*", "Handout" },
    { "", "Handout" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = cg_print_operation_make_file_name (cases[i].title);

      g_assert_cmpstr (name, ==, cases[i].name);
    }

  /* A long title is cut at a character, well under the 255 bytes of a name. */
  {
    g_autoptr(GString) title = g_string_new (NULL);
    g_autofree char *name = NULL;

    for (guint i = 0; i < 100; i++)
      g_string_append (title, "séance ");
    name = cg_print_operation_make_file_name (title->str);
    g_assert_true (g_utf8_validate (name, -1, NULL));
    g_assert_cmpuint (strlen (name), <=, 120);
    g_assert_cmpuint (strlen (name), >=, 100);
    g_assert_true (g_str_has_prefix (title->str, name));
  }
}

/* Not ./output.pdf in the folder the program was started from: the
 * reader's documents, under the article's title. */
static void
test_default_file (void)
{
  g_autofree char *documents = make_documents_folder ("Papers");
  g_autoptr(CgPrintOperation) operation = cg_print_operation_new (lookup ("aftercare-instructions"), NULL);
  g_autofree char *path = output_path (GTK_PRINT_OPERATION (operation));
  g_autofree char *expected = g_build_filename (documents, "Aftercare looking after your skin.pdf", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(CgPrintOperation) without = NULL;
  g_autofree char *home_path = NULL;
  g_autofree char *home_expected = NULL;

  g_test_message ("Print to File writes %s", path);
  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_str_has_prefix (path, cwd));

  /* No documents folder on this desktop: the home folder. */
  g_assert_cmpint (g_rmdir (documents), ==, 0);
  without = cg_print_operation_new (lookup ("costs-and-prices"), NULL);
  home_path = output_path (GTK_PRINT_OPERATION (without));
  home_expected = g_build_filename (g_get_home_dir (), "Costs and prices.pdf", NULL);
  g_assert_cmpstr (home_path, ==, home_expected);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkPrintOperationResult *out)
{
  *out = result;
}

static GtkPrintUnixDialog *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_PRINT_UNIX_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_PRINT_UNIX_DIALOG (window);
    }

  return NULL;
}

static void
iterate_until (gboolean (*ready) (gpointer),
               gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!ready (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
dialog_shown (gpointer data)
{
  return find_print_dialog () != NULL;
}

static gboolean
printer_chosen (gpointer data)
{
  GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (find_print_dialog ());

  return printer != NULL && g_strcmp0 (gtk_printer_get_name (printer), data) == 0;
}

static gboolean
is_done (gpointer data)
{
  return *(GtkPrintOperationResult *) data != (GtkPrintOperationResult) -1;
}

/* What the front desk does: Print, the dialog, its Print button (or
 * Cancel). The dialog shows the printer it comes back with. */
static GtkPrintOperationResult
print_through_dialog (CgPrintOperation *operation,
                      const char       *printer,
                      GtkResponseType   response)
{
  GtkPrintOperationResult result = (GtkPrintOperationResult) -1;
  g_autoptr(GError) error = NULL;

  g_signal_connect (operation, "done", G_CALLBACK (done_cb), &result);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error);
  g_assert_no_error (error);

  iterate_until (dialog_shown, NULL);
  iterate_until (printer_chosen, (gpointer) printer);
  gtk_dialog_response (GTK_DIALOG (find_print_dialog ()), response);
  iterate_until (is_done, &result);
  g_signal_handlers_disconnect_by_func (operation, done_cb, &result);

  return result;
}

/* GTK writes the file after "done", a piece at a time: until it ends
 * as the format does. */
static gboolean
file_written (gpointer data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (data, &contents, &length, NULL) || length < 16)
    return FALSE;

  return g_strstr_len (contents + length - MIN (length, 64), -1, "%%EOF") != NULL;
}

/* The reader chooses "Print to File" and PostScript in another folder;
 * the next handout, even in a new run, comes back with those. */
static void
test_remembered (void)
{
  g_autofree char *documents = make_documents_folder ("Documents");
  g_autofree char *elsewhere = g_build_filename (g_get_home_dir (), "Handouts", NULL);
  g_autofree char *settings_path = cg_print_operation_get_settings_path ();
  g_autoptr(CgPrintOperation) first = cg_print_operation_new (lookup ("aftercare-instructions"), NULL);
  g_autoptr(CgPrintOperation) second = NULL;
  g_autoptr(CgPrintOperation) third = NULL;
  g_autofree char *chosen = g_build_filename (elsewhere, "Aftercare looking after your skin.ps", NULL);
  g_autofree char *chosen_uri = g_filename_to_uri (chosen, NULL, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *second_expected = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *settings;

  g_assert_true (g_str_has_prefix (settings_path, g_get_user_config_dir ()));
  g_assert_cmpint (g_mkdir_with_parents (elsewhere, 0700), ==, 0);

  /* Nothing remembered yet: the first print starts from the defaults. */
  cg_print_operation_remember_settings (first, settings_path);
  g_assert_false (g_file_test (settings_path, G_FILE_TEST_EXISTS));

  /* What the reader picks in the dialog. */
  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (first));
  gtk_print_settings_set_printer (settings, FILE_PRINTER);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "ps");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, chosen_uri);
  g_assert_cmpint (print_through_dialog (first, FILE_PRINTER, GTK_RESPONSE_OK), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  iterate_until (file_written, chosen);
  g_file_get_contents (chosen, &contents, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s starts with %.8s", chosen, contents);
  g_assert_true (g_str_has_prefix (contents, "%!PS"));
  g_assert_true (g_file_test (settings_path, G_FILE_TEST_IS_REGULAR));

  /* The next run: a new operation reads what was kept. */
  second = cg_print_operation_new (lookup ("costs-and-prices"), NULL);
  cg_print_operation_remember_settings (second, settings_path);
  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (second));
  g_assert_cmpstr (gtk_print_settings_get_printer (settings), ==, FILE_PRINTER);
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT), ==, "ps");
  second_path = output_path (GTK_PRINT_OPERATION (second));
  second_expected = g_build_filename (elsewhere, "Costs and prices.ps", NULL);
  g_assert_cmpstr (second_path, ==, second_expected);
  /* One handout's pages and copies are not the next one's. */
  g_assert_null (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_N_COPIES));
  g_assert_null (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_PRINT_PAGES));

  /* The dialog opens on "Print to File"; cancelling keeps what was kept. */
  contents = (g_free (contents), NULL);
  g_file_get_contents (settings_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (print_through_dialog (second, FILE_PRINTER, GTK_RESPONSE_CANCEL), ==,
                   GTK_PRINT_OPERATION_RESULT_CANCEL);
  g_assert_false (g_file_test (second_path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *after = NULL;

    g_file_get_contents (settings_path, &after, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (after, ==, contents);
  }

  /* The chosen folder is gone: the documents folder again. */
  g_assert_cmpint (g_remove (chosen), ==, 0);
  g_assert_cmpint (g_rmdir (elsewhere), ==, 0);
  third = cg_print_operation_new (lookup ("costs-and-prices"), NULL);
  cg_print_operation_remember_settings (third, settings_path);
  {
    g_autofree char *path = output_path (GTK_PRINT_OPERATION (third));
    g_autofree char *expected = g_build_filename (documents, "Costs and prices.ps", NULL);

    g_assert_cmpstr (path, ==, expected);
  }
}

/* A settings file edited by hand or left by another version: a format
 * GTK does not know would abort the dialog; it is left out. */
static void
test_unusable_settings (void)
{
  g_autofree char *documents = make_documents_folder ("Documents");
  g_autofree char *settings_path = cg_print_operation_get_settings_path ();
  g_autofree char *dir = g_path_get_dirname (settings_path);
  g_autoptr(CgPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  GtkPrintSettings *settings;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (settings_path,
                       "[Print Settings]\n"
                       "printer=" FILE_PRINTER "\n"
                       "output-file-format=docx\n"
                       "output-dir=/nonexistent/folder\n"
                       "output-uri=file:///tmp/output.pdf\n"
                       "n-copies=40\n", -1, &error);
  g_assert_no_error (error);

  operation = cg_print_operation_new (lookup ("aftercare-instructions"), NULL);
  cg_print_operation_remember_settings (operation, settings_path);
  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation));
  g_assert_cmpstr (gtk_print_settings_get_printer (settings), ==, FILE_PRINTER);
  g_assert_null (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT));
  g_assert_null (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_N_COPIES));
  path = output_path (GTK_PRINT_OPERATION (operation));
  expected = g_build_filename (documents, "Aftercare looking after your skin.pdf", NULL);
  g_assert_cmpstr (path, ==, expected);

  g_assert_cmpint (print_through_dialog (operation, FILE_PRINTER, GTK_RESPONSE_CANCEL), ==,
                   GTK_PRINT_OPERATION_RESULT_CANCEL);

  /* Not a settings file at all: the defaults. */
  g_file_set_contents (settings_path, "\x01\x02 not a key file [", -1, &error);
  g_assert_no_error (error);
  g_clear_object (&operation);
  operation = cg_print_operation_new (lookup ("aftercare-instructions"), NULL);
  cg_print_operation_remember_settings (operation, settings_path);
  g_free (path);
  path = output_path (GTK_PRINT_OPERATION (operation));
  g_assert_cmpstr (path, ==, expected);
}

static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 counter;

  g_assert_nonnull (clock);
  counter = gdk_frame_clock_get_frame_counter (clock);
  while (gdk_frame_clock_get_frame_counter (clock) <= counter)
    g_main_context_iteration (NULL, TRUE);
}

/* The waiting room offers no printing and keeps nothing, even when a
 * handout is printed from it. */
static void
test_kiosk_remembers_nothing (void)
{
  g_autofree char *documents = make_documents_folder ("Documents");
  g_autofree char *settings_path = cg_print_operation_get_settings_path ();
  g_autofree char *printed = g_build_filename (documents, "Aftercare looking after your skin.pdf", NULL);
  CgWindow *window;
  CgArticlePage *page;
  g_autoptr(GError) error = NULL;

  /* The waiting room first, then the front desk. */
  for (guint visit = 0; visit < 2; visit++)
    {
      gboolean waiting_room = visit == 0;

      cg_application_set_kiosk (application, waiting_room);
      window = cg_window_new (application);
      cg_window_set_library (window, library);
      gtk_window_present (GTK_WINDOW (window));
      wait_for_frame (GTK_WIDGET (window));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "s", "aftercare-instructions");
      wait_for_frame (GTK_WIDGET (window));
      page = CG_ARTICLE_PAGE (cg_window_get_page_widget (window));

      /* Ctrl+P: no dialog in the waiting room; at the front desk, the
       * dialog, cancelled. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
      wait_for_frame (GTK_WIDGET (window));
      wait_for_frame (GTK_WIDGET (window));
      if (waiting_room)
        g_assert_null (find_print_dialog ());
      else
        {
          iterate_until (dialog_shown, NULL);
          gtk_dialog_response (GTK_DIALOG (find_print_dialog ()), GTK_RESPONSE_CANCEL);
          while (find_print_dialog () != NULL)
            g_main_context_iteration (NULL, TRUE);
          g_assert_false (g_file_test (settings_path, G_FILE_TEST_EXISTS));
        }

      /* Printed anyway, with the print dialog's Print button and "Print
       * to File". */
      g_assert_true (cg_article_page_print (page, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error));
      g_assert_no_error (error);
      iterate_until (dialog_shown, NULL);
      {
        GtkPrintUnixDialog *dialog = find_print_dialog ();
        g_autoptr(GtkPrintSettings) settings = gtk_print_unix_dialog_get_settings (dialog);
        g_autofree char *uri = g_filename_to_uri (printed, NULL, NULL);

        /* The reader picks the printer; no printer is the default here. */
        gtk_print_settings_set_printer (settings, FILE_PRINTER);
        gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
        gtk_print_unix_dialog_set_settings (dialog, settings);
        iterate_until (printer_chosen, (gpointer) FILE_PRINTER);
        gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
      }
      iterate_until (file_written, printed);
      g_assert_cmpint (g_remove (printed), ==, 0);
      wait_for_frame (GTK_WIDGET (window));

      g_test_message ("%s: settings %s", waiting_room ? "waiting room" : "front desk",
                      g_file_test (settings_path, G_FILE_TEST_EXISTS) ? "kept" : "not kept");
      g_assert_true (g_file_test (settings_path, G_FILE_TEST_EXISTS) == !waiting_room);

      gtk_window_destroy (GTK_WINDOW (window));
    }

  cg_application_set_kiosk (application, FALSE);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

/* Each test starts from a home with nothing in it. */
static void
empty_home (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_home_dir (), 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (g_get_home_dir (), name, NULL);

      remove_tree (child);
    }
  g_reload_user_special_dirs_cache ();
}

#define ADD(path, func) g_test_add_vtable (path, 0, NULL, (GTestFixtureFunc) empty_home, (GTestFixtureFunc) func, NULL)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgContentLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("clinic-guide-print-XXXXXX", &error);
  g_autofree char *config = NULL;
  int status;

  /* Before GLib reads any of them. */
  g_assert_no_error (error);
  config = g_build_filename (home, ".config", NULL);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", config, TRUE);
  g_setenv ("XDG_STATE_HOME", config, TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_assert_cmpstr (g_get_home_dir (), ==, home);

  application = cg_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);

  loader = cg_content_loader_new ();
  cg_content_loader_add_bundled (loader);
  library = cg_content_loader_load (loader, NULL);

  ADD ("/print-operation/file-name", test_file_name);
  ADD ("/print-operation/default-file", test_default_file);
  ADD ("/print-operation/remembered", test_remembered);
  ADD ("/print-operation/unusable-settings", test_unusable_settings);
  ADD ("/print-operation/kiosk-remembers-nothing", test_kiosk_remembers_nothing);

  status = g_test_run ();

  g_clear_object (&library);
  g_clear_object (&application);
  remove_tree (home);

  return status;
}
