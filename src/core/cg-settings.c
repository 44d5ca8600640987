/* cg-settings.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-paths.h"
#include "cg-settings.h"

/* g_settings_new() aborts when the schema is not installed. Run from the
 * build tree, the schema compiled next to the program is used instead, so
 * that `./build/src/clinic-guide` works with no environment set up.
 */
GSettings *
cg_settings_new (void)
{
  GSettingsSchemaSource *default_source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GError) error = NULL;

  if (default_source != NULL)
    schema = g_settings_schema_source_lookup (default_source, APPLICATION_ID, TRUE);

  if (schema == NULL)
    {
      source = g_settings_schema_source_new_from_directory (cg_paths_get_schemas_dir (),
                                                            default_source, FALSE, &error);
      if (source == NULL)
        g_error ("The settings schema %s is not installed: %s", APPLICATION_ID, error->message);

      schema = g_settings_schema_source_lookup (source, APPLICATION_ID, FALSE);
      if (schema == NULL)
        g_error ("The settings schema %s is not installed", APPLICATION_ID);
    }

  return g_settings_new_full (schema, NULL, NULL);
}
