/* cg-plain-text.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-plain-text.h"

/* The words a receptionist copies into an e-mail, and the note labels that
 * both the copied text and the screen put before a note without a title:
 * one copy, so that what is pasted reads as what was on screen. */

/**
 * cg_plain_text_note_label:
 *
 * A note of no particular kind is drawn as an information note (same icon,
 * same tint), so it carries the same label rather than none.
 *
 * Returns: the label of a note of @kind, translated
 */
const char *
cg_plain_text_note_label (CgNoteKind kind)
{
  switch (kind)
    {
    case CG_NOTE_WARNING:
      return _("Warning");
    case CG_NOTE_CALL:
      return _("When to call the clinic");
    case CG_NOTE_INFO:
    case CG_NOTE_NONE:
    default:
      return _("Good to know");
    }
}

/**
 * cg_plain_text_from_item:
 *
 * Returns: (transfer full): the item as copied text: its title, then the
 *   document as cg_document_to_plain_text() writes it
 */
char *
cg_plain_text_from_item (CgItem *item)
{
  CgDocument *document;
  g_autofree char *body = NULL;

  g_return_val_if_fail (CG_IS_ITEM (item), NULL);

  document = cg_item_get_document (item);
  if (document != NULL)
    body = cg_document_to_plain_text (document);

  return g_strdup_printf ("%s\n\n%s", cg_item_get_title (item), body != NULL ? body : "");
}
