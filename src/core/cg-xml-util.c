/* cg-xml-util.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-autocleanups-private.h"
#include "cg-xml-util.h"

/* The small walks over a libxml2 tree that the schema, the reader and the
 * conversion into documents all make, written once. */

gboolean
cg_xml_is_element (xmlNode    *node,
                   const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

/**
 * cg_xml_first_child:
 * @parent: (nullable): an element
 *
 * Returns: (nullable): the first child element of @parent called @name
 */
xmlNode *
cg_xml_first_child (xmlNode    *parent,
                    const char *name)
{
  for (xmlNode *child = parent ? parent->children : NULL; child != NULL; child = child->next)
    if (cg_xml_is_element (child, name))
      return child;

  return NULL;
}

/**
 * cg_xml_next_element:
 *
 * Returns: (nullable): the element after @node in document order, or
 *   %NULL at the end of the document
 */
xmlNode *
cg_xml_next_element (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return child;

  for (; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    for (xmlNode *sibling = node->next; sibling != NULL; sibling = sibling->next)
      if (sibling->type == XML_ELEMENT_NODE)
        return sibling;

  return NULL;
}

/**
 * cg_xml_get_attr:
 *
 * Returns: (transfer full) (nullable): the value of attribute @name of @node
 */
char *
cg_xml_get_attr (xmlNode    *node,
                 const char *name)
{
  g_autoptr(xmlChar) value = xmlGetProp (node, (const xmlChar *) name);

  return value ? g_strdup ((const char *) value) : NULL;
}

/**
 * cg_xml_collapse_space:
 * @text: UTF-8 text
 *
 * Drops the white space at both ends of @text and turns each run of it
 * inside into one space: what an editor's line breaks and indentation
 * mean in a content file, and what a problem shown on one line needs.
 *
 * Returns: (transfer full): the tidied text
 */
char *
cg_xml_collapse_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * cg_xml_get_text:
 * @node: (nullable): a simple element
 *
 * Returns: (transfer full) (nullable): the text of @node, white space
 *   tidied; %NULL when @node is
 */
char *
cg_xml_get_text (xmlNode *node)
{
  g_autoptr(xmlChar) content = NULL;

  if (node == NULL)
    return NULL;

  content = xmlNodeGetContent (node);
  if (content == NULL)
    return g_strdup ("");

  return cg_xml_collapse_space ((const char *) content);
}

/* Scanning raw text, between p and end */

gboolean
cg_xml_has_prefix (const char *p,
                   const char *end,
                   const char *prefix)
{
  gsize length = strlen (prefix);

  return (gsize) (end - p) >= length && memcmp (p, prefix, length) == 0;
}

/* Just past the first @terminator in [@p, @end), or %NULL. */
const char *
cg_xml_skip_past (const char *p,
                  const char *end,
                  const char *terminator)
{
  gsize length = strlen (terminator);

  for (; p + length <= end; p++)
    if (memcmp (p, terminator, length) == 0)
      return p + length;

  return NULL;
}
