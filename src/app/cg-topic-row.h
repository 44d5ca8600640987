/* cg-topic-row.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-topic.h"

G_BEGIN_DECLS

#define CG_TYPE_TOPIC_ROW (cg_topic_row_get_type ())

G_DECLARE_FINAL_TYPE (CgTopicRow, cg_topic_row, CG, TOPIC_ROW, GtkListBoxRow)

GtkWidget  *cg_topic_row_new      (CgTopic    *topic);
GtkWidget  *cg_topic_row_new_home (void);
CgTopic    *cg_topic_row_get_topic (CgTopicRow *self);
const char *cg_topic_row_get_page  (CgTopicRow *self);

G_END_DECLS
