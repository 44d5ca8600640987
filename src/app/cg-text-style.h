/* cg-text-style.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-document.h"

G_BEGIN_DECLS

#define CG_TEXT_STYLE_MAX_LIST_LEVEL 4

/* Text tags cannot use CSS, so their colours are read from the style. */
typedef struct
{
  GdkRGBA foreground;
  GdkRGBA dim;
  GdkRGBA accent;
  GdkRGBA note_bg[4];      /* by CgNoteKind */
  GdkRGBA note_fg[4];
  GdkRGBA match_bg;
  GdkRGBA current_bg;
  GdkRGBA current_fg;
} CgTextPalette;

GtkTextTag *cg_text_style_get_tag            (GtkTextBuffer       *buffer,
                                              const char          *name);
void        cg_text_style_create_tags        (GtkTextBuffer       *buffer);
int         cg_text_style_em                 (double               text_scale,
                                              double               ems);
void        cg_text_style_update_metrics     (GtkTextBuffer       *buffer,
                                              double               text_scale);
void        cg_text_style_apply_palette      (GtkTextBuffer       *buffer,
                                              const CgTextPalette *palette);
const char *cg_text_style_note_tag           (CgNoteKind           kind);
const char *cg_text_style_note_icon          (CgNoteKind           kind);

void        cg_text_palette_init_from_widget (CgTextPalette       *palette,
                                              GtkWidget           *widget);
void        cg_text_palette_init_for_paper   (CgTextPalette       *palette);

G_END_DECLS
