/* test-plain-text.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-clinic.h"
#include "cg-content-loader.h"
#include "cg-library.h"
#include "cg-document-private.h"
#include "cg-plain-text.h"
#include "cg-test-content.h"

/* What the front desk pastes into an e-mail, and the note labels the
 * screen shows before a note without a title: the same words in both. */

static void
test_note_labels (void)
{
  g_assert_cmpstr (cg_note_kind_get_label (CG_NOTE_INFO), ==, "Good to know");
  g_assert_cmpstr (cg_note_kind_get_label (CG_NOTE_WARNING), ==, "Warning");
  g_assert_cmpstr (cg_note_kind_get_label (CG_NOTE_CALL), ==, "When to call the clinic");
  /* Drawn as an information note, so labelled as one. */
  g_assert_cmpstr (cg_note_kind_get_label (CG_NOTE_NONE), ==, "Good to know");
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

/* What the app, the copy and the print share: the document the loader
 * made. A link to a page the clinic hid leaves no dead "Read …" sentence
 * and no link; a sentence that needs a missing clinic detail is left out. */
static void
test_dead_links_and_missing_fields (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("dead-links");
  CgItem *item = cg_library_lookup_item (library, "pointing");
  g_autofree char *words = cg_document_get_text (cg_item_get_document (item));
  CgDocument *document = cg_item_get_document (item);

  g_assert_cmpstr (words, ==,
                   "It started in 1995.\n"
                   "Follow the old advice with care.\n"
                   "Call +1 555 0199 to book. Read aftercare.\n"
                   "By phone: +1 555 0199\n"
                   "See our map for the way.");

  /* No link to the hidden page is left for anyone to press. */
  for (guint i = 0; i < cg_document_get_n_blocks (document); i++)
    {
      const CgBlock *block = cg_document_get_block (document, i);

      for (guint j = 0; j < block->n_spans; j++)
        g_assert_cmpstr (block->spans[j].target, !=, "history");
    }
}

/* Copied text cannot be clicked: "Read aftercare." goes, a web link
 * becomes its words and its address. */
static void
test_copy_has_no_app_links (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("dead-links");
  g_autofree char *text = cg_plain_text_from_item (cg_library_lookup_item (library, "pointing"));
  g_autoptr(CgDocument) paper = cg_document_for_paper (cg_item_get_document (cg_library_lookup_item (library, "pointing")));

  g_assert_cmpstr (text, ==,
                   "Pointing\n\n"
                   "It started in 1995.\n\n"
                   "Follow the old advice with care.\n\n"
                   "Call +1 555 0199 to book.\n\n"
                   "• By phone: +1 555 0199\n\n"
                   "See our map (https://example.org/map) for the way.\n");

  /* What the print shows: no span left that would draw as a link. */
  for (guint i = 0; i < cg_document_get_n_blocks (paper); i++)
    {
      const CgBlock *block = cg_document_get_block (paper, i);

      for (guint j = 0; j < block->n_spans; j++)
        g_assert_true (block->spans[j].kind != CG_SPAN_LINK &&
                       block->spans[j].kind != CG_SPAN_EXTERNAL_LINK);
    }
}

/* A link to an id no file has ever had is a mistake the loader reports,
 * and until the editor fixes it the patient reads what a link to a
 * hidden page reads: words, and no "Read …" sentence that leads nowhere. */
static void
test_missing_link_target (void)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "missing-links", NULL);
  g_autoptr(CgLibrary) library = NULL;
  CgItem *item;
  CgDocument *document;
  GPtrArray *problems;
  g_autofree char *words = NULL;
  g_autofree char *copied = NULL;
  guint kept = 0;

  cg_content_loader_add_path (loader, dir, NULL);
  library = cg_content_loader_load (loader, NULL);

  /* Reported, each where it is written. */
  problems = cg_library_get_problems (library);
  g_assert_cmpuint (problems->len, ==, 3);
  for (guint i = 0; i < problems->len; i++)
    {
      const CgProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpint (problem->code, ==, CG_CONTENT_ERROR_DANGLING_LINK);
      g_assert_nonnull (strstr (problem->message, "“history”"));
    }

  item = cg_library_lookup_item (library, "pointing");
  document = cg_item_get_document (item);
  words = cg_document_get_text (document);
  g_assert_cmpstr (words, ==,
                   "It started in 1995.\n"
                   "Follow the old advice with care.\n"
                   "Read aftercare.\n"
                   "See our map for the way.");

  /* In the app: no link to nowhere; the one to a page that is there stays. */
  for (guint i = 0; i < cg_document_get_n_blocks (document); i++)
    {
      const CgBlock *block = cg_document_get_block (document, i);

      for (guint j = 0; j < block->n_spans; j++)
        {
          g_assert_cmpstr (block->spans[j].target, !=, "history");
          kept += g_strcmp0 (block->spans[j].target, "after") == 0;
        }
    }
  g_assert_cmpuint (kept, ==, 1);

  /* Copied (and printed, which reads the same document for paper). */
  copied = cg_plain_text_from_item (item);
  g_assert_cmpstr (copied, ==,
                   "Pointing\n\n"
                   "It started in 1995.\n\n"
                   "Follow the old advice with care.\n\n"
                   "See our map (https://example.org/map) for the way.\n");
}

/* Nothing that reads half: no empty block, no bullet that ends in ":" with
 * nothing after it, no lead-in ":" without its list, no heading over an
 * empty section; in English also no gap a missing detail would leave
 * ("book online at  or", "costs ."). */
static void
assert_reads_well (const char *where,
                   CgDocument *document,
                   gboolean    english)
{
  guint n = cg_document_get_n_blocks (document);

  for (guint i = 0; i < n; i++)
    {
      const CgBlock *block = cg_document_get_block (document, i);
      const CgBlock *next = i + 1 < n ? cg_document_get_block (document, i + 1) : NULL;
      g_autofree char *text = g_strstrip (g_strdup (block->text != NULL ? block->text : ""));
      gboolean lead_in = g_str_has_suffix (text, ":");

      /* A lead-in is followed by its list, a bullet by its sub-list; a
       * heading ending in ":" (some languages write one) by its section. */
      if (lead_in && next != NULL && next->kind == CG_BLOCK_LIST_ITEM &&
          (block->kind == CG_BLOCK_PARAGRAPH ||
           (block->kind == CG_BLOCK_LIST_ITEM && next->level > block->level)))
        lead_in = FALSE;
      if (block->kind == CG_BLOCK_HEADING || block->kind == CG_BLOCK_NOTE_TITLE)
        lead_in = FALSE;

      if (text[0] == '\0' || lead_in ||
          (block->kind == CG_BLOCK_HEADING &&
           (next == NULL || (next->kind == CG_BLOCK_HEADING && next->level <= block->level))) ||
          (english && (strstr (text, "  ") != NULL || strstr (text, " .") != NULL ||
                       strstr (text, " ,") != NULL || strstr (text, " ;") != NULL ||
                       strstr (text, " :") != NULL || strstr (text, "()") != NULL)))
        g_error ("%s, block %u reads half: “%s”", where, i, text);
    }
}

static gboolean
is_copied_bullet (const char *line)
{
  gsize digits = strspn (line, "0123456789");

  return g_str_has_prefix (line, "•") || (digits > 0 && line[digits] == '.');
}

/* A copied bullet with nothing after its label ("• By email:"), unless
 * its own bullets follow, further in. (A note's title ends in ":" over
 * its text, which is fine.) */
static void
assert_copy_reads_well (const char *where,
                        const char *copied)
{
  g_auto(GStrv) lines = g_strsplit (copied, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize indent = strspn (lines[i], " \t");
      const char *line = lines[i] + indent;
      g_autofree char *stripped = g_strstrip (g_strdup (line));
      const char *next = NULL;

      for (guint j = i + 1; lines[j] != NULL && next == NULL; j++)
        if (lines[j][0] != '\0')
          next = lines[j];

      if (g_str_equal (stripped, "•") ||
          (is_copied_bullet (line) && g_str_has_suffix (line, ":") &&
           !(next != NULL && strspn (next, " \t") > indent && is_copied_bullet (next + strspn (next, " \t")))))
        g_error ("%s, copied line %u reads half: “%s”", where, i, line);
    }
}

/* A clinic.xml with only the required details (docs/CONTENT.md): the
 * bundled content loads with no problem and nothing in it reads half, on
 * screen, copied or printed, in every language. */
static void
test_required_only_clinic (void)
{
  static const char * const languages[] = { "en", "fr", "es", "pl", "ar" };
  g_autofree char *clinic = g_test_build_filename (G_TEST_DIST, "data", "required-only-clinic", NULL);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
      g_autoptr(CgLibrary) library = NULL;
      GListModel *items;
      GPtrArray *problems;
      guint n_items;
      gboolean english = g_str_equal (languages[l], "en");

      cg_content_loader_set_language (loader, languages[l]);
      cg_content_loader_add_bundled (loader);
      cg_content_loader_add_path (loader, clinic, NULL);
      library = cg_content_loader_load (loader, NULL);

      problems = cg_library_get_problems (library);
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("%s: %s", languages[l], ((CgProblem *) g_ptr_array_index (problems, i))->message);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpstr (cg_clinic_get_name (cg_library_get_clinic (library)), ==, "Bare Clinic");

      items = cg_library_get_items (library);
      n_items = g_list_model_get_n_items (items);
      g_assert_cmpuint (n_items, >, 70);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(CgItem) item = g_list_model_get_item (items, i);
          g_autoptr(CgDocument) paper = cg_document_for_paper (cg_item_get_document (item));
          g_autofree char *where = g_strdup_printf ("%s %s", languages[l], cg_item_get_id (item));
          g_autofree char *copied = cg_plain_text_from_item (item);

          assert_reads_well (where, cg_item_get_document (item), english);
          assert_reads_well (where, paper, english);
          assert_copy_reads_well (where, copied);
          /* The sample clinic's details are nowhere. */
          g_assert_null (strstr (copied, "0142"));
          g_assert_null (strstr (copied, "example.org"));
          g_assert_null (strstr (copied, "$"));
        }
    }
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

  g_test_add_func ("/plain-text/dead-links-and-missing-fields", test_dead_links_and_missing_fields);
  g_test_add_func ("/plain-text/copy-has-no-app-links", test_copy_has_no_app_links);
  g_test_add_func ("/plain-text/missing-link-target", test_missing_link_target);
  g_test_add_func ("/plain-text/required-only-clinic", test_required_only_clinic);

  return g_test_run ();
}
