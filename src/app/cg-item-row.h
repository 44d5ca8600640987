/* cg-item-row.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-item.h"

G_BEGIN_DECLS

#define CG_TYPE_ITEM_ROW (cg_item_row_get_type ())

G_DECLARE_FINAL_TYPE (CgItemRow, cg_item_row, CG, ITEM_ROW, GtkListBoxRow)

GtkWidget *cg_item_row_new      (CgItem    *item);
CgItem    *cg_item_row_get_item (CgItemRow *self);

G_END_DECLS
