/* cg-note-icon.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_NOTE_ICON (cg_note_icon_get_type ())

G_DECLARE_FINAL_TYPE (CgNoteIcon, cg_note_icon, CG, NOTE_ICON, GObject)

CgNoteIcon *cg_note_icon_new       (const char    *icon_name,
                                    int            size);
const char *cg_note_icon_get_name  (CgNoteIcon    *self);
void        cg_note_icon_set_size  (CgNoteIcon    *self,
                                    int            size);
void        cg_note_icon_set_color (CgNoteIcon    *self,
                                    const GdkRGBA *color);

G_END_DECLS
