/* cg-test-ui.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-application.h"
#include "cg-test-content.h"

G_BEGIN_DECLS

/* What every UI test needs to drive real widgets. */
typedef gboolean (*CgTestMatchFunc) (GtkWidget     *widget,
                                     gconstpointer  data);

CgApplication *cg_test_init_application  (int            *argc,
                                          char         ***argv);
void           cg_test_wait_for_frame    (gpointer        widget);
char          *cg_test_read_clipboard    (gpointer        widget);
void           cg_test_activate          (gpointer        widget,
                                          const char     *action,
                                          const char     *target);
GtkWidget     *cg_test_find_widget       (gpointer        widget,
                                          CgTestMatchFunc match,
                                          gconstpointer   data);
GtkWidget     *cg_test_find_descendant   (gpointer        widget,
                                          GType           type);
guint          cg_test_count_tag_ranges  (GtkTextBuffer  *buffer,
                                          const char     *name);
GPtrArray     *cg_test_item_row_titles   (GtkWidget      *list);
GtkWidget     *cg_test_find_label        (gpointer        widget,
                                          const char     *text);
guint         *cg_test_count_notify      (gpointer        object,
                                          const char     *property);
void           cg_test_assert_double_property (gpointer   object,
                                               const char *property,
                                               double     initial,
                                               double     changed);

G_END_DECLS
