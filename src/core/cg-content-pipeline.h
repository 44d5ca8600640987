/* cg-content-pipeline.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-xml-reader.h"

G_BEGIN_DECLS

/* One file of a load. Lives until the end of the load, for its path; what
 * is heavy goes as soon as the file has been read. */
typedef struct
{
  char         *path;       /* what is parsed: a translated copy or the source */
  char         *base_dir;   /* where the source lives, for images; NULL in memory */
  guint         layer;      /* position of its folder in the search path */
  GBytes       *bytes;      /* its contents, until parsed */
  GBytes       *previous;   /* its last good contents, from an earlier load */
  GBytes       *good;       /* its contents, found good, for the next load */
  gboolean      early;      /* not plainly an article or FAQ file: parsed first */
  gboolean      parsed;     /* doc or problem is final; under the pipeline's mutex */
  xmlDoc       *doc;
  CgXmlLocator *locator;
  CgProblem    *problem;
  char         *fallback;      /* the English source of a translated copy, or NULL */
  gboolean      untranslated;  /* @path is @fallback's English, read for another language */
  char        **lost_ids;      /* ids of items a bad file would have defined */
} CgContentFile;

/* Reads and parses the files of one load in worker threads. */
typedef struct _CgContentPipeline CgContentPipeline;

void               cg_content_file_release            (CgContentFile     *file);
void               cg_content_file_free               (gpointer           file);

CgContentPipeline *cg_content_pipeline_new            (GPtrArray         *files,
                                                       gsize              max_file_size,
                                                       gboolean           track_good,
                                                       GCancellable      *cancellable);
void               cg_content_pipeline_read           (CgContentPipeline *self);
void               cg_content_pipeline_start_parsing  (CgContentPipeline *self);
CgContentFile     *cg_content_pipeline_take_parsed    (CgContentPipeline *self,
                                                       guint              index);
void               cg_content_pipeline_free           (CgContentPipeline *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgContentPipeline, cg_content_pipeline_free)

G_END_DECLS
