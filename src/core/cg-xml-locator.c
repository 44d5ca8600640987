/* cg-xml-locator.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-xml-locator.h"
#include "cg-xml-util.h"

/* Each element of the document it was made for carries its index into
 * positions, plus one, in its _private field. */
struct _CgXmlLocator
{
  GArray *positions;  /* of Position: start tags in document order */
};

typedef struct
{
  int line;
  int column;
} Position;

/* Locating elements
 *
 * libxml2 keeps only the line where an element's start tag *ends*, and no
 * column. Content files have several links on one line and start tags
 * spread over lines, so we find the start tags ourselves: in a document
 * without a DTD the n-th start tag of the text is the n-th element in
 * document order. One pass over the text, however many problems the file
 * has; it costs a few percent of parsing.
 */

/* Columns count characters, as the parser's own do: UTF-8 continuation
 * bytes (10xxxxxx) do not count. Every byte of every file passes here, so
 * eight at a time. */
static gsize
count_chars (const char *p,
             const char *end)
{
  gsize n = end - p;

  for (; end - p >= 8; p += 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      n -= __builtin_popcountll (word & ~(word << 1) & G_GUINT64_CONSTANT (0x8080808080808080));
    }
  for (; p < end; p++)
    n -= ((guchar) *p & 0xC0) == 0x80;

  return n;
}

static void
advance (Position   *here,
         const char *from,
         const char *to)
{
  const char *newline;

  while ((newline = memchr (from, '\n', to - from)) != NULL)
    {
      here->line++;
      here->column = 1;
      from = newline + 1;
    }
  here->column += (int) count_chars (from, to);
}

static GArray *
scan_start_tags (GBytes *text)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (Position));
  const char *data, *end, *p, *counted;
  Position here = { 1, 1 };
  gsize size;

  data = g_bytes_get_data (text, &size);
  if (data == NULL)
    return positions;

  end = data + size;
  p = counted = data;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *after = NULL;

      if (cg_xml_has_prefix (p, end, "<!--"))
        after = cg_xml_skip_past (p + 4, end, "-->");
      else if (cg_xml_has_prefix (p, end, "<![CDATA["))
        after = cg_xml_skip_past (p + 9, end, "]]>");
      else if (cg_xml_has_prefix (p, end, "<?"))
        after = cg_xml_skip_past (p + 2, end, "?>");
      else if (cg_xml_has_prefix (p, end, "</") || cg_xml_has_prefix (p, end, "<!"))
        after = p + 2;
      else
        {
          char quote = 0;

          advance (&here, counted, p);
          counted = p;
          g_array_append_val (positions, here);

          /* An attribute value may hold a '>'. */
          for (after = p + 1; after < end; after++)
            {
              if (quote != 0)
                {
                  if (*after == quote)
                    quote = 0;
                }
              else if (*after == '"' || *after == '\'')
                quote = *after;
              else if (*after == '>')
                break;
            }
        }

      if (after == NULL)
        break;
      p = after;
    }

  return positions;
}

/* Located as soon as the document is parsed, in the thread that parsed
 * it: the loader frees each document once it has read it, and problems
 * found later (a link to nowhere) are located from what it noted. */
CgXmlLocator *
cg_xml_locator_new (GBytes *text,
                    xmlDoc *doc)
{
  CgXmlLocator *self = g_new0 (CgXmlLocator, 1);
  guint i = 0;

  self->positions = scan_start_tags (text);

  for (xmlNode *node = xmlDocGetRootElement (doc);
       node != NULL && i < self->positions->len;
       node = cg_xml_next_element (node), i++)
    node->_private = GUINT_TO_POINTER (i + 1);

  return self;
}

void
cg_xml_locator_free (CgXmlLocator *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->positions, g_array_unref);
  g_free (self);
}

/**
 * cg_xml_locator_find:
 * @line: (out): 1-based; 0 when unknown
 * @column: (out): 1-based; 0 when unknown
 *
 * Where the start tag of @node, an element of the document @self was
 * made for, begins, as the person fixing the file sees it in an editor.
 */
void
cg_xml_locator_find (CgXmlLocator *self,
                     xmlNode      *node,
                     int          *line,
                     int          *column)
{
  guint index;

  g_return_if_fail (line != NULL && column != NULL);

  *line = node != NULL ? (int) MAX (xmlGetLineNo (node), 0) : 0;
  *column = 0;

  if (self == NULL || node == NULL || node->type != XML_ELEMENT_NODE)
    return;

  index = GPOINTER_TO_UINT (node->_private);
  if (index == 0 || index > self->positions->len)
    return;

  *line = g_array_index (self->positions, Position, index - 1).line;
  *column = g_array_index (self->positions, Position, index - 1).column;
}
