/* cg-xml-util.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

gboolean  cg_xml_is_element      (xmlNode    *node,
                                  const char *name);
xmlNode  *cg_xml_first_child     (xmlNode    *parent,
                                  const char *name);
xmlNode  *cg_xml_next_element    (xmlNode    *node);
char     *cg_xml_get_attr        (xmlNode    *node,
                                  const char *name);
char     *cg_xml_get_text        (xmlNode    *node);
char     *cg_xml_collapse_space  (const char *text);

gboolean    cg_xml_has_prefix    (const char *p,
                                  const char *end,
                                  const char *prefix);
const char *cg_xml_skip_past     (const char *p,
                                  const char *end,
                                  const char *terminator);

G_END_DECLS
