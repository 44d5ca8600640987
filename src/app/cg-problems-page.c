/* cg-problems-page.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-bidi.h"
#include "cg-problem-list.h"
#include "cg-problems-page.h"

/* For the clinic's content editors: every problem of the content shown,
 * as file:line:column: message, the form editors and `--validate` use,
 * in text that can be selected and copied. The window gives it each new
 * library, so it follows the files as they are saved. The list builds
 * only the rows on screen, from the library's own problems, and only
 * while it is shown: a page left keeps no row. */

struct _CgProblemsPage
{
  AdwBin      parent_instance;

  CgLibrary     *library;
  GPtrArray     *problems;  /* of CgProblem, the library's */
  CgProblemList *model;
  guint          focus_target;  /* position to give the keyboard, + 1; 0 none */
  guint          focus_tick_id;
  guint          focus_ticks;

  /* Template widgets */
  GtkStack      *stack;
  GtkLabel      *count_label;
  GtkScrolledWindow *scroller;
  GtkWidget     *copy_button;
  GtkGridView   *problems_list;
};

G_DEFINE_FINAL_TYPE (CgProblemsPage, cg_problems_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define POSITION_KEY "cg-problems-page-position"

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
  /* Not in the monospace font: wrapped, its lines took Pango two to three
   * times as long to lay out (a page of them 13-14 ms against 5-6 ms,
   * cg-bench-lists), more than a frame with the rest. */
  gtk_list_item_set_child (list_item, label);
}

static void
problems_factory_bind_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          gpointer                  user_data)
{
  GtkStringObject *line = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  /* Right to left, the line is too, though it starts with a file name:
   * the whole place first, on the right (see
   * cg_problems_page_format_problem()). */
  if (gtk_widget_get_direction (label) == GTK_TEXT_DIR_RTL)
    {
      g_autofree char *text = g_strconcat (CG_BIDI_RLM, gtk_string_object_get_string (line), NULL);

      gtk_label_set_label (GTK_LABEL (label), text);
    }
  else
    gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (line));
  /* stored one up, 0 meaning none */
  g_object_set_data (G_OBJECT (label), POSITION_KEY,
                     GUINT_TO_POINTER (gtk_list_item_get_position (list_item) + 1));
  /* GTK 4.8 names a cell by its class, "GtkListItemWidget". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (label)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_string_object_get_string (line),
                                  -1);
}

/* The keyboard leaves a row for the Copy button, before the row goes
 * (the list emptied) or the list jumps far from it: GTK 4.8's view keeps
 * a focused row built, and once the keyboard was elsewhere or nowhere,
 * lost it in a later layout (a critical warning). */
static void
cg_problems_page_focus_off_rows (CgProblemsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->problems_list)))
    gtk_widget_grab_focus (self->copy_button);
}

/* The row of the problem to go to is made by the view's next layout:
 * the keyboard goes to it then. */
static gboolean
focus_target_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  CgProblemsPage *self = CG_PROBLEMS_PAGE (user_data);

  gboolean found = FALSE;

  for (GtkWidget *cell = gtk_widget_get_first_child (widget);
       cell != NULL && !found;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *label = gtk_widget_get_first_child (cell);

      if (label != NULL && gtk_widget_get_mapped (label) &&
          GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), POSITION_KEY)) == self->focus_target &&
          gtk_widget_grab_focus (label))
        {
          /* A selectable label takes the keyboard with all its text
           * selected: here only the place is wanted. */
          gtk_label_select_region (GTK_LABEL (label), 0, 0);
          found = TRUE;
        }
    }

  if (!found && ++self->focus_ticks < 10)
    return G_SOURCE_CONTINUE;

  self->focus_target = 0;
  self->focus_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Ctrl+Home and Ctrl+End go to the first and the last problem from
 * anywhere on the page (the Copy button, a row), as in a text editor:
 * each row's selectable text would keep them to itself. */
static gboolean
page_key_pressed_cb (CgProblemsPage        *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  GtkAdjustment *adjustment;
  guint target;

  if (mods != GDK_CONTROL_MASK || n == 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      target = n - 1;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  cg_problems_page_focus_off_rows (self);
  /* Then to the end, as the scroll bar would. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, target == 0 ? gtk_adjustment_get_lower (adjustment)
                                                    : gtk_adjustment_get_upper (adjustment));
  self->focus_target = target + 1;
  self->focus_ticks = 0;
  if (self->focus_tick_id == 0)
    self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->problems_list),
                                                        focus_target_tick_cb, self, NULL);

  return GDK_EVENT_STOP;
}

/* Rows only while the page is seen: the model goes to the list when the
 * page is mapped, and comes back when it is not. */
static void
cg_problems_page_show_rows (CgProblemsPage *self,
                            gboolean        shown)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  cg_problems_page_focus_off_rows (self);

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

  /* The rows' memory goes back to malloc, for the next page to reuse:
   * a few megabytes at most, however many problems. Giving it back to
   * the system (malloc_trim) would make the next opening fault every
   * page in again, a third of its frame. */
  cg_problems_page_show_rows (self, FALSE);

  GTK_WIDGET_CLASS (cg_problems_page_parent_class)->unmap (widget);
}

static void
cg_problems_page_dispose (GObject *object)
{
  CgProblemsPage *self = CG_PROBLEMS_PAGE (object);

  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->problems_list), self->focus_tick_id);
      self->focus_tick_id = 0;
    }
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
  gtk_widget_class_bind_template_child (widget_class, CgProblemsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CgProblemsPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CgProblemsPage, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, copy_button_clicked_cb);
}

static void
cg_problems_page_init (CgProblemsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (page_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

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
 * @shown: for the screen: the place isolated as left-to-right text
 *
 * In a right-to-left language a shown line starts, on the right, with
 * the whole place, and its message reads on from there; otherwise the
 * file name's Latin letters would make the line left to right, with
 * the words of the message in the wrong order around a quoted name.
 * Copied text has no isolate marks, for the tools that read it.
 *
 * Returns: (transfer full): @problem as file:line:column: message, the
 *   file name as the desktop shows file names
 */
char *
cg_problems_page_format_problem (const CgProblem *problem,
                                 gboolean         shown)
{
  g_autofree char *file = NULL;
  g_autofree char *place = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  file = g_filename_display_name (problem->file != NULL ? problem->file : "");
  place = g_strdup_printf ("%s:%d:%d:", file, MAX (problem->line, 1), MAX (problem->column, 1));
  if (shown)
    {
      g_autofree char *isolated = cg_bidi_isolate (place, TRUE);

      return g_strconcat (isolated, " ", problem->message != NULL ? problem->message : "", NULL);
    }

  return g_strconcat (place, " ", problem->message != NULL ? problem->message : "", NULL);
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
      g_autofree char *line = cg_problems_page_format_problem (g_ptr_array_index (self->problems, i), FALSE);

      g_string_append (text, line);
      g_string_append_c (text, '\n');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
