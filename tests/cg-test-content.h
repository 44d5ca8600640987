/* cg-test-content.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-library.h"
#include "cg-search-index.h"

G_BEGIN_DECLS

/* What core and UI tests need to read the fixtures in tests/data. */
CgLibrary *cg_test_load_library    (const char    *fixture);
void       cg_test_describe_search (GString       *out,
                                    CgSearchIndex *index,
                                    const char    *language,
                                    const char    *query);

G_END_DECLS
