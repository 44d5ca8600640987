/* cg-page-text.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cg-page-text.h"

/* The application's own sentences around an article on a page and on a
 * printout: the caution above it, the review line below it, the dates in
 * them. They are the app's words, not the clinic's content, and the screen
 * and the paper must say the same. */

const char *
cg_page_text_get_disclaimer (void)
{
  return _("General information, not medical advice: ask your clinician about your own situation.");
}

/**
 * cg_page_text_format_date:
 *
 * Returns: (transfer full): @when as a date in a sentence: "2 November 2026"
 */
char *
cg_page_text_format_date (GDateTime *when)
{
  g_return_val_if_fail (when != NULL, NULL);

  /* Translators: a date in a sentence, for g_date_time_format(): "2 November 2026".
   * xgettext:no-c-format */
  return g_date_time_format (when, _("%-d %B %Y"));
}

/**
 * cg_page_text_format_review:
 * @date: (nullable): the review record's date, "YYYY-MM-DD"
 * @reviewed_by: (nullable): who reviewed the text
 *
 * Returns: (transfer full) (nullable): "Reviewed 2 November 2026 by …",
 *   or %NULL when there is no review date a reader could trust
 */
char *
cg_page_text_format_review (const char *date,
                            const char *reviewed_by)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date_text = NULL;
  int year, month, day;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  when = g_date_time_new_utc (year, month, day, 12, 0, 0);
  if (when == NULL)
    return NULL;

  date_text = cg_page_text_format_date (when);

  if (reviewed_by == NULL || reviewed_by[0] == '\0')
    /* Translators: %s is a date. */
    return g_strdup_printf (_("Reviewed %s"), date_text);

  /* Translators: the first %s is a date, the second who reviewed the text. */
  return g_strdup_printf (_("Reviewed %s by %s"), date_text, reviewed_by);
}
