/* cg-test-ui.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What every UI test needs to drive real widgets. */
void       cg_test_wait_for_frame   (gpointer    widget);
char      *cg_test_read_clipboard   (gpointer    widget);
void       cg_test_activate         (gpointer    widget,
                                     const char *action,
                                     const char *target);
GtkWidget *cg_test_find_descendant  (gpointer    widget,
                                     GType       type);

G_END_DECLS
