/* screen-mean.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How bright a rectangle of the X screen is, from 0 (black) to 1 (white),
 * for test-kiosk-wm.sh: an X window that GTK never painted is black.
 *
 *   screen-mean X Y WIDTH HEIGHT */

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <stdlib.h>

int
main (int   argc,
      char *argv[])
{
  Display *display;
  XImage *image;
  double sum = 0;
  int x, y, width, height;

  if (argc != 5)
    {
      fprintf (stderr, "usage: screen-mean X Y WIDTH HEIGHT\n");
      return 2;
    }
  x = atoi (argv[1]);
  y = atoi (argv[2]);
  width = atoi (argv[3]);
  height = atoi (argv[4]);

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "screen-mean: cannot open the display\n");
      return 1;
    }

  image = XGetImage (display, DefaultRootWindow (display), x, y, width, height, AllPlanes, ZPixmap);
  if (image == NULL)
    return 1;

  for (int j = 0; j < height; j++)
    for (int i = 0; i < width; i++)
      {
        unsigned long pixel = XGetPixel (image, i, j);

        sum += (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / (3 * 255.0);
      }

  printf ("%.3f\n", sum / ((double) width * height));
  XDestroyImage (image);
  XCloseDisplay (display);

  return 0;
}
