/* cg-speaker-espeak.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <espeak-ng/speak_lib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cg-speaker-espeak.h"

/* The voices of espeak-ng, through its library rather than through
 * speech-dispatcher. Speech-dispatcher reports where it is in a text only
 * while its audio output plays it (index marks come back from the output
 * module as the sound is heard): on a machine without a sound card that
 * never happens (spd-say -w waits forever and leaves its daemon behind), so
 * neither the tests nor a recording could see a single word event, and it
 * has no way to speak to a file. libespeak-ng gives the same voices (it is
 * speech-dispatcher's default module on Debian) with a word event for
 * every word: synchronised with the sound when it plays, and in order with
 * the sound's time when it synthesises into memory.
 *
 * Two ways out:
 * - to the speakers (espeak-ng's own playback, which goes through
 *   PulseAudio/PipeWire or ALSA): events arrive, from espeak-ng's event
 *   thread, as each word is heard;
 * - to a WAV file (tests, recordings): synthesis in a worker thread, then
 *   the events, in order, and the file's length.
 *
 * espeak-ng keeps one state per process; all calls into it are made under
 * one lock and the generation counter drops events of a text that was
 * stopped. */

struct _CgSpeakerEspeak
{
  CgSpeaker     parent_instance;

  char         *path;        /* WAV output, or NULL for the speakers */
  guint         generation;  /* of the text being spoken; 0 for none */
  guint         watchdog_id;
  gboolean      heard;       /* a word event came for this text */
  guint         last_duration;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (CgSpeakerEspeak, cg_speaker_espeak, CG_TYPE_SPEAKER)

#define WATCHDOG_SECONDS 6

static GMutex espeak_lock;
static int espeak_mode = -1;
static int espeak_rate_for[] = { 130, 175, 230 };  /* slower, normal, faster: words a minute */

/* Events from espeak-ng's threads to the main context. */
typedef struct
{
  GWeakRef  speaker;
  guint     generation;
  gboolean  finished;
  guint     position;
  guint     length;
} Event;

/* A text being synthesised into memory, for a file. */
typedef struct
{
  char       *text;
  char       *language;
  int         rate;
  GByteArray *pcm;
  GArray     *words;      /* of guint pairs */
  int         sample_rate;
} Job;

static void
job_free (Job *job)
{
  g_free (job->text);
  g_free (job->language);
  g_byte_array_unref (job->pcm);
  g_array_unref (job->words);
  g_free (job);
}

static int espeak_sample_rate;

static gboolean
ensure_mode (espeak_AUDIO_OUTPUT mode)
{
  if (espeak_mode == (int) mode)
    return TRUE;

  if (espeak_mode >= 0)
    espeak_Terminate ();
  espeak_mode = -1;

  espeak_sample_rate = espeak_Initialize (mode, 0, NULL, espeakINITIALIZE_DONT_EXIT);
  if (espeak_sample_rate <= 0)
    return FALSE;

  espeak_mode = mode;
  return TRUE;
}

static gboolean
has_voice (const char *language)
{
  const espeak_VOICE **voices = espeak_ListVoices (NULL);
  g_autofree char *prefix = g_strconcat (language, "-", NULL);

  for (guint i = 0; voices != NULL && voices[i] != NULL; i++)
    {
      /* A priority byte, a language name, its NUL; a NUL at the end. */
      for (const char *l = voices[i]->languages; l != NULL && *l != '\0'; l += strlen (l + 1) + 2)
        if (g_str_equal (l + 1, language) || g_str_has_prefix (l + 1, prefix))
          return TRUE;
    }

  return FALSE;
}

/* PulseAudio, PipeWire's PulseAudio service, or a sound card for ALSA. */
static gboolean
has_audio (void)
{
  const char *runtime = g_get_user_runtime_dir ();
  g_autofree char *pulse = g_build_filename (runtime, "pulse", "native", NULL);
  g_autofree char *pipewire = g_build_filename (runtime, "pipewire-0", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_getenv ("PULSE_SERVER") != NULL ||
      g_file_test (pulse, G_FILE_TEST_EXISTS) ||
      g_file_test (pipewire, G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_dir_open ("/dev/snd", 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "pcm"))
      return TRUE;

  return FALSE;
}

static const char *
language_name (const char *language)
{
  static const struct { const char *code; const char *name; } names[] = {
    { "en", NC_("spoken language", "English") },
    { "fr", NC_("spoken language", "French") },
    { "es", NC_("spoken language", "Spanish") },
    { "pl", NC_("spoken language", "Polish") },
    { "ar", NC_("spoken language", "Arabic") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].code, language))
      return g_dpgettext2 (GETTEXT_PACKAGE, "spoken language", names[i].name);

  return language;
}

static gboolean
deliver_cb (gpointer data)
{
  Event *event = data;
  g_autoptr(CgSpeakerEspeak) self = g_weak_ref_get (&event->speaker);

  if (self == NULL || self->generation != event->generation)
    return G_SOURCE_REMOVE;

  self->heard = TRUE;
  if (event->finished)
    {
      self->generation = 0;
      g_clear_handle_id (&self->watchdog_id, g_source_remove);
      cg_speaker_emit_finished (CG_SPEAKER (self), NULL);
    }
  else
    cg_speaker_emit_word (CG_SPEAKER (self), event->position, event->length);

  return G_SOURCE_REMOVE;
}

static void
event_free (gpointer data)
{
  Event *event = data;

  g_weak_ref_clear (&event->speaker);
  g_free (event);
}

/* The speaker that the playback's events belong to. */
static GWeakRef playing_speaker;

static void
post (guint    generation,
      gboolean finished,
      guint    position,
      guint    length)
{
  g_autoptr(GObject) speaker = g_weak_ref_get (&playing_speaker);
  Event *event;

  if (speaker == NULL)
    return;

  event = g_new0 (Event, 1);
  g_weak_ref_init (&event->speaker, speaker);
  event->generation = generation;
  event->finished = finished;
  event->position = position;
  event->length = length;
  g_idle_add_full (G_PRIORITY_DEFAULT, deliver_cb, event, event_free);
}

/* The text being synthesised into memory; set under espeak_lock. */
static Job *synthesising;

static int
synth_cb (short        *wav,
          int           n_samples,
          espeak_EVENT *events)
{
  for (espeak_EVENT *e = events; e->type != espeakEVENT_LIST_TERMINATED; e++)
    {
      /* espeak-ng sometimes ends a text with an empty word event. */
      if (e->type == espeakEVENT_WORD && (e->length <= 0 || e->text_position <= 0))
        continue;

      if (espeak_mode == AUDIO_OUTPUT_SYNCHRONOUS)
        {
          Job *job = synthesising;
          guint pair[2];

          if (job == NULL || e->type != espeakEVENT_WORD)
            continue;
          /* espeak-ng counts characters from 1. */
          pair[0] = (guint) MAX (e->text_position - 1, 0);
          pair[1] = (guint) e->length;
          g_array_append_vals (job->words, pair, 2);
          continue;
        }

      if (e->type == espeakEVENT_WORD)
        post (GPOINTER_TO_UINT (e->user_data), FALSE, (guint) MAX (e->text_position - 1, 0), (guint) e->length);
      else if (e->type == espeakEVENT_MSG_TERMINATED)
        post (GPOINTER_TO_UINT (e->user_data), TRUE, 0, 0);
    }

  if (espeak_mode == AUDIO_OUTPUT_SYNCHRONOUS && synthesising != NULL && wav != NULL && n_samples > 0)
    g_byte_array_append (synthesising->pcm, (const guint8 *) wav, n_samples * sizeof (short));

  return 0;
}

static gboolean
watchdog_cb (gpointer data)
{
  CgSpeakerEspeak *self = CG_SPEAKER_ESPEAK (data);
  g_autoptr(GError) error = NULL;

  self->watchdog_id = 0;
  if (self->heard || self->generation == 0)
    return G_SOURCE_REMOVE;

  /* The sound service refused the sound: say so rather than sit silent. */
  g_mutex_lock (&espeak_lock);
  espeak_Cancel ();
  g_mutex_unlock (&espeak_lock);
  self->generation = 0;
  error = g_error_new_literal (CG_SPEECH_ERROR, CG_SPEECH_ERROR_NO_AUDIO,
                               _("Cannot play sound on this computer"));
  cg_speaker_emit_finished (CG_SPEAKER (self), error);

  return G_SOURCE_REMOVE;
}

static void
write_le (GString *out,
          guint32  value,
          guint    bytes)
{
  for (guint i = 0; i < bytes; i++)
    g_string_append_c (out, (char) ((value >> (8 * i)) & 0xff));
}

static gboolean
write_wav (const char  *path,
           GByteArray  *pcm,
           int          sample_rate,
           GError     **error)
{
  g_autoptr(GString) out = g_string_new ("RIFF");

  write_le (out, 36 + pcm->len, 4);
  g_string_append (out, "WAVEfmt ");
  write_le (out, 16, 4);
  write_le (out, 1, 2);                /* PCM */
  write_le (out, 1, 2);                /* mono */
  write_le (out, sample_rate, 4);
  write_le (out, sample_rate * 2, 4);
  write_le (out, 2, 2);
  write_le (out, 16, 2);
  g_string_append (out, "data");
  write_le (out, pcm->len, 4);
  g_string_append_len (out, (const char *) pcm->data, pcm->len);

  return g_file_set_contents (path, out->str, out->len, error);
}

static void
synthesise_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  espeak_ERROR result;

  g_mutex_lock (&espeak_lock);
  if (!ensure_mode (AUDIO_OUTPUT_SYNCHRONOUS))
    {
      g_mutex_unlock (&espeak_lock);
      g_task_return_new_error (task, CG_SPEECH_ERROR, CG_SPEECH_ERROR_FAILED,
                               _("The speech engine could not start"));
      return;
    }
  job->sample_rate = espeak_sample_rate;
  espeak_SetSynthCallback (synth_cb);
  espeak_SetVoiceByName (job->language);
  espeak_SetParameter (espeakRATE, job->rate, 0);
  synthesising = job;
  result = espeak_Synth (job->text, strlen (job->text) + 1, 0, POS_CHARACTER, 0,
                         espeakCHARS_UTF8, NULL, NULL);
  synthesising = NULL;
  g_mutex_unlock (&espeak_lock);

  if (result != EE_OK)
    g_task_return_new_error (task, CG_SPEECH_ERROR, CG_SPEECH_ERROR_FAILED,
                             _("The speech engine could not read this text"));
  else
    g_task_return_boolean (task, TRUE);
}

static void
synthesise_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CgSpeakerEspeak *self = CG_SPEAKER_ESPEAK (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    write_wav (self->path, job->pcm, job->sample_rate, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->generation == 0)
    return;

  self->last_duration = (guint) ((guint64) job->pcm->len / 2 * 1000 / job->sample_rate);
  g_debug ("Recorded %s to %s: %u characters, %u word events, %u ms",
           job->language, self->path, (guint) g_utf8_strlen (job->text, -1),
           job->words->len / 2, self->last_duration);

  for (guint i = 0; error == NULL && i + 1 < job->words->len && self->generation != 0; i += 2)
    cg_speaker_emit_word (CG_SPEAKER (self),
                          g_array_index (job->words, guint, i),
                          g_array_index (job->words, guint, i + 1));

  if (self->generation == 0)
    return;
  self->generation = 0;
  cg_speaker_emit_finished (CG_SPEAKER (self), error);
}

static gboolean
cg_speaker_espeak_check (CgSpeaker   *speaker,
                         const char  *language,
                         GError     **error)
{
  CgSpeakerEspeak *self = CG_SPEAKER_ESPEAK (speaker);
  gboolean ok;

  g_mutex_lock (&espeak_lock);
  ok = ensure_mode (self->path != NULL ? AUDIO_OUTPUT_SYNCHRONOUS : AUDIO_OUTPUT_PLAYBACK);
  if (ok)
    ok = has_voice (language);
  g_mutex_unlock (&espeak_lock);

  if (!ok)
    {
      /* Translators: %s is a language's name, such as "Polish" (context
       * "spoken language"), to be read alone after the colon. */
      g_set_error (error, CG_SPEECH_ERROR, CG_SPEECH_ERROR_NO_VOICE,
                   _("No voice installed for this language: %s"), language_name (language));
      return FALSE;
    }

  if (self->path == NULL && !has_audio ())
    {
      g_set_error_literal (error, CG_SPEECH_ERROR, CG_SPEECH_ERROR_NO_AUDIO,
                           _("This computer has no sound"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
cg_speaker_espeak_speak (CgSpeaker     *speaker,
                         const char    *text,
                         const char    *language,
                         CgSpeechRate   rate,
                         GError       **error)
{
  CgSpeakerEspeak *self = CG_SPEAKER_ESPEAK (speaker);
  static guint generations;
  int wpm = espeak_rate_for[CLAMP (rate, -1, 1) + 1];

  if (!cg_speaker_espeak_check (speaker, language, error))
    return FALSE;

  cg_speaker_stop (speaker);
  self->generation = ++generations;
  self->heard = FALSE;

  if (self->path != NULL)
    {
      g_autoptr(GTask) task = NULL;
      Job *job = g_new0 (Job, 1);

      job->text = g_strdup (text);
      job->language = g_strdup (language);
      job->rate = wpm;
      job->pcm = g_byte_array_new ();
      job->words = g_array_new (FALSE, FALSE, sizeof (guint));

      self->cancellable = g_cancellable_new ();
      task = g_task_new (self, self->cancellable, synthesise_done_cb, NULL);
      g_task_set_task_data (task, job, (GDestroyNotify) job_free);
      g_task_run_in_thread (task, synthesise_thread);
      return TRUE;
    }

  g_mutex_lock (&espeak_lock);
  g_weak_ref_set (&playing_speaker, self);
  espeak_SetSynthCallback (synth_cb);
  espeak_SetVoiceByName (language);
  espeak_SetParameter (espeakRATE, wpm, 0);
  if (espeak_Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                    NULL, GUINT_TO_POINTER (self->generation)) != EE_OK)
    {
      g_mutex_unlock (&espeak_lock);
      self->generation = 0;
      g_set_error_literal (error, CG_SPEECH_ERROR, CG_SPEECH_ERROR_FAILED,
                           _("The speech engine could not read this text"));
      return FALSE;
    }
  g_mutex_unlock (&espeak_lock);

  self->watchdog_id = g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, self);

  return TRUE;
}

static void
cg_speaker_espeak_stop (CgSpeaker *speaker)
{
  CgSpeakerEspeak *self = CG_SPEAKER_ESPEAK (speaker);

  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->generation != 0 && self->path == NULL)
    {
      g_mutex_lock (&espeak_lock);
      espeak_Cancel ();
      g_mutex_unlock (&espeak_lock);
    }
  self->generation = 0;
}

static void
cg_speaker_espeak_dispose (GObject *object)
{
  cg_speaker_espeak_stop (CG_SPEAKER (object));

  G_OBJECT_CLASS (cg_speaker_espeak_parent_class)->dispose (object);
}

static void
cg_speaker_espeak_finalize (GObject *object)
{
  CgSpeakerEspeak *self = CG_SPEAKER_ESPEAK (object);

  g_free (self->path);

  G_OBJECT_CLASS (cg_speaker_espeak_parent_class)->finalize (object);
}

static void
cg_speaker_espeak_class_init (CgSpeakerEspeakClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CgSpeakerClass *speaker_class = CG_SPEAKER_CLASS (klass);

  object_class->dispose = cg_speaker_espeak_dispose;
  object_class->finalize = cg_speaker_espeak_finalize;
  speaker_class->check = cg_speaker_espeak_check;
  speaker_class->speak = cg_speaker_espeak_speak;
  speaker_class->stop = cg_speaker_espeak_stop;
}

static void
cg_speaker_espeak_init (CgSpeakerEspeak *self)
{
}

/**
 * cg_speaker_espeak_new:
 *
 * Returns: (transfer full): a speaker that plays on the computer's sound
 */
CgSpeaker *
cg_speaker_espeak_new (void)
{
  return g_object_new (CG_TYPE_SPEAKER_ESPEAK, NULL);
}

/**
 * cg_speaker_espeak_new_for_file:
 * @path: a WAV file, replaced by each text spoken
 *
 * Needs no sound card: the tests and recordings use it.
 *
 * Returns: (transfer full): a speaker that records to @path
 */
CgSpeaker *
cg_speaker_espeak_new_for_file (const char *path)
{
  CgSpeakerEspeak *self = g_object_new (CG_TYPE_SPEAKER_ESPEAK, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);

  return CG_SPEAKER (self);
}

/**
 * cg_speaker_espeak_get_last_duration:
 *
 * Returns: how long the last recording lasts, in milliseconds
 */
guint
cg_speaker_espeak_get_last_duration (CgSpeakerEspeak *self)
{
  g_return_val_if_fail (CG_IS_SPEAKER_ESPEAK (self), 0);

  return self->last_duration;
}
