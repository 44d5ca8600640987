/* test-xml-reader.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-autocleanups-private.h"
#include "cg-content-loader.h"
#include "cg-xml-reader.h"
#include "cg-xml-util.h"

/* A content file with thousands of mistakes, as a bad export or a search
 * and replace gone wrong makes one: the editor is told the first mistake,
 * where it is, as for a file with one. How long it takes is measured by
 * `make bench` (validate_broken_2mb_ms); here, what the editor reads. */

#define MANY 20000

#define ARTICLE_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<article id=\"broken\" topic=\"about\" order=\"99\">\n" \
  "<title>Broken</title>\n" \
  "<summary>S.</summary>\n" \
  "<review date=\"2026-11-02\" by=\"x\"/>\n" \
  "<body>\n"

/* An article whose body is @n_good good paragraphs, then @n_bad bad ones:
 * each @bad, or @bad, its number and @after when @after is given. */
static GBytes *
article_with (guint       n_good,
              guint       n_bad,
              const char *bad,
              const char *after)
{
  GString *text = g_string_new (ARTICLE_HEAD);

  for (guint i = 0; i < n_good; i++)
    g_string_append (text, "<p>Text <em>fine</em> more.</p>\n");
  for (guint i = 0; i < n_bad; i++)
    if (after != NULL)
      g_string_append_printf (text, "%s%u%s\n", bad, i, after);
    else
      g_string_append_printf (text, "%s\n", bad);
  g_string_append (text, "</body>\n</article>\n");

  return g_string_free_to_bytes (text);
}

/* Parses @data as the loader does; the problem, which must be there. */
static CgProblem *
first_problem (GBytes *data,
               xmlDoc **doc_out)
{
  xmlRelaxNG *schema = cg_xml_schema_acquire ();
  g_autoptr(CgXmlLocator) locator = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  CgProblem *problem = NULL;

  g_assert_cmpuint (g_bytes_get_size (data), <, CG_CONTENT_LOADER_DEFAULT_MAX_FILE_SIZE);
  doc = cg_xml_reader_parse (schema, data, "broken.xml", CG_CONTENT_LOADER_DEFAULT_MAX_FILE_SIZE,
                             &locator, &problem);
  cg_xml_schema_release (schema);

  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->file, ==, "broken.xml");
  g_assert_cmpint (problem->code, ==, CG_CONTENT_ERROR_INVALID);
  if (doc_out != NULL)
    *doc_out = g_steal_pointer (&doc);
  else
    g_assert_null (doc);

  return problem;
}

static void
test_unknown_elements (void)
{
  g_autoptr(GBytes) data = article_with (0, MANY, "<p>Text <bogus", "/> more.</p>");
  g_autoptr(CgProblem) problem = first_problem (data, NULL);

  g_assert_cmpint (problem->line, ==, 7);
  g_assert_cmpint (problem->column, ==, 9);
  g_assert_cmpstr (problem->message, ==,
                   "<bogus0> is not an element of content files (docs/CONTENT.md lists them)");
}

/* The first mistake far down the file, the rest after it. */
static void
test_unknown_elements_late (void)
{
  g_autoptr(GBytes) data = article_with (MANY / 2, MANY / 2, "<p>Text <bogus", "/> more.</p>");
  g_autoptr(CgProblem) problem = first_problem (data, NULL);

  g_assert_cmpint (problem->line, ==, 7 + MANY / 2);
  g_assert_cmpint (problem->column, ==, 9);
  g_assert_cmpstr (problem->message, ==,
                   "<bogus0> is not an element of content files (docs/CONTENT.md lists them)");
}

static void
test_known_elements_misplaced (void)
{
  g_autoptr(GBytes) data = article_with (3, MANY, "<p>Text <title/> more.</p>", NULL);
  g_autoptr(CgProblem) problem = first_problem (data, NULL);

  g_assert_cmpint (problem->line, ==, 10);
  g_assert_cmpint (problem->column, ==, 9);
  g_assert_cmpstr (problem->message, ==, "<title> is not allowed here, inside <p>");
}

static void
test_wrong_attributes (void)
{
  g_autoptr(GBytes) data = article_with (1, MANY, "<p class=\"c", "\">Text more.</p>");
  g_autoptr(CgProblem) problem = first_problem (data, NULL);

  g_assert_cmpint (problem->line, ==, 8);
  g_assert_cmpint (problem->column, ==, 1);
  g_assert_cmpstr (problem->message, ==,
                   "does not follow the content schema: Invalid attribute class for element p");
}

/* Thousands of bad entries between good ones: only the bad ones are
 * dropped, and the file's ids are all still known for links to them. */
static void
test_many_bad_faq_entries (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<faq>\n");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(CgProblem) problem = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_auto(GStrv) ids = NULL;
  guint n_entries = 0;

  for (guint i = 0; i < MANY; i++)
    g_string_append_printf (text,
                            "<entry id=\"q%u\" topic=\"about\"><question>Q?</question>"
                            "<answer><p>A%s</p></answer></entry>\n",
                            i, i % 4 == 3 ? "" : " <bogus/>");
  g_string_append (text, "</faq>\n");
  data = g_string_free_to_bytes (text);

  problem = first_problem (data, &doc);
  g_assert_cmpint (problem->line, ==, 3);
  g_assert_cmpint (problem->column, ==, 66);
  g_assert_cmpstr (problem->message, ==,
                   "<bogus> is not an element of content files (docs/CONTENT.md lists them)");

  g_assert_nonnull (doc);
  for (xmlNode *entry = xmlDocGetRootElement (doc)->children; entry != NULL; entry = entry->next)
    {
      g_autofree char *id = NULL;

      if (!cg_xml_is_element (entry, "entry"))
        continue;
      id = cg_xml_get_attr (entry, "id");
      g_assert_cmpuint (g_ascii_strtoull (id + 1, NULL, 10) % 4, ==, 3);
      n_entries++;
    }
  g_assert_cmpuint (n_entries, ==, MANY / 4);

  ids = cg_xml_reader_scan_item_ids (data);
  g_assert_cmpuint (g_strv_length (ids), ==, MANY);
  g_assert_cmpstr (ids[MANY - 1], ==, "q19999");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml-reader/many/unknown-elements", test_unknown_elements);
  g_test_add_func ("/xml-reader/many/unknown-elements-late", test_unknown_elements_late);
  g_test_add_func ("/xml-reader/many/known-elements-misplaced", test_known_elements_misplaced);
  g_test_add_func ("/xml-reader/many/wrong-attributes", test_wrong_attributes);
  g_test_add_func ("/xml-reader/many/bad-faq-entries", test_many_bad_faq_entries);

  return g_test_run ();
}
