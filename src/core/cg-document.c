/* cg-document.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-document-private.h"
#include "cg-plain-text.h"

struct _CgDocument
{
  gatomicrefcount  ref_count;
  GStringChunk    *strings;
  CgBlock         *blocks;
  guint            n_blocks;
};

typedef struct
{
  CgBlock  block;
  GString *text;
  GArray  *spans;
} BuilderBlock;

struct _CgDocumentBuilder
{
  GStringChunk *strings;
  GArray       *blocks;      /* of BuilderBlock */
  GArray       *open_spans;  /* of guint: indexes into the current block's spans */
  BuilderBlock *current;
  CgNoteKind    note;
  guint         note_group;
  guint         n_note_groups;
};

G_DEFINE_BOXED_TYPE (CgDocument, cg_document, cg_document_ref, cg_document_unref)

static void
builder_block_clear (gpointer data)
{
  BuilderBlock *block = data;

  if (block->text != NULL)
    g_string_free (block->text, TRUE);
  g_clear_pointer (&block->spans, g_array_unref);
}

CgDocumentBuilder *
cg_document_builder_new (void)
{
  CgDocumentBuilder *builder = g_new0 (CgDocumentBuilder, 1);

  builder->strings = g_string_chunk_new (1024);
  builder->blocks = g_array_new (FALSE, TRUE, sizeof (BuilderBlock));
  g_array_set_clear_func (builder->blocks, builder_block_clear);
  builder->open_spans = g_array_new (FALSE, FALSE, sizeof (guint));

  return builder;
}

void
cg_document_builder_free (CgDocumentBuilder *builder)
{
  if (builder == NULL)
    return;

  g_clear_pointer (&builder->strings, g_string_chunk_free);
  g_clear_pointer (&builder->blocks, g_array_unref);
  g_clear_pointer (&builder->open_spans, g_array_unref);
  g_free (builder);
}

void
cg_document_builder_begin_block (CgDocumentBuilder *builder,
                                 CgBlockKind        kind,
                                 guint              level,
                                 guint              number)
{
  BuilderBlock block = { 0 };

  g_return_if_fail (builder != NULL);
  g_return_if_fail (builder->current == NULL);

  block.block.kind = kind;
  block.block.level = level;
  block.block.number = number;
  block.block.note = builder->note;
  block.block.note_group = builder->note_group;
  block.text = g_string_new (NULL);
  block.spans = g_array_new (FALSE, FALSE, sizeof (CgSpan));

  g_array_append_val (builder->blocks, block);
  builder->current = &g_array_index (builder->blocks, BuilderBlock, builder->blocks->len - 1);
  g_array_set_size (builder->open_spans, 0);
}

void
cg_document_builder_set_image (CgDocumentBuilder *builder,
                               const char        *source,
                               const char        *caption)
{
  g_return_if_fail (builder != NULL && builder->current != NULL);

  builder->current->block.source = source ? g_string_chunk_insert (builder->strings, source) : NULL;
  builder->current->block.caption = caption ? g_string_chunk_insert (builder->strings, caption) : NULL;
}

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* XML source text is indented and wrapped: runs of white space become one
 * space, and a block never starts with one. */
void
cg_document_builder_append (CgDocumentBuilder *builder,
                            const char        *text,
                            gssize             length)
{
  GString *out;
  const char *end;
  char *start, *o;

  g_return_if_fail (builder != NULL && builder->current != NULL);
  g_return_if_fail (text != NULL);

  out = builder->current->text;
  end = length < 0 ? text + strlen (text) : text + length;

  /* Every character of every article passes here: make room once, then
   * copy without a call per character. */
  g_string_set_size (out, out->len + (end - text));
  start = out->str;
  o = out->str + out->len - (end - text);

  for (const char *p = text; p < end; p++)
    {
      if (!is_space (*p))
        *o++ = *p;
      else if (o > start && o[-1] != ' ')
        *o++ = ' ';
    }

  g_string_truncate (out, o - start);
}

void
cg_document_builder_push_span (CgDocumentBuilder *builder,
                               CgSpanKind         kind,
                               const char        *target)
{
  CgSpan span = { 0 };
  guint index;

  g_return_if_fail (builder != NULL && builder->current != NULL);

  span.kind = kind;
  span.start = builder->current->text->len;
  span.end = span.start;
  span.target = target ? g_string_chunk_insert_const (builder->strings, target) : NULL;

  g_array_append_val (builder->current->spans, span);
  index = builder->current->spans->len - 1;
  g_array_append_val (builder->open_spans, index);
}

void
cg_document_builder_pop_span (CgDocumentBuilder *builder)
{
  GString *text;
  CgSpan *span;
  guint index;

  g_return_if_fail (builder != NULL && builder->current != NULL);
  g_return_if_fail (builder->open_spans->len > 0);

  text = builder->current->text;

  index = g_array_index (builder->open_spans, guint, builder->open_spans->len - 1);
  g_array_set_size (builder->open_spans, builder->open_spans->len - 1);
  span = &g_array_index (builder->current->spans, CgSpan, index);
  span->end = text->len;

  /* "<em> even inside </em>": the spaces belong to the sentence, not to
   * the marked words, or a link underlines a space. */
  if (span->start < span->end && text->str[span->start] == ' ')
    span->start++;
  if (span->start < span->end && text->str[span->end - 1] == ' ')
    span->end--;
}

void
cg_document_builder_end_block (CgDocumentBuilder *builder)
{
  GString *text;

  g_return_if_fail (builder != NULL && builder->current != NULL);
  g_return_if_fail (builder->open_spans->len == 0);

  text = builder->current->text;
  if (text->len > 0 && text->str[text->len - 1] == ' ')
    {
      g_string_truncate (text, text->len - 1);

      for (guint i = 0; i < builder->current->spans->len; i++)
        {
          CgSpan *span = &g_array_index (builder->current->spans, CgSpan, i);

          span->start = MIN (span->start, text->len);
          span->end = MIN (span->end, text->len);
        }
    }

  builder->current = NULL;
}

void
cg_document_builder_begin_note (CgDocumentBuilder *builder,
                                CgNoteKind         kind)
{
  g_return_if_fail (builder != NULL);
  g_return_if_fail (builder->note == CG_NOTE_NONE);

  builder->note = kind;
  builder->note_group = ++builder->n_note_groups;
}

void
cg_document_builder_end_note (CgDocumentBuilder *builder)
{
  g_return_if_fail (builder != NULL);

  builder->note = CG_NOTE_NONE;
  builder->note_group = 0;
}

CgDocument *
cg_document_builder_finish (CgDocumentBuilder *builder)
{
  CgDocument *self;

  g_return_val_if_fail (builder != NULL, NULL);
  g_return_val_if_fail (builder->current == NULL, NULL);

  self = g_new0 (CgDocument, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->strings = g_steal_pointer (&builder->strings);
  self->n_blocks = builder->blocks->len;
  self->blocks = g_new0 (CgBlock, MAX (self->n_blocks, 1));

  for (guint i = 0; i < self->n_blocks; i++)
    {
      BuilderBlock *b = &g_array_index (builder->blocks, BuilderBlock, i);
      CgBlock *block = &self->blocks[i];

      *block = b->block;
      block->text = g_string_chunk_insert_len (self->strings, b->text->str, b->text->len);
      block->n_spans = b->spans->len;
      block->spans = block->n_spans > 0
        ? g_memdup2 (b->spans->data, sizeof (CgSpan) * block->n_spans)
        : NULL;
    }

  builder->strings = g_string_chunk_new (64);

  return self;
}

CgDocument *
cg_document_ref (CgDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
cg_document_unref (CgDocument *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_blocks; i++)
    g_free ((gpointer) self->blocks[i].spans);
  g_free (self->blocks);
  g_string_chunk_free (self->strings);
  g_free (self);
}

guint
cg_document_get_n_blocks (CgDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_blocks;
}

const CgBlock *
cg_document_get_block (CgDocument *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_blocks, NULL);

  return &self->blocks[index];
}

/**
 * cg_document_get_text:
 *
 * The words of the document, one block a line, with nothing added: what
 * search indexes.
 */
char *
cg_document_get_text (CgDocument *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->n_blocks; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, self->blocks[i].text);
    }

  return g_string_free (out, FALSE);
}

static void
append_with_addresses (GString       *out,
                       const CgBlock *block)
{
  guint pos = 0;

  /* A web address follows its link text, so that it survives the copy. */
  for (guint i = 0; i < block->n_spans; i++)
    {
      const CgSpan *span = &block->spans[i];
      const char *address;

      if (span->kind != CG_SPAN_EXTERNAL_LINK || span->target == NULL)
        continue;

      address = span->target;
      if (g_str_has_prefix (address, "mailto:"))
        address += strlen ("mailto:");
      else if (g_str_has_prefix (address, "tel:"))
        address += strlen ("tel:");

      g_string_append_len (out, block->text + pos, span->end - pos);
      pos = span->end;

      if (strncmp (block->text + span->start, address, span->end - span->start) != 0 ||
          strlen (address) != span->end - span->start)
        g_string_append_printf (out, " (%s)", address);
    }

  g_string_append (out, block->text + pos);
}

/**
 * cg_block_is_in_list:
 * @block: (nullable): a block, or %NULL past either end of a document
 *
 * Returns: whether @block is a list item, or a paragraph that continues one
 */
gboolean
cg_block_is_in_list (const CgBlock *block)
{
  return block != NULL &&
         (block->kind == CG_BLOCK_LIST_ITEM ||
          (block->kind == CG_BLOCK_PARAGRAPH && block->level > 0));
}

/**
 * cg_document_to_plain_text:
 *
 * The document as a receptionist would paste it into an e-mail: headings
 * on their own lines, list bullets and numbers, notes labelled, web
 * addresses after their link text.
 */
char *
cg_document_to_plain_text (CgDocument *self)
{
  GString *out;
  guint last_note_group = 0;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);

  for (guint i = 0; i < self->n_blocks; i++)
    {
      const CgBlock *block = &self->blocks[i];
      gboolean in_list = cg_block_is_in_list (block);
      gboolean prev_in_list = i > 0 && cg_block_is_in_list (&self->blocks[i - 1]);

      if (out->len > 0 && !(in_list && prev_in_list))
        g_string_append_c (out, '\n');

      if (block->note_group != 0 && block->note_group != last_note_group &&
          block->kind != CG_BLOCK_NOTE_TITLE)
        g_string_append_printf (out, "%s: ", cg_plain_text_note_label (block->note));
      last_note_group = block->note_group;

      switch (block->kind)
        {
        case CG_BLOCK_LIST_ITEM:
          for (guint l = 1; l < block->level; l++)
            g_string_append (out, "   ");
          if (block->number > 0)
            g_string_append_printf (out, "%u. ", block->number);
          else
            g_string_append (out, "• ");
          append_with_addresses (out, block);
          break;

        case CG_BLOCK_IMAGE:
          /* Translators: an image in copied text; %s is its description. */
          g_string_append_printf (out, _("[Image: %s]"), block->text);
          break;

        case CG_BLOCK_NOTE_TITLE:
        case CG_BLOCK_HEADING:
          g_string_append (out, block->text);
          if (block->kind == CG_BLOCK_NOTE_TITLE)
            g_string_append_c (out, ':');
          break;

        case CG_BLOCK_PARAGRAPH:
        default:
          /* The rest of a long list item, under its first line. */
          for (guint l = 0; l < block->level; l++)
            g_string_append (out, "   ");
          append_with_addresses (out, block);
          break;
        }

      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
