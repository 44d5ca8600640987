/* cg-speech-script.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CG_TYPE_SPEECH_SCRIPT (cg_speech_script_get_type ())

G_DECLARE_FINAL_TYPE (CgSpeechScript, cg_speech_script, CG, SPEECH_SCRIPT, GObject)

CgSpeechScript *cg_speech_script_new            (const char     *page_text);
const char     *cg_speech_script_get_text       (CgSpeechScript *self);
guint           cg_speech_script_get_length     (CgSpeechScript *self);
gboolean        cg_speech_script_get_page_range (CgSpeechScript *self,
                                                 guint           position,
                                                 guint           length,
                                                 int            *page_start,
                                                 int            *page_end);
guint           cg_speech_script_find_position  (CgSpeechScript *self,
                                                 int             page_offset);

G_END_DECLS
