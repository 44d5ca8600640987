/* cg-renderer.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    cg_renderer_is_software_gl (const char *gl_renderer);
const char *cg_renderer_choose         (GdkDisplay *display);

G_END_DECLS
