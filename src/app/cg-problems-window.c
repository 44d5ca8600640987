/* cg-problems-window.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-problems-window.h"

/* The content problems (F8) in a window of their own beside the main
 * window, for the clinic's content editors: the main window binds its
 * library to the page's, so that the list changes as they save the
 * files. Closing only hides it, to be shown again as it was. */

struct _CgProblemsWindow
{
  AdwWindow       parent_instance;

  gint64          shown_at;     /* until its first frame is painted */
  gulong          after_paint;

  /* Template widgets */
  CgProblemsPage *page;
};

G_DEFINE_FINAL_TYPE (CgProblemsWindow, cg_problems_window, ADW_TYPE_WINDOW)

/* How long opening took, from its making (or showing again) to the end
 * of the frame that painted it, for `G_MESSAGES_DEBUG=cg-app`: a folder
 * of broken files can have a hundred thousand problems (F10). */
static void
frame_clock_after_paint_cb (CgProblemsWindow *self,
                            GdkFrameClock    *clock)
{
  g_debug ("Content problems: %u shown, %.1f ms from opening to the first frame painted",
           cg_problems_page_get_n_problems (self->page),
           (g_get_monotonic_time () - self->shown_at) / 1000.0);
  self->shown_at = 0;
  g_clear_signal_handler (&self->after_paint, clock);
}

static void
cg_problems_window_show (GtkWidget *widget)
{
  CgProblemsWindow *self = CG_PROBLEMS_WINDOW (widget);

  if (self->shown_at == 0)
    self->shown_at = g_get_monotonic_time ();

  GTK_WIDGET_CLASS (cg_problems_window_parent_class)->show (widget);
}

static void
cg_problems_window_map (GtkWidget *widget)
{
  CgProblemsWindow *self = CG_PROBLEMS_WINDOW (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (cg_problems_window_parent_class)->map (widget);

  clock = gtk_widget_get_frame_clock (widget);
  if (self->shown_at != 0 && self->after_paint == 0 && clock != NULL)
    self->after_paint = g_signal_connect_object (clock, "after-paint",
                                                 G_CALLBACK (frame_clock_after_paint_cb), self,
                                                 G_CONNECT_SWAPPED);
}

static void
cg_problems_window_unmap (GtkWidget *widget)
{
  CgProblemsWindow *self = CG_PROBLEMS_WINDOW (widget);

  if (self->after_paint != 0)
    g_clear_signal_handler (&self->after_paint, gtk_widget_get_frame_clock (widget));
  self->shown_at = 0;

  GTK_WIDGET_CLASS (cg_problems_window_parent_class)->unmap (widget);
}

static void
cg_problems_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CG_TYPE_PROBLEMS_WINDOW);

  G_OBJECT_CLASS (cg_problems_window_parent_class)->dispose (object);
}

static void
cg_problems_window_class_init (CgProblemsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_problems_window_dispose;

  widget_class->show = cg_problems_window_show;
  widget_class->map = cg_problems_window_map;
  widget_class->unmap = cg_problems_window_unmap;

  g_type_ensure (CG_TYPE_PROBLEMS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-problems-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgProblemsWindow, page);
}

static void
cg_problems_window_init (CgProblemsWindow *self)
{
  self->shown_at = g_get_monotonic_time ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cg_problems_window_new:
 * @parent: the window whose content it shows the problems of
 */
CgProblemsWindow *
cg_problems_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CG_TYPE_PROBLEMS_WINDOW,
                       "transient-for", parent,
                       NULL);
}

/**
 * cg_problems_window_get_page:
 *
 * Returns: (transfer none): the list of problems
 */
CgProblemsPage *
cg_problems_window_get_page (CgProblemsWindow *self)
{
  g_return_val_if_fail (CG_IS_PROBLEMS_WINDOW (self), NULL);

  return self->page;
}
