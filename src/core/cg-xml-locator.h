/* cg-xml-locator.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Finds where an element's start tag stands in the file, for problems
 * found after parsing. */
typedef struct _CgXmlLocator CgXmlLocator;

CgXmlLocator *cg_xml_locator_new  (GBytes       *text,
                                   xmlDoc       *doc);
void          cg_xml_locator_free (CgXmlLocator *self);
void          cg_xml_locator_find (CgXmlLocator *self,
                                   xmlNode      *node,
                                   int          *line,
                                   int          *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgXmlLocator, cg_xml_locator_free)

G_END_DECLS
