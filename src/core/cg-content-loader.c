/* cg-content-loader.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-content-builder.h"
#include "cg-content-discovery.h"
#include "cg-content-loader-private.h"
#include "cg-content-pipeline.h"
#include "cg-library-private.h"
#include "cg-paths.h"

/* Turns the content folders into a CgLibrary. Folders form a search path:
 * a later folder overrides an earlier one by id. A bad file is reported as
 * a located problem and skipped; every good file still loads.
 *
 * The loader finds the files (cg-content-discovery.c); worker threads read and parse them
 * (cg-content-pipeline.c); only the calling thread turns documents into
 * items and touches the library (cg-content-builder.c), strictly in file
 * order, so that problems and overrides never depend on timing.
 *
 * Clinic fields are filled in as articles are read, so the clinic, topics,
 * synonyms and hide files come first. */

typedef struct
{
  char   *path;
  char   *translated_root;   /* holds <lang>/<file>.xml copies, or NULL */
  GBytes *bytes;             /* the file's contents, when it is held in memory */
} Source;

struct _CgContentLoader
{
  GObject  parent_instance;

  GArray     *sources;
  char       *language;
  gsize       max_file_size;
  GHashTable *last_good;   /* path → GBytes of its last good contents */
};

G_DEFINE_FINAL_TYPE (CgContentLoader, cg_content_loader, G_TYPE_OBJECT)

static void
source_clear (gpointer data)
{
  Source *source = data;

  g_clear_pointer (&source->path, g_free);
  g_clear_pointer (&source->translated_root, g_free);
  g_clear_pointer (&source->bytes, g_bytes_unref);
}

/* Finding the files */

static void
list_source (CgContentLoader *self,
             const Source    *source,
             guint            layer,
             GPtrArray       *paths,
             GArray          *layers,
             CgLibrary       *library)
{
  g_autoptr(CgProblem) problem = NULL;

  if (source->bytes != NULL)
    g_ptr_array_add (paths, g_strdup (source->path));
  else
    cg_content_discovery_list (source->path, paths, &problem);

  if (problem != NULL)
    cg_library_add_problem (library, g_steal_pointer (&problem));

  while (layers->len < paths->len)
    g_array_append_val (layers, layer);
}

/* GObject */

static void
cg_content_loader_finalize (GObject *object)
{
  CgContentLoader *self = CG_CONTENT_LOADER (object);

  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->last_good, g_hash_table_unref);

  G_OBJECT_CLASS (cg_content_loader_parent_class)->finalize (object);
}

static void
cg_content_loader_class_init (CgContentLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_content_loader_finalize;
}

static void
cg_content_loader_init (CgContentLoader *self)
{
  self->sources = g_array_new (FALSE, TRUE, sizeof (Source));
  g_array_set_clear_func (self->sources, source_clear);
  self->language = g_strdup ("en");
  self->max_file_size = CG_CONTENT_LOADER_DEFAULT_MAX_FILE_SIZE;
}

/* Public API */

CgContentLoader *
cg_content_loader_new (void)
{
  return g_object_new (CG_TYPE_CONTENT_LOADER, NULL);
}

/**
 * cg_content_loader_add_path:
 * @path: a content folder, or a single content file
 * @translated_root: (nullable): a folder holding `<lang>/<name>.xml`
 *   translated copies of the files in @path
 *
 * Adds to the end of the search path: what @path defines overrides what
 * earlier paths define with the same id.
 */
void
cg_content_loader_add_path (CgContentLoader *self,
                            const char      *path,
                            const char      *translated_root)
{
  Source source = { 0 };

  g_return_if_fail (CG_IS_CONTENT_LOADER (self));
  g_return_if_fail (path != NULL);

  source.path = g_strdup (path);
  source.translated_root = g_strdup (translated_root);
  g_array_append_val (self->sources, source);
}

/**
 * cg_content_loader_add_bundled:
 *
 * Adds the content that ships with the application: the sample clinic and
 * the bundled articles, with their translations.
 */
void
cg_content_loader_add_bundled (CgContentLoader *self)
{
  g_return_if_fail (CG_IS_CONTENT_LOADER (self));

  cg_content_loader_add_path (self, cg_paths_get_clinic_file (), cg_paths_get_translated_dir ());
  cg_content_loader_add_path (self, cg_paths_get_content_dir (), cg_paths_get_translated_dir ());
}

/**
 * cg_content_loader_add_bytes:
 * @name: how problems name the file
 * @bytes: the contents of one content file
 *
 * Adds a file held in memory to the end of the search path, with the same
 * checks as a file on disk. Its images are never found. For the fuzzer.
 */
void
cg_content_loader_add_bytes (CgContentLoader *self,
                             const char      *name,
                             GBytes          *bytes)
{
  Source source = { 0 };

  g_return_if_fail (CG_IS_CONTENT_LOADER (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (bytes != NULL);

  source.path = g_strdup (name);
  source.bytes = g_bytes_ref (bytes);
  g_array_append_val (self->sources, source);
}

void
cg_content_loader_set_language (CgContentLoader *self,
                                const char      *language)
{
  g_return_if_fail (CG_IS_CONTENT_LOADER (self));

  g_free (self->language);
  self->language = g_strdup (language ? language : "en");
}

void
cg_content_loader_set_max_file_size (CgContentLoader *self,
                                     gsize            max_file_size)
{
  g_return_if_fail (CG_IS_CONTENT_LOADER (self));

  self->max_file_size = max_file_size;
}

/**
 * cg_content_loader_set_last_good:
 * @last_good: (nullable): a table of file path → #GBytes, shared between
 *   successive loads of the same folders
 *
 * Remembers each good file in @last_good and, when a file that was good
 * before has become invalid, loads its last good version instead (and
 * still reports the problem).
 */
void
cg_content_loader_set_last_good (CgContentLoader *self,
                                 GHashTable      *last_good)
{
  g_return_if_fail (CG_IS_CONTENT_LOADER (self));

  if (last_good != NULL)
    g_hash_table_ref (last_good);
  g_clear_pointer (&self->last_good, g_hash_table_unref);
  self->last_good = last_good;
}

/**
 * cg_content_loader_load:
 *
 * Reads every file of the search path. Never fails as a whole: what was
 * wrong is in cg_library_get_problems().
 *
 * Returns: (transfer full): a sealed library
 */
CgLibrary *
cg_content_loader_load (CgContentLoader *self,
                        GCancellable    *cancellable)
{
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) layers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (cg_content_file_free);
  g_autoptr(CgContentPipeline) pipeline = NULL;
  g_autoptr(CgContentBuilder) builder = NULL;

  g_return_val_if_fail (CG_IS_CONTENT_LOADER (self), NULL);

  library = cg_library_new (self->language);

  for (guint i = 0; i < self->sources->len; i++)
    list_source (self, &g_array_index (self->sources, Source, i), i, paths, layers, library);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *source_path = g_ptr_array_index (paths, i);
      guint layer = g_array_index (layers, guint, i);
      const Source *source = &g_array_index (self->sources, Source, layer);
      CgContentFile *file = g_new0 (CgContentFile, 1);

      /* Files held in memory have no translations. */
      if (source->bytes != NULL)
        file->path = g_strdup (source_path);
      else
        file->path = cg_content_discovery_translation (source_path, source->translated_root,
                                                       self->language);
      if (source->bytes == NULL && !g_str_equal (file->path, source_path))
        file->fallback = g_strdup (source_path);
      file->layer = layer;
      if (source->bytes != NULL)
        file->bytes = g_bytes_ref (source->bytes);
      else
        {
          file->base_dir = g_path_get_dirname (source_path);

          /* Looked up here: the workers must not read the table while
           * this thread updates it. */
          if (self->last_good != NULL && g_hash_table_lookup (self->last_good, file->path) != NULL)
            file->previous = g_bytes_ref (g_hash_table_lookup (self->last_good, file->path));
        }
      g_ptr_array_add (files, file);
    }

  pipeline = cg_content_pipeline_new (files, self->max_file_size, self->last_good != NULL,
                                      cancellable);
  cg_content_pipeline_read (pipeline);

  builder = cg_content_builder_new (library);
  cg_content_builder_read_early (builder, files);

  cg_content_pipeline_start_parsing (pipeline);
  for (guint i = 0; i < files->len; i++)
    {
      CgContentFile *file;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      file = cg_content_pipeline_take_parsed (pipeline, i);

      if (file->problem != NULL)
        cg_library_add_problem (library, g_steal_pointer (&file->problem));
      if (file->lost_ids != NULL)
        cg_content_builder_note_lost (builder, (const char * const *) file->lost_ids);
      if (file->good != NULL)
        g_hash_table_replace (self->last_good, g_strdup (file->path), g_steal_pointer (&file->good));
      if (file->doc != NULL)
        cg_content_builder_read_items (builder, file);

      cg_content_file_release (file);
    }
  g_clear_pointer (&pipeline, cg_content_pipeline_free);

  cg_content_builder_finish (builder);
  cg_library_seal (library);

  return g_steal_pointer (&library);
}
