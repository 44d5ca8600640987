/* cg-print-operation.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-item.h"

G_BEGIN_DECLS

#define CG_TYPE_PRINT_OPERATION (cg_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (CgPrintOperation, cg_print_operation, CG, PRINT_OPERATION, GtkPrintOperation)

CgPrintOperation *cg_print_operation_new                (CgItem           *item,
                                                         const char       *clinic_name);
void              cg_print_operation_set_take_home      (CgPrintOperation *self,
                                                         const char       *text);
void              cg_print_operation_remember_settings  (CgPrintOperation *self,
                                                         const char       *path);
char             *cg_print_operation_get_settings_path  (void);
char             *cg_print_operation_get_default_folder (void);
char             *cg_print_operation_make_file_name     (const char       *title);

G_END_DECLS
