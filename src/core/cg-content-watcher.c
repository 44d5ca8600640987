/* cg-content-watcher.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "cg-content-path.h"
#include "cg-content-watcher.h"
#include "cg-paths.h"
#include "cg-search-index.h"

/* Keeps a CgLibrary in step with the content folders: a file monitor on
 * every folder, a short pause so that an editor's save (often several
 * events) causes one reload, the reload in a worker thread, and the new
 * library swapped in at once when it is ready. A reload never blanks
 * what is shown: the old library stays until the new one is complete.
 * The search index is built in the same thread, so that the library and
 * its index are always swapped together.
 */

#define SETTLE_MS 200

struct _CgContentWatcher
{
  GObject        parent_instance;

  char         **folders;
  char          *language;
  CgLibrary     *library;
  CgSearchIndex *index;
  GThread       *prefetch;   /* returns a Loaded */
  guint          prefetched_id;   /* adopts the prefetch when it is done */
  GCancellable  *prefetched;      /* cancelled by the prefetch when done */
  GPtrArray     *monitors;
  GCancellable  *cancellable;
  GHashTable    *last_good;   /* path → GBytes, see cg_content_loader_set_last_good() */
  guint          settle_id;
  guint          loading : 1;
  guint          pending : 1;
};

typedef struct
{
  char       **folders;
  char        *language;
  GHashTable  *last_good;   /* the worker's own copy */
  CgLibrary   *library;
  CgSearchIndex *index;
  GCancellable *done;   /* prefetch: cancelled when loaded */
  GCancellable *cancellable;   /* prefetch: the watcher's, for a quit while loading */
} LoadRequest;

G_DEFINE_FINAL_TYPE (CgContentWatcher, cg_content_watcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_LANGUAGE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_reload (CgContentWatcher *self);

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_strfreev (request->folders);
  g_free (request->language);
  g_clear_pointer (&request->last_good, g_hash_table_unref);
  g_clear_object (&request->library);
  g_clear_object (&request->index);
  g_clear_object (&request->done);
  g_clear_object (&request->cancellable);
  g_free (request);
}

static GHashTable *
new_last_good (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
}

static GHashTable *
copy_last_good (GHashTable *last_good)
{
  GHashTable *copy = new_last_good ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, last_good);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_bytes_ref (value));

  return copy;
}

static void
load (LoadRequest  *request,
      GCancellable *cancellable)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();
  g_autoptr(GError) error = NULL;

  cg_content_path_setup_loader (loader, (const char * const *) request->folders);
  cg_content_loader_set_language (loader, request->language);
  cg_content_loader_set_last_good (loader, request->last_good);

  g_clear_object (&request->library);
  g_clear_object (&request->index);

  request->library = cg_content_loader_load (loader, cancellable);
  request->index = cg_search_index_new_for_library (request->library, &error);
  if (request->index == NULL)
    {
      /* Reading still works without search. */
      g_warning ("Could not build the search index: %s", error->message);
      request->index = cg_search_index_new ();
    }
}

static LoadRequest *
load_request_new (CgContentWatcher *self)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->folders = g_strdupv (self->folders);
  request->language = g_strdup (self->language);
  request->last_good = copy_last_good (self->last_good);

  return request;
}

static void
adopt (CgContentWatcher *self,
       LoadRequest      *request)
{
  g_clear_pointer (&self->last_good, g_hash_table_unref);
  self->last_good = g_hash_table_ref (request->last_good);

  /* The index first: whoever follows the library finds them in step. */
  g_set_object (&self->index, request->index);
  if (g_set_object (&self->library, request->library))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

static void
set_loading (CgContentWatcher *self,
             gboolean          loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  load (task_data, cancellable);

  g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CgContentWatcher *self = CG_CONTENT_WATCHER (object);
  LoadRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_loading (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not reload the content: %s", error->message);
      return;
    }

  /* Something changed while this load ran: what it read may be stale. */
  if (self->pending)
    {
      self->pending = FALSE;
      start_reload (self);
      return;
    }

  adopt (self, request);
}

static void
start_reload (CgContentWatcher *self)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;

  if (self->loading)
    {
      self->pending = TRUE;
      return;
    }

  request = load_request_new (self);
  set_loading (self, TRUE);

  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, start_reload);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, request, load_request_free);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
settle_cb (gpointer user_data)
{
  CgContentWatcher *self = user_data;

  self->settle_id = 0;
  start_reload (self);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (CgContentWatcher  *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static void
watch (CgContentWatcher *self,
       const char       *path,
       gboolean          directory)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  if (directory)
    monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  else
    monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);

  if (monitor == NULL)
    {
      g_debug ("Not watching %s: %s", path, error->message);
      return;
    }

  g_signal_connect_object (monitor, "changed", G_CALLBACK (monitor_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->monitors, monitor);
}

static void
watch_all (CgContentWatcher *self)
{
  g_autofree char *translated = NULL;

  g_ptr_array_set_size (self->monitors, 0);

  watch (self, cg_paths_get_clinic_file (), FALSE);
  watch (self, cg_paths_get_content_dir (), TRUE);
  translated = g_build_filename (cg_paths_get_translated_dir (), self->language, NULL);
  watch (self, translated, TRUE);

  for (guint i = 0; self->folders[i] != NULL; i++)
    {
      g_autofree char *folder_translated = g_build_filename (self->folders[i], self->language, NULL);

      watch (self, self->folders[i], TRUE);
      watch (self, folder_translated, TRUE);
    }
}

static gpointer
prefetch_thread (gpointer data)
{
  LoadRequest *request = data;

#ifdef __linux__
  /* Window first (F10): on two cores the window's thread comes first.
   * On a busy machine, the 10k corpus's first frame came 2.1 times a bare
   * window's with the loader at nice 0, 1.5 times at 5 and 1.0 times at
   * 19 (noisy runs); the bundled content still made the first frame at
   * 19. 10 keeps some of the loader's share when the machine is busy.
   * On Linux the nice value is the thread's, and the loader's workers,
   * started from here, inherit it. */
  errno = 0;
  if (nice (10) == -1 && errno != 0)
    g_debug ("Could not lower the loader's priority: %s", g_strerror (errno));
#endif

  load (request, request->cancellable);
  g_cancellable_cancel (request->done);

  return data;
}

static void
finish_prefetch (CgContentWatcher *self)
{
  LoadRequest *request;

  if (self->prefetch == NULL)
    return;

  g_clear_handle_id (&self->prefetched_id, g_source_remove);
  g_clear_object (&self->prefetched);
  request = g_thread_join (g_steal_pointer (&self->prefetch));
  adopt (self, request);
  load_request_free (request);
  watch_all (self);
}

static gboolean
prefetched_cb (GCancellable *done,
               gpointer      user_data)
{
  CgContentWatcher *self = user_data;

  self->prefetched_id = 0;
  finish_prefetch (self);

  return G_SOURCE_REMOVE;
}

static void
cg_content_watcher_dispose (GObject *object)
{
  CgContentWatcher *self = CG_CONTENT_WATCHER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->prefetched_id, g_source_remove);
  g_clear_object (&self->prefetched);
  if (self->prefetch != NULL)
    load_request_free (g_thread_join (g_steal_pointer (&self->prefetch)));
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_content_watcher_parent_class)->dispose (object);
}

static void
cg_content_watcher_finalize (GObject *object)
{
  CgContentWatcher *self = CG_CONTENT_WATCHER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_object (&self->index);
  g_clear_pointer (&self->last_good, g_hash_table_unref);
  g_clear_pointer (&self->folders, g_strfreev);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (cg_content_watcher_parent_class)->finalize (object);
}

static void
cg_content_watcher_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CgContentWatcher *self = CG_CONTENT_WATCHER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_content_watcher_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CgContentWatcher *self = CG_CONTENT_WATCHER (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      cg_content_watcher_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_content_watcher_class_init (CgContentWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cg_content_watcher_dispose;
  object_class->finalize = cg_content_watcher_finalize;
  object_class->get_property = cg_content_watcher_get_property;
  object_class->set_property = cg_content_watcher_set_property;

  /* The current library; replaced as a whole after each reload. */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CG_TYPE_LIBRARY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "en",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether a reload is running. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_content_watcher_init (CgContentWatcher *self)
{
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->last_good = new_last_good ();
  self->folders = g_new0 (char *, 1);
  self->language = g_strdup ("en");
}

/**
 * cg_content_watcher_new:
 * @folders: (nullable): the clinic folders on top of the bundled content,
 *   lowest priority first (see cg_content_path_get_folders())
 * @language: (nullable): the content language, "en" by default
 *
 * The library is empty until cg_content_watcher_load() or the first reload.
 */
CgContentWatcher *
cg_content_watcher_new (const char * const *folders,
                        const char         *language)
{
  CgContentWatcher *self = g_object_new (CG_TYPE_CONTENT_WATCHER, NULL);

  g_strfreev (self->folders);
  self->folders = g_strdupv ((char **) (folders ? folders : (const char * const[]) { NULL }));
  g_free (self->language);
  self->language = g_strdup (language ? language : "en");

  return self;
}

/**
 * cg_content_watcher_get_library:
 *
 * Returns: (transfer none) (nullable): the current library; waits for a
 *   prefetch under way
 */
CgLibrary *
cg_content_watcher_get_library (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), NULL);

  finish_prefetch (self);

  return self->library;
}

/**
 * cg_content_watcher_get_search_index:
 *
 * Returns: (transfer none) (nullable): the search index of the current
 *   library
 */
CgSearchIndex *
cg_content_watcher_get_search_index (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), NULL);

  finish_prefetch (self);

  return self->index;
}

const char *
cg_content_watcher_get_language (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), NULL);

  return self->language;
}

/**
 * cg_content_watcher_set_language:
 *
 * Loads the content of another language, synchronously: a language
 * switch must show the new language at once, and the bundled content
 * loads in a few tens of milliseconds.
 */
void
cg_content_watcher_set_language (CgContentWatcher *self,
                                 const char       *language)
{
  g_return_if_fail (CG_IS_CONTENT_WATCHER (self));

  if (language == NULL)
    language = "en";

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);

  if (self->library != NULL || self->prefetch != NULL)
    cg_content_watcher_load (self);
}

const char * const *
cg_content_watcher_get_folders (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), NULL);

  return (const char * const *) self->folders;
}

void
cg_content_watcher_set_folders (CgContentWatcher   *self,
                                const char * const *folders)
{
  g_return_if_fail (CG_IS_CONTENT_WATCHER (self));

  g_strfreev (self->folders);
  self->folders = g_strdupv ((char **) (folders ? folders : (const char * const[]) { NULL }));

  if (self->library != NULL || self->prefetch != NULL)
    cg_content_watcher_load (self);
}

/**
 * cg_content_watcher_load:
 *
 * Loads the content now, in the calling thread, and starts watching the
 * folders for changes.
 */
void
cg_content_watcher_load (CgContentWatcher *self)
{
  LoadRequest *request;

  g_return_if_fail (CG_IS_CONTENT_WATCHER (self));

  finish_prefetch (self);

  /* A background reload of the old configuration must not win. */
  if (self->loading)
    self->pending = TRUE;

  request = load_request_new (self);
  load (request, NULL);
  adopt (self, request);
  load_request_free (request);

  watch_all (self);
}

/**
 * cg_content_watcher_prefetch:
 *
 * Starts loading in a thread of its own right away, for start-up: the
 * content loads while the toolkit starts. The first call that needs the
 * library waits for it; otherwise the library property changes when it
 * is done, in the main loop (see cg_content_watcher_peek_library()).
 */
void
cg_content_watcher_prefetch (CgContentWatcher *self)
{
  g_autoptr(GSource) source = NULL;
  LoadRequest *request;

  g_return_if_fail (CG_IS_CONTENT_WATCHER (self));
  g_return_if_fail (self->library == NULL && self->prefetch == NULL);

  request = load_request_new (self);
  request->done = g_cancellable_new ();
  self->prefetched = g_object_ref (request->done);
  request->cancellable = g_object_ref (self->cancellable);
  /* Window first (F10): nobody has to ask for the library for it to come. */
  source = g_cancellable_source_new (request->done);
  g_source_set_callback (source, G_SOURCE_FUNC (prefetched_cb), self, NULL);
  self->prefetched_id = g_source_attach (source, NULL);
  self->prefetch = g_thread_new ("cg-content-prefetch", prefetch_thread, request);
}

/**
 * cg_content_watcher_reload:
 *
 * Reloads in a worker thread; the library property changes when done.
 */
void
cg_content_watcher_reload (CgContentWatcher *self)
{
  g_return_if_fail (CG_IS_CONTENT_WATCHER (self));

  start_reload (self);
}

gboolean
cg_content_watcher_get_busy (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), FALSE);

  return self->loading;
}

/**
 * cg_content_watcher_peek_library:
 *
 * Window first (F10): the library if it is loaded, without waiting for
 * a prefetch under way; then the library property changes when it comes.
 *
 * Returns: (transfer none) (nullable): the current library, or %NULL
 */
CgLibrary *
cg_content_watcher_peek_library (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), NULL);

  return self->library;
}

/**
 * cg_content_watcher_peek_search_index:
 *
 * Returns: (transfer none) (nullable): the search index of
 *   cg_content_watcher_peek_library(), or %NULL
 */
CgSearchIndex *
cg_content_watcher_peek_search_index (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), NULL);

  return self->index;
}

/**
 * cg_content_watcher_get_prefetching:
 *
 * Returns: whether the first load, started by
 *   cg_content_watcher_prefetch(), is still under way
 */
gboolean
cg_content_watcher_get_prefetching (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), FALSE);

  return self->prefetch != NULL;
}

/**
 * cg_content_watcher_collect_prefetch:
 *
 * Window first (F10): takes in the prefetch now if it is done, without
 * waiting for it otherwise; a content that loads while the toolkit
 * starts is then in the first window.
 *
 * Returns: whether the library is loaded
 */
gboolean
cg_content_watcher_collect_prefetch (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), FALSE);

  if (self->prefetch != NULL && g_cancellable_is_cancelled (self->prefetched))
    finish_prefetch (self);

  return self->library != NULL;
}
