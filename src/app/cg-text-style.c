/* cg-text-style.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-text-style.h"

/* How rendered text looks: the named tags of a buffer, their spacing at a
 * text scale and their colours from a palette. The renderer decides which
 * text gets which tag; this file decides what each tag looks like, for the
 * screen (colours from the style) and for paper. */

/* One em at text scale 1: the reading font is about 12.5 pt. */
#define EM_PX 16.0

static int
em (double text_scale,
    double ems)
{
  return (int) (ems * EM_PX * text_scale + 0.5);
}

static void
set_tag (GtkTextBuffer *buffer,
         const char    *name,
         const char    *first_property,
         ...)
{
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (cg_text_style_get_tag (buffer, name)), first_property, args);
  va_end (args);
}

/* Public API */

/**
 * cg_text_style_em:
 *
 * Returns: @ems in pixels at @text_scale
 */
int
cg_text_style_em (double text_scale,
                  double ems)
{
  return em (text_scale, ems);
}

/**
 * cg_text_style_get_tag:
 *
 * Returns: (transfer none): the tag named @name, which
 *   cg_text_style_create_tags() made
 */
GtkTextTag *
cg_text_style_get_tag (GtkTextBuffer *buffer,
                       const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);

  g_assert (tag != NULL);

  return tag;
}

/* Creation order is priority order: later tags win where they overlap. */
void
cg_text_style_create_tags (GtkTextBuffer *buffer)
{
  if (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "title") != NULL)
    return;

  gtk_text_buffer_create_tag (buffer, "paragraph", NULL);
  gtk_text_buffer_create_tag (buffer, "list-item", NULL);
  gtk_text_buffer_create_tag (buffer, "heading-1",
                              "weight", 700, "scale", 1.35, NULL);
  gtk_text_buffer_create_tag (buffer, "heading-2",
                              "weight", 700, "scale", 1.12, NULL);
  gtk_text_buffer_create_tag (buffer, "title",
                              "weight", 800, "scale", 1.75, NULL);
  gtk_text_buffer_create_tag (buffer, "disclaimer",
                              "scale", 0.92, NULL);
  gtk_text_buffer_create_tag (buffer, "review",
                              "scale", 0.92, NULL);
  gtk_text_buffer_create_tag (buffer, "note-title",
                              "weight", 700, NULL);
  gtk_text_buffer_create_tag (buffer, "image",
                              "justification", GTK_JUSTIFY_CENTER, NULL);
  gtk_text_buffer_create_tag (buffer, "caption",
                              "justification", GTK_JUSTIFY_CENTER,
                              "style", PANGO_STYLE_ITALIC, "scale", 0.92, NULL);
  gtk_text_buffer_create_tag (buffer, "related-heading",
                              "weight", 700, "scale", 1.12, NULL);

  for (guint level = 1; level <= CG_TEXT_STYLE_MAX_LIST_LEVEL; level++)
    {
      g_autofree char *list = g_strdup_printf ("list-%u", level);
      g_autofree char *para = g_strdup_printf ("list-paragraph-%u", level);

      gtk_text_buffer_create_tag (buffer, list, "accumulative-margin", TRUE, NULL);
      gtk_text_buffer_create_tag (buffer, para, "accumulative-margin", TRUE, NULL);
    }

  gtk_text_buffer_create_tag (buffer, "list-end", NULL);
  gtk_text_buffer_create_tag (buffer, "note", "accumulative-margin", TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "note-info", NULL);
  gtk_text_buffer_create_tag (buffer, "note-warning", NULL);
  gtk_text_buffer_create_tag (buffer, "note-call", NULL);
  gtk_text_buffer_create_tag (buffer, "note-start", NULL);
  gtk_text_buffer_create_tag (buffer, "note-end", NULL);
  gtk_text_buffer_create_tag (buffer, "after-note", NULL);
  gtk_text_buffer_create_tag (buffer, "note-after-note", NULL);

  gtk_text_buffer_create_tag (buffer, "bullet", "weight", 700, NULL);
  gtk_text_buffer_create_tag (buffer, "emphasis", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "strong", "weight", 700, NULL);
  gtk_text_buffer_create_tag (buffer, "field", NULL);
  gtk_text_buffer_create_tag (buffer, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);

  gtk_text_buffer_create_tag (buffer, "find-match", NULL);
  gtk_text_buffer_create_tag (buffer, "find-current", NULL);
}

/**
 * cg_text_style_update_metrics:
 *
 * Sets the spacing, margins and indents of the tags for @text_scale: they
 * are pixels, which do not follow the font size by themselves.
 */
void
cg_text_style_update_metrics (GtkTextBuffer *buffer,
                              double         text_scale)
{
  /* Body text is set looser than the interface, for reading. */
  const double line_height = 1.35;

  set_tag (buffer, "title", "pixels-below-lines", em (text_scale, 0.35), NULL);
  set_tag (buffer, "disclaimer", "pixels-below-lines", em (text_scale, 1.3), NULL);
  set_tag (buffer, "heading-1",
           "pixels-above-lines", em (text_scale, 1.4),
           "pixels-below-lines", em (text_scale, 0.45), NULL);
  set_tag (buffer, "heading-2",
           "pixels-above-lines", em (text_scale, 0.9),
           "pixels-below-lines", em (text_scale, 0.35), NULL);
  set_tag (buffer, "related-heading",
           "pixels-above-lines", em (text_scale, 1.4),
           "pixels-below-lines", em (text_scale, 0.45), NULL);
  set_tag (buffer, "paragraph",
           "pixels-below-lines", em (text_scale, 0.8),
           "line-height", line_height, NULL);
  set_tag (buffer, "list-item",
           "pixels-below-lines", em (text_scale, 0.35),
           "line-height", line_height, NULL);
  set_tag (buffer, "list-end", "pixels-below-lines", em (text_scale, 0.8), NULL);
  set_tag (buffer, "note-title", "pixels-below-lines", em (text_scale, 0.35), NULL);
  set_tag (buffer, "image", "pixels-below-lines", em (text_scale, 0.35), NULL);
  set_tag (buffer, "caption", "pixels-below-lines", em (text_scale, 0.8), NULL);
  set_tag (buffer, "review", "pixels-above-lines", em (text_scale, 1.4), NULL);

  /* A hanging indent: the bullet sits at the margin, the text and its
   * wrapped lines at one tab stop further in. */
  for (guint level = 1; level <= CG_TEXT_STYLE_MAX_LIST_LEVEL; level++)
    {
      g_autofree char *list = g_strdup_printf ("list-%u", level);
      g_autofree char *para = g_strdup_printf ("list-paragraph-%u", level);
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT,
                                                                em (text_scale, 1.5));
      int margin = em (text_scale, 0.4 + 1.5 * (level - 1));

      set_tag (buffer, list,
               "left-margin", margin,
               "indent", -em (text_scale, 1.5),
               "tabs", tabs, NULL);
      set_tag (buffer, para,
               "left-margin", margin + em (text_scale, 1.5),
               "pixels-below-lines", em (text_scale, 0.35), NULL);
      pango_tab_array_free (tabs);
    }

  set_tag (buffer, "note",
           "left-margin", em (text_scale, 0.9),
           "right-margin", em (text_scale, 0.9), NULL);
  set_tag (buffer, "note-start", "pixels-above-lines", em (text_scale, 0.8), NULL);
  set_tag (buffer, "note-end", "pixels-below-lines", em (text_scale, 0.8), NULL);
  set_tag (buffer, "after-note", "pixels-above-lines", em (text_scale, 1.0), NULL);
  /* Two notes in a row: the gap between them, then the second's padding. */
  set_tag (buffer, "note-after-note", "pixels-above-lines", em (text_scale, 1.0) + em (text_scale, 0.8), NULL);
}

const char *
cg_text_style_note_tag (CgNoteKind kind)
{
  switch (kind)
    {
    case CG_NOTE_WARNING:
      return "note-warning";
    case CG_NOTE_CALL:
      return "note-call";
    case CG_NOTE_INFO:
    case CG_NOTE_NONE:
    default:
      return "note-info";
    }
}

const char *
cg_text_style_note_icon (CgNoteKind kind)
{
  switch (kind)
    {
    case CG_NOTE_WARNING:
      return "dialog-warning-symbolic";
    case CG_NOTE_CALL:
      return "call-start-symbolic";
    case CG_NOTE_INFO:
    case CG_NOTE_NONE:
    default:
      return "dialog-information-symbolic";
    }
}

/**
 * cg_text_style_apply_palette:
 *
 * Colours the tags from @p: text tags cannot use CSS.
 */
void
cg_text_style_apply_palette (GtkTextBuffer       *buffer,
                             const CgTextPalette *p)
{
  set_tag (buffer, "link", "foreground-rgba", &p->accent, NULL);
  set_tag (buffer, "bullet", "foreground-rgba", &p->accent, NULL);
  set_tag (buffer, "disclaimer", "foreground-rgba", &p->dim, NULL);
  set_tag (buffer, "review", "foreground-rgba", &p->dim, NULL);
  set_tag (buffer, "caption", "foreground-rgba", &p->dim, NULL);
  set_tag (buffer, "find-match", "background-rgba", &p->match_bg, NULL);
  set_tag (buffer, "find-current",
           "background-rgba", &p->current_bg,
           "foreground-rgba", &p->current_fg, NULL);

}

/* Palettes */

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const GdkRGBA   *fallback,
              GdkRGBA         *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, color))
    *color = *fallback;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;

  return result;
}

/**
 * cg_text_palette_init_from_widget:
 *
 * Reads the libadwaita palette that applies to @widget: light or dark,
 * normal or high contrast. Note tints are stronger in high contrast, and
 * secondary text is not dimmed.
 */
void
cg_text_palette_init_from_widget (CgTextPalette *palette,
                                  GtkWidget     *widget)
{
  GtkStyleContext *context;
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  double tint = high_contrast ? 0.3 : 1.0 / 7;
  GdkRGBA accent_bg, warning_bg, error_bg;

  g_return_if_fail (palette != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &palette->foreground);
  G_GNUC_END_IGNORE_DEPRECATIONS

  palette->dim = with_alpha (&palette->foreground, high_contrast ? 1.0 : 0.6);

  lookup_color (context, "accent_color", &palette->foreground, &palette->accent);
  lookup_color (context, "accent_bg_color", &palette->accent, &accent_bg);
  lookup_color (context, "warning_bg_color", &accent_bg, &warning_bg);
  lookup_color (context, "error_bg_color", &accent_bg, &error_bg);
  lookup_color (context, "accent_fg_color", &palette->foreground, &palette->current_fg);

  palette->note_bg[CG_NOTE_NONE] = with_alpha (&accent_bg, tint);
  palette->note_bg[CG_NOTE_INFO] = with_alpha (&accent_bg, tint);
  palette->note_bg[CG_NOTE_WARNING] = with_alpha (&warning_bg, tint * 1.4);
  palette->note_bg[CG_NOTE_CALL] = with_alpha (&error_bg, tint);

  palette->note_fg[CG_NOTE_NONE] = palette->accent;
  palette->note_fg[CG_NOTE_INFO] = palette->accent;
  lookup_color (context, "warning_color", &palette->foreground, &palette->note_fg[CG_NOTE_WARNING]);
  lookup_color (context, "error_color", &palette->foreground, &palette->note_fg[CG_NOTE_CALL]);

  palette->match_bg = with_alpha (&warning_bg, 0.45);
  palette->current_bg = accent_bg;
}

/**
 * cg_text_palette_init_for_paper:
 *
 * Paper is white whatever the screen's style: printing uses the light
 * palette's values.
 */
void
cg_text_palette_init_for_paper (CgTextPalette *palette)
{
  /* libadwaita's light palette: @blue_3, @blue_4, @yellow_2, @yellow_5, @red_3, @red_4. */
  static const GdkRGBA blue_3 = { 0x35 / 255., 0x84 / 255., 0xe4 / 255., 1 };
  static const GdkRGBA blue_4 = { 0x1c / 255., 0x71 / 255., 0xd8 / 255., 1 };
  static const GdkRGBA yellow_2 = { 0x9c / 255., 0x6e / 255., 0x03 / 255., 1 };
  static const GdkRGBA yellow_5 = { 0xe5 / 255., 0xa5 / 255., 0x0a / 255., 1 };
  static const GdkRGBA red_3 = { 0xe0 / 255., 0x1b / 255., 0x24 / 255., 1 };
  static const GdkRGBA red_4 = { 0xc0 / 255., 0x1c / 255., 0x28 / 255., 1 };
  static const GdkRGBA black = { 0, 0, 0, 1 };

  g_return_if_fail (palette != NULL);

  palette->foreground = black;
  palette->dim = with_alpha (&black, 0.65);
  palette->accent = blue_4;
  palette->note_bg[CG_NOTE_NONE] = with_alpha (&blue_3, 0.1);
  palette->note_bg[CG_NOTE_INFO] = with_alpha (&blue_3, 0.1);
  palette->note_bg[CG_NOTE_WARNING] = with_alpha (&yellow_5, 0.16);
  palette->note_bg[CG_NOTE_CALL] = with_alpha (&red_3, 0.1);
  palette->note_fg[CG_NOTE_NONE] = blue_4;
  palette->note_fg[CG_NOTE_INFO] = blue_4;
  palette->note_fg[CG_NOTE_WARNING] = yellow_2;
  palette->note_fg[CG_NOTE_CALL] = red_4;
  palette->match_bg = (GdkRGBA) { 0, 0, 0, 0 };
  palette->current_bg = (GdkRGBA) { 0, 0, 0, 0 };
  palette->current_fg = black;
}
