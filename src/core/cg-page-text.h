/* cg-page-text.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *cg_page_text_get_disclaimer (void);
char       *cg_page_text_format_date    (GDateTime  *when);
char       *cg_page_text_format_review  (const char *date,
                                         const char *reviewed_by);

G_END_DECLS
