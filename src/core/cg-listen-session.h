/* cg-listen-session.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-speaker.h"
#include "cg-speech-script.h"

G_BEGIN_DECLS

typedef enum
{
  CG_LISTEN_STOPPED,
  CG_LISTEN_SPEAKING,
  CG_LISTEN_PAUSED,
} CgListenState;

#define CG_TYPE_LISTEN_STATE (cg_listen_state_get_type ())
#define CG_TYPE_LISTEN_SESSION (cg_listen_session_get_type ())

G_DECLARE_FINAL_TYPE (CgListenSession, cg_listen_session, CG, LISTEN_SESSION, GObject)

GType            cg_listen_state_get_type      (void) G_GNUC_CONST;
CgListenSession *cg_listen_session_new         (CgSpeaker       *speaker);
CgSpeaker       *cg_listen_session_get_speaker (CgListenSession *self);
gboolean         cg_listen_session_start       (CgListenSession *self,
                                                CgSpeechScript  *script,
                                                const char      *language,
                                                guint            position,
                                                gpointer         owner,
                                                GError         **error);
void             cg_listen_session_pause       (CgListenSession *self);
gboolean         cg_listen_session_resume      (CgListenSession *self,
                                                GError         **error);
void             cg_listen_session_stop        (CgListenSession *self);
CgListenState    cg_listen_session_get_state   (CgListenSession *self);
gpointer         cg_listen_session_get_owner   (CgListenSession *self);
CgSpeechRate     cg_listen_session_get_rate    (CgListenSession *self);
void             cg_listen_session_set_rate    (CgListenSession *self,
                                                CgSpeechRate     rate);
gboolean         cg_listen_session_get_word    (CgListenSession *self,
                                                int             *page_start,
                                                int             *page_end);

G_END_DECLS
