/* test-speech.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cg-listen-session.h"
#include "cg-speaker-espeak.h"
#include "cg-speaker-fake.h"
#include "cg-speech-script.h"

/* A page as the renderer lays it out: a title, a note with its icon
 * (U+FFFC), an en space and label, a bulleted and a numbered item, a
 * phone number in its direction isolates, and a picture. */
#define PAGE "Aftercare\n" \
             "\xef\xbf\xbc\xe2\x80\x82Warning\n" \
             "Call \xe2\x81\xa6+1 555 0142\xe2\x81\xa9 today.\n" \
             "\xe2\x80\xa2\tKeep it clean\n" \
             "2.\tWait\n" \
             "\xef\xbf\xbc\n" \
             "A caption"

static char *
page_slice (int start,
            int end)
{
  const char *from = g_utf8_offset_to_pointer (PAGE, start);
  const char *to = g_utf8_offset_to_pointer (PAGE, end);

  return g_strndup (from, to - from);
}

static void
test_speech_script_text (void)
{
  g_autoptr(CgSpeechScript) script = cg_speech_script_new (PAGE);

  /* Every word shown, in order; icons, bullets, pictures and isolates out;
   * a pause (blank line) after every line. */
  g_assert_cmpstr (cg_speech_script_get_text (script), ==,
                   "Aftercare\n\n"
                   "Warning\n\n"
                   "Call +1 555 0142 today.\n\n"
                   "Keep it clean\n\n"
                   "2. Wait\n\n"
                   "A caption");
}

/* Each word of the script maps back to the same word on the page. */
static void
test_speech_script_ranges (void)
{
  g_autoptr(CgSpeechScript) script = cg_speech_script_new (PAGE);
  const char *text = cg_speech_script_get_text (script);
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  guint position = 0;
  guint checked = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint length = g_utf8_strlen (words[i], -1);
      int start, end;
      g_autofree char *shown = NULL;

      if (length > 0)
        {
          g_assert_true (cg_speech_script_get_page_range (script, position, length, &start, &end));
          shown = page_slice (start, end);
          g_assert_cmpstr (shown, ==, words[i]);
          checked++;
        }
      position += length + 1;
    }
  g_assert_cmpuint (checked, ==, 14);

  /* The added pauses are nowhere on the page. */
  g_assert_false (cg_speech_script_get_page_range (script, 9, 2, NULL, NULL));

  /* Reading from a tapped line starts at its first word. */
  {
    int keep = g_utf8_pointer_to_offset (PAGE, strstr (PAGE, "\xe2\x80\xa2\tKeep"));
    guint from = cg_speech_script_find_position (script, keep);

    g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (text, from), "Keep it clean"));
  }
}

typedef struct
{
  GPtrArray *words;
  gboolean   finished;
} Heard;

static void
session_word_cb (CgListenSession *session,
                 int              start,
                 int              end,
                 Heard           *heard)
{
  g_ptr_array_add (heard->words, page_slice (start, end));
}

static void
session_finished_cb (CgListenSession *session,
                     const GError    *error,
                     Heard           *heard)
{
  g_assert_no_error (error);
  heard->finished = TRUE;
}

static void
test_listen_session (void)
{
  g_autoptr(CgSpeaker) speaker = cg_speaker_fake_new (5);
  g_autoptr(CgListenSession) session = cg_listen_session_new (speaker);
  g_autoptr(CgSpeechScript) script = cg_speech_script_new (PAGE);
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  Heard heard = { words, FALSE };
  int start, end;
  g_autofree char *held = NULL;

  g_signal_connect (session, "word", G_CALLBACK (session_word_cb), &heard);
  g_signal_connect (session, "finished", G_CALLBACK (session_finished_cb), &heard);

  cg_listen_session_set_rate (session, CG_SPEECH_RATE_SLOWER);
  g_assert_true (cg_listen_session_start (session, script, "fr", 0, owner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cg_listen_session_get_state (session), ==, CG_LISTEN_SPEAKING);
  g_assert_true (cg_listen_session_get_owner (session) == owner);
  g_assert_cmpstr (cg_speaker_fake_get_language (CG_SPEAKER_FAKE (speaker)), ==, "fr");
  g_assert_cmpint (cg_speaker_fake_get_rate (CG_SPEAKER_FAKE (speaker)), ==, CG_SPEECH_RATE_SLOWER);

  while (words->len < 4)
    g_main_context_iteration (NULL, TRUE);
  cg_listen_session_pause (session);
  g_assert_cmpint (cg_listen_session_get_state (session), ==, CG_LISTEN_PAUSED);
  g_assert_false (cg_speaker_fake_get_speaking (CG_SPEAKER_FAKE (speaker)));

  /* Paused: the word stays lit, and nothing more is said. */
  g_assert_true (cg_listen_session_get_word (session, &start, &end));
  held = page_slice (start, end);
  g_assert_cmpstr (held, ==, "+1");
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (words->len, ==, 4);

  /* Resumed: from that word, to the end. */
  g_assert_true (cg_listen_session_resume (session, &error));
  g_assert_true (g_str_has_prefix (cg_speaker_fake_get_text (CG_SPEAKER_FAKE (speaker)), "+1 555 0142 today."));
  while (!heard.finished)
    g_main_context_iteration (NULL, TRUE);

  {
    const char *expected[] = { "Aftercare", "Warning", "Call", "+1", "+1", "555", "0142", "today.",
                               "Keep", "it", "clean", "2.", "Wait", "A", "caption" };

    g_assert_cmpuint (words->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < words->len; i++)
      g_assert_cmpstr (g_ptr_array_index (words, i), ==, expected[i]);
  }
  g_assert_cmpint (cg_listen_session_get_state (session), ==, CG_LISTEN_STOPPED);
  g_assert_null (cg_listen_session_get_owner (session));
  g_assert_false (cg_listen_session_get_word (session, NULL, NULL));

  /* Stop, and the owner going away, end reading with nothing more said. */
  g_assert_true (cg_listen_session_start (session, script, "en", 0, owner, &error));
  cg_listen_session_stop (session);
  g_assert_cmpint (cg_listen_session_get_state (session), ==, CG_LISTEN_STOPPED);
  g_assert_false (cg_speaker_fake_get_speaking (CG_SPEAKER_FAKE (speaker)));

  g_assert_true (cg_listen_session_start (session, script, "en", 0, owner, &error));
  g_clear_object (&owner);
  g_assert_cmpint (cg_listen_session_get_state (session), ==, CG_LISTEN_STOPPED);
  g_assert_false (cg_speaker_fake_get_speaking (CG_SPEAKER_FAKE (speaker)));
}

typedef struct
{
  GArray   *positions;
  gboolean  finished;
  GError   *error;
} Recorded;

static void
speaker_word_cb (CgSpeaker *speaker,
                 guint      position,
                 guint      length,
                 Recorded  *recorded)
{
  g_array_append_val (recorded->positions, position);
  g_array_append_val (recorded->positions, length);
}

static void
speaker_finished_cb (CgSpeaker    *speaker,
                     const GError *error,
                     Recorded     *recorded)
{
  recorded->error = error != NULL ? g_error_copy (error) : NULL;
  recorded->finished = TRUE;
}

/* The real voices, into a file: no sound card needed. Every word of a
 * short text in each language is reported, in order, at the right place,
 * and the recording lasts as long as speech of that many words. */
static void
test_espeak_languages (void)
{
  const struct { const char *language; const char *text; } texts[] = {
    { "en", "Keep the treated skin clean and dry today." },
    { "fr", "Gardez la peau propre et s\xc3\xa8" "che aujourd'hui." },
    { "es", "Mantenga la piel limpia y seca hoy." },
    { "pl", "Utrzymuj sk\xc3\xb3r\xc4\x99 czyst\xc4\x85 i such\xc4\x85 dzisiaj." },
    { "ar", "\xd8\xad\xd8\xa7\xd9\x81\xd8\xb8 \xd8\xb9\xd9\x84\xd9\x89 \xd9\x86\xd8\xb8\xd8\xa7\xd9\x81\xd8\xa9 "
            "\xd8\xa7\xd9\x84\xd8\xac\xd9\x84\xd8\xaf \xd8\xa7\xd9\x84\xd9\x8a\xd9\x88\xd9\x85." },
  };
  g_autofree char *dir = g_dir_make_tmp ("cg-speech-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "speech.wav", NULL);
  g_autoptr(CgSpeaker) speaker = cg_speaker_espeak_new_for_file (path);

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
      Recorded recorded = { positions, FALSE, NULL };
      g_auto(GStrv) words = g_strsplit (texts[t].text, " ", -1);
      g_autoptr(GError) error = NULL;
      g_autofree char *wav = NULL;
      gsize wav_length;
      guint position = 0;
      gulong word_id, finished_id;

      g_test_message ("%s", texts[t].language);
      g_assert_true (cg_speaker_check (speaker, texts[t].language, &error));
      g_assert_no_error (error);

      word_id = g_signal_connect (speaker, "word", G_CALLBACK (speaker_word_cb), &recorded);
      finished_id = g_signal_connect (speaker, "finished", G_CALLBACK (speaker_finished_cb), &recorded);
      g_assert_true (cg_speaker_speak (speaker, texts[t].text, texts[t].language, CG_SPEECH_RATE_NORMAL, &error));
      g_assert_no_error (error);
      while (!recorded.finished)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (speaker, word_id);
      g_signal_handler_disconnect (speaker, finished_id);
      g_assert_no_error (recorded.error);

      for (guint i = 0; i < positions->len; i += 2)
        g_test_message ("word at %u, %u long", g_array_index (positions, guint, i), g_array_index (positions, guint, i + 1));

      /* One event a word, each at the start of its word. */
      g_assert_cmpuint (positions->len / 2, ==, g_strv_length (words));
      for (guint i = 0; words[i] != NULL; i++)
        {
          g_assert_cmpuint (g_array_index (positions, guint, 2 * i), ==, position);
          position += g_utf8_strlen (words[i], -1) + 1;
        }

      /* Speech at 175 words a minute: about a third of a second a word. */
      g_assert_cmpuint (cg_speaker_espeak_get_last_duration (CG_SPEAKER_ESPEAK (speaker)), >, 150 * g_strv_length (words));
      g_assert_cmpuint (cg_speaker_espeak_get_last_duration (CG_SPEAKER_ESPEAK (speaker)), <, 1000 * g_strv_length (words));
      g_assert_true (g_file_get_contents (path, &wav, &wav_length, NULL));
      g_assert_cmpmem (wav, 4, "RIFF", 4);
      g_assert_cmpuint (wav_length, >, 44 + 22050 * 2 / 10);
    }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* No voice for a language: said, not silent. */
static void
test_espeak_no_voice (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-speech-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "speech.wav", NULL);
  g_autoptr(CgSpeaker) speaker = cg_speaker_espeak_new_for_file (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (cg_speaker_speak (speaker, "Qapla'", "tlh", CG_SPEECH_RATE_NORMAL, &error));
  g_assert_error (error, CG_SPEECH_ERROR, CG_SPEECH_ERROR_NO_VOICE);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/speech/script/text", test_speech_script_text);
  g_test_add_func ("/speech/script/ranges", test_speech_script_ranges);
  g_test_add_func ("/speech/session", test_listen_session);
  g_test_add_func ("/speech/espeak/languages", test_espeak_languages);
  g_test_add_func ("/speech/espeak/no-voice", test_espeak_no_voice);

  return g_test_run ();
}
