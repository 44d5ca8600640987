/* cg-problems-window.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-problems-page.h"

G_BEGIN_DECLS

#define CG_TYPE_PROBLEMS_WINDOW (cg_problems_window_get_type ())

G_DECLARE_FINAL_TYPE (CgProblemsWindow, cg_problems_window, CG, PROBLEMS_WINDOW, AdwWindow)

CgProblemsWindow *cg_problems_window_new      (GtkWindow        *parent);
CgProblemsPage   *cg_problems_window_get_page (CgProblemsWindow *self);

G_END_DECLS
