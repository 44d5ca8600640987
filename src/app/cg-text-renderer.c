/* cg-text-renderer.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cg-article.h"
#include "cg-document-image.h"
#include "cg-faq-entry.h"
#include "cg-note-icon.h"
#include "cg-page-text.h"
#include "cg-plain-text.h"
#include "cg-text-style.h"
#include "cg-text-renderer.h"

/* The one bridge between the content model and GTK: a CgDocument becomes
 * text in a GtkTextBuffer with named tags ("title", "heading-1", "link",
 * "list-item", "note-warning", …). The screen, find in page and printing
 * all read that buffer, so they always agree.
 *
 * Sizes are relative to the text view's font (the `scale` of a tag), and
 * spacing is in ems, recomputed when the text size changes; colours come
 * from a palette read from the widget's style. */


struct _CgTextRenderer
{
  GObject        parent_instance;

  GtkTextBuffer *buffer;
  double         text_scale;
  CgTextPalette  palette;
  gboolean       has_palette;

  GPtrArray     *link_tags;  /* anonymous tags carrying a target */
  GPtrArray     *icons;      /* of CgNoteIcon */
  GPtrArray     *images;     /* of GtkTextChildAnchor */
};

G_DEFINE_FINAL_TYPE (CgTextRenderer, cg_text_renderer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUFFER,
  PROP_TEXT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Tags */

static GtkTextTag *
lookup_tag (CgTextRenderer *self,
            const char     *name)
{
  return cg_text_style_get_tag (self->buffer, name);
}

static int
em (CgTextRenderer *self,
    double          ems)
{
  return cg_text_style_em (self->text_scale, ems);
}

static void
update_metrics (CgTextRenderer *self)
{
  cg_text_style_update_metrics (self->buffer, self->text_scale);

  for (guint i = 0; i < self->icons->len; i++)
    cg_note_icon_set_size (g_ptr_array_index (self->icons, i), em (self, 1.15));
}

static void
apply_palette (CgTextRenderer *self)
{
  if (!self->has_palette)
    return;

  cg_text_style_apply_palette (self->buffer, &self->palette);

  for (guint i = 0; i < self->icons->len; i++)
    {
      CgNoteIcon *icon = g_ptr_array_index (self->icons, i);
      CgNoteKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (icon), "cg-note-kind"));

      cg_note_icon_set_color (icon, &self->palette.note_fg[kind]);
    }
}

/* Writing */

static void
get_end (CgTextRenderer *self,
         GtkTextIter    *iter)
{
  gtk_text_buffer_get_end_iter (self->buffer, iter);
}

/* Blocks are lines: a newline goes between them, never after the last. */
static int
begin_line (CgTextRenderer *self)
{
  GtkTextIter end;

  get_end (self, &end);
  if (gtk_text_iter_get_offset (&end) > 0)
    gtk_text_buffer_insert (self->buffer, &end, "\n", 1);

  return gtk_text_iter_get_offset (&end);
}

static void
insert_text (CgTextRenderer *self,
             const char     *text)
{
  GtkTextIter end;

  get_end (self, &end);
  gtk_text_buffer_insert (self->buffer, &end, text, -1);
}

static void
tag_range (CgTextRenderer *self,
           GtkTextTag     *tag,
           int             start,
           int             end)
{
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, end);
  gtk_text_buffer_apply_tag (self->buffer, tag, &start_iter, &end_iter);
}

static void
tag_to_end (CgTextRenderer *self,
            int             start,
            const char     *name)
{
  GtkTextIter end;

  get_end (self, &end);
  tag_range (self, lookup_tag (self, name), start, gtk_text_iter_get_offset (&end));
}

static GtkTextTag *
create_link_tag (CgTextRenderer *self,
                 const char     *target,
                 gboolean        external)
{
  GtkTextTag *tag = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);

  g_object_set_data_full (G_OBJECT (tag), "cg-link-target", g_strdup (target), g_free);
  g_object_set_data (G_OBJECT (tag), "cg-link-external", GINT_TO_POINTER (external));
  g_ptr_array_add (self->link_tags, tag);

  return tag;
}

/* A block's text with its spans: emphasis, strong, links, clinic fields. */
static void
insert_inline (CgTextRenderer *self,
               const CgBlock  *block)
{
  GtkTextIter end;
  int start;

  get_end (self, &end);
  start = gtk_text_iter_get_offset (&end);
  gtk_text_buffer_insert (self->buffer, &end, block->text, -1);

  for (guint i = 0; i < block->n_spans; i++)
    {
      const CgSpan *span = &block->spans[i];
      int span_start = start + (int) g_utf8_pointer_to_offset (block->text, block->text + span->start);
      int span_end = start + (int) g_utf8_pointer_to_offset (block->text, block->text + span->end);

      if (span_end <= span_start)
        continue;

      switch (span->kind)
        {
        case CG_SPAN_EMPHASIS:
          tag_range (self, lookup_tag (self, "emphasis"), span_start, span_end);
          break;

        case CG_SPAN_STRONG:
          tag_range (self, lookup_tag (self, "strong"), span_start, span_end);
          break;

        case CG_SPAN_LINK:
        case CG_SPAN_EXTERNAL_LINK:
          if (span->target == NULL)
            break;
          tag_range (self, lookup_tag (self, "link"), span_start, span_end);
          tag_range (self,
                     create_link_tag (self, span->target, span->kind == CG_SPAN_EXTERNAL_LINK),
                     span_start, span_end);
          break;

        case CG_SPAN_FIELD:
          tag_range (self, lookup_tag (self, "field"), span_start, span_end);
          break;

        default:
          break;
        }
    }
}

static void
insert_note_icon (CgTextRenderer *self,
                  CgNoteKind      kind)
{
  g_autoptr(CgNoteIcon) icon = cg_note_icon_new (cg_text_style_note_icon (kind), em (self, 1.15));
  GtkTextIter end;

  g_object_set_data (G_OBJECT (icon), "cg-note-kind", GUINT_TO_POINTER (kind));
  if (self->has_palette)
    cg_note_icon_set_color (icon, &self->palette.note_fg[kind]);
  g_ptr_array_add (self->icons, g_object_ref (icon));

  get_end (self, &end);
  gtk_text_buffer_insert_paintable (self->buffer, &end, GDK_PAINTABLE (icon));
  /* An en space between the icon and the words. */
  insert_text (self, "\xe2\x80\x82");
}

/* A drawing's numbers are explained by the numbered list right after it
 * (or, failing that, right before it): the viewer shows that list beside
 * the enlarged picture, so the numbers still mean something there. */
static char *
image_legend (CgDocument *document,
              guint       index)
{
  guint n_blocks = cg_document_get_n_blocks (document);
  GString *legend = g_string_new (NULL);
  guint first = index + 1;

  if (first >= n_blocks || cg_document_get_block (document, first)->number != 1)
    {
      /* Walk back to the start of a numbered list that ends at the picture. */
      first = index;
      while (first > 0 && cg_document_get_block (document, first - 1)->kind == CG_BLOCK_LIST_ITEM
             && cg_document_get_block (document, first - 1)->number > 0)
        first--;
      if (first == index)
        return g_string_free (legend, TRUE);
    }

  for (guint i = first; i < n_blocks; i++)
    {
      const CgBlock *item = cg_document_get_block (document, i);

      if (item->kind != CG_BLOCK_LIST_ITEM || item->number == 0 || item->level != 1)
        break;
      g_string_append_printf (legend, "%s%u. %s", legend->len > 0 ? "\n" : "", item->number, item->text);
    }

  return g_string_free (legend, legend->len == 0);
}

static void
insert_image (CgTextRenderer *self,
              const CgBlock  *block,
              char           *legend)
{
  GtkTextChildAnchor *anchor;
  GtkTextIter end;

  get_end (self, &end);
  anchor = gtk_text_buffer_create_child_anchor (self->buffer, &end);
  g_object_set_data_full (G_OBJECT (anchor), "cg-image-path", g_strdup (block->source), g_free);
  g_object_set_data_full (G_OBJECT (anchor), "cg-image-alt", g_strdup (block->text), g_free);
  g_object_set_data_full (G_OBJECT (anchor), "cg-image-caption", g_strdup (block->caption), g_free);
  g_object_set_data_full (G_OBJECT (anchor), "cg-image-legend", legend, g_free);
  g_ptr_array_add (self->images, g_object_ref (anchor));
}

static char *
list_marker (const CgBlock *block)
{
  static const char * const bullets[] = { "•", "◦", "▪" };

  if (block->number > 0)
    return g_strdup_printf ("%u.\t", block->number);

  return g_strdup_printf ("%s\t", bullets[MIN (MAX (block->level, 1), G_N_ELEMENTS (bullets)) - 1]);
}

static void
render_block (CgTextRenderer *self,
              CgDocument     *document,
              guint           index,
              int            *note_start)
{
  guint n_blocks = cg_document_get_n_blocks (document);
  const CgBlock *block = cg_document_get_block (document, index);
  const CgBlock *prev = index > 0 ? cg_document_get_block (document, index - 1) : NULL;
  const CgBlock *next = index + 1 < n_blocks ? cg_document_get_block (document, index + 1) : NULL;
  gboolean starts_note = block->note_group != 0 && (prev == NULL || prev->note_group != block->note_group);
  gboolean ends_note = block->note_group != 0 && (next == NULL || next->note_group != block->note_group);
  gboolean after_note = prev != NULL && prev->note_group != 0 && prev->note_group != block->note_group;
  guint level = CLAMP (block->level, 1, CG_TEXT_STYLE_MAX_LIST_LEVEL);
  int start;

  /* Every note opens with its icon and a title; a note without one gets
   * the label that copied text also uses. */
  if (starts_note)
    {
      *note_start = begin_line (self);
      insert_note_icon (self, block->note);

      if (block->kind != CG_BLOCK_NOTE_TITLE)
        {
          insert_text (self, cg_note_kind_get_label (block->note));
          tag_to_end (self, *note_start, "note-title");
          tag_to_end (self, *note_start, "note-start");
        }

      if (after_note)
        tag_to_end (self, *note_start, "note-after-note");
      after_note = FALSE;
    }

  if (starts_note && block->kind == CG_BLOCK_NOTE_TITLE)
    {
      start = *note_start;
      tag_to_end (self, start, "note-start");
    }
  else
    start = begin_line (self);

  switch (block->kind)
    {
    case CG_BLOCK_HEADING:
      insert_inline (self, block);
      tag_to_end (self, start, block->level <= 1 ? "heading-1" : "heading-2");
      break;

    case CG_BLOCK_LIST_ITEM:
      {
        g_autofree char *marker = list_marker (block);
        g_autofree char *list_tag = g_strdup_printf ("list-%u", level);

        insert_text (self, marker);
        tag_to_end (self, start, "bullet");
        insert_inline (self, block);
        tag_to_end (self, start, "list-item");
        tag_to_end (self, start, list_tag);
      }
      break;

    case CG_BLOCK_NOTE_TITLE:
      insert_inline (self, block);
      tag_to_end (self, start, "note-title");
      break;

    case CG_BLOCK_IMAGE:
      insert_image (self, block, image_legend (document, index));
      tag_to_end (self, start, "image");
      if (block->caption != NULL && block->caption[0] != '\0')
        {
          int caption_start = begin_line (self);

          insert_text (self, block->caption);
          tag_to_end (self, caption_start, "caption");
        }
      break;

    case CG_BLOCK_PARAGRAPH:
    default:
      insert_inline (self, block);
      tag_to_end (self, start, "paragraph");
      if (block->level > 0)
        {
          g_autofree char *para_tag = g_strdup_printf ("list-paragraph-%u", level);

          tag_to_end (self, start, para_tag);
        }
      break;
    }

  if (cg_block_is_in_list (block) && !cg_block_is_in_list (next))
    tag_to_end (self, start, "list-end");

  if (after_note && block->kind != CG_BLOCK_HEADING)
    tag_to_end (self, start, "after-note");

  if (ends_note)
    {
      GtkTextIter end;
      int line_start;

      /* The last line of the note carries the space below it. */
      get_end (self, &end);
      gtk_text_iter_set_line_offset (&end, 0);
      line_start = gtk_text_iter_get_offset (&end);
      tag_to_end (self, line_start, "note-end");
      tag_to_end (self, *note_start, "note");
      tag_to_end (self, *note_start, cg_text_style_note_tag (block->note));
    }
}

static void
render_related (CgTextRenderer *self,
                GListModel     *related)
{
  guint n = related != NULL ? g_list_model_get_n_items (related) : 0;
  int start;

  if (n == 0)
    return;

  start = begin_line (self);
  insert_text (self, _("Related"));
  tag_to_end (self, start, "related-heading");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (related, i);
      CgBlock block = { 0 };
      CgSpan span = { 0 };
      g_autofree char *marker = NULL;

      block.kind = CG_BLOCK_LIST_ITEM;
      block.level = 1;
      block.text = cg_item_get_title (item);
      block.spans = &span;
      block.n_spans = 1;
      span.kind = CG_SPAN_LINK;
      span.start = 0;
      span.end = strlen (block.text);
      span.target = cg_item_get_id (item);

      marker = list_marker (&block);
      start = begin_line (self);
      insert_text (self, marker);
      tag_to_end (self, start, "bullet");
      insert_inline (self, &block);
      tag_to_end (self, start, "list-item");
      tag_to_end (self, start, "list-1");
    }
}

static void
clear (CgTextRenderer *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

  gtk_text_buffer_set_text (self->buffer, "", 0);

  for (guint i = 0; i < self->link_tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->link_tags, i));
  g_ptr_array_set_size (self->link_tags, 0);
  g_ptr_array_set_size (self->icons, 0);
  g_ptr_array_set_size (self->images, 0);
}

/* GObject */

static void
cg_text_renderer_constructed (GObject *object)
{
  CgTextRenderer *self = CG_TEXT_RENDERER (object);

  G_OBJECT_CLASS (cg_text_renderer_parent_class)->constructed (object);

  if (self->buffer == NULL)
    self->buffer = gtk_text_buffer_new (NULL);

  cg_text_style_create_tags (self->buffer);
  update_metrics (self);
}

static void
cg_text_renderer_finalize (GObject *object)
{
  CgTextRenderer *self = CG_TEXT_RENDERER (object);

  g_clear_object (&self->buffer);
  g_clear_pointer (&self->link_tags, g_ptr_array_unref);
  g_clear_pointer (&self->icons, g_ptr_array_unref);
  g_clear_pointer (&self->images, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_text_renderer_parent_class)->finalize (object);
}

static void
cg_text_renderer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CgTextRenderer *self = CG_TEXT_RENDERER (object);

  switch (prop_id)
    {
    case PROP_BUFFER:
      g_value_set_object (value, self->buffer);
      break;

    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_text_renderer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CgTextRenderer *self = CG_TEXT_RENDERER (object);

  switch (prop_id)
    {
    case PROP_BUFFER:
      self->buffer = g_value_dup_object (value);
      break;

    case PROP_TEXT_SCALE:
      cg_text_renderer_set_text_scale (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_text_renderer_class_init (CgTextRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cg_text_renderer_constructed;
  object_class->finalize = cg_text_renderer_finalize;
  object_class->get_property = cg_text_renderer_get_property;
  object_class->set_property = cg_text_renderer_set_property;

  properties[PROP_BUFFER] =
    g_param_spec_object ("buffer", NULL, NULL,
                         GTK_TYPE_TEXT_BUFFER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         0.25, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_text_renderer_init (CgTextRenderer *self)
{
  self->text_scale = 1.0;
  self->link_tags = g_ptr_array_new ();
  self->icons = g_ptr_array_new_with_free_func (g_object_unref);
  self->images = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

/**
 * cg_text_renderer_new:
 * @buffer: (nullable): the buffer to write into; a new one when %NULL
 */
CgTextRenderer *
cg_text_renderer_new (GtkTextBuffer *buffer)
{
  g_return_val_if_fail (buffer == NULL || GTK_IS_TEXT_BUFFER (buffer), NULL);

  return g_object_new (CG_TYPE_TEXT_RENDERER,
                       "buffer", buffer,
                       NULL);
}

GtkTextBuffer *
cg_text_renderer_get_buffer (CgTextRenderer *self)
{
  g_return_val_if_fail (CG_IS_TEXT_RENDERER (self), NULL);

  return self->buffer;
}

/**
 * cg_text_renderer_render:
 * @related: (nullable): items to list at the end, with %CG_RENDER_RELATED
 *
 * Replaces the buffer's text with @item.
 */
void
cg_text_renderer_render (CgTextRenderer *self,
                         CgItem         *item,
                         GListModel     *related,
                         CgRenderFlags   flags)
{
  g_autoptr(CgDocument) paper = NULL;
  CgDocument *document;
  int note_start = 0;
  int start;

  g_return_if_fail (CG_IS_TEXT_RENDERER (self));
  g_return_if_fail (CG_IS_ITEM (item));

  clear (self);

  if (flags & CG_RENDER_TITLE)
    {
      start = begin_line (self);
      insert_text (self, cg_item_get_title (item));
      tag_to_end (self, start, "title");
    }

  if (flags & CG_RENDER_DISCLAIMER)
    {
      start = begin_line (self);
      insert_text (self, cg_page_text_get_disclaimer ());
      tag_to_end (self, start, "disclaimer");
    }

  document = cg_item_get_document (item);
  /* On paper a link is blue underlined words nobody can press. */
  if (document != NULL && (flags & CG_RENDER_PAPER))
    paper = cg_document_for_paper (document);
  if (paper != NULL)
    document = paper;
  for (guint i = 0; document != NULL && i < cg_document_get_n_blocks (document); i++)
    render_block (self, document, i, &note_start);

  if (flags & CG_RENDER_RELATED)
    render_related (self, related);

  if (flags & CG_RENDER_REVIEW)
    {
      g_autofree char *review = cg_page_text_format_review (cg_item_get_review_date (item),
                                                             cg_item_get_reviewed_by (item));

      if (review != NULL)
        {
          start = begin_line (self);
          insert_text (self, review);
          tag_to_end (self, start, "review");
        }
    }
}

double
cg_text_renderer_get_text_scale (CgTextRenderer *self)
{
  g_return_val_if_fail (CG_IS_TEXT_RENDERER (self), 1.0);

  return self->text_scale;
}

/**
 * cg_text_renderer_set_text_scale:
 *
 * Sets the reader's text size, so that indents and spacing grow with the
 * font. The font itself follows the text view's style.
 */
void
cg_text_renderer_set_text_scale (CgTextRenderer *self,
                                 double          text_scale)
{
  g_return_if_fail (CG_IS_TEXT_RENDERER (self));

  text_scale = CLAMP (text_scale, 0.25, 4.0);
  if (G_APPROX_VALUE (self->text_scale, text_scale, 0.001))
    return;

  self->text_scale = text_scale;
  update_metrics (self);

  for (guint i = 0; i < self->images->len; i++)
    {
      g_autofree GtkWidget **widgets = NULL;
      guint n_widgets;

      widgets = gtk_text_child_anchor_get_widgets (g_ptr_array_index (self->images, i), &n_widgets);
      for (guint j = 0; j < n_widgets; j++)
        if (CG_IS_DOCUMENT_IMAGE (widgets[j]))
          cg_document_image_set_text_scale (CG_DOCUMENT_IMAGE (widgets[j]), text_scale);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

/**
 * cg_text_renderer_get_palette:
 *
 * Notes are tinted blocks with rounded corners, which text tags cannot
 * draw: the view and the printout draw them, in the palette's note colours,
 * behind the ranges of the "note-info", "note-warning" and "note-call"
 * tags.
 *
 * Returns: (nullable): the palette, or %NULL before one is set
 */
const CgTextPalette *
cg_text_renderer_get_palette (CgTextRenderer *self)
{
  g_return_val_if_fail (CG_IS_TEXT_RENDERER (self), NULL);

  return self->has_palette ? &self->palette : NULL;
}

void
cg_text_renderer_set_palette (CgTextRenderer      *self,
                              const CgTextPalette *palette)
{
  g_return_if_fail (CG_IS_TEXT_RENDERER (self));
  g_return_if_fail (palette != NULL);

  self->palette = *palette;
  self->has_palette = TRUE;
  apply_palette (self);
}

static GtkTextTag *
find_link_tag (const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (l->data, "cg-link-target") != NULL)
      return l->data;

  return NULL;
}

/**
 * cg_text_renderer_get_link_at:
 * @external: (out) (optional): whether the target is a web, mail or phone
 *   address rather than an item id
 *
 * Returns: (nullable): the target of the link at @iter
 */
const char *
cg_text_renderer_get_link_at (CgTextRenderer    *self,
                              const GtkTextIter *iter,
                              gboolean          *external)
{
  GtkTextTag *tag;

  g_return_val_if_fail (CG_IS_TEXT_RENDERER (self), NULL);
  g_return_val_if_fail (iter != NULL, NULL);

  tag = find_link_tag (iter);
  if (tag == NULL)
    return NULL;

  if (external != NULL)
    *external = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), "cg-link-external"));

  return g_object_get_data (G_OBJECT (tag), "cg-link-target");
}

gboolean
cg_text_renderer_get_link_bounds (CgTextRenderer    *self,
                                  const GtkTextIter *iter,
                                  GtkTextIter       *start,
                                  GtkTextIter       *end)
{
  GtkTextTag *tag;

  g_return_val_if_fail (CG_IS_TEXT_RENDERER (self), FALSE);

  tag = find_link_tag (iter);
  if (tag == NULL)
    return FALSE;

  *start = *iter;
  *end = *iter;
  if (!gtk_text_iter_starts_tag (start, tag))
    gtk_text_iter_backward_to_tag_toggle (start, tag);
  gtk_text_iter_forward_to_tag_toggle (end, tag);

  return TRUE;
}

/**
 * cg_text_renderer_attach_widgets:
 *
 * Puts the images into @view. An image is a widget, not a paintable, so
 * that its alternative text reaches screen readers.
 */
void
cg_text_renderer_attach_widgets (CgTextRenderer *self,
                                 GtkTextView    *view)
{
  g_return_if_fail (CG_IS_TEXT_RENDERER (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (gtk_text_view_get_buffer (view) == self->buffer);

  for (guint i = 0; i < self->images->len; i++)
    {
      GtkTextChildAnchor *anchor = g_ptr_array_index (self->images, i);
      const char *path = g_object_get_data (G_OBJECT (anchor), "cg-image-path");
      const char *alt = g_object_get_data (G_OBJECT (anchor), "cg-image-alt");
      const char *caption = g_object_get_data (G_OBJECT (anchor), "cg-image-caption");
      const char *legend = g_object_get_data (G_OBJECT (anchor), "cg-image-legend");
      g_autofree GtkWidget **widgets = NULL;
      GtkWidget *child = NULL;
      guint n_widgets;

      widgets = gtk_text_child_anchor_get_widgets (anchor, &n_widgets);
      if (n_widgets > 0)
        continue;

      if (path != NULL)
        child = cg_document_image_new (path, alt, caption, legend);

      if (child != NULL && cg_document_image_is_valid (CG_DOCUMENT_IMAGE (child)))
        cg_document_image_set_text_scale (CG_DOCUMENT_IMAGE (child), self->text_scale);
      else
        {
          /* The file is missing: the description still tells what it showed. */
          if (child != NULL)
            g_object_unref (g_object_ref_sink (child));
          child = gtk_label_new (alt);
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_widget_add_css_class (child, "dim-label");
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, alt,
                                          -1);
        }

      gtk_text_view_add_child_at_anchor (view, child, anchor);
    }
}

/**
 * cg_text_renderer_get_images:
 *
 * Returns: (transfer none) (element-type GtkTextChildAnchor): where the
 *   images are, with their file ("cg-image-path") and description
 *   ("cg-image-alt") as object data
 */
GPtrArray *
cg_text_renderer_get_images (CgTextRenderer *self)
{
  g_return_val_if_fail (CG_IS_TEXT_RENDERER (self), NULL);

  return self->images;
}
