/* cg-content-loader.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "cg-autocleanups-private.h"
#include "cg-clinic-private.h"
#include "cg-content-loader-private.h"
#include "cg-document-private.h"
#include "cg-library-private.h"
#include "cg-paths.h"
#include "cg-xml-reader.h"

/* Turns the content folders into a CgLibrary. Folders form a search path:
 * a later folder overrides an earlier one by id. A bad file is reported as
 * a located problem and skipped; every good file still loads.
 *
 * Parsing and validating is most of the work, so worker threads share it
 * with the calling thread, a file each at a time. Only the calling thread
 * turns documents into items and touches the library, strictly in file
 * order, so that problems and overrides never depend on timing. A
 * document is freed as soon as it has been read, and the workers stay at
 * most PARSE_AHEAD files ahead: a large library never has all its
 * documents in memory at once. What the checks across files need later
 * (ids, links, topics) is noted with its place in the file.
 *
 * Clinic fields are filled in as articles are read, so the clinic, topics,
 * synonyms and hide files come first. A file's kind is known only from
 * its contents: every file is read first, and those that do not plainly
 * start with <article> or <faq> are parsed at once, before the rest. */

#define DEFAULT_ORDER 1000
#define MAX_WORKERS   4    /* parsing is bound by the processor, not the disk */
#define PARSE_AHEAD   32   /* parsed documents waiting to be read, at most */

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

/* Lives until the end of a load, for its path; what is heavy goes as soon
 * as the file has been read. */
typedef struct
{
  char         *path;       /* what is parsed: a translated copy or the source */
  char         *base_dir;   /* where the source lives, for images; NULL in memory */
  guint         layer;      /* position of its folder in the search path */
  GBytes       *bytes;      /* its contents, until parsed */
  GBytes       *previous;   /* its last good contents, from an earlier load */
  GBytes       *good;       /* its contents, found good, for the next load */
  gboolean      early;      /* not plainly an article or FAQ file: parsed first */
  gboolean      parsed;     /* doc or problem is final; under Pipeline.mutex */
  xmlDoc       *doc;
  CgXmlLocator *locator;
  CgProblem    *problem;
} ContentFile;

typedef struct
{
  ContentFile *file;
  int          line;
  guint        layer;
} IdRecord;

typedef struct
{
  char        *target;
  ContentFile *file;
  int          line;
  int          column;
} PendingLink;

/* An article or FAQ entry element, read or not, for the topic check. */
typedef struct
{
  char        *id;
  char        *topic;
  ContentFile *file;
  int          line;
  int          column;
} ItemRecord;

typedef struct
{
  CgLibrary   *library;
  CgClinic    *clinic;
  GHashTable  *ids;       /* id → IdRecord */
  GPtrArray   *links;     /* of PendingLink */
  GPtrArray   *elements;  /* of ItemRecord, in file order */
  GHashTable  *hidden;    /* set of ids a <hide> file names */
  ContentFile *file;      /* the file being read */
} LoadContext;

typedef enum
{
  STAGE_READ,    /* read every file; parse the early ones */
  STAGE_PARSE,   /* parse the others, in order, a little ahead of the reader */
} Stage;

typedef struct
{
  CgContentLoader *self;
  GPtrArray       *files;         /* of ContentFile */
  GCancellable    *cancellable;
  gboolean         track_good;    /* fill ContentFile.good */
  Stage            stage;
  GMutex           mutex;
  GCond            work_cond;     /* for workers: limit moved */
  GCond            done_cond;     /* for the caller: waiting_for is parsed */
  guint            next;          /* the next file to take */
  guint            limit;         /* workers wait before taking this one */
  guint            waiting_for;   /* G_MAXUINT when the caller does not wait */
  guint            n_idle;        /* workers waiting for limit to move */
} Pipeline;

/* The first worker is the calling thread; the others each run a thread
 * per stage, and keep their schema across stages. */
typedef struct
{
  Pipeline   *pipeline;
  xmlRelaxNG *schema;
  GThread    *thread;
} Worker;

G_DEFINE_FINAL_TYPE (CgContentLoader, cg_content_loader, G_TYPE_OBJECT)

G_DEFINE_QUARK (cg-content-error-quark, cg_content_error)

static void
source_clear (gpointer data)
{
  Source *source = data;

  g_clear_pointer (&source->path, g_free);
  g_clear_pointer (&source->translated_root, g_free);
  g_clear_pointer (&source->bytes, g_bytes_unref);
}

static void
content_file_release (ContentFile *file)
{
  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_clear_pointer (&file->previous, g_bytes_unref);
  g_clear_pointer (&file->good, g_bytes_unref);
  g_clear_pointer (&file->locator, cg_xml_locator_free);
  g_clear_pointer (&file->doc, xmlFreeDoc);
  g_clear_pointer (&file->problem, cg_problem_free);
}

static void
content_file_free (gpointer data)
{
  ContentFile *file = data;

  content_file_release (file);
  g_free (file->path);
  g_free (file->base_dir);
  g_free (file);
}

static void
pending_link_free (gpointer data)
{
  PendingLink *link = data;

  g_free (link->target);
  g_free (link);
}

static void
item_record_free (gpointer data)
{
  ItemRecord *record = data;

  g_free (record->id);
  g_free (record->topic);
  g_free (record);
}

/* Problems */

static void
report_at (LoadContext *ctx,
           ContentFile *file,
           int          line,
           int          column,
           int          code,
           const char  *message)
{
  cg_library_add_problem (ctx->library, cg_problem_new (file->path, line, column, code, message));
}

static void
report (LoadContext *ctx,
        xmlNode     *node,
        int          code,
        const char  *message)
{
  int line = 0, column = 0;

  cg_xml_locator_find (ctx->file->locator, node, &line, &column);
  report_at (ctx, ctx->file, line, column, code, message);
}

/* Small XML helpers */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

static xmlNode *
first_child (xmlNode    *parent,
             const char *name)
{
  for (xmlNode *child = parent ? parent->children : NULL; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;

  return NULL;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  g_autoptr(xmlChar) value = xmlGetProp (node, (const xmlChar *) name);

  return value ? g_strdup ((const char *) value) : NULL;
}

/* The text of a simple element, with white space tidied. */
static char *
get_text (xmlNode *node)
{
  g_autoptr(xmlChar) content = NULL;
  g_auto(GStrv) words = NULL;

  if (node == NULL)
    return NULL;

  content = xmlNodeGetContent (node);
  if (content == NULL)
    return g_strdup ("");

  words = g_strsplit_set ((const char *) content, " \t\r\n", -1);
  {
    GString *out = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      {
        if (words[i][0] == '\0')
          continue;
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }

    return g_string_free (out, FALSE);
  }
}

/* Inline content */

static void
append_field (LoadContext       *ctx,
              CgDocumentBuilder *builder,
              xmlNode           *node)
{
  g_autofree char *field = get_attr (node, "field");
  g_autofree char *item = get_attr (node, "item");
  g_autofree char *value = NULL;

  if (ctx->clinic != NULL)
    value = cg_clinic_get_field (ctx->clinic, field, item);

  if (value == NULL)
    {
      g_autofree char *message = NULL;

      if (item != NULL)
        /* Translators: <clinic field="price" item="…"/> names a price that is missing. */
        message = g_strdup_printf (_("the clinic file has no price “%s”"), item);
      else
        message = g_strdup_printf (_("the clinic file has no “%s”"), field);

      report (ctx, node, CG_CONTENT_ERROR_UNKNOWN_FIELD, message);
      return;
    }

  cg_document_builder_push_span (builder, CG_SPAN_FIELD, field);
  cg_document_builder_append (builder, value, -1);
  cg_document_builder_pop_span (builder);
}

static void
remember_link (LoadContext *ctx,
               xmlNode     *node,
               const char  *target)
{
  PendingLink *link = g_new0 (PendingLink, 1);

  link->target = g_strdup (target);
  link->file = ctx->file;
  cg_xml_locator_find (ctx->file->locator, node, &link->line, &link->column);
  g_ptr_array_add (ctx->links, link);
}

static void
append_inline (LoadContext       *ctx,
               CgDocumentBuilder *builder,
               xmlNode           *parent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            cg_document_builder_append (builder, (const char *) node->content, -1);
        }
      else if (is_element (node, "em") || is_element (node, "strong"))
        {
          cg_document_builder_push_span (builder,
                                         is_element (node, "em") ? CG_SPAN_EMPHASIS : CG_SPAN_STRONG,
                                         NULL);
          append_inline (ctx, builder, node);
          cg_document_builder_pop_span (builder);
        }
      else if (is_element (node, "link"))
        {
          g_autofree char *ref = get_attr (node, "ref");
          g_autofree char *href = get_attr (node, "href");

          if (ref != NULL)
            remember_link (ctx, node, ref);

          cg_document_builder_push_span (builder,
                                         ref ? CG_SPAN_LINK : CG_SPAN_EXTERNAL_LINK,
                                         ref ? ref : href);
          append_inline (ctx, builder, node);
          cg_document_builder_pop_span (builder);
        }
      else if (is_element (node, "clinic"))
        append_field (ctx, builder, node);
    }
}

/* The plain text of an inline element: titles, questions, summaries. */
static char *
inline_text (LoadContext *ctx,
             xmlNode     *node)
{
  g_autoptr(CgDocumentBuilder) builder = NULL;
  g_autoptr(CgDocument) document = NULL;

  if (node == NULL)
    return NULL;

  builder = cg_document_builder_new ();
  cg_document_builder_begin_block (builder, CG_BLOCK_PARAGRAPH, 0, 0);
  append_inline (ctx, builder, node);
  cg_document_builder_end_block (builder);
  document = cg_document_builder_finish (builder);

  return g_strdup (cg_document_get_block (document, 0)->text);
}

static void
add_inline_block (LoadContext       *ctx,
                  CgDocumentBuilder *builder,
                  xmlNode           *node,
                  CgBlockKind        kind,
                  guint              level,
                  guint              number)
{
  cg_document_builder_begin_block (builder, kind, level, number);
  append_inline (ctx, builder, node);
  cg_document_builder_end_block (builder);
}

/* Blocks */

static void add_blocks (LoadContext       *ctx,
                        CgDocumentBuilder *builder,
                        xmlNode           *parent,
                        guint              section_level,
                        guint              indent);

static void
add_list (LoadContext       *ctx,
          CgDocumentBuilder *builder,
          xmlNode           *list,
          guint              depth)
{
  g_autofree char *type = get_attr (list, "type");
  gboolean numbered = g_strcmp0 (type, "numbered") == 0;
  guint number = 0;

  for (xmlNode *item = list->children; item != NULL; item = item->next)
    {
      xmlNode *first_p;

      if (!is_element (item, "item"))
        continue;

      number++;
      first_p = first_child (item, "p");

      if (first_p == NULL)
        {
          add_inline_block (ctx, builder, item, CG_BLOCK_LIST_ITEM, depth, numbered ? number : 0);
          continue;
        }

      /* A long item: its first paragraph carries the bullet, the rest
       * are indented under it. */
      add_inline_block (ctx, builder, first_p, CG_BLOCK_LIST_ITEM, depth, numbered ? number : 0);
      for (xmlNode *child = first_p->next; child != NULL; child = child->next)
        {
          if (is_element (child, "p"))
            add_inline_block (ctx, builder, child, CG_BLOCK_PARAGRAPH, depth, 0);
          else if (is_element (child, "list"))
            add_list (ctx, builder, child, depth + 1);
        }
    }
}

static CgNoteKind
parse_note_kind (xmlNode *note)
{
  g_autofree char *kind = get_attr (note, "kind");

  if (g_strcmp0 (kind, "warning") == 0)
    return CG_NOTE_WARNING;
  if (g_strcmp0 (kind, "call") == 0)
    return CG_NOTE_CALL;
  return CG_NOTE_INFO;
}

static void
add_image (LoadContext       *ctx,
           CgDocumentBuilder *builder,
           xmlNode           *image)
{
  g_autofree char *src = get_attr (image, "src");
  g_autofree char *path = NULL;
  g_autofree char *caption = NULL;

  /* The schema only admits plain relative names: no "..", no absolute path. */
  if (ctx->file->base_dir != NULL)
    path = g_build_filename (ctx->file->base_dir, src, NULL);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("the image “%s” does not exist"), src);

      report (ctx, image, CG_CONTENT_ERROR_MISSING_IMAGE, message);
      g_clear_pointer (&path, g_free);
    }

  caption = inline_text (ctx, first_child (image, "caption"));

  cg_document_builder_begin_block (builder, CG_BLOCK_IMAGE, 0, 0);
  cg_document_builder_set_image (builder, path, caption);
  append_inline (ctx, builder, first_child (image, "alt"));
  cg_document_builder_end_block (builder);
}

static void
add_blocks (LoadContext       *ctx,
            CgDocumentBuilder *builder,
            xmlNode           *parent,
            guint              section_level,
            guint              indent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (is_element (node, "p"))
        add_inline_block (ctx, builder, node, CG_BLOCK_PARAGRAPH, indent, 0);
      else if (is_element (node, "list"))
        add_list (ctx, builder, node, indent + 1);
      else if (is_element (node, "image"))
        add_image (ctx, builder, node);
      else if (is_element (node, "note"))
        {
          xmlNode *title = first_child (node, "title");

          cg_document_builder_begin_note (builder, parse_note_kind (node));
          if (title != NULL)
            add_inline_block (ctx, builder, title, CG_BLOCK_NOTE_TITLE, 0, 0);
          add_blocks (ctx, builder, node, section_level, indent);
          cg_document_builder_end_note (builder);
        }
      else if (is_element (node, "section"))
        {
          add_inline_block (ctx, builder, first_child (node, "title"),
                            CG_BLOCK_HEADING, section_level + 1, 0);
          add_blocks (ctx, builder, node, section_level + 1, indent);
        }
    }
}

static CgDocument *
build_document (LoadContext *ctx,
                xmlNode     *body)
{
  g_autoptr(CgDocumentBuilder) builder = cg_document_builder_new ();

  add_blocks (ctx, builder, body, 0, 0);

  return cg_document_builder_finish (builder);
}

/* Files */

static void
load_clinic (LoadContext *ctx,
             xmlNode     *root)
{
  g_autoptr(CgClinic) clinic = cg_clinic_new ();
  static const char * const values[] = { "name", "phone", "email", NULL };
  xmlNode *node;

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *text = get_text (first_child (root, values[i]));

      if (text != NULL)
        cg_clinic_set_value (clinic, values[i], text);
    }

  if ((node = first_child (root, "website")) != NULL)
    {
      g_autofree char *href = get_attr (node, "href");
      cg_clinic_set_value (clinic, "website", href);
    }

  if ((node = first_child (root, "booking")) != NULL)
    {
      g_autofree char *href = get_attr (node, "href");
      cg_clinic_set_value (clinic, "booking", href);
    }

  for (node = first_child (first_child (root, "address"), "line"); node != NULL; node = node->next)
    if (is_element (node, "line"))
      {
        g_autofree char *line = get_text (node);
        cg_clinic_add_line (clinic, "address", line);
      }

  for (node = first_child (first_child (root, "hours"), "line"); node != NULL; node = node->next)
    if (is_element (node, "line"))
      {
        g_autofree char *line = get_text (node);
        cg_clinic_add_line (clinic, "hours", line);
      }

  for (node = first_child (first_child (root, "prices"), "price"); node != NULL; node = node->next)
    if (is_element (node, "price"))
      {
        g_autofree char *id = get_attr (node, "id");
        g_autofree char *label = get_text (first_child (node, "label"));
        g_autofree char *amount = get_text (first_child (node, "amount"));

        cg_clinic_add_price (clinic, id, label, amount);
      }

  g_set_object (&ctx->clinic, clinic);
  cg_library_set_clinic (ctx->library, clinic);
}

static gboolean
claim_id (LoadContext *ctx,
          xmlNode     *node,
          const char  *id)
{
  IdRecord *record = g_hash_table_lookup (ctx->ids, id);
  int column = 0;   /* the message names the line only */

  /* A later folder overrides an earlier one; within one folder an id is
   * unique. */
  if (record != NULL && record->layer == ctx->file->layer)
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is an id, then a file name and a line number. */
      message = g_strdup_printf (_("the id “%s” is already used at %s:%d"),
                                 id, record->file->path, record->line);
      report (ctx, node, CG_CONTENT_ERROR_DUPLICATE_ID, message);
      return FALSE;
    }

  record = g_new0 (IdRecord, 1);
  record->file = ctx->file;
  record->layer = ctx->file->layer;
  cg_xml_locator_find (ctx->file->locator, node, &record->line, &column);
  g_hash_table_replace (ctx->ids, g_strdup (id), record);

  return TRUE;
}

static void
load_topics (LoadContext *ctx,
             xmlNode     *root)
{
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *icon = NULL;
      g_autofree char *title = NULL;
      g_autofree char *summary = NULL;
      g_autoptr(CgTopic) topic = NULL;
      g_autofree char *key = NULL;

      if (!is_element (node, "topic"))
        continue;

      id = get_attr (node, "id");
      icon = get_attr (node, "icon");
      title = inline_text (ctx, first_child (node, "title"));
      summary = inline_text (ctx, first_child (node, "summary"));

      if (title == NULL || title[0] == '\0')
        {
          report (ctx, first_child (node, "title"), CG_CONTENT_ERROR_EMPTY_TITLE,
                  _("the title is empty"));
          continue;
        }

      /* Topics have ids of their own, apart from articles and questions. */
      key = g_strconcat ("topic:", id, NULL);
      if (!claim_id (ctx, node, key))
        continue;

      topic = g_object_new (CG_TYPE_TOPIC,
                            "id", id,
                            "icon-name", icon,
                            "title", title,
                            "summary", summary,
                            NULL);
      cg_library_add_topic (ctx->library, topic);
    }
}

static void
load_synonyms (LoadContext *ctx,
               xmlNode     *root)
{
  for (xmlNode *group = root->children; group != NULL; group = group->next)
    {
      g_autoptr(GStrvBuilder) terms = NULL;

      if (!is_element (group, "group"))
        continue;

      terms = g_strv_builder_new ();
      for (xmlNode *term = group->children; term != NULL; term = term->next)
        if (is_element (term, "term"))
          {
            g_autofree char *text = get_text (term);
            g_strv_builder_add (terms, text);
          }

      cg_library_add_synonym_group (ctx->library, g_strv_builder_end (terms));
    }
}

static void
load_hide (LoadContext *ctx,
           xmlNode     *root)
{
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    if (is_element (node, "item"))
      g_hash_table_add (ctx->hidden, get_attr (node, "ref"));
}

static char **
collect_keywords (xmlNode *node)
{
  g_autoptr(GStrvBuilder) keywords = g_strv_builder_new ();

  for (xmlNode *child = first_child (node, "keywords") ? first_child (node, "keywords")->children : NULL;
       child != NULL; child = child->next)
    if (is_element (child, "keyword"))
      {
        g_autofree char *text = get_text (child);
        g_strv_builder_add (keywords, text);
      }

  return g_strv_builder_end (keywords);
}

static char **
collect_related (LoadContext *ctx,
                 xmlNode     *node)
{
  g_autoptr(GStrvBuilder) related = g_strv_builder_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, "related"))
      {
        g_autofree char *ref = get_attr (child, "ref");

        remember_link (ctx, child, ref);
        g_strv_builder_add (related, ref);
      }

  return g_strv_builder_end (related);
}

/* An article, or one FAQ entry. */
static void
load_item (LoadContext *ctx,
           xmlNode     *node,
           GType        type)
{
  gboolean is_article = type == CG_TYPE_ARTICLE;
  xmlNode *title_node = first_child (node, is_article ? "title" : "question");
  xmlNode *review = first_child (node, "review");
  g_autofree char *id = get_attr (node, "id");
  g_autofree char *topic = get_attr (node, "topic");
  g_autofree char *order = get_attr (node, "order");
  g_autofree char *popular = get_attr (node, "popular");
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *review_date = NULL;
  g_autofree char *reviewed_by = NULL;
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) related = NULL;
  g_autoptr(CgDocument) document = NULL;
  g_autoptr(CgItem) item = NULL;

  title = inline_text (ctx, title_node);
  if (title == NULL || title[0] == '\0')
    {
      report (ctx, title_node ? title_node : node, CG_CONTENT_ERROR_EMPTY_TITLE,
              is_article ? _("the title is empty") : _("the question is empty"));
      return;
    }

  if (!claim_id (ctx, node, id))
    return;

  if (review != NULL)
    {
      review_date = get_attr (review, "date");
      reviewed_by = get_attr (review, "by");
    }

  keywords = collect_keywords (node);
  document = build_document (ctx, first_child (node, is_article ? "body" : "answer"));
  related = collect_related (ctx, node);

  if (is_article)
    summary = inline_text (ctx, first_child (node, "summary"));

  {
    const char *names[] = {
      "id", "topic-id", "title", "keywords", "review-date", "reviewed-by",
      "document", "related", "file", is_article ? "summary" : "popular",
    };
    GValue values[G_N_ELEMENTS (names)] = { G_VALUE_INIT };

    g_value_init (&values[0], G_TYPE_STRING);
    g_value_set_string (&values[0], id);
    g_value_init (&values[1], G_TYPE_STRING);
    g_value_set_string (&values[1], topic);
    g_value_init (&values[2], G_TYPE_STRING);
    g_value_set_string (&values[2], title);
    g_value_init (&values[3], G_TYPE_STRV);
    g_value_set_boxed (&values[3], keywords);
    g_value_init (&values[4], G_TYPE_STRING);
    g_value_set_string (&values[4], review_date);
    g_value_init (&values[5], G_TYPE_STRING);
    g_value_set_string (&values[5], reviewed_by);
    g_value_init (&values[6], CG_TYPE_DOCUMENT);
    g_value_set_boxed (&values[6], document);
    g_value_init (&values[7], G_TYPE_STRV);
    g_value_set_boxed (&values[7], related);
    g_value_init (&values[8], G_TYPE_STRING);
    g_value_set_string (&values[8], ctx->file->path);
    if (is_article)
      {
        g_value_init (&values[9], G_TYPE_STRING);
        g_value_set_string (&values[9], summary);
      }
    else
      {
        g_value_init (&values[9], G_TYPE_BOOLEAN);
        g_value_set_boolean (&values[9], g_strcmp0 (popular, "true") == 0 ||
                                         g_strcmp0 (popular, "1") == 0);
      }

    item = CG_ITEM (g_object_new_with_properties (type, G_N_ELEMENTS (names), names, values));

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      g_value_unset (&values[i]);
  }

  cg_library_add_item (ctx->library, item,
                       order ? (guint) g_ascii_strtoull (order, NULL, 10) : DEFAULT_ORDER);
}

/* The topic check comes once every topic is known, and the document is
 * long gone by then. */
static void
note_element (LoadContext *ctx,
              xmlNode     *node)
{
  ItemRecord *record = g_new0 (ItemRecord, 1);

  record->id = get_attr (node, "id");
  record->topic = get_attr (node, "topic");
  record->file = ctx->file;
  cg_xml_locator_find (ctx->file->locator, node, &record->line, &record->column);
  g_ptr_array_add (ctx->elements, record);
}

static void
load_file (LoadContext *ctx,
           ContentFile *file)
{
  xmlNode *root = xmlDocGetRootElement (file->doc);

  ctx->file = file;

  if (is_element (root, "article"))
    {
      note_element (ctx, root);
      load_item (ctx, root, CG_TYPE_ARTICLE);
    }
  else if (is_element (root, "faq"))
    {
      for (xmlNode *entry = root->children; entry != NULL; entry = entry->next)
        if (is_element (entry, "entry"))
          {
            note_element (ctx, entry);
            load_item (ctx, entry, CG_TYPE_FAQ_ENTRY);
          }
    }

  ctx->file = NULL;
}

/* Checks across files */

static void
check_topics (LoadContext *ctx)
{
  g_autoptr(GPtrArray) orphans = g_ptr_array_new ();

  /* Each orphan is reported at its own element. */
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      ItemRecord *record = g_ptr_array_index (ctx->elements, i);
      CgItem *item = cg_library_lookup_item (ctx->library, record->id);

      /* Only the item that came from this very file. */
      if (item == NULL || g_strcmp0 (cg_item_get_file (item), record->file->path) != 0)
        continue;

      if (cg_library_lookup_topic (ctx->library, record->topic) != NULL)
        continue;

      /* A hidden topic takes its articles and questions with it,
       * quietly: a clinic cannot edit the bundled files that name it. */
      if (!g_hash_table_contains (ctx->hidden, record->topic))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("the topic “%s” does not exist"), record->topic);
          report_at (ctx, record->file, record->line, record->column,
                     CG_CONTENT_ERROR_UNKNOWN_TOPIC, message);
        }
      g_ptr_array_add (orphans, record->id);
    }

  for (guint i = 0; i < orphans->len; i++)
    cg_library_remove (ctx->library, g_ptr_array_index (orphans, i));
}

static void
check_links (LoadContext *ctx)
{
  for (guint i = 0; i < ctx->links->len; i++)
    {
      PendingLink *link = g_ptr_array_index (ctx->links, i);
      g_autofree char *message = NULL;

      if (cg_library_lookup_item (ctx->library, link->target) != NULL)
        continue;

      /* Links into what a clinic hid lead nowhere, but the clinic cannot
       * edit the bundled files they are in; the reader shows them as text. */
      if (g_hash_table_contains (ctx->hidden, link->target))
        continue;

      message = g_strdup_printf (_("the link points to “%s”, which does not exist"), link->target);
      report_at (ctx, link->file, link->line, link->column, CG_CONTENT_ERROR_DANGLING_LINK, message);
    }
}

/* Finding the files */

static char *
translated_path (CgContentLoader *self,
                 const Source    *source,
                 const char      *path)
{
  g_autofree char *basename = NULL;
  g_autofree char *candidate = NULL;

  if (source->bytes != NULL || source->translated_root == NULL || self->language == NULL ||
      g_str_equal (self->language, "en"))
    return g_strdup (path);

  basename = g_path_get_basename (path);
  candidate = g_build_filename (source->translated_root, self->language, basename, NULL);
  if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&candidate);

  return g_strdup (path);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
list_source (CgContentLoader *self,
             const Source    *source,
             guint            layer,
             GPtrArray       *paths,
             GArray          *layers,
             CgLibrary       *library)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (source->bytes != NULL)
    {
      g_ptr_array_add (paths, g_strdup (source->path));
      g_array_append_val (layers, layer);
      return;
    }

  if (!g_file_test (source->path, G_FILE_TEST_IS_DIR))
    {
      if (!g_file_test (source->path, G_FILE_TEST_EXISTS))
        {
          cg_library_add_problem (library,
                                  cg_problem_new (source->path, 0, 0, CG_CONTENT_ERROR_READ,
                                                  _("does not exist")));
          return;
        }

      g_ptr_array_add (paths, g_strdup (source->path));
      g_array_append_val (layers, layer);
      return;
    }

  dir = g_dir_open (source->path, 0, &error);
  if (dir == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("cannot be read: %s"), error->message);

      cg_library_add_problem (library,
                              cg_problem_new (source->path, 0, 0, CG_CONTENT_ERROR_READ, message));
      return;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml") && name[0] != '.')
      g_ptr_array_add (names, g_build_filename (source->path, name, NULL));

  /* Load in a stable order, so that problems and overrides are repeatable. */
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      g_ptr_array_add (paths, g_strdup (g_ptr_array_index (names, i)));
      g_array_append_val (layers, layer);
    }
}

/* Reading and parsing, in worker threads */

/* A file that became invalid (often half-written: an editor saving over
 * a network share) keeps its last good version in use, so that patients
 * keep seeing the text they were reading; the problem is still reported. */
static void
parse_file (Pipeline    *pipeline,
            xmlRelaxNG  *schema,
            ContentFile *file)
{
  gsize max_size = pipeline->self->max_file_size;

  if (file->bytes != NULL)
    file->doc = cg_xml_reader_parse (schema, file->bytes, file->path, max_size,
                                     &file->locator, &file->problem);

  /* Only files on disk have a last good version. */
  if (file->doc != NULL && pipeline->track_good && file->base_dir != NULL)
    file->good = g_steal_pointer (&file->bytes);
  else if (file->doc == NULL && file->previous != NULL &&
           g_file_test (file->path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(CgProblem) ignored = NULL;

      file->doc = cg_xml_reader_parse (schema, file->previous, file->path, max_size,
                                       &file->locator, &ignored);
    }

  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_clear_pointer (&file->previous, g_bytes_unref);
}

static void
read_file (Pipeline    *pipeline,
           xmlRelaxNG  *schema,
           ContentFile *file)
{
  const char *root;

  /* Files held in memory come with their bytes. */
  if (file->bytes == NULL)
    file->bytes = cg_xml_reader_read_file (file->path, pipeline->self->max_file_size,
                                           &file->problem);

  root = file->bytes ? cg_xml_reader_sniff_root (file->bytes) : NULL;
  file->early = g_strcmp0 (root, "article") != 0 && g_strcmp0 (root, "faq") != 0;

  if (file->early)
    parse_file (pipeline, schema, file);
}

static void
run_job (Worker      *worker,
         ContentFile *file)
{
  Pipeline *pipeline = worker->pipeline;

  if (g_cancellable_is_cancelled (pipeline->cancellable))
    return;

  if (pipeline->stage == STAGE_READ)
    read_file (pipeline, worker->schema, file);
  else
    parse_file (pipeline, worker->schema, file);
}

/* Called with the mutex held. */
static void
job_done (Pipeline    *pipeline,
          ContentFile *file,
          guint        index)
{
  file->parsed = pipeline->stage == STAGE_PARSE || file->early;
  if (pipeline->waiting_for == index)
    g_cond_signal (&pipeline->done_cond);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  Pipeline *pipeline = worker->pipeline;

  g_mutex_lock (&pipeline->mutex);
  for (;;)
    {
      ContentFile *file;
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
start_stage (Pipeline *pipeline,
             GArray   *workers,
             Stage     stage,
             guint     limit)
{
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
finish_stage (Pipeline *pipeline,
              GArray   *workers,
              gboolean  skip_rest)
{
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
static ContentFile *
take_parsed (Worker *worker,
             guint   index)
{
  Pipeline *pipeline = worker->pipeline;
  ContentFile *file = g_ptr_array_index (pipeline->files, index);

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
          ContentFile *other = g_ptr_array_index (pipeline->files, taken);

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
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (content_file_free);
  g_autoptr(GArray) workers = g_array_new (FALSE, TRUE, sizeof (Worker));
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GHashTable) hidden = NULL;
  Pipeline pipeline = { 0 };
  LoadContext ctx = { 0 };
  static const char * const first_pass[] = { "clinic", "topics", "synonyms", "hide", NULL };

  g_return_val_if_fail (CG_IS_CONTENT_LOADER (self), NULL);

  library = cg_library_new (self->language);

  for (guint i = 0; i < self->sources->len; i++)
    list_source (self, &g_array_index (self->sources, Source, i), i, paths, layers, library);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *source_path = g_ptr_array_index (paths, i);
      guint layer = g_array_index (layers, guint, i);
      const Source *source = &g_array_index (self->sources, Source, layer);
      ContentFile *file = g_new0 (ContentFile, 1);

      file->path = translated_path (self, source, source_path);
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

  pipeline.self = self;
  pipeline.files = files;
  pipeline.cancellable = cancellable;
  pipeline.track_good = self->last_good != NULL;
  g_mutex_init (&pipeline.mutex);
  g_cond_init (&pipeline.work_cond);
  g_cond_init (&pipeline.done_cond);

  g_array_set_clear_func (workers, worker_clear);
  g_array_set_size (workers, CLAMP (MIN (files->len, g_get_num_processors ()), 1, MAX_WORKERS));
  for (guint i = 0; i < workers->len; i++)
    {
      g_array_index (workers, Worker, i).pipeline = &pipeline;
      g_array_index (workers, Worker, i).schema = cg_xml_schema_acquire ();
    }

  start_stage (&pipeline, workers, STAGE_READ, files->len);
  worker_thread (&g_array_index (workers, Worker, 0));
  finish_stage (&pipeline, workers, FALSE);

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  links = g_ptr_array_new_with_free_func (pending_link_free);
  elements = g_ptr_array_new_with_free_func (item_record_free);
  hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ctx.library = library;
  ctx.ids = ids;
  ctx.links = links;
  ctx.elements = elements;
  ctx.hidden = hidden;

  /* The clinic first, so that fields are filled in as articles load; then
   * topics, synonyms and hidden ids; then articles and questions. */
  for (guint pass = 0; first_pass[pass] != NULL; pass++)
    for (guint i = 0; i < files->len; i++)
      {
        ContentFile *file = g_ptr_array_index (files, i);
        xmlNode *root = file->doc ? xmlDocGetRootElement (file->doc) : NULL;

        if (!is_element (root, first_pass[pass]))
          continue;

        ctx.file = file;
        if (pass == 0)
          load_clinic (&ctx, root);
        else if (pass == 1)
          load_topics (&ctx, root);
        else if (pass == 2)
          load_synonyms (&ctx, root);
        else
          load_hide (&ctx, root);
        ctx.file = NULL;
      }

  start_stage (&pipeline, workers, STAGE_PARSE, PARSE_AHEAD);
  for (guint i = 0; i < files->len; i++)
    {
      ContentFile *file;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      file = take_parsed (&g_array_index (workers, Worker, 0), i);

      if (file->problem != NULL)
        cg_library_add_problem (library, g_steal_pointer (&file->problem));
      if (file->good != NULL)
        g_hash_table_replace (self->last_good, g_strdup (file->path), g_steal_pointer (&file->good));
      if (file->doc != NULL)
        load_file (&ctx, file);

      content_file_release (file);
    }
  finish_stage (&pipeline, workers, TRUE);

  g_mutex_clear (&pipeline.mutex);
  g_cond_clear (&pipeline.work_cond);
  g_cond_clear (&pipeline.done_cond);

  {
    GHashTableIter iter;
    gpointer id;

    g_hash_table_iter_init (&iter, hidden);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      cg_library_remove (library, id);
  }

  check_topics (&ctx);
  check_links (&ctx);

  g_clear_object (&ctx.clinic);
  cg_library_seal (library);

  return g_steal_pointer (&library);
}
