/* cg-problems-window.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-problems-window.h"

/* The content problems (F8) in a window of their own beside the main
 * window, for the clinic's content editors: it follows the library it is
 * given, so that it changes as they save the files. Closing only hides
 * it, to be shown again as it was. */

struct _CgProblemsWindow
{
  AdwWindow       parent_instance;

  CgLibrary      *library;

  /* Template widgets */
  CgProblemsPage *page;
};

G_DEFINE_FINAL_TYPE (CgProblemsWindow, cg_problems_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_problems_window_dispose (GObject *object)
{
  CgProblemsWindow *self = CG_PROBLEMS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_PROBLEMS_WINDOW);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (cg_problems_window_parent_class)->dispose (object);
}

static void
cg_problems_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CgProblemsWindow *self = CG_PROBLEMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_problems_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CgProblemsWindow *self = CG_PROBLEMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      cg_problems_window_set_library (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_problems_window_class_init (CgProblemsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_problems_window_dispose;
  object_class->get_property = cg_problems_window_get_property;
  object_class->set_property = cg_problems_window_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CG_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CG_TYPE_PROBLEMS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-problems-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgProblemsWindow, page);
}

static void
cg_problems_window_init (CgProblemsWindow *self)
{
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
 * cg_problems_window_get_library:
 *
 * Returns: (transfer none) (nullable): the content whose problems are shown
 */
CgLibrary *
cg_problems_window_get_library (CgProblemsWindow *self)
{
  g_return_val_if_fail (CG_IS_PROBLEMS_WINDOW (self), NULL);

  return self->library;
}

void
cg_problems_window_set_library (CgProblemsWindow *self,
                                CgLibrary        *library)
{
  g_return_if_fail (CG_IS_PROBLEMS_WINDOW (self));
  g_return_if_fail (library == NULL || CG_IS_LIBRARY (library));

  if (g_set_object (&self->library, library))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
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
