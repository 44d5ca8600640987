/* cg-document.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-document-private.h"

/* One allocation holds the blocks, then all their spans, then every
 * string they point at: 13,000 items each had a string chunk (with a hash
 * table when it had a link) and an allocation per block's spans, a fifth
 * of each document spent on headroom and bookkeeping. */
struct _CgDocument
{
  gatomicrefcount  ref_count;
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

static gsize
string_size (const char *string)
{
  return string != NULL ? strlen (string) + 1 : 0;
}

static const char *
copy_string (char       **chars,
             const char  *string,
             gsize        length)
{
  char *copy = *chars;

  if (string == NULL)
    return NULL;

  memcpy (copy, string, length);
  copy[length] = '\0';
  *chars += length + 1;

  return copy;
}

CgDocument *
cg_document_builder_finish (CgDocumentBuilder *builder)
{
  CgDocument *self;
  CgSpan *spans;
  char *chars;
  gsize n_spans = 0, n_chars = 0;

  g_return_val_if_fail (builder != NULL, NULL);
  g_return_val_if_fail (builder->current == NULL, NULL);

  for (guint i = 0; i < builder->blocks->len; i++)
    {
      BuilderBlock *b = &g_array_index (builder->blocks, BuilderBlock, i);

      n_spans += b->spans->len;
      n_chars += b->text->len + 1 + string_size (b->block.source) + string_size (b->block.caption);
      for (guint s = 0; s < b->spans->len; s++)
        n_chars += string_size (g_array_index (b->spans, CgSpan, s).target);
    }

  self = g_new0 (CgDocument, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_blocks = builder->blocks->len;
  self->blocks = g_malloc (MAX (sizeof (CgBlock) * self->n_blocks + sizeof (CgSpan) * n_spans + n_chars,
                                sizeof (CgBlock)));
  spans = (CgSpan *) (self->blocks + self->n_blocks);
  chars = (char *) (spans + n_spans);

  for (guint i = 0; i < self->n_blocks; i++)
    {
      BuilderBlock *b = &g_array_index (builder->blocks, BuilderBlock, i);
      CgBlock *block = &self->blocks[i];

      *block = b->block;
      block->text = copy_string (&chars, b->text->str, b->text->len);
      block->source = copy_string (&chars, b->block.source, string_size (b->block.source) - 1);
      block->caption = copy_string (&chars, b->block.caption, string_size (b->block.caption) - 1);
      block->n_spans = b->spans->len;
      block->spans = block->n_spans > 0 ? spans : NULL;
      for (guint s = 0; s < block->n_spans; s++)
        {
          const CgSpan *span = &g_array_index (b->spans, CgSpan, s);

          *spans = *span;
          spans->target = copy_string (&chars, span->target, string_size (span->target) - 1);
          spans++;
        }
    }

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

  g_free (self->blocks);
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

/* Links that cannot be followed: to a page the clinic hid or that does
 * not exist, or any link once the text leaves the app (copied, printed).
 * "Read <link>costs and prices</link>." only points somewhere: without
 * the link it says nothing, so the whole sentence goes. A link inside a
 * sentence that says more keeps its words as plain text. */

typedef struct
{
  guint       start;
  guint       end;
  const char *insert;  /* put at end, after what is cut; NULL for none */
} Edit;

static gboolean
is_sentence_end (const char *text,
                 guint       pos,
                 guint       length)
{
  gunichar c = g_utf8_get_char (text + pos);
  const char *next = g_utf8_next_char (text + pos);

  if (c != '.' && c != '!' && c != '?' && c != 0x061F /* Arabic ? */ && c != 0x3002)
    return FALSE;
  return (guint) (next - text) >= length || *next == ' ';
}

static guint
sentence_start (const char *text,
                guint       length,
                guint       pos)
{
  guint start = 0;

  for (guint i = 0; i < pos; i = g_utf8_next_char (text + i) - text)
    if (is_sentence_end (text, i, length))
      start = g_utf8_next_char (text + i) - text;

  while (start < pos && text[start] == ' ')
    start++;
  return start;
}

/* Past the sentence's end mark and the spaces after it. */
static guint
sentence_end (const char *text,
              guint       length,
              guint       pos)
{
  for (guint i = pos; i < length; i = g_utf8_next_char (text + i) - text)
    if (is_sentence_end (text, i, length))
      {
        guint end = g_utf8_next_char (text + i) - text;

        while (end < length && text[end] == ' ')
          end++;
        return end;
      }
  return length;
}

static guint
count_words (const char *text,
             guint       start,
             guint       end)
{
  gboolean in_word = FALSE;
  guint words = 0;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean letter = g_unichar_isalnum (c) || g_unichar_ismark (c);

      if (letter && !in_word)
        words++;
      in_word = letter;
    }
  return words;
}

static const char *
display_address (const char *target)
{
  if (g_str_has_prefix (target, "mailto:"))
    return target + strlen ("mailto:");
  if (g_str_has_prefix (target, "tel:"))
    return target + strlen ("tel:");
  return target;
}

static gint
compare_edits (gconstpointer a,
               gconstpointer b)
{
  const Edit *ea = a, *eb = b;

  return ea->start != eb->start ? (ea->start < eb->start ? -1 : 1)
                                : (ea->end < eb->end ? -1 : ea->end > eb->end);
}

/* Returns whether the block changed; fills @text and @spans with the new one. */
static gboolean
rewrite_block (const CgBlock  *block,
               CgLinkKeepFunc  keep,
               gpointer        data,
               gboolean        addresses,
               GString        *text,
               GArray         *spans)
{
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  g_autofree gboolean *drop = g_new0 (gboolean, MAX (block->n_spans, 1));
  guint length = strlen (block->text);
  guint pos = 0;
  gboolean changed = FALSE;

  for (guint i = 0; i < block->n_spans; i++)
    {
      const CgSpan *span = &block->spans[i];

      if (span->kind == CG_SPAN_LINK && (keep == NULL || !keep (span->target, data)))
        {
          guint start = sentence_start (block->text, length, span->start);
          guint end = sentence_end (block->text, length, span->end);
          Edit edit = { start, end, NULL };

          drop[i] = changed = TRUE;
          if (count_words (block->text, start, span->start) +
              count_words (block->text, span->end, end) > 1)
            continue;

          /* The last sentence takes the space before it along. */
          if (end == length)
            while (edit.start > 0 && block->text[edit.start - 1] == ' ')
              edit.start--;
          g_array_append_val (edits, edit);
        }
      else if (span->kind == CG_SPAN_EXTERNAL_LINK && addresses)
        {
          const char *address = span->target ? display_address (span->target) : NULL;
          Edit edit = { span->end, span->end, NULL };

          drop[i] = changed = TRUE;
          /* An address that is its own text is not written twice. */
          if (address != NULL &&
              (strlen (address) != span->end - span->start ||
               strncmp (block->text + span->start, address, span->end - span->start) != 0))
            {
              edit.insert = address;
              g_array_append_val (edits, edit);
            }
        }
    }

  if (!changed)
    return FALSE;

  g_array_sort (edits, compare_edits);

  /* Copy the text around the cuts, noting where each old byte went. */
  {
    g_autofree int *moved = g_new (int, length + 1);

    for (guint e = 0; e <= edits->len; e++)
      {
        const Edit *edit = e < edits->len ? &g_array_index (edits, Edit, e) : NULL;
        guint until = edit ? MAX (edit->start, pos) : length;

        for (; pos < until; pos++)
          {
            moved[pos] = text->len;
            g_string_append_c (text, block->text[pos]);
          }
        if (edit == NULL)
          break;
        for (; pos < edit->end; pos++)
          moved[pos] = -1;
        if (edit->insert != NULL)
          g_string_append_printf (text, " (%s)", edit->insert);
      }
    moved[length] = text->len;

    for (guint i = 0; i < block->n_spans; i++)
      {
        CgSpan span = block->spans[i];

        if (drop[i] || moved[span.start] < 0 || (span.end > span.start && moved[span.end - 1] < 0))
          continue;
        span.end = span.end > span.start ? (guint) moved[span.end - 1] + 1 : (guint) moved[span.start];
        span.start = moved[span.start];
        g_array_append_val (spans, span);
      }
  }

  return TRUE;
}

/* A new document, or NULL when nothing changed. */
static CgDocument *
rewrite_links (CgDocument     *self,
               CgLinkKeepFunc  keep,
               gpointer        data,
               gboolean        addresses)
{
  g_autoptr(CgDocumentBuilder) builder = NULL;
  gboolean changed = FALSE;

  builder = cg_document_builder_new ();
  for (guint i = 0; i < self->n_blocks; i++)
    {
      const CgBlock *block = &self->blocks[i];
      BuilderBlock b = { 0 };

      b.block = *block;
      b.text = g_string_new (NULL);
      b.spans = g_array_new (FALSE, FALSE, sizeof (CgSpan));
      if (rewrite_block (block, keep, data, addresses, b.text, b.spans))
        changed = TRUE;
      else
        {
          g_string_assign (b.text, block->text);
          g_array_append_vals (b.spans, block->spans, block->n_spans);
        }

      /* A block that only pointed somewhere goes with its sentence. */
      if (b.text->len == 0 && block->text[0] != '\0' && block->kind != CG_BLOCK_IMAGE)
        {
          builder_block_clear (&b);
          continue;
        }

      /* The strings the block points at (targets, image paths) are
       * still this document's: finishing copies them into the new one. */
      g_array_append_val (builder->blocks, b);
    }

  if (!changed)
    return NULL;

  return cg_document_builder_finish (builder);
}

/**
 * cg_document_demote_links:
 * @keep: whether a link to a target still leads somewhere
 *
 * Turns the links @keep refuses into text that reads well without them;
 * for the loader, before anyone else holds the document.
 */
void
cg_document_demote_links (CgDocument     *self,
                          CgLinkKeepFunc  keep,
                          gpointer        data)
{
  g_autoptr(CgDocument) rewritten = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (keep != NULL);

  rewritten = rewrite_links (self, keep, data, FALSE);
  if (rewritten == NULL)
    return;

  /* The document keeps its identity (items hold it); its insides change. */
  g_free (self->blocks);
  self->blocks = g_steal_pointer (&rewritten->blocks);
  self->n_blocks = rewritten->n_blocks;
  rewritten->n_blocks = 0;
}

/**
 * cg_document_for_paper:
 *
 * The document as it reads outside the app, copied or printed, where no
 * link can be followed: links to other pages become plain words (or go,
 * with a sentence that only pointed there), and web, e-mail and phone
 * links become plain text with their address after them.
 *
 * Returns: (transfer full): a new reference, to @self when it has no links
 */
CgDocument *
cg_document_for_paper (CgDocument *self)
{
  CgDocument *rewritten;

  g_return_val_if_fail (self != NULL, NULL);

  rewritten = rewrite_links (self, NULL, NULL, TRUE);
  return rewritten != NULL ? rewritten : cg_document_ref (self);
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
 * cg_note_kind_get_label:
 *
 * A note of no particular kind is drawn as an information note (same icon,
 * same tint), so it carries the same label rather than none.
 *
 * Returns: the label of a note of @kind, translated
 */
const char *
cg_note_kind_get_label (CgNoteKind kind)
{
  switch (kind)
    {
    case CG_NOTE_WARNING:
      return _("Warning");
    case CG_NOTE_CALL:
      return _("When to call the clinic");
    case CG_NOTE_INFO:
    case CG_NOTE_NONE:
    default:
      return _("Good to know");
    }
}

/**
 * cg_document_to_plain_text:
 *
 * The document as a receptionist would paste it into an e-mail: headings
 * on their own lines, list bullets and numbers, notes labelled, web
 * addresses after their link text, as cg_document_for_paper() puts it.
 */
char *
cg_document_to_plain_text (CgDocument *self)
{
  g_autoptr(CgDocument) paper = NULL;
  GString *out;
  guint last_note_group = 0;

  g_return_val_if_fail (self != NULL, NULL);

  paper = cg_document_for_paper (self);
  self = paper;
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
        g_string_append_printf (out, "%s: ", cg_note_kind_get_label (block->note));
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
          g_string_append (out, block->text);
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
          g_string_append (out, block->text);
          break;
        }

      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
