/* cg-problem-list.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-problem.h"

G_BEGIN_DECLS

#define CG_TYPE_PROBLEM_LIST (cg_problem_list_get_type ())

G_DECLARE_FINAL_TYPE (CgProblemList, cg_problem_list, CG, PROBLEM_LIST, GObject)

CgProblemList *cg_problem_list_new (GPtrArray *problems);

G_END_DECLS
