/* cg-xml-schema.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "cg-autocleanups-private.h"
#include "cg-xml-schema.h"
#include "cg-xml-util.h"

/* The content schema, compiled from the copy built into the program, and
 * the part of it the loader checks itself: the id rule. Also where
 * libxml2 is set up for content, which is trusted less than code (see
 * cg-xml-reader.c): every parse and every compile comes here first. */

#define SCHEMA_RESOURCE "/org/clinicguide/ClinicGuide/core/clinic-guide.rng"

static xmlParserInputPtr
deny_entity_loader (const char       *url,
                    const char       *id,
                    xmlParserCtxtPtr  ctxt)
{
  g_debug ("Refused to load external entity %s", url ? url : id ? id : "(unnamed)");
  return NULL;
}

/**
 * cg_xml_init:
 *
 * Sets libxml2 up, once, before anything is parsed: from then on every
 * external entity is refused, whoever asks for it.
 */
void
cg_xml_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_entity_loader);
      g_once_init_leave (&initialized, 1);
    }
}

/* Ids
 *
 * The schema states what an id looks like (define "id.value": a token
 * matching [a-z0-9][a-z0-9\-]*, at most 80 characters), for editors and
 * xmllint. libxml2 2.9 compiles a pattern's regular expression anew for
 * every value it checks against it, and ids are everywhere: every link,
 * every related item, every topic attribute. That was more than a third
 * of validating. The schema the loader compiles leaves the id facets out,
 * and cg_xml_is_valid_id() checks the attributes the schema declares as
 * ids once the rest of the schema is satisfied.
 */

#define RELAXNG_NS "http://relaxng.org/ns/structure/1.0"

/* What cg_xml_is_valid_id() implements, with CG_XML_ID_MAX_LENGTH. Only
 * these facets are left out of the compiled schema: others are the validator's to check. */
#define ID_PATTERN    "[a-z0-9][a-z0-9\\-]*"

/* An attribute the schema declares as an id, on an element of that name. */
typedef struct
{
  char *element;
  char *attribute;
} IdAttribute;

/* Of IdAttribute; read from the schema once, under spare_schemas_lock. */
static GArray *id_attributes;

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_rng (xmlNode    *node,
        const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, (const xmlChar *) RELAXNG_NS) &&
         xmlStrEqual (node->name, (const xmlChar *) name);
}

static char *
rng_name (xmlNode *node)
{
  g_autoptr(xmlChar) name = xmlGetNoNsProp (node, (const xmlChar *) "name");

  /* Our schema names elements and attributes with name="…", never with
   * <name> or <anyName>: an id attribute must be known by name. */
  g_assert (name != NULL);

  return g_strdup ((const char *) name);
}

/* Each <attribute> of the grammar, with the <element> it belongs to, and
 * whether its value is an id.value. */
static void
add_attributes (xmlDoc *grammar,
                GArray *ids,
                GArray *others)
{
  for (xmlNode *node = xmlDocGetRootElement (grammar); node != NULL; node = cg_xml_next_element (node))
    {
      IdAttribute pair;
      xmlNode *element = node->parent;
      xmlNode *child;
      gboolean is_id = FALSE;

      if (!is_rng (node, "attribute"))
        continue;

      while (element != NULL && !is_rng (element, "element"))
        element = element->parent;

      for (child = node->children; child != NULL; child = child->next)
        if (is_rng (child, "ref"))
          {
            g_autoptr(xmlChar) name = xmlGetNoNsProp (child, (const xmlChar *) "name");

            is_id = is_id || xmlStrEqual (name, (const xmlChar *) "id.value");
          }

      /* Outside any element (lang.attrs), an attribute may be on any. */
      g_assert (element != NULL || !is_id);
      pair.element = element ? rng_name (element) : NULL;
      pair.attribute = rng_name (node);
      g_array_append_val (is_id ? ids : others, pair);
    }
}

static gboolean
same_attribute (const IdAttribute *a,
                const IdAttribute *b)
{
  return (a->element == NULL || b->element == NULL || g_str_equal (a->element, b->element)) &&
         g_str_equal (a->attribute, b->attribute);
}

static void
id_attribute_clear (gpointer data)
{
  IdAttribute *pair = data;

  g_free (pair->element);
  g_free (pair->attribute);
}

/* Read from the grammar, not written down a second time: an id attribute
 * added to the schema is checked without anyone remembering to. */
static GArray *
find_id_attributes (xmlDoc *grammar)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (IdAttribute));
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (IdAttribute));

  g_array_set_clear_func (ids, id_attribute_clear);
  g_array_set_clear_func (others, id_attribute_clear);
  add_attributes (grammar, ids, others);

  /* Ids are found by element and attribute name, after validation: the
   * same names must never hold something else elsewhere. */
  for (guint i = 0; i < ids->len; i++)
    for (guint j = 0; j < others->len; j++)
      g_assert (!same_attribute (&g_array_index (ids, IdAttribute, i),
                                 &g_array_index (others, IdAttribute, j)));
  g_assert (ids->len > 0);

  return g_steal_pointer (&ids);
}

static xmlNode *
find_define (xmlDoc     *grammar,
             const char *name)
{
  for (xmlNode *node = xmlDocGetRootElement (grammar); node != NULL; node = cg_xml_next_element (node))
    if (is_rng (node, "define"))
      {
        g_autoptr(xmlChar) value = xmlGetNoNsProp (node, (const xmlChar *) "name");

        if (xmlStrEqual (value, (const xmlChar *) name))
          return node;
      }

  return NULL;
}

/* Whether a facet of id.value is one that cg_xml_is_valid_id() checks. */
static gboolean
is_id_facet (xmlNode *param)
{
  g_autoptr(xmlChar) name = xmlGetNoNsProp (param, (const xmlChar *) "name");
  g_autoptr(xmlChar) value = xmlNodeGetContent (param);
  g_autofree char *max_length = g_strdup_printf ("%d", CG_XML_ID_MAX_LENGTH);

  if (xmlStrEqual (name, (const xmlChar *) "pattern"))
    return xmlStrEqual (value, (const xmlChar *) ID_PATTERN);
  if (xmlStrEqual (name, (const xmlChar *) "maxLength"))
    return xmlStrEqual (value, (const xmlChar *) max_length);

  return FALSE;
}

/* Takes the facets out of define "id.value", the maximum length as well
 * (it costs a quarter of what the pattern does), when they are the ones
 * cg_xml_is_valid_id() implements. Any other is left to the validator:
 * slower, never weaker. */
static void
drop_id_facets (xmlDoc *grammar)
{
  xmlNode *define = find_define (grammar, "id.value");
  xmlNode *data = NULL;
  xmlNode *param, *next;

  for (xmlNode *child = define ? define->children : NULL; child != NULL; child = child->next)
    if (is_rng (child, "data"))
      data = child;

  if (data == NULL)
    {
      g_warning ("The content schema has no id.value datatype");
      return;
    }

  for (param = data->children; param != NULL; param = next)
    {
      next = param->next;

      if (!is_rng (param, "param"))
        continue;

      if (!is_id_facet (param))
        {
          g_autoptr(xmlChar) name = xmlGetNoNsProp (param, (const xmlChar *) "name");

          g_warning ("The content schema’s id.value has a %s that the loader does not know", name);
          continue;
        }

      xmlUnlinkNode (param);
      xmlFreeNode (param);
    }
}

/* What the messages for content editors name: every element of the
 * grammar, and the values of <clinic field="…">, read from the grammar
 * like the id attributes so that the messages follow the schema. */
static char **element_names;
static char **clinic_fields;

static void
find_names (xmlDoc *grammar)
{
  g_autoptr(GStrvBuilder) elements = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *node = xmlDocGetRootElement (grammar); node != NULL; node = cg_xml_next_element (node))
    {
      if (is_rng (node, "element"))
        {
          char *name = rng_name (node);

          if (g_hash_table_add (seen, name))
            g_strv_builder_add (elements, name);
        }
      else if (is_rng (node, "value"))
        {
          xmlNode *attribute = node->parent;
          xmlNode *element;

          while (attribute != NULL && !is_rng (attribute, "attribute"))
            attribute = attribute->parent;
          for (element = attribute; element != NULL && !is_rng (element, "element");)
            element = element->parent;
          if (attribute != NULL && element != NULL)
            {
              g_autofree char *attribute_name = rng_name (attribute);
              g_autofree char *element_name = rng_name (element);
              g_autoptr(xmlChar) value = xmlNodeGetContent (node);

              if (g_str_equal (attribute_name, "field") && g_str_equal (element_name, "clinic"))
                g_strv_builder_add (fields, (const char *) value);
            }
        }
    }

  element_names = g_strv_builder_end (elements);
  clinic_fields = g_strv_builder_end (fields);
}

/* Compiled schemas not in use. libxml2 2.9 does not promise that one
 * compiled RELAX NG schema can validate two documents at once, so each
 * thread that validates holds a schema of its own; compiling one takes
 * about a millisecond, so they are kept for the next load. */
static GMutex spare_schemas_lock;
static GSList *spare_schemas;

/* Called with spare_schemas_lock held. */
static xmlRelaxNG *
compile_schema (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) grammar = NULL;
  g_autoptr(xmlRelaxNGParserCtxt) ctxt = NULL;
  xmlRelaxNG *schema;
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  data = g_bytes_get_data (bytes, &size);

  grammar = xmlReadMemory (data, (int) size, SCHEMA_RESOURCE, NULL, XML_PARSE_NONET);
  g_assert (grammar != NULL);

  if (id_attributes == NULL)
    {
      id_attributes = find_id_attributes (grammar);
      find_names (grammar);
    }
  drop_id_facets (grammar);

  /* It parses a copy. */
  ctxt = xmlRelaxNGNewDocParserCtxt (grammar);
  schema = xmlRelaxNGParse (ctxt);
  g_assert (schema != NULL);

  return schema;
}

/**
 * cg_xml_schema_acquire:
 *
 * Returns: (transfer full): the content schema, compiled, for the calling
 *   thread alone until it gives it back with cg_xml_schema_release()
 */
xmlRelaxNG *
cg_xml_schema_acquire (void)
{
  xmlRelaxNG *schema;

  cg_xml_init ();

  /* Compiling under the lock as well: the first compile sets up libxml2's
   * tables of datatypes, which two threads must not do at once. */
  g_mutex_lock (&spare_schemas_lock);
  if (spare_schemas != NULL)
    {
      schema = spare_schemas->data;
      spare_schemas = g_slist_delete_link (spare_schemas, spare_schemas);
    }
  else
    schema = compile_schema ();
  g_mutex_unlock (&spare_schemas_lock);

  return schema;
}

void
cg_xml_schema_release (xmlRelaxNG *schema)
{
  g_return_if_fail (schema != NULL);

  g_mutex_lock (&spare_schemas_lock);
  spare_schemas = g_slist_prepend (spare_schemas, schema);
  g_mutex_unlock (&spare_schemas_lock);
}

/**
 * cg_xml_schema_is_id_attribute:
 * @element: an element of a content file that the schema accepted
 *
 * Whether the schema declares @attribute of @element as an id, whose
 * value cg_xml_is_valid_id() is then to check: the compiled schema no
 * longer does. Known once a schema has been acquired.
 */
gboolean
cg_xml_schema_is_id_attribute (xmlNode *element,
                               xmlAttr *attribute)
{
  g_return_val_if_fail (id_attributes != NULL, FALSE);

  if (attribute->ns != NULL)
    return FALSE;

  for (guint i = 0; i < id_attributes->len; i++)
    {
      const IdAttribute *pair = &g_array_index (id_attributes, IdAttribute, i);

      if (xmlStrEqual (attribute->name, (const xmlChar *) pair->attribute) &&
          xmlStrEqual (element->name, (const xmlChar *) pair->element))
        return TRUE;
    }

  return FALSE;
}

/**
 * cg_xml_schema_get_element_names:
 *
 * Returns: (transfer none): every element name of the content schema.
 *   Known once a schema has been acquired.
 */
const char * const *
cg_xml_schema_get_element_names (void)
{
  g_return_val_if_fail (element_names != NULL, NULL);

  return (const char * const *) element_names;
}

/**
 * cg_xml_schema_get_clinic_fields:
 *
 * Returns: (transfer none): the values <clinic field="…"> takes, in the
 *   schema's order. Known once a schema has been acquired.
 */
const char * const *
cg_xml_schema_get_clinic_fields (void)
{
  g_return_val_if_fail (clinic_fields != NULL, NULL);

  return (const char * const *) clinic_fields;
}

/**
 * cg_xml_is_valid_id:
 * @value: an attribute's value, as the parser gives it
 *
 * The content schema's rule for ids (define "id.value" in
 * data/clinic-guide.rng): lowercase ASCII letters, digits and hyphens,
 * not starting with a hyphen, 1 to 80 characters. As for any token, white
 * space around the value does not count.
 *
 * Returns: whether @value is a valid id
 */
gboolean
cg_xml_is_valid_id (const char *value)
{
  const char *start, *end;

  g_return_val_if_fail (value != NULL, FALSE);

  start = value;
  while (is_xml_space (*start))
    start++;
  end = start + strlen (start);
  while (end > start && is_xml_space (end[-1]))
    end--;

  if (end == start || end - start > CG_XML_ID_MAX_LENGTH || *start == '-')
    return FALSE;

  for (const char *p = start; p < end; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}
