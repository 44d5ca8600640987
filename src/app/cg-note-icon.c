/* cg-note-icon.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-note-icon.h"

/* The icon in front of a note, as a paintable that a GtkTextBuffer can hold.
 * A text view draws paintables without the widget's colours, so a symbolic
 * icon would stay black on a dark background: this one carries its colour,
 * which the renderer updates when the style changes. */
struct _CgNoteIcon
{
  GObject           parent_instance;

  char             *icon_name;
  GtkIconPaintable *icon;
  GdkRGBA           color;
  int               size;
};

static void cg_note_icon_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CgNoteIcon, cg_note_icon, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      cg_note_icon_paintable_init))

static void
cg_note_icon_load (CgNoteIcon *self)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_clear_object (&self->icon);

  if (display == NULL)
    return;

  /* Looked up at twice the size so that it stays sharp on paper and on
   * scaled displays. */
  self->icon = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (display),
                                           self->icon_name, NULL, self->size, 2,
                                           GTK_TEXT_DIR_NONE, 0);
}

static void
cg_note_icon_snapshot (GdkPaintable *paintable,
                       GdkSnapshot  *snapshot,
                       double        width,
                       double        height)
{
  CgNoteIcon *self = CG_NOTE_ICON (paintable);

  if (self->icon == NULL)
    return;

  if (GTK_IS_SYMBOLIC_PAINTABLE (self->icon))
    gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (self->icon),
                                              snapshot, width, height, &self->color, 1);
  else
    gdk_paintable_snapshot (GDK_PAINTABLE (self->icon), snapshot, width, height);
}

static int
cg_note_icon_get_intrinsic_size (GdkPaintable *paintable)
{
  return CG_NOTE_ICON (paintable)->size;
}

static void
cg_note_icon_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = cg_note_icon_snapshot;
  iface->get_intrinsic_width = cg_note_icon_get_intrinsic_size;
  iface->get_intrinsic_height = cg_note_icon_get_intrinsic_size;
}

static void
cg_note_icon_finalize (GObject *object)
{
  CgNoteIcon *self = CG_NOTE_ICON (object);

  g_clear_pointer (&self->icon_name, g_free);
  g_clear_object (&self->icon);

  G_OBJECT_CLASS (cg_note_icon_parent_class)->finalize (object);
}

static void
cg_note_icon_class_init (CgNoteIconClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_note_icon_finalize;
}

static void
cg_note_icon_init (CgNoteIcon *self)
{
  self->color = (GdkRGBA) { 0, 0, 0, 1 };
}

CgNoteIcon *
cg_note_icon_new (const char *icon_name,
                  int         size)
{
  CgNoteIcon *self;

  g_return_val_if_fail (icon_name != NULL, NULL);

  self = g_object_new (CG_TYPE_NOTE_ICON, NULL);
  self->icon_name = g_strdup (icon_name);
  self->size = MAX (size, 1);
  cg_note_icon_load (self);

  return self;
}

const char *
cg_note_icon_get_name (CgNoteIcon *self)
{
  g_return_val_if_fail (CG_IS_NOTE_ICON (self), NULL);

  return self->icon_name;
}

void
cg_note_icon_set_size (CgNoteIcon *self,
                       int         size)
{
  g_return_if_fail (CG_IS_NOTE_ICON (self));

  size = MAX (size, 1);
  if (size == self->size)
    return;

  self->size = size;
  cg_note_icon_load (self);
  gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
}

void
cg_note_icon_set_color (CgNoteIcon    *self,
                        const GdkRGBA *color)
{
  g_return_if_fail (CG_IS_NOTE_ICON (self));
  g_return_if_fail (color != NULL);

  if (gdk_rgba_equal (color, &self->color))
    return;

  self->color = *color;
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}
