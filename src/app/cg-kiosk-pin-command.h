/* cg-kiosk-pin-command.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int cg_kiosk_pin_command_run (GSettings *settings);

G_END_DECLS
