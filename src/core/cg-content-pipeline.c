/* cg-content-pipeline.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-content-pipeline.h"

/* Parsing and validating is most of the work of a load, so worker threads
 * share it with the calling thread, a file each at a time. The caller
 * takes parsed files strictly in file order, so that what it does with
 * them never depends on timing, and the workers stay at most PARSE_AHEAD
 * files ahead: a large library never has all its documents in memory at
 * once.
 *
 * A file's kind is known only from its contents: the start of every file
 * is read first, and those that do not plainly start with <article> or
 * <faq> are read and parsed at once, before the rest. The others are read
 * whole only when their turn to be parsed comes: holding every file's
 * bytes until then (48 MB on 10,000 articles) left as much of the heap
 * free but resident, in holes between the documents built meanwhile. A
 * file that is rewritten between the two reads into something other than
 * an article or FAQ file is left out of this load; the watcher reloads
 * it, as it changed.
 *
 * Why not a GThreadPool: one was tried (a job per file, a schema taken
 * for each job, the caller waiting for each file in turn) and measured
 * with `cg-bench --size 10000`, alternating runs on a shared two-core
 * machine (load average 7 to 8, so times spread widely). This pipeline:
 * load_ms_10k 2124 to 5727 ms, median 4372, peak RSS 198 to 201 MB. The
 * pool: 3422 to 6962 ms, median 5010, peak RSS 233 to 239 MB. No faster,
 * and 35 MB (18%) larger. A pool's queued jobs cannot run on the calling
 * thread, which here parses whenever it would otherwise wait; the pool
 * needs a thread more to keep the same processors busy. */

#define MAX_WORKERS   4    /* parsing is bound by the processor, not the disk */
#define PARSE_AHEAD   32   /* parsed documents waiting to be read, at most */
#define SNIFF_SIZE    4096 /* enough for an XML declaration and a licence comment */

typedef enum
{
  STAGE_READ,    /* read every file; parse the early ones */
  STAGE_PARSE,   /* parse the others, in order, a little ahead of the reader */
} Stage;

struct _CgContentPipeline
{
  GArray          *workers;       /* of Worker */
  gsize            max_file_size;
  GPtrArray       *files;         /* of CgContentFile */
  GCancellable    *cancellable;
  gboolean         track_good;    /* fill CgContentFile.good */
  Stage            stage;
  GMutex           mutex;
  GCond            work_cond;     /* for workers: limit moved */
  GCond            done_cond;     /* for the caller: waiting_for is parsed */
  guint            next;          /* the next file to take */
  guint            limit;         /* workers wait before taking this one */
  guint            waiting_for;   /* G_MAXUINT when the caller does not wait */
  guint            n_idle;        /* workers waiting for limit to move */
};

/* The first worker is the calling thread; the others each run a thread
 * per stage, and keep their schema across stages. */
typedef struct
{
  CgContentPipeline *pipeline;
  xmlRelaxNG        *schema;
  GThread           *thread;
} Worker;

void
cg_content_file_release (CgContentFile *file)
{
  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_clear_pointer (&file->previous, g_bytes_unref);
  g_clear_pointer (&file->good, g_bytes_unref);
  g_clear_pointer (&file->locator, cg_xml_locator_free);
  g_clear_pointer (&file->doc, xmlFreeDoc);
  g_clear_pointer (&file->problem, cg_problem_free);
  g_clear_pointer (&file->lost_ids, g_strfreev);
}

void
cg_content_file_free (gpointer data)
{
  CgContentFile *file = data;

  cg_content_file_release (file);
  g_free (file->path);
  g_free (file->base_dir);
  g_free (file->fallback);
  g_free (file);
}

/* Reading and parsing, in worker threads */

/* A file that became invalid (often half-written: an editor saving over
 * a network share) keeps its last good version in use, so that patients
 * keep seeing the text they were reading; the problem is still reported. */
static void
parse_file (CgContentPipeline *pipeline,
            xmlRelaxNG        *schema,
            CgContentFile     *file)
{
  gsize max_size = pipeline->max_file_size;

  /* Articles and FAQ files are read whole only now: see read_file(). */
  if (file->bytes == NULL && !file->early && file->problem == NULL)
    file->bytes = cg_xml_reader_read_file (file->path, max_size, &file->problem);

  if (file->bytes != NULL)
    file->doc = cg_xml_reader_parse (schema, file->bytes, file->path, max_size,
                                     &file->locator, &file->problem);

  /* Only files on disk have a last good version. */
  if (file->doc != NULL && file->problem == NULL && pipeline->track_good && file->base_dir != NULL)
    file->good = g_steal_pointer (&file->bytes);
  else if (file->doc == NULL && file->previous != NULL &&
           g_file_test (file->path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(CgProblem) ignored = NULL;

      file->doc = cg_xml_reader_parse (schema, file->previous, file->path, max_size,
                                       &file->locator, &ignored);
    }

  /* A broken translated copy: the reader gets the English file rather
   * than a hole, and the problem is still reported. */
  if (file->doc == NULL && file->fallback != NULL)
    {
      g_autoptr(CgProblem) ignored = NULL;
      g_autoptr(GBytes) english = cg_xml_reader_read_file (file->fallback, max_size, &ignored);

      if (english != NULL)
        file->doc = cg_xml_reader_parse (schema, english, file->fallback, max_size,
                                         &file->locator, &ignored);
      if (file->doc != NULL && ignored == NULL)
        {
          g_free (file->path);
          file->path = g_steal_pointer (&file->fallback);
          file->untranslated = TRUE;
        }
      else
        {
          g_clear_pointer (&file->doc, xmlFreeDoc);
          g_clear_pointer (&file->locator, cg_xml_locator_free);
        }
    }

  /* Whatever links to what a bad file defines is not reported as well:
   * the file's own problem is the one to fix. */
  if (file->problem != NULL && file->bytes != NULL)
    file->lost_ids = cg_xml_reader_scan_item_ids (file->bytes);

  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_clear_pointer (&file->previous, g_bytes_unref);
}

static void
read_file (CgContentPipeline *pipeline,
           xmlRelaxNG        *schema,
           CgContentFile     *file)
{
  g_autoptr(GBytes) head = NULL;
  const char *root;

  /* Files held in memory come with their bytes. */
  if (file->bytes == NULL)
    head = cg_xml_reader_read_head (file->path, SNIFF_SIZE);

  if (file->bytes != NULL || head != NULL)
    root = cg_xml_reader_sniff_root (file->bytes ? file->bytes : head);
  else
    root = NULL;
  file->early = g_strcmp0 (root, "article") != 0 && g_strcmp0 (root, "faq") != 0;

  if (file->early)
    {
      if (file->bytes == NULL)
        file->bytes = cg_xml_reader_read_file (file->path, pipeline->max_file_size,
                                               &file->problem);
      parse_file (pipeline, schema, file);
    }
}

static void
run_job (Worker        *worker,
         CgContentFile *file)
{
  CgContentPipeline *pipeline = worker->pipeline;

  if (g_cancellable_is_cancelled (pipeline->cancellable))
    return;

  if (pipeline->stage == STAGE_READ)
    read_file (pipeline, worker->schema, file);
  else
    parse_file (pipeline, worker->schema, file);
}

/* Called with the mutex held. */
static void
job_done (CgContentPipeline *pipeline,
          CgContentFile     *file,
          guint              index)
{
  file->parsed = pipeline->stage == STAGE_PARSE || file->early;
  if (pipeline->waiting_for == index)
    g_cond_signal (&pipeline->done_cond);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  CgContentPipeline *pipeline = worker->pipeline;

  g_mutex_lock (&pipeline->mutex);
  for (;;)
    {
      CgContentFile *file;
      guint index;

      while (pipeline->next < pipeline->files->len && pipeline->next >= pipeline->limit)
        {
          pipeline->n_idle++;
          g_cond_wait (&pipeline->work_cond, &pipeline->mutex);
          pipeline->n_idle--;
        }
      if (pipeline->next >= pipeline->files->len)
        break;

      index = pipeline->next++;
      file = g_ptr_array_index (pipeline->files, index);
      if (file->parsed)
        continue;

      g_mutex_unlock (&pipeline->mutex);
      run_job (worker, file);
      g_mutex_lock (&pipeline->mutex);

      job_done (pipeline, file, index);
    }
  g_mutex_unlock (&pipeline->mutex);

  return NULL;
}

static void
start_stage (CgContentPipeline *pipeline,
             Stage              stage,
             guint              limit)
{
  GArray *workers = pipeline->workers;

  pipeline->stage = stage;
  pipeline->next = 0;
  pipeline->limit = limit;
  pipeline->waiting_for = G_MAXUINT;

  for (guint i = 1; i < workers->len; i++)
    {
      Worker *worker = &g_array_index (workers, Worker, i);

      worker->thread = g_thread_new ("cg-content-loader", worker_thread, worker);
    }
}

/* Waits for the workers, after letting them skip what is left. */
static void
finish_stage (CgContentPipeline *pipeline,
              gboolean           skip_rest)
{
  GArray *workers = pipeline->workers;

  g_mutex_lock (&pipeline->mutex);
  if (skip_rest)
    pipeline->next = pipeline->files->len;
  pipeline->limit = pipeline->files->len;
  g_cond_broadcast (&pipeline->work_cond);
  g_mutex_unlock (&pipeline->mutex);

  for (guint i = 1; i < workers->len; i++)
    g_clear_pointer (&g_array_index (workers, Worker, i).thread, g_thread_join);
}

/* Returns file @index once it is parsed. Rather than wait for a worker,
 * the caller parses the next file no worker has taken yet, even one past
 * @index. Files are asked for in order. */
static CgContentFile *
take_parsed (Worker *worker,
             guint   index)
{
  CgContentPipeline *pipeline = worker->pipeline;
  CgContentFile *file = g_ptr_array_index (pipeline->files, index);

  g_mutex_lock (&pipeline->mutex);

  /* Every file before @index is parsed and read. Sleeping workers are
   * woken only for a run of files: waking them for each one would cost
   * more than it saves. */
  pipeline->next = MAX (pipeline->next, index);
  pipeline->limit = MAX (pipeline->limit, index + PARSE_AHEAD);
  if (pipeline->n_idle > 0 && pipeline->next + PARSE_AHEAD / 2 <= pipeline->limit)
    g_cond_broadcast (&pipeline->work_cond);

  while (!file->parsed)
    {
      if (pipeline->next < MIN (pipeline->limit, pipeline->files->len))
        {
          guint taken = pipeline->next++;
          CgContentFile *other = g_ptr_array_index (pipeline->files, taken);

          if (other->parsed)
            continue;

          g_mutex_unlock (&pipeline->mutex);
          run_job (worker, other);
          g_mutex_lock (&pipeline->mutex);
          job_done (pipeline, other, taken);
        }
      else
        {
          pipeline->waiting_for = index;
          g_cond_wait (&pipeline->done_cond, &pipeline->mutex);
          pipeline->waiting_for = G_MAXUINT;
        }
    }

  g_mutex_unlock (&pipeline->mutex);

  return file;
}

static void
worker_clear (gpointer data)
{
  Worker *worker = data;

  g_assert (worker->thread == NULL);
  g_clear_pointer (&worker->schema, cg_xml_schema_release);
}

/* Public API */

/**
 * cg_content_pipeline_new:
 * @files: (element-type CgContentFile): the files of a load, in order;
 *   each with its bytes when held in memory
 * @max_file_size: the largest file accepted, in bytes
 * @track_good: whether to keep the bytes of good files on disk in
 *   CgContentFile.good
 * @cancellable: (nullable): stops the reading and parsing of what is left
 */
CgContentPipeline *
cg_content_pipeline_new (GPtrArray    *files,
                         gsize         max_file_size,
                         gboolean      track_good,
                         GCancellable *cancellable)
{
  CgContentPipeline *self = g_new0 (CgContentPipeline, 1);

  self->files = g_ptr_array_ref (files);
  self->max_file_size = max_file_size;
  self->track_good = track_good;
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->work_cond);
  g_cond_init (&self->done_cond);

  self->workers = g_array_new (FALSE, TRUE, sizeof (Worker));
  g_array_set_clear_func (self->workers, worker_clear);
  g_array_set_size (self->workers, CLAMP (MIN (files->len, g_get_num_processors ()), 1, MAX_WORKERS));
  for (guint i = 0; i < self->workers->len; i++)
    {
      g_array_index (self->workers, Worker, i).pipeline = self;
      g_array_index (self->workers, Worker, i).schema = cg_xml_schema_acquire ();
    }

  return self;
}

/**
 * cg_content_pipeline_read:
 *
 * Reads every file and parses those that are not plainly an article or a
 * FAQ file: when it returns, they have their document or problem.
 */
void
cg_content_pipeline_read (CgContentPipeline *self)
{
  start_stage (self, STAGE_READ, self->files->len);
  worker_thread (&g_array_index (self->workers, Worker, 0));
  finish_stage (self, FALSE);
}

/**
 * cg_content_pipeline_start_parsing:
 *
 * Sets the workers parsing the files that cg_content_pipeline_read() left,
 * a little ahead of cg_content_pipeline_take_parsed().
 */
void
cg_content_pipeline_start_parsing (CgContentPipeline *self)
{
  start_stage (self, STAGE_PARSE, PARSE_AHEAD);
}

/**
 * cg_content_pipeline_take_parsed:
 * @index: the file's place in the files, one more than the last call's
 *
 * Returns: (transfer none): file @index, parsed: its document or its
 *   problem is final
 */
CgContentFile *
cg_content_pipeline_take_parsed (CgContentPipeline *self,
                                 guint              index)
{
  g_return_val_if_fail (index < self->files->len, NULL);

  return take_parsed (&g_array_index (self->workers, Worker, 0), index);
}

/* Stops the workers, dropping what they have not parsed yet. */
void
cg_content_pipeline_free (CgContentPipeline *self)
{
  if (self == NULL)
    return;

  finish_stage (self, TRUE);
  g_clear_pointer (&self->workers, g_array_unref);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->work_cond);
  g_cond_clear (&self->done_cond);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_free (self);
}
