/* cg-wrap-box.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-wrap-box.h"

/* A row of controls that becomes several rows when the width runs out
 * (F14): the article's Listen and Take It Home, side by side on a desk
 * screen, one above the other in a phone-width window or at two and a
 * half times the text size, instead of wider than the window and cut at
 * its edge. Children keep their order and, in each row, share what is
 * left over among those that expand; a child alone in its row gets the
 * whole width, and its halign places it.
 *
 * Unlike a GtkFlowBox it adds no focusable cell around each child, and
 * its minimum width is that of its widest child, not of all of them. */

struct _CgWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
  guint     n_rows;
};

G_DEFINE_FINAL_TYPE (CgWrapBox, cg_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows, greedily: a child goes on the current row if its natural width
 * still fits there. Calls @row_cb for each row (first, last child
 * included), and returns how many there are. */
typedef void (*RowFunc) (CgWrapBox *self,
                         GtkWidget *first,
                         GtkWidget *last,
                         int        width,
                         gpointer   data);

static guint
foreach_row (CgWrapBox *self,
             int        width,
             RowFunc    row_cb,
             gpointer   data)
{
  GtkWidget *first = NULL;
  GtkWidget *last = NULL;
  int used = 0;
  guint rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (first != NULL && width >= 0 && used + self->spacing + natural > width)
        {
          row_cb (self, first, last, width, data);
          rows++;
          first = NULL;
        }

      if (first == NULL)
        {
          first = child;
          used = natural;
        }
      else
        used += self->spacing + natural;
      last = child;
    }

  if (first != NULL)
    {
      row_cb (self, first, last, width, data);
      rows++;
    }

  return rows;
}

/* The widths of a row's children in @width: the natural widths if they
 * fit, the rest shared by those that expand; less than natural (never
 * below the minimum) if one child alone is too wide. */
static void
row_widths (CgWrapBox *self,
            GtkWidget *first,
            GtkWidget *last,
            int        width,
            GArray    *widths)
{
  int used = 0;
  guint expanding = 0;
  GtkWidget *stop = gtk_widget_get_next_sibling (last);

  g_array_set_size (widths, 0);
  for (GtkWidget *child = first; child != stop; child = gtk_widget_get_next_sibling (child))
    {
      int minimum, natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      if (width >= 0 && first == last)
        natural = MAX (minimum, MIN (natural, width));
      if (used > 0)
        used += self->spacing;
      used += natural;
      expanding += gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      g_array_append_val (widths, natural);
    }

  if (width >= 0 && width > used)
    {
      guint i = 0;
      int extra = width - used;

      for (GtkWidget *child = first; child != stop; child = gtk_widget_get_next_sibling (child))
        {
          if (!gtk_widget_should_layout (child))
            continue;

          if (expanding == 0 && first == last)
            g_array_index (widths, int, i) += extra;
          else if (expanding > 0 && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
            g_array_index (widths, int, i) += extra / (int) expanding;
          i++;
        }
    }
}

static int
row_height (CgWrapBox *self,
            GtkWidget *first,
            GtkWidget *last,
            int        width,
            gboolean   natural_height)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (int));
  GtkWidget *stop = gtk_widget_get_next_sibling (last);
  guint i = 0;
  int height = 0;

  row_widths (self, first, last, width, widths);
  for (GtkWidget *child = first; child != stop; child = gtk_widget_get_next_sibling (child))
    {
      int minimum, natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, g_array_index (widths, int, i++),
                          &minimum, &natural, NULL, NULL);
      height = MAX (height, natural_height ? natural : minimum);
    }

  return height;
}

typedef struct
{
  int minimum;
  int natural;
} Heights;

static void
measure_row_cb (CgWrapBox *self,
                GtkWidget *first,
                GtkWidget *last,
                int        width,
                gpointer   data)
{
  Heights *heights = data;

  heights->minimum += row_height (self, first, last, width, FALSE);
  heights->natural += row_height (self, first, last, width, TRUE);
}

static void
cg_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  CgWrapBox *self = CG_WRAP_BOX (widget);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint shown = 0;

      /* As narrow as the widest child, as wide as all in one row. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_minimum, child_natural;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, -1, &child_minimum, &child_natural, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural += child_natural;
          shown++;
        }
      if (shown > 1)
        *natural += (int) (shown - 1) * self->spacing;
    }
  else
    {
      Heights heights = { 0, 0 };
      guint rows = foreach_row (self, for_size, measure_row_cb, &heights);

      if (rows > 1)
        {
          heights.minimum += (int) (rows - 1) * self->spacing;
          heights.natural += (int) (rows - 1) * self->spacing;
        }
      *minimum = heights.minimum;
      *natural = heights.natural;
    }
}

typedef struct
{
  int height;   /* the whole box's */
  int y;
} Placing;

static void
allocate_row_cb (CgWrapBox *self,
                 GtkWidget *first,
                 GtkWidget *last,
                 int        width,
                 gpointer   data)
{
  Placing *placing = data;
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GtkWidget *stop = gtk_widget_get_next_sibling (last);
  int height = row_height (self, first, last, width, TRUE);
  guint i = 0;
  int x = 0;

  row_widths (self, first, last, width, widths);
  for (GtkWidget *child = first; child != stop; child = gtk_widget_get_next_sibling (child))
    {
      int child_width;

      if (!gtk_widget_should_layout (child))
        continue;

      child_width = g_array_index (widths, int, i++);
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) {
                                  rtl ? width - x - child_width : x, placing->y,
                                  child_width, height,
                                },
                                -1);
      x += child_width + self->spacing;
    }

  placing->y += height + self->spacing;
}

static void
cg_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  CgWrapBox *self = CG_WRAP_BOX (widget);
  Placing placing = { height, 0 };

  self->n_rows = foreach_row (self, width, allocate_row_cb, &placing);
}

static GtkSizeRequestMode
cg_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cg_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cg_wrap_box_parent_class)->dispose (object);
}

static void
cg_wrap_box_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CgWrapBox *self = CG_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_wrap_box_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CgWrapBox *self = CG_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      cg_wrap_box_set_spacing (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_wrap_box_class_init (CgWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_wrap_box_dispose;
  object_class->get_property = cg_wrap_box_get_property;
  object_class->set_property = cg_wrap_box_set_property;

  widget_class->measure = cg_wrap_box_measure;
  widget_class->size_allocate = cg_wrap_box_size_allocate;
  widget_class->get_request_mode = cg_wrap_box_get_request_mode;

  /* Between children in a row and between rows. */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cg_wrap_box_init (CgWrapBox *self)
{
}

GtkWidget *
cg_wrap_box_new (void)
{
  return g_object_new (CG_TYPE_WRAP_BOX, NULL);
}

void
cg_wrap_box_append (CgWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (CG_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

int
cg_wrap_box_get_spacing (CgWrapBox *self)
{
  g_return_val_if_fail (CG_IS_WRAP_BOX (self), 0);

  return self->spacing;
}

void
cg_wrap_box_set_spacing (CgWrapBox *self,
                         int        spacing)
{
  g_return_if_fail (CG_IS_WRAP_BOX (self));

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

/**
 * cg_wrap_box_get_n_rows:
 *
 * Returns: how many rows the children took at the last allocation
 */
guint
cg_wrap_box_get_n_rows (CgWrapBox *self)
{
  g_return_val_if_fail (CG_IS_WRAP_BOX (self), 0);

  return self->n_rows;
}
