/* cg-xml-reader.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "cg-problem.h"

G_BEGIN_DECLS

xmlDoc *cg_xml_reader_read        (const char  *path,
                                   const char  *display_name,
                                   gsize        max_size,
                                   GBytes     **bytes,
                                   CgProblem  **problem);
int     cg_xml_reader_node_column (GBytes      *bytes,
                                   xmlNode     *node);

G_END_DECLS
