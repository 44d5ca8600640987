/* test-xml-schema.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-autocleanups-private.h"
#include "cg-xml-schema.h"
#include "cg-xml-util.h"

/* The compiled schema leaves the id facets out, for speed, and the loader
 * checks ids itself. The rule must reach every attribute an editor writes
 * an id into, and the compiled schema must stay as strict as the file
 * elsewhere: a wrong element is still refused. */

static void
ignore_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
}

static gboolean
validates (xmlRelaxNG *schema,
           xmlDoc     *doc)
{
  g_autoptr(xmlRelaxNGValidCtxt) vctxt = xmlRelaxNGNewValidCtxt (schema);

  xmlRelaxNGSetValidStructuredErrors (vctxt, ignore_error_cb, NULL);

  return xmlRelaxNGValidateDoc (vctxt, doc) == 0;
}

static xmlDoc *
parse (const char *text)
{
  xmlDoc *doc;

  cg_xml_init ();
  doc = xmlReadMemory (text, (int) strlen (text), "test.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);

  return doc;
}

#define ARTICLE(id, extra) \
  "<article id=\"" id "\" topic=\"t\" order=\"2\">" \
  "<title>A</title><summary>S</summary><review date=\"2026-01-01\" by=\"x\"/>" \
  "<body><p>See <link ref=\"other-one\">this</link> or " \
  "<link href=\"https://example.org/\">that</link>, <clinic field=\"price\" item=\"visit\"/>.</p>" \
  "<image src=\"images/arm.png\"><alt>An arm</alt></image>" extra "</body>" \
  "<related ref=\"other-two\"/></article>"

static void
test_compiled_schema_leaves_ids_to_the_loader (void)
{
  xmlRelaxNG *schema = cg_xml_schema_acquire ();
  g_autoptr(xmlDoc) good = parse (ARTICLE ("blood-tests", ""));
  g_autoptr(xmlDoc) bad_id = parse (ARTICLE ("Blood_Tests", ""));
  g_autoptr(xmlDoc) bad_element = parse (ARTICLE ("blood-tests", "<blink>x</blink>"));

  g_assert_true (validates (schema, good));
  /* Accepted by the compiled schema: the loader's own check refuses it. */
  g_assert_true (validates (schema, bad_id));
  g_assert_false (cg_xml_is_valid_id ("Blood_Tests"));
  g_assert_false (validates (schema, bad_element));

  cg_xml_schema_release (schema);
}

static void
test_id_attributes_from_the_grammar (void)
{
  xmlRelaxNG *schema = cg_xml_schema_acquire ();
  g_autoptr(xmlDoc) article = parse (ARTICLE ("blood-tests", ""));
  g_autoptr(xmlDoc) others = parse ("<all><topic id=\"t\" icon=\"x\"/><hide><item ref=\"h\"/></hide>"
                                    "<price id=\"p\"/><entry id=\"e\" topic=\"t\"/></all>");
  GString *ids = g_string_new (NULL);
  GString *not_ids = g_string_new (NULL);

  for (xmlDoc *doc = article; doc != NULL; doc = doc == article ? others : NULL)
    for (xmlNode *node = xmlDocGetRootElement (doc); node != NULL; node = cg_xml_next_element (node))
      for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
        g_string_append_printf (cg_xml_schema_is_id_attribute (node, attribute) ? ids : not_ids,
                                "%s@%s ", node->name, attribute->name);

  /* Every attribute that names an article, question, topic or price. */
  g_assert_cmpstr (ids->str, ==,
                   "article@id article@topic link@ref clinic@item related@ref "
                   "topic@id item@ref price@id entry@id entry@topic ");
  /* Numbers, addresses, dates, names, files and kinds of field are not. */
  g_assert_cmpstr (not_ids->str, ==,
                   "article@order review@date review@by link@href clinic@field image@src "
                   "topic@icon ");
  g_string_free (ids, TRUE);
  g_string_free (not_ids, TRUE);

  cg_xml_schema_release (schema);
}

static void
test_pool_gives_each_holder_its_own (void)
{
  xmlRelaxNG *first = cg_xml_schema_acquire ();
  xmlRelaxNG *second = cg_xml_schema_acquire ();
  xmlRelaxNG *again;

  /* Two threads validating at once never share a compiled schema... */
  g_assert_true (first != second);

  /* ...and one given back is not compiled again. */
  cg_xml_schema_release (second);
  again = cg_xml_schema_acquire ();
  g_assert_true (again == second);

  cg_xml_schema_release (again);
  cg_xml_schema_release (first);
}

static void
test_valid_id (void)
{
  g_autofree char *eighty = g_strnfill (CG_XML_ID_MAX_LENGTH, 'a');
  g_autofree char *eighty_one = g_strnfill (CG_XML_ID_MAX_LENGTH + 1, 'a');

  g_assert_true (cg_xml_is_valid_id ("blood-tests"));
  g_assert_true (cg_xml_is_valid_id ("2nd-visit"));
  g_assert_true (cg_xml_is_valid_id (" spaced\t"));
  g_assert_true (cg_xml_is_valid_id (eighty));
  g_assert_false (cg_xml_is_valid_id (eighty_one));
  g_assert_false (cg_xml_is_valid_id (""));
  g_assert_false (cg_xml_is_valid_id ("  "));
  g_assert_false (cg_xml_is_valid_id ("-dash"));
  g_assert_false (cg_xml_is_valid_id ("Blood"));
  g_assert_false (cg_xml_is_valid_id ("a b"));
  g_assert_false (cg_xml_is_valid_id ("café"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml-schema/compiled-schema-leaves-ids-to-the-loader",
                   test_compiled_schema_leaves_ids_to_the_loader);
  g_test_add_func ("/xml-schema/id-attributes-from-the-grammar", test_id_attributes_from_the_grammar);
  g_test_add_func ("/xml-schema/pool-gives-each-holder-its-own", test_pool_gives_each_holder_its_own);
  g_test_add_func ("/xml-schema/valid-id", test_valid_id);

  return g_test_run ();
}
