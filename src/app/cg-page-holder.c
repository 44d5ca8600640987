/* cg-page-holder.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-page-holder.h"

/* The reading area's frame: it takes whatever room the window gives it and
 * gives all of it to its child, the stack of pages, which all scroll.
 *
 * Its own size request never depends on the page. On X11, GDK measures the
 * whole window for its minimum size after every change of layout, in an
 * idle of its own: through an ordinary container that measure went down to
 * every label and text view of the page, and laid their text out again at
 * the window's minimum width, a width the page is never shown at. That was
 * the largest single cost of opening a page. The page is measured at the
 * size it gets, when it gets it. */
struct _CgPageHolder
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (CgPageHolder, cg_page_holder, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_page_holder_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* The window and the content pane set the sizes that matter. */
  *minimum = 0;
  *natural = 0;
}

static void
cg_page_holder_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CgPageHolder *self = CG_PAGE_HOLDER (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, -1, NULL);
}

static GtkSizeRequestMode
cg_page_holder_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
cg_page_holder_dispose (GObject *object)
{
  CgPageHolder *self = CG_PAGE_HOLDER (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (cg_page_holder_parent_class)->dispose (object);
}

static void
cg_page_holder_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CgPageHolder *self = CG_PAGE_HOLDER (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_page_holder_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CgPageHolder *self = CG_PAGE_HOLDER (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      cg_page_holder_set_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_page_holder_class_init (CgPageHolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_page_holder_dispose;
  object_class->get_property = cg_page_holder_get_property;
  object_class->set_property = cg_page_holder_set_property;

  widget_class->measure = cg_page_holder_measure;
  widget_class->size_allocate = cg_page_holder_size_allocate;
  widget_class->get_request_mode = cg_page_holder_get_request_mode;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pageholder");
}

static void
cg_page_holder_init (CgPageHolder *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
cg_page_holder_new (void)
{
  return g_object_new (CG_TYPE_PAGE_HOLDER, NULL);
}

/**
 * cg_page_holder_get_child:
 *
 * Returns: (transfer none) (nullable): the child
 */
GtkWidget *
cg_page_holder_get_child (CgPageHolder *self)
{
  g_return_val_if_fail (CG_IS_PAGE_HOLDER (self), NULL);

  return self->child;
}

void
cg_page_holder_set_child (CgPageHolder *self,
                          GtkWidget    *child)
{
  g_return_if_fail (CG_IS_PAGE_HOLDER (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
