/* cg-faq-entry.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-item.h"

G_BEGIN_DECLS

#define CG_TYPE_FAQ_ENTRY (cg_faq_entry_get_type ())

G_DECLARE_FINAL_TYPE (CgFaqEntry, cg_faq_entry, CG, FAQ_ENTRY, CgItem)

const char *cg_faq_entry_get_question (CgFaqEntry *self);
gboolean    cg_faq_entry_get_popular  (CgFaqEntry *self);

G_END_DECLS
