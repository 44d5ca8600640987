/* cg-validate.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-content-loader.h"
#include "cg-content-path.h"
#include "cg-validate.h"

/* `clinic-guide --validate` sees what the application sees. A file is
 * checked with the other files of its folder, on top of the bundled
 * content and the configured folders, and only its own problems are
 * reported: a link to an article in the next file is no problem. A folder
 * is checked in English, then in each language it has a sub-folder for
 * (<folder>/<lang>/), since those are the files readers of that language
 * get. */

typedef struct
{
  char      **load;      /* the folders and files to load, in order */
  GHashTable *only;      /* (nullable): report problems of these files only */
  GPtrArray  *languages; /* codes of the language sub-folders found */
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->load, g_strfreev);
  g_clear_pointer (&plan->only, g_hash_table_unref);
  g_clear_pointer (&plan->languages, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

/* "de", "pt_BR", "sr@latin": what LINGUAS holds; "images" is not one. */
static gboolean
is_language_code (const char *name)
{
  static GRegex *code;

  if (g_once_init_enter (&code))
    g_once_init_leave (&code, g_regex_new ("^[a-z]{2,3}(_[A-Z]{2})?(@[a-z]+)?$", 0, 0, NULL));

  return g_regex_match (code, name, 0, NULL);
}

static gboolean
has_content_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml") && name[0] != '.')
      return TRUE;

  return FALSE;
}

static void
add_languages (GPtrArray  *languages,
               const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *sub = g_build_filename (folder, name, NULL);

      if (is_language_code (name) && !g_str_equal (name, "en") &&
          g_file_test (sub, G_FILE_TEST_IS_DIR) && has_content_files (sub) &&
          !g_ptr_array_find_with_equal_func (languages, name, g_str_equal, NULL))
        g_ptr_array_add (languages, g_strdup (name));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Two files of one folder, however each was typed, load it once. */
static gboolean
has_folder (GPtrArray  *folders,
            const char *folder)
{
  g_autofree char *canonical = g_canonicalize_filename (folder, NULL);

  for (guint i = 0; i < folders->len; i++)
    {
      g_autofree char *other = g_canonicalize_filename (g_ptr_array_index (folders, i), NULL);

      if (g_str_equal (canonical, other))
        return TRUE;
    }

  return FALSE;
}

static void
plan_make (Plan               *plan,
           const char * const *paths)
{
  g_autoptr(GStrvBuilder) load = g_strv_builder_new ();
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);

  plan->languages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      const char *path = paths[i];
      g_autofree char *folder = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          add_languages (plan->languages, path);
          if (!has_folder (folders, path))
            g_ptr_array_add (folders, g_strdup (path));
          continue;
        }

      /* A file: checked with its folder, which its links lead into. A
       * path that is missing is loaded as it is, to be reported. */
      if (plan->only == NULL)
        plan->only = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (plan->only, g_canonicalize_filename (path, NULL));
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
          !g_str_has_suffix (path, ".xml"))
        {
          g_ptr_array_add (folders, g_strdup (path));
          continue;
        }

      folder = g_path_get_dirname (path);
      if (!has_folder (folders, folder))
        g_ptr_array_add (folders, g_steal_pointer (&folder));
    }

  /* Folders named as well stay whole. */
  for (guint i = 0; plan->only != NULL && paths != NULL && paths[i] != NULL; i++)
    if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
      g_hash_table_add (plan->only, g_canonicalize_filename (paths[i], NULL));

  for (guint i = 0; i < folders->len; i++)
    g_strv_builder_add (load, g_ptr_array_index (folders, i));
  plan->load = g_strv_builder_end (load);
  g_ptr_array_sort (plan->languages, compare_strings);
}

static gboolean
plan_reports (const Plan      *plan,
              const CgProblem *problem)
{
  g_autofree char *file = NULL;
  GHashTableIter iter;
  gpointer path;

  if (plan->only == NULL)
    return TRUE;

  /* "faq.xml" as typed is "./faq.xml" once its folder is listed. */
  file = g_canonicalize_filename (problem->file, NULL);
  if (g_hash_table_contains (plan->only, file))
    return TRUE;

  /* Inside a folder that was named. */
  g_hash_table_iter_init (&iter, plan->only);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    if (g_str_has_prefix (file, path) && file[strlen (path)] == G_DIR_SEPARATOR)
      return TRUE;

  return FALSE;
}

/* One problem, one line: a path with a newline, a control character or
 * bytes that are not UTF-8 is written with escapes (\n, \xff), so that
 * scripts and editors that read file:line: messages still can. */
static char *
escape_line (const char *line)
{
  GString *out = g_string_new (NULL);
  const char *p = line;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/* Loads in @language, prints the problems not printed before and the
 * summary line; returns how many problems it printed. */
static guint
check_language (const Plan *plan,
                const char *language,
                gboolean    name_language,
                GHashTable *printed)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autoptr(CgLibrary) library = NULL;
  GListModel *items;
  GPtrArray *problems;
  guint n_articles = 0, n_entries = 0, n_topics, n_problems = 0;

  cg_content_path_setup_loader (loader, (const char * const *) plan->load);
  cg_content_loader_set_language (loader, language);

  library = cg_content_loader_load (loader, NULL);
  problems = cg_library_get_problems (library);

  for (guint i = 0; i < problems->len; i++)
    {
      const CgProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = cg_problem_to_string (problem);
      g_autofree char *escaped = NULL;

      if (!plan_reports (plan, problem))
        continue;
      n_problems++;
      /* An English file read for another language has the same
       * problems again: said once. */
      if (!g_hash_table_add (printed, g_strdup (line)))
        continue;
      escaped = escape_line (line);
      g_printerr ("%s\n", escaped);
    }

  items = cg_library_get_items (library);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (items, i);

      if (CG_IS_ARTICLE (item))
        n_articles++;
      else
        n_entries++;
    }
  n_topics = g_list_model_get_n_items (cg_library_get_topics (library));

  {
    g_autofree char *articles = NULL;
    g_autofree char *entries = NULL;
    g_autofree char *topics = NULL;
    g_autofree char *found = NULL;

    articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n_articles), n_articles);
    entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", n_entries), n_entries);
    topics = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic", "%u topics", n_topics), n_topics);
    if (n_problems == 0)
      found = g_strdup (_("no problems"));
    else
      found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", n_problems),
                               n_problems);

    if (name_language)
      /* Translators: a language code, then a summary as below: "de: 14 articles, …: no problems". */
      g_print (_("%s: %s, %s, %s: %s\n"), language, articles, entries, topics, found);
    else
      /* Translators: a summary such as "14 articles, 32 questions, 8 topics: no problems". */
      g_print (_("%s, %s, %s: %s\n"), articles, entries, topics, found);
  }

  return n_problems;
}

/**
 * cg_validate_run:
 * @paths: (nullable): content folders or files to check on top of the
 *   bundled content, lowest priority first
 * @language: (nullable): the language whose translated content to check;
 *   %NULL or "en" for English and every language sub-folder found
 *
 * `clinic-guide --validate`: every problem as file:line:column: message on
 * standard error, then a one-line summary on standard output, one per
 * language when the folders have language sub-folders.
 *
 * Returns: the exit status: 0 when the content is clean, 1 otherwise
 */
int
cg_validate_run (const char * const *paths,
                 const char         *language)
{
  g_auto(Plan) plan = { 0 };
  g_autoptr(GHashTable) printed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_problems = 0;
  gboolean every = language == NULL || g_str_equal (language, "en");

  plan_make (&plan, paths);

  if (every)
    {
      n_problems += check_language (&plan, "en", plan.languages->len > 0, printed);
      for (guint i = 0; i < plan.languages->len; i++)
        n_problems += check_language (&plan, g_ptr_array_index (plan.languages, i), TRUE, printed);
    }
  else
    n_problems += check_language (&plan, language, FALSE, printed);

  return n_problems == 0 ? 0 : 1;
}
