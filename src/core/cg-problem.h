/* cg-problem.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_CONTENT_ERROR (cg_content_error_quark ())

/* What is wrong with a content file: the code of a CgProblem, and the
 * error domain of the content modules. */
typedef enum
{
  CG_CONTENT_ERROR_READ,
  CG_CONTENT_ERROR_TOO_LARGE,
  CG_CONTENT_ERROR_MALFORMED,
  CG_CONTENT_ERROR_DTD,
  CG_CONTENT_ERROR_INVALID,
  CG_CONTENT_ERROR_DUPLICATE_ID,
  CG_CONTENT_ERROR_UNKNOWN_TOPIC,
  CG_CONTENT_ERROR_DANGLING_LINK,
  CG_CONTENT_ERROR_UNKNOWN_FIELD,
  CG_CONTENT_ERROR_MISSING_IMAGE,
  CG_CONTENT_ERROR_EMPTY_TITLE,
  CG_CONTENT_ERROR_NO_CONTENT,
  CG_CONTENT_ERROR_UNMARKED_OVERRIDE,
} CgContentError;

/* Something wrong in a content file, located for the person who fixes it. */
struct _CgProblem
{
  char *file;     /* as the user named it */
  int   line;     /* 1-based; 0 when the whole file is concerned */
  int   column;   /* 1-based; 0 when unknown */
  int   code;     /* a CgContentError */
  char *message;  /* translated */
};

#define CG_TYPE_PROBLEM (cg_problem_get_type ())

GQuark     cg_content_error_quark (void);
GType      cg_problem_get_type    (void) G_GNUC_CONST;
CgProblem *cg_problem_new         (const char      *file,
                                   int              line,
                                   int              column,
                                   int              code,
                                   const char      *message);
CgProblem *cg_problem_copy        (const CgProblem *self);
void       cg_problem_free        (CgProblem       *self);
char      *cg_problem_to_string   (const CgProblem *self);
int        cg_problem_compare     (const CgProblem *a,
                                   const CgProblem *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgProblem, cg_problem_free)

G_END_DECLS
