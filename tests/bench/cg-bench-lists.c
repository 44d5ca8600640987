/* cg-bench-lists.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lists that scale (F10), for `make bench` (not a test: no timing is
 * asserted). In a window of 1100 x 760, prints:
 *   navigate_big_topic_ms   a topic of 2,000 items (500 articles, 1,500
 *                           questions) opened as the window opens it:
 *                           its page, built and laid out in idle time
 *                           beforehand (see cg-window-pages.c), shown in
 *                           the window's stack, up to the end of the frame
 *                           that paints it; p50, p95 and maximum over
 *                           ROUNDS openings
 *   navigate_big_topic_built_ms
 *                           the same page built on the visit, as when it
 *                           is opened before the idle time came
 *   problems_100k_open_ms   the problems page, a page of the window's
 *                           stack given a library of 100,000 problems,
 *                           shown: to the end of the frame that paints
 *                           it; p50, p95, maximum
 *   problems_100k_rss_mb    what that adds to the resident memory, the
 *                           library's problems already loaded; and
 *   problems_100k_rss_closed_mb
 *                           what is left of it once another page is shown
 *   scroll_big_topic_frame_ms, scroll_problems_frame_ms
 *                           each frame of SCROLL_FRAMES, scrolling the page
 *                           100 px a frame: p50, p95, maximum
 * with the rows each built, and each time's main-thread CPU time apart
 * (…_cpu_ms: on a shared machine, preemption inflates the wall time).
 * The time of a page is the main thread's: the request itself plus each
 * frame from its "before-paint" to its "after-paint"; the wait for the
 * frame clock's tick is not counted (as
 * in cg-bench-navigate.c). The windows are plain GtkWindows of
 * 1100 x 760 with a stack, the application's renderer choice and style
 * sheet.
 *
 * For profiling: CG_BENCH_VERBOSE prints every opening, its layout and
 * paint phases, and a snapshot and a render of it apart (CG_BENCH_NODE=FILE
 * saves that render node, to render again with parts left out);
 * CG_BENCH_SMALL_TOPIC=1 opens a topic of 20 items instead, and
 * CG_BENCH_PROBLEMS=N shows N problems: the floor to compare with. */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cg-bench-stats.h"
#include "cg-faq-row.h"
#include "cg-item-row.h"
#include "cg-problems-page.h"
#include "cg-renderer.h"
#include "cg-test-big.h"
#include "cg-topic-page.h"

#define ROUNDS 20
/* CG_BENCH_SMALL_TOPIC=1: 5 articles and 15 questions instead, to compare. */
#define N_ARTICLES (g_getenv ("CG_BENCH_SMALL_TOPIC") ? 5 : CG_TEST_BIG_ARTICLES)
#define N_QUESTIONS (g_getenv ("CG_BENCH_SMALL_TOPIC") ? 15 : CG_TEST_BIG_QUESTIONS)
/* CG_BENCH_PROBLEMS=n: n problems instead, to compare. */
#define N_PROBLEMS (g_getenv ("CG_BENCH_PROBLEMS") ? (guint) atoi (g_getenv ("CG_BENCH_PROBLEMS")) : CG_TEST_BIG_PROBLEMS)
#define FRAME_MS (1000.0 / 60.0)
#define SCROLL_FRAMES 120

/* The main thread's CPU time, in ms: under a loaded machine's preemption,
 * what the work itself costs. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

typedef struct
{
  double   cpu_start;
  double   cpu_ms;     /* of the frames */
  gint64   frame_start;
  gint64   layout_end;
  double   busy_ms;
  double   layout_ms;  /* styles, measure and allocate */
  double   paint_ms;   /* snapshot and render */
  gboolean painted;
} Frames;

static void
layout_cb (GdkFrameClock *clock,
           Frames        *frames)
{
  frames->layout_end = g_get_monotonic_time ();
  if (frames->frame_start != 0)
    frames->layout_ms += (frames->layout_end - frames->frame_start) / 1000.0;
}

static void
paint_cb (GdkFrameClock *clock,
          Frames        *frames)
{
  if (frames->layout_end != 0)
    frames->paint_ms += (g_get_monotonic_time () - frames->layout_end) / 1000.0;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->frame_start = g_get_monotonic_time ();
  frames->cpu_start = cpu_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  if (frames->frame_start == 0)
    return;
  frames->busy_ms += (g_get_monotonic_time () - frames->frame_start) / 1000.0;
  frames->cpu_ms += cpu_ms () - frames->cpu_start;
  frames->painted = TRUE;
}

/* The CPU time of the frames frames_until_painted() last waited for. */
static double last_frames_cpu_ms;

/* Main-thread time of the frames up to the first that paints @widget. */
static double
frames_until_painted (GtkWidget *window,
                      GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Frames frames = { 0 };
  gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &frames);
  gulong after = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);
  /* Connected after GTK's own handlers: they run when that phase is done. */
  gulong layout = g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &frames);
  gulong paint = g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), &frames);

  while (!frames.painted || !gtk_widget_get_mapped (widget))
    {
      frames.painted = FALSE;
      while (!frames.painted)
        g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
  g_signal_handler_disconnect (clock, layout);
  g_signal_handler_disconnect (clock, paint);
  if (g_getenv ("CG_BENCH_VERBOSE"))
    g_printerr (" [frames: layout %.2f ms, paint %.2f ms; CPU %.2f ms]", frames.layout_ms, frames.paint_ms, frames.cpu_ms);
  last_frames_cpu_ms = frames.cpu_ms;

  return frames.busy_ms;
}

/* Scrolls @scroller by @step pixels a frame, @n_frames times (back to the
 * top when it reaches the end), and adds each frame's main-thread time,
 * from its "before-paint" to its "after-paint", to @times. */
static void
scroll_frames (GtkWidget *window,
               GtkWidget *scroller,
               double     step,
               guint      n_frames,
               GArray    *times)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  /* A list too short to scroll draws no frame to wait for. */
  if (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) < 2 * step)
    return;

  for (guint i = 0; i < n_frames; i++)
    {
      double value = gtk_adjustment_get_value (adjustment) + step;
      double ms;

      if (value > gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
        value = 0;
      gtk_adjustment_set_value (adjustment, value);
      ms = frames_until_painted (window, scroller);
      g_array_append_val (times, ms);
    }
}

/* For profiling: the time to snapshot @widget, and to render that with
 * @window's renderer, apart. */
static void
print_snapshot_and_render (GtkWidget *window,
                           GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  gint64 start = g_get_monotonic_time ();
  gint64 snapshotted;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  snapshotted = g_get_monotonic_time ();
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  if (g_getenv ("CG_BENCH_NODE"))
    gsk_render_node_write_to_file (node, g_getenv ("CG_BENCH_NODE"), NULL);
  g_printerr (" [again: snapshot %.2f ms, render %.2f ms (%s)]",
              (snapshotted - start) / 1000.0, (g_get_monotonic_time () - snapshotted) / 1000.0,
              G_OBJECT_TYPE_NAME (renderer));
}

static void
quiet (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static double
rss_mb (void)
{
  g_autofree char *text = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &text, NULL, NULL) ||
      sscanf (text, "%lu %lu", &size, &resident) != 2)
    g_error ("cannot read /proc/self/statm");

  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static void
print_times (const char *name,
             GArray     *times)
{
  double p95;

  if (times->len == 0)
    {
      g_print ("%-30s none   (nothing to measure)\n", name);
      return;
    }

  p95 = cg_bench_percentile (times, 95);

  g_print ("%-30s p50 %6.2f  p95 %6.2f  max %6.2f   (target: within a frame, %.1f ms: %s)\n",
           name, cg_bench_percentile (times, 50), p95, cg_bench_percentile (times, 100),
           FRAME_MS, p95 <= FRAME_MS ? "met" : "MISSED");
}

/* One opening of @page: shown in @stack (built on the visit when
 * @build_on_visit, else built ahead, as the window builds its topic pages
 * in idle time), to the end of the frame that paints it. */
static double
open_topic_page (GtkWidget *window,
                 GtkWidget *stack,
                 CgLibrary *library,
                 CgTopic   *topic,
                 gboolean   build_on_visit,
                 double    *cpu_out,
                 guint     *rows_out)
{
  GtkWidget *between = gtk_stack_get_child_by_name (GTK_STACK (stack), "between");
  GtkWidget *page = NULL;
  gint64 start;
  double ms, cpu;

  gtk_stack_set_visible_child (GTK_STACK (stack), between);
  if (g_getenv ("CG_BENCH_VERBOSE"))
    {
      /* The floor: a frame that draws the whole window, with one label. */
      double floor_ms;

      gtk_widget_queue_draw (window);
      floor_ms = frames_until_painted (window, between);

      g_printerr (", a frame of one label %.2f ms\n", floor_ms);
    }
  if (!build_on_visit)
    {
      page = cg_topic_page_new (library, topic);
      gtk_stack_add_child (GTK_STACK (stack), page);
      cg_topic_page_lay_out_ahead (CG_TOPIC_PAGE (page), gtk_widget_get_width (stack),
                                   gtk_widget_get_height (stack));
    }
  quiet (60);

  start = g_get_monotonic_time ();
  cpu = cpu_ms ();
  if (build_on_visit)
    {
      page = cg_topic_page_new (library, topic);
      gtk_stack_add_child (GTK_STACK (stack), page);
    }
  gtk_stack_set_visible_child (GTK_STACK (stack), page);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  cpu = cpu_ms () - cpu;
  if (g_getenv ("CG_BENCH_VERBOSE"))
    g_printerr ("big topic (%s): request %.2f ms (CPU %.2f)", build_on_visit ? "built on the visit" : "built ahead", ms, cpu);
  ms += frames_until_painted (window, page);
  *cpu_out = cpu + last_frames_cpu_ms;
  if (g_getenv ("CG_BENCH_VERBOSE"))
    {
      g_printerr (", in all %.2f ms", ms);
      print_snapshot_and_render (window, page);
      g_printerr ("\n");
    }
  *rows_out = cg_test_big_count_widgets (page, CG_TYPE_ITEM_ROW) + cg_test_big_count_widgets (page, CG_TYPE_FAQ_ROW);

  gtk_stack_set_visible_child (GTK_STACK (stack), between);
  gtk_stack_remove (GTK_STACK (stack), page);

  return ms;
}

static void
bench_big_topic (void)
{
  g_autofree char *dir = cg_test_big_write_topic (N_ARTICLES, N_QUESTIONS, CG_TEST_BIG_WORDY);
  g_autoptr(CgLibrary) library = cg_test_big_load (dir);
  CgTopic *topic = cg_library_lookup_topic (library, "big");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  guint rows = 0;

  /* As the window shows its pages: in a stack. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Between"), "between");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  quiet (300);

  /* The page as the window shows it, built in idle time after the
   * window showed the library; then built on the visit, as when a reader
   * opens the topic in the first half second. */
  for (guint ahead = 0; ahead < 2; ahead++)
    {
      gboolean build_on_visit = ahead == 1;
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));

      /* A warm-up round first, which fills the glyph caches. */
      for (guint round = 0; round <= ROUNDS; round++)
        {
          double cpu;
          double ms = open_topic_page (window, stack, library, topic, build_on_visit, &cpu, &rows);

          if (round > 0)
            {
              g_array_append_val (times, ms);
              g_array_append_val (cpu_times, cpu);
            }
        }

      if (!build_on_visit)
        {
          print_times ("navigate_big_topic_ms", times);
          print_times ("navigate_big_topic_cpu_ms", cpu_times);
          g_print ("%-30s %u of %u\n", "navigate_big_topic_rows_built", rows, N_ARTICLES + N_QUESTIONS);
        }
      else
        {
          g_print ("%-30s p50 %6.2f  p95 %6.2f  max %6.2f   (the page built on the visit)\n",
                   "navigate_big_topic_built_ms", cg_bench_percentile (times, 50),
                   cg_bench_percentile (times, 95), cg_bench_percentile (times, 100));
          g_print ("%-30s p50 %6.2f  p95 %6.2f  max %6.2f\n",
                   "navigate_big_topic_built_cpu_ms", cg_bench_percentile (cpu_times, 50),
                   cg_bench_percentile (cpu_times, 95), cg_bench_percentile (cpu_times, 100));
        }
    }

  /* Scrolling through it: a wheel's fast pace, 100 px a frame (six
   * thousand a second), rows made and let go as they come and go. */
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
    GtkWidget *page = cg_topic_page_new (library, topic);
    GtkWidget *scroller = gtk_widget_get_ancestor (cg_topic_page_get_articles_list (CG_TOPIC_PAGE (page)),
                                                   GTK_TYPE_SCROLLED_WINDOW);

    gtk_stack_add_child (GTK_STACK (stack), page);
    gtk_stack_set_visible_child (GTK_STACK (stack), page);
    frames_until_painted (window, page);
    quiet (100);
    scroll_frames (window, scroller, 100, SCROLL_FRAMES, times);
    print_times ("scroll_big_topic_frame_ms", times);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cg_test_big_remove_dir (dir);
}

static void
bench_problems (void)
{
  g_autoptr(CgLibrary) library = cg_test_big_problems (N_PROBLEMS, CG_TEST_BIG_WORDY);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *between = gtk_label_new ("Between");
  GtkWidget *page = cg_problems_page_new ();
  double rss_before = 0, rss_open = 0, rss_closed = 0;
  double first_added = 0, first_left = 0;
  guint rows = 0;

  /* As the main window keeps it: a page of its content stack, given each
   * library as the window shows it, with no rows while another page is
   * shown. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_stack_add_child (GTK_STACK (stack), between);
  gtk_stack_add_child (GTK_STACK (stack), page);
  gtk_window_set_child (GTK_WINDOW (window), stack);
  cg_problems_page_set_library (CG_PROBLEMS_PAGE (page), library);
  gtk_window_present (GTK_WINDOW (window));
  quiet (300);

  for (guint round = 0; round <= ROUNDS; round++)
    {
      gint64 start;
      double ms, cpu;

      gtk_stack_set_visible_child (GTK_STACK (stack), between);
      quiet (100);
      rss_before = rss_mb ();

      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      gtk_stack_set_visible_child (GTK_STACK (stack), page);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu = cpu_ms () - cpu;
      if (g_getenv ("CG_BENCH_VERBOSE"))
        g_printerr ("problems %u: request %.2f ms (CPU %.2f)", round, ms, cpu);
      ms += frames_until_painted (window, page);
      cpu += last_frames_cpu_ms;
      if (round > 0)
        {
          g_array_append_val (times, ms);
          g_array_append_val (cpu_times, cpu);
        }
      if (g_getenv ("CG_BENCH_VERBOSE"))
        {
          g_printerr (", in all %.2f ms", ms);
          print_snapshot_and_render (window, page);
          g_printerr ("\n");
        }
      quiet (100);
      rss_open = rss_mb ();
      rows = cg_test_big_count_widgets (cg_problems_page_get_list (CG_PROBLEMS_PAGE (page)), GTK_TYPE_LABEL);

      /* Leaving the page: another one shown. */
      gtk_stack_set_visible_child (GTK_STACK (stack), between);
      quiet (100);
      rss_closed = rss_mb ();
      /* The first opening is the one that grows the heap; the next ones
       * reuse what it freed. */
      if (round == 0)
        {
          first_added = rss_open - rss_before;
          first_left = rss_closed - rss_before;
        }
    }

  /* Scrolling through them, as through the big topic. */
  {
    g_autoptr(GArray) scroll_times = g_array_new (FALSE, FALSE, sizeof (double));
    GtkWidget *scroller = gtk_widget_get_ancestor (cg_problems_page_get_list (CG_PROBLEMS_PAGE (page)),
                                                   GTK_TYPE_SCROLLED_WINDOW);

    gtk_stack_set_visible_child (GTK_STACK (stack), page);
    frames_until_painted (window, page);
    quiet (100);
    scroll_frames (window, scroller, 100, SCROLL_FRAMES, scroll_times);
    print_times ("scroll_problems_frame_ms", scroll_times);
  }

  print_times ("problems_100k_open_ms", times);
  print_times ("problems_100k_open_cpu_ms", cpu_times);
  g_print ("%-30s %u of %u\n", "problems_100k_rows_built", rows, N_PROBLEMS);
  g_print ("%-30s %6.1f   (first opening; target: under 20 MB: %s)\n", "problems_100k_rss_mb",
           first_added, first_added < 20 ? "met" : "MISSED");
  g_print ("%-30s %6.1f   (left once another page is shown; %.1f after %u more)\n",
           "problems_100k_rss_closed_mb", first_left, rss_closed - rss_before, ROUNDS);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_init ();
  adw_init ();

  /* As the application draws and styles its windows. */
  cg_renderer_choose (gdk_display_get_default ());
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  bench_big_topic ();
  bench_problems ();

  return 0;
}
