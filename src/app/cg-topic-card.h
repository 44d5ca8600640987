/* cg-topic-card.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-topic.h"

G_BEGIN_DECLS

#define CG_TYPE_TOPIC_CARD (cg_topic_card_get_type ())

G_DECLARE_FINAL_TYPE (CgTopicCard, cg_topic_card, CG, TOPIC_CARD, GtkFlowBoxChild)

GtkWidget *cg_topic_card_new       (CgTopic     *topic);
CgTopic   *cg_topic_card_get_topic (CgTopicCard *self);

G_END_DECLS
