/* cg-bidi.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Unicode directional isolates, as UTF-8. */
#define CG_BIDI_LRI "\xe2\x81\xa6"  /* U+2066 LEFT-TO-RIGHT ISOLATE */
#define CG_BIDI_RLI "\xe2\x81\xa7"  /* U+2067 RIGHT-TO-LEFT ISOLATE */
#define CG_BIDI_FSI "\xe2\x81\xa8"  /* U+2068 FIRST STRONG ISOLATE */
#define CG_BIDI_PDI "\xe2\x81\xa9"  /* U+2069 POP DIRECTIONAL ISOLATE */
/* A mark that makes a line right to left when it starts with Latin. */
#define CG_BIDI_RLM "\xe2\x80\x8f"  /* U+200F RIGHT-TO-LEFT MARK */

gboolean  cg_bidi_field_is_ltr  (const char *field);
char     *cg_bidi_isolate       (const char *text,
                                 gboolean    ltr);
char     *cg_bidi_isolate_field (const char *field,
                                 const char *value);
char     *cg_bidi_isolate_latin (const char *text);
char     *cg_bidi_strip         (const char *text);
gsize     cg_bidi_balance       (GString    *string,
                                 gsize       start);

G_END_DECLS
