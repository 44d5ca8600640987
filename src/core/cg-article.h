/* cg-article.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-item.h"

G_BEGIN_DECLS

#define CG_TYPE_ARTICLE (cg_article_get_type ())

G_DECLARE_FINAL_TYPE (CgArticle, cg_article, CG, ARTICLE, CgItem)

const char *cg_article_get_summary (CgArticle *self);

G_END_DECLS
