/* cg-take-home.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-article.h"
#include "cg-page-text.h"
#include "cg-plain-text.h"
#include "cg-qr-code.h"
#include "cg-take-home.h"

/* "Take it home": the text that a QR code carries to a patient's phone,
 * where the camera shows it with no network, no app and no account.
 *
 * The whole answer goes in when it fits the largest code a phone reads
 * from the screen at arm's length (CG_QR_CODE_MAX_VERSION). When it does
 * not, the answer becomes its title, its first paragraph and its key
 * points (its editor's <takeaway>, or else its headings), each whole or
 * not at all: the first paragraph is cut
 * only after a sentence, never inside one. When the first paragraph
 * leaves no room for any key point, an article's <summary> replaces it. The clinic's name and phone and
 * the review line close the text in both forms. */

#define LRI "\xe2\x81\xa6"  /* U+2066 LEFT-TO-RIGHT ISOLATE */
#define FSI "\xe2\x81\xa8"  /* U+2068 FIRST STRONG ISOLATE */
#define PDI "\xe2\x81\xa9"  /* U+2069 POP DIRECTIONAL ISOLATE */
#define RLM "\xe2\x80\x8f"  /* U+200F RIGHT-TO-LEFT MARK */

/* Phone numbers, web and e-mail addresses: runs that read left to right
 * even inside Arabic. */
#define LTR_RUN_PATTERN \
  "(?:https?://|www\\.)[^\\s()]+" \
  "|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+" \
  "|\\+?[0-9][0-9 ()./-]{4,}[0-9]"

typedef struct
{
  gboolean  right_to_left;
  char     *footer;
} Composer;

/* A phone shows each line of the text as a paragraph of its own, and
 * guesses its direction from its first letter: a line of Arabic that
 * starts with the clinic's name or a number would read left to right. So
 * each line starts with a right-to-left mark, and numbers and addresses
 * are isolated, so that "+1 555 0142" keeps its order (see NOTES.md:
 * Pango does the same with the same marks). */
static char *
add_direction_marks (const char *text)
{
  static GRegex *ltr_run;
  g_autofree char *isolated = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  if (g_once_init_enter (&ltr_run))
    g_once_init_leave (&ltr_run, g_regex_new (LTR_RUN_PATTERN, 0, 0, NULL));

  isolated = g_regex_replace (ltr_run, text, -1, 0, LRI "\\0" PDI, 0, NULL);
  lines = g_strsplit (isolated != NULL ? isolated : text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      if (lines[i][0] != '\0')
        g_string_append (out, RLM);
      g_string_append (out, lines[i]);
    }

  return g_string_free (out, FALSE);
}

/* The text as the code would carry it, or %NULL when it is too long. */
static char *
composer_finish (Composer   *composer,
                 const char *body)
{
  g_autofree char *text = g_strconcat (body, "\n\n", composer->footer, NULL);

  if (composer->right_to_left)
    {
      g_autofree char *marked = add_direction_marks (text);

      g_free (text);
      text = g_steal_pointer (&marked);
    }

  if (!cg_qr_code_fits (text, CG_QR_CODE_MAX_VERSION))
    return NULL;

  return g_steal_pointer (&text);
}

static char *
make_footer (CgClinic   *clinic,
             const char *review,
             gboolean    right_to_left)
{
  GString *footer = g_string_new (NULL);
  const char *name = clinic != NULL ? cg_clinic_get_name (clinic) : NULL;
  const char *phone = clinic != NULL ? cg_clinic_get_phone (clinic) : NULL;

  /* A clinic's name may be in Latin letters inside an Arabic text: it
   * keeps its own direction, and its brackets stay where they belong. */
  if (name != NULL && name[0] != '\0')
    g_string_append_printf (footer, right_to_left ? FSI "%s" PDI "\n" : "%s\n", name);
  if (phone != NULL && phone[0] != '\0')
    g_string_append_printf (footer, "%s\n", phone);
  if (review != NULL && review[0] != '\0')
    g_string_append_printf (footer, "%s\n", review);

  /* No final newline: a phone shows it as an empty line. */
  while (footer->len > 0 && footer->str[footer->len - 1] == '\n')
    g_string_truncate (footer, footer->len - 1);

  return g_string_free (footer, FALSE);
}

/* Where each sentence of @text ends, in bytes: after its full stop (in any
 * of our languages' scripts) and any closing quote or bracket, before the
 * space that follows; the last is the end of the paragraph. */
static GArray *
find_sentence_ends (const char *text)
{
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *after = g_utf8_next_char (p);

      if (c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */ ||
          c == 0x061F /* ؟ */ || c == 0x06D4 /* ۔ */ || c == 0x3002 /* 。 */)
        {
          while (*after != '\0' && strchr ("\"')]»", *after) != NULL)
            after++;
          if (*after == '\0' || g_unichar_isspace (g_utf8_get_char (after)))
            {
              gsize end = (gsize) (after - text);

              g_array_append_val (ends, end);
            }
        }
      p = after;
    }

  /* The whole paragraph, even when it does not end with a full stop. */
  if (ends->len == 0 || g_array_index (ends, gsize, ends->len - 1) != (gsize) (p - text))
    {
      gsize end = (gsize) (p - text);

      g_array_append_val (ends, end);
    }

  return ends;
}

static const CgBlock *
find_first_paragraph (CgDocument *document)
{
  for (guint i = 0; i < cg_document_get_n_blocks (document); i++)
    {
      const CgBlock *block = cg_document_get_block (document, i);

      if (block->kind == CG_BLOCK_PARAGRAPH && block->note == CG_NOTE_NONE && block->level == 0)
        return block;
    }

  return NULL;
}

/* The title, then as much of @summary as fits in whole sentences, then the
 * key points that fit, in order: the <takeaway> items, or the headings;
 * @n_points is set to how many. */
static char *
make_short_text (Composer   *composer,
                 CgItem     *item,
                 const char *summary,
                 guint      *n_points)
{
  CgDocument *document = cg_item_get_document (item);
  const char * const *takeaway = cg_item_get_takeaway (item);
  g_autoptr(GString) body = g_string_new (cg_item_get_title (item));
  g_autofree char *best = composer_finish (composer, body->str);

  *n_points = 0;

  /* Not even the title and the clinic: no code. */
  if (best == NULL)
    return NULL;

  if (summary != NULL && summary[0] != '\0')
    {
      g_autoptr(GArray) ends = find_sentence_ends (summary);
      gsize title_len = body->len;

      for (guint i = ends->len; i > 0; i--)
        {
          g_autofree char *text = NULL;

          g_string_truncate (body, title_len);
          g_string_append (body, "\n\n");
          g_string_append_len (body, summary, (gssize) g_array_index (ends, gsize, i - 1));
          text = composer_finish (composer, body->str);
          if (text != NULL)
            {
              g_free (best);
              best = g_steal_pointer (&text);
              break;
            }
          g_string_truncate (body, title_len);
        }
    }

  /* The key points its editor wrote, or else its headings. */
  for (guint i = 0; takeaway != NULL ? takeaway[i] != NULL
                                     : document != NULL && i < cg_document_get_n_blocks (document); i++)
    {
      const CgBlock *block = takeaway == NULL ? cg_document_get_block (document, i) : NULL;
      gsize len = body->len;
      g_autofree char *text = NULL;

      if (block != NULL && block->kind != CG_BLOCK_HEADING)
        continue;

      if (*n_points == 0)
        /* Translators: before the key points of an article in the
         * short text of "Take it home", as a list. */
        g_string_append_printf (body, "\n\n%s", _("Key points:"));
      g_string_append_c (body, '\n');
      for (guint l = 1; block != NULL && l < block->level; l++)
        g_string_append (body, "   ");
      g_string_append_printf (body, "• %s", block != NULL ? block->text : takeaway[i]);

      text = composer_finish (composer, body->str);
      if (text == NULL)
        {
          /* Later headings are shorter sometimes, but a list of key
           * points with holes in it misleads. */
          g_string_truncate (body, len);
          break;
        }
      g_free (best);
      best = g_steal_pointer (&text);
      (*n_points)++;
    }

  return g_steal_pointer (&best);
}

/**
 * cg_take_home_get_text:
 * @item: an article or a question
 * @clinic: (nullable): whose name and phone close the text
 * @right_to_left: whether the reader's language is written right to left
 * @shortened: (out) (optional): set to whether the text is the short form
 *
 * The text in the language of the interface (the review line) and of the
 * content (the rest): what the "Take it home" dialog's code and the
 * printed handout's code hold.
 *
 * Returns: (transfer full) (nullable): the text for the code, which always
 *   makes a code of version CG_QR_CODE_MAX_VERSION or smaller, or %NULL
 *   when not even the title and the clinic fit (or there is no QR encoder)
 */
char *
cg_take_home_get_text (CgItem   *item,
                       CgClinic *clinic,
                       gboolean  right_to_left,
                       gboolean *shortened)
{
  Composer composer = { right_to_left, NULL };
  g_autofree char *plain = NULL;
  g_autofree char *review = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CG_IS_ITEM (item), NULL);
  g_return_val_if_fail (clinic == NULL || CG_IS_CLINIC (clinic), NULL);

  review = cg_page_text_format_review (cg_item_get_review_date (item), cg_item_get_reviewed_by (item));
  composer.footer = make_footer (clinic, review, right_to_left);

  /* The whole text, as "Copy as Text" copies it. */
  plain = g_strchomp (cg_plain_text_from_item (item));
  text = composer_finish (&composer, plain);
  if (shortened != NULL)
    *shortened = text == NULL;
  if (text == NULL)
    {
      CgDocument *document = cg_item_get_document (item);
      const CgBlock *first = document != NULL ? find_first_paragraph (document) : NULL;
      guint n_points;

      text = make_short_text (&composer, item, first != NULL ? first->text : NULL, &n_points);

      /* A long first paragraph can leave no room for a single key point:
       * then the article's own summary, a sentence, stands for it. */
      if (n_points == 0 && CG_IS_ARTICLE (item))
        {
          guint n_summary_points;
          g_autofree char *with_summary = make_short_text (&composer, item,
                                                           cg_article_get_summary (CG_ARTICLE (item)),
                                                           &n_summary_points);

          if (n_summary_points > 0)
            {
              g_free (text);
              text = g_steal_pointer (&with_summary);
            }
        }
    }

  g_free (composer.footer);

  return g_steal_pointer (&text);
}
