/* cg-qr-code.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#if HAVE_QRENCODE
#include <qrencode.h>
#endif

#include "cg-qr-code.h"

/* A QR code for a phone's camera: the modules, and their pixels for the
 * screen. Both the link dialog (an address) and "Take it home" (the text of
 * an answer) draw through it, and so does the printed handout. */

/* The ECI designator for UTF-8. Without it, decoders guess the charset of
 * byte mode: zbar reads "Café" as Shift-JIS. With it, zbar, ZXing (Android)
 * and the iOS camera all show UTF-8. */
#define ECI_UTF8 26

struct _CgQrCode
{
  guint   version;
  guint   width;
  guint8 *modules;  /* width × width, 1 for dark */
};

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
}

/**
 * cg_qr_code_new:
 * @text: UTF-8
 * @max_version: the largest version allowed, 1 to 40
 *
 * Encodes @text in byte mode with error correction level M. Text that is
 * not plain ASCII is marked UTF-8 (ECI 26); plain ASCII is not marked, for
 * the oldest scanners.
 *
 * Returns: (transfer full) (nullable): the code, or %NULL when @text needs
 *   a version above @max_version or the application was built without
 *   libqrencode
 */
CgQrCode *
cg_qr_code_new (const char *text,
                guint       max_version)
{
#if HAVE_QRENCODE
  QRinput *input;
  QRcode *code;
  CgQrCode *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (max_version >= 1 && max_version <= 40, NULL);

  input = QRinput_new2 (0, QR_ECLEVEL_M);
  if (input == NULL)
    return NULL;

  if ((!is_ascii (text) && QRinput_appendECIheader (input, ECI_UTF8) != 0) ||
      QRinput_append (input, QR_MODE_8, (int) strlen (text), (const unsigned char *) text) != 0)
    {
      QRinput_free (input);
      return NULL;
    }

  code = QRcode_encodeInput (input);
  QRinput_free (input);
  if (code == NULL)
    return NULL;

  if ((guint) code->version > max_version)
    {
      QRcode_free (code);
      return NULL;
    }

  self = g_new0 (CgQrCode, 1);
  self->version = (guint) code->version;
  self->width = (guint) code->width;
  self->modules = g_malloc ((gsize) self->width * self->width);
  for (gsize i = 0; i < (gsize) self->width * self->width; i++)
    self->modules[i] = code->data[i] & 1;
  QRcode_free (code);

  return self;
#else
  return NULL;
#endif
}

void
cg_qr_code_free (CgQrCode *self)
{
  if (self == NULL)
    return;

  g_free (self->modules);
  g_free (self);
}

guint
cg_qr_code_get_version (CgQrCode *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->version;
}

/* In modules, without the quiet zone. */
guint
cg_qr_code_get_width (CgQrCode *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->width;
}

/* Whether the module is dark. */
gboolean
cg_qr_code_get_module (CgQrCode *self,
                       guint     x,
                       guint     y)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (x < self->width && y < self->width, FALSE);

  return self->modules[y * self->width + x] != 0;
}

/**
 * cg_qr_code_render_rgb:
 * @module_pixels: pixels a side of one module
 * @side: (out): pixels a side of the image
 *
 * Black on white whatever the style: a dark code on a dark background does
 * not scan. The image includes the quiet zone.
 *
 * Returns: (transfer full): R8G8B8 pixels, @side × 3 bytes a row
 */
GBytes *
cg_qr_code_render_rgb (CgQrCode *self,
                       guint     module_pixels,
                       guint    *side)
{
  gsize n, stride;
  guint8 *pixels;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (module_pixels > 0, NULL);
  g_return_val_if_fail (side != NULL, NULL);

  n = (gsize) (self->width + 2 * CG_QR_CODE_QUIET_ZONE) * module_pixels;
  stride = n * 3;
  pixels = g_malloc (stride * n);
  memset (pixels, 0xff, stride * n);

  for (guint y = 0; y < self->width; y++)
    for (guint x = 0; x < self->width; x++)
      {
        if (!self->modules[y * self->width + x])
          continue;

        for (gsize py = 0; py < module_pixels; py++)
          memset (pixels + ((y + CG_QR_CODE_QUIET_ZONE) * module_pixels + py) * stride
                         + (x + CG_QR_CODE_QUIET_ZONE) * module_pixels * 3,
                  0, module_pixels * 3);
      }

  *side = (guint) n;

  return g_bytes_new_take (pixels, stride * n);
}

/* Whether @text makes a code of @max_version or smaller. */
gboolean
cg_qr_code_fits (const char *text,
                 guint       max_version)
{
  g_autoptr(CgQrCode) code = cg_qr_code_new (text, max_version);

  return code != NULL;
}
