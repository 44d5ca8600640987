/* test-renderer.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <epoxy/gl.h>

#include "cg-test-ui.h"
#include "cg-application.h"
#include "cg-renderer.h"
#include "cg-window.h"

static void
test_renderer_software_names (void)
{
  g_assert_true (cg_renderer_is_software_gl ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (cg_renderer_is_software_gl ("softpipe"));
  g_assert_true (cg_renderer_is_software_gl ("Software Rasterizer"));
  g_assert_false (cg_renderer_is_software_gl ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (cg_renderer_is_software_gl ("AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-18-amd64)"));
  g_assert_false (cg_renderer_is_software_gl ("NVIDIA GeForce GTX 1650/PCIe/SSE2"));
  g_assert_false (cg_renderer_is_software_gl (NULL));
}

/* What OpenGL this display has, asked the same way, or NULL. */
static char *
dup_gl_renderer (void)
{
  g_autoptr(GdkGLContext) context = NULL;
  char *name;

  context = gdk_display_create_gl_context (gdk_display_get_default (), NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;
  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();

  return name;
}

/* The application's window, shown, and the renderer that drew it. */
static const char *
window_renderer_name (void)
{
  g_autoptr(CgApplication) app = cg_application_new ();
  CgWindow *window;
  const char *name;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = cg_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (window);

  name = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  return name;
}

static void
test_renderer_default (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *gl = dup_gl_renderer ();
      const char *name = window_renderer_name ();

      g_test_message ("OpenGL: %s; window drawn by %s", gl ? gl : "none", name);
      if (gl == NULL || cg_renderer_is_software_gl (gl))
        g_assert_cmpstr (name, ==, "GskCairoRenderer");
      else
        g_assert_cmpstr (name, !=, "GskCairoRenderer");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A renderer the user names is the one that draws. */
static void
test_renderer_user_choice (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *gl = dup_gl_renderer ();

      if (gl == NULL)
        g_error ("this test needs OpenGL, even in software: Mesa's llvmpipe will do");

      /* GTK reads the variable when it makes its first renderer. */
      g_setenv ("GSK_RENDERER", "gl", TRUE);
      g_assert_cmpstr (window_renderer_name (), ==, "GskGLRenderer");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* The UI suite draws with cairo and keeps GL off; here GTK must choose. */
  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/renderer/software-names", test_renderer_software_names);
  g_test_add_func ("/renderer/default", test_renderer_default);
  g_test_add_func ("/renderer/user-choice", test_renderer_user_choice);

  return g_test_run ();
}
