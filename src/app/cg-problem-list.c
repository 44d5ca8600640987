/* cg-problem-list.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-problem-list.h"
#include "cg-problems-page.h"

/* A library's problems as a list model of GtkStringObject, one a line as
 * the problems page shows them. A line is made only when a row asks for
 * it: a folder of broken files can have a hundred thousand problems, and
 * an object and a string for each, made up front, were most of the time
 * and memory of opening the page. */
struct _CgProblemList
{
  GObject    parent_instance;

  GPtrArray *problems;  /* of CgProblem, the library's */
};

static GType
cg_problem_list_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
cg_problem_list_get_n_items (GListModel *model)
{
  CgProblemList *self = CG_PROBLEM_LIST (model);

  return self->problems->len;
}

static gpointer
cg_problem_list_get_item (GListModel *model,
                          guint       position)
{
  CgProblemList *self = CG_PROBLEM_LIST (model);
  g_autofree char *line = NULL;

  if (position >= self->problems->len)
    return NULL;

  line = cg_problems_page_format_problem (g_ptr_array_index (self->problems, position), TRUE);

  return gtk_string_object_new (line);
}

static void
cg_problem_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cg_problem_list_get_item_type;
  iface->get_n_items = cg_problem_list_get_n_items;
  iface->get_item = cg_problem_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CgProblemList, cg_problem_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cg_problem_list_model_init))

static void
cg_problem_list_finalize (GObject *object)
{
  CgProblemList *self = CG_PROBLEM_LIST (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_problem_list_parent_class)->finalize (object);
}

static void
cg_problem_list_class_init (CgProblemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_problem_list_finalize;
}

static void
cg_problem_list_init (CgProblemList *self)
{
}

/**
 * cg_problem_list_new:
 * @problems: (transfer none): of CgProblem; kept, and never changed after
 */
CgProblemList *
cg_problem_list_new (GPtrArray *problems)
{
  CgProblemList *self;

  g_return_val_if_fail (problems != NULL, NULL);

  self = g_object_new (CG_TYPE_PROBLEM_LIST, NULL);
  self->problems = g_ptr_array_ref (problems);

  return self;
}
