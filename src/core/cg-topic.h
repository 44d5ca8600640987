/* cg-topic.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-document.h"
#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_TOPIC (cg_topic_get_type ())

G_DECLARE_FINAL_TYPE (CgTopic, cg_topic, CG, TOPIC, GObject)

const char         *cg_topic_get_id        (CgTopic *self);
const char         *cg_topic_get_title     (CgTopic *self);
const char         *cg_topic_get_icon_name (CgTopic *self);
const char         *cg_topic_get_summary   (CgTopic *self);

G_END_DECLS
