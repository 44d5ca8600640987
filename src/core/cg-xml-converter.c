/* cg-xml-converter.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-bidi.h"
#include "cg-document-private.h"
#include "cg-problem.h"
#include "cg-xml-converter.h"
#include "cg-xml-util.h"

/* Content markup into CgDocument: blocks (paragraphs, lists, notes,
 * sections, images) and the inline spans inside them. Clinic fields are
 * filled in from the clinic file, which is why it is read first. */

/* Problems and links */

void
cg_xml_converter_report (CgXmlConverter *self,
                         xmlNode        *node,
                         int             code,
                         const char     *message)
{
  int line = 0, column = 0;

  cg_xml_locator_find (self->locator, node, &line, &column);
  g_ptr_array_add (self->problems, cg_problem_new (self->file, line, column, code, message));
}

void
cg_xml_converter_note_link (CgXmlConverter *self,
                            xmlNode        *node,
                            const char     *target)
{
  CgXmlLink *link = g_new0 (CgXmlLink, 1);

  link->target = g_strdup (target);
  link->file = self->file;
  cg_xml_locator_find (self->locator, node, &link->line, &link->column);
  g_ptr_array_add (self->links, link);
}

void
cg_xml_link_free (gpointer data)
{
  CgXmlLink *link = data;

  g_free (link->target);
  g_free (link);
}

/* Optional clinic fields */

/* Email, website, online booking and prices may be left out of
 * clinic.xml; the name, phone, address and hours may not, so those are
 * reported instead. A clinic that lists prices but not the one the content
 * names has made a mistake (a price id mistyped or removed): reported too. */
static gboolean
is_optional_field (CgXmlConverter *self,
                   const char     *field)
{
  const char * const *prices;

  if (g_strcmp0 (field, "email") == 0 || g_strcmp0 (field, "website") == 0 ||
      g_strcmp0 (field, "booking") == 0)
    return TRUE;

  if (g_strcmp0 (field, "price") != 0 || self->clinic == NULL)
    return FALSE;

  prices = cg_clinic_get_price_ids (self->clinic);
  return prices == NULL || prices[0] == NULL;
}

static void
report_missing_field (CgXmlConverter *self,
                      xmlNode        *node,
                      const char     *field,
                      const char     *item)
{
  g_autofree char *message = NULL;

  if (is_optional_field (self, field))
    return;

  if (item != NULL)
    /* Translators: <clinic field="price" item="…"/> names a price that is missing. */
    message = g_strdup_printf (_("the clinic file has no price “%s”"), item);
  else
    message = g_strdup_printf (_("the clinic file has no “%s”"), field);

  cg_xml_converter_report (self, node, CG_CONTENT_ERROR_UNKNOWN_FIELD, message);
}

/* A paragraph or list item that names an optional clinic detail the
 * clinic file leaves out is left out whole: "By email:" with nothing after it, or
 * "book online at  or call", reads worse than no sentence. Decided here,
 * once, so the screen, the copy, the print and search all agree. */
static gboolean
lacks_field (CgXmlConverter *self,
             xmlNode        *node)
{
  gboolean lacks = FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (cg_xml_is_element (child, "clinic"))
        {
          g_autofree char *field = cg_xml_get_attr (child, "field");
          g_autofree char *item = cg_xml_get_attr (child, "item");
          g_autofree char *value = NULL;

          if (!is_optional_field (self, field))
            continue;
          if (self->clinic != NULL)
            value = cg_clinic_get_field (self->clinic, field, item);
          if (value == NULL)
            lacks = TRUE;
        }
      else if (child->type == XML_ELEMENT_NODE && lacks_field (self, child))
        lacks = TRUE;
    }

  return lacks;
}

/* Inline content */

static void
append_field (CgXmlConverter    *self,
              CgDocumentBuilder *builder,
              xmlNode           *node)
{
  g_autofree char *field = cg_xml_get_attr (node, "field");
  g_autofree char *item = cg_xml_get_attr (node, "item");
  g_autofree char *value = NULL;

  if (self->clinic != NULL)
    value = cg_clinic_get_field (self->clinic, field, item);

  if (value == NULL)
    {
      report_missing_field (self, node, field, item);
      return;
    }

  if (self->rtl)
    {
      g_autofree char *plain = g_steal_pointer (&value);

      value = cg_bidi_isolate_field (field, plain);
    }

  cg_document_builder_push_span (builder, CG_SPAN_FIELD, field);
  cg_document_builder_append (builder, value, -1);
  cg_document_builder_pop_span (builder);
}

static void
append_inline (CgXmlConverter    *self,
               CgDocumentBuilder *builder,
               xmlNode           *parent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL && self->rtl)
            {
              g_autofree char *isolated = cg_bidi_isolate_latin ((const char *) node->content);

              cg_document_builder_append (builder, isolated, -1);
            }
          else if (node->content != NULL)
            cg_document_builder_append (builder, (const char *) node->content, -1);
        }
      else if (cg_xml_is_element (node, "em") || cg_xml_is_element (node, "strong"))
        {
          CgSpanKind kind = cg_xml_is_element (node, "em") ? CG_SPAN_EMPHASIS : CG_SPAN_STRONG;

          cg_document_builder_push_span (builder, kind, NULL);
          append_inline (self, builder, node);
          cg_document_builder_pop_span (builder);
        }
      else if (cg_xml_is_element (node, "link"))
        {
          g_autofree char *ref = cg_xml_get_attr (node, "ref");
          g_autofree char *href = cg_xml_get_attr (node, "href");

          if (ref != NULL)
            cg_xml_converter_note_link (self, node, ref);

          cg_document_builder_push_span (builder,
                                         ref ? CG_SPAN_LINK : CG_SPAN_EXTERNAL_LINK,
                                         ref ? ref : href);
          append_inline (self, builder, node);
          cg_document_builder_pop_span (builder);
        }
      else if (cg_xml_is_element (node, "clinic"))
        append_field (self, builder, node);
    }
}

/**
 * cg_xml_converter_inline_text:
 * @node: (nullable): an element with inline content
 *
 * The plain text of an inline element: titles, questions, summaries.
 *
 * Returns: (transfer full) (nullable): the text; %NULL when @node is
 */
char *
cg_xml_converter_inline_text (CgXmlConverter *self,
                              xmlNode        *node)
{
  g_autoptr(CgDocumentBuilder) builder = NULL;
  g_autoptr(CgDocument) document = NULL;

  if (node == NULL)
    return NULL;

  builder = cg_document_builder_new ();
  cg_document_builder_begin_block (builder, CG_BLOCK_PARAGRAPH, 0, 0);
  append_inline (self, builder, node);
  cg_document_builder_end_block (builder);
  document = cg_document_builder_finish (builder);

  return g_strdup (cg_document_get_block (document, 0)->text);
}

static void
add_inline_block (CgXmlConverter    *self,
                  CgDocumentBuilder *builder,
                  xmlNode           *node,
                  CgBlockKind        kind,
                  guint              level,
                  guint              number)
{
  cg_document_builder_begin_block (builder, kind, level, number);
  append_inline (self, builder, node);
  cg_document_builder_end_block (builder);
}

/* Blocks */

static void add_blocks (CgXmlConverter    *self,
                        CgDocumentBuilder *builder,
                        xmlNode           *parent,
                        guint              section_level,
                        guint              indent);

static void
add_list (CgXmlConverter    *self,
          CgDocumentBuilder *builder,
          xmlNode           *list,
          guint              depth)
{
  g_autofree char *type = cg_xml_get_attr (list, "type");
  gboolean numbered = g_strcmp0 (type, "numbered") == 0;
  guint number = 0;

  for (xmlNode *item = list->children; item != NULL; item = item->next)
    {
      xmlNode *first_p;

      if (!cg_xml_is_element (item, "item"))
        continue;

      if (lacks_field (self, item))
        continue;

      number++;
      first_p = cg_xml_first_child (item, "p");

      if (first_p == NULL)
        {
          add_inline_block (self, builder, item, CG_BLOCK_LIST_ITEM, depth, numbered ? number : 0);
          continue;
        }

      /* A long item: its first paragraph carries the bullet, the rest
       * are indented under it. */
      add_inline_block (self, builder, first_p, CG_BLOCK_LIST_ITEM, depth, numbered ? number : 0);
      for (xmlNode *child = first_p->next; child != NULL; child = child->next)
        {
          if (cg_xml_is_element (child, "p"))
            add_inline_block (self, builder, child, CG_BLOCK_PARAGRAPH, depth, 0);
          else if (cg_xml_is_element (child, "list"))
            add_list (self, builder, child, depth + 1);
        }
    }
}

static CgNoteKind
parse_note_kind (xmlNode *note)
{
  g_autofree char *kind = cg_xml_get_attr (note, "kind");

  if (g_strcmp0 (kind, "warning") == 0)
    return CG_NOTE_WARNING;
  if (g_strcmp0 (kind, "call") == 0)
    return CG_NOTE_CALL;
  return CG_NOTE_INFO;
}

static void
add_image (CgXmlConverter    *self,
           CgDocumentBuilder *builder,
           xmlNode           *image)
{
  g_autofree char *src = cg_xml_get_attr (image, "src");
  g_autofree char *path = NULL;
  g_autofree char *caption = NULL;

  /* The schema only admits plain relative names: no "..", no absolute path. */
  if (self->base_dir != NULL)
    path = g_build_filename (self->base_dir, src, NULL);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("the image “%s” does not exist"), src);

      cg_xml_converter_report (self, image, CG_CONTENT_ERROR_MISSING_IMAGE, message);
      g_clear_pointer (&path, g_free);
    }

  caption = cg_xml_converter_inline_text (self, cg_xml_first_child (image, "caption"));

  cg_document_builder_begin_block (builder, CG_BLOCK_IMAGE, 0, 0);
  cg_document_builder_set_image (builder, path, caption);
  append_inline (self, builder, cg_xml_first_child (image, "alt"));
  cg_document_builder_end_block (builder);
}

static void
add_blocks (CgXmlConverter    *self,
            CgDocumentBuilder *builder,
            xmlNode           *parent,
            guint              section_level,
            guint              indent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (cg_xml_is_element (node, "p"))
        {
          if (!lacks_field (self, node))
            add_inline_block (self, builder, node, CG_BLOCK_PARAGRAPH, indent, 0);
        }
      else if (cg_xml_is_element (node, "list"))
        add_list (self, builder, node, indent + 1);
      else if (cg_xml_is_element (node, "image"))
        add_image (self, builder, node);
      else if (cg_xml_is_element (node, "note"))
        {
          xmlNode *title = cg_xml_first_child (node, "title");

          cg_document_builder_begin_note (builder, parse_note_kind (node));
          if (title != NULL)
            add_inline_block (self, builder, title, CG_BLOCK_NOTE_TITLE, 0, 0);
          add_blocks (self, builder, node, section_level, indent);
          cg_document_builder_end_note (builder);
        }
      else if (cg_xml_is_element (node, "section"))
        {
          add_inline_block (self, builder, cg_xml_first_child (node, "title"),
                            CG_BLOCK_HEADING, section_level + 1, 0);
          add_blocks (self, builder, node, section_level + 1, indent);
        }
    }
}

/**
 * cg_xml_converter_build_document:
 * @body: an article's <body> or a question's <answer>
 *
 * Returns: (transfer full): the document @body holds
 */
CgDocument *
cg_xml_converter_build_document (CgXmlConverter *self,
                                 xmlNode        *body)
{
  g_autoptr(CgDocumentBuilder) builder = cg_document_builder_new ();

  /* Said in the reader's language, at the top, so that an English page
   * among translated ones is not taken for a fault. */
  if (self->untranslated)
    {
      cg_document_builder_begin_note (builder, CG_NOTE_INFO);
      cg_document_builder_begin_block (builder, CG_BLOCK_PARAGRAPH, 0, 0);
      cg_document_builder_append (builder, _("Not yet translated: this page is shown in English."), -1);
      cg_document_builder_end_block (builder);
      cg_document_builder_end_note (builder);
    }

  add_blocks (self, builder, body, 0, 0);

  return cg_document_builder_finish (builder);
}
