/* cg-language-button.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CG_TYPE_LANGUAGE_BUTTON (cg_language_button_get_type ())

G_DECLARE_FINAL_TYPE (CgLanguageButton, cg_language_button, CG, LANGUAGE_BUTTON, AdwBin)

GtkWidget     *cg_language_button_new             (void);
GtkMenuButton *cg_language_button_get_menu_button (CgLanguageButton *self);
GMenuModel    *cg_language_button_get_menu        (CgLanguageButton *self);

G_END_DECLS
