/* test-plain-text.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-document-private.h"
#include "cg-plain-text.h"
#include "cg-test-content.h"

/* What the front desk pastes into an e-mail, and the note labels the
 * screen shows before a note without a title: the same words in both. */

static void
test_note_labels (void)
{
  g_assert_cmpstr (cg_plain_text_note_label (CG_NOTE_INFO), ==, "Good to know");
  g_assert_cmpstr (cg_plain_text_note_label (CG_NOTE_WARNING), ==, "Warning");
  g_assert_cmpstr (cg_plain_text_note_label (CG_NOTE_CALL), ==, "When to call the clinic");
  /* Drawn as an information note, so labelled as one. */
  g_assert_cmpstr (cg_plain_text_note_label (CG_NOTE_NONE), ==, "Good to know");
}

/* A note of no kind still reads as a note when pasted, never "(null):". */
static void
test_note_without_kind (void)
{
  g_autoptr(CgDocumentBuilder) builder = cg_document_builder_new ();
  g_autoptr(CgDocument) document = NULL;
  g_autofree char *text = NULL;

  cg_document_builder_begin_note (builder, CG_NOTE_NONE);
  cg_document_builder_begin_block (builder, CG_BLOCK_PARAGRAPH, 0, 0);
  cg_document_builder_append (builder, "Bring your glasses.", -1);
  cg_document_builder_end_block (builder);
  cg_document_builder_end_note (builder);
  document = cg_document_builder_finish (builder);

  text = cg_document_to_plain_text (document);
  g_assert_cmpstr (text, ==, "Good to know: Bring your glasses.\n");
}

static void
test_item (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autofree char *text = cg_plain_text_from_item (cg_library_lookup_item (library, "linked-article"));

  g_assert_cmpstr (text, ==,
                   "Linked article title\n\n"
                   "You arrived by following a link. Go back to the fixture.\n");
}

/* The screen labels the untitled warning "Warning" (test-text-renderer):
 * the pasted text says the same, and a titled note keeps its own title. */
static void
test_item_notes (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  g_autofree char *text = cg_plain_text_from_item (cg_library_lookup_item (library, "fixture-article"));

  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Fixture article title\n\n"));
  g_assert_nonnull (strstr (text, "\nWarning: Warning text about skin.\n"));
  g_assert_nonnull (strstr (text, "\nCall us if:\n\n• you feel unwell\n"));
  g_assert_null (strstr (text, "When to call the clinic"));
}

static void
build_block (CgDocumentBuilder *builder,
             CgBlockKind        kind,
             guint              level)
{
  cg_document_builder_begin_block (builder, kind, level, 0);
  cg_document_builder_append (builder, "words", -1);
  cg_document_builder_end_block (builder);
}

static void
test_block_in_list (void)
{
  g_autoptr(CgDocumentBuilder) builder = cg_document_builder_new ();
  g_autoptr(CgDocument) document = NULL;

  build_block (builder, CG_BLOCK_HEADING, 1);
  build_block (builder, CG_BLOCK_PARAGRAPH, 0);
  build_block (builder, CG_BLOCK_LIST_ITEM, 1);
  build_block (builder, CG_BLOCK_PARAGRAPH, 1);
  document = cg_document_builder_finish (builder);

  g_assert_false (cg_block_is_in_list (cg_document_get_block (document, 0)));
  g_assert_false (cg_block_is_in_list (cg_document_get_block (document, 1)));
  g_assert_true (cg_block_is_in_list (cg_document_get_block (document, 2)));
  /* The rest of a long item, under its first line. */
  g_assert_true (cg_block_is_in_list (cg_document_get_block (document, 3)));
  /* Past the end of a document. */
  g_assert_false (cg_block_is_in_list (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plain-text/note-labels", test_note_labels);
  g_test_add_func ("/plain-text/note-without-kind", test_note_without_kind);
  g_test_add_func ("/plain-text/item", test_item);
  g_test_add_func ("/plain-text/item-notes", test_item_notes);
  g_test_add_func ("/plain-text/block-in-list", test_block_in_list);

  return g_test_run ();
}
