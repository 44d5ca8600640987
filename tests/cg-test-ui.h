/* cg-test-ui.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What every UI test needs to drive real widgets. */
void  cg_test_wait_for_frame  (gpointer widget);
char *cg_test_read_clipboard  (gpointer widget);

G_END_DECLS
