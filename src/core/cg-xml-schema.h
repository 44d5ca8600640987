/* cg-xml-schema.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* The longest id the schema allows, in characters. */
#define CG_XML_ID_MAX_LENGTH 80

void        cg_xml_init                    (void);

xmlRelaxNG *cg_xml_schema_acquire          (void);
void        cg_xml_schema_release          (xmlRelaxNG *schema);
gboolean    cg_xml_schema_is_id_attribute  (xmlNode    *element,
                                            xmlAttr    *attribute);
const char * const *cg_xml_schema_get_element_names (void);
const char * const *cg_xml_schema_get_clinic_fields (void);

gboolean    cg_xml_is_valid_id             (const char *value);

G_END_DECLS
