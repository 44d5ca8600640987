/* cg-content-builder.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-clinic-private.h"
#include "cg-document-private.h"
#include "cg-content-builder.h"
#include "cg-i18n.h"
#include "cg-library-private.h"
#include "cg-near-miss.h"
#include "cg-xml-converter.h"
#include "cg-xml-util.h"

/* Fills a library in from parsed content files, one root element at a
 * time, and checks what spans files once all are read: ids unique within
 * a folder, topics that exist, links that lead somewhere. Documents are
 * freed as soon as they are read, so what the checks need later is noted
 * with its place in the file. Runs in one thread, in file order. */

#define DEFAULT_ORDER 1000

typedef struct
{
  const char *file;   /* a CgContentFile's path */
  int         line;
  guint       layer;
} IdRecord;

/* An article or FAQ entry element, read or not, for the topic check. */
typedef struct
{
  char       *id;
  char       *topic;
  const char *file;   /* a CgContentFile's path */
  int         line;
  int         column;
} ItemRecord;

struct _CgContentBuilder
{
  CgLibrary      *library;
  CgClinic       *clinic;
  GHashTable     *ids;        /* id → IdRecord */
  GPtrArray      *links;      /* of CgXmlLink */
  GPtrArray      *elements;   /* of ItemRecord, in file order */
  GHashTable     *hidden;     /* set of ids a <hide> file names */
  GHashTable     *lost;       /* set of ids of items in files that failed */
  GHashTable     *shared;     /* set of ids claimed more than once, in any folder */
  GPtrArray      *problems;   /* of CgProblem, found in the file being read */
  CgXmlConverter  convert;    /* for the file being read */
  guint           layer;      /* of the file being read */
};

static void
item_record_free (gpointer data)
{
  ItemRecord *record = data;

  g_free (record->id);
  g_free (record->topic);
  g_free (record);
}

static void
report_at (CgContentBuilder *self,
           const char       *file,
           int               line,
           int               column,
           int               code,
           const char       *message)
{
  cg_library_add_problem (self->library, cg_problem_new (file, line, column, code, message));
}

/* Root elements */

static void
load_clinic (CgContentBuilder *self,
             xmlNode     *root)
{
  g_autoptr(CgClinic) clinic = cg_clinic_new ();
  static const char * const values[] = { "name", "phone", "email", NULL };
  xmlNode *node;

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *text = cg_xml_get_text (cg_xml_first_child (root, values[i]));

      if (text != NULL)
        cg_clinic_set_value (clinic, values[i], text);
    }

  if ((node = cg_xml_first_child (root, "website")) != NULL)
    {
      g_autofree char *href = cg_xml_get_attr (node, "href");
      cg_clinic_set_value (clinic, "website", href);
    }

  if ((node = cg_xml_first_child (root, "booking")) != NULL)
    {
      g_autofree char *href = cg_xml_get_attr (node, "href");
      cg_clinic_set_value (clinic, "booking", href);
    }

  for (node = cg_xml_first_child (cg_xml_first_child (root, "address"), "line"); node != NULL;
       node = node->next)
    if (cg_xml_is_element (node, "line"))
      {
        g_autofree char *line = cg_xml_get_text (node);
        cg_clinic_add_line (clinic, "address", line);
      }

  for (node = cg_xml_first_child (cg_xml_first_child (root, "hours"), "line"); node != NULL;
       node = node->next)
    if (cg_xml_is_element (node, "line"))
      {
        g_autofree char *line = cg_xml_get_text (node);
        cg_clinic_add_line (clinic, "hours", line);
      }

  for (node = cg_xml_first_child (cg_xml_first_child (root, "prices"), "price"); node != NULL;
       node = node->next)
    if (cg_xml_is_element (node, "price"))
      {
        g_autofree char *id = cg_xml_get_attr (node, "id");
        g_autofree char *label = cg_xml_get_text (cg_xml_first_child (node, "label"));
        g_autofree char *amount = cg_xml_get_text (cg_xml_first_child (node, "amount"));

        cg_clinic_add_price (clinic, id, label, amount);
      }

  g_set_object (&self->clinic, clinic);
  cg_library_set_clinic (self->library, clinic);
}

static gboolean
claim_id (CgContentBuilder *self,
          xmlNode     *node,
          const char  *id)
{
  IdRecord *record = g_hash_table_lookup (self->ids, id);
  int column = 0;   /* the message names the line only */

  /* A reload of one file cannot redo what another file's claim said. */
  if (record != NULL)
    g_hash_table_add (self->shared, g_strdup (id));

  /* A later folder overrides an earlier one; within one folder an id is
   * unique. */
  if (record != NULL && record->layer == self->layer)
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is an id, then a file name and a line number. */
      message = g_strdup_printf (_("the id “%s” is already used at %s:%d"),
                                 id, record->file, record->line);
      cg_xml_converter_report (&self->convert, node, CG_CONTENT_ERROR_DUPLICATE_ID, message);
      return FALSE;
    }

  /* An article or question of a later folder with an id of an earlier
   * one takes its place; said once, in case the id was reused by
   * accident, unless the file says it is meant. Topics are renamed this
   * way as a matter of course. */
  if (record != NULL && !g_str_has_prefix (id, "topic:"))
    {
      g_autofree char *replaces = cg_xml_get_attr (node, "replaces");

      if (g_strcmp0 (replaces, "true") != 0 && g_strcmp0 (replaces, "1") != 0)
        {
          g_autofree char *message = NULL;

          /* Translators: the first %s is an id, then a file name and a line
           * number; keep replaces="true" as it is. */
          message = g_strdup_printf (_("the id “%s” is already used at %s:%d, and this replaces it: "
                                       "if that is meant, add replaces=\"true\" here; "
                                       "otherwise choose another id"),
                                     id, record->file, record->line);
          cg_xml_converter_report (&self->convert, node, CG_CONTENT_ERROR_UNMARKED_OVERRIDE, message);
        }
    }

  record = g_new0 (IdRecord, 1);
  record->file = self->convert.file;
  record->layer = self->layer;
  cg_xml_locator_find (self->convert.locator, node, &record->line, &column);
  g_hash_table_replace (self->ids, g_strdup (id), record);

  return TRUE;
}

static void
load_topics (CgContentBuilder *self,
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

      if (!cg_xml_is_element (node, "topic"))
        continue;

      id = cg_xml_get_attr (node, "id");
      icon = cg_xml_get_attr (node, "icon");
      title = cg_xml_converter_inline_text (&self->convert, cg_xml_first_child (node, "title"));
      summary = cg_xml_converter_inline_text (&self->convert, cg_xml_first_child (node, "summary"));

      if (title == NULL || title[0] == '\0')
        {
          cg_xml_converter_report (&self->convert, cg_xml_first_child (node, "title"),
                                   CG_CONTENT_ERROR_EMPTY_TITLE, _("the title is empty"));
          continue;
        }

      /* Topics have ids of their own, apart from articles and questions. */
      key = g_strconcat ("topic:", id, NULL);
      if (!claim_id (self, node, key))
        continue;

      topic = g_object_new (CG_TYPE_TOPIC,
                            "id", id,
                            "icon-name", icon,
                            "title", title,
                            "summary", summary,
                            NULL);
      cg_library_add_topic (self->library, topic);
    }
}

static void
load_synonyms (CgContentBuilder *self,
               xmlNode     *root)
{
  for (xmlNode *group = root->children; group != NULL; group = group->next)
    {
      g_autoptr(GStrvBuilder) terms = NULL;

      if (!cg_xml_is_element (group, "group"))
        continue;

      terms = g_strv_builder_new ();
      for (xmlNode *term = group->children; term != NULL; term = term->next)
        if (cg_xml_is_element (term, "term"))
          {
            g_autofree char *text = cg_xml_get_text (term);
            g_strv_builder_add (terms, text);
          }

      cg_library_add_synonym_group (self->library, g_strv_builder_end (terms));
    }
}

static void
load_hide (CgContentBuilder *self,
           xmlNode     *root)
{
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    if (cg_xml_is_element (node, "item"))
      g_hash_table_add (self->hidden, cg_xml_get_attr (node, "ref"));
}

static char **
collect_keywords (xmlNode *node)
{
  g_autoptr(GStrvBuilder) keywords = g_strv_builder_new ();
  xmlNode *list = cg_xml_first_child (node, "keywords");

  for (xmlNode *child = list ? list->children : NULL; child != NULL; child = child->next)
    if (cg_xml_is_element (child, "keyword"))
      {
        g_autofree char *text = cg_xml_get_text (child);
        g_strv_builder_add (keywords, text);
      }

  return g_strv_builder_end (keywords);
}

static char **
collect_related (CgContentBuilder *self,
                 xmlNode     *node)
{
  g_autoptr(GStrvBuilder) related = g_strv_builder_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (cg_xml_is_element (child, "related"))
      {
        g_autofree char *ref = cg_xml_get_attr (child, "ref");

        cg_xml_converter_note_link (&self->convert, child, ref);
        g_strv_builder_add (related, ref);
      }

  return g_strv_builder_end (related);
}

/* take it home (F19): the key points an editor wrote, clinic fields
 * filled in as in the text. */
static char **
collect_takeaway (CgContentBuilder *self,
                  xmlNode          *node)
{
  g_autoptr(GStrvBuilder) points = g_strv_builder_new ();
  xmlNode *takeaway = cg_xml_first_child (node, "takeaway");

  for (xmlNode *child = takeaway ? takeaway->children : NULL; child != NULL; child = child->next)
    if (cg_xml_is_element (child, "item"))
      {
        g_autofree char *text = cg_xml_converter_inline_text (&self->convert, child);

        if (text != NULL && text[0] != '\0')
          g_strv_builder_add (points, text);
      }

  return g_strv_builder_end (points);
}

/* An article, or one FAQ entry. */
static void
load_item (CgContentBuilder *self,
           xmlNode     *node,
           GType        type)
{
  gboolean is_article = type == CG_TYPE_ARTICLE;
  xmlNode *title_node = cg_xml_first_child (node, is_article ? "title" : "question");
  xmlNode *review = cg_xml_first_child (node, "review");
  g_autofree char *id = cg_xml_get_attr (node, "id");
  g_autofree char *topic = cg_xml_get_attr (node, "topic");
  g_autofree char *order = cg_xml_get_attr (node, "order");
  g_autofree char *popular = cg_xml_get_attr (node, "popular");
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *review_date = NULL;
  g_autofree char *reviewed_by = NULL;
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) related = NULL;
  g_auto(GStrv) takeaway = NULL;
  g_autoptr(CgDocument) document = NULL;
  g_autoptr(CgItem) item = NULL;

  title = cg_xml_converter_inline_text (&self->convert, title_node);
  if (title == NULL || title[0] == '\0')
    {
      cg_xml_converter_report (&self->convert, title_node ? title_node : node,
                               CG_CONTENT_ERROR_EMPTY_TITLE,
                               is_article ? _("the title is empty") : _("the question is empty"));
      return;
    }

  if (!claim_id (self, node, id))
    return;

  if (review != NULL)
    {
      review_date = cg_xml_get_attr (review, "date");
      reviewed_by = cg_xml_get_attr (review, "by");
    }

  keywords = collect_keywords (node);
  document = cg_xml_converter_build_document (&self->convert,
                                              cg_xml_first_child (node, is_article ? "body" : "answer"));
  related = collect_related (self, node);
  takeaway = collect_takeaway (self, node);

  if (is_article)
    summary = cg_xml_converter_inline_text (&self->convert, cg_xml_first_child (node, "summary"));

  {
    const char *names[] = {
      "id", "topic-id", "title", "keywords", "review-date", "reviewed-by",
      "document", "related", "file", is_article ? "summary" : "popular", "takeaway",
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
    g_value_set_string (&values[8], self->convert.file);
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
    g_value_init (&values[10], G_TYPE_STRV);
    g_value_set_boxed (&values[10], takeaway);

    item = CG_ITEM (g_object_new_with_properties (type, G_N_ELEMENTS (names), names, values));

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      g_value_unset (&values[i]);
  }

  cg_library_add_item (self->library, item,
                       order ? (guint) g_ascii_strtoull (order, NULL, 10) : DEFAULT_ORDER);
}

/* The topic check comes once every topic is known, and the document is
 * long gone by then. */
static void
note_element (CgContentBuilder *self,
              xmlNode     *node)
{
  ItemRecord *record = g_new0 (ItemRecord, 1);

  record->id = cg_xml_get_attr (node, "id");
  record->topic = cg_xml_get_attr (node, "topic");
  record->file = self->convert.file;
  cg_xml_locator_find (self->convert.locator, node, &record->line, &record->column);
  g_ptr_array_add (self->elements, record);
}

static void
load_file (CgContentBuilder *self,
           xmlNode          *root)
{
  if (cg_xml_is_element (root, "article"))
    {
      note_element (self, root);
      load_item (self, root, CG_TYPE_ARTICLE);
    }
  else if (cg_xml_is_element (root, "faq"))
    {
      for (xmlNode *entry = root->children; entry != NULL; entry = entry->next)
        if (cg_xml_is_element (entry, "entry"))
          {
            note_element (self, entry);
            load_item (self, entry, CG_TYPE_FAQ_ENTRY);
          }
    }
}

/* Checks across files */

static void
check_topics (CgContentBuilder *self)
{
  g_autoptr(GPtrArray) orphans = g_ptr_array_new ();

  /* Each orphan is reported at its own element. */
  for (guint i = 0; i < self->elements->len; i++)
    {
      ItemRecord *record = g_ptr_array_index (self->elements, i);
      CgItem *item = cg_library_lookup_item (self->library, record->id);

      /* Only the item that came from this very file. */
      if (item == NULL || g_strcmp0 (cg_item_get_file (item), record->file) != 0)
        continue;

      if (cg_library_lookup_topic (self->library, record->topic) != NULL)
        continue;

      /* A hidden topic takes its articles and questions with it,
       * quietly: a clinic cannot edit the bundled files that name it. */
      if (!g_hash_table_contains (self->hidden, record->topic))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("the topic “%s” does not exist"), record->topic);
          report_at (self, record->file, record->line, record->column,
                     CG_CONTENT_ERROR_UNKNOWN_TOPIC, message);
        }
      g_ptr_array_add (orphans, record->id);
    }

  for (guint i = 0; i < orphans->len; i++)
    cg_library_remove (self->library, g_ptr_array_index (orphans, i));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The ids a link could have meant, for "did you mean". */
static char **
known_item_ids (CgContentBuilder *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer id;

  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_hash_table_iter_init (&iter, self->ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (cg_library_lookup_item (self->library, id) != NULL)
      g_ptr_array_add (ids, id);

  /* Sorted, so that of two as near the same one is always suggested. */
  g_ptr_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (ids, i));

  return g_strv_builder_end (builder);
}

static void
check_links (CgContentBuilder *self)
{
  g_auto(GStrv) known = NULL;

  for (guint i = 0; i < self->links->len; i++)
    {
      CgXmlLink *link = g_ptr_array_index (self->links, i);
      g_autofree char *message = NULL;
      const char *near;

      if (cg_library_lookup_item (self->library, link->target) != NULL)
        continue;

      /* Links into what a clinic hid lead nowhere, but the clinic cannot
       * edit the bundled files they are in; the reader shows them as text. */
      if (g_hash_table_contains (self->hidden, link->target))
        continue;

      /* Its file's own problem says what to fix; a list of links to it
       * would only bury that. */
      if (g_hash_table_contains (self->lost, link->target))
        continue;

      if (known == NULL)
        known = known_item_ids (self);
      near = cg_near_miss_find (link->target, (const char * const *) known, 3);
      if (near != NULL)
        /* Translators: both %s are ids of articles or questions. */
        message = g_strdup_printf (_("the link points to “%s”, which does not exist; did you mean “%s”?"),
                                   link->target, near);
      else
        message = g_strdup_printf (_("the link points to “%s”, which does not exist"), link->target);
      report_at (self, link->file, link->line, link->column, CG_CONTENT_ERROR_DANGLING_LINK,
                 message);
    }
}
/* A link leads somewhere only to a page the reader can open. One to a page
 * the clinic hid, or to an id nothing ever had, reads as plain words for the
 * patient all the same; the second is a mistake that check_links() has
 * already reported, from the links as written, for the editor to fix. */
static gboolean
link_leads_somewhere (const char *target,
                      gpointer    data)
{
  CgContentBuilder *self = data;

  return cg_library_lookup_item (self->library, target) != NULL;
}

/* A link into what the clinic hid, or to nothing, becomes words that read
 * well without it, here, once: the screen, the copy and the print all
 * show the same document. */
static void
demote_dead_links (CgContentBuilder *self)
{
  /* Every item read, by the element it came from (the library lists
   * them only once sealed); a replaced one is looked up as its id now is. */
  for (guint i = 0; i < self->elements->len; i++)
    {
      ItemRecord *record = g_ptr_array_index (self->elements, i);
      CgItem *item = cg_library_lookup_item (self->library, record->id);
      CgDocument *document = item != NULL ? cg_item_get_document (item) : NULL;

      if (document != NULL && g_strcmp0 (cg_item_get_file (item), record->file) == 0)
        cg_document_demote_links (document, link_leads_somewhere, self);
    }
}

/* Public API */

CgContentBuilder *
cg_content_builder_new (CgLibrary *library)
{
  CgContentBuilder *self = g_new0 (CgContentBuilder, 1);

  self->library = g_object_ref (library);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->links = g_ptr_array_new_with_free_func (cg_xml_link_free);
  self->elements = g_ptr_array_new_with_free_func (item_record_free);
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->lost = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_problem_free);

  return self;
}

void
cg_content_builder_free (CgContentBuilder *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->library);
  g_clear_object (&self->clinic);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->lost, g_hash_table_unref);
  g_clear_pointer (&self->shared, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self);
}

static void
begin_file (CgContentBuilder *self,
            CgContentFile    *file)
{
  self->convert = (CgXmlConverter) {
    .file = file->path,
    .base_dir = file->base_dir,
    .locator = file->locator,
    .clinic = self->clinic,
    .problems = self->problems,
    .links = self->links,
    .rtl = cg_i18n_is_rtl (cg_library_get_language (self->library)),
    .untranslated = file->untranslated,
  };
  self->layer = file->layer;
}

static void
end_file (CgContentBuilder *self)
{
  for (guint i = 0; i < self->problems->len; i++)
    cg_library_add_problem (self->library,
                            g_steal_pointer (&g_ptr_array_index (self->problems, i)));
  g_ptr_array_set_size (self->problems, 0);
  self->convert = (CgXmlConverter) { 0 };
}

/**
 * cg_content_builder_read_early:
 * @files: (element-type CgContentFile): every file of the load, in order
 *
 * Reads what articles and questions depend on: the clinic first, so that
 * fields are filled in as articles are read; then topics, synonyms and
 * hidden ids. Files without a document, or of another kind, are passed
 * over.
 */
void
cg_content_builder_read_early (CgContentBuilder *self,
                               GPtrArray        *files)
{
  static const char * const first_pass[] = { "clinic", "topics", "synonyms", "hide", NULL };

  for (guint pass = 0; first_pass[pass] != NULL; pass++)
    for (guint i = 0; i < files->len; i++)
      {
        CgContentFile *file = g_ptr_array_index (files, i);
        xmlNode *root = file->doc ? xmlDocGetRootElement (file->doc) : NULL;

        if (!cg_xml_is_element (root, first_pass[pass]))
          continue;

        begin_file (self, file);
        if (pass == 0)
          load_clinic (self, root);
        else if (pass == 1)
          load_topics (self, root);
        else if (pass == 2)
          load_synonyms (self, root);
        else
          load_hide (self, root);
        end_file (self);
      }
}

/**
 * cg_content_builder_read_items:
 * @file: a file with a document
 *
 * Reads the article or the FAQ entries of @file into the library. Files
 * are given in order, after cg_content_builder_read_early().
 */
void
cg_content_builder_read_items (CgContentBuilder *self,
                               CgContentFile    *file)
{
  g_return_if_fail (file->doc != NULL);

  begin_file (self, file);
  load_file (self, xmlDocGetRootElement (file->doc));
  end_file (self);
}

/**
 * cg_content_builder_note_lost:
 * @ids: the ids of the items of a file that could not be read
 *
 * Links to these ids are not reported: the file's own problem is.
 */
void
cg_content_builder_note_lost (CgContentBuilder   *self,
                              const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (self->lost, g_strdup (ids[i]));
}

/**
 * cg_content_builder_finish:
 *
 * Drops what was hidden, then what has no topic, and reports links that
 * lead nowhere. Call once, when every file is read.
 */
void
cg_content_builder_finish (CgContentBuilder *self)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->hidden);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    cg_library_remove (self->library, id);

  check_topics (self);
  check_links (self);
  demote_dead_links (self);

  g_clear_object (&self->clinic);
}

/**
 * cg_content_builder_set_clinic:
 *
 * For a reload of a few article files: the clinic of the library they
 * go into, whose fields their text is filled in with.
 */
void
cg_content_builder_set_clinic (CgContentBuilder *self,
                               CgClinic         *clinic)
{
  g_set_object (&self->clinic, clinic);
}

/**
 * cg_content_builder_get_links:
 *
 * Returns: (transfer none) (element-type CgXmlLink): every link read so far
 */
GPtrArray *
cg_content_builder_get_links (CgContentBuilder *self)
{
  return self->links;
}

/**
 * cg_content_builder_dup_referenced_ids:
 *
 * Returns: (transfer full): after cg_content_builder_finish(), the set of
 *   ids something other than an item of the library knows: link and
 *   related targets, hidden ids, ids of files that failed, and ids
 *   claimed by elements that did not become items. A file that adds or
 *   removes one of these cannot be read on its own.
 */
GHashTable *
cg_content_builder_dup_referenced_ids (CgContentBuilder *self)
{
  GHashTable *referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer id;

  for (guint i = 0; i < self->links->len; i++)
    g_hash_table_add (referenced, g_strdup (((CgXmlLink *) g_ptr_array_index (self->links, i))->target));

  g_hash_table_iter_init (&iter, self->hidden);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (referenced, g_strdup (id));

  g_hash_table_iter_init (&iter, self->lost);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (referenced, g_strdup (id));

  g_hash_table_iter_init (&iter, self->ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (cg_library_lookup_item (self->library, id) == NULL)
      g_hash_table_add (referenced, g_strdup (id));

  return referenced;
}

/**
 * cg_content_builder_steal_shared_ids:
 *
 * Returns: (transfer full): the set of ids that more than one element
 *   claimed: a file defining one cannot be reloaded on its own
 */
GHashTable *
cg_content_builder_steal_shared_ids (CgContentBuilder *self)
{
  GHashTable *shared = g_steal_pointer (&self->shared);

  self->shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return shared;
}
