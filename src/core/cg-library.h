/* cg-library.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-article.h"
#include "cg-clinic.h"
#include "cg-faq-entry.h"
#include "cg-problem.h"
#include "cg-topic.h"

G_BEGIN_DECLS

#define CG_TYPE_LIBRARY (cg_library_get_type ())

G_DECLARE_FINAL_TYPE (CgLibrary, cg_library, CG, LIBRARY, GObject)

const char  *cg_library_get_language            (CgLibrary  *self);
GListModel  *cg_library_get_topics              (CgLibrary  *self);
CgTopic     *cg_library_lookup_topic            (CgLibrary  *self,
                                                 const char *id);
CgItem      *cg_library_lookup_item             (CgLibrary  *self,
                                                 const char *id);
GListModel  *cg_library_get_items               (CgLibrary  *self);
GListModel  *cg_library_list_articles           (CgLibrary  *self,
                                                 const char *topic_id);
GListModel  *cg_library_list_faq_entries        (CgLibrary  *self,
                                                 const char *topic_id);
GListModel  *cg_library_list_popular            (CgLibrary  *self);
GListModel  *cg_library_list_related            (CgLibrary  *self,
                                                 CgItem     *item);
CgClinic    *cg_library_get_clinic              (CgLibrary  *self);
GPtrArray   *cg_library_get_synonyms            (CgLibrary  *self);
GPtrArray   *cg_library_get_problems            (CgLibrary  *self);

G_END_DECLS
