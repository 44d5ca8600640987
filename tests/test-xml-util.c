/* test-xml-util.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-autocleanups-private.h"
#include "cg-xml-util.h"

/* Editors break lines and indent as they like: a keyword, a clinic's
 * address line and a problem's message all reach the screen with that
 * white space tidied, and with nothing else changed. */

static void
test_collapse_space (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "Blood pressure", "Blood pressure" },
    { "  Blood\n      pressure\t", "Blood pressure" },
    { "\r\nOpen\r\n\tMonday  to\n\nFriday \r\n", "Open Monday to Friday" },
    { "", "" },
    { " \t\r\n ", "" },
    /* Only XML white space: a no-break space is the editor's choice. */
    { "10\u00a0mg  a day", "10\u00a0mg a day" },
    { "café   crème", "café crème" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *collapsed = cg_xml_collapse_space (cases[i].text);

      g_assert_cmpstr (collapsed, ==, cases[i].expected);
    }
}

static xmlDoc *
parse (const char *text)
{
  xmlDoc *doc = xmlReadMemory (text, (int) strlen (text), "test.xml", NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);

  return doc;
}

static void
test_get_text (void)
{
  g_autoptr(xmlDoc) doc = parse ("<keywords>\n"
                                 "  <keyword>\n    high\n    blood pressure\n  </keyword>\n"
                                 "  <keyword><![CDATA[ a  &  b ]]></keyword>\n"
                                 "  <keyword/>\n"
                                 "</keywords>");
  xmlNode *first = cg_xml_first_child (xmlDocGetRootElement (doc), "keyword");
  xmlNode *second = first->next->next;
  xmlNode *third = second->next->next;
  g_autofree char *first_text = cg_xml_get_text (first);
  g_autofree char *second_text = cg_xml_get_text (second);
  g_autofree char *third_text = cg_xml_get_text (third);

  g_assert_true (cg_xml_is_element (second, "keyword"));
  g_assert_true (cg_xml_is_element (third, "keyword"));
  g_assert_cmpstr (first_text, ==, "high blood pressure");
  g_assert_cmpstr (second_text, ==, "a & b");
  g_assert_cmpstr (third_text, ==, "");
  g_assert_null (cg_xml_get_text (NULL));
}

static void
test_walks (void)
{
  g_autoptr(xmlDoc) doc = parse ("<a x=\"1\"><!-- c --><b><c/></b>text<d/></a>");
  xmlNode *a = xmlDocGetRootElement (doc);
  g_autofree char *x = cg_xml_get_attr (a, "x");
  g_autofree char *y = cg_xml_get_attr (a, "y");
  GString *order = g_string_new (NULL);

  g_assert_cmpstr (x, ==, "1");
  g_assert_null (y);
  g_assert_true (cg_xml_first_child (a, "d") == a->last);
  g_assert_null (cg_xml_first_child (a, "c"));
  g_assert_null (cg_xml_first_child (NULL, "a"));

  /* Elements in document order, comments and text passed over: the
   * order in which start tags stand in the file. */
  for (xmlNode *node = a; node != NULL; node = cg_xml_next_element (node))
    g_string_append (order, (const char *) node->name);
  g_assert_cmpstr (order->str, ==, "abcd");
  g_string_free (order, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml-util/collapse-space", test_collapse_space);
  g_test_add_func ("/xml-util/get-text", test_get_text);
  g_test_add_func ("/xml-util/walks", test_walks);

  return g_test_run ();
}
