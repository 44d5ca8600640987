/* cg-plain-text.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-plain-text.h"

/* The words a receptionist copies into an e-mail: the item's title, then
 * its document as plain text, with the same note labels as the screen
 * (cg_note_kind_get_label()), so that what is pasted reads as what was on
 * screen. */

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
