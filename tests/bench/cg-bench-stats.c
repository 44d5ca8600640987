/* cg-bench-stats.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-bench-stats.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * cg_bench_percentile:
 * @values: (element-type double): sorted in place
 * @p: from 0 to 100; 50 is the median, 100 the maximum
 *
 * The nearest-rank percentile: always one of @values, 0 if there are none.
 */
double
cg_bench_percentile (GArray *values,
                     double  p)
{
  guint rank;

  if (values->len == 0)
    return 0.0;

  g_array_sort (values, compare_doubles);
  rank = (guint) MAX (1.0, (p / 100.0) * values->len + 0.999999);

  return g_array_index (values, double, MIN (rank, values->len) - 1);
}
