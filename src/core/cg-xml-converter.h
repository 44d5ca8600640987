/* cg-xml-converter.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "cg-clinic.h"
#include "cg-document.h"
#include "cg-xml-reader.h"

G_BEGIN_DECLS

/* A <link ref> or <related ref> met on the way, to be checked once every
 * file has been read. */
typedef struct
{
  char       *target;
  const char *file;     /* the converter's, not copied */
  int         line;
  int         column;
} CgXmlLink;

/* Turns the XML of one content file into documents and plain text. What
 * it finds wrong, or has to check later, it adds to the arrays it is
 * given; it changes nothing else. Filled in by the caller, on the stack. */
typedef struct
{
  const char   *file;       /* how problems name the file; outlives @links */
  const char   *base_dir;   /* where its images are; NULL: none is ever found */
  CgXmlLocator *locator;    /* (nullable) */
  CgClinic     *clinic;     /* (nullable): fills <clinic field="…"/> in */
  GPtrArray    *problems;   /* of CgProblem, in document order */
  GPtrArray    *links;      /* of CgXmlLink, in document order */
  gboolean      rtl;        /* isolates clinic values and Latin runs (cg-bidi.h) */
  gboolean      untranslated;   /* English shown for a reader of another language */
} CgXmlConverter;

void        cg_xml_converter_report          (CgXmlConverter *self,
                                              xmlNode        *node,
                                              int             code,
                                              const char     *message);
void        cg_xml_converter_note_link       (CgXmlConverter *self,
                                              xmlNode        *node,
                                              const char     *target);
char       *cg_xml_converter_inline_text     (CgXmlConverter *self,
                                              xmlNode        *node);
CgDocument *cg_xml_converter_build_document  (CgXmlConverter *self,
                                              xmlNode        *body);

void        cg_xml_link_free                 (gpointer        link);

G_END_DECLS
