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
 * changes; how long until the new library and its search index are
 * ready, counted from the end of the settle pause (the file monitor
 * hears the save and the watcher starts the reload itself), and the CPU
 * time from the save on, every thread counted, against the CPU time of a full reload of
 * the same folder. Each figure is the median of RUNS edits. */

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

static void
library_cb (CgContentWatcher *watcher,
            GParamSpec       *pspec,
            guint            *n_changes)
{
  (*n_changes)++;
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cg-bench-reload-XXXXXX", &error);
  g_autoptr(CgContentWatcher) watcher = NULL;
  g_autoptr(GArray) walls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  const char *folders[] = { dir, NULL };
  double full_cpu, full_wall, start_cpu, start_wall, wall, cpu;
  guint n_changes = 0;
  guint partial_before;
  guint n_articles = N_ARTICLES;

  /* CG_BENCH_RELOAD_ARTICLES: a smaller corpus, to try the program out. */
  if (g_getenv ("CG_BENCH_RELOAD_ARTICLES") != NULL)
    n_articles = (guint) g_ascii_strtoull (g_getenv ("CG_BENCH_RELOAD_ARTICLES"), NULL, 10);

  if (dir == NULL || !cg_bench_corpus_write (dir, n_articles, CG_BENCH_CORPUS_SEED, NULL, &error))
    {
      g_printerr ("cg-bench-reload: %s\n", error->message);
      return 2;
    }

  watcher = cg_content_watcher_new (folders, "en");
  g_signal_connect (watcher, "notify::library", G_CALLBACK (library_cb), &n_changes);
  cg_content_watcher_load (watcher);

  /* A full reload of the same folder, warm, as a language change does it. */
  start_cpu = cpu_ms ();
  start_wall = now_ms ();
  cg_content_watcher_load (watcher);
  full_cpu = cpu_ms () - start_cpu;
  full_wall = now_ms () - start_wall;

  partial_before = cg_content_watcher_get_n_partial_reloads (watcher);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *path = g_strdup_printf ("%s/article-%05u.xml", dir, (1234 + run * 997) % n_articles);
      g_autofree char *contents = NULL;
      g_autofree char *edited = NULL;
      g_autofree char *mark = g_strdup_printf (" Edited in run %u.</p>", run);
      guint before = n_changes;
      char *end;

      if (!g_file_get_contents (path, &contents, NULL, &error))
        {
          g_printerr ("cg-bench-reload: %s\n", error->message);
          return 2;
        }

      /* A sentence more in the first paragraph: what an editor does. */
      end = strstr (contents, "</p>");
      g_assert (end != NULL);
      *end = '\0';
      edited = g_strconcat (contents, mark, end + strlen ("</p>"), NULL);
      start_cpu = cpu_ms ();
      if (!g_file_set_contents (path, edited, -1, &error))
        {
          g_printerr ("cg-bench-reload: %s\n", error->message);
          return 2;
        }

      /* The monitor hears the save; the settle timer starts the reload. */
      while (n_changes == before)
        g_main_context_iteration (NULL, TRUE);
      wall = now_ms () - cg_content_watcher_get_reload_started (watcher) / 1000.0;
      cpu = cpu_ms () - start_cpu;
      g_array_append_val (walls, wall);
      g_array_append_val (cpus, cpu);

      /* The events of the save come in afterwards and find nothing new. */
      while (cg_content_watcher_get_loading (watcher))
        g_main_context_iteration (NULL, TRUE);
      {
        gint64 quiet = g_get_monotonic_time () + 500 * 1000;

        while (g_get_monotonic_time () < quiet)
          g_main_context_iteration (NULL, FALSE), g_usleep (10000);
        while (cg_content_watcher_get_loading (watcher))
          g_main_context_iteration (NULL, TRUE);
      }
    }

  wall = cg_bench_percentile (walls, 50);
  cpu = cg_bench_percentile (cpus, 50);

  g_print ("full_reload_ms_10k: %.1f ms\n", full_wall);
  g_print ("full_reload_cpu_ms_10k: %.1f ms\n", full_cpu);
  g_print ("reload_one_file_cpu_ms_10k: %.1f ms\n", cpu);
  g_print ("partial_reloads: %u of %u\n",
           cg_content_watcher_get_n_partial_reloads (watcher) - partial_before, RUNS);
  report_target ("reload_one_file_ms_10k", wall, "ms", wall <= 300.0, "at most 300 ms after the settle");
  report_target ("reload_one_file_cpu_pct_10k", 100.0 * cpu / full_cpu, "%", cpu < full_cpu * 0.05,
                 "under 5 % of a full reload's CPU time");

  g_clear_object (&watcher);
  remove_tree (dir);

  return 0;
}
