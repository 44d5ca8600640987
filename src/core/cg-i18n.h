/* cg-i18n.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void                cg_i18n_init                  (void);
const char * const *cg_i18n_get_languages         (void);
gboolean            cg_i18n_has_language          (const char *language);
char               *cg_i18n_get_native_name       (const char *language);
gboolean            cg_i18n_is_rtl                (const char *language);
const char         *cg_i18n_get_language          (void);
void                cg_i18n_set_language          (const char *language);
char               *cg_i18n_get_session_language  (void);

G_END_DECLS
