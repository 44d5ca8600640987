/* cg-problem.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-problem.h"

G_DEFINE_QUARK (cg-content-error-quark, cg_content_error)

G_DEFINE_BOXED_TYPE (CgProblem, cg_problem, cg_problem_copy, cg_problem_free)

CgProblem *
cg_problem_new (const char *file,
                int         line,
                int         column,
                int         code,
                const char *message)
{
  CgProblem *self = g_new0 (CgProblem, 1);

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self->file = g_strdup (file);
  self->line = MAX (line, 0);
  self->column = MAX (column, 0);
  self->code = code;
  self->message = g_strdup (message);

  return self;
}

CgProblem *
cg_problem_copy (const CgProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cg_problem_new (self->file, self->line, self->column, self->code, self->message);
}

void
cg_problem_free (CgProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_free (self->message);
  g_free (self);
}

/* The form compilers use, which editors and terminals turn into links. */
char *
cg_problem_to_string (const CgProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup_printf ("%s:%d:%d: %s", self->file,
                          MAX (self->line, 1), MAX (self->column, 1), self->message);
}

int
cg_problem_compare (const CgProblem *a,
                    const CgProblem *b)
{
  int cmp = g_strcmp0 (a->file, b->file);

  if (cmp != 0)
    return cmp;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->column != b->column)
    return a->column < b->column ? -1 : 1;
  return g_strcmp0 (a->message, b->message);
}
