/* cg-page-text.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cg-bidi.h"
#include "cg-i18n.h"
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

/* Month names come from our own catalog, not from the system locale: a
 * kiosk installed with one locale (often only C) would otherwise print
 * "2 November 2026" inside a French or Arabic sentence. The context lets a
 * language give the form a month takes in a date (Polish: the genitive,
 * "listopada"). */
static const char *
month_name (int month)
{
  switch (month)
    {
    case 1: return C_("month in a date", "January");
    case 2: return C_("month in a date", "February");
    case 3: return C_("month in a date", "March");
    case 4: return C_("month in a date", "April");
    case 5: return C_("month in a date", "May");
    case 6: return C_("month in a date", "June");
    case 7: return C_("month in a date", "July");
    case 8: return C_("month in a date", "August");
    case 9: return C_("month in a date", "September");
    case 10: return C_("month in a date", "October");
    case 11: return C_("month in a date", "November");
    case 12: return C_("month in a date", "December");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * cg_page_text_format_date:
 *
 * Returns: (transfer full): @when as a date in a sentence: "2 November 2026",
 *   in the language of the catalog whatever the system locale
 */
char *
cg_page_text_format_date (GDateTime *when)
{
  g_autofree char *day = NULL;
  g_autofree char *year = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  /* Written with Western digits, which every catalog of ours uses. */
  day = g_strdup_printf ("%d", g_date_time_get_day_of_month (when));
  year = g_strdup_printf ("%d", g_date_time_get_year (when));

  /* Translators: a date in a sentence. %1$s is the day of the month
   * ("2"), %2$s the month's name as you translated it (context "month in
   * a date"), %3$s the year ("2026"). Reorder them or add words as your
   * language writes dates: "%2$s %1$s, %3$s" gives "November 2, 2026";
   * Spanish writes "%1$s de %2$s de %3$s". */
  return g_strdup_printf (_("%1$s %2$s %3$s"), day, month_name (g_date_time_get_month (when)), year);
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
  g_autofree char *isolated = NULL;
  int year, month, day;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  when = g_date_time_new_utc (year, month, day, 12, 0, 0);
  if (when == NULL)
    return NULL;

  date_text = cg_page_text_format_date (when);

  /* A reviewer's name in Latin letters inside an Arabic sentence would
   * drag the date and the full stop along with it. */
  if (reviewed_by != NULL && reviewed_by[0] != '\0' && cg_i18n_is_rtl (cg_i18n_get_language ()))
    reviewed_by = isolated = cg_bidi_isolate (reviewed_by, FALSE);

  if (reviewed_by == NULL || reviewed_by[0] == '\0')
    /* Translators: %s is a date. */
    return g_strdup_printf (_("Reviewed %s"), date_text);

  /* Translators: the first %s is a date, the second who reviewed the text. */
  return g_strdup_printf (_("Reviewed %s by %s"), date_text, reviewed_by);
}
