/* cg-listen-button.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cg-application.h"
#include "cg-i18n.h"
#include "cg-listen-button.h"
#include "cg-speaker-espeak.h"
#include "cg-speaker-fake.h"

/* The Listen button of an article or an answer (F15): reads its document
 * view aloud, in the language shown, and lights each word as it is said.
 *
 * One CgListenSession serves the whole application, since there is one
 * voice: the button that started it (its owner) shows Pause/Resume, Stop
 * and the speed; every other button shows Listen. Reading stops when its
 * button leaves the screen (another page, a closed answer, a language
 * switch that rebuilds the pages, a closed window) or is destroyed.
 *
 * The speed is remembered in GSettings, except in the waiting room, where
 * nothing is written and the idle reset puts it back to normal. */

struct _CgListenButton
{
  GtkWidget          parent_instance;

  CgDocumentView    *view;
  CgListenSession   *session;
  GSimpleActionGroup *actions;

  /* Template widgets */
  GtkWidget         *box;
  GtkButton         *listen_button;
  AdwButtonContent  *listen_content;
  GtkWidget         *stop_button;
  GtkWidget         *rate_button;
  GtkLabel          *message_label;
};

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CgListenButton, cg_listen_button, GTK_TYPE_WIDGET)

static CgListenSession *default_session;

static const char * const rate_names[] = { "slower", "normal", "faster" };

static CgApplication *
get_application (void)
{
  GApplication *application = g_application_get_default ();

  return CG_IS_APPLICATION (application) ? CG_APPLICATION (application) : NULL;
}

static gboolean
in_waiting_room (void)
{
  CgApplication *application = get_application ();

  return application != NULL && cg_application_get_kiosk (application);
}

static CgSpeechRate
rate_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (rate_names); i++)
    if (g_strcmp0 (name, rate_names[i]) == 0)
      return (CgSpeechRate) i - 1;

  return CG_SPEECH_RATE_NORMAL;
}

/**
 * cg_listen_session_get_default:
 *
 * The application's reading session. Two test aids, never for clinics:
 * CG_SPEECH_FAKE_INTERVAL (milliseconds a word) replaces the voice with a
 * silent clock, for screenshots of the highlight on machines without
 * sound; CG_SPEECH_RECORD (a .wav path) records the real voice to that
 * file instead of playing it, for checking speech without a sound card.
 *
 * Returns: (transfer none): the session
 */
CgListenSession *
cg_listen_session_get_default (void)
{
  if (default_session == NULL)
    {
      const char *fake = g_getenv ("CG_SPEECH_FAKE_INTERVAL");
      const char *record = g_getenv ("CG_SPEECH_RECORD");
      g_autoptr(CgSpeaker) speaker = NULL;
      CgApplication *application = get_application ();

      if (fake != NULL)
        speaker = cg_speaker_fake_new ((guint) g_ascii_strtoull (fake, NULL, 10));
      else if (record != NULL)
        speaker = cg_speaker_espeak_new_for_file (record);
      else
        speaker = cg_speaker_espeak_new ();
      default_session = cg_listen_session_new (speaker);

      if (application != NULL && !in_waiting_room ())
        {
          g_autofree char *rate = g_settings_get_string (cg_application_get_settings (application),
                                                         "listen-rate");

          cg_listen_session_set_rate (default_session, rate_from_name (rate));
        }
    }

  return default_session;
}

/* For tests: the session every button uses from now on. */
void
cg_listen_session_set_default (CgListenSession *session)
{
  if (default_session != NULL)
    cg_listen_session_stop (default_session);
  g_set_object (&default_session, session);
}

/**
 * cg_listen_session_reset_default:
 *
 * The waiting room's idle reset: nothing is being read, at normal speed.
 */
void
cg_listen_session_reset_default (void)
{
  if (default_session == NULL)
    return;

  cg_listen_session_stop (default_session);
  cg_listen_session_set_rate (default_session, CG_SPEECH_RATE_NORMAL);
}

static gboolean
is_owner (CgListenButton *self)
{
  return cg_listen_session_get_owner (self->session) == (gpointer) self;
}

static void
show_message (CgListenButton *self,
              const char     *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update (CgListenButton *self)
{
  CgListenState state = is_owner (self) ? cg_listen_session_get_state (self->session) : CG_LISTEN_STOPPED;
  const char *icon, *label, *accessible;
  g_autoptr(GVariant) rate = NULL;

  switch (state)
    {
    case CG_LISTEN_SPEAKING:
      icon = "media-playback-pause-symbolic";
      label = C_("read aloud", "Pause");
      accessible = _("Pause Reading");
      break;

    case CG_LISTEN_PAUSED:
      icon = "media-playback-start-symbolic";
      label = C_("read aloud", "Resume");
      accessible = _("Resume Reading");
      break;

    case CG_LISTEN_STOPPED:
    default:
      icon = "audio-volume-high-symbolic";
      label = C_("read aloud", "Listen");
      accessible = _("Listen: Read This Page Aloud");
      break;
    }

  adw_button_content_set_icon_name (self->listen_content, icon);
  adw_button_content_set_label (self->listen_content, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->listen_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* Pressed while this page is being read (paused or not). */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->listen_button),
                               GTK_ACCESSIBLE_STATE_PRESSED,
                               state != CG_LISTEN_STOPPED ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                          : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);

  gtk_widget_set_visible (self->stop_button, state != CG_LISTEN_STOPPED);
  gtk_widget_set_visible (self->rate_button, state != CG_LISTEN_STOPPED);

  /* The menu shows the session's speed; setting the state here writes nothing. */
  rate = g_variant_ref_sink (g_variant_new_string (rate_names[cg_listen_session_get_rate (self->session) + 1]));
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "rate")), rate);

  if (self->view != NULL && state == CG_LISTEN_STOPPED)
    cg_document_view_set_spoken_range (self->view, -1, -1);
}

static void
session_changed_cb (CgListenButton *self)
{
  update (self);
}

static void
session_word_cb (CgListenButton  *self,
                 int              start,
                 int              end,
                 CgListenSession *session)
{
  if (is_owner (self) && self->view != NULL)
    cg_document_view_set_spoken_range (self->view, start, end);
}

static void
session_finished_cb (CgListenButton  *self,
                     const GError    *error,
                     CgListenSession *session)
{
  if (is_owner (self))
    show_message (self, error != NULL ? error->message : NULL);
}

/* Where the reader last tapped in the text, if they did: reading starts
 * at the beginning of that line (a paragraph, an item, a heading). */
static guint
start_position (CgListenButton *self,
                CgSpeechScript *script)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkTextIter insert, end;

  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_end_iter (buffer, &end);
  if (gtk_text_iter_is_start (&insert) || gtk_text_iter_equal (&insert, &end))
    return 0;

  gtk_text_iter_set_line_offset (&insert, 0);

  return cg_speech_script_find_position (script, gtk_text_iter_get_offset (&insert));
}

static void
start (CgListenButton *self)
{
  g_autoptr(CgSpeechScript) script = NULL;
  g_autoptr(GError) error = NULL;

  if (self->view == NULL)
    return;

  script = cg_document_view_get_speech_script (self->view);
  /* Search hits share the lit word's colours: only the word stays lit. */
  cg_document_view_highlight (self->view, "", NULL);
  if (!cg_listen_session_start (self->session, script, cg_i18n_get_language (),
                                start_position (self, script), self, &error))
    show_message (self, error->message);
  else
    show_message (self, NULL);
}

static void
buffer_changed_cb (CgListenButton *self)
{
  if (is_owner (self))
    cg_listen_session_stop (self->session);
}

static void
listen_button_clicked_cb (CgListenButton *self)
{
  cg_listen_button_toggle (self);
}

static void
stop_button_clicked_cb (CgListenButton *self)
{
  if (is_owner (self))
    cg_listen_session_stop (self->session);
}

static void
rate_change_state_cb (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  CgListenButton *self = CG_LISTEN_BUTTON (user_data);
  CgApplication *application = get_application ();
  const char *name = g_variant_get_string (value, NULL);

  g_simple_action_set_state (action, value);
  cg_listen_session_set_rate (self->session, rate_from_name (name));

  if (application != NULL && !in_waiting_room ())
    g_settings_set_string (cg_application_get_settings (application), "listen-rate", name);
}

/* A page just shown (the window moves the keyboard into it with nothing
 * focused) starts the keyboard in its text, as before the button was
 * there; Tab and Ctrl+R still reach it. */
static gboolean
cg_listen_button_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (direction == GTK_DIR_TAB_FORWARD && root != NULL && gtk_root_get_focus (root) == NULL)
    return FALSE;

  return GTK_WIDGET_CLASS (cg_listen_button_parent_class)->focus (widget, direction);
}

static void
cg_listen_button_unmap (GtkWidget *widget)
{
  CgListenButton *self = CG_LISTEN_BUTTON (widget);

  if (is_owner (self))
    cg_listen_session_stop (self->session);

  GTK_WIDGET_CLASS (cg_listen_button_parent_class)->unmap (widget);
}

static void
cg_listen_button_dispose (GObject *object)
{
  CgListenButton *self = CG_LISTEN_BUTTON (object);

  if (self->session != NULL && is_owner (self))
    cg_listen_session_stop (self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_LISTEN_BUTTON);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)),
                                          buffer_changed_cb, self);
  g_clear_object (&self->view);
  g_clear_object (&self->session);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (cg_listen_button_parent_class)->dispose (object);
}

static void
cg_listen_button_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CgListenButton *self = CG_LISTEN_BUTTON (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_listen_button_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CgListenButton *self = CG_LISTEN_BUTTON (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      cg_listen_button_set_view (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_listen_button_class_init (CgListenButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_listen_button_dispose;
  object_class->get_property = cg_listen_button_get_property;
  object_class->set_property = cg_listen_button_set_property;
  widget_class->unmap = cg_listen_button_unmap;
  widget_class->focus = cg_listen_button_focus;

  /* The text it reads aloud and lights. */
  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL,
                         CG_TYPE_DOCUMENT_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-listen-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CgListenButton, box);
  gtk_widget_class_bind_template_child (widget_class, CgListenButton, listen_button);
  gtk_widget_class_bind_template_child (widget_class, CgListenButton, listen_content);
  gtk_widget_class_bind_template_child (widget_class, CgListenButton, stop_button);
  gtk_widget_class_bind_template_child (widget_class, CgListenButton, rate_button);
  gtk_widget_class_bind_template_child (widget_class, CgListenButton, message_label);
  gtk_widget_class_bind_template_callback (widget_class, listen_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cg_listen_button_init (CgListenButton *self)
{
  const GActionEntry entries[] = {
    { .name = "rate", .parameter_type = "s", .state = "'normal'", .change_state = rate_change_state_cb },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "listen", G_ACTION_GROUP (self->actions));

  self->session = g_object_ref (cg_listen_session_get_default ());
  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::owner", G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::rate", G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "word", G_CALLBACK (session_word_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "finished", G_CALLBACK (session_finished_cb), self, G_CONNECT_SWAPPED);

  update (self);
}

GtkWidget *
cg_listen_button_new (void)
{
  return g_object_new (CG_TYPE_LISTEN_BUTTON, NULL);
}

CgDocumentView *
cg_listen_button_get_view (CgListenButton *self)
{
  g_return_val_if_fail (CG_IS_LISTEN_BUTTON (self), NULL);

  return self->view;
}

void
cg_listen_button_set_view (CgListenButton *self,
                           CgDocumentView *view)
{
  g_return_if_fail (CG_IS_LISTEN_BUTTON (self));
  g_return_if_fail (view == NULL || CG_IS_DOCUMENT_VIEW (view));

  if (self->view == view)
    return;

  if (is_owner (self))
    cg_listen_session_stop (self->session);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)),
                                          buffer_changed_cb, self);
  g_set_object (&self->view, view);
  /* Another item (or the same again) in the view: the words moved. */
  if (view != NULL)
    g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                             G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/**
 * cg_listen_button_toggle:
 *
 * What a press does: Listen starts reading, then Pause and Resume.
 */
void
cg_listen_button_toggle (CgListenButton *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CG_IS_LISTEN_BUTTON (self));

  if (!is_owner (self))
    {
      start (self);
      return;
    }

  switch (cg_listen_session_get_state (self->session))
    {
    case CG_LISTEN_SPEAKING:
      cg_listen_session_pause (self->session);
      break;

    case CG_LISTEN_PAUSED:
      if (!cg_listen_session_resume (self->session, &error))
        show_message (self, error->message);
      break;

    case CG_LISTEN_STOPPED:
    default:
      start (self);
      break;
    }
}

/**
 * cg_listen_button_find:
 *
 * The keyboard shortcut's button: the one reading now if it is inside
 * @root, otherwise the first one on screen.
 *
 * Returns: (transfer none) (nullable): a button shown inside @root
 */
CgListenButton *
cg_listen_button_find (GtkWidget *root)
{
  gpointer owner = default_session != NULL ? cg_listen_session_get_owner (default_session) : NULL;
  CgListenButton *first = NULL;
  GQueue queue = G_QUEUE_INIT;

  if (root == NULL)
    return NULL;

  if (owner != NULL && gtk_widget_is_ancestor (owner, root) && gtk_widget_get_mapped (owner))
    return owner;

  g_queue_push_tail (&queue, root);
  while (first == NULL && !g_queue_is_empty (&queue))
    {
      GtkWidget *widget = g_queue_pop_head (&queue);

      if (!gtk_widget_get_mapped (widget))
        continue;
      if (CG_IS_LISTEN_BUTTON (widget))
        first = CG_LISTEN_BUTTON (widget);

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (&queue, child);
    }
  g_queue_clear (&queue);

  return first;
}
