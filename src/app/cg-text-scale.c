/* cg-text-scale.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "cg-text-scale.h"

/* The size of the reading area's text, 1.0 being the normal size: the
 * steps the zoom actions take, what the menu says, and the style sheet
 * that applies it. Apart from the style sheet these are pure functions,
 * for the window's bindings and for tests. */

/* The text sizes offered, as in a web browser. */
static const double text_scales[] = { 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5 };

#define MIN_SCALE (text_scales[0])
#define MAX_SCALE (text_scales[G_N_ELEMENTS (text_scales) - 1])

double
cg_text_scale_clamp (double scale)
{
  return CLAMP (scale, MIN_SCALE, MAX_SCALE);
}

/**
 * cg_text_scale_step:
 * @direction: 1 for larger, -1 for smaller, 0 for the normal size
 *
 * Returns: the size after @scale in @direction, within the sizes offered
 */
double
cg_text_scale_step (double scale,
                    int    direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (text_scales); i++)
        if (text_scales[i] > scale + 0.01)
          return text_scales[i];
      return MAX_SCALE;
    }

  if (direction < 0)
    {
      for (guint i = G_N_ELEMENTS (text_scales); i > 0; i--)
        if (text_scales[i - 1] < scale - 0.01)
          return text_scales[i - 1];
      return MIN_SCALE;
    }

  return 1.0;
}

/**
 * cg_text_scale_can_step:
 * @direction: as for cg_text_scale_step()
 *
 * Returns: whether a step in @direction changes the size
 */
gboolean
cg_text_scale_can_step (double scale,
                        int    direction)
{
  if (direction > 0)
    return scale < MAX_SCALE - 0.01;
  if (direction < 0)
    return scale > MIN_SCALE + 0.01;

  return !G_APPROX_VALUE (scale, 1.0, 0.01);
}

/**
 * cg_text_scale_format:
 *
 * Returns: (transfer full): the size as the menus show it: "125%"
 */
char *
cg_text_scale_format (double scale)
{
  /* Translators: the text size in the main menu. */
  return g_strdup_printf (_("%.0f%%"), scale * 100);
}

/* The reading area's labels use libadwaita's type scale, in points: one
 * style sheet for the display scales all of it, and the text views follow
 * the font they inherit. The setting is shared by every window. */

static GtkCssProvider *text_scale_provider;

/**
 * cg_text_scale_apply_css:
 *
 * Sizes the text of every `.reading-area` on the default display.
 */
void
cg_text_scale_apply_css (double scale)
{
  static const struct { const char *selector; double points; } sizes[] = {
    { ".title-1", 20 }, { ".title-2", 15 }, { ".title-3", 15 }, { ".title-4", 13 },
    { ".heading", 11 }, { ".body", 11 }, { ".caption", 9 }, { ".caption-heading", 9 },
  };
  g_autoptr(GString) css = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  GdkDisplay *display = gdk_display_get_default ();

  /* At the normal size there is nothing to override: every style lookup
   * would pay for one more provider. */
  if (display == NULL || (text_scale_provider == NULL && G_APPROX_VALUE (scale, 1.0, 0.001)))
    return;

  if (text_scale_provider == NULL)
    {
      text_scale_provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display,
                                                  GTK_STYLE_PROVIDER (text_scale_provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  /* Not printf: a comma as decimal separator is not CSS. */
  g_string_append_printf (css, ".reading-area { font-size: %s%%; }\n",
                          g_ascii_formatd (number, sizeof number, "%.1f", scale * 100));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    g_string_append_printf (css, ".reading-area %s { font-size: %spt; }\n", sizes[i].selector,
                            g_ascii_formatd (number, sizeof number, "%.2f", sizes[i].points * scale));

  gtk_css_provider_load_from_data (text_scale_provider, css->str, css->len);
}
