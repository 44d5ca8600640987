/* test-content-builder.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-content-builder.h"
#include "cg-library-private.h"

/* Parsed files into a library, with the checks that span files: an id
 * used twice in one folder, a clinic's folder overriding the bundled one,
 * hidden articles, topics and links that lead nowhere. */

#define TOPICS \
  "<topics>\n<topic id=\"t\" icon=\"x\"><title>T</title><summary>S</summary></topic>\n" \
  "<topic id=\"gone\" icon=\"x\"><title>G</title><summary>S</summary></topic>\n</topics>"
#define ARTICLE(id, topic, title, body) \
  "<article id=\"" id "\" topic=\"" topic "\">\n<title>" title "</title><summary>S</summary>" \
  "<review date=\"2026-01-01\" by=\"x\"/>\n<body><p>" body "</p></body></article>"

typedef struct
{
  const char *name;
  guint       layer;
  const char *text;
} Source;

static const Source sources[] = {
  { "topics.xml", 0, TOPICS },
  { "one.xml", 0, ARTICLE ("a", "t", "First", "See <link ref=\"b\">b</link>.") },
  { "two.xml", 0, ARTICLE ("a", "t", "Second", "x") },
  { "three.xml", 0, ARTICLE ("b", "t", "Bundled", "Read <link ref=\"nowhere\">more</link>.") },
  { "four.xml", 0, ARTICLE ("c", "gone", "Hidden topic", "x") },
  { "five.xml", 0, ARTICLE ("d", "missing", "No topic", "x") },
  { "six.xml", 0, ARTICLE ("e", "t", "Hidden", "x") },
  /* Marked as the clinic's own version of b: not reported. */
  { "clinic-b.xml", 1, "<article id=\"b\" topic=\"t\" replaces=\"true\">\n<title>Clinic's own</title>"
    "<summary>S</summary><review date=\"2026-01-01\" by=\"x\"/>\n"
    "<body><p>See <link ref=\"e\">e</link>.</p></body></article>" },
  { "hide.xml", 1, "<hide><item ref=\"gone\"/><item ref=\"e\"/></hide>" },
};

static CgLibrary *
build (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ("en");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (cg_content_file_free);
  g_autoptr(CgContentBuilder) builder = NULL;
  xmlRelaxNG *schema = cg_xml_schema_acquire ();

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (sources[i].text, strlen (sources[i].text));
      CgContentFile *file = g_new0 (CgContentFile, 1);

      file->path = g_strdup (sources[i].name);
      file->layer = sources[i].layer;
      file->doc = cg_xml_reader_parse (schema, bytes, file->path, G_MAXSIZE, &file->locator,
                                       &file->problem);
      g_assert_null (file->problem);
      g_ptr_array_add (files, file);
    }
  cg_xml_schema_release (schema);

  builder = cg_content_builder_new (library);
  cg_content_builder_read_early (builder, files);
  for (guint i = 0; i < files->len; i++)
    {
      CgContentFile *file = g_ptr_array_index (files, i);
      xmlNode *root = xmlDocGetRootElement (file->doc);

      if (g_str_equal ((const char *) root->name, "article"))
        cg_content_builder_read_items (builder, file);
      /* Documents go as soon as they are read: later checks must not
       * need them. */
      cg_content_file_release (file);
    }
  cg_content_builder_finish (builder);
  cg_library_seal (library);

  return g_steal_pointer (&library);
}

static char *
problems_text (CgLibrary *library)
{
  GPtrArray *problems = cg_library_get_problems (library);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = cg_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (text, "%s\n", line);
    }

  return g_string_free (text, FALSE);
}

static void
test_checks_across_files (void)
{
  g_autoptr(CgLibrary) library = build ();
  g_autofree char *problems = problems_text (library);

  /* The second "a" of one folder is reported where the editor wrote it,
   * naming the first; a topic nobody defined is reported at its article;
   * a link to nothing is reported at the link, even in a file another
   * folder overrides. A hidden topic and a link into what was hidden are
   * quiet: the clinic cannot edit the files that name them. */
  g_assert_cmpstr (problems, ==,
                   "five.xml:1:1: the topic “missing” does not exist\n"
                   "three.xml:3:15: the link points to “nowhere”, which does not exist\n"
                   "two.xml:1:1: the id “a” is already used at one.xml:1\n");
}

static void
test_overrides (void)
{
  g_autoptr(CgLibrary) library = build ();
  CgItem *item;

  /* The first of two "a" in one folder stays. */
  item = cg_library_lookup_item (library, "a");
  g_assert_nonnull (item);
  g_assert_cmpstr (cg_item_get_title (item), ==, "First");
  g_assert_cmpstr (cg_item_get_file (item), ==, "one.xml");

  /* A later folder's "b" replaces the bundled one. */
  item = cg_library_lookup_item (library, "b");
  g_assert_nonnull (item);
  g_assert_cmpstr (cg_item_get_title (item), ==, "Clinic's own");
  g_assert_cmpstr (cg_item_get_file (item), ==, "clinic-b.xml");

  /* Hidden, with its topic or by name; no topic, no article. */
  g_assert_null (cg_library_lookup_item (library, "c"));
  g_assert_null (cg_library_lookup_item (library, "d"));
  g_assert_null (cg_library_lookup_item (library, "e"));
  g_assert_null (cg_library_lookup_topic (library, "gone"));
  g_assert_nonnull (cg_library_lookup_topic (library, "t"));
  g_assert_cmpuint (g_list_model_get_n_items (cg_library_get_items (library)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content-builder/checks-across-files", test_checks_across_files);
  g_test_add_func ("/content-builder/overrides", test_overrides);

  return g_test_run ();
}
