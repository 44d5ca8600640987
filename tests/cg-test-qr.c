/* cg-test-qr.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cg-test-qr.h"

/**
 * cg_test_decode_qr:
 * @image_path: a PNG, PPM or any image zbarimg reads
 *
 * Decodes the one QR code of the image with zbarimg (Debian package
 * zbar-tools, which `make test` installs; meson finds it and sets
 * ZBARIMG). Fails the test when there is not exactly one code.
 *
 * Returns: (transfer full): the text, as zbarimg prints it without its
 *   final newline
 */
char *
cg_test_decode_qr (const char *image_path)
{
  const char *zbarimg = g_getenv ("ZBARIMG");
  const char *argv[] = { zbarimg != NULL ? zbarimg : "zbarimg", "--raw", "-q", image_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* zbarimg's stderr carries the noise of ImageMagick's D-Bus attempts. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("zbarimg found no code in %s: %s", image_path, err);

  g_assert_true (g_str_has_suffix (out, "\n"));
  out[strlen (out) - 1] = '\0';

  return g_steal_pointer (&out);
}

/* The code's own pixels, 4 a module, through a PPM file. */
char *
cg_test_decode_qr_code (CgQrCode *code)
{
  g_autoptr(GBytes) pixels = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) file = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint side;
  int fd;

  pixels = cg_qr_code_render_rgb (code, 4, &side);
  g_string_append_printf (file, "P6\n%u %u\n255\n", side, side);
  g_string_append_len (file, g_bytes_get_data (pixels, NULL), (gssize) g_bytes_get_size (pixels));

  fd = g_file_open_tmp ("cg-test-qr-XXXXXX.ppm", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, file->str, (gssize) file->len, &error);
  g_assert_no_error (error);

  text = cg_test_decode_qr (path);
  g_unlink (path);

  return g_steal_pointer (&text);
}
