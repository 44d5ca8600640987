/* cg-content-watcher.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cg-content-loader-private.h"
#include "cg-content-path.h"
#include "cg-content-watcher-private.h"
#include "cg-library-private.h"
#include "cg-paths.h"
#include "cg-search-index.h"
#include "cg-settings.h"

/* Keeps a CgLibrary in step with the content folders: a file monitor on
 * every folder (or, on a network share that cannot tell us, a poll), a
 * short pause so that an editor's save (often several events) causes one
 * reload, the reload in a worker thread, and the new library swapped in
 * at once when it is ready. A reload never blanks what is shown: the old
 * library stays until the new one is complete.
 *
 * Each load notes the size, time and inode of every file it listed. A
 * reload after the monitors' events stats again only the files they
 * named, and puts a file that came into the listing, or takes one that
 * went out of it (see snapshot_update()); a poll, or a change the names
 * cannot describe, lists the folders again. Then it compares: when only
 * articles and questions changed, came or went, and in ways nothing else
 * depends on, only those files are read (cg_content_loader_load_changed())
 * and their rows of the search index are deleted and inserted in place,
 * in the worker too (see update_index()), before the library is swapped.
 * Anything else (topics, the clinic, synonyms, an id another file claims
 * or links to, a new language) is a full load, with the search index
 * built in the same thread, so that the library and its index are
 * always swapped together. The UI thread only swaps: a reload never
 * makes it wait for an index to be built or changed.
 *
 * A clinic folder that disappears (a share that drops out, a sync tool
 * that moves it aside) keeps its last good content for a grace period,
 * with a quiet problem that says so; only if it is still gone after that
 * does its content go. */

#define SETTLE_MS        200    /* an editor's save is several events */
#define MAX_WAIT_MS      1500   /* after the first change, even under a continuous writer */
#define OUTAGE_CHECK_MS  1000   /* how often a missing folder is looked for */
#define MAX_CHANGED_FRACTION 50 /* more than one file in 50 changed: a full load is cheaper */

typedef enum
{
  RESULT_NONE,
  RESULT_FULL,
  RESULT_CHANGED,     /* a few files: library derived, rows to replace */
  RESULT_UNCHANGED,   /* nothing changed on disk */
} Result;

/* What a load saw on disk: the files in load order, and each one's
 * signature. */
typedef struct
{
  gint64  size;
  gint64  mtime_sec;
  gint64  mtime_nsec;
  gint64  ctime_sec;
  gint64  ctime_nsec;
  guint64 inode;
} Stamp;

/* What a clinic folder looked like at the last load, to tell a share
 * that was unmounted from a folder emptied on purpose. */
typedef struct
{
  guint   n_files;      /* content files listed in it */
  dev_t   dev;
  dev_t   parent_dev;
} FolderState;

typedef struct
{
  gatomicrefcount  ref_count;
  GPtrArray       *paths;
  GArray          *layers;
  GPtrArray       *resolved;     /* of char *: the translated copy read, or NULL */
  GArray          *stamps;       /* of Stamp: two a path, its own and its copy's */
} Snapshot;

struct _CgContentWatcher
{
  GObject        parent_instance;

  char         **folders;
  char          *language;
  CgLibrary     *library;     /* what is shown */
  CgLibrary     *base;        /* the last library loaded; the same but in an outage */
  CgSearchIndex *index;
  GThread       *prefetch;   /* returns a Loaded */
  guint          prefetched_id;   /* adopts the prefetch when it is done */
  GCancellable  *prefetched;      /* cancelled by the prefetch when done */
  GPtrArray     *monitors;
  GCancellable  *cancellable;
  GHashTable    *last_good;   /* path → GBytes, see cg_content_loader_set_last_good() */
  GHashTable    *shared_ids;  /* of the last full load */
  GHashTable    *referenced;  /* of the last full load, and the links read since */
  Snapshot      *snapshot;    /* of the last load */
  GArray        *folder_states;  /* of FolderState, one a folder, or empty */
  GSettings     *settings;
  guint          settle_id;
  gint64         first_change;   /* monotonic, of the first change not yet loaded; 0 if none */
  guint          grace_ms;
  guint          poll_ms;
  guint          poll_id;
  gint64         outage_since;   /* monotonic; 0 when every folder is there */
  guint          outage_id;      /* looks for the folder again */
  guint          grace_id;       /* when the grace period ends */
  guint          n_partial;      /* reloads that read only what changed, for the tests */
  guint          n_listings;     /* background reloads that listed every folder, for the tests */
  guint          n_full;         /* background reloads that read everything, for the tests */
  guint          generation;     /* of the configuration: a load of an older one is dropped */
  guint          serial;         /* of the reload under way, see announce_cb() */
  gint64         started;        /* monotonic, when it began, for the bench */
  GHashTable    *named;          /* paths the monitors named since the last reload began */
  GMutex         threads_lock;
  GCond          threads_done;
  guint          n_threads;      /* reload workers still reading or parsing */
  guint          stopped : 1;    /* see cg_content_watcher_stop() */
  guint          list_all : 1;   /* the next reload lists every folder: see snapshot_update() */
  guint          unwatched : 1;  /* a folder without a monitor: names are not all there is */
  guint          loading : 1;    /* a reload runs in a worker */
  guint          busy : 1;       /* and it found something to change */
  guint          pending : 1;
  guint          outage_expired : 1;
  guint          force_polling : 1;
  guint          polling : 1;
};

typedef struct
{
  char         **folders;
  char          *language;
  GHashTable    *last_good;   /* the worker's own copy, or the watcher's to read */
  gboolean       shared_last_good;
  GHashTable    *good;        /* path → GBytes, found good by a partial reload */
  CgLibrary     *base;
  GHashTable    *shared_ids;
  GHashTable    *referenced;
  Snapshot      *old_snapshot;
  gboolean       full;
  guint          generation;
  guint          serial;
  GTask         *task;        /* while it runs in a worker; not a reference */
  GHashTable    *named;       /* or NULL: list every folder */
  gboolean       listed;
  gboolean       announced;

  CgSearchIndex *live_index;  /* partial: the index shown, whose rows it replaces */

  Result         result;
  CgLibrary     *library;
  CgSearchIndex *index;       /* a new one to swap in, or NULL: live_index was changed */
  GCancellable *done;   /* prefetch: cancelled when loaded */
  GCancellable *cancellable;   /* prefetch: the watcher's, for a quit while loading */
  GHashTable    *new_shared_ids;
  GHashTable    *new_referenced;
  Snapshot      *snapshot;
  GPtrArray     *old_items;
  GPtrArray     *new_items;
  GPtrArray     *links;       /* targets of the links a partial reload read */
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
static void note_folders (CgContentWatcher *self);
static void watch_all    (CgContentWatcher *self);
static void set_busy     (CgContentWatcher *self,
                          gboolean          busy);

/* Snapshots */

static Snapshot *
snapshot_ref (Snapshot *snapshot)
{
  g_atomic_ref_count_inc (&snapshot->ref_count);
  return snapshot;
}

static void
snapshot_unref (Snapshot *snapshot)
{
  if (!g_atomic_ref_count_dec (&snapshot->ref_count))
    return;

  g_ptr_array_unref (snapshot->paths);
  g_array_unref (snapshot->layers);
  g_ptr_array_unref (snapshot->resolved);
  g_array_unref (snapshot->stamps);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_unref)

/* Size and modification time as the issue asks, with the inode and the
 * change time: a save by rename, or two saves within one tick of a
 * coarse clock, still shows. Zeros for a file that is not there. */
static Stamp
stamp_of (const char *path)
{
  Stamp stamp = { 0 };
  struct stat buf;

  if (path != NULL && stat (path, &buf) == 0)
    {
      stamp.size = buf.st_size;
      stamp.mtime_sec = buf.st_mtim.tv_sec;
      stamp.mtime_nsec = buf.st_mtim.tv_nsec;
      stamp.ctime_sec = buf.st_ctim.tv_sec;
      stamp.ctime_nsec = buf.st_ctim.tv_nsec;
      stamp.inode = buf.st_ino;
    }

  return stamp;
}

/* Lists and stats; reads nothing. */
static Snapshot *
snapshot_take (CgContentLoader *loader)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  g_atomic_ref_count_init (&snapshot->ref_count);
  snapshot->paths = g_ptr_array_new_with_free_func (g_free);
  snapshot->layers = g_array_new (FALSE, FALSE, sizeof (guint));
  snapshot->resolved = g_ptr_array_new_with_free_func (g_free);
  snapshot->stamps = g_array_new (FALSE, TRUE, sizeof (Stamp));

  cg_content_loader_list (loader, snapshot->paths, snapshot->layers);
  g_array_set_size (snapshot->stamps, snapshot->paths->len * 2);
  for (guint i = 0; i < snapshot->paths->len; i++)
    {
      const char *path = g_ptr_array_index (snapshot->paths, i);
      char *resolved = cg_content_loader_resolve (loader, path, g_array_index (snapshot->layers, guint, i));

      if (g_str_equal (resolved, path))
        g_clear_pointer (&resolved, g_free);
      g_ptr_array_add (snapshot->resolved, resolved);
      g_array_index (snapshot->stamps, Stamp, 2 * i) = stamp_of (path);
      g_array_index (snapshot->stamps, Stamp, 2 * i + 1) = stamp_of (resolved);
    }

  return snapshot;
}

/* Whether @path is @inner or a folder @inner is in. */
static gboolean
contains (const char *inner,
          const char *path)
{
  gsize len = strlen (path);

  return inner != NULL && strncmp (inner, path, len) == 0 &&
         (inner[len] == '\0' || inner[len] == G_DIR_SEPARATOR);
}

typedef struct
{
  char  *path;
  guint  layer;
} Addition;

static int
compare_additions (gconstpointer a,
                   gconstpointer b)
{
  const Addition *x = a, *y = b;

  if (x->layer != y->layer)
    return x->layer < y->layer ? -1 : 1;

  return strcmp (x->path, y->path);
}

static void
snapshot_append (Snapshot        *snapshot,
                 CgContentLoader *loader,
                 const char      *path,
                 guint            layer)
{
  char *resolved = cg_content_loader_resolve (loader, path, layer);
  Stamp stamps[2];

  if (g_str_equal (resolved, path))
    g_clear_pointer (&resolved, g_free);
  stamps[0] = stamp_of (path);
  stamps[1] = stamp_of (resolved);
  g_ptr_array_add (snapshot->paths, g_strdup (path));
  g_array_append_val (snapshot->layers, layer);
  g_ptr_array_add (snapshot->resolved, resolved);
  g_array_append_vals (snapshot->stamps, stamps, 2);
}

/* The old listing without the files that went, with the files that came
 * where a listing would put them: each folder's files sorted by name. */
static Snapshot *
snapshot_merge (Snapshot        *old,
                GArray          *stamps,
                GHashTable      *gone,
                GArray          *additions,
                CgContentLoader *loader)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  guint next = 0;

  g_atomic_ref_count_init (&snapshot->ref_count);
  snapshot->paths = g_ptr_array_new_with_free_func (g_free);
  snapshot->layers = g_array_new (FALSE, FALSE, sizeof (guint));
  snapshot->resolved = g_ptr_array_new_with_free_func (g_free);
  snapshot->stamps = g_array_new (FALSE, TRUE, sizeof (Stamp));

  g_array_sort (additions, compare_additions);
  for (guint i = 0; i <= old->paths->len; i++)
    {
      const char *path = i < old->paths->len ? g_ptr_array_index (old->paths, i) : NULL;
      guint layer = i < old->paths->len ? g_array_index (old->layers, guint, i) : G_MAXUINT;

      while (next < additions->len)
        {
          Addition *addition = &g_array_index (additions, Addition, next);

          if (path != NULL && (addition->layer > layer ||
                               (addition->layer == layer && strcmp (addition->path, path) > 0)))
            break;
          snapshot_append (snapshot, loader, addition->path, addition->layer);
          next++;
        }

      if (path == NULL || g_hash_table_contains (gone, GUINT_TO_POINTER (i + 1)))
        continue;

      g_ptr_array_add (snapshot->paths, g_strdup (path));
      g_array_append_val (snapshot->layers, layer);
      g_ptr_array_add (snapshot->resolved, g_strdup (g_ptr_array_index (old->resolved, i)));
      g_array_append_vals (snapshot->stamps, &g_array_index (stamps, Stamp, 2 * i), 2);
    }

  return snapshot;
}

/* What a reload after a monitor's events needs: the last snapshot with
 * only the files the monitor named stat-ed again, rather than 10,000
 * files listed and stat-ed. A content file that appeared in a folder
 * read, or went, is put in or taken out where a listing would have it.
 * %NULL when the names say more may have changed (a folder, a translated
 * copy, the clinic file), which only listing again can tell. */
static Snapshot *
snapshot_update (Snapshot           *old,
                 GHashTable         *named,
                 const char * const *folders,
                 CgContentLoader    *loader)
{
  g_autoptr(Snapshot) snapshot = g_new0 (Snapshot, 1);
  g_autoptr(GHashTable) places = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) gone = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) additions = g_array_new (FALSE, FALSE, sizeof (Addition));
  GHashTableIter iter;
  gpointer key;

  g_atomic_ref_count_init (&snapshot->ref_count);
  snapshot->paths = g_ptr_array_ref (old->paths);
  snapshot->layers = g_array_ref (old->layers);
  snapshot->resolved = g_ptr_array_ref (old->resolved);
  snapshot->stamps = g_array_copy (old->stamps);

  for (guint i = 0; i < old->paths->len; i++)
    {
      const char *resolved = g_ptr_array_index (old->resolved, i);

      g_hash_table_insert (places, g_ptr_array_index (old->paths, i), GUINT_TO_POINTER (i + 1));
      if (resolved != NULL)
        g_hash_table_insert (places, (gpointer) resolved, GUINT_TO_POINTER (i + 1));
    }

  g_hash_table_iter_init (&iter, named);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *path = key;
      guint place = GPOINTER_TO_UINT (g_hash_table_lookup (places, path));
      g_autofree char *name = g_path_get_basename (path);

      if (place == 0)
        {
          gboolean content = g_str_has_suffix (name, ".xml") && name[0] != '.';
          Addition addition;

          /* A folder, or a folder we read that came or went, changes
           * the listing; so does the clinic file, or the bundled content. */
          if (g_file_test (path, G_FILE_TEST_IS_DIR) ||
              contains (cg_paths_get_clinic_file (), path) ||
              contains (cg_paths_get_content_dir (), path) ||
              contains (cg_paths_get_translated_dir (), path))
            return NULL;
          for (guint f = 0; folders[f] != NULL; f++)
            if (contains (folders[f], path))
              return NULL;

          /* An editor's temporary or swap file is not content, nor is a
           * file that came and went already. */
          if (!content || !g_file_test (path, G_FILE_TEST_EXISTS))
            continue;

          /* A new file in a folder read: where a listing puts it. In a
           * translations folder, or anywhere else, a listing decides. */
          addition.layer = cg_content_loader_find_layer (loader, path);
          if (addition.layer == G_MAXUINT || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
            return NULL;
          addition.path = (char *) path;
          g_array_append_val (additions, addition);
          continue;
        }

      {
        guint i = place - 1;
        Stamp *stamps = &g_array_index (snapshot->stamps, Stamp, 2 * i);
        const char *listed = g_ptr_array_index (old->paths, i);

        stamps[0] = stamp_of (listed);
        stamps[1] = stamp_of (g_ptr_array_index (old->resolved, i));

        /* Gone: taken out, if it was one of a folder's files. Its
         * translated copy gone, or a single file named as a source:
         * only a listing tells. */
        if (stamps[0].inode == 0 && g_str_equal (path, listed) &&
            cg_content_loader_find_layer (loader, listed) == g_array_index (old->layers, guint, i))
          g_hash_table_add (gone, GUINT_TO_POINTER (place));
        else if (stamps[0].inode == 0 ||
                 (g_ptr_array_index (old->resolved, i) != NULL && stamps[1].inode == 0))
          return NULL;
      }
    }

  if (additions->len > 0 || g_hash_table_size (gone) > 0)
    return snapshot_merge (old, snapshot->stamps, gone, additions, loader);

  return g_steal_pointer (&snapshot);
}

/* Loading */

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_strfreev (request->folders);
  g_free (request->language);
  g_clear_pointer (&request->last_good, g_hash_table_unref);
  g_clear_pointer (&request->good, g_hash_table_unref);
  g_clear_object (&request->base);
  g_clear_pointer (&request->shared_ids, g_hash_table_unref);
  g_clear_pointer (&request->referenced, g_hash_table_unref);
  g_clear_pointer (&request->old_snapshot, snapshot_unref);
  g_clear_pointer (&request->named, g_hash_table_unref);
  g_clear_object (&request->live_index);
  g_clear_object (&request->library);
  g_clear_object (&request->index);
  g_clear_object (&request->done);
  g_clear_object (&request->cancellable);
  g_clear_pointer (&request->new_shared_ids, g_hash_table_unref);
  g_clear_pointer (&request->new_referenced, g_hash_table_unref);
  g_clear_pointer (&request->snapshot, snapshot_unref);
  g_clear_pointer (&request->old_items, g_ptr_array_unref);
  g_clear_pointer (&request->new_items, g_ptr_array_unref);
  g_clear_pointer (&request->links, g_ptr_array_unref);
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

typedef struct
{
  CgContentWatcher *watcher;
  guint             serial;
} Announce;

static gboolean
announce_cb (gpointer data)
{
  Announce *announce = data;
  CgContentWatcher *self = announce->watcher;

  /* Unless that reload has already ended. */
  if (self->loading && self->serial == announce->serial)
    set_busy (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
announce_free (gpointer data)
{
  Announce *announce = data;

  g_object_unref (announce->watcher);
  g_free (announce);
}

/* A poll of a share every 30 s mostly finds nothing: the watcher is busy
 * only once the worker has found something to change, so that whatever
 * shows "busy" does not flicker at every poll. */
static void
announce_changes (LoadRequest *request)
{
  Announce *announce;

  if (request->task == NULL || request->announced)
    return;

  request->announced = TRUE;
  announce = g_new0 (Announce, 1);
  announce->watcher = g_object_ref (g_task_get_source_object (request->task));
  announce->serial = request->serial;
  g_main_context_invoke_full (g_task_get_context (request->task), G_PRIORITY_DEFAULT,
                              announce_cb, announce, announce_free);
}

/* Reads only what changed since the last load, when that gives what a
 * full load would; see cg_content_loader_load_changed(). A file that
 * came or went is read, or dropped, on its own too. */
static gboolean
load_changes (LoadRequest     *request,
              CgContentLoader *loader,
              GCancellable    *cancellable)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GArray) layers = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) ranks = NULL;
  Snapshot *old = request->old_snapshot;
  Snapshot *now = request->snapshot;
  guint n_changes;

  if (request->full || request->base == NULL || old == NULL || request->shared_ids == NULL)
    return FALSE;

  /* Path → its place in the old listing, plus one. */
  before = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < old->paths->len; i++)
    g_hash_table_insert (before, g_ptr_array_index (old->paths, i), GUINT_TO_POINTER (i + 1));

  paths = g_ptr_array_new ();
  layers = g_array_new (FALSE, FALSE, sizeof (guint));
  removed = g_ptr_array_new ();
  ranks = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < now->paths->len; i++)
    {
      char *path = g_ptr_array_index (now->paths, i);
      char *resolved = g_ptr_array_index (now->resolved, i);

      g_hash_table_remove (before, path);
      g_hash_table_insert (ranks, path, GUINT_TO_POINTER (i + 1));
      if (resolved != NULL)
        g_hash_table_insert (ranks, resolved, GUINT_TO_POINTER (i + 1));
    }
  /* What is left of the old listing went. */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, before);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        guint i = GPOINTER_TO_UINT (value) - 1;
        const char *resolved = g_ptr_array_index (old->resolved, i);

        g_ptr_array_add (removed, key);
        g_ptr_array_add (removed, (gpointer) (resolved ? resolved : key));
      }
  }

  /* Changed or new, in load order. */
  {
    g_autoptr(GHashTable) places = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < old->paths->len; i++)
      g_hash_table_insert (places, g_ptr_array_index (old->paths, i), GUINT_TO_POINTER (i + 1));

    for (guint i = 0; i < now->paths->len; i++)
      {
        char *path = g_ptr_array_index (now->paths, i);
        guint place = GPOINTER_TO_UINT (g_hash_table_lookup (places, path));
        guint layer = g_array_index (now->layers, guint, i);

        if (place == 0 || g_array_index (old->layers, guint, place - 1) != layer ||
            g_strcmp0 (g_ptr_array_index (old->resolved, place - 1), g_ptr_array_index (now->resolved, i)) != 0 ||
            memcmp (&g_array_index (old->stamps, Stamp, 2 * (place - 1)),
                    &g_array_index (now->stamps, Stamp, 2 * i), 2 * sizeof (Stamp)) != 0)
          {
            g_ptr_array_add (paths, path);
            g_array_append_val (layers, layer);
          }
      }
  }

  n_changes = paths->len + removed->len / 2;
  if (n_changes == 0)
    {
      request->result = RESULT_UNCHANGED;
      return TRUE;
    }

  announce_changes (request);

  if (n_changes > MAX (8, now->paths->len / MAX_CHANGED_FRACTION))
    return FALSE;

  request->old_items = g_ptr_array_new_with_free_func (g_object_unref);
  request->new_items = g_ptr_array_new_with_free_func (g_object_unref);
  request->links = g_ptr_array_new_with_free_func (g_free);
  request->good = new_last_good ();
  request->library = cg_content_loader_load_changed (loader, request->base, request->shared_ids,
                                                     request->referenced, paths, layers, removed,
                                                     ranks, request->old_items, request->new_items,
                                                     request->links, request->good, cancellable);
  if (request->library == NULL)
    {
      g_clear_pointer (&request->old_items, g_ptr_array_unref);
      g_clear_pointer (&request->new_items, g_ptr_array_unref);
      g_clear_pointer (&request->links, g_ptr_array_unref);
      return FALSE;
    }

  request->result = RESULT_CHANGED;

  return TRUE;
}

/* The search index of @library, built in the calling thread. Stopped
 * (the program quits): a part read is not worth indexing. */
static CgSearchIndex *
index_library (CgLibrary    *library,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  CgSearchIndex *index;

  if (g_cancellable_is_cancelled (cancellable))
    return cg_search_index_new ();

  index = cg_search_index_new_for_library (library, &error);
  if (index == NULL)
    {
      /* Reading still works without search. */
      g_warning ("Could not build the search index: %s", error->message);
      index = cg_search_index_new ();
    }

  return index;
}

/* The index of a partial reload, in the worker (F10): the rows of the
 * files that changed, came or went, replaced in the index shown; or,
 * when that cannot be done, a new index of the new library, which
 * adopt() swaps in with it. Either way the UI thread does not wait.
 *
 * Why this is safe in the worker: reload workers run one at a time
 * (start_reload() waits for the last), and only they change an index's
 * rows; a full load builds an index of its own and swaps it in. So
 * nothing else writes to live_index meanwhile. The UI thread still
 * searches it: the index's lock lets one thread at a time in, for its
 * SQLite connections (opened without SQLite's mutex), its tokenizer and
 * the query it scores. live_index is a reference of the request's, so a
 * full load that replaced it meanwhile does not free it under us; the
 * result is then dropped (see load_done_cb()). The items are the sealed
 * ones of request->library, and request->base holds the old ones, so
 * none of them is finalized here. A search in the moment between this
 * and the swap already finds the new rows: their items are complete,
 * and the window searches again once the library is swapped. */
static void
update_index (LoadRequest  *request,
              GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (request->live_index != NULL &&
      cg_search_index_update_items (request->live_index, request->library,
                                    request->old_items, request->new_items, &error))
    {
      g_debug ("Search index: %u rows out, %u in, in %.1f ms", request->old_items->len,
               request->new_items->len, (g_get_monotonic_time () - start) / 1000.0);
      return;
    }

  /* Rows added again and again between the same two leave no rowid
   * between them (the index is then as it was): a new index spreads
   * them out again. Any other failure may have left it half changed. */
  if (error == NULL)
    g_debug ("Building a search index: there was none to update");
  else if (g_error_matches (error, CG_SEARCH_ERROR, CG_SEARCH_ERROR_NO_ROOM))
    g_debug ("Building the search index again: %s", error->message);
  else
    g_warning ("Could not update the search index: %s", error->message);
  request->index = index_library (request->library, cancellable);
}

static void
load (LoadRequest  *request,
      GCancellable *cancellable)
{
  g_autoptr(CgContentLoader) loader = cg_content_loader_new ();

  cg_content_path_setup_loader (loader, (const char * const *) request->folders);
  cg_content_loader_set_language (loader, request->language);
  cg_content_loader_set_last_good (loader, request->last_good);

  g_clear_object (&request->library);
  g_clear_object (&request->index);
  g_clear_pointer (&request->snapshot, snapshot_unref);

  /* Before anything is read: a file that changes while it is read is
   * read again next time. */
  if (!request->full && request->named != NULL && request->old_snapshot != NULL)
    request->snapshot = snapshot_update (request->old_snapshot, request->named,
                                         (const char * const *) request->folders, loader);
  if (request->snapshot == NULL)
    {
      request->snapshot = snapshot_take (loader);
      request->listed = TRUE;
    }

  if (load_changes (request, loader, cancellable))
    {
      if (request->result == RESULT_CHANGED)
        update_index (request, cancellable);
      return;
    }

  announce_changes (request);

  /* The full load writes the files it finds good into the table. */
  g_clear_pointer (&request->good, g_hash_table_unref);
  if (request->shared_last_good)
    {
      GHashTable *copy = copy_last_good (request->last_good);

      g_hash_table_unref (request->last_good);
      request->last_good = copy;
      request->shared_last_good = FALSE;
      cg_content_loader_set_last_good (loader, request->last_good);
    }

  request->result = RESULT_FULL;
  request->library = cg_content_loader_load (loader, cancellable);
  request->new_shared_ids = cg_content_loader_steal_shared_ids (loader);
  request->new_referenced = cg_content_loader_steal_referenced_ids (loader);
  request->index = index_library (request->library, cancellable);
}

static LoadRequest *
load_request_new (CgContentWatcher *self,
                  gboolean          full)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->folders = g_strdupv (self->folders);
  request->language = g_strdup (self->language);
  /* A partial reload only reads the table, and hands the good files it
   * found back (see adopt()); a full load writes into its own copy. */
  request->last_good = full ? copy_last_good (self->last_good) : g_hash_table_ref (self->last_good);
  request->shared_last_good = !full;
  request->full = full;
  request->generation = self->generation;
  if (!full)
    {
      request->base = self->base ? g_object_ref (self->base) : NULL;
      request->shared_ids = self->shared_ids ? g_hash_table_ref (self->shared_ids) : NULL;
      request->referenced = self->referenced ? g_hash_table_ref (self->referenced) : NULL;
      request->old_snapshot = self->snapshot ? snapshot_ref (self->snapshot) : NULL;
      request->live_index = self->index ? g_object_ref (self->index) : NULL;
    }

  return request;
}

static void
show (CgContentWatcher *self,
      CgLibrary        *library)
{
  if (g_set_object (&self->library, library))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

static void
adopt (CgContentWatcher *self,
       LoadRequest      *request)
{
  if (request->good != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, request->good);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (self->last_good, g_strdup (key), g_bytes_ref (value));
    }
  else if (request->last_good != self->last_good)
    {
      g_clear_pointer (&self->last_good, g_hash_table_unref);
      self->last_good = g_hash_table_ref (request->last_good);
    }
  g_clear_pointer (&self->snapshot, snapshot_unref);
  self->snapshot = snapshot_ref (request->snapshot);
  if (request->listed && !request->full)
    self->n_listings++;

  switch (request->result)
    {
    case RESULT_CHANGED:
      /* Links read since the full load: what they lead to may not
       * go on its own now. No worker holds the table. */
      for (guint i = 0; self->referenced != NULL && i < request->links->len; i++)
        g_hash_table_add (self->referenced, g_strdup (g_ptr_array_index (request->links, i)));

      /* The worker changed the index shown, or built a new one (see
       * update_index()): only a swap is left for this thread. */
      g_assert (request->index != NULL || request->live_index == self->index);
      if (request->index != NULL)
        g_set_object (&self->index, request->index);
      g_set_object (&self->base, request->library);
      self->n_partial++;
      break;

    case RESULT_FULL:
      g_clear_pointer (&self->shared_ids, g_hash_table_unref);
      self->shared_ids = g_steal_pointer (&request->new_shared_ids);
      g_clear_pointer (&self->referenced, g_hash_table_unref);
      self->referenced = g_steal_pointer (&request->new_referenced);
      if (!request->full)
        self->n_full++;
      /* The index first: whoever follows the library finds them in step. */
      g_set_object (&self->index, request->index);
      g_set_object (&self->base, request->library);
      break;

    case RESULT_UNCHANGED:
    case RESULT_NONE:
    default:
      break;
    }

  note_folders (self);
  show (self, self->base);
}

static void
set_busy (CgContentWatcher *self,
          gboolean          busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_loading (CgContentWatcher *self,
             gboolean          loading)
{
  self->loading = !!loading;
  if (!loading)
    set_busy (self, FALSE);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CgContentWatcher *self = source_object;
  LoadRequest *request = task_data;

  request->task = task;
  load (request, cancellable);
  request->task = NULL;

  g_mutex_lock (&self->threads_lock);
  self->n_threads--;
  g_cond_broadcast (&self->threads_done);
  g_mutex_unlock (&self->threads_lock);

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
  /* Stopped half way: what it read is not all there is. */
  if (self->stopped)
    return;

  /* A load of this thread replaced what this one started from, or the
   * language changed meanwhile: what it read does not apply. (Such a
   * load replaced the index too: the one a partial reload changed in
   * place is no longer shown.) */
  if (request->generation != self->generation ||
      (request->result != RESULT_FULL && request->base != self->base) ||
      (request->result == RESULT_CHANGED && request->live_index != self->index))
    {
      self->pending = FALSE;
      self->list_all = TRUE;
      start_reload (self);
      return;
    }

  /* What it read is complete, even if something changed since: shown
   * now, so that a writer that never stops cannot hold every change
   * back; the change is read next. */
  {
    gint64 start = g_get_monotonic_time ();

    adopt (self, request);
    g_debug ("Reload swapped in on the UI thread in %.2f ms",
             (g_get_monotonic_time () - start) / 1000.0);
  }

  if (self->pending)
    {
      self->pending = FALSE;
      start_reload (self);
    }
}

/* Outages */

static gboolean
device_of (const char *path,
           dev_t      *dev)
{
  struct stat buf;

  if (stat (path, &buf) != 0)
    return FALSE;

  *dev = buf.st_dev;

  return TRUE;
}

/* Remembers, at each load the folders were there for, how many files
 * each held and whether it was a mount point. */
static void
note_folders (CgContentWatcher *self)
{
  guint n_folders = g_strv_length (self->folders);

  g_array_set_size (self->folder_states, n_folders);
  for (guint i = 0; i < n_folders; i++)
    {
      FolderState *state = &g_array_index (self->folder_states, FolderState, i);
      g_autofree char *parent = g_path_get_dirname (self->folders[i]);

      state->n_files = 0;
      for (guint p = 0; self->snapshot != NULL && p < self->snapshot->paths->len; p++)
        if (contains (g_ptr_array_index (self->snapshot->paths, p), self->folders[i]))
          state->n_files++;
      if (!device_of (self->folders[i], &state->dev) || !device_of (parent, &state->parent_dev))
        state->dev = state->parent_dev = 0;
    }
}

/* Gone or unreadable: a share that dropped out often answers with an
 * error rather than "no such file". An unmounted share often leaves its
 * mount point behind: a folder that held several files and is empty all
 * at once, or that is now on its parent's device when it was not, is
 * unavailable too. A folder whose last file was deleted is not: that
 * may be on purpose. */
static gboolean
folder_unavailable (CgContentWatcher *self,
                    guint             i)
{
  const char *folder = self->folders[i];
  const FolderState *state = i < self->folder_states->len
    ? &g_array_index (self->folder_states, FolderState, i) : NULL;
  g_autoptr(GDir) dir = NULL;
  dev_t dev;

  if (!g_file_test (folder, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return FALSE;

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return TRUE;

  if (state == NULL)
    return FALSE;

  if (state->n_files > 1 && g_dir_read_name (dir) == NULL)
    return TRUE;

  return state->dev != state->parent_dev && device_of (folder, &dev) && dev == state->parent_dev;
}

static gboolean
folders_missing (CgContentWatcher *self)
{
  for (guint i = 0; self->folders[i] != NULL; i++)
    if (folder_unavailable (self, i))
      return TRUE;

  return FALSE;
}

static void
end_outage (CgContentWatcher *self)
{
  self->outage_since = 0;
  self->outage_expired = FALSE;
  g_clear_handle_id (&self->outage_id, g_source_remove);
  g_clear_handle_id (&self->grace_id, g_source_remove);
}

static gboolean
outage_check_cb (gpointer user_data)
{
  CgContentWatcher *self = user_data;

  if (folders_missing (self))
    return G_SOURCE_CONTINUE;

  /* Back: whatever changed meanwhile is read, and watched again. */
  self->outage_id = 0;
  end_outage (self);
  watch_all (self);
  self->list_all = TRUE;
  start_reload (self);

  return G_SOURCE_REMOVE;
}

static gboolean
grace_cb (gpointer user_data)
{
  CgContentWatcher *self = user_data;

  self->grace_id = 0;
  self->outage_expired = TRUE;
  self->list_all = TRUE;
  start_reload (self);

  return G_SOURCE_REMOVE;
}

/* The last good content, with a problem that says why nothing changes. */
static void
begin_outage (CgContentWatcher *self)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_problem_free);
  g_autoptr(CgLibrary) shown = NULL;

  self->outage_since = g_get_monotonic_time ();

  for (guint i = 0; self->folders[i] != NULL; i++)
    if (folder_unavailable (self, i))
      g_ptr_array_add (problems,
                       cg_problem_new (self->folders[i], 0, 0, CG_CONTENT_ERROR_READ,
                                       _("clinic folder unavailable: its last good content is shown for now")));

  shown = cg_library_derive (self->base, NULL, NULL, NULL, problems);
  show (self, shown);

  self->outage_id = g_timeout_add (OUTAGE_CHECK_MS, outage_check_cb, self);
  self->grace_id = g_timeout_add (self->grace_ms, grace_cb, self);
}

/* Whether to hold on to what is shown rather than load now. */
static gboolean
in_outage (CgContentWatcher *self)
{
  if (self->base == NULL)
    return FALSE;

  if (!folders_missing (self))
    {
      if (self->outage_since != 0)
        end_outage (self);
      return FALSE;
    }

  /* Still gone after the grace period: its content goes. Its return is
   * still looked for. */
  if (self->outage_expired)
    return FALSE;

  if (self->outage_since == 0)
    begin_outage (self);

  return TRUE;
}

static void
start_reload (CgContentWatcher *self)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;

  if (self->stopped)
    return;

  if (self->loading)
    {
      self->pending = TRUE;
      return;
    }

  if (in_outage (self))
    return;

  request = load_request_new (self, FALSE);
  request->serial = ++self->serial;
  self->started = g_get_monotonic_time ();
  /* Only the monitors' names, when they are all there is to know. */
  if (!self->list_all && !self->unwatched && !self->polling)
    request->named = g_steal_pointer (&self->named);
  g_clear_pointer (&self->named, g_hash_table_unref);
  self->named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->list_all = FALSE;
  set_loading (self, TRUE);

  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, start_reload);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, request, load_request_free);
  g_mutex_lock (&self->threads_lock);
  self->n_threads++;
  g_mutex_unlock (&self->threads_lock);
  g_task_run_in_thread (task, load_thread);
}

/* Watching */

static gboolean
settle_cb (gpointer user_data)
{
  CgContentWatcher *self = user_data;

  self->settle_id = 0;
  self->first_change = 0;
  /* The names the monitors gave are what changed. */
  start_reload (self);

  return G_SOURCE_REMOVE;
}

/* Waits for the events of one save to pass, but never longer than
 * MAX_WAIT_MS after the first change: a file written every 150 ms would
 * otherwise hold every reload back for as long as it is written. */
static void
schedule_reload (CgContentWatcher *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 left;

  if (self->first_change == 0)
    self->first_change = now;

  left = (self->first_change + MAX_WAIT_MS * 1000 - now) / 1000;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add ((guint) CLAMP (left, 0, SETTLE_MS), settle_cb, self);
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
      g_hash_table_add (self->named, g_file_get_path (file));
      if (other_file != NULL)
        g_hash_table_add (self->named, g_file_get_path (other_file));
      schedule_reload (self);
      break;

    /* A share unmounted under the folder: nothing names its files, and
     * only a look at the folder tells an outage. */
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      self->list_all = TRUE;
      schedule_reload (self);
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
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
      self->unwatched = TRUE;
      return;
    }

  g_signal_connect_object (monitor, "changed", G_CALLBACK (monitor_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->monitors, monitor);
}

/* inotify hears only what this machine does: on NFS or SMB, changes
 * made by other desktops go unheard. */
static gboolean
is_remote (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE, NULL, NULL);

  return info != NULL && g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE);
}

static gboolean
poll_cb (gpointer user_data)
{
  CgContentWatcher *self = user_data;

  /* The worker compares sizes and times; only what changed is read. */
  if (self->settle_id == 0)
    {
      self->list_all = TRUE;
      start_reload (self);
    }

  return G_SOURCE_CONTINUE;
}

static void
watch_all (CgContentWatcher *self)
{
  g_autofree char *translated = NULL;
  gboolean remote = FALSE;

  g_ptr_array_set_size (self->monitors, 0);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  self->unwatched = FALSE;
  /* What changed between the last listing and the new monitors. */
  self->list_all = TRUE;

  if (!self->force_polling)
    {
      watch (self, cg_paths_get_clinic_file (), FALSE);
      watch (self, cg_paths_get_content_dir (), TRUE);
      translated = g_build_filename (cg_paths_get_translated_dir (), self->language, NULL);
      watch (self, translated, TRUE);
    }

  for (guint i = 0; self->folders[i] != NULL; i++)
    {
      g_autofree char *folder_translated = g_build_filename (self->folders[i], self->language, NULL);

      if (is_remote (self->folders[i]))
        remote = TRUE;

      if (self->force_polling)
        continue;

      watch (self, self->folders[i], TRUE);
      watch (self, folder_translated, TRUE);
    }

  self->polling = remote || self->force_polling;
  if (self->polling && self->poll_ms > 0)
    self->poll_id = g_timeout_add (self->poll_ms, poll_cb, self);
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

/* Settings */

static void
settings_changed_cb (CgContentWatcher *self,
                     const char       *key,
                     GSettings        *settings)
{
  if (g_strcmp0 (key, "content-grace-period") == 0 || key == NULL)
    self->grace_ms = g_settings_get_uint (settings, "content-grace-period") * 1000;

  if (g_strcmp0 (key, "content-poll-interval") == 0 || key == NULL)
    {
      self->poll_ms = g_settings_get_uint (settings, "content-poll-interval") * 1000;
      if (self->poll_id != 0)
        watch_all (self);
    }
}

static void
cg_content_watcher_dispose (GObject *object)
{
  CgContentWatcher *self = CG_CONTENT_WATCHER (object);

  cg_content_watcher_stop (self);
  end_outage (self);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cg_content_watcher_parent_class)->dispose (object);
}

static void
cg_content_watcher_finalize (GObject *object)
{
  CgContentWatcher *self = CG_CONTENT_WATCHER (object);

  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->threads_lock);
  g_cond_clear (&self->threads_done);
  g_clear_object (&self->library);
  g_clear_object (&self->base);
  g_clear_object (&self->index);
  g_clear_pointer (&self->last_good, g_hash_table_unref);
  g_clear_pointer (&self->shared_ids, g_hash_table_unref);
  g_clear_pointer (&self->referenced, g_hash_table_unref);
  g_clear_pointer (&self->snapshot, snapshot_unref);
  g_clear_pointer (&self->folder_states, g_array_unref);
  g_clear_pointer (&self->named, g_hash_table_unref);
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
      g_value_set_boolean (value, self->busy);
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

  /* The current library; replaced after each reload by one that shares
   * what did not change. */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CG_TYPE_LIBRARY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "en",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether a reload that changes something is running: a poll that
   * finds nothing changed is not busy. */
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
  g_mutex_init (&self->threads_lock);
  g_cond_init (&self->threads_done);
  self->last_good = new_last_good ();
  self->named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->folder_states = g_array_new (FALSE, TRUE, sizeof (FolderState));
  self->list_all = TRUE;
  self->folders = g_new0 (char *, 1);
  self->language = g_strdup ("en");
  self->grace_ms = 60 * 1000;
  self->poll_ms = 30 * 1000;
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

  self->settings = cg_settings_new ();
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  settings_changed_cb (self, NULL, self->settings);

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
  /* Other folders: what the old ones held says nothing of them. */
  g_array_set_size (self->folder_states, 0);

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

  self->generation++;
  request = load_request_new (self, TRUE);
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

  request = load_request_new (self, TRUE);
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

  /* Whatever happened, not only what the monitors named. */
  self->list_all = TRUE;
  start_reload (self);
}

gboolean
cg_content_watcher_get_busy (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), FALSE);

  return self->busy;
}

/* For the tests only: see cg-content-watcher-private.h */

/**
 * cg_content_watcher_set_polling:
 * @force: poll even a local folder, and do not watch it: what a network
 *   share whose changes inotify cannot hear looks like
 * @interval_ms: how often; 0 for the setting
 */
void
cg_content_watcher_set_polling (CgContentWatcher *self,
                                gboolean          force,
                                guint             interval_ms)
{
  g_return_if_fail (CG_IS_CONTENT_WATCHER (self));

  self->force_polling = !!force;
  if (interval_ms > 0)
    self->poll_ms = interval_ms;
  if (self->library != NULL)
    watch_all (self);
}

gboolean
cg_content_watcher_get_polling (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), FALSE);

  return self->polling;
}

void
cg_content_watcher_set_grace_period (CgContentWatcher *self,
                                     guint             grace_ms)
{
  g_return_if_fail (CG_IS_CONTENT_WATCHER (self));

  self->grace_ms = grace_ms;
}

/* Whether a worker runs, busy or not: what must end before a test
 * removes the folder. */
gboolean
cg_content_watcher_get_loading (CgContentWatcher *self)
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

guint
cg_content_watcher_get_n_listings (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), 0);

  return self->n_listings;
}

gint64
cg_content_watcher_get_reload_started (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), 0);

  return self->started;
}

guint
cg_content_watcher_get_n_partial_reloads (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), 0);

  return self->n_partial;
}

guint
cg_content_watcher_get_n_full_reloads (CgContentWatcher *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_WATCHER (self), 0);

  return self->n_full;
}

/**
 * cg_content_watcher_stop:
 *
 * Stops for good, before the program exits: what is being read is
 * dropped, and this returns once no thread of the watcher reads or
 * parses any more. The process's exit frees what libxml2 validates
 * with; a loader still parsing then (a reader who closed the window
 * while a large library loaded) crashed the program. No reload starts
 * afterwards; what was loaded stays readable.
 */
void
cg_content_watcher_stop (CgContentWatcher *self)
{
  g_return_if_fail (CG_IS_CONTENT_WATCHER (self));

  self->stopped = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->prefetched_id, g_source_remove);
  g_clear_object (&self->prefetched);
  if (self->prefetch != NULL)
    load_request_free (g_thread_join (g_steal_pointer (&self->prefetch)));

  g_mutex_lock (&self->threads_lock);
  while (self->n_threads > 0)
    g_cond_wait (&self->threads_done, &self->threads_lock);
  g_mutex_unlock (&self->threads_lock);
}
