/* cg-bench-corpus.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cg-bench-corpus.h"

/* A synthetic library in the real content format, the same every run for
 * a given seed: articles of about 400 words with sections, lists and
 * notes, plus FAQ files, a topics file and a synonyms file.
 *
 * The words imitate real text: common function words, a clinic
 * vocabulary (so that the benchmark's queries find something), and a long
 * tail of made-up words drawn with a Zipf distribution, which is what
 * gives a real index its large vocabulary and its frequent and rare
 * terms. */

#define N_PSEUDO_WORDS   20000
#define ARTICLE_WORDS    400
#define N_TOPICS         10

static const char * const function_words[] = {
  "the", "of", "and", "to", "a", "in", "is", "it", "you", "that", "for", "on", "with",
  "as", "are", "be", "this", "your", "or", "can", "by", "at", "from", "not", "have",
  "will", "may", "after", "more", "about", "some", "which", "when", "how", "what",
  "there", "their", "they", "do", "if", "into", "most", "than", "also", "other",
  "only", "its", "usually", "each", "over", "time", "back", "does", "until", "long",
};

static const char * const clinic_words[] = {
  "microneedling", "collagen", "induction", "therapy", "needle", "needles", "scar",
  "scars", "acne", "redness", "swelling", "treatment", "session", "sessions",
  "clinician", "practitioner", "consultation", "aftercare", "sunscreen", "numbing",
  "cream", "pain", "hurt", "discomfort", "recovery", "downtime", "results", "texture",
  "wrinkles", "lines", "pigmentation", "stretch", "marks", "hair", "loss", "alopecia",
  "sweating", "hyperhidrosis", "infection", "bleeding", "bruising", "peeling",
  "dryness", "moisturiser", "cleanser", "retinol", "pregnancy", "eczema", "psoriasis",
  "rosacea", "herpes", "keloid", "laser", "resurfacing", "chemical", "peel",
  "dermaroller", "dermapen", "device", "depth", "serum", "growth", "factors",
  "elastin", "fibroblast", "wound", "healing", "inflammation", "sterile", "hygiene",
  "booking", "appointment", "price", "cost", "clinic", "consent", "photos",
  "forehead", "cheeks", "chin", "neck", "scalp", "face", "arms", "thighs", "abdomen",
  "skin", "work", "week", "weeks", "day", "days", "months", "course", "evidence",
  "risk", "risks", "side", "effects", "gentle", "tender", "warm", "tight", "mild",
};

static const char * const consonants[] = {
  "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
  "br", "cl", "dr", "gr", "pl", "st", "tr", "sh", "ch", "th",
};
static const char * const vowels[] = { "a", "e", "i", "o", "u", "ai", "ea", "io", "ou" };
static const char * const endings[] = { "", "", "", "n", "r", "s", "l", "m", "t", "x" };

typedef struct
{
  guint64  state;
} Random;

/* splitmix64: tiny, fast, and the same on every platform. */
static guint64
random_next (Random *random)
{
  guint64 z = (random->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static guint
random_below (Random *random,
              guint   n)
{
  return (guint) (random_next (random) % n);
}

static double
random_unit (Random *random)
{
  return (double) (random_next (random) >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53);
}

typedef struct
{
  char   **words;
  double  *cumulative;   /* Zipf weights, summed */
  guint    n_words;
} Vocabulary;

static Vocabulary *
vocabulary_get (void)
{
  static gsize initialized;
  static Vocabulary vocabulary;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      Random random = { 0x5eed };
      double total = 0.0;

      vocabulary.words = g_new0 (char *, N_PSEUDO_WORDS + 1);
      vocabulary.cumulative = g_new0 (double, N_PSEUDO_WORDS);

      while (vocabulary.n_words < N_PSEUDO_WORDS)
        {
          GString *word = g_string_new (NULL);
          guint n_syllables = 2 + random_below (&random, 3);

          for (guint s = 0; s < n_syllables; s++)
            {
              g_string_append (word, consonants[random_below (&random, G_N_ELEMENTS (consonants))]);
              g_string_append (word, vowels[random_below (&random, G_N_ELEMENTS (vowels))]);
            }
          g_string_append (word, endings[random_below (&random, G_N_ELEMENTS (endings))]);

          if (g_hash_table_contains (seen, word->str))
            {
              g_string_free (word, TRUE);
              continue;
            }

          vocabulary.words[vocabulary.n_words] = g_string_free (word, FALSE);
          g_hash_table_add (seen, vocabulary.words[vocabulary.n_words]);
          total += 1.0 / (double) (vocabulary.n_words + 1);
          vocabulary.cumulative[vocabulary.n_words] = total;
          vocabulary.n_words++;
        }

      for (guint i = 0; i < vocabulary.n_words; i++)
        vocabulary.cumulative[i] /= total;

      g_once_init_leave (&initialized, 1);
    }

  return &vocabulary;
}

/**
 * cg_bench_corpus_pseudo_word:
 * @rank: 0 for the commonest made-up word
 *
 * Returns: a word of the synthetic vocabulary, for queries
 */
const char *
cg_bench_corpus_pseudo_word (guint rank)
{
  Vocabulary *vocabulary = vocabulary_get ();

  return vocabulary->words[MIN (rank, vocabulary->n_words - 1)];
}

static const char *
pseudo_word (Random *random)
{
  Vocabulary *vocabulary = vocabulary_get ();
  double u = random_unit (random);
  guint low = 0, high = vocabulary->n_words - 1;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (vocabulary->cumulative[middle] < u)
        low = middle + 1;
      else
        high = middle;
    }

  return vocabulary->words[low];
}

/* Roughly the mix of running text: half function words, a tenth of the
 * subject's own words, the rest the long tail. */
static const char *
any_word (Random *random)
{
  double u = random_unit (random);

  if (u < 0.45)
    {
      /* Function words are Zipfian among themselves too. */
      guint i = random_below (random, G_N_ELEMENTS (function_words));
      return function_words[random_below (random, i + 1)];
    }
  if (u < 0.55)
    return clinic_words[random_below (random, G_N_ELEMENTS (clinic_words))];

  return pseudo_word (random);
}

static void
append_words (GString *out,
              Random  *random,
              guint    n_words,
              guint   *counter,
              gboolean sentence)
{
  for (guint i = 0; i < n_words; i++)
    {
      const char *word = any_word (random);

      if (i > 0)
        g_string_append_c (out, ' ');

      if (sentence && i == 0)
        {
          g_string_append_unichar (out, g_unichar_toupper (word[0]));
          g_string_append (out, word + 1);
        }
      else
        g_string_append (out, word);

      /* Sentences of about twelve words. */
      if (sentence && i + 1 < n_words && random_below (random, 12) == 0)
        g_string_append_c (out, '.');
    }

  if (sentence)
    g_string_append_c (out, '.');

  if (counter != NULL)
    *counter += n_words;
}

static void
append_keywords (GString *out,
                 Random  *random)
{
  guint n = 2 + random_below (random, 4);

  g_string_append (out, "  <keywords>\n");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, "    <keyword>");
      if (random_below (random, 2) == 0)
        g_string_append (out, clinic_words[random_below (random, G_N_ELEMENTS (clinic_words))]);
      else
        g_string_append (out, pseudo_word (random));
      g_string_append (out, "</keyword>\n");
    }
  g_string_append (out, "  </keywords>\n");
}

static char *
article_xml (Random *random,
             guint   number,
             guint   n_articles)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  guint words = 0;
  guint section = 0;

  g_string_append_printf (out, "<article id=\"article-%u\" topic=\"topic-%u\" order=\"%u\">\n",
                          number, number % N_TOPICS, number);
  g_string_append (out, "  <title>");
  append_words (out, random, 3 + random_below (random, 5), NULL, TRUE);
  g_string_append (out, "</title>\n  <summary>");
  append_words (out, random, 15 + random_below (random, 10), &words, TRUE);
  g_string_append (out, "</summary>\n");
  append_keywords (out, random);
  g_string_append (out, "  <review date=\"2026-11-02\" by=\"Benchmark generator\"/>\n  <body>\n    <p>");
  append_words (out, random, 40, &words, TRUE);
  g_string_append (out, "</p>\n");

  while (words < ARTICLE_WORDS)
    {
      g_string_append (out, "    <section>\n      <title>");
      append_words (out, random, 2 + random_below (random, 4), &words, FALSE);
      g_string_append (out, "</title>\n      <p>");
      append_words (out, random, 40 + random_below (random, 40), &words, TRUE);

      /* Inline markup and links, as real articles have. */
      g_string_append (out, " Read <link ref=\"");
      g_string_append_printf (out, "article-%u", random_below (random, n_articles));
      g_string_append (out, "\">");
      append_words (out, random, 3, &words, FALSE);
      g_string_append (out, "</link> or ask <em>your clinician</em>.</p>\n");

      if (section % 3 == 1)
        {
          g_string_append (out, "      <list type=\"bullet\">\n");
          for (guint i = 0; i < 3; i++)
            {
              g_string_append (out, "        <item>");
              append_words (out, random, 6 + random_below (random, 8), &words, TRUE);
              g_string_append (out, "</item>\n");
            }
          g_string_append (out, "      </list>\n");
        }
      else if (section % 3 == 2)
        {
          g_string_append (out, "      <note kind=\"info\">\n        <title>");
          append_words (out, random, 3, &words, FALSE);
          g_string_append (out, "</title>\n        <p>");
          append_words (out, random, 20, &words, TRUE);
          g_string_append (out, "</p>\n      </note>\n");
        }

      g_string_append (out, "    </section>\n");
      section++;
    }

  g_string_append (out, "  </body>\n");
  g_string_append_printf (out, "  <related ref=\"article-%u\"/>\n", random_below (random, n_articles));
  g_string_append (out, "</article>\n");

  return g_string_free (out, FALSE);
}

static char *
faq_xml (Random *random,
         guint   number,
         guint   n_entries,
         guint   n_articles)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<faq>\n");

  for (guint e = 0; e < n_entries; e++)
    {
      g_string_append_printf (out, "  <entry id=\"faq-%u-%u\" topic=\"topic-%u\">\n    <question>",
                              number, e, (number + e) % N_TOPICS);
      append_words (out, random, 5 + random_below (random, 6), NULL, FALSE);
      g_string_append (out, "?</question>\n");
      append_keywords (out, random);
      g_string_append (out, "    <answer>\n      <p>");
      append_words (out, random, 40 + random_below (random, 40), NULL, TRUE);
      g_string_append (out, "</p>\n    </answer>\n");
      g_string_append_printf (out, "    <related ref=\"article-%u\"/>\n", random_below (random, n_articles));
      g_string_append (out, "  </entry>\n");
    }

  g_string_append (out, "</faq>\n");

  return g_string_free (out, FALSE);
}

static char *
topics_xml (void)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<topics>\n");

  for (guint t = 0; t < N_TOPICS; t++)
    g_string_append_printf (out,
                            "  <topic id=\"topic-%u\" icon=\"help-about-symbolic\">\n"
                            "    <title>Topic %u</title>\n"
                            "    <summary>Articles of topic %u.</summary>\n"
                            "  </topic>\n", t, t, t);

  g_string_append (out, "</topics>\n");

  return g_string_free (out, FALSE);
}

static const char synonyms_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<synonyms>\n"
  "  <group><term>microneedling</term><term>collagen induction therapy</term>"
  "<term>dermaroller</term><term>dermapen</term><term>skin needling</term></group>\n"
  "  <group><term>hair loss</term><term>alopecia</term><term>balding</term>"
  "<term>thinning hair</term></group>\n"
  "  <group><term>sweating</term><term>hyperhidrosis</term></group>\n"
  "  <group><term>pain</term><term>hurt</term><term>discomfort</term><term>sore</term></group>\n"
  "  <group><term>downtime</term><term>recovery time</term><term>time off work</term></group>\n"
  "  <group><term>scar</term><term>scars</term><term>scarring</term></group>\n"
  "</synonyms>\n";

static gboolean
write_file (const char  *dir,
            const char  *name,
            const char  *contents,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_set_contents (path, contents, -1, error);
}

/**
 * cg_bench_corpus_write:
 * @dir: an existing, empty folder
 * @n_articles: how many articles
 * @n_entries: (out) (optional): how many FAQ entries were written
 *
 * Writes the corpus: @n_articles articles and about three FAQ entries for
 * every ten articles, in files of ten entries.
 */
gboolean
cg_bench_corpus_write (const char  *dir,
                       guint        n_articles,
                       guint64      seed,
                       guint       *n_entries,
                       GError     **error)
{
  g_autofree char *topics = topics_xml ();
  Random random = { seed };
  guint total_entries = MAX (n_articles * 3 / 10, 1);
  guint written = 0;

  if (!write_file (dir, "topics.xml", topics, error) ||
      !write_file (dir, "synonyms.xml", synonyms_xml, error))
    return FALSE;

  for (guint i = 0; i < n_articles; i++)
    {
      g_autofree char *xml = article_xml (&random, i, n_articles);
      g_autofree char *name = g_strdup_printf ("article-%05u.xml", i);

      if (!write_file (dir, name, xml, error))
        return FALSE;
    }

  for (guint f = 0; written < total_entries; f++)
    {
      guint n = MIN (10, total_entries - written);
      g_autofree char *xml = faq_xml (&random, f, n, n_articles);
      g_autofree char *name = g_strdup_printf ("faq-%05u.xml", f);

      if (!write_file (dir, name, xml, error))
        return FALSE;
      written += n;
    }

  if (n_entries != NULL)
    *n_entries = written;

  return TRUE;
}
