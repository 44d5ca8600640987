/* cg-renderer.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which of GTK's renderers draws our windows.
 *
 * GTK 4.8 draws with OpenGL whenever a context can be made, even when the
 * only OpenGL is Mesa's software rasterizer: virtual machines, thin
 * clients, a waiting-room PC without a graphics driver, Xvfb. There its GL
 * renderer repaints the whole window for every frame (llvmpipe offers no
 * buffer age), which on two cores costs 23 ms and more for a 1100 x 760
 * window, a frame in which one button changes included; the cairo renderer
 * repaints only what changed, in 1 to 5 ms. Newer GTK (4.14 and later)
 * also refuses llvmpipe for its first choice of renderer.
 *
 * So where OpenGL is software, we ask GTK for cairo. GSK_RENDERER, when the
 * user sets it, still wins. */

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "cg-renderer.h"

/* GTK 4.8 looks up a renderer name in this data of the display before it
 * reads GSK_RENDERER (gsk_renderer_new_for_surface); GTK's inspector uses
 * it to keep its own windows off GL. Setting it rather than the variable
 * leaves the environment of the programs we launch, and of our threads,
 * alone. */
#define DISPLAY_RENDERER_KEY "gsk-renderer"

/**
 * cg_renderer_is_software_gl:
 * @gl_renderer: (nullable): an OpenGL renderer string (GL_RENDERER)
 *
 * Returns: whether it names one of Mesa's software rasterizers
 */
gboolean
cg_renderer_is_software_gl (const char *gl_renderer)
{
  static const char * const software[] = { "llvmpipe", "softpipe", "Software Rasterizer" };

  if (gl_renderer == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (gl_renderer, software[i]) != NULL)
      return TRUE;

  return FALSE;
}

static char *
dup_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *name;

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL: %s", error->message);
      return NULL;
    }

  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();

  return name;
}

/**
 * cg_renderer_choose:
 * @display: the display our windows will be on, before any is realized
 *
 * Asks GTK for the cairo renderer on @display when its OpenGL is software
 * and GSK_RENDERER is not set.
 *
 * Returns: (nullable): the renderer asked for, or %NULL for GTK's own choice
 */
const char *
cg_renderer_choose (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return NULL;

  gl_renderer = dup_gl_renderer (display);
  if (!cg_renderer_is_software_gl (gl_renderer))
    return NULL;

  g_debug ("OpenGL is %s, in software: drawing with cairo", gl_renderer);
  g_object_set_data (G_OBJECT (display), DISPLAY_RENDERER_KEY, (gpointer) "cairo");

  return "cairo";
}
