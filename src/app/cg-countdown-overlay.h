/* cg-countdown-overlay.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CG_TYPE_COUNTDOWN_OVERLAY (cg_countdown_overlay_get_type ())

G_DECLARE_FINAL_TYPE (CgCountdownOverlay, cg_countdown_overlay, CG, COUNTDOWN_OVERLAY, AdwBin)

GtkWidget *cg_countdown_overlay_new           (void);
guint      cg_countdown_overlay_get_remaining (CgCountdownOverlay *self);
void       cg_countdown_overlay_set_remaining (CgCountdownOverlay *self,
                                               guint               remaining);

G_END_DECLS
