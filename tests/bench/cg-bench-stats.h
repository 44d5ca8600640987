/* cg-bench-stats.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The figures every benchmark reports the same way. */
double cg_bench_percentile (GArray *values,
                            double  p);

G_END_DECLS
