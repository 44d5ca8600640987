/* cg-test-big.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "cg-content-loader.h"
#include "cg-library-private.h"
#include "cg-test-big.h"

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/**
 * cg_test_big_write_topic:
 *
 * Writes one topic, "big" ("A big topic"), of @n_articles articles
 * ("article-0000" …) and @n_questions questions ("question-0000" …) in a
 * new temporary folder.
 *
 * Returns: (transfer full): the folder, for cg_test_big_remove_dir()
 */
char *
cg_test_big_write_topic (guint         n_articles,
                         guint         n_questions,
                         CgTestBigText text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cg-big-lists-XXXXXX", &error);
  g_autoptr(GString) faq = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<faq>\n");
  gboolean wordy = text == CG_TEST_BIG_WORDY;

  g_assert_no_error (error);
  write_file (dir, "topics.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<topics><topic id=\"big\" icon=\"folder-symbolic\"><title>A big topic</title>"
              "<summary>Two thousand items.</summary></topic></topics>\n");
  for (guint i = 0; i < n_articles; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%04u.xml", i);
      g_autofree char *body = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                               "<article id=\"article-%04u\" topic=\"big\" order=\"%u\">"
                                               "<title>Article number %u%s</title>"
                                               "<summary>The summary of article %u%s.</summary>"
                                               "<review date=\"2026-11-01\" by=\"Test\"/>"
                                               "<body><p>Text of article %u.</p></body></article>\n",
                                               i, i + 1,
                                               i, wordy ? ", on the care of skin after treatment" : "",
                                               i, wordy ? ", a sentence of some length" : "",
                                               i);

      write_file (dir, name, body);
    }
  for (guint i = 0; i < n_questions; i++)
    g_string_append_printf (faq,
                            "<entry id=\"question-%04u\" topic=\"big\">"
                            "<question>Question number %u%s</question>"
                            "<answer><p>The answer to question %u.</p></answer></entry>\n",
                            i, i, wordy ? ": how long does it take?" : "?", i);
  g_string_append (faq, "</faq>\n");
  write_file (dir, "faq.xml", faq->str);

  return g_steal_pointer (&dir);
}

/**
 * cg_test_big_load:
 *
 * Returns: (transfer full): the content of @dir, which has no problem
 */
CgLibrary *
cg_test_big_load (const char *dir)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  CgLibrary *library;
  GPtrArray *problems;

  cg_content_loader_add_path (loader, dir, NULL);
  library = cg_content_loader_load (loader, NULL);
  problems = cg_library_get_problems (library);
  for (guint i = 0; i < MIN (problems->len, 3); i++)
    {
      g_autofree char *line = cg_problem_to_string (g_ptr_array_index (problems, i));

      g_message ("%s", line);
    }
  g_assert_cmpuint (problems->len, ==, 0);

  return library;
}

/**
 * cg_test_big_problems:
 *
 * Returns: (transfer full): a sealed library of @n problems, one a file:
 *   "broken-000000.xml:1:3: Opening and ending tag mismatch" …, or with
 *   @CG_TEST_BIG_WORDY paths and messages of a real length
 */
CgLibrary *
cg_test_big_problems (guint         n,
                      CgTestBigText text)
{
  CgLibrary *library = cg_library_new ("en");
  gboolean wordy = text == CG_TEST_BIG_WORDY;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *file = g_strdup_printf (wordy ? "/srv/clinic/content/broken-article-%06u.xml"
                                                     : "broken-%06u.xml", i);

      cg_library_add_problem (library,
                              cg_problem_new (file, wordy ? i % 400 + 1 : i + 1, wordy ? 17 : 3,
                                              CG_CONTENT_ERROR_MALFORMED,
                                              wordy ? "Opening and ending tag mismatch: p line 12 and section"
                                                    : "Opening and ending tag mismatch"));
    }
  cg_library_seal (library);

  return library;
}

void
cg_test_big_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* How many widgets of @type there are under @widget, itself included:
 * the rows a view has built. */
guint
cg_test_big_count_widgets (GtkWidget *widget,
                           GType      type)
{
  guint n = g_type_is_a (G_OBJECT_TYPE (widget), type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += cg_test_big_count_widgets (child, type);

  return n;
}

static void
xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/**
 * cg_test_big_press_keys:
 * @first_key: a key as xdotool names it ("Next", "ctrl+End"), then more,
 *   then %NULL
 *
 * Presses the keys on @window as a keyboard would (XTest, through the X
 * server and GDK), one after the other, each handled before the next.
 */
void
cg_test_big_press_keys (GtkWidget  *window,
                        const char *first_key,
                        ...)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;
  va_list args;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL });

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      xdotool ((const char *[]) { "key", "--clearmodifiers", key, NULL });
      for (guint i = 0; i < 5; i++)
        {
          gdk_display_sync (gtk_widget_get_display (window));
          while (g_main_context_iteration (NULL, FALSE))
            ;
          g_usleep (10000);
        }
    }
  va_end (args);
}
