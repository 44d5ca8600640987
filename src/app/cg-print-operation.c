/* cg-print-operation.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cg-document-image.h"
#include "cg-page-text.h"
#include "cg-print-operation.h"
#include "cg-qr-code.h"
#include "cg-text-renderer.h"

/* Prints an article or an answer as a patient handout. The item goes
 * through the same renderer as on screen, into a buffer of its own with
 * the paper palette; each line of that buffer becomes a Pango layout with
 * the attributes of its tags, and the layouts are cut into pages line by
 * line. Every page has a header (clinic, title, date) and a footer (the
 * "general information" line and the page number). */

/* The tags' sizes are in screen pixels at 96 dpi. */
#define SCREEN_DPI 96.0
#define BODY_FONT "Sans 11"
#define SMALL_FONT "Sans 8.5"
#define TAKE_HOME_MODULE_MM 0.5

typedef struct
{
  double x;         /* of the line's start, from the paragraph's margin */
  double top;       /* of the line, from the layout's top */
  double height;
  double baseline;  /* from the line's top */
} LineInfo;

typedef struct
{
  int           index;  /* byte index in the layout's text */
  GdkPaintable *paintable;
} Icon;

typedef struct
{
  PangoLayout *layout;   /* NULL for an image */
  GdkPixbuf   *image;
  double       image_width;
  double       image_height;
  double       image_scale;   /* from the pixbuf's pixels to the page */
  double       left;
  double       above;
  double       below;
  gboolean     has_background;
  GdkRGBA      background;
  double       background_inset;  /* above the first line, outside the tint */
  gboolean     keep_with_next;
  GArray      *lines;    /* of LineInfo */
  GArray      *icons;    /* of Icon */
} Paragraph;

typedef struct
{
  guint  paragraph;
  guint  line;
  double y;
  double background_top;
  double background_height;
} Piece;

struct _CgPrintOperation
{
  GtkPrintOperation  parent_instance;

  CgItem            *item;
  char              *clinic_name;
  char              *date;
  CgTextRenderer    *renderer;

  CgQrCode          *take_home;   /* beside the text of the first page */
  double             take_home_height;

  GPtrArray         *paragraphs;  /* of Paragraph */
  GPtrArray         *pages;       /* of GArray of Piece */
  double             header_height;
  double             footer_height;

  char              *settings_path;  /* what the dialog remembers, or NULL */
};

G_DEFINE_FINAL_TYPE (CgPrintOperation, cg_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
paragraph_free (gpointer data)
{
  Paragraph *paragraph = data;

  g_clear_object (&paragraph->layout);
  g_clear_object (&paragraph->image);
  g_clear_pointer (&paragraph->lines, g_array_unref);
  if (paragraph->icons != NULL)
    {
      for (guint i = 0; i < paragraph->icons->len; i++)
        g_object_unref (g_array_index (paragraph->icons, Icon, i).paintable);
      g_array_unref (paragraph->icons);
    }
  g_free (paragraph);
}

/* Paragraph properties come from the tags at the start of the line, in
 * priority order; accumulative margins add up, as in GtkTextView. */
typedef struct
{
  int               left;
  int               left_accumulated;
  int               right;
  int               indent;
  int               above;
  int               below;
  double            line_height;
  GtkJustification  justification;
  PangoTabArray    *tabs;
  gboolean          has_background;
  GdkRGBA           background;
  gboolean          heading;
} ParagraphStyle;

static void
read_paragraph_style (GSList              *tags,
                      const CgTextPalette *palette,
                      ParagraphStyle      *style)
{
  static const char * const note_tags[] = { NULL, "note-info", "note-warning", "note-call" };

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      GtkTextTag *tag = l->data;
      g_autofree char *name = NULL;
      gboolean left_set, right_set, indent_set, above_set, below_set, line_height_set;
      gboolean justification_set, tabs_set, background_set, accumulative;
      int left, right, indent, above, below;
      float line_height;
      GtkJustification justification;
      PangoTabArray *tabs = NULL;
      GdkRGBA *background = NULL;

      g_object_get (tag,
                    "name", &name,
                    "left-margin-set", &left_set, "left-margin", &left,
                    "right-margin-set", &right_set, "right-margin", &right,
                    "accumulative-margin", &accumulative,
                    "indent-set", &indent_set, "indent", &indent,
                    "pixels-above-lines-set", &above_set, "pixels-above-lines", &above,
                    "pixels-below-lines-set", &below_set, "pixels-below-lines", &below,
                    "line-height-set", &line_height_set, "line-height", &line_height,
                    "justification-set", &justification_set, "justification", &justification,
                    "tabs-set", &tabs_set, "tabs", &tabs,
                    "paragraph-background-set", &background_set,
                    "paragraph-background-rgba", &background,
                    NULL);

      if (left_set)
        {
          if (accumulative)
            style->left_accumulated += left;
          else
            style->left = left;
        }
      if (right_set)
        style->right = accumulative ? style->right + right : right;
      if (indent_set)
        style->indent = indent;
      if (above_set)
        style->above = above;
      if (below_set)
        style->below = below;
      if (line_height_set)
        style->line_height = line_height;
      if (justification_set)
        style->justification = justification;
      if (tabs_set && tabs != NULL)
        {
          g_clear_pointer (&style->tabs, pango_tab_array_free);
          style->tabs = g_steal_pointer (&tabs);
        }
      if (background_set && background != NULL)
        {
          style->has_background = TRUE;
          style->background = *background;
        }
      /* The screen draws notes itself (see cg_text_renderer_get_palette()). */
      for (guint kind = CG_NOTE_INFO; kind <= CG_NOTE_CALL; kind++)
        if (palette != NULL && g_strcmp0 (name, note_tags[kind]) == 0)
          {
            style->has_background = TRUE;
            style->background = palette->note_bg[kind];
          }
      if (name != NULL && (g_str_has_prefix (name, "heading-") ||
                           g_str_equal (name, "related-heading") ||
                           g_str_equal (name, "title")))
        style->heading = TRUE;

      g_clear_pointer (&tabs, pango_tab_array_free);
      g_clear_pointer (&background, gdk_rgba_free);
    }
}

static void
add_span_attributes (PangoAttrList *attrs,
                     GSList        *tags,
                     guint          start,
                     guint          end)
{
  gboolean weight_set = FALSE, style_set = FALSE, scale_set = FALSE;
  gboolean underline_set = FALSE, foreground_set = FALSE;
  int weight = PANGO_WEIGHT_NORMAL;
  PangoStyle style = PANGO_STYLE_NORMAL;
  double scale = 1.0;
  PangoUnderline underline = PANGO_UNDERLINE_NONE;
  GdkRGBA foreground = { 0, 0, 0, 1 };
  PangoAttribute *attr;

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean set;

      g_object_get (l->data, "weight-set", &set, NULL);
      if (set)
        {
          g_object_get (l->data, "weight", &weight, NULL);
          weight_set = TRUE;
        }
      g_object_get (l->data, "style-set", &set, NULL);
      if (set)
        {
          g_object_get (l->data, "style", &style, NULL);
          style_set = TRUE;
        }
      g_object_get (l->data, "scale-set", &set, NULL);
      if (set)
        {
          g_object_get (l->data, "scale", &scale, NULL);
          scale_set = TRUE;
        }
      g_object_get (l->data, "underline-set", &set, NULL);
      if (set)
        {
          g_object_get (l->data, "underline", &underline, NULL);
          underline_set = TRUE;
        }
      g_object_get (l->data, "foreground-set", &set, NULL);
      if (set)
        {
          g_autoptr(GdkRGBA) rgba = NULL;

          g_object_get (l->data, "foreground-rgba", &rgba, NULL);
          if (rgba != NULL)
            {
              foreground = *rgba;
              foreground_set = TRUE;
            }
        }
    }

#define ADD(a) G_STMT_START { attr = (a); attr->start_index = start; attr->end_index = end; \
                              pango_attr_list_insert (attrs, attr); } G_STMT_END
  if (weight_set)
    ADD (pango_attr_weight_new (weight));
  if (style_set)
    ADD (pango_attr_style_new (style));
  if (scale_set)
    ADD (pango_attr_scale_new (scale));
  if (underline_set)
    ADD (pango_attr_underline_new (underline));
  if (foreground_set)
    {
      ADD (pango_attr_foreground_new (foreground.red * 65535, foreground.green * 65535,
                                      foreground.blue * 65535));
      if (foreground.alpha < 1.0)
        ADD (pango_attr_foreground_alpha_new (MAX (foreground.alpha * 65535, 1)));
    }
#undef ADD
}

/* A drawing (SVG) is drawn at IMAGE_OVERSAMPLE times the size it is
 * printed, so that it prints sharp at a printer's resolution; the
 * paragraph scales it back down. */
#define IMAGE_OVERSAMPLE 3

static gboolean
is_drawing (const char *path)
{
  return g_str_has_suffix (path, ".svg") || g_str_has_suffix (path, ".SVG");
}

static GdkPixbuf *
load_image (const char *path,
            double      max_width)
{
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;
  int width = 0, height = 0;

  if (path == NULL || gdk_pixbuf_get_file_info (path, &width, &height) == NULL || width <= 0)
    return NULL;

  if (is_drawing (path))
    pixbuf = gdk_pixbuf_new_from_file_at_scale (path, (int) (MIN (width, max_width) * IMAGE_OVERSAMPLE),
                                                -1, TRUE, &error);
  else if (width > max_width)
    pixbuf = gdk_pixbuf_new_from_file_at_scale (path, (int) max_width, -1, TRUE, &error);
  else
    pixbuf = gdk_pixbuf_new_from_file (path, &error);

  if (pixbuf == NULL)
    g_debug ("Cannot print %s: %s", path, error->message);

  return pixbuf;
}

static Paragraph *
build_paragraph (CgPrintOperation *self,
                 GtkPrintContext  *context,
                 GtkTextIter      *line_start,
                 double            width,
                 double            scale)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (cg_text_renderer_get_buffer (self->renderer));
  Paragraph *paragraph = g_new0 (Paragraph, 1);
  ParagraphStyle style = { 0 };
  g_autoptr(GSList) start_tags = gtk_text_iter_get_tags (line_start);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (BODY_FONT);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *text = NULL;
  GtkTextIter line_end = *line_start, iter;
  GtkTextChildAnchor *anchor;
  PangoLayoutIter *layout_iter;
  double text_width;

  style.line_height = 0;
  style.justification = GTK_JUSTIFY_LEFT;
  read_paragraph_style (start_tags, cg_text_renderer_get_palette (self->renderer), &style);

  paragraph->left = (style.left + style.left_accumulated) * scale;
  paragraph->above = style.above * scale;
  paragraph->below = style.below * scale;
  paragraph->has_background = style.has_background;
  paragraph->background = style.background;
  paragraph->keep_with_next = style.heading;
  paragraph->lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  paragraph->icons = g_array_new (FALSE, FALSE, sizeof (Icon));
  text_width = MAX (width - paragraph->left - style.right * scale, width / 4);

  /* A note right after another: the gap between them is not tinted. */
  if (gtk_text_iter_has_tag (line_start, gtk_text_tag_table_lookup (table, "note-after-note")))
    {
      int gap = 0;

      g_object_get (gtk_text_tag_table_lookup (table, "after-note"), "pixels-above-lines", &gap, NULL);
      paragraph->background_inset = gap * scale;
    }

  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);

  /* An image is a line of its own. */
  anchor = gtk_text_iter_get_child_anchor (line_start);
  if (anchor != NULL && g_object_get_data (G_OBJECT (anchor), "cg-image-path") != NULL)
    {
      g_autofree char *path = cg_document_image_path_for_direction (g_object_get_data (G_OBJECT (anchor), "cg-image-path"),
                                                                    gtk_widget_get_default_direction ());

      paragraph->image = load_image (path, text_width / scale);
      if (paragraph->image != NULL)
        {
          LineInfo line = { 0 };

          paragraph->image_scale = is_drawing (path) ? scale / IMAGE_OVERSAMPLE : scale;
          paragraph->image_width = gdk_pixbuf_get_width (paragraph->image) * paragraph->image_scale;
          paragraph->image_height = gdk_pixbuf_get_height (paragraph->image) * paragraph->image_scale;
          line.height = paragraph->image_height;
          g_array_append_val (paragraph->lines, line);
          g_clear_pointer (&style.tabs, pango_tab_array_free);
          return paragraph;
        }
    }

  text = gtk_text_iter_get_slice (line_start, &line_end);
  paragraph->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (paragraph->layout, font);
  pango_layout_set_wrap (paragraph->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (paragraph->layout, (int) (text_width * PANGO_SCALE));
  pango_layout_set_indent (paragraph->layout, (int) (style.indent * scale * PANGO_SCALE));
  if (style.justification == GTK_JUSTIFY_CENTER)
    pango_layout_set_alignment (paragraph->layout, PANGO_ALIGN_CENTER);
  else if (style.justification == GTK_JUSTIFY_RIGHT)
    pango_layout_set_alignment (paragraph->layout, PANGO_ALIGN_RIGHT);

  if (style.tabs != NULL)
    {
      PangoTabArray *tabs = pango_tab_array_new (pango_tab_array_get_size (style.tabs), FALSE);

      for (int i = 0; i < pango_tab_array_get_size (style.tabs); i++)
        {
          PangoTabAlign align;
          int location;

          pango_tab_array_get_tab (style.tabs, i, &align, &location);
          if (!pango_tab_array_get_positions_in_pixels (style.tabs))
            location /= PANGO_SCALE;
          pango_tab_array_set_tab (tabs, i, align, (int) (location * scale * PANGO_SCALE));
        }
      pango_layout_set_tabs (paragraph->layout, tabs);
      pango_tab_array_free (tabs);
    }
  g_clear_pointer (&style.tabs, pango_tab_array_free);

  if (style.line_height > 0)
    {
      PangoAttribute *attr = pango_attr_line_height_new (style.line_height);

      pango_attr_list_insert (attrs, attr);
    }

  /* Runs of text with the same tags. */
  iter = *line_start;
  while (gtk_text_iter_compare (&iter, &line_end) < 0)
    {
      GtkTextIter next = iter;
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);
      guint start_index = gtk_text_iter_get_line_index (&iter);
      guint end_index;

      if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL) ||
          gtk_text_iter_compare (&next, &line_end) > 0)
        next = line_end;

      end_index = gtk_text_iter_get_line_index (&next);
      if (gtk_text_iter_equal (&next, &line_end))
        end_index = strlen (text);

      add_span_attributes (attrs, tags, start_index, end_index);
      iter = next;
    }

  /* Note icons keep their place as a shape the size of a capital letter. */
  for (iter = *line_start; gtk_text_iter_compare (&iter, &line_end) < 0; gtk_text_iter_forward_char (&iter))
    {
      GdkPaintable *paintable = gtk_text_iter_get_paintable (&iter);
      PangoRectangle rect;
      PangoAttribute *attr;
      Icon icon;
      double size;

      if (paintable == NULL)
        continue;

      size = gdk_paintable_get_intrinsic_height (paintable) * scale;
      rect.x = 0;
      rect.width = (int) (size * PANGO_SCALE);
      rect.height = (int) (size * PANGO_SCALE);
      rect.y = -(int) (size * 0.85 * PANGO_SCALE);
      attr = pango_attr_shape_new (&rect, &rect);
      attr->start_index = gtk_text_iter_get_line_index (&iter);
      attr->end_index = attr->start_index + strlen ("\xef\xbf\xbc");
      pango_attr_list_insert (attrs, attr);

      icon.index = attr->start_index;
      icon.paintable = g_object_ref (paintable);
      g_array_append_val (paragraph->icons, icon);
    }

  pango_layout_set_text (paragraph->layout, text, -1);
  pango_layout_set_attributes (paragraph->layout, attrs);

  layout_iter = pango_layout_get_iter (paragraph->layout);
  do
    {
      PangoRectangle logical;
      LineInfo line;

      pango_layout_iter_get_line_extents (layout_iter, NULL, &logical);
      line.x = (double) logical.x / PANGO_SCALE;
      line.top = (double) logical.y / PANGO_SCALE;
      line.height = (double) logical.height / PANGO_SCALE;
      line.baseline = (double) (pango_layout_iter_get_baseline (layout_iter) - logical.y) / PANGO_SCALE;
      g_array_append_val (paragraph->lines, line);
    }
  while (pango_layout_iter_next_line (layout_iter));
  pango_layout_iter_free (layout_iter);

  return paragraph;
}

static GArray *
new_page (CgPrintOperation *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Piece));

  g_ptr_array_add (self->pages, page);

  return page;
}

static double
first_lines_height (Paragraph *paragraph,
                    guint      n_lines)
{
  double height = paragraph->above;

  for (guint i = 0; i < MIN (n_lines, paragraph->lines->len); i++)
    height += g_array_index (paragraph->lines, LineInfo, i).height;

  return height;
}

static void
paginate (CgPrintOperation *self,
          double            first_top,
          double            top,
          double            bottom)
{
  GArray *page = new_page (self);
  double y = first_top;

  for (guint p = 0; p < self->paragraphs->len; p++)
    {
      Paragraph *paragraph = g_ptr_array_index (self->paragraphs, p);
      Paragraph *next = p + 1 < self->paragraphs->len ? g_ptr_array_index (self->paragraphs, p + 1) : NULL;
      double above = page->len == 0 ? 0 : paragraph->above;

      /* A heading stays with the start of what follows it. */
      if (paragraph->keep_with_next && next != NULL && page->len > 0 &&
          y + above + first_lines_height (paragraph, G_MAXUINT) + first_lines_height (next, 2) > bottom)
        {
          page = new_page (self);
          y = top;
          above = 0;
        }

      y += above;

      for (guint l = 0; l < paragraph->lines->len; l++)
        {
          LineInfo *line = &g_array_index (paragraph->lines, LineInfo, l);
          Piece piece = { p, l, 0, 0, 0 };

          if (y + line->height > bottom && page->len > 0)
            {
              page = new_page (self);
              y = top;
            }

          piece.y = y;
          piece.background_top = y - (l == 0 ? above - MIN (paragraph->background_inset, above) : 0);
          piece.background_height = y - piece.background_top + line->height +
                                    (l + 1 == paragraph->lines->len ? paragraph->below : 0);
          g_array_append_val (page, piece);
          y += line->height;
        }

      y += paragraph->below;
    }
}

static void
cg_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  CgPrintOperation *self = CG_PRINT_OPERATION (operation);
  GtkTextBuffer *buffer = cg_text_renderer_get_buffer (self->renderer);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = gtk_print_context_get_dpi_y (context) / SCREEN_DPI;
  g_autoptr(PangoLayout) probe = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) small = pango_font_description_from_string (SMALL_FONT);
  int line_height;
  GtkTextIter iter;

  g_ptr_array_set_size (self->paragraphs, 0);
  g_ptr_array_set_size (self->pages, 0);

  pango_layout_set_font_description (probe, small);
  pango_layout_set_text (probe, "Xg", -1);
  pango_layout_get_pixel_size (probe, NULL, &line_height);
  self->header_height = 2 * line_height + 24 * scale;
  self->footer_height = line_height + 20 * scale;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    g_ptr_array_add (self->paragraphs, build_paragraph (self, context, &iter, width, scale));
  while (gtk_text_iter_forward_line (&iter));

  /* take it home (F19): the code and its caption take the top of the
   * first page, 0.5 mm a module: a phone reads it close up, and so does a
   * scanner at 150 dpi (3 pixels a module; at 0.35 mm it misread). */
  self->take_home_height = 0;
  if (self->take_home != NULL)
    self->take_home_height = (cg_qr_code_get_width (self->take_home) + 2 * CG_QR_CODE_QUIET_ZONE) *
                             TAKE_HOME_MODULE_MM * gtk_print_context_get_dpi_y (context) / 25.4;

  paginate (self, self->header_height + self->take_home_height, self->header_height,
            height - self->footer_height);
  gtk_print_operation_set_n_pages (operation, self->pages->len);
}

static void
draw_paintable (cairo_t      *cr,
                GdkPaintable *paintable,
                double        x,
                double        y,
                double        size)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  gdk_paintable_snapshot (paintable, snapshot, size, size);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  gsk_render_node_draw (node, cr);
  cairo_restore (cr);
  gsk_render_node_unref (node);
}

static gboolean
is_rtl (PangoDirection direction)
{
  return direction == PANGO_DIRECTION_RTL || direction == PANGO_DIRECTION_WEAK_RTL;
}

static void
draw_small_text (CgPrintOperation *self,
                 GtkPrintContext  *context,
                 const char       *text,
                 gboolean          bold,
                 double            alpha,
                 double            x,
                 double            y,
                 double            width,
                 PangoAlignment    alignment)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (SMALL_FONT);

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  /* @alignment is the side of the paper. Pango swaps left and right for
   * a paragraph whose direction is not the context's (an Arabic date in
   * a left-to-right context): swap it back. */
  if (alignment != PANGO_ALIGN_CENTER &&
      is_rtl (pango_layout_get_direction (layout, 0)) !=
      is_rtl (pango_context_get_base_dir (pango_layout_get_context (layout))))
    alignment = alignment == PANGO_ALIGN_LEFT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  pango_layout_set_alignment (layout, alignment);

  cairo_set_source_rgba (cr, 0, 0, 0, alpha);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* take it home (F19): the same code as the dialog's, at the end of the
 * line (the right, or the left in Arabic), and what it is for beside it.
 * The quiet zone is the paper's white, and the caption keeps clear of it. */
static void
draw_take_home (CgPrintOperation *self,
                GtkPrintContext  *context,
                double            top)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double scale = gtk_print_context_get_dpi_y (context) / SCREEN_DPI;
  gboolean rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
  double side = self->take_home_height;
  double gap = 12 * scale;
  guint n = cg_qr_code_get_width (self->take_home);
  double module = side / (n + 2 * CG_QR_CODE_QUIET_ZONE);
  double x0 = (rtl ? 0 : width - side) + CG_QR_CODE_QUIET_ZONE * module;
  double y0 = top + CG_QR_CODE_QUIET_ZONE * module;
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (BODY_FONT);
  g_autofree char *caption = NULL;
  int caption_height;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* Runs of dark modules as one rectangle: no hairlines between them. */
  for (guint y = 0; y < n; y++)
    for (guint x = 0; x < n; x++)
      {
        guint run = 0;

        while (x + run < n && cg_qr_code_get_module (self->take_home, x + run, y))
          run++;
        if (run == 0)
          continue;
        cairo_rectangle (cr, x0 + x * module, y0 + y * module, run * module, module);
        x += run - 1;
      }
  cairo_fill (cr);

  caption = g_markup_printf_escaped ("<b>%s</b>\n%s", _("Take it home"),
                                     _("Point your phone’s camera at the code: the text appears on your phone. "
                                       "It needs no internet, no app and no account. Nothing is stored or sent."));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - side - gap) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, caption, -1);
  pango_layout_get_pixel_size (layout, NULL, &caption_height);
  cairo_move_to (cr, rtl ? side + gap : 0, top + (side - caption_height) / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
cg_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  CgPrintOperation *self = CG_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = gtk_print_context_get_dpi_y (context) / SCREEN_DPI;
  GArray *page;
  g_autofree char *page_text = NULL;
  double line_height = (self->header_height - 24 * scale) / 2;
  gboolean rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
  PangoAlignment start = rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  PangoAlignment end = rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;

  g_return_if_fail (page_nr >= 0 && (guint) page_nr < self->pages->len);
  page = g_ptr_array_index (self->pages, page_nr);

  /* Header: who printed it, what, when. A page in Arabic is read from
   * the right: the clinic and the title start there, the date and the
   * page number sit on the left. */
  draw_small_text (self, context, self->clinic_name, TRUE, 1.0, rtl ? width * 0.3 : 0, 0, width * 0.7, start);
  draw_small_text (self, context, self->date, FALSE, 0.7, rtl ? 0 : width * 0.7, 0, width * 0.3, end);
  draw_small_text (self, context, cg_item_get_title (self->item), FALSE, 0.7, 0, line_height, width,
                   start);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_rectangle (cr, 0, 2 * line_height + 8 * scale, width, MAX (0.5, scale * 0.75));
  cairo_fill (cr);

  if (page_nr == 0 && self->take_home != NULL)
    draw_take_home (self, context, self->header_height);

  for (guint i = 0; i < page->len; i++)
    {
      Piece *piece = &g_array_index (page, Piece, i);
      Paragraph *paragraph = g_ptr_array_index (self->paragraphs, piece->paragraph);
      LineInfo *line = &g_array_index (paragraph->lines, LineInfo, piece->line);

      if (paragraph->has_background)
        {
          gdk_cairo_set_source_rgba (cr, &paragraph->background);
          cairo_rectangle (cr, 0, piece->background_top, width, piece->background_height);
          cairo_fill (cr);
        }

      if (paragraph->image != NULL)
        {
          double x = (width - paragraph->image_width) / 2;

          cairo_save (cr);
          cairo_translate (cr, x, piece->y);
          cairo_scale (cr, paragraph->image_scale, paragraph->image_scale);
          gdk_cairo_set_source_pixbuf (cr, paragraph->image, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
          continue;
        }

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, paragraph->left + line->x, piece->y + line->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (paragraph->layout, piece->line));

      for (guint k = 0; k < paragraph->icons->len; k++)
        {
          Icon *icon = &g_array_index (paragraph->icons, Icon, k);
          PangoRectangle pos;
          int line_nr, x_pos;

          pango_layout_index_to_line_x (paragraph->layout, icon->index, FALSE, &line_nr, &x_pos);
          if ((guint) line_nr != piece->line)
            continue;

          pango_layout_index_to_pos (paragraph->layout, icon->index, &pos);
          /* In a right-to-left line the rectangle runs leftwards from its
           * x (a negative width): the icon's left edge is x + width. */
          draw_paintable (cr, icon->paintable,
                          paragraph->left + (double) MIN (pos.x, pos.x + pos.width) / PANGO_SCALE,
                          piece->y + (double) pos.y / PANGO_SCALE - line->top,
                          (double) pos.height / PANGO_SCALE);
        }
    }

  /* Footer: the same caution as on screen, and where the page belongs. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_rectangle (cr, 0, height - self->footer_height + 8 * scale, width, MAX (0.5, scale * 0.75));
  cairo_fill (cr);
  /* Translators: the page number on printouts. */
  page_text = g_strdup_printf (_("Page %d of %u"), page_nr + 1, self->pages->len);
  draw_small_text (self, context, cg_page_text_get_disclaimer (), FALSE, 0.7,
                   rtl ? width * 0.2 : 0, height - self->footer_height + 14 * scale, width * 0.8, start);
  draw_small_text (self, context, page_text, FALSE, 0.7,
                   rtl ? 0 : width * 0.8, height - self->footer_height + 14 * scale, width * 0.2, end);
}

static void
cg_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  CgPrintOperation *self = CG_PRINT_OPERATION (operation);

  g_ptr_array_set_size (self->paragraphs, 0);
  g_ptr_array_set_size (self->pages, 0);
}

/* What the print dialog remembers, between prints and between runs: the
 * printer ("Print to File" among them), its file format and folder, the
 * paper and the printer's options. Not what belongs to one handout: its
 * file name, which pages, how many copies. */
static const char * const forgotten_settings[] = {
  GTK_PRINT_SETTINGS_OUTPUT_URI,
  GTK_PRINT_SETTINGS_OUTPUT_BASENAME,
  GTK_PRINT_SETTINGS_PRINT_PAGES,
  GTK_PRINT_SETTINGS_PAGE_RANGES,
  GTK_PRINT_SETTINGS_PAGE_SET,
  GTK_PRINT_SETTINGS_N_COPIES,
};

/* The formats of "Print to File"; GTK aborts on any other. */
static const char * const file_formats[] = { "pdf", "ps", "svg" };

static gboolean
is_file_format (const char *format)
{
  return format != NULL && g_strv_contains (file_formats, format);
}

/* "Print to File" writes where the handout is named after its title, in
 * the folder remembered or the reader's documents, never in whatever
 * folder the program was started from. */
static void
set_output_file (CgPrintOperation *self,
                 const char       *folder)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  g_autofree char *default_folder = NULL;
  g_autofree char *name = cg_print_operation_make_file_name (cg_item_get_title (self->item));
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  const char *format;

  if (settings == NULL)
    {
      g_autoptr(GtkPrintSettings) created = gtk_print_settings_new ();

      gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), created);
      settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
    }

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    folder = default_folder = cg_print_operation_get_default_folder ();

  format = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT);
  if (!is_file_format (format))
    format = "pdf";

  file_name = g_strconcat (name, ".", format, NULL);
  path = g_build_filename (folder, file_name, NULL);
  uri = g_filename_to_uri (path, NULL, NULL);

  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, folder);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
}

/* A settings file is the reader's, but it may be old or edited by hand:
 * what cannot be used is left out, and the rest is kept. */
static void
load_settings (CgPrintOperation *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) saved_setup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  const char *format;

  if (!g_key_file_load_from_file (key_file, self->settings_path, G_KEY_FILE_NONE, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Cannot read the print settings %s: %s", self->settings_path, error->message);
      return;
    }

  settings = gtk_print_settings_new_from_key_file (key_file, NULL, &error);
  if (settings == NULL)
    {
      g_debug ("Cannot read the print settings %s: %s", self->settings_path, error->message);
      return;
    }

  format = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT);
  if (format != NULL && !is_file_format (format))
    gtk_print_settings_unset (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT);
  for (guint i = 0; i < G_N_ELEMENTS (forgotten_settings); i++)
    gtk_print_settings_unset (settings, forgotten_settings[i]);
  folder = g_strdup (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR));

  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  set_output_file (self, folder);

  /* The paper and its orientation; the margins stay the handout's. */
  saved_setup = gtk_page_setup_new_from_key_file (key_file, NULL, NULL);
  if (saved_setup != NULL)
    {
      GtkPageSetup *page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));

      gtk_page_setup_set_paper_size (page_setup, gtk_page_setup_get_paper_size (saved_setup));
      gtk_page_setup_set_orientation (page_setup, gtk_page_setup_get_orientation (saved_setup));
    }
}

static void
save_settings (CgPrintOperation *self)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  GtkPageSetup *page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));
  g_autoptr(GtkPrintSettings) kept = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *uri;

  if (settings == NULL)
    return;

  kept = gtk_print_settings_copy (settings);
  /* The folder of the file written is where the next one goes. */
  uri = gtk_print_settings_get (kept, GTK_PRINT_SETTINGS_OUTPUT_URI);
  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent != NULL ? g_file_get_path (parent) : NULL;

      if (folder != NULL)
        gtk_print_settings_set (kept, GTK_PRINT_SETTINGS_OUTPUT_DIR, folder);
    }
  for (guint i = 0; i < G_N_ELEMENTS (forgotten_settings); i++)
    gtk_print_settings_unset (kept, forgotten_settings[i]);

  gtk_print_settings_to_key_file (kept, key_file, NULL);
  if (page_setup != NULL)
    gtk_page_setup_to_key_file (page_setup, key_file, NULL);

  dir = g_path_get_dirname (self->settings_path);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_key_file_save_to_file (key_file, self->settings_path, &error))
    g_debug ("Cannot save the print settings %s: %s", self->settings_path,
             error != NULL ? error->message : g_strerror (errno));
}

static void
cg_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  CgPrintOperation *self = CG_PRINT_OPERATION (operation);

  /* Printed: what was chosen is what the reader wants next time. */
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && self->settings_path != NULL)
    save_settings (self);

  if (GTK_PRINT_OPERATION_CLASS (cg_print_operation_parent_class)->done != NULL)
    GTK_PRINT_OPERATION_CLASS (cg_print_operation_parent_class)->done (operation, result);
}

static void
cg_print_operation_finalize (GObject *object)
{
  CgPrintOperation *self = CG_PRINT_OPERATION (object);

  g_clear_object (&self->item);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->take_home, cg_qr_code_free);
  g_clear_pointer (&self->clinic_name, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->settings_path, g_free);
  g_clear_pointer (&self->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_print_operation_parent_class)->finalize (object);
}

static void
cg_print_operation_class_init (CgPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = cg_print_operation_finalize;

  operation_class->begin_print = cg_print_operation_begin_print;
  operation_class->draw_page = cg_print_operation_draw_page;
  operation_class->end_print = cg_print_operation_end_print;
  operation_class->done = cg_print_operation_done;
}

static void
cg_print_operation_init (CgPrintOperation *self)
{
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();

  self->paragraphs = g_ptr_array_new_with_free_func (paragraph_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  gtk_page_setup_set_top_margin (page_setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (page_setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (page_setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (page_setup, 20, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

/**
 * cg_print_operation_new:
 * @clinic_name: (nullable): for the page header
 */
CgPrintOperation *
cg_print_operation_new (CgItem     *item,
                        const char *clinic_name)
{
  CgPrintOperation *self;
  CgTextPalette palette;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (CG_IS_ITEM (item), NULL);

  self = g_object_new (CG_TYPE_PRINT_OPERATION, NULL);
  self->item = g_object_ref (item);
  self->clinic_name = g_strdup (clinic_name ? clinic_name : _("Clinic Guide"));
  self->date = cg_page_text_format_date (now);

  cg_text_palette_init_for_paper (&palette);
  self->renderer = cg_text_renderer_new (NULL);
  cg_text_renderer_set_palette (self->renderer, &palette);
  cg_text_renderer_render (self->renderer, item, NULL, CG_RENDER_PAGE | CG_RENDER_PAPER);

  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), cg_item_get_title (item));
  set_output_file (self, NULL);

  return self;
}

/**
 * cg_print_operation_set_take_home:
 * @text: (nullable): what the code beside the text holds, as in the "Take
 *   it home" dialog; %NULL for no code
 */
void
cg_print_operation_set_take_home (CgPrintOperation *self,
                                  const char       *text)
{
  g_return_if_fail (CG_IS_PRINT_OPERATION (self));

  g_clear_pointer (&self->take_home, cg_qr_code_free);
  if (text != NULL)
    self->take_home = cg_qr_code_new (text, CG_QR_CODE_MAX_VERSION);
}

/**
 * cg_print_operation_remember_settings:
 * @path: (nullable): the file that keeps them, see
 *   cg_print_operation_get_settings_path(); %NULL to remember nothing
 *
 * Starts from what the reader chose for the last handout printed with
 * the same file, and, once this one is printed, keeps what was chosen
 * for the next: the printer ("Print to File" and its format and folder
 * among them), the paper, the printer's options. The file is written
 * only when something is printed.
 */
void
cg_print_operation_remember_settings (CgPrintOperation *self,
                                      const char       *path)
{
  g_return_if_fail (CG_IS_PRINT_OPERATION (self));

  g_free (self->settings_path);
  self->settings_path = g_strdup (path);
  if (path != NULL)
    load_settings (self);
}

/**
 * cg_print_operation_get_settings_path:
 *
 * Returns: (transfer full): where the print settings are kept, in the
 *   user's configuration folder
 */
char *
cg_print_operation_get_settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), GETTEXT_PACKAGE, "print-settings.ini", NULL);
}

/**
 * cg_print_operation_get_default_folder:
 *
 * Returns: (transfer full): where a handout printed to a file goes until
 *   the reader chooses a folder: their documents, or their home folder
 */
char *
cg_print_operation_get_default_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_strdup (documents);

  return g_strdup (g_get_home_dir ());
}

/**
 * cg_print_operation_make_file_name:
 * @title: an article's or a question's title
 *
 * A file name that reads as the title and that every file system and
 * file manager takes: no folder separators, no characters that Windows
 * shares refuse, no control characters, not hidden, not too long.
 *
 * Returns: (transfer full): the name, without extension
 */
char *
cg_print_operation_make_file_name (const char *title)
{
  /* Bytes, not characters: a name is at most 255 bytes, and the
   * extension and a number a file manager may add need room. */
  const gsize max_bytes = 120;
  g_autofree char *valid = NULL;
  GString *name = g_string_new (NULL);
  gboolean space = FALSE;

  g_return_val_if_fail (title != NULL, NULL);

  valid = g_utf8_make_valid (title, -1);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) ||
          (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL) ||
          g_unichar_type (c) == G_UNICODE_FORMAT)
        {
          space = name->len > 0;
          continue;
        }
      if (name->len == 0 && c == '.')
        continue;

      if (name->len + (space ? 1 : 0) + g_unichar_to_utf8 (c, NULL) > max_bytes)
        break;
      if (space)
        g_string_append_c (name, ' ');
      g_string_append_unichar (name, c);
      space = FALSE;
    }

  /* Windows refuses a name that ends in a dot. */
  while (name->len > 0 && name->str[name->len - 1] == '.')
    g_string_truncate (name, name->len - 1);

  if (name->len == 0)
    {
      g_string_free (name, TRUE);
      /* Translators: the file name of a printed page whose title has no
       * letters to name it by. */
      return g_strdup (_("Handout"));
    }

  return g_string_free (name, FALSE);
}
