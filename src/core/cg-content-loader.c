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
#include "cg-xml-converter.h"
#include "cg-xml-util.h"

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
  GHashTable *shared_ids;  /* after a load: ids claimed more than once */
  GHashTable *referenced_ids;  /* after a load: see cg_content_builder_dup_referenced_ids() */
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

static CgContentFile *
new_file (CgContentLoader *self,
          const char      *source_path,
          guint            layer)
{
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

  return file;
}

/* GObject */

static void
cg_content_loader_finalize (GObject *object)
{
  CgContentLoader *self = CG_CONTENT_LOADER (object);

  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->last_good, g_hash_table_unref);
  g_clear_pointer (&self->shared_ids, g_hash_table_unref);
  g_clear_pointer (&self->referenced_ids, g_hash_table_unref);

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
    g_ptr_array_add (files, new_file (self, g_ptr_array_index (paths, i), g_array_index (layers, guint, i)));

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

  g_clear_pointer (&self->shared_ids, g_hash_table_unref);
  self->shared_ids = cg_content_builder_steal_shared_ids (builder);
  g_clear_pointer (&self->referenced_ids, g_hash_table_unref);
  self->referenced_ids = cg_content_builder_dup_referenced_ids (builder);

  return g_steal_pointer (&library);
}

/**
 * cg_content_loader_list:
 * @paths: (element-type utf8): gets the content files of the search path,
 *   in load order
 * @layers: (element-type guint): gets the folder each is in
 *
 * Lists what cg_content_loader_load() would read, without reading it.
 */
void
cg_content_loader_list (CgContentLoader *self,
                        GPtrArray       *paths,
                        GArray          *layers)
{
  g_autoptr(CgLibrary) scratch = NULL;

  g_return_if_fail (CG_IS_CONTENT_LOADER (self));

  scratch = cg_library_new (self->language);
  for (guint i = 0; i < self->sources->len; i++)
    list_source (self, &g_array_index (self->sources, Source, i), i, paths, layers, scratch);
}

/**
 * cg_content_loader_resolve:
 *
 * Returns: (transfer full): the file that is read for @path of @layer:
 *   its translated copy, when there is one
 */
char *
cg_content_loader_resolve (CgContentLoader *self,
                           const char      *path,
                           guint            layer)
{
  const Source *source;

  g_return_val_if_fail (CG_IS_CONTENT_LOADER (self), NULL);
  g_return_val_if_fail (layer < self->sources->len, NULL);

  source = &g_array_index (self->sources, Source, layer);
  if (source->bytes != NULL)
    return g_strdup (path);

  return cg_content_discovery_translation (path, source->translated_root, self->language);
}

/**
 * cg_content_loader_find_layer:
 *
 * Returns: the folder of the search path that a listing would find @path
 *   in, or %G_MAXUINT when none or more than one would
 */
guint
cg_content_loader_find_layer (CgContentLoader *self,
                              const char      *path)
{
  g_autofree char *dir = NULL;
  guint found = G_MAXUINT;

  g_return_val_if_fail (CG_IS_CONTENT_LOADER (self), G_MAXUINT);

  dir = g_path_get_dirname (path);
  for (guint i = 0; i < self->sources->len; i++)
    {
      const Source *source = &g_array_index (self->sources, Source, i);

      if (source->bytes != NULL || !g_str_equal (source->path, dir))
        continue;
      if (found != G_MAXUINT)
        return G_MAXUINT;
      found = i;
    }

  return found;
}

/**
 * cg_content_loader_steal_shared_ids:
 *
 * Returns: (transfer full) (nullable): after cg_content_loader_load(),
 *   the set of ids more than one element claimed
 */
GHashTable *
cg_content_loader_steal_shared_ids (CgContentLoader *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_LOADER (self), NULL);

  return g_steal_pointer (&self->shared_ids);
}

/**
 * cg_content_loader_steal_referenced_ids:
 *
 * Returns: (transfer full) (nullable): after cg_content_loader_load(),
 *   the ids something other than an item knows (links, hidden ids, …)
 */
GHashTable *
cg_content_loader_steal_referenced_ids (CgContentLoader *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_LOADER (self), NULL);

  return g_steal_pointer (&self->referenced_ids);
}

static int
compare_arrivals (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  guint arrival_a = cg_library_get_item_arrival (user_data, *(CgItem **) a);
  guint arrival_b = cg_library_get_item_arrival (user_data, *(CgItem **) b);

  return arrival_a < arrival_b ? -1 : arrival_a > arrival_b;
}

/* The items of @library from @file, in the order of their elements. */
static GPtrArray *
items_of_file (CgLibrary  *library,
               const char *file)
{
  GListModel *items = cg_library_get_items (library);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (cg_item_get_file (item), file) == 0)
        g_ptr_array_add (found, g_object_ref (item));
    }
  g_ptr_array_sort_with_data (found, compare_arrivals, library);

  return found;
}

/**
 * cg_content_loader_load_changed:
 * @base: the library of the last load of the same search path
 * @shared_ids: the ids more than one element claimed in that load
 * @referenced_ids: the ids something other than an item knows (see
 *   cg_content_loader_steal_referenced_ids())
 * @paths: (element-type utf8): the content files that changed or came,
 *   as cg_content_loader_list() gives them, in load order
 * @layers: (element-type guint): their folders
 * @removed: (element-type utf8): the files that went, two paths each:
 *   as listed, and as read before (its translated copy, or the same)
 * @file_ranks: every file of the search path now, listed or read → its
 *   place in the load order, plus one
 * @old_items: (element-type CgItem): gets the items of @base that go
 * @new_items: (element-type CgItem): gets the items that come, in load
 *   order
 * @links: (element-type utf8): gets the targets of the links read
 * @good: (nullable): gets the files found good, path → #GBytes, for the
 *   table of cg_content_loader_set_last_good(), which this leaves as it is
 *
 * Reads only @paths and puts what they define in place of what they and
 * @removed defined in @base. That gives the library a full load would
 * give only when nothing outside these files depends on what changed:
 * they hold only articles and questions, no other file claims their ids
 * or links to an id that comes or goes, every link they hold leads to an
 * item, and the place of each new item in the sort can be told.
 * Otherwise this returns %NULL and a full load is needed.
 *
 * Returns: (transfer full) (nullable): a sealed library, or %NULL
 */
CgLibrary *
cg_content_loader_load_changed (CgContentLoader *self,
                                CgLibrary       *base,
                                GHashTable      *shared_ids,
                                GHashTable      *referenced_ids,
                                GPtrArray       *paths,
                                GArray          *layers,
                                GPtrArray       *removed,
                                GHashTable      *file_ranks,
                                GPtrArray       *old_items,
                                GPtrArray       *new_items,
                                GPtrArray       *links_out,
                                GHashTable      *good,
                                GCancellable    *cancellable)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (cg_content_file_free);
  g_autoptr(CgContentPipeline) pipeline = NULL;
  g_autoptr(CgContentBuilder) builder = NULL;
  g_autoptr(CgLibrary) scratch = NULL;
  g_autoptr(GHashTable) drop_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) found_good = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) g_bytes_unref);
  g_autoptr(GHashTable) old_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) new_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_problem_free);
  g_autoptr(GPtrArray) file_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lost = g_ptr_array_new_with_free_func (g_free);
  GListModel *items;
  GPtrArray *links;
  gboolean ok = TRUE;
  gboolean dangling = FALSE;
  guint n;

  g_return_val_if_fail (CG_IS_CONTENT_LOADER (self), NULL);
  g_return_val_if_fail (CG_IS_LIBRARY (base), NULL);

  if (shared_ids == NULL || referenced_ids == NULL)
    return NULL;

  for (guint i = 0; i < paths->len; i++)
    {
      guint layer = g_array_index (layers, guint, i);

      if (layer >= self->sources->len || g_array_index (self->sources, Source, layer).bytes != NULL)
        return NULL;
      g_ptr_array_add (files, new_file (self, g_ptr_array_index (paths, i), layer));
    }

  pipeline = cg_content_pipeline_new (files, self->max_file_size, self->last_good != NULL,
                                      cancellable);
  cg_content_pipeline_read (pipeline);

  scratch = cg_library_new (self->language);
  builder = cg_content_builder_new (scratch);
  cg_content_builder_set_clinic (builder, cg_library_get_clinic (base));

  cg_content_pipeline_start_parsing (pipeline);
  for (guint i = 0; i < files->len; i++)
    {
      CgContentFile *file = cg_content_pipeline_take_parsed (pipeline, i);
      xmlNode *root = file->doc ? xmlDocGetRootElement (file->doc) : NULL;

      g_hash_table_add (drop_files, g_strdup (file->path));
      if (file->fallback != NULL)
        g_hash_table_add (drop_files, g_strdup (file->fallback));
      g_ptr_array_add (file_paths, g_strdup (file->path));

      if (file->problem != NULL)
        g_ptr_array_add (problems, g_steal_pointer (&file->problem));
      if (file->good != NULL)
        g_hash_table_replace (found_good, g_strdup (file->path), g_steal_pointer (&file->good));
      for (guint k = 0; file->lost_ids != NULL && file->lost_ids[k] != NULL; k++)
        g_ptr_array_add (lost, g_strdup (file->lost_ids[k]));

      /* Only articles and questions stand alone: topics, the clinic,
       * synonyms and hidden ids change how every other file reads. A
       * file that could not be read at all defines nothing. */
      if (ok && root != NULL && !cg_xml_is_element (root, "article") && !cg_xml_is_element (root, "faq"))
        ok = FALSE;
      if (ok && root != NULL)
        cg_content_builder_read_items (builder, file);

      cg_content_file_release (file);
    }
  g_clear_pointer (&pipeline, cg_content_pipeline_free);

  if (!ok || g_cancellable_is_cancelled (cancellable))
    return NULL;

  /* Two of these files claim one id: who wins, and what each is told,
   * is for a full load to say, and to remember. */
  {
    g_autoptr(GHashTable) claimed_twice = cg_content_builder_steal_shared_ids (builder);

    if (g_hash_table_size (claimed_twice) > 0)
      return NULL;
  }

  cg_library_seal (scratch);

  for (guint i = 0; removed != NULL && i < removed->len; i++)
    g_hash_table_add (drop_files, g_strdup (g_ptr_array_index (removed, i)));

  /* What goes: every item of these files, in one pass over the library. */
  items = cg_library_get_items (base);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      CgItem *item = g_list_model_get_item (items, i);

      if (cg_item_get_file (item) != NULL && g_hash_table_contains (drop_files, cg_item_get_file (item)))
        {
          g_ptr_array_add (old_items, item);
          g_hash_table_add (old_ids, (gpointer) cg_item_get_id (item));
        }
      else
        g_object_unref (item);
    }

  /* A file that went and defined no item may have held topics or
   * synonyms, which everything depends on. */
  for (guint i = 0; removed != NULL && i + 1 < removed->len; i += 2)
    {
      gboolean had_items = FALSE;

      for (guint k = 0; !had_items && k < old_items->len; k++)
        {
          const char *file = cg_item_get_file (g_ptr_array_index (old_items, k));

          had_items = g_strcmp0 (file, g_ptr_array_index (removed, i)) == 0 ||
                      g_strcmp0 (file, g_ptr_array_index (removed, i + 1)) == 0;
        }
      if (!had_items)
        return NULL;
    }

  /* What comes, in load order: file after file, element after element. */
  for (guint f = 0; f < file_paths->len; f++)
    {
      g_autoptr(GPtrArray) after = items_of_file (scratch, g_ptr_array_index (file_paths, f));

      for (guint i = 0; i < after->len; i++)
        {
          CgItem *item = g_ptr_array_index (after, i);

          g_ptr_array_add (new_items, g_object_ref (item));
          g_hash_table_add (new_ids, (gpointer) cg_item_get_id (item));
        }
    }

  for (guint i = 0; i < cg_library_get_problems (base)->len; i++)
    if (((CgProblem *) g_ptr_array_index (cg_library_get_problems (base), i))->code == CG_CONTENT_ERROR_DANGLING_LINK)
      dangling = TRUE;

  for (guint i = 0; i < old_items->len; i++)
    {
      const char *id = cg_item_get_id (g_ptr_array_index (old_items, i));

      /* Another file claims it too, or it goes while something knows it,
       * or a "did you mean" may now suggest another id. */
      if (g_hash_table_contains (shared_ids, id) ||
          (!g_hash_table_contains (new_ids, id) && (g_hash_table_contains (referenced_ids, id) || dangling)))
        return NULL;
    }

  for (guint i = 0; i < new_items->len; i++)
    {
      CgItem *item = g_ptr_array_index (new_items, i);
      const char *id = cg_item_get_id (item);

      /* Claimed elsewhere, or known before it came, or without a topic. */
      if (g_hash_table_contains (shared_ids, id) ||
          (cg_library_lookup_item (base, id) != NULL && !g_hash_table_contains (old_ids, id)) ||
          (!g_hash_table_contains (old_ids, id) && (g_hash_table_contains (referenced_ids, id) || dangling)) ||
          cg_library_lookup_topic (base, cg_item_get_topic_id (item)) == NULL)
        return NULL;
    }

  for (guint i = 0; i < lost->len; i++)
    if (g_hash_table_contains (referenced_ids, g_ptr_array_index (lost, i)))
      return NULL;

  links = cg_content_builder_get_links (builder);
  for (guint i = 0; i < links->len; i++)
    {
      CgXmlLink *link = g_ptr_array_index (links, i);
      CgItem *target = cg_library_lookup_item (base, link->target);

      /* A link that leads nowhere is reported with a near miss from
       * every id, and may be turned into text: a full load decides. */
      if (!g_hash_table_contains (new_ids, link->target) &&
          (target == NULL || g_hash_table_contains (old_ids, link->target)))
        return NULL;
      g_ptr_array_add (links_out, g_strdup (link->target));
    }

  /* The scratch library holds what the builder found wrong in these files. */
  for (guint i = 0; i < cg_library_get_problems (scratch)->len; i++)
    g_ptr_array_add (problems, cg_problem_copy (g_ptr_array_index (cg_library_get_problems (scratch), i)));

  {
    CgLibrary *library = cg_library_derive_changes (base, old_items, scratch, new_items, file_ranks,
                                                    shared_ids, drop_files, problems);

    if (library == NULL)
      return NULL;

    /* The table of last good files is the caller's to update: it may be
     * read by another thread meanwhile. */
    if (good != NULL)
      {
        GHashTableIter iter;
        gpointer key, value;

        g_hash_table_iter_init (&iter, found_good);
        while (g_hash_table_iter_next (&iter, &key, &value))
          g_hash_table_replace (good, g_strdup (key), g_bytes_ref (value));
      }

    return library;
  }
}
