/* cg-item.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-document.h"
#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_ITEM (cg_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (CgItem, cg_item, CG, ITEM, GObject)

struct _CgItemClass
{
  GObjectClass parent_class;
};

const char         *cg_item_get_id          (CgItem *self);
const char         *cg_item_get_topic_id    (CgItem *self);
const char         *cg_item_get_title       (CgItem *self);
const char * const *cg_item_get_keywords    (CgItem *self);
const char         *cg_item_get_review_date (CgItem *self);
const char         *cg_item_get_reviewed_by (CgItem *self);
CgDocument         *cg_item_get_document    (CgItem *self);
const char * const *cg_item_get_related     (CgItem *self);
const char         *cg_item_get_file        (CgItem *self);
const char * const *cg_item_get_takeaway    (CgItem *self);

G_END_DECLS
