/* cg-application.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <stdio.h>
#include <unistd.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "cg-application.h"
#include "cg-content-path.h"
#include "cg-content-watcher.h"
#include "cg-kiosk-pin-command.h"
#include "cg-pin-backoff.h"
#include "cg-renderer.h"
#include "cg-search-command.h"
#include "cg-settings.h"
#include "cg-validate.h"
#include "cg-window.h"
#include "cg-window-private.h"

struct _CgApplication
{
  AdwApplication  parent_instance;

  GSettings        *settings;
  CgContentWatcher *watcher;
  char            **content_dirs;   /* --content-dir, in order */
  gboolean          options_parsed;   /* handle_local_options ran: no usage error */

  /* kiosk (F7) */
  gboolean          kiosk;
  gboolean          kiosk_requested;  /* --kiosk */
  gboolean          kiosk_checked;
  guint             idle_timeout;     /* --idle-timeout, or 0 */
  char             *kiosk_language;
  CgPinBackoff     *pin_backoff;      /* F14: outlives the PIN pads */
  char            **quit_accels;
  char            **close_accels;
};

G_DEFINE_FINAL_TYPE (CgApplication, cg_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CONTENT_WATCHER,
  PROP_KIOSK,         /* kiosk (F7) */
  PROP_IDLE_TIMEOUT,  /* kiosk (F7) */
  PROP_PIN_BACKOFF,   /* kiosk (F14) */
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the content (and the folders or files given) and report every problem"), NULL },
  /* Bytes: a stray byte gets our message, which names the option. */
  { "lang", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use this language, for example fr or ar"), N_("LANG") },
  /* Bytes, not a string: GOption would refuse invalid UTF-8 before we
   * could repair it. */
  { "search", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Search the content, print one result a line (id, title, snippet) and exit"), N_("QUERY") },
  { "limit", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --search, print at most this many results (default: 10)"), N_("N") },
  { "content-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Also read the clinic’s content from this folder (can be repeated; later ones win)"), N_("DIR") },
  /* kiosk (F7) */
  { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run in waiting-room mode: full screen, reset after a while without input"), NULL },
  { "idle-timeout", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("In waiting-room mode, reset after this many seconds without input"), N_("SECONDS") },
  { "set-kiosk-pin", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Set the staff PIN that leaves waiting-room mode, and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[DIR|FILE…]") },
  { NULL }
};

static void
cg_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  CgApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close through the windows so that each saves its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
cg_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CgApplication *self = user_data;
  static const char *developers[] = { "The Clinic Guide developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Clinic Guide"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Clinic Guide developers"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "comments", _("Answers to patients’ questions about the clinic’s treatments. "
                                       "The information is general and is not medical advice: "
                                       "ask your clinician about your own situation."),
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Clinic Guide developers",
                         NULL);
}

/* languages (F6): the language menu's items activate "app.language" with
 * a language code; its state is the language shown. */
static void
cg_application_language_change_state (GSimpleAction *action,
                                      GVariant      *value,
                                      gpointer       user_data)
{
  cg_application_set_language (CG_APPLICATION (user_data), g_variant_get_string (value, NULL));
}

/* kiosk (F7): a window activates it when its screen goes back for the
 * next patient. (Leaving waiting-room mode is no action: actions can be
 * activated over D-Bus, past the PIN. The windows set the "kiosk"
 * property instead.) */
static void
cg_application_reset_language_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  CgApplication *self = user_data;

  if (self->kiosk)
    cg_application_set_language (self, self->kiosk_language);
}

static const GActionEntry app_actions[] = {
  { "quit", cg_application_quit_action },
  { "about", cg_application_about_action },
  { "language", NULL, "s", "'en'", cg_application_language_change_state },
  { "reset-language", cg_application_reset_language_action },
};

static char **
cg_application_dup_folders (CgApplication      *self,
                            const char * const *extra)
{
  g_auto(GStrv) folders = cg_content_path_get_folders (cg_application_get_settings (self),
                                                       (const char * const *) self->content_dirs);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) folders);
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_strv_builder_add (builder, extra[i]);

  return g_strv_builder_end (builder);
}

static int
cg_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CgApplication *self = CG_APPLICATION (app);
  g_autofree const char **paths = NULL;
  g_autofree const char **content_dirs = NULL;
  const char *lang = NULL;

  self->options_parsed = TRUE;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "clinic-guide", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "lang", "^&ay", &lang);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);
  if (g_variant_dict_lookup (options, "content-dir", "^a&ay", &content_dirs))
    {
      g_strfreev (self->content_dirs);
      self->content_dirs = g_strdupv ((char **) content_dirs);
    }

  if (lang != NULL)
    {
      if (!g_utf8_validate (lang, -1, NULL) || !cg_i18n_has_language (lang))
        {
          g_autofree char *languages = g_strjoinv (", ", (char **) cg_i18n_get_languages ());
          g_autofree char *shown = g_utf8_make_valid (lang, -1);

          /* Translators: the first %s is a language code, the second a list of them. */
          g_printerr (_("--lang: there is no “%s” translation; the languages are: %s\n"), shown, languages);
          return 2;
        }
      cg_i18n_set_language (lang);
    }

  /* kiosk (F7) */
  if (g_variant_dict_contains (options, "set-kiosk-pin"))
    return cg_kiosk_pin_command_run (cg_application_get_settings (self));
  if (g_variant_dict_contains (options, "kiosk"))
    self->kiosk_requested = TRUE;
  /* kiosk (F14): the kiosk writes nothing to disk, and Mesa would write
   * its shader cache to the home folder at the first OpenGL context
   * (ours that chooses the renderer, or GTK's). It reads the variable
   * then, so it is set before GTK opens the display. */
  if (self->kiosk_requested || g_settings_get_boolean (cg_application_get_settings (self), "kiosk"))
    g_setenv ("MESA_SHADER_CACHE_DISABLE", "true", TRUE);
  {
    gint32 idle_timeout = 0;

    if (g_variant_dict_lookup (options, "idle-timeout", "i", &idle_timeout))
      {
        if (idle_timeout < 1)
          {
            g_printerr (_("--idle-timeout needs a number of seconds above 0\n"));
            return 2;
          }
        self->idle_timeout = (guint) idle_timeout;
      }
  }

  if (g_variant_dict_contains (options, "validate"))
    {
      g_auto(GStrv) folders = cg_application_dup_folders (self, paths);
      return cg_validate_run ((const char * const *) folders, cg_i18n_get_language ());
    }

  if (g_variant_dict_contains (options, "search"))
    {
      const char *query = NULL;
      gint32 limit = 0;

      g_auto(GStrv) folders = cg_application_dup_folders (self, NULL);

      g_variant_dict_lookup (options, "search", "^&ay", &query);
      if (g_variant_dict_lookup (options, "limit", "i", &limit) && limit < 1)
        {
          g_printerr (_("--limit needs a number of results above 0\n"));
          return 2;
        }

      /* A folder that is not there would quietly search the bundled
       * content alone, as if the clinic had none of its own. */
      for (guint i = 0; content_dirs != NULL && content_dirs[i] != NULL; i++)
        if (!g_file_test (content_dirs[i], G_FILE_TEST_IS_DIR))
          {
            g_autofree char *shown = g_filename_display_name (content_dirs[i]);

            /* Translators: %s is a folder given on the command line. */
            g_printerr (_("--content-dir: “%s” is not a folder\n"), shown);
            return 2;
          }

      return cg_search_command_run (query, cg_i18n_get_language (), limit,
                                    (const char * const *) folders);
    }

  return -1;
}

/* GApplication reports an option it cannot parse (--bogus, --limit abc)
 * with status 1, which for --search and --validate means "nothing found"
 * or "problems": a usage error is 2, as for every other one of ours. */
static gboolean
cg_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  CgApplication *self = CG_APPLICATION (app);

  self->options_parsed = FALSE;
  if (!G_APPLICATION_CLASS (cg_application_parent_class)->local_command_line (app, arguments, exit_status))
    return FALSE;

  if (!self->options_parsed && *exit_status == 1)
    {
      g_printerr (_("Run “clinic-guide --help” to see the options.\n"));
      *exit_status = 2;
    }

  return TRUE;
}

static void
settings_content_directory_changed_cb (CgApplication *self,
                                       const char    *key,
                                       GSettings     *settings)
{
  g_auto(GStrv) folders = cg_application_dup_folders (self, NULL);

  cg_content_watcher_set_folders (self->watcher, (const char * const *) folders);
}

/* Window first (F10): a load leaves the parsers' scratch memory in the
 * allocator's free lists, in arenas of threads that are done; on a
 * library of thousands of articles that is tens of megabytes of resident
 * memory the application no longer uses. It goes back to the system
 * once the new library is in place, in a thread: on 10,000 articles the
 * trim takes more than a frame (76 ms), and it holds each arena's lock
 * while it walks it, so the window's own allocations wait meanwhile.
 *
 * So only when it is worth it: a reload of a few files, or the bundled
 * content, leaves next to nothing behind. What the allocator keeps
 * resident for nothing is estimated as the anonymous resident memory less
 * the bytes in use (mallinfo2, under a millisecond); a trim follows when
 * that has grown by TRIM_WORTH since the last one. */
#ifdef __GLIBC__
#define TRIM_WORTH (16 * 1024 * 1024)

G_LOCK_DEFINE_STATIC (trim);

static gsize
idle_heap_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0, shared = 0;
  struct mallinfo2 info;
  gsize anonymous, in_use;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu %lu", &size, &resident, &shared) != 3 || resident < shared)
    return 0;

  info = mallinfo2 ();
  anonymous = (gsize) (resident - shared) * (gsize) sysconf (_SC_PAGESIZE);
  in_use = info.uordblks + info.hblkhd;

  return anonymous > in_use ? anonymous - in_use : 0;
}

static void
trim_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  static gsize idle_after_trim = 0;
  gsize idle;

  G_LOCK (trim);
  idle = idle_heap_bytes ();
  if (idle >= idle_after_trim + TRIM_WORTH)
    {
      malloc_trim (0);
      idle_after_trim = idle_heap_bytes ();
      g_debug ("Trimmed the heap: %" G_GSIZE_FORMAT " kB resident and unused before, %" G_GSIZE_FORMAT " kB after",
               idle / 1024, idle_after_trim / 1024);
    }
  else
    g_debug ("Heap not trimmed: %" G_GSIZE_FORMAT " kB resident and unused", idle / 1024);
  G_UNLOCK (trim);

  g_task_return_boolean (task, TRUE);
}
#endif

static void set_action_enabled (CgApplication *self,
                                const char    *name,
                                gboolean       enabled);

static void
content_watcher_notify_library_cb (CgApplication    *self,
                                   GParamSpec       *pspec,
                                   CgContentWatcher *watcher)
{
  /* See cg_application_startup(). */
  set_action_enabled (self, "language", TRUE);

#ifdef __GLIBC__
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_run_in_thread (task, trim_thread);
#endif
}

static void
cg_application_startup (GApplication *app)
{
  CgApplication *self = CG_APPLICATION (app);

  /* The content loads while GTK and libadwaita start: on two cores that is
   * most of its cost off the time to the first window. Window first
   * (F10): the window does not wait for it, and fills when it comes. */
  if (self->watcher == NULL)
    {
      g_auto(GStrv) folders = cg_application_dup_folders (self, NULL);

      self->watcher = cg_content_watcher_new ((const char * const *) folders,
                                              cg_i18n_get_language ());
      cg_content_watcher_prefetch (self->watcher);
      g_signal_connect_object (self->watcher, "notify::library",
                               G_CALLBACK (content_watcher_notify_library_cb),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (cg_application_get_settings (self), "changed::content-directory",
                               G_CALLBACK (settings_content_directory_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  G_APPLICATION_CLASS (cg_application_parent_class)->startup (app);

  /* Before the first window is realized: it keeps its renderer. */
  cg_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  /* Window first (F10): another language now would wait for the whole
   * load, with the window frozen; the languages are offered once the
   * content is in. */
  if (cg_content_watcher_get_prefetching (self->watcher))
    set_action_enabled (self, "language", FALSE);

  /* GTK guesses the direction from its own catalog, which may be missing. */
  gtk_widget_set_default_direction (cg_i18n_is_rtl (cg_i18n_get_language ()) ? GTK_TEXT_DIR_RTL
                                                                              : GTK_TEXT_DIR_LTR);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "language")),
                             g_variant_new_string (cg_i18n_get_language ()));

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.focus-search",
                                         (const char *[]) { "<Control>k", NULL });

  /* Reading: keep ui/help-overlay.ui in step with these. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.go-back",
                                         (const char *[]) { "<Alt>Left", "Back", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.go-forward",
                                         (const char *[]) { "<Alt>Right", "Forward", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-home",
                                         (const char *[]) { "<Alt>Home", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.zoom-in",
                                         (const char *[]) { "<Control>plus", "<Control>equal",
                                                            "<Control>KP_Add", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.zoom-out",
                                         (const char *[]) { "<Control>minus", "<Control>KP_Subtract",
                                                            NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.zoom-reset",
                                         (const char *[]) { "<Control>0", "<Control>KP_0", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.find",
                                         (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.copy-text",
                                         (const char *[]) { "<Control><Shift>c", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.print",
                                         (const char *[]) { "<Control>p", NULL });
  /* kiosk (F7): the front desk's quick answer. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.copy-answer",
                                         (const char *[]) { "<Control>Return", "<Control>KP_Enter", NULL });
}

/* For `make bench`: with CLINIC_GUIDE_BENCH_FIRST_FRAME set, print the
 * wall-clock time of the first frame drawn and the resident memory then,
 * and quit. tests/bench/startup.sh measures from the process start. */
static long
read_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmRSS:");

  return line != NULL ? strtol (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

static void
bench_frame_clock_after_paint_cb (GdkFrameClock *clock,
                                  GApplication  *app)
{
  g_print ("first_frame_unix_us %" G_GINT64_FORMAT "\n", g_get_real_time ());
  g_print ("rss_kb %ld\n", read_rss_kb ());

  g_signal_handlers_disconnect_by_func (clock, bench_frame_clock_after_paint_cb, app);
  /* With CLINIC_GUIDE_BENCH_SEARCH too, it goes on to the search. */
  if (g_getenv ("CLINIC_GUIDE_BENCH_SEARCH") == NULL)
    g_application_quit (app);
}

/* For `make bench` (F10): with CLINIC_GUIDE_BENCH_SEARCH set to a query,
 * type it at once, as an impatient reader would, and print the time of
 * the first frame that shows its results (search_ready_unix_us) and the
 * resident memory then, with all the content loaded; and quit. */
static void
bench_search_after_paint_cb (GdkFrameClock *clock,
                             GApplication  *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GListModel *results;

  if (!CG_IS_WINDOW (window) || cg_window_get_library (CG_WINDOW (window)) == NULL)
    return;

  results = cg_search_page_get_results (cg_window_get_search_page (CG_WINDOW (window)));
  if (results == NULL || g_list_model_get_n_items (results) == 0)
    {
      g_printerr ("CLINIC_GUIDE_BENCH_SEARCH: no results\n");
      exit (1);
    }

  g_print ("search_ready_unix_us %" G_GINT64_FORMAT "\n", g_get_real_time ());
  g_print ("search_rss_kb %ld\n", read_rss_kb ());

  g_signal_handlers_disconnect_by_func (clock, bench_search_after_paint_cb, app);
  g_application_quit (app);
}

static void
cg_application_activate (GApplication *app)
{
  CgApplication *self = CG_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* kiosk (F7): once, at the first start; staff who left it stay out. */
  if (!self->kiosk_checked)
    {
      self->kiosk_checked = TRUE;
      if (self->kiosk_requested || g_settings_get_boolean (cg_application_get_settings (self), "kiosk"))
        cg_application_set_kiosk (self, TRUE);
    }

  if (window == NULL)
    {
      const char *page = g_getenv ("CLINIC_GUIDE_PAGE");

      /* Window first (F10): a small library loaded while GTK started
       * is in the first frame; a large one comes later. */
      cg_content_watcher_collect_prefetch (cg_application_get_content_watcher (self));
      window = GTK_WINDOW (cg_window_new (self));

      /* For screenshots and benchmarks: start on another page than home. */
      if (page != NULL && !cg_window_open_page (CG_WINDOW (window), page))
        g_warning ("CLINIC_GUIDE_PAGE: no page “%s”", page);
    }

  gtk_window_present (window);

  if (g_getenv ("CLINIC_GUIDE_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (bench_frame_clock_after_paint_cb), self, 0);
  if (g_getenv ("CLINIC_GUIDE_BENCH_SEARCH") != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.search", "s", g_getenv ("CLINIC_GUIDE_BENCH_SEARCH"));
      g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                               G_CALLBACK (bench_search_after_paint_cb), self, 0);
    }
}

/* Before the program exits: a library still loading (the window was
 * closed within seconds of the start, on a large one) is dropped and its
 * threads have ended, for libxml2 frees its own state at exit. */
static void
cg_application_shutdown (GApplication *app)
{
  CgApplication *self = CG_APPLICATION (app);

  if (self->watcher != NULL)
    cg_content_watcher_stop (self->watcher);

  G_APPLICATION_CLASS (cg_application_parent_class)->shutdown (app);
}

static void
cg_application_dispose (GObject *object)
{
  CgApplication *self = CG_APPLICATION (object);

  g_clear_object (&self->watcher);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->content_dirs, g_strfreev);
  g_clear_pointer (&self->kiosk_language, g_free);
  g_clear_object (&self->pin_backoff);
  g_clear_pointer (&self->quit_accels, g_strfreev);
  g_clear_pointer (&self->close_accels, g_strfreev);

  G_OBJECT_CLASS (cg_application_parent_class)->dispose (object);
}

static void
cg_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CgApplication *self = CG_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, cg_application_get_settings (self));
      break;

    case PROP_CONTENT_WATCHER:
      g_value_set_object (value, cg_application_get_content_watcher (self));
      break;

    case PROP_KIOSK:
      g_value_set_boolean (value, self->kiosk);
      break;

    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, self->idle_timeout);
      break;

    case PROP_PIN_BACKOFF:
      g_value_set_object (value, self->pin_backoff);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CgApplication *self = CG_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_KIOSK:
      cg_application_set_kiosk (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_application_class_init (CgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cg_application_dispose;
  object_class->get_property = cg_application_get_property;
  object_class->set_property = cg_application_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* The content every window shows: see cg_application_get_content_watcher(). */
  properties[PROP_CONTENT_WATCHER] =
    g_param_spec_object ("content-watcher", NULL, NULL,
                         CG_TYPE_CONTENT_WATCHER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* kiosk (F7): every window follows it, and sets it when the staff
   * typed the PIN in it. */
  properties[PROP_KIOSK] =
    g_param_spec_boolean ("kiosk", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* kiosk (F7): --idle-timeout, or 0 for the setting. */
  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* kiosk (F14): the waits after wrong staff PINs, which no closed PIN
   * pad, idle reset or rebuilt window starts over. */
  properties[PROP_PIN_BACKOFF] =
    g_param_spec_object ("pin-backoff", NULL, NULL,
                         CG_TYPE_PIN_BACKOFF,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  app_class->local_command_line = cg_application_local_command_line;
  app_class->handle_local_options = cg_application_handle_local_options;
  app_class->startup = cg_application_startup;
  app_class->activate = cg_application_activate;
  app_class->shutdown = cg_application_shutdown;
}

static void
cg_application_init (CgApplication *self)
{
  self->pin_backoff = cg_pin_backoff_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Answers to patients’ questions about the clinic’s treatments."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Exit status of --search and --validate: 0 when something was "
                                                  "found or the content is clean, 1 when nothing was found or there "
                                                  "are problems, 2 for a mistake in the options."));
}

CgApplication *
cg_application_new (void)
{
  return g_object_new (CG_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
cg_application_get_settings (CgApplication *self)
{
  g_return_val_if_fail (CG_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = cg_settings_new ();

  return self->settings;
}

/**
 * cg_application_get_content_watcher:
 *
 * The content every window shows, kept in step with the content folders
 * and the language: follow its CgContentWatcher:library property.
 *
 * Returns: (transfer none): the content watcher
 */
CgContentWatcher *
cg_application_get_content_watcher (CgApplication *self)
{
  g_return_val_if_fail (CG_IS_APPLICATION (self), NULL);

  /* Tests create windows without starting the application. */
  if (self->watcher == NULL)
    {
      g_auto(GStrv) folders = cg_application_dup_folders (self, NULL);

      self->watcher = cg_content_watcher_new ((const char * const *) folders,
                                              cg_i18n_get_language ());
      cg_content_watcher_load (self->watcher);
    }

  return self->watcher;
}

/**
 * cg_application_get_library:
 *
 * The content: the bundled clinic and articles under the clinic's own
 * folders, in the interface's language where a translation exists. It
 * starts loading at start-up, in a thread; this waits for it. Windows
 * do not: they follow the watcher's library property (F10).
 *
 * Returns: (transfer none): the library every window shows
 */
CgLibrary *
cg_application_get_library (CgApplication *self)
{
  g_return_val_if_fail (CG_IS_APPLICATION (self), NULL);

  return cg_content_watcher_get_library (cg_application_get_content_watcher (self));
}

/**
 * cg_application_get_search_index:
 *
 * Returns: (transfer none): the search index of cg_application_get_library()
 */
CgSearchIndex *
cg_application_get_search_index (CgApplication *self)
{
  g_return_val_if_fail (CG_IS_APPLICATION (self), NULL);

  return cg_content_watcher_get_search_index (cg_application_get_content_watcher (self));
}

/**
 * cg_application_set_language:
 * @language: a code of cg_i18n_get_languages(), such as "fr"
 *
 * Shows the interface and the content in @language at once, without a
 * restart: every window is rebuilt in the new language on the page it
 * showed. The one place where the language changes; "app.language" and
 * the kiosk's reset ("app.reset-language") come through here.
 */
void
cg_application_set_language (CgApplication *self,
                             const char    *language)
{
  g_autoptr(GList) windows = NULL;
  CgContentWatcher *watcher;
  GAction *action;

  g_return_if_fail (CG_IS_APPLICATION (self));
  g_return_if_fail (language != NULL);

  if (!cg_i18n_has_language (language))
    {
      g_warning ("There is no “%s” translation", language);
      return;
    }

  if (g_str_equal (language, cg_i18n_get_language ()) &&
      g_str_equal (language, cg_content_watcher_get_language (cg_application_get_content_watcher (self))))
    return;

  /* The old windows keep what they show while the content reloads, for
   * their successors to take over: they do not follow the reload, which
   * would also rebuild them for nothing. */
  watcher = cg_application_get_content_watcher (self);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      windows = g_list_prepend (windows, g_object_ref (l->data));
      g_signal_handlers_block_matched (watcher, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, l->data);
    }

  cg_i18n_set_language (language);
  gtk_widget_set_default_direction (cg_i18n_is_rtl (language) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  cg_content_watcher_set_language (watcher, language);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (language));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      CgWindow *old = l->data;
      CgWindow *window;

      if (!CG_IS_WINDOW (old))
        continue;

      window = cg_window_new (self);
      cg_window_take_over (window, old);
      if (gtk_widget_get_visible (GTK_WIDGET (old)))
        gtk_window_present (GTK_WINDOW (window));
      gtk_window_destroy (GTK_WINDOW (old));
    }

  for (GList *l = windows; l != NULL; l = l->next)
    g_signal_handlers_unblock_matched (watcher, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, l->data);
  g_list_free_full (g_steal_pointer (&windows), g_object_unref);
}

/* kiosk (F7) */

static void
set_action_enabled (CgApplication *self,
                    const char    *name,
                    gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/**
 * cg_application_set_kiosk:
 *
 * Puts every window in waiting-room mode, or takes them all out of it.
 * No quit or close shortcut works in it, and the About window (whose
 * links open a browser) cannot be reached.
 */
void
cg_application_set_kiosk (CgApplication *self,
                          gboolean       kiosk)
{
  GtkApplication *app = GTK_APPLICATION (self);

  g_return_if_fail (CG_IS_APPLICATION (self));

  kiosk = !!kiosk;
  if (self->kiosk == kiosk)
    return;
  self->kiosk = kiosk;

  if (kiosk)
    {
      g_autofree char *language = g_settings_get_string (cg_application_get_settings (self), "kiosk-language");

      g_free (self->kiosk_language);
      self->kiosk_language = language[0] != '\0' && cg_i18n_has_language (language)
                             ? g_steal_pointer (&language)
                             : g_strdup (cg_i18n_get_language ());

      g_strfreev (self->quit_accels);
      g_strfreev (self->close_accels);
      self->quit_accels = gtk_application_get_accels_for_action (app, "app.quit");
      self->close_accels = gtk_application_get_accels_for_action (app, "window.close");
      gtk_application_set_accels_for_action (app, "app.quit", (const char *[]) { NULL });
      gtk_application_set_accels_for_action (app, "window.close", (const char *[]) { NULL });
    }
  else
    {
      if (self->quit_accels != NULL)
        gtk_application_set_accels_for_action (app, "app.quit", (const char * const *) self->quit_accels);
      if (self->close_accels != NULL)
        gtk_application_set_accels_for_action (app, "window.close", (const char * const *) self->close_accels);
      g_clear_pointer (&self->quit_accels, g_strfreev);
      g_clear_pointer (&self->close_accels, g_strfreev);
    }

  set_action_enabled (self, "quit", !kiosk);
  set_action_enabled (self, "about", !kiosk);
  /* The windows follow: see cg_window_new(). */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIOSK]);
}

gboolean
cg_application_get_kiosk (CgApplication *self)
{
  g_return_val_if_fail (CG_IS_APPLICATION (self), FALSE);

  return self->kiosk;
}

/**
 * cg_application_set_content_dirs:
 * @content_dirs: (nullable): the clinic's content folders, as
 *   --content-dir gives them, later ones winning
 *
 * Reads the content from these folders too, from now on: the windows
 * follow the reload.
 */
void
cg_application_set_content_dirs (CgApplication      *self,
                                 const char * const *content_dirs)
{
  g_return_if_fail (CG_IS_APPLICATION (self));

  g_strfreev (self->content_dirs);
  self->content_dirs = g_strdupv ((char **) content_dirs);

  if (self->watcher != NULL)
    {
      g_auto(GStrv) folders = cg_application_dup_folders (self, NULL);

      cg_content_watcher_set_folders (self->watcher, (const char * const *) folders);
    }
}
