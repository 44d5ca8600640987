/* cg-speaker.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-speaker.h"

/* The seam between reading aloud and whatever makes the sound: the
 * desktop's speech engine in the application, a clock in the tests. */

enum {
  WORD,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_ABSTRACT_TYPE (CgSpeaker, cg_speaker, G_TYPE_OBJECT)

G_DEFINE_QUARK (cg-speech-error-quark, cg_speech_error)

static void
cg_speaker_class_init (CgSpeakerClass *klass)
{
  /**
   * CgSpeaker::word:
   * @position: the word's first character in the spoken text, from 0
   * @length: its length in characters
   */
  signals[WORD] = g_signal_new ("word",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * CgSpeaker::finished:
   * @error: (nullable): why the voice could not go on, or %NULL at the end
   */
  signals[FINISHED] = g_signal_new ("finished",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
cg_speaker_init (CgSpeaker *self)
{
}

/**
 * cg_speaker_check:
 *
 * Returns: whether @language can be spoken now; if not, @error says why
 *   in words for the patient (%CG_SPEECH_ERROR_NO_VOICE, …_NO_AUDIO)
 */
gboolean
cg_speaker_check (CgSpeaker   *self,
                  const char  *language,
                  GError     **error)
{
  g_return_val_if_fail (CG_IS_SPEAKER (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  return CG_SPEAKER_GET_CLASS (self)->check (self, language, error);
}

gboolean
cg_speaker_speak (CgSpeaker     *self,
                  const char    *text,
                  const char    *language,
                  CgSpeechRate   rate,
                  GError       **error)
{
  g_return_val_if_fail (CG_IS_SPEAKER (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  return CG_SPEAKER_GET_CLASS (self)->speak (self, text, language, rate, error);
}

void
cg_speaker_stop (CgSpeaker *self)
{
  g_return_if_fail (CG_IS_SPEAKER (self));

  CG_SPEAKER_GET_CLASS (self)->stop (self);
}

void
cg_speaker_emit_word (CgSpeaker *self,
                      guint      position,
                      guint      length)
{
  g_signal_emit (self, signals[WORD], 0, position, length);
}

void
cg_speaker_emit_finished (CgSpeaker    *self,
                          const GError *error)
{
  g_signal_emit (self, signals[FINISHED], 0, error);
}
