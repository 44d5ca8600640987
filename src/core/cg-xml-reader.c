/* cg-xml-reader.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "cg-autocleanups-private.h"
#include "cg-content-loader.h"
#include "cg-xml-reader.h"

/* Content files come from a shared folder that clinic staff edit, so they
 * are trusted less than code. We read the bytes ourselves with a size cap,
 * parse from memory with XML_PARSE_NONET only (never NOENT, DTDLOAD,
 * XINCLUDE, HUGE or RECOVER), refuse any document type declaration before
 * its entities are even read, deny every external entity, and validate
 * against the schema compiled into the program.
 */

#define SCHEMA_RESOURCE "/org/clinicguide/ClinicGuide/core/clinic-guide.rng"

static const char * const root_elements[] = {
  "topics", "article", "faq", "clinic", "synonyms", "hide", NULL
};

typedef struct
{
  const char *display_name;
  GBytes     *bytes;
  CgProblem  *problem;   /* the first one only: later ones are mostly echoes */
} ReadState;

static xmlParserInputPtr
deny_entity_loader (const char       *url,
                    const char       *id,
                    xmlParserCtxtPtr  ctxt)
{
  g_debug ("Refused to load external entity %s", url ? url : id ? id : "(unnamed)");
  return NULL;
}

static void
ensure_initialized (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_entity_loader);
      g_once_init_leave (&initialized, 1);
    }
}

static xmlRelaxNGPtr
get_schema (void)
{
  static gsize initialized;
  static xmlRelaxNGPtr schema;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(xmlRelaxNGParserCtxt) ctxt = NULL;
      gsize size;
      const char *data;

      bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);

      ctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      schema = xmlRelaxNGParse (ctxt);
      g_assert (schema != NULL);

      g_once_init_leave (&initialized, 1);
    }

  return schema;
}

static void
set_problem (ReadState  *state,
             int         line,
             int         column,
             int         code,
             const char *message)
{
  if (state->problem == NULL)
    state->problem = cg_problem_new (state->display_name, line, column, code, message);
}

static char *
clean_message (const char *message)
{
  char *copy = g_strdup (message ? message : "");

  return g_strstrip (copy);
}

static void
parser_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ReadState *state = ctxt->_private;
  g_autofree char *detail = NULL;
  g_autofree char *message = NULL;

  if (error->level < XML_ERR_ERROR)
    return;

  detail = clean_message (error->message);
  /* Translators: %s is the XML parser's own (English) description. */
  message = g_strdup_printf (_("not well-formed XML: %s"), detail);
  set_problem (state, error->line, error->int2, CG_CONTENT_ERROR_MALFORMED, message);
}

static void
validity_error_cb (void        *user_data,
                   xmlErrorPtr  error)
{
  ReadState *state = user_data;
  g_autofree char *detail = NULL;
  g_autofree char *message = NULL;
  int column = 0;

  if (error->level < XML_ERR_ERROR)
    return;

  if (error->node != NULL && ((xmlNode *) error->node)->type == XML_ELEMENT_NODE)
    column = cg_xml_reader_node_column (state->bytes, error->node);

  detail = clean_message (error->message);
  /* Translators: %s is the schema validator's own (English) description. */
  message = g_strdup_printf (_("does not follow the content schema: %s"), detail);
  set_problem (state, error->line, column, CG_CONTENT_ERROR_INVALID, message);
}

/* Called at <!DOCTYPE, before any entity of the internal subset is read:
 * content never needs a DTD, and refusing it here takes billion laughs and
 * external entities off the table. */
static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  ReadState *state = ctxt->_private;

  set_problem (state, xmlSAX2GetLineNumber (ctxt), xmlSAX2GetColumnNumber (ctxt),
               CG_CONTENT_ERROR_DTD,
               _("a document type declaration (<!DOCTYPE …>) is not allowed in content files"));
  xmlStopParser (ctxt);
}

static void
set_too_large (ReadState *state,
               gsize      max_size)
{
  g_autofree char *limit = g_format_size (max_size);
  g_autofree char *message = NULL;

  /* Translators: %s is a size such as "4.2 MB". */
  message = g_strdup_printf (_("is larger than the limit of %s for a content file"), limit);
  set_problem (state, 0, 0, CG_CONTENT_ERROR_TOO_LARGE, message);
}

static GBytes *
read_capped (const char  *path,
             const char  *display_name,
             gsize        max_size,
             ReadState   *state)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *buffer = NULL;
  gsize n_read = 0;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("cannot be read: %s"), error->message);
      set_problem (state, 0, 0, CG_CONTENT_ERROR_READ, message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_problem (state, 0, 0, CG_CONTENT_ERROR_READ, _("is not a regular file"));
      return NULL;
    }

  if ((guint64) g_file_info_get_size (info) > max_size)
    {
      set_too_large (state, max_size);
      return NULL;
    }

  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("cannot be read: %s"), error->message);
      set_problem (state, 0, 0, CG_CONTENT_ERROR_READ, message);
      return NULL;
    }

  /* The file may grow between the size check and the read. */
  buffer = g_malloc (max_size + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, max_size + 1, &n_read, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("cannot be read: %s"), error->message);
      set_problem (state, 0, 0, CG_CONTENT_ERROR_READ, message);
      return NULL;
    }

  if (n_read > max_size)
    {
      set_too_large (state, max_size);
      return NULL;
    }

  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (n_read, 1)), n_read);
}

static xmlDoc *
parse_and_validate (ReadState *state)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlRelaxNGValidCtxt) vctxt = NULL;
  const char *contents;
  xmlNode *root;
  gsize size;

  contents = g_bytes_get_data (state->bytes, &size);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");

  ctxt->_private = state;
  ctxt->sax->serror = parser_error_cb;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->warning = NULL;

  doc = xmlCtxtReadMemory (ctxt, contents, (int) size, state->display_name, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES);

  if (state->problem != NULL)
    return NULL;

  if (doc == NULL || !ctxt->wellFormed)
    {
      set_problem (state, 1, 1, CG_CONTENT_ERROR_MALFORMED, _("not well-formed XML"));
      return NULL;
    }

  /* Belt and braces: the callback above should have refused it already. */
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      set_problem (state, 1, 1, CG_CONTENT_ERROR_DTD,
                   _("a document type declaration (<!DOCTYPE …>) is not allowed in content files"));
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || root->ns != NULL ||
      !g_strv_contains (root_elements, (const char *) root->name))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("<%s> is not a content file’s root element: a content file "
                                   "starts with <article>, <faq>, <topics>, <clinic>, "
                                   "<synonyms> or <hide>"),
                                 root ? (const char *) root->name : "");
      set_problem (state, root ? xmlGetLineNo (root) : 1,
                   root ? cg_xml_reader_node_column (state->bytes, root) : 1,
                   CG_CONTENT_ERROR_INVALID, message);
      return NULL;
    }

  vctxt = xmlRelaxNGNewValidCtxt (get_schema ());
  xmlRelaxNGSetValidStructuredErrors (vctxt, validity_error_cb, state);
  if (xmlRelaxNGValidateDoc (vctxt, doc) != 0)
    {
      set_problem (state, 1, 1, CG_CONTENT_ERROR_INVALID, _("does not follow the content schema"));
      return NULL;
    }

  return g_steal_pointer (&doc);
}

/**
 * cg_xml_reader_read:
 * @path: the file to read
 * @display_name: how problems name the file
 * @max_size: the largest file accepted, in bytes
 * @bytes: (out) (optional): the file's bytes, to locate later problems in it
 * @problem: (out): what was wrong, when %NULL is returned
 *
 * Reads a content file safely and validates it against the schema.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @problem set
 */
xmlDoc *
cg_xml_reader_read (const char  *path,
                    const char  *display_name,
                    gsize        max_size,
                    GBytes     **bytes,
                    CgProblem  **problem)
{
  g_autoptr(GBytes) data = NULL;
  ReadState state = { display_name, NULL, NULL };
  xmlDoc *doc = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (problem != NULL && *problem == NULL, NULL);

  ensure_initialized ();

  data = read_capped (path, display_name, max_size, &state);
  if (data != NULL)
    {
      state.bytes = data;
      doc = parse_and_validate (&state);
    }

  if (doc == NULL)
    {
      *problem = state.problem;
      return NULL;
    }

  if (bytes != NULL)
    *bytes = g_steal_pointer (&data);

  return doc;
}

/**
 * cg_xml_reader_node_column:
 *
 * libxml2 keeps the line of an element but not its column: find where its
 * start tag begins on that line, counting characters from 1.
 */
int
cg_xml_reader_node_column (GBytes  *bytes,
                           xmlNode *node)
{
  const char *data, *end, *line_start, *line_end, *found = NULL;
  g_autofree char *needle = NULL;
  long line, current = 1;
  gsize size;

  if (bytes == NULL || node == NULL || node->name == NULL)
    return 1;

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    return 1;

  end = data + size;
  line = xmlGetLineNo (node);
  line_start = data;
  while (current < line && line_start < end)
    {
      const char *nl = memchr (line_start, '\n', end - line_start);

      if (nl == NULL)
        return 1;
      line_start = nl + 1;
      current++;
    }

  line_end = memchr (line_start, '\n', end - line_start);
  if (line_end == NULL)
    line_end = end;

  needle = g_strconcat ("<", (const char *) node->name, NULL);
  for (const char *p = line_start; p + strlen (needle) <= (gsize) (line_end - data) + data; p++)
    {
      if (strncmp (p, needle, strlen (needle)) == 0)
        {
          found = p;
          break;
        }
    }

  if (found == NULL)
    return 1;

  if (!g_utf8_validate (line_start, found - line_start, NULL))
    return (int) (found - line_start) + 1;

  return (int) g_utf8_strlen (line_start, found - line_start) + 1;
}
