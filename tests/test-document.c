/* test-document.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-content-loader.h"

/* Documents as the loader builds them from small content files
 * (tests/data/document): what the reader sees, what copy-as-text pastes
 * and what search indexes all come from these blocks and spans. */

typedef struct
{
  CgLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "document", NULL);
  GPtrArray *problems;

  cg_content_loader_add_path (loader, folder, NULL);
  fixture->library = cg_content_loader_load (loader, NULL);

  problems = cg_library_get_problems (fixture->library);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = cg_problem_to_string (g_ptr_array_index (problems, i));
      g_test_message ("unexpected problem: %s", line);
    }
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->library);
}

static CgDocument *
document_of (Fixture    *fixture,
             const char *id)
{
  CgItem *item = cg_library_lookup_item (fixture->library, id);

  g_assert_nonnull (item);
  g_assert_nonnull (cg_item_get_document (item));

  return cg_item_get_document (item);
}

static const CgBlock *
assert_block (CgDocument  *document,
              guint        index,
              CgBlockKind  kind,
              guint        level,
              guint        number,
              const char  *text)
{
  const CgBlock *block;

  g_assert_cmpuint (index, <, cg_document_get_n_blocks (document));
  block = cg_document_get_block (document, index);

  g_assert_cmpint (block->kind, ==, kind);
  g_assert_cmpuint (block->level, ==, level);
  g_assert_cmpuint (block->number, ==, number);
  g_assert_cmpstr (block->text, ==, text);

  return block;
}

static void
assert_note (const CgBlock *block,
             CgNoteKind     note,
             guint          note_group)
{
  g_assert_cmpint (block->note, ==, note);
  g_assert_cmpuint (block->note_group, ==, note_group);
}

/* Checks the byte range and also that it covers the words a reader sees
 * marked: offsets are bytes, not characters. */
static void
assert_span (const CgBlock *block,
             guint          index,
             CgSpanKind     kind,
             guint          start,
             guint          end,
             const char    *covers,
             const char    *target)
{
  const CgSpan *span;

  g_assert_cmpuint (index, <, block->n_spans);
  span = &block->spans[index];

  g_assert_cmpint (span->kind, ==, kind);
  g_assert_cmpuint (span->start, ==, start);
  g_assert_cmpuint (span->end, ==, end);
  g_assert_cmpuint (strlen (covers), ==, end - start);
  g_assert_true (strncmp (block->text + start, covers, end - start) == 0);
  g_assert_cmpstr (span->target, ==, target);
}

static void
test_emphasis_and_strong (Fixture       *fixture,
                          gconstpointer  data)
{
  CgDocument *document = document_of (fixture, "inline");
  const CgBlock *block;

  block = assert_block (document, 0, CG_BLOCK_PARAGRAPH, 0, 0,
                        "Plain emphasis and strong nested text.");
  assert_note (block, CG_NOTE_NONE, 0);
  g_assert_cmpuint (block->n_spans, ==, 3);
  /* Sorted by start; the nested one inside the strong one. */
  assert_span (block, 0, CG_SPAN_EMPHASIS, 6, 14, "emphasis", NULL);
  assert_span (block, 1, CG_SPAN_STRONG, 19, 32, "strong nested", NULL);
  assert_span (block, 2, CG_SPAN_EMPHASIS, 26, 32, "nested", NULL);
}

static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  CgDocument *document = document_of (fixture, "inline");
  const CgBlock *block;

  block = assert_block (document, 1, CG_BLOCK_PARAGRAPH, 0, 0,
                        "Read the other article or our site.");
  g_assert_cmpuint (block->n_spans, ==, 2);
  assert_span (block, 0, CG_SPAN_LINK, 5, 22, "the other article", "blocks");
  assert_span (block, 1, CG_SPAN_EXTERNAL_LINK, 26, 34, "our site", "https://example.org/info");
}

static void
test_clinic_fields (Fixture       *fixture,
                    gconstpointer  data)
{
  CgDocument *document = document_of (fixture, "inline");
  const CgBlock *block;

  /* The clinic's own phone number and prices, from clinic.xml. */
  block = assert_block (document, 2, CG_BLOCK_PARAGRAPH, 0, 0,
                        "Call +1 555 0100 or write to desk@example.org.");
  g_assert_cmpuint (block->n_spans, ==, 2);
  assert_span (block, 0, CG_SPAN_FIELD, 5, 16, "+1 555 0100", "phone");
  assert_span (block, 1, CG_SPAN_EXTERNAL_LINK, 29, 45, "desk@example.org", "mailto:desk@example.org");

  block = assert_block (document, 3, CG_BLOCK_PARAGRAPH, 0, 0,
                        "A session costs $100; we are at 1 Test Road, Testville.");
  g_assert_cmpuint (block->n_spans, ==, 2);
  assert_span (block, 0, CG_SPAN_FIELD, 16, 20, "$100", "price");
  assert_span (block, 1, CG_SPAN_FIELD, 32, 54, "1 Test Road, Testville", "address");
}

static void
test_byte_ranges (Fixture       *fixture,
                  gconstpointer  data)
{
  CgDocument *document = document_of (fixture, "inline");
  const CgBlock *block;

  /* "é" is two bytes and "’" three: a renderer that took these for
   * characters would mark the wrong letters. */
  block = assert_block (document, 4, CG_BLOCK_PARAGRAPH, 0, 0,
                        "Un café crème, s’il vous plaît.");
  g_assert_cmpuint (block->n_spans, ==, 2);
  assert_span (block, 0, CG_SPAN_EMPHASIS, 3, 8, "café", NULL);
  assert_span (block, 1, CG_SPAN_STRONG, 17, 35, "s’il vous plaît", NULL);
}

static void
test_whitespace (Fixture       *fixture,
                 gconstpointer  data)
{
  CgDocument *document = document_of (fixture, "inline");
  const CgBlock *block;

  /* Indentation, line breaks and tabs of the XML source become single
   * spaces; none at either end of the block, and none at the edges of
   * the marked words (an underlined trailing space shows). */
  block = assert_block (document, 5, CG_BLOCK_PARAGRAPH, 0, 0,
                        "Lots of white space, even inside markup");
  g_assert_cmpuint (block->n_spans, ==, 1);
  assert_span (block, 0, CG_SPAN_EMPHASIS, 21, 32, "even inside", NULL);

  g_assert_cmpuint (cg_document_get_n_blocks (document), ==, 6);
}

static void
test_title_is_plain (Fixture       *fixture,
                     gconstpointer  data)
{
  CgItem *item = cg_library_lookup_item (fixture->library, "inline");

  g_assert_cmpstr (cg_item_get_title (item), ==, "Inline markup");
  g_assert_cmpstr (cg_article_get_summary (CG_ARTICLE (item)), ==, "Every kind of inline markup.");
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  CgDocument *document = document_of (fixture, "blocks");

  assert_block (document, 0, CG_BLOCK_PARAGRAPH, 0, 0, "Intro.");
  assert_block (document, 1, CG_BLOCK_LIST_ITEM, 1, 0, "First bullet");
  assert_block (document, 2, CG_BLOCK_LIST_ITEM, 1, 0, "Second bullet");
  assert_block (document, 3, CG_BLOCK_LIST_ITEM, 1, 1, "Step one");
  /* A long item: its first paragraph carries the number, the rest is
   * indented under it, a nested list one level deeper. */
  assert_block (document, 4, CG_BLOCK_LIST_ITEM, 1, 2, "Step two");
  assert_block (document, 5, CG_BLOCK_PARAGRAPH, 1, 0, "More about step two.");
  assert_block (document, 6, CG_BLOCK_LIST_ITEM, 2, 0, "Sub a");
  assert_block (document, 7, CG_BLOCK_LIST_ITEM, 2, 0, "Sub b");
  assert_block (document, 8, CG_BLOCK_LIST_ITEM, 1, 3, "Step three");

  for (guint i = 0; i <= 8; i++)
    assert_note (cg_document_get_block (document, i), CG_NOTE_NONE, 0);
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  CgDocument *document = document_of (fixture, "blocks");

  /* Consecutive blocks of one note share a group, so that a renderer
   * draws one box around them; each note has a group of its own. */
  assert_note (assert_block (document, 9, CG_BLOCK_NOTE_TITLE, 0, 0, "Stop"), CG_NOTE_WARNING, 1);
  assert_note (assert_block (document, 10, CG_BLOCK_PARAGRAPH, 0, 0, "Do not scratch."), CG_NOTE_WARNING, 1);
  assert_note (assert_block (document, 11, CG_BLOCK_PARAGRAPH, 0, 0, "Call us if it bleeds."), CG_NOTE_CALL, 2);
  assert_note (assert_block (document, 12, CG_BLOCK_LIST_ITEM, 1, 0, "Day or night"), CG_NOTE_CALL, 2);
  assert_note (assert_block (document, 13, CG_BLOCK_PARAGRAPH, 0, 0, "Good news."), CG_NOTE_INFO, 3);
  assert_note (cg_document_get_block (document, 14), CG_NOTE_NONE, 0);
}

static void
test_image (Fixture       *fixture,
            gconstpointer  data)
{
  CgDocument *document = document_of (fixture, "blocks");
  g_autofree char *expected = g_test_build_filename (G_TEST_DIST, "data", "document", "images", "dot.png", NULL);
  const CgBlock *block;

  block = assert_block (document, 14, CG_BLOCK_IMAGE, 0, 0, "A red dot");
  g_assert_cmpstr (block->source, ==, expected);
  g_assert_true (g_path_is_absolute (block->source));
  g_assert_cmpstr (block->caption, ==, "The dot");

  /* Only images carry a source or a caption. */
  block = cg_document_get_block (document, 13);
  g_assert_null (block->source);
  g_assert_null (block->caption);
}

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  CgDocument *document = document_of (fixture, "blocks");

  assert_block (document, 15, CG_BLOCK_HEADING, 1, 0, "Section one");
  assert_block (document, 16, CG_BLOCK_PARAGRAPH, 0, 0, "In section one.");
  assert_block (document, 17, CG_BLOCK_HEADING, 2, 0, "Sub section");
  assert_block (document, 18, CG_BLOCK_PARAGRAPH, 0, 0, "Deeper.");
  g_assert_cmpuint (cg_document_get_n_blocks (document), ==, 19);
}

static void
test_get_text (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *inline_text = cg_document_get_text (document_of (fixture, "inline"));
  g_autofree char *blocks_text = cg_document_get_text (document_of (fixture, "blocks"));

  /* What search indexes: the words, one block a line, nothing added. */
  g_assert_cmpstr (inline_text, ==,
                   "Plain emphasis and strong nested text.\n"
                   "Read the other article or our site.\n"
                   "Call +1 555 0100 or write to desk@example.org.\n"
                   "A session costs $100; we are at 1 Test Road, Testville.\n"
                   "Un café crème, s’il vous plaît.\n"
                   "Lots of white space, even inside markup");

  g_assert_cmpstr (blocks_text, ==,
                   "Intro.\n"
                   "First bullet\n"
                   "Second bullet\n"
                   "Step one\n"
                   "Step two\n"
                   "More about step two.\n"
                   "Sub a\n"
                   "Sub b\n"
                   "Step three\n"
                   "Stop\n"
                   "Do not scratch.\n"
                   "Call us if it bleeds.\n"
                   "Day or night\n"
                   "Good news.\n"
                   "A red dot\n"
                   "Section one\n"
                   "In section one.\n"
                   "Sub section\n"
                   "Deeper.");
}

static void
test_plain_text_inline (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = cg_document_to_plain_text (document_of (fixture, "inline"));

  /* What a receptionist pastes into an e-mail: a web address follows its
   * link text, an e-mail address that is its own text is not repeated. */
  g_assert_cmpstr (text, ==,
                   "Plain emphasis and strong nested text.\n"
                   "\n"
                   "Read the other article or our site (https://example.org/info).\n"
                   "\n"
                   "Call +1 555 0100 or write to desk@example.org.\n"
                   "\n"
                   "A session costs $100; we are at 1 Test Road, Testville.\n"
                   "\n"
                   "Un café crème, s’il vous plaît.\n"
                   "\n"
                   "Lots of white space, even inside markup\n");
}

static void
test_plain_text_blocks (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = cg_document_to_plain_text (document_of (fixture, "blocks"));

  /* Bullets and numbers; what belongs to a list item stays indented under
   * it; notes say what they are. */
  g_assert_cmpstr (text, ==,
                   "Intro.\n"
                   "\n"
                   "• First bullet\n"
                   "• Second bullet\n"
                   "1. Step one\n"
                   "2. Step two\n"
                   "   More about step two.\n"
                   "   • Sub a\n"
                   "   • Sub b\n"
                   "3. Step three\n"
                   "\n"
                   "Stop:\n"
                   "\n"
                   "Do not scratch.\n"
                   "\n"
                   "When to call the clinic: Call us if it bleeds.\n"
                   "\n"
                   "• Day or night\n"
                   "\n"
                   "Good to know: Good news.\n"
                   "\n"
                   "[Image: A red dot]\n"
                   "\n"
                   "Section one\n"
                   "\n"
                   "In section one.\n"
                   "\n"
                   "Sub section\n"
                   "\n"
                   "Deeper.\n");
}

static void
test_document_outlives_library (void)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "document", NULL);
  g_autoptr(CgDocument) document = NULL;
  CgLibrary *library;

  cg_content_loader_add_path (loader, folder, NULL);
  library = cg_content_loader_load (loader, NULL);

  /* A view keeps the document it shows while the library reloads. */
  document = cg_document_ref (cg_item_get_document (cg_library_lookup_item (library, "inline")));
  g_assert_finalize_object (library);

  g_assert_cmpstr (cg_document_get_block (document, 0)->text, ==,
                   "Plain emphasis and strong nested text.");
  g_assert_cmpstr (cg_document_get_block (document, 0)->spans[0].target, ==, NULL);
  g_assert_cmpstr (cg_document_get_block (document, 1)->spans[0].target, ==, "blocks");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/document/inline/emphasis-and-strong", test_emphasis_and_strong);
  ADD ("/document/inline/links", test_links);
  ADD ("/document/inline/clinic-fields", test_clinic_fields);
  ADD ("/document/inline/byte-ranges", test_byte_ranges);
  ADD ("/document/inline/whitespace", test_whitespace);
  ADD ("/document/inline/title-is-plain", test_title_is_plain);
  ADD ("/document/blocks/lists", test_lists);
  ADD ("/document/blocks/notes", test_notes);
  ADD ("/document/blocks/image", test_image);
  ADD ("/document/blocks/sections", test_sections);
  ADD ("/document/text/get-text", test_get_text);
  ADD ("/document/text/plain-text-inline", test_plain_text_inline);
  ADD ("/document/text/plain-text-blocks", test_plain_text_blocks);

#undef ADD

  g_test_add_func ("/document/outlives-library", test_document_outlives_library);

  return g_test_run ();
}
