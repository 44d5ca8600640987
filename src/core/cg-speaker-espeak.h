/* cg-speaker-espeak.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-speaker.h"

G_BEGIN_DECLS

#define CG_TYPE_SPEAKER_ESPEAK (cg_speaker_espeak_get_type ())

G_DECLARE_FINAL_TYPE (CgSpeakerEspeak, cg_speaker_espeak, CG, SPEAKER_ESPEAK, CgSpeaker)

CgSpeaker *cg_speaker_espeak_new                 (void);
CgSpeaker *cg_speaker_espeak_new_for_file        (const char      *path);
guint      cg_speaker_espeak_get_last_duration   (CgSpeakerEspeak *self);

G_END_DECLS
