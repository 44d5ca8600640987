/* cg-bench.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "cg-bench-corpus.h"
#include "cg-bench-stats.h"
#include "cg-content-loader.h"
#include "cg-content-loader-private.h"
#include "cg-search-eval.h"
#include "cg-search-index.h"

/* `make bench`: how fast content loads, how fast the index builds, how
 * much memory it all takes, and how fast search answers while someone
 * types, at 100, 1,000 and 10,000 articles, next to a naive substring scan.
 *
 * Each size runs in a child process of its own (cg-bench --size N), so
 * that its peak memory is its own, RUNS times: every figure printed is the
 * median of its runs, since one run on a machine that is doing other
 * things too can be half as fast again. Output: one `name: value unit`
 * line per figure, the targets beside the ones that have one.
 *
 * Then how long a content file of about 2 MB takes to be refused when it
 * has a mistake in every paragraph or entry, next to a valid one of the
 * same size (`cg-bench --broken` measures only that).
 *
 * For profiling: `cg-bench --write-corpus DIR N` writes a corpus and
 * exits; with CG_BENCH_VERBOSE set, every query's time goes to standard
 * error; CG_BENCH_REPEAT=n searches n more rounds before measuring; with
 * CG_BENCH_PHASES set, where the memory and processor time went at each
 * step of a size's run (resident, allocator, SQLite) goes there too. */

static const guint sizes[] = { 100, 1000, 10000 };
static const char * const size_names[] = { "100", "1k", "10k" };

#define RESULTS_PER_QUERY  CG_SEARCH_INDEX_DEFAULT_LIMIT

/* Every sequence is typed this many times: more samples, steadier
 * percentiles on a machine that is doing other things too. */
#define ROUNDS 3

/* Child processes per size. */
#define RUNS 3

/* What patients type, one keystroke at a time. */
static const char * const typed_queries[] = {
  "microneedling acne scars",
  "hair loss",
  "does it hurt",
  "collagen induction therapy",
  "recovery time after treatment",
  "micronedling",          /* misspelt */
  "sunscreen aftercare",
  "how long until I can go back to work",
  NULL,                    /* a rare word of the corpus, filled in at run time */
};

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1e6;
}

static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *line = strstr (status, "VmHWM:");

      if (line != NULL)
        return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
    }

  getrusage (RUSAGE_SELF, &usage);
  return (double) usage.ru_maxrss / 1024.0;
}

static double
status_mb (const char *status,
           const char *field)
{
  const char *line = status ? strstr (status, field) : NULL;

  return line ? g_ascii_strtod (line + strlen (field), NULL) / 1024.0 : 0.0;
}

/* CG_BENCH_PHASES: the processor time so far (all threads), resident
 * memory now and at its peak, and how the heap and SQLite hold theirs:
 * what told where rss_mb went (F10). */
static void
phase (const char *step)
{
  g_autofree char *status = NULL;
  struct rusage usage;

  if (g_getenv ("CG_BENCH_PHASES") == NULL)
    return;

  getrusage (RUSAGE_SELF, &usage);
  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  g_printerr ("phase %-9s cpu %5.2f s (sys %4.2f)  rss %6.1f MB (peak %6.1f)  sqlite %5.1f MB (peak %5.1f)",
              step, usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                    usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6,
              usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6,
              status_mb (status, "VmRSS:"), status_mb (status, "VmHWM:"),
              sqlite3_memory_used () / 1048576.0, sqlite3_memory_highwater (0) / 1048576.0);
#ifdef __GLIBC__
  {
    struct mallinfo2 info = mallinfo2 ();

    g_printerr ("  heap %6.1f MB in use, %5.1f MB free", (info.uordblks + info.hblkhd) / 1048576.0,
                info.fordblks / 1048576.0);
  }
#endif
  g_printerr ("\n");
}

static GPtrArray *
keystrokes (void)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  const char *rare = cg_bench_corpus_pseudo_word (5000);

  for (guint q = 0; q < G_N_ELEMENTS (typed_queries); q++)
    {
      const char *query = typed_queries[q] ? typed_queries[q] : rare;

      for (const char *p = query; *p != '\0'; p = g_utf8_next_char (p))
        g_ptr_array_add (queries, g_strndup (query, g_utf8_next_char (p) - query));
    }

  return queries;
}

/* The naive way: every word a case-folded substring of an item's text. */
typedef struct
{
  GPtrArray *texts;   /* case-folded title, keywords and text of each item */
} Baseline;

static void
baseline_init (Baseline  *baseline,
               CgLibrary *library)
{
  GListModel *items = cg_library_get_items (library);

  baseline->texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (items, i);
      g_autofree char *body = cg_document_get_text (cg_item_get_document (item));
      g_autofree char *keywords = g_strjoinv (" ", (char **) cg_item_get_keywords (item));
      g_autofree char *all = g_strjoin ("\n", cg_item_get_title (item), keywords, body, NULL);

      g_ptr_array_add (baseline->texts, g_utf8_casefold (all, -1));
    }
}

static guint
baseline_search (Baseline   *baseline,
                 const char *query)
{
  g_autofree char *folded = g_utf8_casefold (query, -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t", -1);
  guint found = 0;

  for (guint i = 0; i < baseline->texts->len; i++)
    {
      const char *text = g_ptr_array_index (baseline->texts, i);
      gboolean match = TRUE;

      for (guint w = 0; match && words[w] != NULL; w++)
        if (words[w][0] != '\0' && strstr (text, words[w]) == NULL)
          match = FALSE;

      if (match)
        found++;
    }

  return found;
}

static gboolean
remove_tree (GFile   *file,
             GError **error)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, error) && child != NULL)
        if (!g_file_delete (child, NULL, error))
          return FALSE;
    }

  return g_file_delete (file, NULL, error);
}

/* One size, in this process. */
static int
run_size (guint n_articles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgContentLoader) loader = NULL;
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(CgSearchIndex) index = NULL;
  g_autoptr(GPtrArray) queries = keystrokes ();
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline_latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) dir_file = NULL;
  g_autofree char *dir = NULL;
  const char *name = NULL;
  Baseline baseline = { 0 };
  guint n_entries = 0, n_items, n_problems, n_results = 0;
  double start, load_ms, index_ms, rss_indexed;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (sizes[i] == n_articles)
      name = size_names[i];
  if (name == NULL)
    name = "custom";

  dir = g_dir_make_tmp ("cg-bench-XXXXXX", &error);
  if (dir == NULL || !cg_bench_corpus_write (dir, n_articles, CG_BENCH_CORPUS_SEED, &n_entries, &error))
    {
      g_printerr ("cg-bench: cannot write the corpus: %s\n", error->message);
      return 2;
    }
  dir_file = g_file_new_for_path (dir);

  phase ("corpus");
  start = now_ms ();
  loader = cg_content_loader_new ();
  cg_content_loader_add_path (loader, dir, NULL);
  library = cg_content_loader_load (loader, NULL);
  load_ms = now_ms () - start;
  phase ("loaded");

  n_items = g_list_model_get_n_items (cg_library_get_items (library));
  n_problems = cg_library_get_problems (library)->len;
  if (n_problems > 0)
    {
      g_autofree char *first = cg_problem_to_string (g_ptr_array_index (cg_library_get_problems (library), 0));
      g_printerr ("cg-bench: the generated corpus has %u problems, the first: %s\n", n_problems, first);
    }

  start = now_ms ();
  index = cg_search_index_new_for_library (library, &error);
  index_ms = now_ms () - start;
  phase ("indexed");
  if (index == NULL)
    {
      g_printerr ("cg-bench: cannot build the index: %s\n", error->message);
      remove_tree (dir_file, NULL);
      return 2;
    }

  /* Warm up the caches once, as a running application would have. */
  g_object_unref (cg_search_index_search (index, "warm up", NULL, 1, NULL, NULL));

  /* CG_BENCH_REPEAT=n searches n more rounds first, for a profiler. */
  if (g_getenv ("CG_BENCH_REPEAT") != NULL)
    {
      guint n = (guint) g_ascii_strtoull (g_getenv ("CG_BENCH_REPEAT"), NULL, 10);

      for (guint q = 0; q < queries->len * n; q++)
        {
          g_autoptr(GListModel) results = NULL;

          results = cg_search_index_search (index, g_ptr_array_index (queries, q % queries->len),
                                            NULL, RESULTS_PER_QUERY, NULL, NULL);
        }
    }

  for (guint q = 0; q < queries->len * ROUNDS; q++)
    {
      g_autoptr(GListModel) results = NULL;
      g_autofree char *suggestion = NULL;
      const char *query = g_ptr_array_index (queries, q % queries->len);
      double elapsed;

      start = now_ms ();
      results = cg_search_index_search (index, query, NULL, RESULTS_PER_QUERY, &suggestion, &error);
      elapsed = now_ms () - start;

      if (results == NULL)
        {
          g_printerr ("cg-bench: search failed: %s\n", error->message);
          remove_tree (dir_file, NULL);
          return 2;
        }

      n_results += g_list_model_get_n_items (results);
      g_array_append_val (latencies, elapsed);

      if (g_getenv ("CG_BENCH_VERBOSE") != NULL)
        g_printerr ("%8.3f ms  %3u results  “%s”%s%s\n", elapsed, g_list_model_get_n_items (results),
                    query, suggestion ? " → " : "", suggestion ? suggestion : "");
    }

  /* The peak so far is the library's and the index's; the naive scan's
   * case-folded copy of every text comes on top of it. */
  rss_indexed = peak_rss_mb ();
  phase ("searched");
  baseline_init (&baseline, library);
  phase ("baseline");
  for (guint q = 0; q < queries->len * ROUNDS; q++)
    {
      double elapsed;
      guint found;

      start = now_ms ();
      found = baseline_search (&baseline, g_ptr_array_index (queries, q % queries->len));
      elapsed = now_ms () - start;

      /* Keep the compiler from dropping the scan. */
      if (found == G_MAXUINT)
        g_print ("?");
      g_array_append_val (baseline_latencies, elapsed);
    }
  g_ptr_array_unref (baseline.texts);

  g_print ("articles_%s: %u articles\n", name, n_articles);
  g_print ("items_%s: %u items\n", name, n_items);
  g_print ("faq_entries_%s: %u entries\n", name, n_entries);
  g_print ("problems_%s: %u problems\n", name, n_problems);
  g_print ("load_ms_%s: %.1f ms\n", name, load_ms);
  g_print ("index_build_ms_%s: %.1f ms\n", name, index_ms);
  g_print ("rss_mb_%s: %.1f MB\n", name, peak_rss_mb ());
  g_print ("rss_before_baseline_mb_%s: %.1f MB\n", name, rss_indexed);
  g_print ("queries_%s: %u queries\n", name, queries->len * ROUNDS);
  g_print ("results_per_query_%s: %.1f results\n", name, (double) n_results / (queries->len * ROUNDS));
  g_print ("search_p50_ms_%s: %.3f ms\n", name, cg_bench_percentile (latencies, 50));
  g_print ("search_p95_ms_%s: %.3f ms\n", name, cg_bench_percentile (latencies, 95));
  g_print ("search_max_ms_%s: %.3f ms\n", name, cg_bench_percentile (latencies, 100));
  g_print ("baseline_p50_ms_%s: %.3f ms\n", name, cg_bench_percentile (baseline_latencies, 50));
  g_print ("baseline_p95_ms_%s: %.3f ms\n", name, cg_bench_percentile (baseline_latencies, 95));

  if (!remove_tree (dir_file, &error))
    g_printerr ("cg-bench: cannot remove %s: %s\n", dir, error->message);

  return 0;
}

static double
lookup (GHashTable *figures,
        const char *name)
{
  const char *value = g_hash_table_lookup (figures, name);

  return value ? g_ascii_strtod (value, NULL) : -1.0;
}

static void
parse_figures (GHashTable *figures,
               const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');

      if (colon != NULL)
        g_hash_table_replace (figures, g_strndup (lines[i], colon - lines[i]), g_strdup (colon + 1));
    }
}

static gboolean
report_target (const char *name,
               double      value,
               const char *unit,
               gboolean    met,
               const char *target)
{
  g_print ("%s: %.3f %s  (target: %s: %s)\n", name, value, unit, target, met ? "met" : "NOT MET");
  return met;
}

/* About 2 MB of content file, every paragraph (or entry) made of @row,
 * with its number in place of the first %u when it has one. */
static GBytes *
broken_file (const char *row,
             gboolean    faq)
{
  GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_string_append (text, faq ? "<faq>\n" : "<article id=\"broken\" topic=\"about\" order=\"99\">\n"
                   "<title>Broken</title>\n<summary>S.</summary>\n"
                   "<review date=\"2026-11-02\" by=\"x\"/>\n<body>\n");
  for (guint i = 0; text->len < 2 * 1024 * 1024; i++)
    {
      const char *number = strstr (row, "%u");

      if (number != NULL)
        {
          g_string_append_len (text, row, number - row);
          g_string_append_printf (text, "%u", i);
          g_string_append (text, number + 2);
        }
      else
        g_string_append (text, row);
    }
  g_string_append (text, faq ? "</faq>\n" : "</body>\n</article>\n");

  return g_string_free_to_bytes (text);
}

/* The median time of loading @data alone, as a clinic's folder would be. */
static double
load_one_ms (GBytes *data)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
      g_autoptr(CgLibrary) library = NULL;
      double start = now_ms (), elapsed;

      cg_content_loader_add_bytes (loader, "broken.xml", data);
      library = cg_content_loader_load (loader, NULL);
      elapsed = now_ms () - start;
      g_array_append_val (times, elapsed);
    }

  return cg_bench_percentile (times, 50);
}

/* A file with thousands of mistakes is refused about as fast as a valid
 * one is read (it once took minutes); the time is measured here, never
 * asserted by a test. */
static guint
run_broken (guint *n_targets)
{
  static const struct
  {
    const char *name;
    const char *row;
    gboolean    faq;
  } shapes[] = {
    { "validate_valid_2mb_ms", "<p>Text <em>fine</em> more.</p>\n", FALSE },
    { "validate_broken_2mb_ms", "<p>Text <bogus%u/> more.</p>\n", FALSE },
    { "validate_misplaced_2mb_ms", "<p>Text <title/> more.</p>\n", FALSE },
    { "validate_bad_attributes_2mb_ms", "<p class=\"c%u\">Text more.</p>\n", FALSE },
    { "validate_bad_faq_2mb_ms", "<entry id=\"q%u\" topic=\"about\"><question>Q?</question>"
                                 "<answer><p>A <bogus/></p></answer></entry>\n", TRUE },
  };
  double valid = 0.0, slowest = 0.0;

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(GBytes) data = broken_file (shapes[i].row, shapes[i].faq);
      double elapsed = load_one_ms (data);

      g_print ("%s: %.1f ms\n", shapes[i].name, elapsed);
      if (i == 0)
        valid = elapsed;
      else
        slowest = MAX (slowest, elapsed);
    }

  *n_targets += 1;
  return report_target ("validate_broken_vs_valid_2mb", valid > 0 ? slowest / valid : 0.0, "x",
                        valid > 0 && slowest <= 3.0 * valid,
                        "the slowest broken file at most 3 times the valid one");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GHashTable) figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *self = NULL;
  guint n_met = 0, n_targets = 0;
  double total_start = now_ms ();

  if (argc == 3 && g_str_equal (argv[1], "--size"))
    return run_size ((guint) g_ascii_strtoull (argv[2], NULL, 10));

  if (argc == 4 && g_str_equal (argv[1], "--write-corpus"))
    {
      g_autoptr(GError) error = NULL;
      guint n_entries = 0;

      if (g_mkdir_with_parents (argv[2], 0755) != 0 ||
          !cg_bench_corpus_write (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10),
                                  CG_BENCH_CORPUS_SEED, &n_entries, &error))
        {
          g_printerr ("cg-bench: %s\n", error ? error->message : g_strerror (errno));
          return 2;
        }
      g_print ("wrote %s articles and %u FAQ entries to %s\n", argv[3], n_entries, argv[2]);
      return 0;
    }

  if (argc == 2 && g_str_equal (argv[1], "--broken"))
    {
      n_met = run_broken (&n_targets);
      g_print ("targets_met: %u of %u\n", n_met, n_targets);
      return 0;
    }

  if (argc != 1)
    {
      g_printerr ("usage: cg-bench [--size N | --write-corpus DIR N | --broken]\n");
      return 2;
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *size = g_strdup_printf ("%u", sizes[i]);
      g_autofree char *first = NULL;
      g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
      g_auto(GStrv) lines = NULL;

      for (guint r = 0; r < RUNS; r++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *output = NULL;
          const char *child_argv[] = { self, "--size", size, NULL };
          GHashTable *run = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          int status = 0;

          g_ptr_array_add (runs, run);
          if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                             NULL, NULL, &output, NULL, &status, &error) ||
              !g_spawn_check_wait_status (status, &error))
            {
              g_printerr ("cg-bench: the run at %u articles failed: %s\n", sizes[i], error->message);
              return 2;
            }

          parse_figures (run, output);
          if (first == NULL)
            first = g_steal_pointer (&output);
        }

      /* In the order and units of the first run, each figure's median. */
      lines = g_strsplit (first, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          const char *colon = strchr (lines[l], ':');
          g_autofree char *name = NULL;
          g_autofree char *value = NULL;
          g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
          const char *number, *point, *unit;
          int decimals;

          if (colon == NULL)
            continue;

          name = g_strndup (lines[l], colon - lines[l]);
          number = colon + 1 + strspn (colon + 1, " ");
          g_ascii_strtod (number, (char **) &unit);
          /* As precise as the runs print it. */
          point = memchr (number, '.', unit - number);
          decimals = point != NULL ? (int) (unit - point - 1) : 0;
          for (guint r = 0; r < runs->len; r++)
            {
              double v = lookup (g_ptr_array_index (runs, r), name);

              g_array_append_val (values, v);
            }
          value = g_strdup_printf (" %.*f%s", decimals, cg_bench_percentile (values, 50), unit);
          g_print ("%s:%s\n", name, value);
          g_hash_table_replace (figures, g_steal_pointer (&name), g_steal_pointer (&value));
        }
    }

  g_print ("\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *load = g_strdup_printf ("load_ms_%s", size_names[i]);
      g_autofree char *build = g_strdup_printf ("index_build_ms_%s", size_names[i]);
      g_autofree char *p95 = g_strdup_printf ("search_p95_ms_%s", size_names[i]);
      g_autofree char *baseline = g_strdup_printf ("baseline_p95_ms_%s", size_names[i]);
      g_autofree char *name = NULL;
      double search = lookup (figures, p95);

      name = g_strdup_printf ("load_and_index_ms_%s", size_names[i]);
      g_print ("%s: %.1f ms\n", name, lookup (figures, load) + lookup (figures, build));
      name = (g_free (name), g_strdup_printf ("speedup_p95_%s", size_names[i]));
      g_print ("%s: %.1f x\n", name, search > 0 ? lookup (figures, baseline) / search : 0.0);
    }

  g_print ("\n");
  {
    double search = lookup (figures, "search_p95_ms_10k");
    double baseline = lookup (figures, "baseline_p95_ms_10k");
    double load = lookup (figures, "load_ms_10k") + lookup (figures, "index_build_ms_10k");

    n_targets = 3;
    n_met += report_target ("search_p95_ms_10k", search, "ms", search >= 0 && search <= 2.0,
                            "at most 2 ms");
    n_met += report_target ("speedup_p95_10k", search > 0 ? baseline / search : 0.0, "x",
                            search > 0 && baseline / search >= 10.0,
                            "at least 10 times faster than the baseline");
    n_met += report_target ("load_and_index_ms_10k", load, "ms", load <= 1500.0,
                            "at most 1500 ms");
  }

  /* F13: how well the labelled questions of tests/data/search-eval/ are
   * answered over the bundled content, language by language. */
  g_print ("\n");
  {
    static const char * const languages[] = { "en", "fr", "es", "pl", "ar" };
    g_autofree char *eval_dir = g_build_filename (CG_SOURCE_DIR, "tests", "data", "search-eval", NULL);

    for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *first_name = g_strdup_printf ("search_rank1_%s", languages[i]);
        g_autofree char *mrr_name = g_strdup_printf ("search_mrr_%s", languages[i]);
        CgSearchEval eval;
        double first;

        if (!cg_search_eval_run (eval_dir, languages[i], &eval, &error))
          {
            g_printerr ("cg-bench: the labelled questions in %s: %s\n", languages[i], error->message);
            cg_search_eval_clear (&eval);
            n_targets += 2;
            continue;
          }

        first = eval.n_questions > 0 ? (double) eval.n_first / eval.n_questions : 0.0;
        g_print ("search_questions_%s: %u questions\n", languages[i], eval.n_questions);
        n_targets += 2;
        n_met += report_target (first_name, first, "", first >= 0.95, "at least 0.95");
        n_met += report_target (mrr_name, eval.mrr, "", eval.mrr >= 0.97, "at least 0.97");
        for (guint m = 0; m < eval.misses->len; m++)
          g_print ("  miss: %s\n", (const char *) g_ptr_array_index (eval.misses, m));
        cg_search_eval_clear (&eval);
      }
  }

  g_print ("\n");
  n_met += run_broken (&n_targets);

  g_print ("targets_met: %u of %u\n", n_met, n_targets);
  g_print ("bench_total_s: %.1f s\n", (now_ms () - total_start) / 1000.0);

  return 0;
}
