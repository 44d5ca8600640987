/* cg-speaker.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CG_SPEECH_ERROR (cg_speech_error_quark ())

typedef enum
{
  CG_SPEECH_ERROR_NO_VOICE,  /* nothing installed speaks the language */
  CG_SPEECH_ERROR_NO_AUDIO,  /* no sound service or card to play on */
  CG_SPEECH_ERROR_FAILED,
} CgSpeechError;

typedef enum
{
  CG_SPEECH_RATE_SLOWER = -1,
  CG_SPEECH_RATE_NORMAL = 0,
  CG_SPEECH_RATE_FASTER = 1,
} CgSpeechRate;

#define CG_TYPE_SPEAKER (cg_speaker_get_type ())

G_DECLARE_DERIVABLE_TYPE (CgSpeaker, cg_speaker, CG, SPEAKER, GObject)

/* A voice. speak() returns at once; the speaker then emits ::word for
 * each word as it is heard (character positions in @text, from 0) and
 * ::finished once, on the main context, unless stop() came first: after
 * stop() nothing more is emitted for that text. One text at a time. */
struct _CgSpeakerClass
{
  GObjectClass parent_class;

  gboolean (*check)  (CgSpeaker    *self,
                      const char   *language,
                      GError      **error);
  gboolean (*speak)  (CgSpeaker    *self,
                      const char   *text,
                      const char   *language,
                      CgSpeechRate  rate,
                      GError      **error);
  void     (*stop)   (CgSpeaker    *self);
};

GQuark   cg_speech_error_quark   (void);

gboolean cg_speaker_check        (CgSpeaker    *self,
                                  const char   *language,
                                  GError      **error);
gboolean cg_speaker_speak        (CgSpeaker    *self,
                                  const char   *text,
                                  const char   *language,
                                  CgSpeechRate  rate,
                                  GError      **error);
void     cg_speaker_stop         (CgSpeaker    *self);

/* For subclasses, on the main context. */
void     cg_speaker_emit_word     (CgSpeaker    *self,
                                   guint         position,
                                   guint         length);
void     cg_speaker_emit_finished (CgSpeaker    *self,
                                   const GError *error);

G_END_DECLS
