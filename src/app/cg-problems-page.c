/* cg-problems-page.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cg-problem-list.h"
#include "cg-problems-page.h"

/* For the clinic's content editors: every problem of the content shown,
 * as file:line:column: message, the form editors and `--validate` use,
 * in text that can be selected and copied. The window gives it each new
 * library, so it follows the files as they are saved. The list builds
 * only the rows on screen, from the library's own problems, and only
 * while it is shown: a closed window keeps no row. */

struct _CgProblemsPage
{
  AdwBin      parent_instance;

  CgLibrary     *library;
  GPtrArray     *problems;  /* of CgProblem, the library's */
  CgProblemList *model;

  /* Template widgets */
  GtkStack      *stack;
  GtkLabel      *count_label;
  GtkGridView   *problems_list;
};

G_DEFINE_FINAL_TYPE (CgProblemsPage, cg_problems_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
copy_button_clicked_cb (CgProblemsPage *self,
                        GtkButton      *button)
{
  g_autofree char *text = cg_problems_page_dup_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

/* A problem's row: file:line:column: message, in text that can be
 * selected. Made in code rather than from a GtkBuilder file: the builder
 * parsed its XML again for each of the thirty-odd rows built on opening. */
static void
problems_factory_setup_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Measured without width-chars, a word-char wrapping label is laid out
   * a character a line (see ui/cg-item-row.ui). */
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 9);
  gtk_widget_set_margin_bottom (label, 9);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "monospace");
  gtk_list_item_set_child (list_item, label);
}

static void
problems_factory_bind_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          gpointer                  user_data)
{
  GtkStringObject *line = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (line));
  /* GTK 4.8 names a cell by its class, "GtkListItemWidget". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (label)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_string_object_get_string (line),
                                  -1);
}

/* Rows only while the page is seen: the model goes to the list when the
 * page is mapped, and comes back when it is not. */
static void
cg_problems_page_show_rows (CgProblemsPage *self,
                            gboolean        shown)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  if (shown && self->model != NULL)
    selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model))));
  gtk_grid_view_set_model (self->problems_list, selection);
}

static void
cg_problems_page_map (GtkWidget *widget)
{
  CgProblemsPage *self = CG_PROBLEMS_PAGE (widget);

  cg_problems_page_show_rows (self, TRUE);

  GTK_WIDGET_CLASS (cg_problems_page_parent_class)->map (widget);
}

static void
cg_problems_page_unmap (GtkWidget *widget)
{
  CgProblemsPage *self = CG_PROBLEMS_PAGE (widget);

  GTK_WIDGET_CLASS (cg_problems_page_parent_class)->unmap (widget);

  cg_problems_page_show_rows (self, FALSE);
#ifdef __GLIBC__
  /* What the rows used goes back to the system, not only to malloc's
   * free lists: closing the window is when an editor expects it back. */
  malloc_trim (0);
#endif
}

static void
cg_problems_page_dispose (GObject *object)
{
  CgProblemsPage *self = CG_PROBLEMS_PAGE (object);

  /* The bin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_PROBLEMS_PAGE);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->model);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (cg_problems_page_parent_class)->dispose (object);
}

static void
cg_problems_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CgProblemsPage *self = CG_PROBLEMS_PAGE (object);

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
cg_problems_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CgProblemsPage *self = CG_PROBLEMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      cg_problems_page_set_library (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_problems_page_class_init (CgProblemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_problems_page_dispose;
  object_class->get_property = cg_problems_page_get_property;
  object_class->set_property = cg_problems_page_set_property;

  widget_class->map = cg_problems_page_map;
  widget_class->unmap = cg_problems_page_unmap;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CG_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-problems-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgProblemsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CgProblemsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CgProblemsPage, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, copy_button_clicked_cb);
}

static void
cg_problems_page_init (CgProblemsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (problems_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (problems_factory_bind_cb), NULL);
  gtk_grid_view_set_factory (self->problems_list, factory);

  self->problems = g_ptr_array_new ();
  gtk_stack_set_visible_child_name (self->stack, "clean");
}

GtkWidget *
cg_problems_page_new (void)
{
  return g_object_new (CG_TYPE_PROBLEMS_PAGE, NULL);
}

/**
 * cg_problems_page_format_problem:
 *
 * Returns: (transfer full): @problem as file:line:column: message, the
 *   file name as the desktop shows file names
 */
char *
cg_problems_page_format_problem (const CgProblem *problem)
{
  g_autofree char *file = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  file = g_filename_display_name (problem->file != NULL ? problem->file : "");

  return g_strdup_printf ("%s:%d:%d: %s", file,
                          MAX (problem->line, 1), MAX (problem->column, 1),
                          problem->message != NULL ? problem->message : "");
}

/**
 * cg_problems_page_set_library:
 * @library: (nullable): the content whose problems to show
 */
void
cg_problems_page_set_library (CgProblemsPage *self,
                              CgLibrary      *library)
{
  GPtrArray *problems = library != NULL ? cg_library_get_problems (library) : NULL;
  g_autofree char *count = NULL;

  g_return_if_fail (CG_IS_PROBLEMS_PAGE (self));
  g_return_if_fail (library == NULL || CG_IS_LIBRARY (library));

  if (g_set_object (&self->library, library))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);

  /* A sealed library's problems do not change: the page shares them. */
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = problems != NULL ? g_ptr_array_ref (problems) : g_ptr_array_new ();
  g_clear_object (&self->model);
  self->model = cg_problem_list_new (self->problems);
  cg_problems_page_show_rows (self, gtk_widget_get_mapped (GTK_WIDGET (self)));

  if (self->problems->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "clean");
      return;
    }

  /* Translators: above the list of content problems. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem in the content",
                                        "%u problems in the content", self->problems->len),
                           self->problems->len);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, "problems");
}

/**
 * cg_problems_page_get_list:
 *
 * Returns: (transfer none): the view of the problems, whose cells on
 *   screen hold a label each
 */
GtkWidget *
cg_problems_page_get_list (CgProblemsPage *self)
{
  g_return_val_if_fail (CG_IS_PROBLEMS_PAGE (self), NULL);

  return GTK_WIDGET (self->problems_list);
}

guint
cg_problems_page_get_n_problems (CgProblemsPage *self)
{
  g_return_val_if_fail (CG_IS_PROBLEMS_PAGE (self), 0);

  return self->problems->len;
}

/**
 * cg_problems_page_dup_text:
 *
 * Returns: (transfer full): the problems shown, one a line, as "Copy"
 *   copies them
 */
char *
cg_problems_page_dup_text (CgProblemsPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (CG_IS_PROBLEMS_PAGE (self), NULL);

  for (guint i = 0; i < self->problems->len; i++)
    {
      g_autofree char *line = cg_problems_page_format_problem (g_ptr_array_index (self->problems, i));

      g_string_append (text, line);
      g_string_append_c (text, '\n');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
