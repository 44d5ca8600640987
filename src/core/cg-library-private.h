/* cg-library-private.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-library.h"

G_BEGIN_DECLS

/* The loader fills a library in, then seals it; it is read-only after. */
CgLibrary *cg_library_new                (const char *language);
void       cg_library_add_topic          (CgLibrary  *self,
                                          CgTopic    *topic);
void       cg_library_add_item           (CgLibrary  *self,
                                          CgItem     *item,
                                          guint       order);
gboolean   cg_library_remove             (CgLibrary  *self,
                                          const char *id);
void       cg_library_set_clinic         (CgLibrary  *self,
                                          CgClinic   *clinic);
void       cg_library_add_synonym_group  (CgLibrary  *self,
                                          char      **terms);
void       cg_library_add_problem        (CgLibrary  *self,
                                          CgProblem  *problem);
void       cg_library_seal               (CgLibrary  *self);

/* For a reload of a few files: a sealed library like @base, sharing its
 * topics and every item it keeps. */
guint      cg_library_get_item_order     (CgLibrary  *self,
                                          CgItem     *item);
guint      cg_library_get_item_arrival   (CgLibrary  *self,
                                          CgItem     *item);
CgLibrary *cg_library_derive             (CgLibrary  *base,
                                          GPtrArray  *old_items,
                                          GPtrArray  *new_items,
                                          GHashTable *drop_files,
                                          GPtrArray  *add_problems);
CgLibrary *cg_library_derive_changes     (CgLibrary  *base,
                                          GPtrArray  *old_items,
                                          CgLibrary  *scratch,
                                          GPtrArray  *new_items,
                                          GHashTable *file_ranks,
                                          GHashTable *shared_ids,
                                          GHashTable *drop_files,
                                          GPtrArray  *add_problems);

G_END_DECLS
