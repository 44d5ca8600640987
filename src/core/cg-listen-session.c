/* cg-listen-session.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-listen-session.h"

/* One page read aloud at a time, whoever asked: the voice is shared by
 * the whole application (and espeak-ng by the whole process), so starting
 * on another page or answer stops the one before.
 *
 * Voices cannot pause in the middle of a text the same way everywhere,
 * so pausing stops the voice and remembers the word it was on; resuming
 * says the rest of the script from that word. A new rate does the same,
 * so that it is heard at once. Word positions from the speaker are in the
 * text it was given, which starts at `base` in the script. */

struct _CgListenSession
{
  GObject         parent_instance;

  CgSpeaker      *speaker;
  CgSpeechScript *script;
  char           *language;
  gpointer        owner;      /* weak */
  CgListenState   state;
  CgSpeechRate    rate;
  guint           base;       /* where the text given to the speaker starts */
  guint           word;       /* the script position of the word last heard */
  gboolean        has_word;
  int             page_start;
  int             page_end;
};

enum {
  PROP_0,
  PROP_STATE,
  PROP_OWNER,
  PROP_RATE,
  N_PROPS
};

enum {
  WORD,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CgListenSession, cg_listen_session, G_TYPE_OBJECT)

GType
cg_listen_state_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { CG_LISTEN_STOPPED, "CG_LISTEN_STOPPED", "stopped" },
        { CG_LISTEN_SPEAKING, "CG_LISTEN_SPEAKING", "speaking" },
        { CG_LISTEN_PAUSED, "CG_LISTEN_PAUSED", "paused" },
        { 0, NULL, NULL }
      };

      g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("CgListenState"), values));
    }

  return type_id;
}

static void
set_state (CgListenSession *self,
           CgListenState    state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
owner_weak_notify (gpointer  data,
                   GObject  *where_the_object_was)
{
  CgListenSession *self = data;

  self->owner = NULL;
  cg_listen_session_stop (self);
}

static void
set_owner (CgListenSession *self,
           gpointer         owner)
{
  if (self->owner == owner)
    return;

  if (self->owner != NULL)
    g_object_weak_unref (self->owner, owner_weak_notify, self);
  self->owner = owner;
  if (self->owner != NULL)
    g_object_weak_ref (self->owner, owner_weak_notify, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

static void
speaker_word_cb (CgListenSession *self,
                 guint            position,
                 guint            length,
                 CgSpeaker       *speaker)
{
  int start, end;

  if (self->state != CG_LISTEN_SPEAKING || self->script == NULL)
    return;

  /* Engines disagree on a word's length (espeak-ng stops "aujourd'hui" at
   * its apostrophe): the word lit runs to the next space. */
  {
    const char *text = cg_speech_script_get_text (self->script);
    const char *p;

    if (self->base + position >= cg_speech_script_get_length (self->script))
      return;
    p = g_utf8_offset_to_pointer (text, self->base + position);
    for (length = 0; *p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)); p = g_utf8_next_char (p))
      length++;
  }

  if (!cg_speech_script_get_page_range (self->script, self->base + position, length, &start, &end))
    return;

  self->word = self->base + position;
  self->has_word = TRUE;
  self->page_start = start;
  self->page_end = end;
  g_signal_emit (self, signals[WORD], 0, start, end);
}

static void
speaker_finished_cb (CgListenSession *self,
                     const GError    *error,
                     CgSpeaker       *speaker)
{
  if (self->state != CG_LISTEN_SPEAKING)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->has_word = FALSE;
  g_clear_object (&self->script);
  set_state (self, CG_LISTEN_STOPPED);
  g_signal_emit (self, signals[FINISHED], 0, error);
  set_owner (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
speak_from (CgListenSession  *self,
            guint             position,
            GError          **error)
{
  const char *text = cg_speech_script_get_text (self->script);
  const char *from = g_utf8_offset_to_pointer (text, MIN (position, cg_speech_script_get_length (self->script)));

  self->base = position;
  return cg_speaker_speak (self->speaker, from, self->language, self->rate, error);
}

static void
cg_listen_session_dispose (GObject *object)
{
  CgListenSession *self = CG_LISTEN_SESSION (object);

  if (self->speaker != NULL)
    cg_speaker_stop (self->speaker);
  if (self->owner != NULL)
    g_object_weak_unref (self->owner, owner_weak_notify, self);
  self->owner = NULL;
  g_clear_object (&self->script);
  g_clear_object (&self->speaker);

  G_OBJECT_CLASS (cg_listen_session_parent_class)->dispose (object);
}

static void
cg_listen_session_finalize (GObject *object)
{
  CgListenSession *self = CG_LISTEN_SESSION (object);

  g_free (self->language);

  G_OBJECT_CLASS (cg_listen_session_parent_class)->finalize (object);
}

static void
cg_listen_session_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CgListenSession *self = CG_LISTEN_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_OWNER:
      g_value_set_pointer (value, self->owner);
      break;

    case PROP_RATE:
      g_value_set_int (value, self->rate);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_listen_session_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CgListenSession *self = CG_LISTEN_SESSION (object);

  switch (prop_id)
    {
    case PROP_RATE:
      cg_listen_session_set_rate (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_listen_session_class_init (CgListenSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cg_listen_session_dispose;
  object_class->finalize = cg_listen_session_finalize;
  object_class->get_property = cg_listen_session_get_property;
  object_class->set_property = cg_listen_session_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       CG_TYPE_LISTEN_STATE, CG_LISTEN_STOPPED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Who started the reading (a page, an answer): only it shows the state. */
  properties[PROP_OWNER] =
    g_param_spec_pointer ("owner", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RATE] =
    g_param_spec_int ("rate", NULL, NULL,
                      CG_SPEECH_RATE_SLOWER, CG_SPEECH_RATE_FASTER, CG_SPEECH_RATE_NORMAL,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CgListenSession::word:
   * @page_start: the first character of the word on the page
   * @page_end: just after its last
   */
  signals[WORD] = g_signal_new ("word",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  /**
   * CgListenSession::finished:
   * @error: (nullable): why reading stopped early, or %NULL at the end
   *
   * Reading came to its end by itself (not through stop()).
   */
  signals[FINISHED] = g_signal_new ("finished",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
cg_listen_session_init (CgListenSession *self)
{
}

CgListenSession *
cg_listen_session_new (CgSpeaker *speaker)
{
  CgListenSession *self;

  g_return_val_if_fail (CG_IS_SPEAKER (speaker), NULL);

  self = g_object_new (CG_TYPE_LISTEN_SESSION, NULL);
  self->speaker = g_object_ref (speaker);
  g_signal_connect_object (speaker, "word", G_CALLBACK (speaker_word_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (speaker, "finished", G_CALLBACK (speaker_finished_cb), self, G_CONNECT_SWAPPED);

  return self;
}

CgSpeaker *
cg_listen_session_get_speaker (CgListenSession *self)
{
  g_return_val_if_fail (CG_IS_LISTEN_SESSION (self), NULL);

  return self->speaker;
}

/**
 * cg_listen_session_start:
 * @position: where to start in @script, in characters
 * @owner: (type GObject): who asked; reading stops when it goes away
 *
 * Stops any reading and reads @script from @position.
 *
 * Returns: %FALSE with @error when the language cannot be spoken
 */
gboolean
cg_listen_session_start (CgListenSession  *self,
                         CgSpeechScript   *script,
                         const char       *language,
                         guint             position,
                         gpointer          owner,
                         GError          **error)
{
  g_return_val_if_fail (CG_IS_LISTEN_SESSION (self), FALSE);
  g_return_val_if_fail (CG_IS_SPEECH_SCRIPT (script), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (G_IS_OBJECT (owner), FALSE);

  cg_listen_session_stop (self);

  if (!cg_speaker_check (self->speaker, language, error))
    return FALSE;

  g_set_object (&self->script, script);
  g_free (self->language);
  self->language = g_strdup (language);
  self->has_word = FALSE;

  if (!speak_from (self, position, error))
    {
      g_clear_object (&self->script);
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  set_owner (self, owner);
  set_state (self, CG_LISTEN_SPEAKING);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/* The word being said stays lit while paused. */
void
cg_listen_session_pause (CgListenSession *self)
{
  g_return_if_fail (CG_IS_LISTEN_SESSION (self));

  if (self->state != CG_LISTEN_SPEAKING)
    return;

  cg_speaker_stop (self->speaker);
  if (!self->has_word)
    self->word = self->base;
  set_state (self, CG_LISTEN_PAUSED);
}

gboolean
cg_listen_session_resume (CgListenSession  *self,
                          GError          **error)
{
  g_return_val_if_fail (CG_IS_LISTEN_SESSION (self), FALSE);

  if (self->state != CG_LISTEN_PAUSED)
    return self->state == CG_LISTEN_SPEAKING;

  if (!speak_from (self, self->word, error))
    {
      cg_listen_session_stop (self);
      return FALSE;
    }

  set_state (self, CG_LISTEN_SPEAKING);

  return TRUE;
}

void
cg_listen_session_stop (CgListenSession *self)
{
  g_return_if_fail (CG_IS_LISTEN_SESSION (self));

  if (self->state == CG_LISTEN_STOPPED && self->owner == NULL)
    return;

  cg_speaker_stop (self->speaker);
  g_object_freeze_notify (G_OBJECT (self));
  self->has_word = FALSE;
  g_clear_object (&self->script);
  set_state (self, CG_LISTEN_STOPPED);
  set_owner (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

CgListenState
cg_listen_session_get_state (CgListenSession *self)
{
  g_return_val_if_fail (CG_IS_LISTEN_SESSION (self), CG_LISTEN_STOPPED);

  return self->state;
}

/**
 * cg_listen_session_get_owner:
 *
 * Returns: (transfer none) (nullable) (type GObject): who started the reading
 */
gpointer
cg_listen_session_get_owner (CgListenSession *self)
{
  g_return_val_if_fail (CG_IS_LISTEN_SESSION (self), NULL);

  return self->owner;
}

CgSpeechRate
cg_listen_session_get_rate (CgListenSession *self)
{
  g_return_val_if_fail (CG_IS_LISTEN_SESSION (self), CG_SPEECH_RATE_NORMAL);

  return self->rate;
}

void
cg_listen_session_set_rate (CgListenSession *self,
                            CgSpeechRate     rate)
{
  g_return_if_fail (CG_IS_LISTEN_SESSION (self));

  rate = CLAMP (rate, CG_SPEECH_RATE_SLOWER, CG_SPEECH_RATE_FASTER);
  if (self->rate == rate)
    return;

  self->rate = rate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);

  /* Heard at once: from the word being said. */
  if (self->state == CG_LISTEN_SPEAKING)
    {
      guint from = self->has_word ? self->word : self->base;

      cg_speaker_stop (self->speaker);
      if (!speak_from (self, from, NULL))
        cg_listen_session_stop (self);
    }
}

/**
 * cg_listen_session_get_word:
 *
 * Returns: whether a word is being said (or held by a pause), and where it
 *   is on the owner's page
 */
gboolean
cg_listen_session_get_word (CgListenSession *self,
                            int             *page_start,
                            int             *page_end)
{
  g_return_val_if_fail (CG_IS_LISTEN_SESSION (self), FALSE);

  if (!self->has_word || self->state == CG_LISTEN_STOPPED)
    return FALSE;

  if (page_start != NULL)
    *page_start = self->page_start;
  if (page_end != NULL)
    *page_end = self->page_end;

  return TRUE;
}
