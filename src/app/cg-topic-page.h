/* cg-topic-page.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-faq-row.h"
#include "cg-library.h"

G_BEGIN_DECLS

#define CG_TYPE_TOPIC_PAGE (cg_topic_page_get_type ())

G_DECLARE_FINAL_TYPE (CgTopicPage, cg_topic_page, CG, TOPIC_PAGE, AdwBin)

GtkWidget  *cg_topic_page_new               (CgLibrary   *library,
                                             CgTopic     *topic);
CgTopic    *cg_topic_page_get_topic         (CgTopicPage *self);
GtkWidget  *cg_topic_page_get_articles_list (CgTopicPage *self);
guint       cg_topic_page_get_n_items       (CgTopicPage *self);
gboolean    cg_topic_page_focus_item_at     (CgTopicPage *self,
                                             guint        index);
CgFaqRow   *cg_topic_page_find_question     (CgTopicPage *self,
                                             const char  *id);
void        cg_topic_page_close_questions   (CgTopicPage *self);
void        cg_topic_page_lay_out_ahead     (CgTopicPage *self,
                                             int          width,
                                             int          height);

G_END_DECLS
