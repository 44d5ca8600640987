/* cg-xml-reader.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cg-autocleanups-private.h"
#include "cg-near-miss.h"
#include "cg-problem.h"
#include "cg-xml-locator.h"
#include "cg-xml-reader.h"
#include "cg-xml-schema.h"
#include "cg-xml-util.h"

/* Content files come from a shared folder that clinic staff edit, so they
 * are trusted less than code. We read the bytes ourselves with a size cap,
 * parse from memory with XML_PARSE_NONET only (never NOENT, DTDLOAD,
 * XINCLUDE, HUGE or RECOVER), refuse any document type declaration before
 * its entities are even read, deny every external entity (cg_xml_init()),
 * and validate against the schema compiled into the program
 * (cg-xml-schema.c).
 */

static const char * const root_elements[] = {
  "topics", "article", "faq", "clinic", "synonyms", "hide", NULL
};

typedef struct
{
  const char   *display_name;
  GBytes       *data;
  CgXmlLocator *locator;
  CgProblem    *problem;   /* the first one only: later ones are mostly echoes */
  GPtrArray    *bad_entries;   /* FAQ entries the validator complained about */
} ReadState;

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

/* libxml2 messages end in a newline and some span two lines ("Bytes:
 * 0xFF …"): a problem is one line, file:line:column: message. Some quote
 * the document, cut anywhere, even inside a character: a message is shown
 * in the interface, so it must be valid UTF-8. */
static char *
clean_message (const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message ? message : "", -1);

  return cg_xml_collapse_space (valid);
}

static void
parser_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ReadState *state = ctxt->_private;
  g_autofree char *detail = NULL;
  g_autofree char *message = NULL;
  int line = error->line;
  int column = error->int2;

  if (error->level < XML_ERR_ERROR)
    return;

  /* Errors that do not come from the parser itself (a byte the declared
   * encoding cannot decode) carry no place: the parser's is the best. */
  if (line <= 0)
    {
      line = xmlSAX2GetLineNumber (ctxt);
      column = xmlSAX2GetColumnNumber (ctxt);
    }

  detail = clean_message (error->message);
  if (error->code == XML_ERR_NAME_REQUIRED && column > 1)
    {
      /* The parser's "xmlParseEntityRef: no name": an ampersand in text.
       * It stands just past it; the person fixing the file looks for it. */
      message = g_strdup (_("a lone “&” is not allowed in XML: write &amp; or “and”"));
      column--;
    }
  else if (error->code == XML_ERR_ENTITYREF_SEMICOL_MISSING)
    message = g_strdup (_("a lone “&” is not allowed in XML: write &amp; or “and”"));
  else if (error->code == XML_ERR_UNDECLARED_ENTITY && error->str1 != NULL)
    /* Translators: %s is a name such as nbsp, from “&nbsp;” in the file. */
    message = g_strdup_printf (_("“&%s;” is not known in content files: write the character "
                                 "itself, or &amp; for “&”"), error->str1);
  else
    /* Translators: %s is the XML parser's own (English) description. */
    message = g_strdup_printf (_("not well-formed XML: %s"), detail);
  set_problem (state, line, column, CG_CONTENT_ERROR_MALFORMED, message);
}

/* What must come first in each kind of item, for the most common mistake
 * of all: a missing title or question reads, to the validator, as "did not
 * expect" whatever comes next. */
static char *
missing_first_child (xmlNode *parent)
{
  if (cg_xml_is_element (parent, "article") && cg_xml_first_child (parent, "title") == NULL)
    return g_strdup (_("an article needs a <title> first"));
  if (cg_xml_is_element (parent, "entry") && cg_xml_first_child (parent, "question") == NULL)
    return g_strdup (_("a FAQ entry needs a <question> first"));
  if (cg_xml_is_element (parent, "topic") && cg_xml_first_child (parent, "title") == NULL)
    return g_strdup (_("a topic needs a <title> first"));
  return NULL;
}

/* The validator's message in words a content editor can act on, when we
 * can tell what went wrong; NULL to fall back on its own. */
static char *
plain_validity_message (xmlNode *node,
                        int      code)
{
  gboolean attributes = code == XML_RELAXNG_ERR_ATTRVALID || code == XML_RELAXNG_ERR_INVALIDATTR;
  const char *name;
  char *message;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;
  name = (const char *) node->name;

  if (!g_strv_contains (cg_xml_schema_get_element_names (), name))
    {
      const char *near = cg_near_miss_find (name, cg_xml_schema_get_element_names (), 2);

      if (near != NULL)
        /* Translators: both %s are element names, such as <sumary> and <summary>. */
        return g_strdup_printf (_("<%s> is not known here; did you mean <%s>?"), name, near);
      /* Translators: %s is an element name. */
      return g_strdup_printf (_("<%s> is not an element of content files (docs/CONTENT.md lists them)"),
                              name);
    }

  if (!attributes &&
      ((message = missing_first_child (node)) != NULL ||
       (message = missing_first_child (node->parent)) != NULL))
    return message;

  if (attributes && cg_xml_is_element (node, "clinic"))
    {
      g_autofree char *field = cg_xml_get_attr (node, "field");

      if (field != NULL && !g_str_equal (field, "price") &&
          !g_strv_contains (cg_xml_schema_get_clinic_fields (), field))
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) known = NULL;
          g_autofree char *list = NULL;

          for (const char * const *f = cg_xml_schema_get_clinic_fields (); *f != NULL; f++)
            if (!g_str_equal (*f, "price"))
              g_strv_builder_add (builder, *f);
          known = g_strv_builder_end (builder);
          list = g_strjoinv (", ", known);
          /* Translators: the first %s is what the file says, the second a
           * list such as "name, phone, email"; keep field="price" item="…" as it is. */
          return g_strdup_printf (_("the clinic field “%s” is not known: use one of %s, "
                                    "or field=\"price\" item=\"…\" for a price"),
                                  field, list);
        }
      if (g_strcmp0 (field, "price") == 0 && !xmlHasProp (node, (const xmlChar *) "item"))
        return g_strdup (_("a price needs the price’s id: <clinic field=\"price\" item=\"…\"/>"));
    }

  if ((code == XML_RELAXNG_ERR_ELEMWRONG || code == XML_RELAXNG_ERR_EXTRACONTENT) &&
      node->parent != NULL && node->parent->type == XML_ELEMENT_NODE)
    /* Translators: both %s are element names. */
    return g_strdup_printf (_("<%s> is not allowed here, inside <%s>"), name,
                            (const char *) node->parent->name);

  return NULL;
}


static void
generic_error_cb (void       *user_data,
                  const char *format,
                  ...)
{
  /* libxml2 would print this on standard error, where it would break
   * the one-problem-a-line output of --validate; what matters also
   * reaches the structured handlers. */
}

static void
validity_error_cb (void        *user_data,
                   xmlErrorPtr  error)
{
  ReadState *state = user_data;
  g_autofree char *detail = NULL;
  g_autofree char *message = NULL;
  int line = error->line;
  int column = 0;

  if (error->level < XML_ERR_ERROR)
    return;

  if (error->node != NULL && ((xmlNode *) error->node)->type == XML_ELEMENT_NODE)
    {
      xmlNode *entry = error->node;

      cg_xml_locator_find (state->locator, error->node, &line, &column);

      /* Noted for keeping the file's other entries. */
      while (entry != NULL && entry->type == XML_ELEMENT_NODE && !cg_xml_is_element (entry, "entry"))
        entry = entry->parent;
      if (entry != NULL && entry->type == XML_ELEMENT_NODE && state->bad_entries != NULL)
        g_ptr_array_add (state->bad_entries, entry);
      else if (state->bad_entries != NULL)
        g_clear_pointer (&state->bad_entries, g_ptr_array_unref);
    }
  else
    g_clear_pointer (&state->bad_entries, g_ptr_array_unref);

  if (state->problem != NULL)
    return;

  message = plain_validity_message (error->node, error->code);
  if (message == NULL)
    {
      detail = clean_message (error->message);
      /* Translators: %s is the schema validator's own (English) description. */
      message = g_strdup_printf (_("does not follow the content schema: %s"), detail);
    }
  set_problem (state, line, column, CG_CONTENT_ERROR_INVALID, message);
}

static void
quiet_error_cb (void        *user_data,
                xmlErrorPtr  error)
{
  /* What the first validation found has been reported already. */
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
  int line = xmlSAX2GetLineNumber (ctxt);
  int column = xmlSAX2GetColumnNumber (ctxt);
  const char *data, *found;
  gsize size;

  /* The parser stands at the end of the declaration; point at its start,
   * where the person fixing the file has to look. */
  data = g_bytes_get_data (state->data, &size);
  found = data ? g_strstr_len (data, size, "<!DOCTYPE") : NULL;
  if (found != NULL)
    {
      const char *line_start = data;

      line = 1;
      for (const char *p = data; p < found; p++)
        if (*p == '\n')
          {
            line++;
            line_start = p + 1;
          }
      column = g_utf8_validate (line_start, found - line_start, NULL)
        ? (int) g_utf8_strlen (line_start, found - line_start) + 1
        : (int) (found - line_start) + 1;
    }

  set_problem (state, line, column,
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

static void
set_unreadable (ReadState  *state,
                int         saved_errno)
{
  g_autofree char *message = g_strdup_printf (_("cannot be read: %s"), g_strerror (saved_errno));

  set_problem (state, 0, 0, CG_CONTENT_ERROR_READ, message);
}

/* Reads in chunks rather than trusting the size: the file may grow while
 * it is read. */
static GBytes *
read_all (int        fd,
          gsize      size,
          gsize      max_size,
          ReadState *state)
{
  g_autoptr(GByteArray) array = g_byte_array_sized_new ((guint) size);

  for (;;)
    {
      guint8 chunk[16384];
      gssize n_read;

      n_read = read (fd, chunk, sizeof chunk);
      if (n_read < 0 && errno == EINTR)
        continue;
      if (n_read < 0)
        {
          set_unreadable (state, errno);
          return NULL;
        }
      if (n_read == 0)
        break;

      if (array->len + (gsize) n_read > max_size)
        {
          set_too_large (state, max_size);
          return NULL;
        }
      g_byte_array_append (array, chunk, (guint) n_read);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&array));
}

/* What is checked is what is read: the type and size of the file that was
 * opened, not of whatever the path named a moment before. Opening does not
 * wait for a writer if the path is a named pipe. Plain system calls: through
 * GIO, reading took a twentieth of the loader's processor time. */
static GBytes *
read_capped (const char  *path,
             gsize        max_size,
             ReadState   *state)
{
  GBytes *bytes = NULL;
  struct stat info;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      set_unreadable (state, errno);
      return NULL;
    }

  if (fstat (fd, &info) != 0)
    set_unreadable (state, errno);
  else if (!S_ISREG (info.st_mode))
    set_problem (state, 0, 0, CG_CONTENT_ERROR_READ, _("is not a regular file"));
  else if ((guint64) info.st_size > max_size)
    set_too_large (state, max_size);
  else
    bytes = read_all (fd, (gsize) info.st_size, max_size, state);

  g_close (fd, NULL);

  return bytes;
}

/* The parser decodes UTF-16 and declared legacy encodings itself; later
 * problems are located in the same text, so decode it the same way. */
static GBytes *
text_as_utf8 (GBytes *data,
              xmlDoc *doc)
{
  const guchar *raw;
  const char *encoding = NULL;
  gsize size;

  raw = g_bytes_get_data (data, &size);

  if (size >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF)))
    encoding = "UTF-16";
  else if (doc->encoding != NULL && g_ascii_strcasecmp ((const char *) doc->encoding, "UTF-8") != 0)
    encoding = (const char *) doc->encoding;

  if (encoding != NULL)
    {
      gsize n_written = 0;
      char *converted;

      converted = g_convert ((const char *) raw, size, "UTF-8", encoding, NULL, &n_written, NULL);
      if (converted != NULL)
        return g_bytes_new_take (converted, n_written);
    }

  /* A UTF-8 byte order mark is no column of the first line. */
  if (size >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF)
    return g_bytes_new_from_bytes (data, 3, size - 3);

  return g_bytes_ref (data);
}

static void
set_bad_id (ReadState  *state,
            xmlNode    *element,
            xmlAttr    *attribute,
            const char *value)
{
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  int line = 0, column = 0;

  /* On one line, and not the whole of an absurdly long value. */
  shown = clean_message (value);
  if (g_utf8_strlen (shown, -1) > CG_XML_ID_MAX_LENGTH + 1)
    {
      g_autofree char *start = g_utf8_substring (shown, 0, CG_XML_ID_MAX_LENGTH + 1);

      g_free (shown);
      shown = g_strconcat (start, "…", NULL);
    }

  cg_xml_locator_find (state->locator, element, &line, &column);
  /* Translators: the first %s is an attribute's name (id, topic, ref, item), then its value. */
  message = g_strdup_printf (_("the %s attribute “%s” is not a valid id: use lowercase letters, "
                               "digits and hyphens, starting with a letter or digit "
                               "(at most 80 characters)"),
                             (const char *) attribute->name, shown);
  set_problem (state, line, column, CG_CONTENT_ERROR_INVALID, message);
}

/* The part of the schema that the compiled one leaves out. An id is a
 * token, so white space around it does not count: the loader is given it
 * without, or `id=" care "` would be a valid id that no link could reach. */
static gboolean
check_ids (ReadState *state,
           xmlDoc    *doc)
{
  for (xmlNode *node = xmlDocGetRootElement (doc); node != NULL; node = cg_xml_next_element (node))
    for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
      {
        g_autoptr(xmlChar) value = NULL;
        g_autofree char *stripped = NULL;

        if (!cg_xml_schema_is_id_attribute (node, attribute))
          continue;

        value = xmlNodeGetContent ((xmlNode *) attribute);
        if (!cg_xml_is_valid_id (value ? (const char *) value : ""))
          {
            set_bad_id (state, node, attribute, value ? (const char *) value : "");
            return FALSE;
          }

        stripped = g_strstrip (g_strdup ((const char *) value));
        if (!g_str_equal (stripped, (const char *) value))
          xmlSetProp (node, attribute->name, (const xmlChar *) stripped);
      }

  return TRUE;
}

/* libxml2 2.9 names the file of each validity error by walking back from
 * the node over every sibling and ancestor before it, looking for an
 * XInclude, whenever the document has a URL: a file with many invalid
 * elements then costs time in the square of its length (minutes for a
 * few megabytes). Problems are named with the display name and located
 * with the locator, never with the error's file, so the document goes
 * without its URL while it is validated. */
static int
validate_document (xmlRelaxNGValidCtxt *vctxt,
                   xmlDoc              *doc)
{
  const xmlChar *url = doc->URL;
  int result;

  doc->URL = NULL;
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  doc->URL = url;

  return result;
}

static xmlDoc *
parse_and_validate (ReadState  *state,
                    xmlRelaxNG *schema,
                    GBytes     *data)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlRelaxNGValidCtxt) vctxt = NULL;
  g_autoptr(GBytes) text = NULL;
  const char *contents;
  xmlNode *root;
  gsize size;

  contents = g_bytes_get_data (data, &size);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");

  ctxt->_private = state;
  ctxt->sax->serror = parser_error_cb;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->warning = NULL;

  /* Encoding and input errors go to libxml2's handlers for the thread,
   * not the parser's: catch them for this parse only. */
  xmlSetStructuredErrorFunc (ctxt, parser_error_cb);
  xmlSetGenericErrorFunc (NULL, generic_error_cb);
  /* COMPACT keeps short text nodes inside the node, a malloc less for
   * each: nothing modifies the tree once parsed. */
  doc = xmlCtxtReadMemory (ctxt, contents, (int) size, state->display_name, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);

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

  text = text_as_utf8 (data, doc);
  state->locator = cg_xml_locator_new (text, doc);

  root = xmlDocGetRootElement (doc);
  if (root == NULL || root->ns != NULL ||
      !g_strv_contains (root_elements, (const char *) root->name))
    {
      g_autofree char *message = NULL;
      int line = 1, column = 1;

      if (root != NULL)
        cg_xml_locator_find (state->locator, root, &line, &column);

      message = g_strdup_printf (_("<%s> is not a content file’s root element: a content file "
                                   "starts with <article>, <faq>, <topics>, <clinic>, "
                                   "<synonyms> or <hide>"),
                                 root ? (const char *) root->name : "");
      set_problem (state, line, column, CG_CONTENT_ERROR_INVALID, message);
      return NULL;
    }

  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, validity_error_cb, state);
  state->bad_entries = g_ptr_array_new ();
  if (validate_document (vctxt, doc) != 0)
    {
      g_autoptr(GPtrArray) bad_entries = g_steal_pointer (&state->bad_entries);

      set_problem (state, 1, 1, CG_CONTENT_ERROR_INVALID, _("does not follow the content schema"));

      /* One bad entry need not take a whole FAQ file with it: when every
       * complaint was inside an entry, the others are checked again
       * without those entries, and kept when they pass. */
      if (bad_entries == NULL || bad_entries->len == 0 || !cg_xml_is_element (root, "faq"))
        return NULL;
      {
        g_autoptr(GHashTable) removed = g_hash_table_new (NULL, NULL);

        for (guint i = 0; i < bad_entries->len; i++)
          {
            xmlNode *entry = g_ptr_array_index (bad_entries, i);

            /* The same entry may be named twice. */
            if (!g_hash_table_add (removed, entry))
              continue;
            xmlUnlinkNode (entry);
            xmlFreeNode (entry);
          }
      }
      g_clear_pointer (&vctxt, xmlRelaxNGFreeValidCtxt);
      vctxt = xmlRelaxNGNewValidCtxt (schema);
      xmlRelaxNGSetValidStructuredErrors (vctxt, quiet_error_cb, NULL);
      if (validate_document (vctxt, doc) != 0 || !check_ids (state, doc))
        return NULL;
      return g_steal_pointer (&doc);
    }
  g_clear_pointer (&state->bad_entries, g_ptr_array_unref);

  if (!check_ids (state, doc))
    return NULL;

  return g_steal_pointer (&doc);
}

/**
 * cg_xml_reader_parse:
 * @schema: from cg_xml_schema_acquire(), not in use by another thread
 * @data: the bytes of a content file
 * @display_name: how problems name the file
 * @max_size: the largest file accepted, in bytes
 * @locator: (out) (optional): to locate later problems in the document
 * @problem: (out): what was wrong: always set when %NULL is returned; set
 *   with a document too when a FAQ file had bad entries, left out
 *
 * Parses a content file from memory, safely, and validates it against the
 * schema. Safe to call from several threads at once, each with its own
 * @schema.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @problem set
 */
xmlDoc *
cg_xml_reader_parse (xmlRelaxNG    *schema,
                     GBytes        *data,
                     const char    *display_name,
                     gsize          max_size,
                     CgXmlLocator **locator,
                     CgProblem    **problem)
{
  ReadState state = { display_name, data, NULL, NULL, NULL };
  xmlDoc *doc = NULL;

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (problem != NULL && *problem == NULL, NULL);

  cg_xml_init ();

  /* The parser takes an int. */
  if (g_bytes_get_size (data) > MIN (max_size, (gsize) G_MAXINT))
    set_too_large (&state, MIN (max_size, (gsize) G_MAXINT));
  else if (g_bytes_get_size (data) == 0)
    /* Saving was interrupted, or the file was created and never written. */
    set_problem (&state, 1, 1, CG_CONTENT_ERROR_MALFORMED, _("is empty"));
  else
    doc = parse_and_validate (&state, schema, data);

  /* A FAQ file may come back with its good entries and a problem. */
  *problem = state.problem;
  if (doc == NULL)
    {
      g_clear_pointer (&state.locator, cg_xml_locator_free);
      return NULL;
    }

  if (locator != NULL)
    *locator = g_steal_pointer (&state.locator);
  else
    g_clear_pointer (&state.locator, cg_xml_locator_free);

  return doc;
}

/**
 * cg_xml_reader_read_file:
 * @path: the file to read
 * @max_size: the largest file accepted, in bytes
 * @problem: (out): what was wrong, when %NULL is returned
 *
 * Reads a content file with a size cap, for cg_xml_reader_parse().
 *
 * Returns: (transfer full) (nullable): the file's contents, or %NULL with
 *   @problem set
 */
GBytes *
cg_xml_reader_read_file (const char  *path,
                         gsize        max_size,
                         CgProblem  **problem)
{
  ReadState state = { path, NULL, NULL, NULL, NULL };
  GBytes *data;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (problem != NULL && *problem == NULL, NULL);

  data = read_capped (path, max_size, &state);
  if (data == NULL)
    *problem = state.problem;

  return data;
}

/**
 * cg_xml_reader_read_head:
 * @path: a content file
 * @size: how many bytes to read, at most
 *
 * Reads the start of a regular file, for cg_xml_reader_sniff_root(),
 * without reporting anything: cg_xml_reader_read_file() does that when
 * the whole file is read.
 *
 * Returns: (transfer full) (nullable): up to @size bytes, or %NULL when
 *   the file cannot be read or is not a regular file
 */
GBytes *
cg_xml_reader_read_head (const char *path,
                         gsize       size)
{
  g_autofree char *head = NULL;
  struct stat info;
  gsize length = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    return NULL;

  if (fstat (fd, &info) == 0 && S_ISREG (info.st_mode))
    {
      head = g_malloc (size);
      while (length < size)
        {
          gssize n_read = read (fd, head + length, size - length);

          if (n_read < 0 && errno == EINTR)
            continue;
          if (n_read < 0)
            g_clear_pointer (&head, g_free);
          if (n_read <= 0)
            break;
          length += (gsize) n_read;
        }
    }
  g_close (fd, NULL);

  return head != NULL ? g_bytes_new_take (g_steal_pointer (&head), length) : NULL;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;

  return p;
}

/**
 * cg_xml_reader_sniff_root:
 * @data: the bytes of a content file
 *
 * Reads the name of the root element without parsing, when the file
 * plainly starts with it: UTF-8 or ASCII text where only an XML
 * declaration, comments, processing instructions and white space come
 * first. If such a file turns out to be well-formed, its root element has
 * that name.
 *
 * Returns: (nullable): one of the content files' root element names, or
 *   %NULL when the file does not plainly start with one
 */
const char *
cg_xml_reader_sniff_root (GBytes *data)
{
  const char *p, *end, *name;
  gsize size;

  g_return_val_if_fail (data != NULL, NULL);

  p = g_bytes_get_data (data, &size);
  if (p == NULL)
    return NULL;
  end = p + size;

  if (size >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  for (;;)
    {
      p = skip_space (p, end);

      if (cg_xml_has_prefix (p, end, "<?"))
        p = cg_xml_skip_past (p + 2, end, "?>");
      else if (cg_xml_has_prefix (p, end, "<!--"))
        p = cg_xml_skip_past (p + 4, end, "-->");
      else
        break;

      if (p == NULL)
        return NULL;
    }

  if (!cg_xml_has_prefix (p, end, "<"))
    return NULL;

  name = ++p;
  while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
    p++;

  /* Anything but white space, '>' or '/' would make the name longer. */
  if (p == end || !(*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '>' || *p == '/'))
    return NULL;

  for (guint i = 0; root_elements[i] != NULL; i++)
    if (strlen (root_elements[i]) == (gsize) (p - name) && memcmp (root_elements[i], name, p - name) == 0)
      return root_elements[i];

  return NULL;
}

/**
 * cg_xml_reader_scan_item_ids:
 * @data: the bytes of a content file, well-formed or not
 *
 * The ids of the articles and FAQ entries that @data means to define, read
 * from the text of their start tags: also from a file the parser or the
 * schema refused.
 *
 * Returns: (transfer full): the ids, possibly none
 */
char **
cg_xml_reader_scan_item_ids (GBytes *data)
{
  static GRegex *start_tag;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  const char *contents;
  gsize size;

  g_return_val_if_fail (data != NULL, NULL);

  /* Not G_REGEX_OPTIMIZE: PCRE's JIT reads the subject 16 bytes at a
   * time, past its end, which valgrind cannot tell from a real overread.
   * G_REGEX_RAW: in UTF-8 mode GLib 2.74 has PCRE check the whole text
   * again at each match, time in the square of the length for a FAQ file
   * of thousands of entries (10 s for 1.5 MB); the text was made valid
   * above, and every character the pattern names is ASCII. */
  if (g_once_init_enter (&start_tag))
    g_once_init_leave (&start_tag,
                       g_regex_new ("<(?:article|entry)\\s[^>]*?\\bid\\s*=\\s*([\"'])\\s*([^\"'<>]*?)\\s*\\1",
                                    G_REGEX_RAW, 0, NULL));

  contents = g_bytes_get_data (data, &size);
  text = g_utf8_make_valid (contents ? contents : "", (gssize) size);

  g_regex_match (start_tag, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *id = g_match_info_fetch (match, 2);

      if (id[0] != '\0')
        g_strv_builder_add (ids, id);
    }

  return g_strv_builder_end (ids);
}
