/* cg-speaker-fake.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-speaker-fake.h"

/* A voice that says nothing and reports a word every few milliseconds:
 * the tests drive reading aloud with it, and CG_SPEECH_FAKE_INTERVAL
 * (a test aid, in milliseconds) puts it in the application so that a
 * screenshot can catch the highlight on a machine without sound. */

struct _CgSpeakerFake
{
  CgSpeaker     parent_instance;

  guint         interval;
  char         *text;
  char         *language;
  CgSpeechRate  rate;
  GArray       *words;     /* of guint pairs: position, length */
  guint         next_word;
  guint         timeout_id;
};

G_DEFINE_FINAL_TYPE (CgSpeakerFake, cg_speaker_fake, CG_TYPE_SPEAKER)

static gboolean
tick_cb (gpointer data)
{
  CgSpeakerFake *self = CG_SPEAKER_FAKE (data);

  if (self->next_word < self->words->len / 2)
    {
      guint position = g_array_index (self->words, guint, 2 * self->next_word);
      guint length = g_array_index (self->words, guint, 2 * self->next_word + 1);

      self->next_word++;
      cg_speaker_emit_word (CG_SPEAKER (self), position, length);
      return G_SOURCE_CONTINUE;
    }

  self->timeout_id = 0;
  cg_speaker_emit_finished (CG_SPEAKER (self), NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
cg_speaker_fake_check (CgSpeaker   *speaker,
                       const char  *language,
                       GError     **error)
{
  return TRUE;
}

static gboolean
cg_speaker_fake_speak (CgSpeaker     *speaker,
                       const char    *text,
                       const char    *language,
                       CgSpeechRate   rate,
                       GError       **error)
{
  CgSpeakerFake *self = CG_SPEAKER_FAKE (speaker);
  guint position = 0, start = 0;
  gboolean in_word = FALSE;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_free (self->text);
  self->text = g_strdup (text);
  g_free (self->language);
  self->language = g_strdup (language);
  self->rate = rate;
  g_array_set_size (self->words, 0);
  self->next_word = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p), position++)
    {
      gboolean space = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));
      guint length = position - start;

      if (space && in_word)
        {
          g_array_append_val (self->words, start);
          g_array_append_val (self->words, length);
        }
      else if (!space && !in_word)
        start = position;
      in_word = !space;

      if (*p == '\0')
        break;
    }

  self->timeout_id = g_timeout_add (self->interval, tick_cb, self);

  return TRUE;
}

static void
cg_speaker_fake_stop (CgSpeaker *speaker)
{
  CgSpeakerFake *self = CG_SPEAKER_FAKE (speaker);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

static void
cg_speaker_fake_finalize (GObject *object)
{
  CgSpeakerFake *self = CG_SPEAKER_FAKE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_free (self->text);
  g_free (self->language);
  g_array_unref (self->words);

  G_OBJECT_CLASS (cg_speaker_fake_parent_class)->finalize (object);
}

static void
cg_speaker_fake_class_init (CgSpeakerFakeClass *klass)
{
  CgSpeakerClass *speaker_class = CG_SPEAKER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cg_speaker_fake_finalize;
  speaker_class->check = cg_speaker_fake_check;
  speaker_class->speak = cg_speaker_fake_speak;
  speaker_class->stop = cg_speaker_fake_stop;
}

static void
cg_speaker_fake_init (CgSpeakerFake *self)
{
  self->words = g_array_new (FALSE, FALSE, sizeof (guint));
}

CgSpeaker *
cg_speaker_fake_new (guint interval_ms)
{
  CgSpeakerFake *self = g_object_new (CG_TYPE_SPEAKER_FAKE, NULL);

  self->interval = MAX (interval_ms, 1);

  return CG_SPEAKER (self);
}

/* The last text given to speak(): what was sent to the voice. */
const char *
cg_speaker_fake_get_text (CgSpeakerFake *self)
{
  g_return_val_if_fail (CG_IS_SPEAKER_FAKE (self), NULL);

  return self->text;
}

const char *
cg_speaker_fake_get_language (CgSpeakerFake *self)
{
  g_return_val_if_fail (CG_IS_SPEAKER_FAKE (self), NULL);

  return self->language;
}

CgSpeechRate
cg_speaker_fake_get_rate (CgSpeakerFake *self)
{
  g_return_val_if_fail (CG_IS_SPEAKER_FAKE (self), CG_SPEECH_RATE_NORMAL);

  return self->rate;
}

gboolean
cg_speaker_fake_get_speaking (CgSpeakerFake *self)
{
  g_return_val_if_fail (CG_IS_SPEAKER_FAKE (self), FALSE);

  return self->timeout_id != 0;
}
