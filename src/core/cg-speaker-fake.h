/* cg-speaker-fake.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-speaker.h"

G_BEGIN_DECLS

#define CG_TYPE_SPEAKER_FAKE (cg_speaker_fake_get_type ())

G_DECLARE_FINAL_TYPE (CgSpeakerFake, cg_speaker_fake, CG, SPEAKER_FAKE, CgSpeaker)

CgSpeaker  *cg_speaker_fake_new          (guint          interval_ms);
const char *cg_speaker_fake_get_text     (CgSpeakerFake *self);
const char *cg_speaker_fake_get_language (CgSpeakerFake *self);
CgSpeechRate cg_speaker_fake_get_rate    (CgSpeakerFake *self);
gboolean    cg_speaker_fake_get_speaking (CgSpeakerFake *self);

G_END_DECLS
