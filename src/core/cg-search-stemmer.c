/* cg-search-stemmer.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <hunspell/hunspell.h>
#include <libstemmer.h>
#include <string.h>

#include "cg-search-internal.h"

/* Stems and function words
 *
 * "bleed" should find "bleeding", "blizna" should find "blizny". The
 * index keeps the words as written, so that highlights, completions and
 * "Did you mean" show real words; a word typed is searched with every
 * word of the vocabulary that has its stem. Snowball stems English,
 * French, Spanish and Arabic; Polish, which Snowball lacks, is stemmed
 * with Hunspell and its Polish dictionary. A language with neither is
 * searched as written.
 *
 * Function words ("can", "it", "est-ce", "czy", "هل") are read from
 * stopwords/<lang>.txt in the core resources, one or more words a line:
 * a translator adds a language by adding its file. */

#define STOPWORDS_PATH     "/org/clinicguide/ClinicGuide/core/stopwords/"
#define HUNSPELL_DIR       "/usr/share/hunspell/"

struct _CgStemmer
{
  struct sb_stemmer *snowball;
  gboolean           hunspell;   /* the shared Polish dictionary */
};

/* Hunspell's dictionary takes a quarter of a second to load and 20 MB:
 * one for the process, loaded when Polish is first indexed. Its calls are
 * not known to be thread-safe, and indexes may be built on any thread. */
static GMutex hunspell_lock;
static Hunhandle *hunspell;
static char *hunspell_encoding;

static const char *
snowball_name (const char *language)
{
  static const struct { const char *code, *name; } names[] = {
    { "en", "english" }, { "fr", "french" }, { "es", "spanish" }, { "ar", "arabic" },
    { "de", "german" }, { "it", "italian" }, { "pt", "portuguese" }, { "nl", "dutch" },
    { "sv", "swedish" }, { "da", "danish" }, { "nb", "norwegian" }, { "fi", "finnish" },
    { "ru", "russian" }, { "tr", "turkish" }, { "hu", "hungarian" }, { "ro", "romanian" },
  };
  g_autofree char *base = g_strndup (language, strcspn (language, "_-@."));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (base, names[i].code))
      return names[i].name;

  return NULL;
}

static gboolean
ensure_hunspell (const char *language)
{
  g_autofree char *base = g_strndup (language, strcspn (language, "_-@."));
  gboolean ok;

  if (!g_str_equal (base, "pl"))
    return FALSE;

  g_mutex_lock (&hunspell_lock);
  if (hunspell == NULL && g_file_test (HUNSPELL_DIR "pl_PL.dic", G_FILE_TEST_EXISTS))
    {
      hunspell = Hunspell_create (HUNSPELL_DIR "pl_PL.aff", HUNSPELL_DIR "pl_PL.dic");
      hunspell_encoding = g_strdup (Hunspell_get_dic_encoding (hunspell));
    }
  ok = hunspell != NULL;
  g_mutex_unlock (&hunspell_lock);

  return ok;
}

CgStemmer *
cg_search_stemmer_new (const char *language)
{
  const char *name = snowball_name (language);
  CgStemmer *stemmer;

  if (name == NULL && !ensure_hunspell (language))
    return NULL;

  stemmer = g_new0 (CgStemmer, 1);
  if (name != NULL)
    stemmer->snowball = sb_stemmer_new (name, "UTF_8");
  else
    stemmer->hunspell = TRUE;

  if (stemmer->snowball == NULL && !stemmer->hunspell)
    g_clear_pointer (&stemmer, g_free);

  return stemmer;
}

void
cg_search_stemmer_free (CgStemmer *stemmer)
{
  g_clear_pointer (&stemmer->snowball, sb_stemmer_delete);
  g_free (stemmer);
}

/* The first stem Hunspell knows for @word, or %NULL for a word it does
 * not know. */
static char *
hunspell_stem (const char *word)
{
  g_autofree char *encoded = NULL;
  char **stems = NULL;
  char *stem = NULL;
  int n;

  encoded = g_convert (word, -1, hunspell_encoding, "UTF-8", NULL, NULL, NULL);
  if (encoded == NULL)
    return NULL;

  g_mutex_lock (&hunspell_lock);
  n = Hunspell_stem (hunspell, &stems, encoded);
  if (n > 0)
    stem = g_convert (stems[0], -1, "UTF-8", hunspell_encoding, NULL, NULL, NULL);
  if (stems != NULL)
    Hunspell_free_list (hunspell, &stems, n);
  g_mutex_unlock (&hunspell_lock);

  return stem;
}

/* @word: a lowercase word. Returns its stem, or %NULL when the stemmer
 * does not know it (only Hunspell says so). */
char *
cg_search_stemmer_stem (CgStemmer  *stemmer,
                        const char *word)
{
  if (stemmer->snowball != NULL)
    {
      const sb_symbol *stem = sb_stemmer_stem (stemmer->snowball, (const sb_symbol *) word, (int) strlen (word));

      return stem ? g_strndup ((const char *) stem, sb_stemmer_length (stemmer->snowball)) : NULL;
    }

  return hunspell_stem (word);
}

gboolean
cg_search_stemmer_needs_text (CgStemmer *stemmer)
{
  return stemmer->hunspell;
}

/* Function words */

/* One or more function words a line; a line in double quotes is a
 * question frame, words that are function words only together: "work" in
 * "does it work" says how the question is asked, in "back to work" what
 * about. */
GHashTable *
cg_search_load_stopwords (CgSearchIndex  *self,
                          const char     *language,
                          GPtrArray     **frames)
{
  g_autofree char *base = g_strndup (language, strcspn (language, "_-@."));
  g_autofree char *path = g_strconcat (STOPWORDS_PATH, base, ".txt", NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;

  *frames = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (bytes == NULL)
    return words;

  {
    gsize size;
    const char *data = g_bytes_get_data (bytes, &size);
    g_autofree char *text = g_strndup (data, size);

    lines = g_strsplit (text, "\n", -1);
  }
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_autoptr(GArray) tokens = NULL;
      char *line = g_strstrip (lines[l]);

      if (line[0] == '#')
        continue;

      /* Folded as the index folds: "où" is "ou". */
      tokens = cg_search_tokenize (self, line, FTS5_TOKENIZE_DOCUMENT, G_MAXUINT);
      if (line[0] == '"' && tokens->len > 1)
        {
          GStrvBuilder *builder = g_strv_builder_new ();

          for (guint t = 0; t < tokens->len; t++)
            g_strv_builder_add (builder, g_array_index (tokens, Token, t).text);
          g_ptr_array_add (*frames, g_strv_builder_end (builder));
          g_strv_builder_unref (builder);
          continue;
        }

      for (guint t = 0; t < tokens->len; t++)
        g_hash_table_add (words, g_strdup (g_array_index (tokens, Token, t).text));
    }

  return words;
}

gboolean
cg_search_is_function_word (Language   *lang,
                            const char *token)
{
  return lang->stopwords != NULL && g_hash_table_contains (lang->stopwords, token);
}

#define MAX_STEM_FORMS 16   /* a stem with more words than this is too vague to help */

static gboolean
has_digit (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;

  return FALSE;
}

static void
add_form (Language   *lang,
          const char *word,      /* in the vocabulary */
          const char *stem)
{
  GPtrArray *forms;
  char *key;

  if (g_hash_table_contains (lang->word_stems, word))
    return;

  if (!g_hash_table_lookup_extended (lang->stem_forms, stem, (gpointer *) &key, (gpointer *) &forms))
    {
      key = g_strdup (stem);
      forms = g_ptr_array_new ();
      g_hash_table_insert (lang->stem_forms, key, forms);
    }

  if (forms->len < MAX_STEM_FORMS)
    g_ptr_array_add (forms, (gpointer) word);
  g_hash_table_insert (lang->word_stems, (gpointer) word, key);
}

/* Hunspell needs the words as written, diacritics and all, and the index
 * has them folded: "włosów" is "włosow". So the words are read again from
 * the items, folded one by one to find them in the vocabulary. */
static void
add_forms_from_text (CgSearchIndex *self,
                     Language      *lang,
                     const char    *text,
                     GHashTable    *seen)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;
      g_autofree char *stem = NULL;
      g_autoptr(GArray) tokens = NULL;
      VocabTerm *term;

      while (*p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (start == p)
        break;

      word = g_utf8_strdown (start, p - start);
      if (g_hash_table_contains (seen, word))
        continue;
      g_hash_table_add (seen, g_strdup (word));

      tokens = cg_search_tokenize (self, word, FTS5_TOKENIZE_DOCUMENT, 2);
      if (tokens->len != 1)
        continue;
      term = g_hash_table_lookup (lang->vocab_index, g_array_index (tokens, Token, 0).text);
      if (term == NULL)
        continue;

      stem = cg_search_stemmer_stem (lang->stemmer, word);
      add_form (lang, term->text, stem != NULL ? stem : word);
    }
}

/* Groups the words of the vocabulary by stem, replacing any grouping
 * made before: after rows were replaced, the same code a full build runs
 * makes the same groups. */
void
cg_search_build_stems (CgSearchIndex *self,
                       Language      *lang)
{
  /* word_stems first: its keys and values point into the other. */
  g_clear_pointer (&lang->word_stems, g_hash_table_unref);
  g_clear_pointer (&lang->stem_forms, g_hash_table_unref);
  lang->stem_forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  lang->word_stems = g_hash_table_new (g_str_hash, g_str_equal);

  if (lang->stemmer == NULL)
    return;

  if (cg_search_stemmer_needs_text (lang->stemmer))
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < lang->items->len; i++)
        {
          CgItem *item = g_ptr_array_index (lang->items, i);
          const char * const *keywords;
          g_autofree char *body = NULL;

          /* A free slot. */
          if (item == NULL)
            continue;

          keywords = cg_item_get_keywords (item);
          body = cg_document_get_text (cg_item_get_document (item));

          add_forms_from_text (self, lang, cg_item_get_title (item), seen);
          for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++)
            add_forms_from_text (self, lang, keywords[k], seen);
          if (CG_IS_ARTICLE (item) && cg_article_get_summary (CG_ARTICLE (item)) != NULL)
            add_forms_from_text (self, lang, cg_article_get_summary (CG_ARTICLE (item)), seen);
          if (body != NULL)
            add_forms_from_text (self, lang, body, seen);
        }
      return;
    }

  for (guint t = 0; t < lang->n_vocab; t++)
    {
      const char *word = lang->vocab[t].text;
      g_autofree char *stem = NULL;

      if (has_digit (word))
        continue;

      stem = cg_search_stemmer_stem (lang->stemmer, word);
      if (stem != NULL)
        add_form (lang, word, stem);
    }
}

/* The words of the vocabulary with the stem of @token (folded, as the
 * index has it; @typed is the same word as typed, for Hunspell), or
 * %NULL. */
GPtrArray *
cg_search_stem_forms (Language   *lang,
                      const char *token,
                      const char *typed)
{
  g_autofree char *lower = NULL;
  g_autofree char *stem = NULL;
  const char *known;

  if (lang->stemmer == NULL)
    return NULL;

  known = g_hash_table_lookup (lang->word_stems, token);
  if (known != NULL)
    return g_hash_table_lookup (lang->stem_forms, known);

  lower = g_utf8_strdown (cg_search_stemmer_needs_text (lang->stemmer) && typed != NULL ? typed : token, -1);
  stem = cg_search_stemmer_stem (lang->stemmer, lower);

  return stem != NULL ? g_hash_table_lookup (lang->stem_forms, stem) : NULL;
}
