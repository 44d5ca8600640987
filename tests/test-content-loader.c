/* test-content-loader.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cg-autocleanups-private.h"
#include "cg-content-loader-private.h"
#include "cg-xml-reader.h"

/* The content loader turns folders of XML into a library. Content comes
 * from a shared folder that clinic staff edit: every broken or hostile
 * file is reported where it is broken and skipped, and every good file
 * next to it still loads.
 *
 * Fixtures: tests/data/loader/good (a small complete library),
 * tests/data/loader/override (a clinic's folder on top of it) and
 * tests/data/loader/hostile (two good files among files that each have
 * exactly one problem). The big or machine-specific hostile files are
 * written at test time into a temporary folder. */

/* Helpers */

static char *
fixture_path (const char *folder,
              const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "loader", folder, name, NULL);
}

static CgLibrary *
load_folders (const char *first,
              ...)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    cg_content_loader_add_path (loader, path, NULL);
  va_end (args);

  return cg_content_loader_load (loader, NULL);
}

static void
log_problems (CgLibrary *library)
{
  GPtrArray *problems = cg_library_get_problems (library);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = cg_problem_to_string (g_ptr_array_index (problems, i));
      g_test_message ("problem: %s", line);
    }
}

static void
assert_no_problems (CgLibrary *library)
{
  log_problems (library);
  g_assert_cmpuint (cg_library_get_problems (library)->len, ==, 0);
}

/* The ids of a list, comma-separated: one string to compare. */
static char *
ids_of (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (out->len > 0)
        g_string_append_c (out, ',');
      if (CG_IS_TOPIC (object))
        g_string_append (out, cg_topic_get_id (CG_TOPIC (object)));
      else
        g_string_append (out, cg_item_get_id (CG_ITEM (object)));
    }

  return g_string_free (out, FALSE);
}

static void
assert_ids (GListModel *model,
            const char *expected)
{
  g_autofree char *ids = ids_of (model);

  g_assert_cmpstr (ids, ==, expected);
}

static void
assert_ids_owned (GListModel *model,
                  const char *expected)
{
  assert_ids (model, expected);
  g_object_unref (model);
}

/* The good library */

typedef struct
{
  CgLibrary *library;
} Fixture;

static void
good_set_up (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *good = fixture_path ("good", NULL);

  fixture->library = load_folders (good, NULL);
  assert_no_problems (fixture->library);
}

static void
override_set_up (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *good = fixture_path ("good", NULL);
  g_autofree char *override = fixture_path ("override", NULL);

  fixture->library = load_folders (good, override, NULL);
  assert_no_problems (fixture->library);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->library);
}

static void
test_topics_in_order (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *topics = cg_library_get_topics (fixture->library);
  CgTopic *topic;

  /* The order of topics.xml, not of the ids. */
  assert_ids (topics, "zeta,alpha,mid");

  topic = cg_library_lookup_topic (fixture->library, "alpha");
  g_assert_nonnull (topic);
  g_assert_cmpstr (cg_topic_get_title (topic), ==, "Alpha topic");
  g_assert_cmpstr (cg_topic_get_summary (topic), ==, "Comes second.");
  g_assert_cmpstr (cg_topic_get_icon_name (topic), ==, "dialog-question-symbolic");

  g_assert_null (cg_library_lookup_topic (fixture->library, "no-such-topic"));
  g_assert_null (cg_library_lookup_topic (fixture->library, NULL));
}

static void
test_articles_in_order (Fixture       *fixture,
                        gconstpointer  data)
{
  /* By the order attribute, then by title; without one, after every
   * article that has one. */
  assert_ids_owned (cg_library_list_articles (fixture->library, "zeta"),
                    "cherry,banana,blueberry,apple,avocado");
  assert_ids_owned (cg_library_list_articles (fixture->library, "alpha"), "call-us");
  assert_ids_owned (cg_library_list_articles (fixture->library, "mid"), "");
  assert_ids_owned (cg_library_list_articles (fixture->library, "no-such-topic"), "");
}

static void
test_faq_entries (Fixture       *fixture,
                  gconstpointer  data)
{
  CgItem *entry;
  const char * const *keywords;

  /* Questions keep the order of their file, which says what to ask first. */
  assert_ids_owned (cg_library_list_faq_entries (fixture->library, "alpha"),
                    "faq-one,faq-two,faq-three,faq-four,faq-five,faq-six,faq-seven,faq-eight");
  assert_ids_owned (cg_library_list_faq_entries (fixture->library, "mid"), "faq-mid");
  assert_ids_owned (cg_library_list_faq_entries (fixture->library, "zeta"), "");

  entry = cg_library_lookup_item (fixture->library, "faq-one");
  g_assert_true (CG_IS_FAQ_ENTRY (entry));
  g_assert_cmpstr (cg_faq_entry_get_question (CG_FAQ_ENTRY (entry)), ==, "Question one?");
  g_assert_cmpstr (cg_item_get_title (entry), ==, "Question one?");
  g_assert_cmpstr (cg_item_get_topic_id (entry), ==, "alpha");
  g_assert_cmpstr (cg_item_get_review_date (entry), ==, "2026-03-02");
  keywords = cg_item_get_keywords (entry);
  g_assert_nonnull (keywords);
  g_assert_cmpstr (keywords[0], ==, "first");
  g_assert_cmpstr (keywords[1], ==, "one");
  g_assert_null (keywords[2]);
  g_assert_cmpstr (cg_document_get_block (cg_item_get_document (entry), 0)->text, ==,
                   "Answer one, see Apple.");
}

static void
test_popular (Fixture       *fixture,
              gconstpointer  data)
{
  /* popular="true" only; popular="false" and no attribute are the same. */
  assert_ids_owned (cg_library_list_popular (fixture->library), "faq-one,faq-three,faq-mid");
}

static void
test_related (Fixture       *fixture,
              gconstpointer  data)
{
  CgItem *apple = cg_library_lookup_item (fixture->library, "apple");
  CgItem *faq_one = cg_library_lookup_item (fixture->library, "faq-one");

  /* In the order the content gives them; articles and questions alike. */
  assert_ids_owned (cg_library_list_related (fixture->library, apple), "cherry,faq-two");
  assert_ids_owned (cg_library_list_related (fixture->library, faq_one), "apple");
  assert_ids_owned (cg_library_list_related (fixture->library,
                                             cg_library_lookup_item (fixture->library, "cherry")), "");
}

static void
test_lookup (Fixture       *fixture,
             gconstpointer  data)
{
  CgItem *item = cg_library_lookup_item (fixture->library, "blueberry");
  g_autofree char *file = fixture_path ("good", "blueberry.xml");

  g_assert_true (CG_IS_ARTICLE (item));
  g_assert_cmpstr (cg_item_get_id (item), ==, "blueberry");
  g_assert_cmpstr (cg_item_get_title (item), ==, "Blueberry");
  g_assert_cmpstr (cg_article_get_summary (CG_ARTICLE (item)), ==, "About Blueberry.");
  g_assert_cmpstr (cg_item_get_topic_id (item), ==, "zeta");
  g_assert_cmpstr (cg_item_get_review_date (item), ==, "2026-03-01");
  g_assert_cmpstr (cg_item_get_reviewed_by (item), ==, "Test team");
  g_assert_cmpstr (cg_item_get_file (item), ==, file);

  g_assert_null (cg_library_lookup_item (fixture->library, "no-such-item"));
  g_assert_null (cg_library_lookup_item (fixture->library, NULL));
  /* Topics and items do not share ids. */
  g_assert_null (cg_library_lookup_item (fixture->library, "zeta"));
}

static void
test_all_items (Fixture       *fixture,
                gconstpointer  data)
{
  /* Articles by topic, then order; then the questions, by topic. */
  assert_ids (cg_library_get_items (fixture->library),
              "cherry,banana,blueberry,apple,avocado,call-us,"
              "faq-one,faq-two,faq-three,faq-four,faq-five,faq-six,faq-seven,faq-eight,faq-mid");
}

static void
test_clinic (Fixture       *fixture,
             gconstpointer  data)
{
  CgClinic *clinic = cg_library_get_clinic (fixture->library);
  const char *label = NULL, *amount = NULL;
  CgDocument *document;
  const CgBlock *block;

  g_assert_nonnull (clinic);
  g_assert_cmpstr (cg_clinic_get_name (clinic), ==, "Good Clinic");
  g_assert_cmpstr (cg_clinic_get_phone (clinic), ==, "+1 555 0199");
  g_assert_cmpstr (cg_clinic_get_email (clinic), ==, "front-desk@example.org");
  g_assert_cmpstr (cg_clinic_get_website (clinic), ==, "https://example.org/good");
  g_assert_cmpstr (cg_clinic_get_booking (clinic), ==, "https://example.org/good/book");
  g_assert_cmpstr (cg_clinic_get_address_lines (clinic)[0], ==, "2 Good Street");
  g_assert_cmpstr (cg_clinic_get_address_lines (clinic)[1], ==, "Goodtown");
  g_assert_null (cg_clinic_get_address_lines (clinic)[2]);
  g_assert_cmpstr (cg_clinic_get_price_ids (clinic)[0], ==, "consultation");
  g_assert_cmpstr (cg_clinic_get_price_ids (clinic)[1], ==, "session");
  g_assert_true (cg_clinic_get_price (clinic, "session", &label, &amount));
  g_assert_cmpstr (label, ==, "One session");
  g_assert_cmpstr (amount, ==, "$150");
  g_assert_false (cg_clinic_get_price (clinic, "no-such-price", NULL, NULL));

  /* The clinic's details inside an article. */
  document = cg_item_get_document (cg_library_lookup_item (fixture->library, "call-us"));
  block = cg_document_get_block (document, 0);
  g_assert_cmpstr (block->text, ==,
                   "Call +1 555 0199 between Monday to Friday: 9 to 5; Saturday: closed. "
                   "A consultation costs $40.");
}

static void
test_image_found (Fixture       *fixture,
                  gconstpointer  data)
{
  CgDocument *document = cg_item_get_document (cg_library_lookup_item (fixture->library, "call-us"));
  g_autofree char *expected = fixture_path ("good", "images/dot.png");
  const CgBlock *block = cg_document_get_block (document, 1);

  g_assert_cmpint (block->kind, ==, CG_BLOCK_IMAGE);
  g_assert_cmpstr (block->source, ==, expected);
  g_assert_cmpstr (block->text, ==, "A dot");
}

static void
test_synonyms (Fixture       *fixture,
               gconstpointer  data)
{
  GPtrArray *synonyms = cg_library_get_synonyms (fixture->library);
  char **group;

  g_assert_cmpuint (synonyms->len, ==, 1);
  group = g_ptr_array_index (synonyms, 0);
  g_assert_cmpstr (group[0], ==, "spots");
  g_assert_cmpstr (group[1], ==, "pimples");
  g_assert_cmpstr (group[2], ==, "acne");
  g_assert_null (group[3]);
}

/* A clinic's folder on top */

static void
test_override_replaces_item (Fixture       *fixture,
                             gconstpointer  data)
{
  CgItem *banana = cg_library_lookup_item (fixture->library, "banana");
  g_autofree char *file = fixture_path ("override", "banana.xml");

  /* The same id in a later folder is the clinic's own version, not a
   * duplicate: no problem (the set-up checks), and it keeps its place. */
  g_assert_cmpstr (cg_item_get_title (banana), ==, "Banana, the clinic’s own");
  g_assert_cmpstr (cg_item_get_file (banana), ==, file);
  assert_ids_owned (cg_library_list_articles (fixture->library, "zeta"), "cherry,banana,blueberry,apple");
}

static void
test_override_hides (Fixture       *fixture,
                     gconstpointer  data)
{
  /* An article, a question, and a topic with the question in it; links
   * and related items that pointed at them are not problems either. */
  g_assert_null (cg_library_lookup_item (fixture->library, "avocado"));
  g_assert_null (cg_library_lookup_item (fixture->library, "faq-two"));
  g_assert_null (cg_library_lookup_topic (fixture->library, "mid"));
  g_assert_null (cg_library_lookup_item (fixture->library, "faq-mid"));

  assert_ids (cg_library_get_topics (fixture->library), "zeta,alpha");
  assert_ids_owned (cg_library_list_faq_entries (fixture->library, "alpha"),
                    "faq-one,faq-three,faq-four,faq-five,faq-six,faq-seven,faq-eight");
  assert_ids_owned (cg_library_list_popular (fixture->library), "faq-one,faq-three");
  assert_ids_owned (cg_library_list_related (fixture->library,
                                             cg_library_lookup_item (fixture->library, "apple")),
                    "cherry");
}

static void
test_override_clinic (Fixture       *fixture,
                      gconstpointer  data)
{
  CgClinic *clinic = cg_library_get_clinic (fixture->library);
  CgDocument *document;

  g_assert_cmpstr (cg_clinic_get_name (clinic), ==, "Override Clinic");
  g_assert_null (cg_clinic_get_email (clinic));

  /* The articles of the earlier folder show the later clinic's details. */
  document = cg_item_get_document (cg_library_lookup_item (fixture->library, "call-us"));
  g_assert_cmpstr (cg_document_get_block (document, 0)->text, ==,
                   "Call +1 555 0200 between By appointment. A consultation costs $60.");
}

static void
test_override_renames_topic (Fixture       *fixture,
                             gconstpointer  data)
{
  CgTopic *alpha = cg_library_lookup_topic (fixture->library, "alpha");

  g_assert_cmpstr (cg_topic_get_title (alpha), ==, "Alpha, renamed");
  assert_ids (cg_library_get_topics (fixture->library), "zeta,alpha");
}

/* Hostile files */

typedef struct
{
  char      *hostile;   /* tests/data/loader/hostile */
  char      *generated; /* a temporary folder */
  char      *secret;    /* must never show anywhere */
  CgLibrary *library;
} Hostile;

static void
write_file (const char *folder,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

#define ARTICLE_HEAD(id) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<article id=\"" id "\" topic=\"hostile\">\n" \
  "  <title>" id "</title>\n" \
  "  <summary>Generated.</summary>\n" \
  "  <review date=\"2026-05-01\" by=\"Tests\"/>\n" \
  "  <body>\n"
#define ARTICLE_TAIL \
  "  </body>\n" \
  "</article>\n"

static void
write_generated (Hostile *fixture)
{
  g_autofree char *secret_path = g_build_filename (fixture->generated, "secret.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *fifo = g_build_filename (fixture->generated, "fifo.xml", NULL);
  g_autofree char *folder = g_build_filename (fixture->generated, "folder.xml", NULL);
  GString *big;

  /* Next to the content, as a careless or malicious editor would have it;
   * not a .xml file, so the loader itself never reads it. */
  write_file (fixture->generated, "secret.txt", fixture->secret, -1);

  text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE article [\n"
                          "  <!ENTITY secret SYSTEM \"file://%s\">\n"
                          "]>\n"
                          "<article id=\"external-entity\" topic=\"hostile\">\n"
                          "  <title>&secret;</title>\n"
                          "  <summary>&secret;</summary>\n"
                          "  <review date=\"2026-05-01\" by=\"Tests\"/>\n"
                          "  <body><p>&secret;</p></body>\n"
                          "</article>\n", secret_path);
  write_file (fixture->generated, "external-entity.xml", text, -1);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE article [ <!ENTITY %% remote SYSTEM \"file://%s\"> %%remote; ]>\n"
                          "<article id=\"parameter-entity\" topic=\"hostile\"/>\n", secret_path);
  write_file (fixture->generated, "external-parameter-entity.xml", text, -1);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf (ARTICLE_HEAD ("xinclude-secret")
                          "    <p><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\""
                          " href=\"file://%s\" parse=\"text\"/></p>\n"
                          ARTICLE_TAIL, secret_path);
  write_file (fixture->generated, "xinclude-secret.xml", text, -1);
  g_clear_pointer (&text, g_free);

  /* A kilobyte that expands to gigabytes. */
  write_file (fixture->generated, "billion-laughs.xml",
              "<?xml version=\"1.0\"?>\n"
              "<!DOCTYPE article [\n"
              " <!ENTITY lol \"lol\">\n"
              " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
              " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
              " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
              " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
              " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
              " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
              " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
              " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
              " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
              "]>\n"
              "<article id=\"billion-laughs\" topic=\"hostile\"><title>&lol9;</title></article>\n",
              -1);

  /* 10,000 nested elements the schema allows, on line 7. */
  big = g_string_new (ARTICLE_HEAD ("deep-nesting") "    <p>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (big, "<em>");
  g_string_append (big, "deep");
  for (guint i = 0; i < 10000; i++)
    g_string_append (big, "</em>");
  g_string_append (big, "</p>\n" ARTICLE_TAIL);
  write_file (fixture->generated, "deep-nesting.xml", big->str, big->len);
  g_string_free (big, TRUE);

  /* Well-formed and valid, one byte over the default cap. */
  big = g_string_new (ARTICLE_HEAD ("too-large") "    <p>");
  while (big->len < CG_CONTENT_LOADER_DEFAULT_MAX_FILE_SIZE + 1 - strlen ("</p>\n" ARTICLE_TAIL))
    g_string_append_c (big, 'a');
  g_string_append (big, "</p>\n" ARTICLE_TAIL);
  g_assert_cmpuint (big->len, ==, CG_CONTENT_LOADER_DEFAULT_MAX_FILE_SIZE + 1);
  write_file (fixture->generated, "too-large.xml", big->str, big->len);
  g_string_free (big, TRUE);

  /* Opening a named pipe would wait for a writer forever. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
}

static void
hostile_set_up (Hostile       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->hostile = fixture_path ("hostile", NULL);
  fixture->generated = g_dir_make_tmp ("cg-test-loader-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->secret = g_strdup_printf ("SECRET-%08x%08x", g_random_int (), g_random_int ());

  write_generated (fixture);

  fixture->library = load_folders (fixture->hostile, fixture->generated, NULL);
  log_problems (fixture->library);
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_folder (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
hostile_tear_down (Hostile       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->library);
  remove_folder (fixture->generated);
  g_free (fixture->generated);
  g_free (fixture->hostile);
  g_free (fixture->secret);
}

typedef struct
{
  const char *folder;   /* "hostile", or NULL for the generated folder */
  const char *name;
  int         code;
  int         line;
  int         column;
  const char *item;     /* an id that must load all the same, or NULL */
  const char *gone;     /* an id that must not load, or NULL */
} Expectation;

/* Exactly one problem for the file, located where the person fixing it
 * has to look. */
static const CgProblem *
assert_one_problem (Hostile           *fixture,
                    const Expectation *expected)
{
  GPtrArray *problems = cg_library_get_problems (fixture->library);
  g_autofree char *path = NULL;
  const CgProblem *found = NULL;

  path = g_build_filename (expected->folder ? fixture->hostile : fixture->generated,
                           expected->name, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const CgProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->file, path) != 0)
        continue;

      g_assert_null (found);
      found = problem;
    }

  g_assert_nonnull (found);
  g_assert_cmpint (found->code, ==, expected->code);
  g_assert_cmpint (found->line, ==, expected->line);
  g_assert_cmpint (found->column, ==, expected->column);
  g_assert_nonnull (found->message);
  g_assert_cmpstr (found->message, !=, "");
  g_assert_null (strchr (found->message, '\n'));

  if (expected->item != NULL)
    g_assert_nonnull (cg_library_lookup_item (fixture->library, expected->item));
  if (expected->gone != NULL)
    g_assert_null (cg_library_lookup_item (fixture->library, expected->gone));

  /* Whatever the neighbour did, the good files load. */
  g_assert_nonnull (cg_library_lookup_topic (fixture->library, "hostile"));
  g_assert_nonnull (cg_library_lookup_item (fixture->library, "good-article"));

  return found;
}

static const Expectation expectations[] = {
  /* Not well-formed */
  { "hostile", "invalid-utf8.xml", CG_CONTENT_ERROR_MALFORMED, 3, 14, NULL, "invalid-utf8" },
  { "hostile", "truncated.xml", CG_CONTENT_ERROR_MALFORMED, 5, 35, NULL, "truncated" },
  { "hostile", "empty.xml", CG_CONTENT_ERROR_MALFORMED, 1, 1, NULL, NULL },
  { "hostile", "garbage.xml", CG_CONTENT_ERROR_MALFORMED, 1, 1, NULL, NULL },
  /* UTF-16 with half a surrogate pair: libxml2 reports it to a global
   * handler that would print it, unlocated, on standard error. */
  { "hostile", "bad-encoding.xml", CG_CONTENT_ERROR_MALFORMED, 1, 1, NULL, NULL },
  /* Under article, body and p, the 254th <em> is 257 levels deep, one
   * more than the parser's limit: it stops at the end of that start tag,
   * column 7 + 254 × 4 + 1. */
  { NULL, "deep-nesting.xml", CG_CONTENT_ERROR_MALFORMED, 7, 1024, NULL, "deep-nesting" },
  /* Document type declarations, whatever they declare */
  { "hostile", "external-dtd.xml", CG_CONTENT_ERROR_DTD, 2, 1, NULL, "external-dtd" },
  { NULL, "external-entity.xml", CG_CONTENT_ERROR_DTD, 2, 1, NULL, "external-entity" },
  { NULL, "external-parameter-entity.xml", CG_CONTENT_ERROR_DTD, 2, 1, NULL, "parameter-entity" },
  { NULL, "billion-laughs.xml", CG_CONTENT_ERROR_DTD, 2, 1, NULL, "billion-laughs" },
  /* Not the content format */
  { "hostile", "wrong-root.xml", CG_CONTENT_ERROR_INVALID, 3, 1, NULL, NULL },
  { "hostile", "unknown-element.xml", CG_CONTENT_ERROR_INVALID, 8, 33, NULL, "unknown-element" },
  { "hostile", "unknown-field.xml", CG_CONTENT_ERROR_INVALID, 7, 18, NULL, "unknown-field" },
  { "hostile", "xinclude.xml", CG_CONTENT_ERROR_INVALID, 7, 8, NULL, "xinclude" },
  /* Checked by the loader itself, not by the schema it compiles. */
  { "hostile", "bad-id.xml", CG_CONTENT_ERROR_INVALID, 7, 57, NULL, "bad-id" },
  { NULL, "xinclude-secret.xml", CG_CONTENT_ERROR_INVALID, 7, 8, NULL, "xinclude-secret" },
  /* Not a file we read */
  { NULL, "too-large.xml", CG_CONTENT_ERROR_TOO_LARGE, 0, 0, NULL, "too-large" },
  { NULL, "fifo.xml", CG_CONTENT_ERROR_READ, 0, 0, NULL, NULL },
  { NULL, "folder.xml", CG_CONTENT_ERROR_READ, 0, 0, NULL, NULL },
  /* Valid files that do not fit the rest of the content: the item loads
   * when it can still be read sensibly, and not otherwise. */
  { "hostile", "duplicate-b.xml", CG_CONTENT_ERROR_DUPLICATE_ID, 3, 1, "duplicate", NULL },
  { "hostile", "missing-topic.xml", CG_CONTENT_ERROR_UNKNOWN_TOPIC, 2, 1, NULL, "missing-topic" },
  { "hostile", "dangling-link.xml", CG_CONTENT_ERROR_DANGLING_LINK, 7, 57, "dangling-link", NULL },
  { "hostile", "dangling-link-wrapped.xml", CG_CONTENT_ERROR_DANGLING_LINK, 7, 31, "dangling-link-wrapped", NULL },
  { "hostile", "missing-price.xml", CG_CONTENT_ERROR_UNKNOWN_FIELD, 7, 17, "missing-price", NULL },
  { "hostile", "missing-image.xml", CG_CONTENT_ERROR_MISSING_IMAGE, 8, 5, "missing-image", NULL },
  { "hostile", "empty-title.xml", CG_CONTENT_ERROR_EMPTY_TITLE, 3, 3, NULL, "empty-title" },
  /* Loads: columns count characters of the decoded text. */
  { "hostile", "utf-16.xml", CG_CONTENT_ERROR_DANGLING_LINK, 7, 60, "utf-16-article", NULL },
};

static void
test_hostile_file (Hostile       *fixture,
                   gconstpointer  data)
{
  assert_one_problem (fixture, data);
}

static void
test_hostile_no_other_problems (Hostile       *fixture,
                                gconstpointer  data)
{
  GPtrArray *problems = cg_library_get_problems (fixture->library);

  /* One problem per bad file, and none for the good ones. */
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expectations));

  /* Sorted by file, then line, for a person reading the list. */
  for (guint i = 1; i < problems->len; i++)
    g_assert_cmpint (cg_problem_compare (g_ptr_array_index (problems, i - 1),
                                         g_ptr_array_index (problems, i)), <, 0);
}

static void
test_hostile_good_files_load (Hostile       *fixture,
                              gconstpointer  data)
{
  CgItem *good = cg_library_lookup_item (fixture->library, "good-article");
  CgItem *duplicate = cg_library_lookup_item (fixture->library, "duplicate");

  g_assert_cmpstr (cg_item_get_title (good), ==, "A good article");
  g_assert_cmpstr (cg_document_get_block (cg_item_get_document (good), 0)->text, ==,
                   "Nothing wrong here.");
  /* The first file to claim an id keeps it. */
  g_assert_cmpstr (cg_item_get_title (duplicate), ==, "First with this id");

  assert_ids_owned (cg_library_list_articles (fixture->library, "hostile"),
                    "good-article,utf-16-article,dangling-link,dangling-link-wrapped,"
                    "duplicate,missing-image,missing-price");
}

static void
test_hostile_utf16 (Hostile       *fixture,
                    gconstpointer  data)
{
  CgItem *item = cg_library_lookup_item (fixture->library, "utf-16-article");
  const CgBlock *block;

  /* A file saved as "Unicode" by a Windows editor reads as it was meant. */
  g_assert_cmpstr (cg_item_get_title (item), ==, "Café in UTF-16");
  g_assert_cmpstr (cg_article_get_summary (CG_ARTICLE (item)), ==,
                   "Saved as “Unicode” by a Windows editor.");
  block = cg_document_get_block (cg_item_get_document (item), 0);
  g_assert_cmpstr (block->text, ==, "Crème brûlée: fine, dangling.");
  /* One link: "dangling" points to an id no file has, which is reported
   * (/loader/hostile/file) and, since F18, reads as plain words, as a
   * link to a page the clinic hid does: a patient cannot follow it. */
  g_assert_cmpuint (block->n_spans, ==, 1);
  g_assert_cmpint (block->spans[0].kind, ==, CG_SPAN_LINK);
  g_assert_cmpstr (block->spans[0].target, ==, "good-article");
  g_assert_cmpuint (block->spans[0].start, ==, strlen ("Crème brûlée: "));
}

static void
test_hostile_missing_image (Hostile       *fixture,
                            gconstpointer  data)
{
  CgItem *item = cg_library_lookup_item (fixture->library, "missing-image");
  const CgBlock *block = cg_document_get_block (cg_item_get_document (item), 1);

  /* The reader shows the description instead of a broken picture. */
  g_assert_cmpint (block->kind, ==, CG_BLOCK_IMAGE);
  g_assert_null (block->source);
  g_assert_cmpstr (block->text, ==, "A picture that was never copied");
}

static void
test_hostile_messages (Hostile       *fixture,
                       gconstpointer  data)
{
  g_autofree char *first = fixture_path ("hostile", "duplicate-a.xml");
  g_autofree char *expected = NULL;
  const CgProblem *problem;

  /* The duplicate names where the id was first used. */
  problem = assert_one_problem (fixture, &(Expectation) {
    "hostile", "duplicate-b.xml", CG_CONTENT_ERROR_DUPLICATE_ID, 3, 1, NULL, NULL });
  expected = g_strdup_printf ("the id “duplicate” is already used at %s:2", first);
  g_assert_cmpstr (problem->message, ==, expected);

  problem = assert_one_problem (fixture, &(Expectation) {
    "hostile", "dangling-link.xml", CG_CONTENT_ERROR_DANGLING_LINK, 7, 57, NULL, NULL });
  g_assert_cmpstr (problem->message, ==, "the link points to “no-such-article”, which does not exist");

  /* The attribute, its value and the rule. */
  problem = assert_one_problem (fixture, &(Expectation) {
    "hostile", "bad-id.xml", CG_CONTENT_ERROR_INVALID, 7, 57, NULL, NULL });
  g_assert_cmpstr (problem->message, ==,
                   "the ref attribute “Bad_Id” is not a valid id: use lowercase letters, digits "
                   "and hyphens, starting with a letter or digit (at most 80 characters)");

  problem = assert_one_problem (fixture, &(Expectation) {
    "hostile", "empty.xml", CG_CONTENT_ERROR_MALFORMED, 1, 1, NULL, NULL });
  g_assert_cmpstr (problem->message, ==, "is empty");

  /* libxml2's two-line message on one line. */
  problem = assert_one_problem (fixture, &(Expectation) {
    "hostile", "invalid-utf8.xml", CG_CONTENT_ERROR_MALFORMED, 3, 14, NULL, NULL });
  g_assert_true (g_str_has_prefix (problem->message, "not well-formed XML: "));
  g_assert_nonnull (strstr (problem->message, "Bytes: 0xFF 0xFE"));
}

static gboolean
contains_secret (const char *text,
                 const char *secret)
{
  return text != NULL && strstr (text, secret) != NULL;
}

static void
test_hostile_secret_never_shows (Hostile       *fixture,
                                 gconstpointer  data)
{
  GPtrArray *problems = cg_library_get_problems (fixture->library);
  GListModel *items = cg_library_get_items (fixture->library);
  GListModel *topics = cg_library_get_topics (fixture->library);
  g_autofree char *secret_path = g_build_filename (fixture->generated, "secret.txt", NULL);
  g_autofree char *contents = NULL;

  /* The file is there to be stolen: it is the loader that refuses. */
  g_assert_true (g_file_get_contents (secret_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, fixture->secret);

  for (guint i = 0; i < problems->len; i++)
    {
      const CgProblem *problem = g_ptr_array_index (problems, i);

      g_assert_false (contains_secret (problem->message, fixture->secret));
      g_assert_false (contains_secret (problem->file, fixture->secret));
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (items, i);
      g_autofree char *text = cg_document_get_text (cg_item_get_document (item));
      g_autofree char *plain = cg_document_to_plain_text (cg_item_get_document (item));
      const char * const *keywords = cg_item_get_keywords (item);

      g_assert_false (contains_secret (cg_item_get_title (item), fixture->secret));
      if (CG_IS_ARTICLE (item))
        g_assert_false (contains_secret (cg_article_get_summary (CG_ARTICLE (item)), fixture->secret));
      g_assert_false (contains_secret (text, fixture->secret));
      g_assert_false (contains_secret (plain, fixture->secret));
      for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++)
        g_assert_false (contains_secret (keywords[k], fixture->secret));
    }

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(CgTopic) topic = g_list_model_get_item (topics, i);

      g_assert_false (contains_secret (cg_topic_get_title (topic), fixture->secret));
      g_assert_false (contains_secret (cg_topic_get_summary (topic), fixture->secret));
    }

  /* And nothing that tried to read it loaded at all. */
  g_assert_null (cg_library_lookup_item (fixture->library, "external-entity"));
  g_assert_null (cg_library_lookup_item (fixture->library, "parameter-entity"));
  g_assert_null (cg_library_lookup_item (fixture->library, "xinclude-secret"));
}

/* The size cap */

static void
test_size_cap (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("cg-test-cap-XXXXXX", &error);
  g_autofree char *at_cap = NULL;
  g_autofree char *over_cap = NULL;
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autoptr(CgLibrary) library = NULL;
  GPtrArray *problems;
  const CgProblem *problem;
  GString *text;

  g_assert_no_error (error);

  /* Two valid articles: one exactly at a 1 KiB cap, one a byte over. */
  text = g_string_new (ARTICLE_HEAD ("at-cap") "    <p>");
  while (text->len < 1024 - strlen ("</p>\n" ARTICLE_TAIL))
    g_string_append_c (text, 'a');
  g_string_append (text, "</p>\n" ARTICLE_TAIL);
  g_assert_cmpuint (text->len, ==, 1024);
  write_file (folder, "at-cap.xml", text->str, text->len);
  g_string_free (text, TRUE);

  text = g_string_new (ARTICLE_HEAD ("over-cap") "    <p>");
  while (text->len < 1025 - strlen ("</p>\n" ARTICLE_TAIL))
    g_string_append_c (text, 'a');
  g_string_append (text, "</p>\n" ARTICLE_TAIL);
  g_assert_cmpuint (text->len, ==, 1025);
  write_file (folder, "over-cap.xml", text->str, text->len);
  g_string_free (text, TRUE);

  write_file (folder, "topics.xml",
              "<topics><topic id=\"hostile\" icon=\"x\"><title>T</title><summary>S</summary></topic></topics>",
              -1);

  cg_content_loader_add_path (loader, folder, NULL);
  cg_content_loader_set_max_file_size (loader, 1024);
  library = cg_content_loader_load (loader, NULL);
  log_problems (library);

  g_assert_nonnull (cg_library_lookup_item (library, "at-cap"));
  g_assert_null (cg_library_lookup_item (library, "over-cap"));

  problems = cg_library_get_problems (library);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  over_cap = g_build_filename (folder, "over-cap.xml", NULL);
  g_assert_cmpstr (problem->file, ==, over_cap);
  g_assert_cmpint (problem->code, ==, CG_CONTENT_ERROR_TOO_LARGE);
  /* The limit, as people read sizes ("1.0 kB", with a no-break space). */
  g_assert_nonnull (strstr (problem->message, "1.0"));
  g_assert_nonnull (strstr (problem->message, "kB"));

  at_cap = g_build_filename (folder, "at-cap.xml", NULL);
  g_assert_cmpint (g_unlink (at_cap), ==, 0);
  g_assert_cmpint (g_unlink (over_cap), ==, 0);
  {
    g_autofree char *topics = g_build_filename (folder, "topics.xml", NULL);
    g_assert_cmpint (g_unlink (topics), ==, 0);
  }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static GBytes *
static_bytes (const char *text)
{
  return g_bytes_new_static (text, strlen (text));
}

/* Files in memory go through the same checks as files on disk: what the
 * fuzzer exercises is what the application runs. */
static void
test_bytes_like_files (void)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(GBytes) topics = NULL;
  g_autoptr(GBytes) article = NULL;
  g_autoptr(GBytes) broken = NULL;
  GPtrArray *problems;
  const CgProblem *problem;

  topics = static_bytes ("<topics><topic id=\"t\" icon=\"x\"><title>T</title>"
                          "<summary>S</summary></topic></topics>");
  article = static_bytes ("<article id=\"a\" topic=\"t\">\n"
                          "<title>In memory</title><summary>S</summary>"
                          "<review date=\"2026-01-01\" by=\"x\"/>\n"
                          "<body><p>x <link ref=\"gone\">y</link></p></body></article>");
  broken = static_bytes ("<article>");

  cg_content_loader_add_bytes (loader, "topics.xml", topics);
  cg_content_loader_add_bytes (loader, "article.xml", article);
  cg_content_loader_add_bytes (loader, "broken.xml", broken);
  library = cg_content_loader_load (loader, NULL);

  g_assert_cmpstr (cg_item_get_title (cg_library_lookup_item (library, "a")), ==, "In memory");

  problems = cg_library_get_problems (library);
  g_assert_cmpuint (problems->len, ==, 2);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, "article.xml");
  g_assert_cmpint (problem->code, ==, CG_CONTENT_ERROR_DANGLING_LINK);
  g_assert_cmpint (problem->line, ==, 3);
  g_assert_cmpint (problem->column, ==, 12);
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (problem->file, ==, "broken.xml");
  g_assert_cmpint (problem->code, ==, CG_CONTENT_ERROR_MALFORMED);
}

/* Ids
 *
 * The loader compiles the schema without the id rule, which libxml2
 * checks slowly, and checks ids itself: the two must agree. */

typedef struct
{
  const char *value;   /* as the parser gives it, after decoding */
  gboolean    valid;
} IdCase;

static const IdCase id_cases[] = {
  { "a", TRUE },
  { "0", TRUE },
  { "article-00001", TRUE },
  { "a-", TRUE },
  { "a--b", TRUE },
  { "9lives", TRUE },
  { "Bad_Id", FALSE },
  { "ABC", FALSE },
  { "aB", FALSE },
  { "-abc", FALSE },
  { "a_b", FALSE },
  { "a.b", FALSE },
  { "a/b", FALSE },
  { "café", FALSE },
  { "é", FALSE },
  { "ａ", FALSE },            /* fullwidth a */
  { "", FALSE },
  { " ", FALSE },
  { "\t\n", FALSE },
  { "a b", FALSE },
  { "a\tb", FALSE },
  { "a\nb", FALSE },
  { "a\u00a0", FALSE },        /* a no-break space is not white space to XML */
  /* A token: white space around it does not count. */
  { " abc ", TRUE },
  { "\tabc\r\n", TRUE },
  { " -abc", FALSE },
};

/* Every character that attribute normalization or markup would change,
 * as a character reference. */
static char *
escape_attribute (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    if (*p == '&' || *p == '<' || *p == '"' || *p == '\t' || *p == '\n' || *p == '\r')
      g_string_append_printf (out, "&#%d;", *p);
    else
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static void
ignore_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
}

/* Validated against data/clinic-guide.rng itself, pattern and all. */
static gboolean
schema_accepts_id (xmlRelaxNG *schema,
                   const char *value,
                   char      **parsed)
{
  g_autofree char *escaped = escape_attribute (value);
  g_autofree char *text = g_strdup_printf ("<hide><item ref=\"%s\"/></hide>", escaped);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlRelaxNGValidCtxt) vctxt = NULL;
  g_autoptr(xmlChar) ref = NULL;

  doc = xmlReadMemory (text, (int) strlen (text), "id.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  ref = xmlGetProp (xmlDocGetRootElement (doc)->children, (const xmlChar *) "ref");
  g_assert_nonnull (ref);
  *parsed = g_strdup ((const char *) ref);

  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, ignore_error_cb, NULL);

  return xmlRelaxNGValidateDoc (vctxt, doc) == 0;
}

static xmlRelaxNG *
compile_schema_file (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(xmlRelaxNGParserCtxt) ctxt = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  xmlRelaxNG *schema;

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "clinic-guide.rng", NULL);
  /* From memory: the loader denies every external entity, a file name
   * included. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  ctxt = xmlRelaxNGNewMemParserCtxt (contents, (int) length);
  schema = xmlRelaxNGParse (ctxt);
  g_assert_nonnull (schema);

  return schema;
}

static void
test_id_rule_agrees_with_schema (void)
{
  xmlRelaxNG *schema = compile_schema_file ();
  GString *eighty = g_string_new (NULL);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (id_cases); i++)
    g_ptr_array_add (values, g_strdup (id_cases[i].value));

  /* The length limit, in characters of the value without the white
   * space around it. */
  while (eighty->len < 79)
    g_string_append_c (eighty, eighty->len % 10 == 9 ? '-' : 'a' + eighty->len % 26);
  g_string_append_c (eighty, '0');
  g_assert_cmpuint (eighty->len, ==, 80);
  g_ptr_array_add (values, g_strdup (eighty->str));
  g_ptr_array_add (values, g_strdup_printf (" %s\t", eighty->str));
  g_ptr_array_add (values, g_strdup_printf ("%sa", eighty->str));
  g_string_free (eighty, TRUE);

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autofree char *parsed = NULL;
      gboolean by_schema = schema_accepts_id (schema, value, &parsed);
      gboolean expected = i < G_N_ELEMENTS (id_cases) ? id_cases[i].valid : i != values->len - 1;

      g_test_message ("id “%s”: the schema says %s", value, by_schema ? "valid" : "invalid");
      g_assert_cmpint (by_schema, ==, expected);
      g_assert_cmpint (cg_xml_is_valid_id (parsed), ==, by_schema);
    }

  xmlRelaxNGFree (schema);
}

#define ID_TOPICS \
  "<topics><topic id=\"t\" icon=\"x\"><title>T</title><summary>S</summary></topic></topics>"
#define ID_ARTICLE(id, topic, body, after) \
  "<article id=\"" id "\" topic=\"" topic "\">\n" \
  "<title>A</title><summary>S</summary><review date=\"2026-01-01\" by=\"x\"/>\n" \
  "<body><p>" body "</p></body>\n" after "</article>"
#define ID_80 \
  "a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789"
#define ID_81 ID_80 "a"

typedef struct
{
  const char *name;
  const char *text;
  const char *attribute;   /* NULL when the file is good */
  const char *value;
  int         line;
  int         column;
} IdFile;

static const IdFile id_files[] = {
  { "topics.xml", ID_TOPICS, NULL, NULL, 0, 0 },
  { "good.xml", ID_ARTICLE ("good", "t", "<link ref=\"good\">x</link>", "<related ref=\"good\"/>"),
    NULL, NULL, 0, 0 },
  { "eighty.xml", ID_ARTICLE (ID_80, "t", "x", ""), NULL, NULL, 0, 0 },
  /* A token: the spaces around it do not count, here or in the links. */
  { "spaced.xml", ID_ARTICLE (" spaced\t", "\nt ", "<link ref=\" good \">x</link>", "<related ref=\"good \"/>"),
    NULL, NULL, 0, 0 },
  { "eighty-one.xml", ID_ARTICLE (ID_81, "t", "x", ""), "id", ID_81, 1, 1 },
  { "article-topic.xml", ID_ARTICLE ("b", "Topic", "x", ""), "topic", "Topic", 1, 1 },
  { "link.xml", ID_ARTICLE ("c", "t", "x <link ref=\"-c\">y</link>", ""), "ref", "-c", 3, 12 },
  { "related.xml", ID_ARTICLE ("d", "t", "x", "<related ref=\"d_2\"/>\n"), "ref", "d_2", 4, 1 },
  { "price.xml", ID_ARTICLE ("e", "t", "x <clinic field=\"price\" item=\"a b\"/>", ""),
    "item", "a b", 3, 12 },
  { "topic.xml",
    "<topics>\n <topic id=\"café\" icon=\"x\"><title>T</title><summary>S</summary></topic>"
    "</topics>",
    "id", "café", 2, 2 },
  { "faq.xml",
    "<faq><entry id=\"q\" topic=\"t\"><question>Q?</question><answer><p>A</p></answer></entry>\n"
    "<entry id=\"Q2\" topic=\"t\"><question>Q?</question><answer><p>A</p></answer></entry></faq>",
    "id", "Q2", 2, 1 },
  { "hide.xml", "<hide><item ref=\"good\"/><item ref=\"\"/></hide>", "ref", "", 1, 25 },
  { "clinic.xml", "<clinic><name>N</name><phone>P</phone><address><line>L</line></address>"
                  "<hours><line>H</line></hours>\n<prices><price id=\"Visit\"><label>L</label>"
                  "<amount>1</amount></price></prices></clinic>", "id", "Visit", 2, 9 },
  /* Shown on one line, and not all of it. */
  { "long.xml", ID_ARTICLE ("f", "t", "x <link ref=\"" ID_81 "&#10;" ID_81 "\">y</link>", ""),
    "ref", ID_81 "…", 3, 12 },
};

static void
test_id_problems (void)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autoptr(CgLibrary) library = NULL;
  GPtrArray *problems;
  guint n_bad = 0;

  for (guint i = 0; i < G_N_ELEMENTS (id_files); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (id_files[i].text, strlen (id_files[i].text));

      cg_content_loader_add_bytes (loader, id_files[i].name, bytes);
    }
  library = cg_content_loader_load (loader, NULL);
  log_problems (library);
  problems = cg_library_get_problems (library);

  for (guint i = 0; i < G_N_ELEMENTS (id_files); i++)
    {
      const IdFile *file = &id_files[i];
      const CgProblem *found = NULL;
      g_autofree char *expected = NULL;

      for (guint p = 0; p < problems->len; p++)
        if (g_str_equal (((CgProblem *) g_ptr_array_index (problems, p))->file, file->name))
          {
            g_assert_null (found);
            found = g_ptr_array_index (problems, p);
          }

      if (file->attribute == NULL)
        {
          g_assert_null (found);
          continue;
        }

      /* The whole file is skipped, as any file that breaks the schema. */
      n_bad++;
      g_assert_nonnull (found);
      g_assert_cmpint (found->code, ==, CG_CONTENT_ERROR_INVALID);
      g_assert_cmpint (found->line, ==, file->line);
      g_assert_cmpint (found->column, ==, file->column);
      expected = g_strdup_printf ("the %s attribute “%s” is not a valid id: use lowercase letters, "
                                  "digits and hyphens, starting with a letter or digit "
                                  "(at most 80 characters)", file->attribute, file->value);
      g_assert_cmpstr (found->message, ==, expected);
    }
  g_assert_cmpuint (problems->len, ==, n_bad);

  g_assert_nonnull (cg_library_lookup_item (library, "good"));
  g_assert_nonnull (cg_library_lookup_item (library, ID_80));
  g_assert_nonnull (cg_library_lookup_item (library, "spaced"));
  g_assert_cmpstr (cg_item_get_topic_id (cg_library_lookup_item (library, "spaced")), ==, "t");
  g_assert_null (cg_library_lookup_item (library, "q"));
  g_assert_null (cg_library_get_clinic (library));
  g_assert_cmpuint (g_list_model_get_n_items (cg_library_get_items (library)), ==, 3);
}

static void
test_problem_to_string (void)
{
  g_autoptr(CgProblem) located = cg_problem_new ("/c/a.xml", 12, 7, CG_CONTENT_ERROR_INVALID, "bad");
  g_autoptr(CgProblem) whole = cg_problem_new ("/c/b.xml", 0, 0, CG_CONTENT_ERROR_TOO_LARGE, "too big");
  g_autofree char *located_text = cg_problem_to_string (located);
  g_autofree char *whole_text = cg_problem_to_string (whole);

  /* The form editors and terminals turn into links; a problem with the
   * whole file points at its start. */
  g_assert_cmpstr (located_text, ==, "/c/a.xml:12:7: bad");
  g_assert_cmpstr (whole_text, ==, "/c/b.xml:1:1: too big");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, set_up, func) \
  g_test_add (path, Fixture, NULL, set_up, func, fixture_tear_down)

  ADD ("/loader/model/topics-in-order", good_set_up, test_topics_in_order);
  ADD ("/loader/model/articles-in-order", good_set_up, test_articles_in_order);
  ADD ("/loader/model/faq-entries", good_set_up, test_faq_entries);
  ADD ("/loader/model/popular", good_set_up, test_popular);
  ADD ("/loader/model/related", good_set_up, test_related);
  ADD ("/loader/model/lookup", good_set_up, test_lookup);
  ADD ("/loader/model/all-items", good_set_up, test_all_items);
  ADD ("/loader/model/clinic", good_set_up, test_clinic);
  ADD ("/loader/model/image-found", good_set_up, test_image_found);
  ADD ("/loader/model/synonyms", good_set_up, test_synonyms);
  ADD ("/loader/override/replaces-item", override_set_up, test_override_replaces_item);
  ADD ("/loader/override/hides", override_set_up, test_override_hides);
  ADD ("/loader/override/clinic", override_set_up, test_override_clinic);
  ADD ("/loader/override/renames-topic", override_set_up, test_override_renames_topic);

#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/loader/hostile/file/%s", expectations[i].name);

      g_test_add (path, Hostile, &expectations[i], hostile_set_up, test_hostile_file, hostile_tear_down);
    }

#define ADD(path, func) \
  g_test_add (path, Hostile, NULL, hostile_set_up, func, hostile_tear_down)

  ADD ("/loader/hostile/no-other-problems", test_hostile_no_other_problems);
  ADD ("/loader/hostile/good-files-load", test_hostile_good_files_load);
  ADD ("/loader/hostile/utf-16", test_hostile_utf16);
  ADD ("/loader/hostile/missing-image", test_hostile_missing_image);
  ADD ("/loader/hostile/messages", test_hostile_messages);
  ADD ("/loader/hostile/secret-never-shows", test_hostile_secret_never_shows);

#undef ADD

  g_test_add_func ("/loader/size-cap", test_size_cap);
  g_test_add_func ("/loader/bytes-like-files", test_bytes_like_files);
  g_test_add_func ("/loader/problem-to-string", test_problem_to_string);
  g_test_add_func ("/loader/ids/rule-agrees-with-schema", test_id_rule_agrees_with_schema);
  g_test_add_func ("/loader/ids/problems", test_id_problems);

  return g_test_run ();
}
