/* cg-bench-navigate.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long the reading window keeps the main thread busy to show another
 * page, for `make bench` (not a test: no timing is asserted). The window is
 * a real CgWindow at 1100 x 760 on the bundled content, loaded by the
 * application's content watcher as clinic-guide loads it. Prints:
 *   navigate_topic_ms    every topic of the sidebar, its row activated
 *   navigate_article_ms  every article, through "win.show-item"
 *   navigate_faq_ms      every FAQ entry on a page of its own, the same way
 * each as its median (p50) and its maximum over ROUNDS rounds after a
 * warm-up round, then the worst of all against one frame at 60 Hz.
 *   navigate_topic_first_ms
 *                        every topic's first visit, in the warm-up round
 *                        (after the articles and answers, which fill the
 *                        glyph caches): the page was built in idle time
 *                        after start-up and is laid out for the first
 *                        time; the rounds measure the visits after, which
 *                        find it laid out
 *   navigate_small_change_ms
 *                        a frame in which one header button changes style:
 *                        what any frame costs at least with this renderer
 *   navigate_request_ms, navigate_layout_ms, navigate_paint_ms
 *                        where it goes, median over all pages: building
 *                        the page in the request; the frames' style, size
 *                        and allocation (to the end of their "layout");
 *                        snapshot and rendering (to their "after-paint")
 *   navigate_busy_ms     everything the main thread did from the request to
 *                        the end of that frame, less its waits in poll():
 *                        also what runs between the request and the frame
 *                        (on X11, GDK measures the window again for its
 *                        size in an idle of its own), median and maximum
 *                        over all pages, against one frame too
 *
 * One navigation costs the request itself (the activation, which builds
 * the page) plus every frame from the next one on up to the first that
 * paints, each from its "before-paint", the first phase the frame clock
 * always emits, to its "after-paint". The wait for the frame clock's next
 * tick (up to 16.7 ms under Xvfb) is idle, and not counted. After each
 * navigation the window must show the page asked for, and nothing may have
 * logged a critical (a template that did not build shows an empty page,
 * quickly), or the program fails: it cannot silently measure nothing.
 * Needs a display: `make bench` runs it under Xvfb, with the default
 * renderer: there, GL is Mesa's software rasterizer, whose threads compete
 * with the main thread (GSK_RENDERER=cairo to compare).
 *
 * For profiling: CG_BENCH_ROUNDS=n measures n rounds; CG_BENCH_ONLY=topic
 * (or article, faq) visits only the pages of that kind; with CG_BENCH_VERBOSE
 * set, every navigation's time goes to standard error. */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cg-application.h"
#include "cg-bench-stats.h"
#include "cg-article-page.h"
#include "cg-article.h"
#include "cg-faq-entry.h"
#include "cg-i18n.h"
#include "cg-topic-page.h"
#include "cg-topic-row.h"
#include "cg-window.h"
#include "cg-window-private.h"

#define ROUNDS 5

/* One frame at 60 Hz. */
#define FRAME_MS (1000.0 / 60.0)

/* Between two navigations, the window must be quiet for this long: what
 * the last one left for later (idle callbacks, the few frames that follow
 * it) must not be billed to the next. More than one frame at 60 Hz. */
#define QUIET_MS 30

typedef struct
{
  gboolean waiting;     /* a request was made, its page not yet painted */
  double   frame_start; /* "before-paint" of the frame in progress, or 0 */
  double   layout_end;  /* the end of its last "layout", or 0 */
  gboolean painted;     /* the frame in progress has a "paint" phase */
  double   request_ms;
  double   layout_ms;   /* busy time of the frames since the request: */
  double   paint_ms;    /* up to the end of "layout", and after it */
  guint    n_frames;
  gboolean shown;       /* a frame that painted has ended */
  double   later_ms;    /* the frames after that one, before the next request */
  guint    n_later_frames;
  double   start;       /* the request, */
  double   end;         /* the end of the frame that shows the page, */
  double   idle_at_end; /* and poll_idle_ms then */
} Navigation;

/* The time the main thread has spent waiting in poll(): idle. */
static double poll_idle_ms;
static GPollFunc default_poll;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1e6;
}

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) static void
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("cg-bench-navigate: %s\n", message);
  exit (2);
}

static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  /* Warnings pass: without a session bus, GTK warns that it has no
   * accessibility bus, which changes nothing that is measured. */
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    fail ("stopped at the critical above: what it measures would not be what a user sees");

  return output;
}

static int
timed_poll (GPollFD *fds,
            guint    n_fds,
            int      timeout)
{
  double start = now_ms ();
  int ret = default_poll (fds, n_fds, timeout);

  poll_idle_ms += now_ms () - start;

  return ret;
}

static void
frame_clock_before_paint_cb (GdkFrameClock *clock,
                             Navigation    *navigation)
{
  if (navigation->waiting || navigation->shown)
    {
      navigation->frame_start = now_ms ();
      navigation->layout_end = 0.0;
      navigation->painted = FALSE;
    }
}

/* GTK's own "layout" and "paint" handlers were connected when the window
 * was realized, before ours: ours run when they are done. */
static void
frame_clock_layout_cb (GdkFrameClock *clock,
                       Navigation    *navigation)
{
  if (navigation->frame_start != 0.0)
    navigation->layout_end = now_ms ();
}

static void
frame_clock_paint_cb (GdkFrameClock *clock,
                      Navigation    *navigation)
{
  navigation->painted = TRUE;
}

static void
frame_clock_after_paint_cb (GdkFrameClock *clock,
                            Navigation    *navigation)
{
  double end = now_ms ();
  double layout_end;

  if (navigation->frame_start == 0.0)
    return;

  layout_end = navigation->layout_end != 0.0 ? navigation->layout_end : navigation->frame_start;

  if (navigation->shown)
    {
      /* Not billed: for CG_BENCH_VERBOSE, what came after. */
      navigation->later_ms += end - navigation->frame_start;
      navigation->n_later_frames++;
    }
  else
    {
      navigation->layout_ms += layout_end - navigation->frame_start;
      navigation->paint_ms += end - layout_end;
      navigation->n_frames++;

      if (navigation->painted)
        {
          navigation->waiting = FALSE;
          navigation->shown = TRUE;
          navigation->end = end;
          navigation->idle_at_end = poll_idle_ms;
        }
    }

  navigation->frame_start = 0.0;
}

static gboolean
settle_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Waits until no frame has been drawn for QUIET_MS. */
static void
settle (Navigation *navigation)
{
  guint n_frames;

  do
    {
      gboolean done = FALSE;

      n_frames = navigation->n_later_frames;
      g_timeout_add (QUIET_MS, settle_timeout_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
  while (navigation->n_later_frames != n_frames);
}

/* The floor: a frame in which only one header button changes (its
 * style, back and forth). Nothing is built and next to nothing laid out;
 * what it costs is the renderer's, for what it redraws of the window. */
typedef struct
{
  double start;
  double end;
} SmallChange;

static void
small_change_before_paint_cb (GdkFrameClock *clock,
                              SmallChange   *change)
{
  change->start = now_ms ();
}

static void
small_change_after_paint_cb (GdkFrameClock *clock,
                             SmallChange   *change)
{
  if (change->start != 0.0)
    change->end = now_ms ();
}

static double
measure_small_change (CgWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  GtkWidget *button = GTK_WIDGET (cg_window_get_primary_menu_button (window));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  SmallChange change = { 0 };
  gulong before, after;

  before = g_signal_connect (clock, "before-paint", G_CALLBACK (small_change_before_paint_cb), &change);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (small_change_after_paint_cb), &change);
  for (guint i = 0; i < 20; i++)
    {
      double elapsed;

      change.start = change.end = 0.0;
      if (i % 2 == 0)
        gtk_widget_add_css_class (button, "suggested-action");
      else
        gtk_widget_remove_css_class (button, "suggested-action");
      while (change.end == 0.0)
        g_main_context_iteration (NULL, TRUE);
      elapsed = change.end - change.start;
      g_array_append_val (times, elapsed);
    }
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);

  return cg_bench_percentile (times, 50);
}

/* The window's first frame, with its home page. */
static void
wait_for_first_frame (CgWindow   *window,
                      Navigation *navigation)
{
  *navigation = (Navigation) { .waiting = TRUE };
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!navigation->shown)
    g_main_context_iteration (NULL, TRUE);
}

static GtkListBoxRow *
sidebar_row (CgWindow   *window,
             const char *page)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cg_window_get_sidebar (window)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CG_IS_TOPIC_ROW (child) && g_strcmp0 (cg_topic_row_get_page (CG_TOPIC_ROW (child)), page) == 0)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

/* What the window must show after going to @page. */
static void
check_shown (CgWindow   *window,
             const char *page)
{
  GtkWidget *widget = cg_window_get_page_widget (window);

  if (g_strcmp0 (cg_window_get_page (window), page) != 0)
    fail ("asked for %s, the window shows %s", page, cg_window_get_page (window));
  if (widget == NULL || !gtk_widget_get_mapped (widget) ||
      gtk_widget_get_width (widget) == 0 || gtk_widget_get_height (widget) == 0)
    fail ("%s: its page is not on screen", page);

  if (g_str_has_prefix (page, "topic:"))
    {
      GtkListBoxRow *row = sidebar_row (window, page);

      if (!CG_IS_TOPIC_PAGE (widget) ||
          g_strcmp0 (cg_topic_get_id (cg_topic_page_get_topic (CG_TOPIC_PAGE (widget))),
                     page + strlen ("topic:")) != 0)
        fail ("%s: the window shows a %s of another topic", page, G_OBJECT_TYPE_NAME (widget));
      if (row == NULL || gtk_list_box_get_selected_row (cg_window_get_sidebar (window)) != row)
        fail ("%s: the sidebar does not show it selected", page);
    }
  else
    {
      GtkTextView *view;

      if (!CG_IS_ARTICLE_PAGE (widget) ||
          g_strcmp0 (cg_item_get_id (cg_article_page_get_item (CG_ARTICLE_PAGE (widget))),
                     page + strlen ("item:")) != 0)
        fail ("%s: the window shows a %s of another item", page, G_OBJECT_TYPE_NAME (widget));

      view = GTK_TEXT_VIEW (cg_article_page_get_document_view (CG_ARTICLE_PAGE (widget)));
      if (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view)) == 0 ||
          !gtk_widget_get_mapped (GTK_WIDGET (view)))
        fail ("%s: its text is not on screen", page);
    }
}

/* Goes to @page and returns the main thread's busy time for it, in ms. */
static double
navigate (CgWindow   *window,
          Navigation *navigation,
          const char *page)
{
  double start, request_ms;
  gboolean requested;

  *navigation = (Navigation) { .waiting = TRUE, .start = now_ms () };
  poll_idle_ms = 0.0;

  if (g_str_has_prefix (page, "topic:"))
    {
      GtkListBoxRow *row = sidebar_row (window, page);

      if (row == NULL)
        fail ("%s is not in the sidebar", page);

      /* Enter on the row, or its click after the selection. */
      start = now_ms ();
      requested = gtk_widget_activate (GTK_WIDGET (row));
      request_ms = now_ms () - start;
    }
  else
    {
      start = now_ms ();
      requested = gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "s",
                                              page + strlen ("item:"));
      request_ms = now_ms () - start;
    }

  if (!requested)
    fail ("%s: the request was not taken", page);
  navigation->request_ms = request_ms;

  while (!navigation->shown)
    g_main_context_iteration (NULL, TRUE);

  check_shown (window, page);

  settle (navigation);

  if (g_getenv ("CG_BENCH_VERBOSE") != NULL)
    g_printerr ("%8.2f ms  (request %6.2f, layout %6.2f, paint %6.2f; busy %6.2f; %u frame%s; then %u frames, %6.2f ms)  %s\n",
                request_ms + navigation->layout_ms + navigation->paint_ms, request_ms,
                navigation->layout_ms, navigation->paint_ms,
                navigation->end - navigation->start - navigation->idle_at_end, navigation->n_frames,
                navigation->n_frames == 1 ? "" : "s", navigation->n_later_frames,
                navigation->later_ms, page);

  return request_ms + navigation->layout_ms + navigation->paint_ms;
}

typedef struct
{
  const char *name;
  GPtrArray  *pages;   /* "topic:<id>" or "item:<id>" */
  GArray     *times;
} Kind;

static void
kind_report (Kind *kind)
{
  g_print ("navigate_%s_ms_p50: %.1f ms\n", kind->name, cg_bench_percentile (kind->times, 50));
  g_print ("navigate_%s_ms_max: %.1f ms\n", kind->name, cg_bench_percentile (kind->times, 100));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgApplication) app = NULL;
  CgWindow *window;
  CgLibrary *library;
  GListModel *items;
  GdkFrameClock *clock;
  GdkSurface *surface;
  Navigation navigation = { 0 };
  Kind kinds[] = {
    { "topic", g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (double)) },
    { "article", g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (double)) },
    { "faq", g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (double)) },
  };
  g_autoptr(GArray) requests = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layouts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paints = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) topic_first = g_array_new (FALSE, FALSE, sizeof (double));
  guint rounds = ROUNDS;
  double worst = 0.0;

  g_log_set_writer_func (log_writer_cb, NULL, NULL);

  if (argc != 1)
    {
      g_printerr ("usage: cg-bench-navigate (with a display; CG_BENCH_ROUNDS, CG_BENCH_ONLY, CG_BENCH_VERBOSE)\n");
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    fail ("no display (run it under xvfb-run, as make bench does)");
  if (g_getenv ("CG_BENCH_ROUNDS") != NULL)
    rounds = MAX (1, (guint) g_ascii_strtoull (g_getenv ("CG_BENCH_ROUNDS"), NULL, 10));

  /* As startup.sh: no dconf, the window at its default size. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
  cg_i18n_init ();

  /* As clinic-guide starts, but never handing over to a running one. */
  app = cg_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    fail ("cannot start the application: %s", error->message);
  /* Windows no longer wait for the content (F10); what is measured here is
   * navigating a loaded library, so the start-up's load is finished first. */
  cg_application_get_library (app);

  window = cg_window_new (app);
  library = cg_window_get_library (window);
  if (library == NULL || cg_window_get_page (window) == NULL)
    fail ("the bundled content did not load");

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cg_window_get_sidebar (window)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CG_IS_TOPIC_ROW (child) && g_str_has_prefix (cg_topic_row_get_page (CG_TOPIC_ROW (child)), "topic:"))
      g_ptr_array_add (kinds[0].pages, g_strdup (cg_topic_row_get_page (CG_TOPIC_ROW (child))));

  items = cg_library_get_items (library);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (items, i);

      g_ptr_array_add (CG_IS_ARTICLE (item) ? kinds[1].pages : kinds[2].pages,
                       g_strconcat ("item:", cg_item_get_id (item), NULL));
    }

  if (g_getenv ("CG_BENCH_ONLY") != NULL)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      if (g_strcmp0 (g_getenv ("CG_BENCH_ONLY"), kinds[k].name) != 0)
        {
          /* Two pages, to leave one for the next. */
          if (kinds[k].pages->len > 2)
            g_ptr_array_set_size (kinds[k].pages, 2);
        }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (kinds[k].pages->len < 2)
      fail ("the bundled content has %u pages of kind %s; at least two are needed",
            kinds[k].pages->len, kinds[k].name);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock == NULL)
    fail ("the window has no frame clock");
  g_signal_connect (clock, "before-paint", G_CALLBACK (frame_clock_before_paint_cb), &navigation);
  g_signal_connect (clock, "layout", G_CALLBACK (frame_clock_layout_cb), &navigation);
  g_signal_connect (clock, "paint", G_CALLBACK (frame_clock_paint_cb), &navigation);
  g_signal_connect (clock, "after-paint", G_CALLBACK (frame_clock_after_paint_cb), &navigation);

  wait_for_first_frame (window, &navigation);
  settle (&navigation);

  /* Round 0 warms up: every page built once, every glyph in the caches;
   * topics last, for their first visits. */
  for (guint round = 0; round <= rounds; round++)
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      for (guint k = round == 0 ? (i + 1) % G_N_ELEMENTS (kinds) : i, p = 0; p < kinds[k].pages->len; p++)
        {
          double elapsed = navigate (window, &navigation, g_ptr_array_index (kinds[k].pages, p));

          if (round == 0 && k == 0)
            g_array_append_val (topic_first, elapsed);
          if (round > 0)
            {
              g_array_append_val (kinds[k].times, elapsed);
              g_array_append_val (requests, navigation.request_ms);
              g_array_append_val (layouts, navigation.layout_ms);
              g_array_append_val (paints, navigation.paint_ms);
              elapsed = navigation.end - navigation.start - navigation.idle_at_end;
              g_array_append_val (busy, elapsed);
            }
        }

  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_print ("navigate_pages: %u topics, %u articles, %u FAQ entries (%s, %s, %d x %d)\n",
           kinds[0].pages->len, kinds[1].pages->len, kinds[2].pages->len,
           cg_library_get_language (library),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           gdk_surface_get_width (surface), gdk_surface_get_height (surface));
  g_print ("navigate_rounds: %u rounds\n", rounds);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      kind_report (&kinds[k]);
      worst = MAX (worst, cg_bench_percentile (kinds[k].times, 100));
    }
  g_print ("navigate_topic_first_ms_p50: %.1f ms\n", cg_bench_percentile (topic_first, 50));
  g_print ("navigate_topic_first_ms_max: %.1f ms  (first visits: %s one frame)\n",
           cg_bench_percentile (topic_first, 100),
           cg_bench_percentile (topic_first, 100) <= FRAME_MS ? "within" : "MORE THAN");
  g_print ("navigate_request_ms_p50: %.1f ms\n", cg_bench_percentile (requests, 50));
  g_print ("navigate_layout_ms_p50: %.1f ms\n", cg_bench_percentile (layouts, 50));
  g_print ("navigate_paint_ms_p50: %.1f ms\n", cg_bench_percentile (paints, 50));
  g_print ("navigate_max_ms: %.1f ms  (target: at most one frame, %.1f ms: %s)\n",
           worst, FRAME_MS, worst <= FRAME_MS ? "met" : "NOT MET");
  g_print ("navigate_small_change_ms_p50: %.1f ms  (one header button restyled: the renderer's floor for a frame)\n",
           measure_small_change (window));
  g_print ("navigate_busy_ms_p50: %.1f ms\n", cg_bench_percentile (busy, 50));
  g_print ("navigate_busy_ms_max: %.1f ms  (target: at most one frame, %.1f ms: %s)\n",
           cg_bench_percentile (busy, 100), FRAME_MS, cg_bench_percentile (busy, 100) <= FRAME_MS ? "met" : "NOT MET");

  g_signal_handlers_disconnect_by_data (clock, &navigation);
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_ptr_array_unref (kinds[k].pages);
      g_array_unref (kinds[k].times);
    }

  return 0;
}
