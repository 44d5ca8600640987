/* test-speech-ui.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cg-kiosk.h"
#include "cg-listen-button.h"
#include "cg-speaker-fake.h"
#include "cg-test-ui.h"
#include "cg-window-private.h"

/* Reading aloud in a real window, with a voice that says nothing and
 * reports a word every few milliseconds. */

static CgApplication *application;
static CgSpeaker *speaker;
static CgListenSession *session;

typedef struct
{
  CgDocumentView *view;
  guint           n_words;
  int             last_start;
} Lit;

static char *
buffer_text (CgDocumentView *view,
             int             start,
             int             end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter from, to;

  gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, end);

  return gtk_text_buffer_get_slice (buffer, &from, &to, TRUE);
}

/* After the button has lit the word: it is the word the voice says, at
 * its place on the page, later than the one before. */
static void
speaker_word_cb (CgSpeaker *fake,
                 guint      position,
                 guint      length,
                 Lit       *lit)
{
  const char *text = cg_speaker_fake_get_text (CG_SPEAKER_FAKE (fake));
  const char *from = g_utf8_offset_to_pointer (text, position);
  g_autofree char *said = g_strndup (from, g_utf8_offset_to_pointer (from, length) - from);
  g_autofree char *shown = NULL;
  int start, end;

  g_assert_true (cg_document_view_get_spoken_range (lit->view, &start, &end));
  shown = buffer_text (lit->view, start, end);
  g_assert_cmpstr (shown, ==, said);
  g_assert_cmpint (start, >, lit->last_start);
  lit->last_start = start;
  lit->n_words++;
}

static CgWindow *
open_window (CgLibrary *library)
{
  CgWindow *window = cg_window_new (application);

  g_object_ref_sink (window);
  cg_window_set_library (window, library);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_wait_for_frame (GTK_WIDGET (window));

  return window;
}

static void
close_window (CgWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
wait_for_words (Lit   *lit,
                guint  n)
{
  while (lit->n_words < n)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_listen_article (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  CgWindow *window = open_window (library);
  CgListenButton *button;
  CgDocumentView *view;
  GtkWidget *listen;
  g_autoptr(CgSpeechScript) script = NULL;
  const char *sent;
  Lit lit = { NULL, 0, -1 };
  gulong word_id;
  int held_start, held_end, start, end;

  cg_test_activate (window, "win.show-item", "fixture-article");
  cg_test_wait_for_frame (GTK_WIDGET (window));

  button = cg_listen_button_find (GTK_WIDGET (window));
  g_assert_nonnull (button);
  view = cg_listen_button_get_view (button);
  lit.view = view;
  listen = cg_test_find_descendant (button, GTK_TYPE_BUTTON);
  gtk_test_accessible_assert_state (listen, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE);
  g_assert_nonnull (cg_test_find_label (button, "Listen"));

  word_id = g_signal_connect (speaker, "word", G_CALLBACK (speaker_word_cb), &lit);

  /* The keyboard shortcut's action, as a tap on Listen would. */
  cg_test_activate (window, "win.listen", NULL);
  g_assert_cmpint (cg_listen_session_get_state (session), ==, CG_LISTEN_SPEAKING);
  gtk_test_accessible_assert_state (listen, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE);
  g_assert_nonnull (cg_test_find_label (button, "Pause"));
  g_assert_cmpstr (cg_speaker_fake_get_language (CG_SPEAKER_FAKE (speaker)), ==, "en");

  /* What is sent is what the page shows, in order: the title first, the
   * clinic's phone filled in, list items, the call-the-clinic box; not
   * the picture's alternative text, which is not on screen. */
  sent = cg_speaker_fake_get_text (CG_SPEAKER_FAKE (speaker));
  script = cg_document_view_get_speech_script (view);
  g_assert_cmpstr (sent, ==, cg_speech_script_get_text (script));
  g_assert_true (g_str_has_prefix (sent, "Fixture"));
  g_assert_nonnull (strstr (sent, "Call +1 555 0100."));
  g_test_message ("sent: %s", sent);
  g_assert_nonnull (strstr (sent, "Bullet one"));
  g_assert_nonnull (strstr (sent, "1. Nested first\n\n2. Nested second"));
  g_assert_nonnull (strstr (sent, "Warning text about skin."));
  g_assert_nonnull (strstr (sent, "Figure caption"));
  g_assert_true (strstr (sent, "Call us if") < strstr (sent, "you feel unwell"));
  g_assert_null (strstr (sent, "A small blue square"));

  /* Words are lit in order (speaker_word_cb checks each). */
  wait_for_words (&lit, 12);

  /* Pause holds the word lit and the voice quiet. */
  cg_test_activate (window, "win.listen", NULL);
  g_assert_cmpint (cg_listen_session_get_state (session), ==, CG_LISTEN_PAUSED);
  g_assert_nonnull (cg_test_find_label (button, "Resume"));
  gtk_test_accessible_assert_state (listen, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE);
  g_assert_true (cg_document_view_get_spoken_range (view, &held_start, &held_end));
  for (guint i = 0; i < 10; i++)
    cg_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpuint (lit.n_words, ==, 12);
  g_assert_true (cg_document_view_get_spoken_range (view, &start, &end));
  g_assert_cmpint (start, ==, held_start);
  g_assert_cmpint (end, ==, held_end);

  /* Resume says that word again, then goes on. */
  lit.last_start = held_start - 1;
  cg_test_activate (window, "win.listen", NULL);
  g_assert_cmpint (cg_listen_session_get_state (session), ==, CG_LISTEN_SPEAKING);
  wait_for_words (&lit, 16);

  /* Going to another page stops the voice and the light. */
  cg_test_activate (window, "win.show-item", "linked-article");
  cg_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpint (cg_listen_session_get_state (session), ==, CG_LISTEN_STOPPED);
  g_assert_false (cg_speaker_fake_get_speaking (CG_SPEAKER_FAKE (speaker)));
  gtk_test_accessible_assert_state (listen, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE);
  g_assert_false (cg_document_view_get_spoken_range (view, NULL, NULL));

  g_signal_handler_disconnect (speaker, word_id);
  close_window (window);
}

/* From the line the reader tapped, not from the title. */
static void
test_listen_from_tap (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  CgWindow *window = open_window (library);
  CgListenButton *button;
  GtkTextBuffer *buffer;
  GtkTextIter iter, limit;

  cg_test_activate (window, "win.show-item", "fixture-article");
  cg_test_wait_for_frame (GTK_WIDGET (window));
  button = cg_listen_button_find (GTK_WIDGET (window));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (cg_listen_button_get_view (button)));

  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, "feel unwell", 0, &iter, &limit, NULL));
  gtk_text_buffer_place_cursor (buffer, &iter);

  cg_listen_button_toggle (button);
  g_assert_true (g_str_has_prefix (cg_speaker_fake_get_text (CG_SPEAKER_FAKE (speaker)), "you feel unwell"));

  /* Closing the window ends reading. */
  close_window (window);
  g_assert_cmpint (cg_listen_session_get_state (session), ==, CG_LISTEN_STOPPED);
  g_assert_false (cg_speaker_fake_get_speaking (CG_SPEAKER_FAKE (speaker)));
}

/* In the waiting room, the idle reset stops reading and forgets the
 * speed a patient chose; nothing is saved. */
static void
test_listen_idle_reset (void)
{
  g_autoptr(CgLibrary) library = cg_test_load_library ("reading");
  GSettings *settings = cg_application_get_settings (application);
  CgWindow *window;
  CgListenButton *button;

  cg_application_set_kiosk (application, TRUE);
  window = open_window (library);

  cg_test_activate (window, "win.show-item", "fixture-article");
  cg_test_wait_for_frame (GTK_WIDGET (window));
  button = cg_listen_button_find (GTK_WIDGET (window));
  cg_listen_button_toggle (button);
  g_assert_cmpint (cg_listen_session_get_state (session), ==, CG_LISTEN_SPEAKING);
  cg_test_activate (button, "listen.rate", "faster");
  g_assert_cmpint (cg_listen_session_get_rate (session), ==, CG_SPEECH_RATE_FASTER);
  g_assert_cmpint (cg_speaker_fake_get_rate (CG_SPEAKER_FAKE (speaker)), ==, CG_SPEECH_RATE_FASTER);
  {
    g_autofree char *rate = g_settings_get_string (settings, "listen-rate");
    g_assert_cmpstr (rate, ==, "normal");
  }

  cg_kiosk_reset (cg_window_get_kiosk_controller (window));
  g_assert_cmpint (cg_listen_session_get_state (session), ==, CG_LISTEN_STOPPED);
  g_assert_false (cg_speaker_fake_get_speaking (CG_SPEAKER_FAKE (speaker)));
  g_assert_cmpint (cg_listen_session_get_rate (session), ==, CG_SPEECH_RATE_NORMAL);

  close_window (window);
  cg_application_set_kiosk (application, FALSE);

  /* At the front desk, the speed is remembered. */
  window = open_window (library);
  cg_test_activate (window, "win.show-item", "fixture-article");
  cg_test_wait_for_frame (GTK_WIDGET (window));
  button = cg_listen_button_find (GTK_WIDGET (window));
  cg_test_activate (button, "listen.rate", "slower");
  g_assert_cmpint (cg_listen_session_get_rate (session), ==, CG_SPEECH_RATE_SLOWER);
  {
    g_autofree char *rate = g_settings_get_string (settings, "listen-rate");
    g_assert_cmpstr (rate, ==, "slower");
  }
  g_settings_reset (settings, "listen-rate");
  cg_listen_session_set_rate (session, CG_SPEECH_RATE_NORMAL);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  /* The test accessibility backend, to read the Listen button's state. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  application = cg_test_init_application (&argc, &argv);
  speaker = cg_speaker_fake_new (15);
  session = cg_listen_session_new (speaker);
  cg_listen_session_set_default (session);

  g_test_add_func ("/speech-ui/article", test_listen_article);
  g_test_add_func ("/speech-ui/from-tap", test_listen_from_tap);
  g_test_add_func ("/speech-ui/idle-reset", test_listen_idle_reset);

  result = g_test_run ();

  cg_listen_session_set_default (NULL);
  g_object_unref (session);
  g_object_unref (speaker);

  return result;
}
