/* test-xml-converter.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-autocleanups-private.h"
#include "cg-clinic-private.h"
#include "cg-xml-converter.h"
#include "cg-xml-util.h"

/* What a patient reads is what the converter makes of an article's XML:
 * paragraphs, numbered steps, notes, the clinic's own phone number in the
 * text, links. What it cannot fill in is reported where the editor wrote
 * it, and the links it met are kept for the check across files. */

static const char snippet[] =
  "<article id=\"a\" topic=\"t\">\n"
  "<title>Blood <em>tests</em></title>\n"
  "<summary>S</summary>\n"
  "<review date=\"2026-01-01\" by=\"x\"/>\n"
  "<body>\n"
  "<p>Call <clinic field=\"phone\"/> or read <link ref=\"b\">the aftercare</link>.</p>\n"
  "<list type=\"numbered\"><item>Fast</item><item>Drink water</item></list>\n"
  "<note kind=\"warning\"><title>Careful</title><p>Bring your card.</p></note>\n"
  "<p>Ask about <clinic field=\"price\" item=\"visit\"/>.</p>\n"
  "  <image src=\"arm.png\"><alt>An arm</alt></image>\n"
  "</body>\n"
  "</article>\n";

typedef struct
{
  xmlRelaxNG     *schema;
  xmlDoc         *doc;
  CgXmlLocator   *locator;
  CgClinic       *clinic;
  GPtrArray      *problems;
  GPtrArray      *links;
  CgXmlConverter  convert;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (snippet, strlen (snippet));
  g_autoptr(CgProblem) problem = NULL;

  fixture->schema = cg_xml_schema_acquire ();
  fixture->doc = cg_xml_reader_parse (fixture->schema, bytes, "snippet.xml", G_MAXSIZE,
                                      &fixture->locator, &problem);
  g_assert_null (problem);
  g_assert_nonnull (fixture->doc);

  fixture->clinic = cg_clinic_new ();
  cg_clinic_set_value (fixture->clinic, "phone", "555 0100");
  /* A clinic that lists prices, but not the one the snippet names: a
   * mistake to report (one that lists none leaves such sentences out). */
  cg_clinic_add_price (fixture->clinic, "consultation", "Consultation", "$40");
  fixture->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_problem_free);
  fixture->links = g_ptr_array_new_with_free_func (cg_xml_link_free);

  fixture->convert = (CgXmlConverter) {
    .file = "snippet.xml",
    .base_dir = NULL,
    .locator = fixture->locator,
    .clinic = fixture->clinic,
    .problems = fixture->problems,
    .links = fixture->links,
  };
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->problems, g_ptr_array_unref);
  g_clear_pointer (&fixture->links, g_ptr_array_unref);
  g_clear_object (&fixture->clinic);
  g_clear_pointer (&fixture->locator, cg_xml_locator_free);
  g_clear_pointer (&fixture->doc, xmlFreeDoc);
  g_clear_pointer (&fixture->schema, cg_xml_schema_release);
}

static xmlNode *
root (Fixture *fixture)
{
  return xmlDocGetRootElement (fixture->doc);
}

static CgDocument *
build_body (Fixture *fixture)
{
  return cg_xml_converter_build_document (&fixture->convert,
                                          cg_xml_first_child (root (fixture), "body"));
}

static void
test_title_is_plain_text (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *title = NULL;

  /* The emphasis is dropped: a title is shown as plain text. */
  title = cg_xml_converter_inline_text (&fixture->convert, cg_xml_first_child (root (fixture), "title"));
  g_assert_cmpstr (title, ==, "Blood tests");
  g_assert_null (cg_xml_converter_inline_text (&fixture->convert, NULL));
  g_assert_cmpuint (fixture->problems->len, ==, 0);
}

static void
test_blocks (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CgDocument) document = build_body (fixture);
  const CgBlock *block;

  for (guint i = 0; i < cg_document_get_n_blocks (document); i++)
    g_test_message ("block %u: %d “%s”", i, cg_document_get_block (document, i)->kind,
                    cg_document_get_block (document, i)->text);
  g_assert_cmpuint (cg_document_get_n_blocks (document), ==, 7);

  /* The clinic's phone number stands in the text, as a field. */
  block = cg_document_get_block (document, 0);
  g_assert_cmpint (block->kind, ==, CG_BLOCK_PARAGRAPH);
  g_assert_cmpstr (block->text, ==, "Call 555 0100 or read the aftercare.");
  g_assert_cmpuint (block->n_spans, ==, 2);
  g_assert_cmpint (block->spans[0].kind, ==, CG_SPAN_FIELD);
  g_assert_cmpstr (block->spans[0].target, ==, "phone");
  g_assert_cmpint (block->spans[1].kind, ==, CG_SPAN_LINK);
  g_assert_cmpstr (block->spans[1].target, ==, "b");
  g_assert_cmpuint (block->spans[1].end - block->spans[1].start, ==, strlen ("the aftercare"));

  /* Numbered steps. */
  block = cg_document_get_block (document, 1);
  g_assert_cmpint (block->kind, ==, CG_BLOCK_LIST_ITEM);
  g_assert_cmpstr (block->text, ==, "Fast");
  g_assert_cmpuint (block->number, ==, 1);
  g_assert_cmpuint (block->level, ==, 1);
  block = cg_document_get_block (document, 2);
  g_assert_cmpstr (block->text, ==, "Drink water");
  g_assert_cmpuint (block->number, ==, 2);

  /* A warning, with its title. */
  block = cg_document_get_block (document, 3);
  g_assert_cmpint (block->kind, ==, CG_BLOCK_NOTE_TITLE);
  g_assert_cmpstr (block->text, ==, "Careful");
  g_assert_cmpint (block->note, ==, CG_NOTE_WARNING);
  block = cg_document_get_block (document, 4);
  g_assert_cmpstr (block->text, ==, "Bring your card.");
  g_assert_cmpint (block->note, ==, CG_NOTE_WARNING);

  /* An unknown price leaves a hole, never markup. */
  block = cg_document_get_block (document, 5);
  g_assert_cmpstr (block->text, ==, "Ask about .");

  /* An image that cannot be found keeps its alternative text. */
  block = cg_document_get_block (document, 6);
  g_assert_cmpint (block->kind, ==, CG_BLOCK_IMAGE);
  g_assert_cmpstr (block->text, ==, "An arm");
  g_assert_null (block->source);
}

static void
test_problems_located (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CgDocument) document = build_body (fixture);
  const CgProblem *problem;

  /* In document order, each at the start tag the editor has to fix. */
  g_assert_cmpuint (fixture->problems->len, ==, 2);

  problem = g_ptr_array_index (fixture->problems, 0);
  g_assert_cmpstr (problem->file, ==, "snippet.xml");
  g_assert_cmpint (problem->code, ==, CG_CONTENT_ERROR_UNKNOWN_FIELD);
  g_assert_cmpint (problem->line, ==, 9);
  g_assert_cmpint (problem->column, ==, 14);
  g_assert_cmpstr (problem->message, ==, "the clinic file has no price “visit”");

  problem = g_ptr_array_index (fixture->problems, 1);
  g_assert_cmpint (problem->code, ==, CG_CONTENT_ERROR_MISSING_IMAGE);
  g_assert_cmpint (problem->line, ==, 10);
  g_assert_cmpint (problem->column, ==, 3);
  g_assert_cmpstr (problem->message, ==, "the image “arm.png” does not exist");
}

static void
test_no_clinic (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CgDocument) document = NULL;
  const CgProblem *problem;

  /* Without a clinic file, every field is reported, and the text reads
   * on around it, without a double space. */
  fixture->convert.clinic = NULL;
  document = build_body (fixture);

  g_assert_cmpstr (cg_document_get_block (document, 0)->text, ==, "Call or read the aftercare.");
  g_assert_cmpuint (fixture->problems->len, ==, 3);
  problem = g_ptr_array_index (fixture->problems, 0);
  g_assert_cmpint (problem->code, ==, CG_CONTENT_ERROR_UNKNOWN_FIELD);
  g_assert_cmpint (problem->line, ==, 6);
  g_assert_cmpint (problem->column, ==, 9);
  g_assert_cmpstr (problem->message, ==, "the clinic file has no “phone”");
}

/* Prices are optional in clinic.xml: a clinic that lists none has the
 * paragraph that names one left out, as for an e-mail address, and no
 * problem to fix. */
static void
test_clinic_without_prices (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CgClinic) clinic = cg_clinic_new ();
  g_autoptr(CgDocument) document = NULL;
  g_autofree char *text = NULL;

  cg_clinic_set_value (clinic, "phone", "555 0100");
  fixture->convert.clinic = clinic;
  document = build_body (fixture);

  text = cg_document_get_text (document);
  g_assert_null (strstr (text, "Ask about"));
  g_assert_cmpuint (cg_document_get_n_blocks (document), ==, 6);
  /* Only the picture that cannot be found. */
  g_assert_cmpuint (fixture->problems->len, ==, 1);
  g_assert_cmpint (((CgProblem *) g_ptr_array_index (fixture->problems, 0))->code, ==,
                   CG_CONTENT_ERROR_MISSING_IMAGE);
}

static void
test_links_noted (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CgDocument) document = build_body (fixture);
  const CgXmlLink *link;

  /* Whether "b" exists is known only once every file is read. */
  g_assert_cmpuint (fixture->links->len, ==, 1);
  link = g_ptr_array_index (fixture->links, 0);
  g_assert_cmpstr (link->target, ==, "b");
  g_assert_cmpstr (link->file, ==, "snippet.xml");
  g_assert_cmpint (link->line, ==, 6);
  g_assert_cmpint (link->column, ==, 41);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/xml-converter/title-is-plain-text", test_title_is_plain_text);
  ADD ("/xml-converter/blocks", test_blocks);
  ADD ("/xml-converter/problems-located", test_problems_located);
  ADD ("/xml-converter/no-clinic", test_no_clinic);
  ADD ("/xml-converter/clinic-without-prices", test_clinic_without_prices);
  ADD ("/xml-converter/links-noted", test_links_noted);

#undef ADD

  return g_test_run ();
}
