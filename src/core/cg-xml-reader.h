/* cg-xml-reader.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "cg-problem.h"
#include "cg-xml-locator.h"
#include "cg-xml-schema.h"

G_BEGIN_DECLS

GBytes     *cg_xml_reader_read_file   (const char    *path,
                                       gsize          max_size,
                                       CgProblem    **problem);
GBytes     *cg_xml_reader_read_head   (const char    *path,
                                       gsize          size);
const char *cg_xml_reader_sniff_root  (GBytes        *data);
char      **cg_xml_reader_scan_item_ids (GBytes      *data);
xmlDoc     *cg_xml_reader_parse       (xmlRelaxNG    *schema,
                                       GBytes        *data,
                                       const char    *display_name,
                                       gsize          max_size,
                                       CgXmlLocator **locator,
                                       CgProblem    **problem);

G_END_DECLS
