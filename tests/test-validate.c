/* test-validate.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

/* `clinic-guide --validate [DIR|FILE…]` as a content editor runs it (the
 * built program, spawned): one line per problem on standard error, in the
 * form file:line:column: message, a summary on standard output, and an
 * exit status a script can test. The program comes from $CLINIC_GUIDE. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_validate (Run         *run,
              const char  *first,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("CLINIC_GUIDE");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (program);

  g_ptr_array_add (argv, (char *) program);
  g_ptr_array_add (argv, (char *) "--validate");
  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) path);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &error))
    run->status = 0;
  else
    {
      /* Killed by a signal is no exit status at all. */
      g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
      run->status = error->code;
    }

  g_test_message ("stdout: %s", run->out);
  g_test_message ("stderr: %s", run->err);
}

/* The program with any arguments: the command-line contract. */
static void
run_program (Run                *run,
             const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("CLINIC_GUIDE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;

  g_test_message ("stdout: %s", run->out);
  g_test_message ("stderr: %s", run->err);
}

/* "21 articles, 54 questions, 8 topics: no problems" */
static void
parse_summary (const char *out,
               guint      *articles,
               guint      *questions,
               guint      *topics)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  /* One line, then the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[1], ==, "");
  g_assert_cmpint (sscanf (lines[0], "%u articles, %u questions, %u topics", articles, questions, topics), ==, 3);
}

/* Every line is file:line:column: message; returns the file of each. */
static GPtrArray *
parse_problems (const char *err)
{
  g_autoptr(GRegex) regex = g_regex_new ("^(.+):([1-9][0-9]*):([1-9][0-9]*): (\\S.*)$", 0, 0, NULL);
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  guint n = g_strv_length (lines);

  if (err[0] == '\0')
    return files;

  /* Each problem ends its line; nothing follows the last one. */
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (lines[n - 1], ==, "");

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_regex_match (regex, lines[i], 0, &match))
        g_error ("Not a located problem: “%s”", lines[i]);
      g_ptr_array_add (files, g_match_info_fetch (match, 1));
    }

  return files;
}

static guint
count (GPtrArray  *files,
       const char *file)
{
  guint n = 0;

  for (guint i = 0; i < files->len; i++)
    if (g_str_equal (g_ptr_array_index (files, i), file))
      n++;

  return n;
}

static void
test_bundled_content (void)
{
  g_auto(Run) run = { 0 };
  guint articles, questions, topics;

  /* The content that ships is clean: a clinic that sees problems knows
   * they are its own. */
  run_validate (&run, NULL);

  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  parse_summary (run.out, &articles, &questions, &topics);
  g_assert_cmpuint (articles, >, 0);
  g_assert_cmpuint (questions, >, 0);
  g_assert_cmpuint (topics, >, 0);
  g_assert_true (g_str_has_suffix (run.out, ": no problems\n"));
}

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

/* The hostile files too big or too machine-specific to commit. */
static GPtrArray *
write_generated (const char *folder,
                 const char *secret)
{
  GPtrArray *names = g_ptr_array_new ();
  g_autofree char *secret_path = g_build_filename (folder, "secret.txt", NULL);
  g_autofree char *text = NULL;
  GString *big;

  write_file (folder, "secret.txt", secret, -1);

  text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE article [ <!ENTITY secret SYSTEM \"file://%s\"> ]>\n"
                          "<article id=\"external-entity\" topic=\"hostile\"><title>&secret;</title>"
                          "<summary>&secret;</summary><review date=\"2026-05-01\" by=\"x\"/>"
                          "<body><p>&secret;</p></body></article>\n", secret_path);
  write_file (folder, "external-entity.xml", text, -1);
  g_ptr_array_add (names, (char *) "external-entity.xml");

  big = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE article [\n <!ENTITY l0 \"lol\">\n");
  for (guint i = 1; i < 10; i++)
    {
      g_string_append_printf (big, " <!ENTITY l%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (big, "&l%u;", i - 1);
      g_string_append (big, "\">\n");
    }
  g_string_append (big, "]>\n<article id=\"laughs\" topic=\"hostile\"><title>&l9;</title></article>\n");
  write_file (folder, "billion-laughs.xml", big->str, big->len);
  g_string_free (big, TRUE);
  g_ptr_array_add (names, (char *) "billion-laughs.xml");

  big = g_string_new ("<article id=\"deep\" topic=\"hostile\"><title>Deep</title><summary>S</summary>"
                      "<review date=\"2026-05-01\" by=\"x\"/><body><p>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (big, "<em>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (big, "</em>");
  g_string_append (big, "</p></body></article>\n");
  write_file (folder, "deep-nesting.xml", big->str, big->len);
  g_string_free (big, TRUE);
  g_ptr_array_add (names, (char *) "deep-nesting.xml");

  big = g_string_new ("<article id=\"large\" topic=\"hostile\"><title>Large</title><summary>S</summary>"
                      "<review date=\"2026-05-01\" by=\"x\"/><body><p>");
  while (big->len <= 4 * 1024 * 1024)
    g_string_append (big, "All work and no play makes a large file. ");
  g_string_append (big, "</p></body></article>\n");
  write_file (folder, "too-large.xml", big->str, big->len);
  g_string_free (big, TRUE);
  g_ptr_array_add (names, (char *) "too-large.xml");

  return names;
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
test_hostile_folder (void)
{
  g_autofree char *hostile = g_test_build_filename (G_TEST_DIST, "data", "loader", "hostile", NULL);
  g_autofree char *secret = g_strdup_printf ("SECRET-%08x%08x", g_random_int (), g_random_int ());
  g_autoptr(GError) error = NULL;
  g_autofree char *generated = g_dir_make_tmp ("cg-test-validate-XXXXXX", &error);
  g_autoptr(GPtrArray) generated_names = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GDir) dir = NULL;
  g_auto(Run) bundled = { 0 };
  g_auto(Run) run = { 0 };
  guint articles, questions, topics;
  guint bundled_articles, bundled_questions, bundled_topics;
  guint n_bad = 0, n_ours = 0;
  const char *name;

  g_assert_no_error (error);
  generated_names = write_generated (generated, secret);

  run_validate (&bundled, NULL);
  parse_summary (bundled.out, &bundled_articles, &bundled_questions, &bundled_topics);

  run_validate (&run, hostile, generated, NULL);
  g_assert_cmpint (run.status, ==, 1);
  files = parse_problems (run.err);

  /* In the committed folder, topics.xml, good.xml and duplicate-a.xml are
   * good; every other file has exactly one problem, reported once. */
  dir = g_dir_open (hostile, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (hostile, name, NULL);

      if (!g_str_has_suffix (name, ".xml"))
        continue;

      if (g_str_equal (name, "topics.xml") || g_str_equal (name, "good.xml") ||
          g_str_equal (name, "duplicate-a.xml"))
        g_assert_cmpuint (count (files, path), ==, 0);
      else
        {
          if (count (files, path) != 1)
            g_error ("%u problems for %s, not one", count (files, path), path);
          n_bad++;
        }
    }
  g_assert_cmpuint (n_bad, >=, 15);

  for (guint i = 0; i < generated_names->len; i++)
    {
      g_autofree char *path = g_build_filename (generated, g_ptr_array_index (generated_names, i), NULL);

      g_assert_cmpuint (count (files, path), ==, 1);
      n_bad++;
    }

  /* Nothing else about these folders. */
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);

      if (g_str_has_prefix (file, hostile) || g_str_has_prefix (file, generated))
        n_ours++;
    }
  g_assert_cmpuint (n_ours, ==, n_bad);

  /* The good files loaded: the topic, the good article and the articles
   * whose problem does not stop them being read (a dangling link, a
   * missing picture or price, the UTF-16 file, the first of two with one
   * id). */
  parse_summary (run.out, &articles, &questions, &topics);
  g_assert_cmpuint (topics, ==, bundled_topics + 1);
  g_assert_cmpuint (articles, ==, bundled_articles + 7);
  g_assert_cmpuint (questions, ==, bundled_questions);

  g_assert_null (strstr (run.out, secret));
  g_assert_null (strstr (run.err, secret));

  remove_folder (generated);
}

static void
test_single_files (void)
{
  g_autofree char *topics_file = g_test_build_filename (G_TEST_DIST, "data", "loader", "hostile", "topics.xml", NULL);
  g_autofree char *bad_file = g_test_build_filename (G_TEST_DIST, "data", "loader", "hostile", "truncated.xml", NULL);
  g_autofree char *missing = g_test_build_filename (G_TEST_DIST, "data", "loader", "hostile", "no-such-file.xml", NULL);
  g_autofree char *expected = NULL;
  g_auto(Run) good = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) absent = { 0 };
  g_autoptr(GPtrArray) files = NULL;

  /* A content editor checks the one file being edited. */
  run_validate (&good, topics_file, NULL);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_cmpstr (good.err, ==, "");

  run_validate (&bad, bad_file, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  expected = g_strdup_printf ("%s:5:35: not well-formed XML: AttValue: ' expected\n", bad_file);
  g_assert_cmpstr (bad.err, ==, expected);

  /* A mistyped path is a problem too, not a clean bill of health. */
  run_validate (&absent, missing, NULL);
  g_assert_cmpint (absent.status, ==, 1);
  files = parse_problems (absent.err);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, missing);
}

/* translators and editors (F12): a file is checked with the other files
 * of its folder, as the application reads it. */
static void
test_file_in_its_folder (void)
{
  g_autofree char *faq = g_test_build_filename (G_TEST_DIST, "data", "mistakes", "context", "faq-parking.xml", NULL);
  g_auto(Run) run = { 0 };
  guint articles, questions, topics;

  run_validate (&run, faq, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  parse_summary (run.out, &articles, &questions, &topics);
}

/* A folder's language sub-folders are what readers of that language get:
 * checked too, with a summary for each language. */
static void
test_language_folders (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "mistakes", "translation", NULL);
  g_autofree char *french = g_build_filename (folder, "fr", "parking.xml", NULL);
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_validate (&run, folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:6:33: a lone “&” is not allowed in XML: write &amp; or “and”\n", french);
  g_assert_cmpstr (run.err, ==, expected);

  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "en: "));
  g_assert_true (g_str_has_suffix (lines[0], ": no problems"));
  g_assert_true (g_str_has_prefix (lines[1], "fr: "));
  g_assert_true (g_str_has_suffix (lines[1], ": 1 problem"));
}

/* A clinic.xml with only what it must have: every sentence that needs an
 * e-mail, a website, online booking or a price is left out, and the
 * check has nothing to say about the bundled content. */
static void
test_clinic_without_optional_fields (void)
{
  /* Without e-mail, website and booking; and without prices too. */
  static const char * const fixtures[] = { "minimal-clinic", "required-only-clinic" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", fixtures[i], NULL);
      g_auto(Run) run = { 0 };

      run_validate (&run, dir, NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_nonnull (strstr (run.out, ": no problems"));
      g_assert_cmpint (run.status, ==, 0);
    }
}

/* 0 found or clean, 1 nothing found or problems, 2 a usage error whose
 * message names the option. */
static void
test_exit_codes (void)
{
  static const struct
  {
    const char *args[6];
    int         status;
    const char *in_err;
  } cases[] = {
    { { "--search", "skin", NULL }, 0, NULL },
    { { "--search", "zzzqqqxxx", NULL }, 1, "zzzqqqxxx" },
    { { "--search", "skin", "--limit", "abc", NULL }, 2, "--limit" },
    { { "--search", "skin", "--limit", "99999999999", NULL }, 2, "--limit" },
    { { "--search", "skin", "--limit", "-3", NULL }, 2, "--limit" },
    { { "--bogus", NULL }, 2, "--bogus" },
    { { "--lang", "f\xffr", "--search", "skin", NULL }, 2, "--lang" },
    { { "--idle-timeout", "-1", NULL }, 2, "--idle-timeout" },
    { { "--search", "skin", "--content-dir", "/nonexistent-cg", NULL }, 2, "--content-dir" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_program (&run, cases[i].args);
      g_assert_cmpint (run.status, ==, cases[i].status);
      if (cases[i].in_err != NULL)
        g_assert_nonnull (strstr (run.err, cases[i].in_err));
    }
}

/* A PC installed with only the C locale: --lang fr still answers in French,
 * with its accents, not question marks. */
static void
test_french_under_c_locale (void)
{
  const char *args[] = { "--lang", "fr", "--search", "cicatrices", "--limit", "3", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  envp = g_environ_setenv (envp, "LC_ALL", "C", TRUE);
  envp = g_environ_unsetenv (envp, "LANG");
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_ptr_array_add (argv, (char *) g_getenv ("CLINIC_GUIDE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("stdout: %s", out);

  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_null (g_strstr_len (out, -1, "d?"));  /* « d’effets » or « d’acné » as ASCII */
  g_assert_nonnull (strstr (out, "cicatrices"));
  g_assert_nonnull (strstr (out, "\u00e8"));  /* è, as in « pénètrent » */
}

/* One line per problem: a path with a newline or bytes that are not UTF-8
 * is escaped; a name too long for the system says so. */
static void
test_problem_lines (void)
{
  g_autofree char *long_name = g_strnfill (5000, 'a');
  g_autofree char *long_path = g_strconcat ("/tmp/", long_name, NULL);
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_validate (&run, "/nonexistent-cg/a\nb", "/nonexistent-cg/\xff", long_path, NULL);
  lines = g_strsplit (run.err, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 4);  /* three lines and the empty rest */
  g_assert_cmpstr (lines[0], ==, "/nonexistent-cg/a\\nb:1:1: does not exist");
  g_assert_cmpstr (lines[1], ==, "/nonexistent-cg/\\xff:1:1: does not exist");
  g_assert_true (g_utf8_validate (run.err, -1, NULL));
  g_assert_nonnull (strstr (lines[2], "File name too long"));
  g_assert_cmpint (run.status, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/bundled-content", test_bundled_content);
  g_test_add_func ("/validate/hostile-folder", test_hostile_folder);
  g_test_add_func ("/validate/single-files", test_single_files);
  g_test_add_func ("/validate/clinic-without-optional-fields", test_clinic_without_optional_fields);
  g_test_add_func ("/validate/exit-codes", test_exit_codes);
  g_test_add_func ("/validate/problem-lines", test_problem_lines);
  g_test_add_func ("/validate/french-under-c-locale", test_french_under_c_locale);

  g_test_add_func ("/validate/file-in-its-folder", test_file_in_its_folder);
  g_test_add_func ("/validate/language-folders", test_language_folders);

  return g_test_run ();
}
