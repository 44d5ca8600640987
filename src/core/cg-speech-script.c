/* cg-speech-script.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-speech-script.h"

/* What a voice reads for a page, and the way back from a spoken word to
 * the characters on screen.
 *
 * The script is made from the page's own text (the text buffer the
 * renderer filled, with U+FFFC where a picture or an icon sits), never
 * from a second rendering of the content: what is read is then what is
 * shown, field values, note labels, list numbers and all. Only marks that
 * a voice would read as words or noise are left out: pictures and icons
 * (their text is not on screen), bullets, and the invisible direction
 * marks that keep a phone number in order inside Arabic.
 *
 * Every line of the page is a paragraph of its own: a blank line between
 * them makes the voice pause after a heading or a list item that has no
 * full stop. Positions are in characters, as speech engines count them. */

struct _CgSpeechScript
{
  GObject  parent_instance;

  char    *text;
  guint    length;    /* in characters */
  GArray  *to_page;   /* of int: the page offset of each character; -1 for added breaks */
};

G_DEFINE_FINAL_TYPE (CgSpeechScript, cg_speech_script, G_TYPE_OBJECT)

static gboolean
is_unspoken (gunichar c)
{
  switch (c)
    {
    case 0xFFFC:        /* a picture or an icon */
    case 0x2022:        /* bullets of the three list levels */
    case 0x25E6:
    case 0x25AA:
      return TRUE;
    default:
      /* Direction marks and isolates, zero-width joiners: format characters. */
      return g_unichar_type (c) == G_UNICODE_FORMAT;
    }
}

static void
append (CgSpeechScript *self,
        GString        *out,
        gunichar        c,
        int             page_offset)
{
  g_string_append_unichar (out, c);
  g_array_append_val (self->to_page, page_offset);
  self->length++;
}

static void
cg_speech_script_finalize (GObject *object)
{
  CgSpeechScript *self = CG_SPEECH_SCRIPT (object);

  g_free (self->text);
  g_array_unref (self->to_page);

  G_OBJECT_CLASS (cg_speech_script_parent_class)->finalize (object);
}

static void
cg_speech_script_class_init (CgSpeechScriptClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_speech_script_finalize;
}

static void
cg_speech_script_init (CgSpeechScript *self)
{
  self->to_page = g_array_new (FALSE, FALSE, sizeof (int));
}

/**
 * cg_speech_script_new:
 * @page_text: the page's text, as gtk_text_buffer_get_slice() gives it
 *   (U+FFFC for what is not text)
 *
 * Returns: (transfer full): the script that reads @page_text aloud
 */
CgSpeechScript *
cg_speech_script_new (const char *page_text)
{
  CgSpeechScript *self;
  GString *out;
  gboolean line_has_words = FALSE;
  gboolean pending_space = FALSE;
  int offset = 0;

  g_return_val_if_fail (page_text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (page_text, -1, NULL), NULL);

  self = g_object_new (CG_TYPE_SPEECH_SCRIPT, NULL);
  out = g_string_new (NULL);

  for (const char *p = page_text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          if (line_has_words)
            {
              append (self, out, '\n', -1);
              append (self, out, '\n', -1);
            }
          line_has_words = FALSE;
          pending_space = FALSE;
          continue;
        }

      if (is_unspoken (c))
        {
          pending_space = line_has_words;
          continue;
        }

      /* A tab after a list number, spaces: one space, where it was. */
      if (g_unichar_isspace (c))
        {
          if (line_has_words && !pending_space)
            {
              append (self, out, ' ', offset);
              pending_space = TRUE;
            }
          continue;
        }

      if (pending_space && out->len > 0 && out->str[out->len - 1] != ' ')
        append (self, out, ' ', -1);
      pending_space = FALSE;
      append (self, out, c, offset);
      line_has_words = TRUE;
    }

  self->text = g_string_free (out, FALSE);

  return self;
}

/**
 * cg_speech_script_get_text:
 *
 * Returns: the words to speak, in reading order
 */
const char *
cg_speech_script_get_text (CgSpeechScript *self)
{
  g_return_val_if_fail (CG_IS_SPEECH_SCRIPT (self), NULL);

  return self->text;
}

guint
cg_speech_script_get_length (CgSpeechScript *self)
{
  g_return_val_if_fail (CG_IS_SPEECH_SCRIPT (self), 0);

  return self->length;
}

/**
 * cg_speech_script_get_page_range:
 * @position: a character position in the script's text, from 0
 * @length: the number of characters the voice says from there
 *
 * Where the words the voice says are on the page: from the first of
 * their characters that is on the page to just after the last.
 *
 * Returns: %FALSE when none of those characters is on the page
 */
gboolean
cg_speech_script_get_page_range (CgSpeechScript *self,
                                 guint           position,
                                 guint           length,
                                 int            *page_start,
                                 int            *page_end)
{
  int start = -1, end = -1;

  g_return_val_if_fail (CG_IS_SPEECH_SCRIPT (self), FALSE);

  for (guint i = position; i < MIN (position + MAX (length, 1), self->length); i++)
    {
      int page = g_array_index (self->to_page, int, i);

      if (page < 0)
        continue;
      if (start < 0)
        start = page;
      end = page + 1;
    }

  if (start < 0)
    return FALSE;

  if (page_start != NULL)
    *page_start = start;
  if (page_end != NULL)
    *page_end = end;

  return TRUE;
}

/**
 * cg_speech_script_find_position:
 *
 * Where to start reading from a place on the page: the first script
 * character at or after @page_offset.
 *
 * Returns: a character position in the script's text; its length when
 *   nothing is left to read
 */
guint
cg_speech_script_find_position (CgSpeechScript *self,
                                int             page_offset)
{
  g_return_val_if_fail (CG_IS_SPEECH_SCRIPT (self), 0);

  for (guint i = 0; i < self->length; i++)
    if (g_array_index (self->to_page, int, i) >= page_offset)
      return i;

  return self->length;
}
