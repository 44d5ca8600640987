/* cg-bench-reload.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "cg-bench-corpus.h"
#include "cg-bench-stats.h"
#include "cg-content-watcher-private.h"

/* `make bench` (F10): one article of a running 10,000-article library
 * changes, or one is added, or removed; how long until the new library
 * and its search index are ready, counted from the end of the settle
 * pause (the file monitor hears the save and the watcher starts the
 * reload itself), and the CPU time from the save on, every thread
 * counted, against the CPU time of a full reload of the same folder;
 * and the longest the main thread, the UI's in the application, was
 * busy in one turn of its loop from the save to the swap: a reload must
 * not make it wait for the index. Each figure is the median of RUNS
 * changes. */

#define N_ARTICLES 10000
#define RUNS       5

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

/* One turn of the main loop, without waiting in it: how long this
 * thread worked in it, in ms. Nothing to do: a short sleep. */
static double
iterate (void)
{
  gint64 start = g_get_monotonic_time ();

  if (!g_main_context_iteration (NULL, FALSE))
    {
      g_usleep (1000);
      return 0;
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
report_target (const char *name,
               double      value,
               const char *unit,
               gboolean    met,
               const char *target)
{
  g_print ("%s: %.1f %s  (target: %s: %s)\n", name, value, unit, target, met ? "met" : "NOT MET");
}

typedef enum
{
  CHANGE_EDIT,
  CHANGE_ADD,
  CHANGE_REMOVE,
} Change;

typedef struct
{
  CgContentWatcher *watcher;
  const char       *dir;
  guint             n_articles;
  guint             n_changes;
} Bench;

/* The file of run @run: an article of the corpus to edit, or a copy of
 * one, under an id of its own, to add and then remove. */
static char *
path_for (Bench  *bench,
          Change  change,
          guint   run)
{
  if (change == CHANGE_EDIT)
    return g_strdup_printf ("%s/article-%05u.xml", bench->dir, (1234 + run * 997) % bench->n_articles);

  return g_strdup_printf ("%s/added-%02u.xml", bench->dir, run);
}

static gboolean
make_change (Bench    *bench,
             Change    change,
             guint     run,
             GError  **error)
{
  g_autofree char *path = path_for (bench, change, run);
  g_autofree char *source = g_strdup_printf ("%s/article-%05u.xml", bench->dir,
                                             (4321 + run * 991) % bench->n_articles);
  g_autofree char *contents = NULL;
  g_autofree char *edited = NULL;
  char *end;

  if (change == CHANGE_REMOVE)
    {
      if (g_unlink (path) != 0)
        return g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot remove %s", path), FALSE;
      return TRUE;
    }

  if (!g_file_get_contents (change == CHANGE_EDIT ? path : source, &contents, NULL, error))
    return FALSE;

  if (change == CHANGE_EDIT)
    {
      g_autofree char *mark = g_strdup_printf (" Edited in run %u.</p>", run);

      /* A sentence more in the first paragraph: what an editor does. */
      end = strstr (contents, "</p>");
      g_assert (end != NULL);
      *end = '\0';
      edited = g_strconcat (contents, mark, end + strlen ("</p>"), NULL);
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("<article id=\"added-%u-", run);

      /* A new article: the copy of another under an id nothing knows. */
      end = strstr (contents, "<article id=\"");
      g_assert (end != NULL);
      *end = '\0';
      edited = g_strconcat (contents, id, end + strlen ("<article id=\""), NULL);
    }

  return g_file_set_contents (path, edited, -1, error);
}

/* The medians of RUNS changes: wall time from the settle, CPU from the
 * save, the main thread's longest turn from the save to the swap. */
static gboolean
measure (Bench    *bench,
         Change    change,
         double   *wall_ms,
         double   *cpu_ms_out,
         double   *ui_ms,
         guint    *n_partial,
         GError  **error)
{
  g_autoptr(GArray) walls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) turns = g_array_new (FALSE, FALSE, sizeof (double));
  guint partial_before = cg_content_watcher_get_n_partial_reloads (bench->watcher);

  for (guint run = 0; run < RUNS; run++)
    {
      guint before = bench->n_changes;
      double start_cpu = cpu_ms ();
      double wall, cpu, longest = 0;

      if (!make_change (bench, change, run, error))
        return FALSE;

      /* The monitor hears the save; the settle timer starts the reload. */
      while (bench->n_changes == before)
        {
          double turn = iterate ();

          longest = MAX (longest, turn);
        }
      wall = now_ms () - cg_content_watcher_get_reload_started (bench->watcher) / 1000.0;
      cpu = cpu_ms () - start_cpu;
      g_array_append_val (walls, wall);
      g_array_append_val (cpus, cpu);
      g_array_append_val (turns, longest);

      /* The events of the save come in afterwards and find nothing new. */
      while (cg_content_watcher_get_loading (bench->watcher))
        g_main_context_iteration (NULL, TRUE);
      {
        gint64 quiet = g_get_monotonic_time () + 500 * 1000;

        while (g_get_monotonic_time () < quiet)
          g_main_context_iteration (NULL, FALSE), g_usleep (10000);
        while (cg_content_watcher_get_loading (bench->watcher))
          g_main_context_iteration (NULL, TRUE);
      }
    }

  *wall_ms = cg_bench_percentile (walls, 50);
  *cpu_ms_out = cg_bench_percentile (cpus, 50);
  *ui_ms = cg_bench_percentile (turns, 50);
  *n_partial = cg_content_watcher_get_n_partial_reloads (bench->watcher) - partial_before;

  return TRUE;
}

static void
library_changed_cb (CgContentWatcher *watcher,
                    GParamSpec       *pspec,
                    Bench            *bench)
{
  bench->n_changes++;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cg-bench-reload-XXXXXX", &error);
  g_autoptr(CgContentWatcher) watcher = NULL;
  const char *folders[] = { dir, NULL };
  static const struct
  {
    Change      change;
    const char *name;
  } changes[] = {
    { CHANGE_EDIT, "one_file" },
    { CHANGE_ADD, "add_file" },
    { CHANGE_REMOVE, "remove_file" },
  };
  double full_cpu, full_wall, start_cpu, start_wall;
  guint n_articles = N_ARTICLES;
  Bench bench = { 0 };

  /* CG_BENCH_RELOAD_ARTICLES: a smaller corpus, to try the program out. */
  if (g_getenv ("CG_BENCH_RELOAD_ARTICLES") != NULL)
    n_articles = (guint) g_ascii_strtoull (g_getenv ("CG_BENCH_RELOAD_ARTICLES"), NULL, 10);

  if (dir == NULL || !cg_bench_corpus_write (dir, n_articles, CG_BENCH_CORPUS_SEED, NULL, &error))
    {
      g_printerr ("cg-bench-reload: %s\n", error->message);
      return 2;
    }

  watcher = cg_content_watcher_new (folders, "en");
  bench.watcher = watcher;
  bench.dir = dir;
  bench.n_articles = n_articles;
  g_signal_connect (watcher, "notify::library", G_CALLBACK (library_changed_cb), &bench);
  cg_content_watcher_load (watcher);

  /* A full reload of the same folder, warm, as a language change does it. */
  start_cpu = cpu_ms ();
  start_wall = now_ms ();
  cg_content_watcher_load (watcher);
  full_cpu = cpu_ms () - start_cpu;
  full_wall = now_ms () - start_wall;

  g_print ("full_reload_ms_10k: %.1f ms\n", full_wall);
  g_print ("full_reload_cpu_ms_10k: %.1f ms\n", full_cpu);

  for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
    {
      g_autofree char *wall_name = g_strdup_printf ("reload_%s_ms_10k", changes[c].name);
      g_autofree char *pct_name = g_strdup_printf ("reload_%s_cpu_pct_10k", changes[c].name);
      guint full_before = cg_content_watcher_get_n_full_reloads (watcher);
      double wall, cpu, ui;
      guint n_partial;

      if (!measure (&bench, changes[c].change, &wall, &cpu, &ui, &n_partial, &error))
        {
          g_printerr ("cg-bench-reload: %s\n", error->message);
          return 2;
        }

      g_print ("reload_%s_cpu_ms_10k: %.1f ms\n", changes[c].name, cpu);
      g_print ("reload_%s_ui_turn_ms_10k: %.2f ms (the main thread's longest turn, save to swap)\n",
               changes[c].name, ui);
      g_print ("reload_%s: %u of %u partial, %u full\n", changes[c].name, n_partial, RUNS,
               cg_content_watcher_get_n_full_reloads (watcher) - full_before);
      report_target (wall_name, wall, "ms", wall <= 300.0, "at most 300 ms after the settle");
      report_target (pct_name, 100.0 * cpu / full_cpu, "%", cpu < full_cpu * 0.05,
                     "under 5 % of a full reload's CPU time");
    }

  g_clear_object (&watcher);
  remove_tree (dir);

  return 0;
}
