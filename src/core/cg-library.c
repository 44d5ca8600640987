/* cg-library.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-library-private.h"

/* All the content of one language: topics in sidebar order, articles and
 * FAQ entries by id and by topic, the clinic, the synonyms, and what went
 * wrong while loading. */
struct _CgLibrary
{
  GObject     parent_instance;

  char       *language;
  GListStore *topics;         /* sealed: in sidebar order */
  GPtrArray  *topic_order;    /* until sealed: CgTopic, or NULL where one was removed */
  GHashTable *topic_slots;    /* until sealed: id → its index in topic_order */
  GHashTable *topics_by_id;   /* id → CgTopic */
  GHashTable *items_by_id;    /* id → CgItem */
  GHashTable *orders;         /* CgItem → order */
  GHashTable *arrivals;       /* CgItem → when it was added, from 1 */
  guint       n_arrivals;
  GListStore *items;          /* sealed: articles by topic and order, then FAQ entries */
  CgClinic   *clinic;
  GPtrArray  *synonyms;       /* of GStrv */
  GPtrArray  *problems;       /* of CgProblem */
  guint       sealed : 1;
};

G_DEFINE_FINAL_TYPE (CgLibrary, cg_library, G_TYPE_OBJECT)

static void
cg_library_finalize (GObject *object)
{
  CgLibrary *self = CG_LIBRARY (object);

  g_clear_pointer (&self->language, g_free);
  g_clear_object (&self->topics);
  g_clear_pointer (&self->topic_order, g_ptr_array_unref);
  g_clear_pointer (&self->topic_slots, g_hash_table_unref);
  g_clear_pointer (&self->topics_by_id, g_hash_table_unref);
  g_clear_pointer (&self->orders, g_hash_table_unref);
  g_clear_pointer (&self->arrivals, g_hash_table_unref);
  g_clear_pointer (&self->items_by_id, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->clinic);
  g_clear_pointer (&self->synonyms, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_library_parent_class)->finalize (object);
}

static void
cg_library_class_init (CgLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_library_finalize;
}

static void
topic_slot_clear (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
cg_library_init (CgLibrary *self)
{
  self->topics = g_list_store_new (CG_TYPE_TOPIC);
  self->topic_order = g_ptr_array_new_with_free_func (topic_slot_clear);
  self->topic_slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->topics_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->items_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->orders = g_hash_table_new (NULL, NULL);
  self->arrivals = g_hash_table_new (NULL, NULL);
  self->items = g_list_store_new (CG_TYPE_ITEM);
  self->synonyms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_problem_free);
}

CgLibrary *
cg_library_new (const char *language)
{
  CgLibrary *self = g_object_new (CG_TYPE_LIBRARY, NULL);

  self->language = g_strdup (language ? language : "en");

  return self;
}

/* A later topic with the same id replaces the earlier one in place: a
 * clinic renames a bundled topic without moving it. Slots rather than a
 * search of the list: replacing or hiding thousands of topics must not
 * take minutes. */
void
cg_library_add_topic (CgLibrary *self,
                      CgTopic   *topic)
{
  const char *id = cg_topic_get_id (topic);
  gpointer slot;

  g_return_if_fail (CG_IS_LIBRARY (self));
  g_return_if_fail (!self->sealed);

  if (g_hash_table_lookup_extended (self->topic_slots, id, NULL, &slot))
    g_set_object ((CgTopic **) &self->topic_order->pdata[GPOINTER_TO_UINT (slot)], topic);
  else
    {
      g_hash_table_insert (self->topic_slots, g_strdup (id), GUINT_TO_POINTER (self->topic_order->len));
      g_ptr_array_add (self->topic_order, g_object_ref (topic));
    }

  g_hash_table_replace (self->topics_by_id, g_strdup (id), g_object_ref (topic));
}

void
cg_library_add_item (CgLibrary *self,
                     CgItem    *item,
                     guint      order)
{
  CgItem *old;
  guint arrival;

  g_return_if_fail (CG_IS_LIBRARY (self));
  g_return_if_fail (CG_IS_ITEM (item));
  g_return_if_fail (!self->sealed);

  /* A replacement takes the place of what it replaces. */
  old = g_hash_table_lookup (self->items_by_id, cg_item_get_id (item));
  arrival = old != NULL
    ? GPOINTER_TO_UINT (g_hash_table_lookup (self->arrivals, old))
    : ++self->n_arrivals;

  cg_library_remove (self, cg_item_get_id (item));
  g_hash_table_insert (self->orders, item, GUINT_TO_POINTER (order));
  g_hash_table_insert (self->arrivals, item, GUINT_TO_POINTER (arrival));
  g_hash_table_replace (self->items_by_id, g_strdup (cg_item_get_id (item)), g_object_ref (item));
}

gboolean
cg_library_remove (CgLibrary  *self,
                   const char *id)
{
  CgItem *item;
  CgTopic *topic;

  g_return_val_if_fail (CG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (!self->sealed, FALSE);

  if ((item = g_hash_table_lookup (self->items_by_id, id)) != NULL)
    {
      g_hash_table_remove (self->orders, item);
      g_hash_table_remove (self->arrivals, item);
      g_hash_table_remove (self->items_by_id, id);
      return TRUE;
    }

  if ((topic = g_hash_table_lookup (self->topics_by_id, id)) != NULL)
    {
      gpointer slot;

      if (g_hash_table_lookup_extended (self->topic_slots, id, NULL, &slot))
        {
          g_clear_object ((CgTopic **) &self->topic_order->pdata[GPOINTER_TO_UINT (slot)]);
          g_hash_table_remove (self->topic_slots, id);
        }
      g_hash_table_remove (self->topics_by_id, id);
      return TRUE;
    }

  return FALSE;
}

void
cg_library_set_clinic (CgLibrary *self,
                       CgClinic  *clinic)
{
  g_return_if_fail (CG_IS_LIBRARY (self));
  g_return_if_fail (!self->sealed);

  g_set_object (&self->clinic, clinic);
}

void
cg_library_add_synonym_group (CgLibrary  *self,
                              char      **terms)
{
  g_return_if_fail (CG_IS_LIBRARY (self));
  g_return_if_fail (!self->sealed);

  g_ptr_array_add (self->synonyms, terms);
}

void
cg_library_add_problem (CgLibrary *self,
                        CgProblem *problem)
{
  g_return_if_fail (CG_IS_LIBRARY (self));
  g_return_if_fail (!self->sealed);

  g_ptr_array_add (self->problems, problem);
}

typedef struct
{
  CgLibrary  *self;
  GHashTable *positions;   /* topic id → its position in the sidebar, plus one */
} SortData;

/* Looked up once per comparison: a linear search of the topics here made
 * sealing a library of many topics take minutes. */
static int
topic_position (SortData   *data,
                const char *topic_id)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (data->positions, topic_id ? topic_id : ""));

  return position > 0 ? (int) position - 1 : G_MAXINT;
}

/* Everything the sort looks at but the order items arrived in. */
static int
compare_places (SortData *data,
                CgItem   *item_a,
                CgItem   *item_b)
{
  CgLibrary *self = data->self;
  gboolean faq_a = CG_IS_FAQ_ENTRY (item_a);
  gboolean faq_b = CG_IS_FAQ_ENTRY (item_b);
  int topic_a, topic_b;
  guint order_a, order_b;

  if (faq_a != faq_b)
    return faq_a ? 1 : -1;

  topic_a = topic_position (data, cg_item_get_topic_id (item_a));
  topic_b = topic_position (data, cg_item_get_topic_id (item_b));
  if (topic_a != topic_b)
    return topic_a < topic_b ? -1 : 1;

  order_a = GPOINTER_TO_UINT (g_hash_table_lookup (self->orders, item_a));
  order_b = GPOINTER_TO_UINT (g_hash_table_lookup (self->orders, item_b));
  if (order_a != order_b)
    return order_a < order_b ? -1 : 1;

  /* Articles otherwise by title. FAQ entries keep the order of their
   * file, which the order they were added in gives: the items come out of
   * a hash table, so sorting must not rely on where they start. */
  if (!faq_a)
    return g_utf8_collate (cg_item_get_title (item_a), cg_item_get_title (item_b));

  return 0;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortData *data = user_data;
  CgLibrary *self = data->self;
  CgItem *item_a = *(CgItem **) a;
  CgItem *item_b = *(CgItem **) b;
  guint arrival_a, arrival_b;
  int cmp = compare_places (data, item_a, item_b);

  if (cmp != 0)
    return cmp;

  arrival_a = GPOINTER_TO_UINT (g_hash_table_lookup (self->arrivals, item_a));
  arrival_b = GPOINTER_TO_UINT (g_hash_table_lookup (self->arrivals, item_b));

  return arrival_a < arrival_b ? -1 : arrival_a > arrival_b;
}

/* Topic id → its position in the sidebar, plus one. */
static GHashTable *
topic_positions (CgLibrary *self)
{
  GHashTable *positions = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_topics = g_list_model_get_n_items (G_LIST_MODEL (self->topics));

  for (guint i = 0; i < n_topics; i++)
    {
      g_autoptr(CgTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);

      /* The library keeps the topic, so the id outlives the table. */
      g_hash_table_insert (positions, (gpointer) cg_topic_get_id (topic), GUINT_TO_POINTER (i + 1));
    }

  return positions;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  return cg_problem_compare (*(CgProblem **) a, *(CgProblem **) b);
}

void
cg_library_seal (CgLibrary *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) positions = NULL;
  SortData data;
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (CG_IS_LIBRARY (self));
  g_return_if_fail (!self->sealed);

  for (guint i = 0; i < self->topic_order->len; i++)
    if (g_ptr_array_index (self->topic_order, i) != NULL)
      g_list_store_append (self->topics, g_ptr_array_index (self->topic_order, i));
  g_clear_pointer (&self->topic_order, g_ptr_array_unref);
  g_clear_pointer (&self->topic_slots, g_hash_table_unref);

  positions = topic_positions (self);
  data.self = self;
  data.positions = positions;

  items = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->items_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (items, value);

  g_ptr_array_sort_with_data (items, compare_items, &data);
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);

  g_ptr_array_sort (self->problems, compare_problems);

  self->sealed = TRUE;
}

/**
 * cg_library_get_item_order:
 *
 * Returns: the order an item was given in its file, for the sort
 */
guint
cg_library_get_item_order (CgLibrary *self,
                           CgItem    *item)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->orders, item));
}

guint
cg_library_get_item_arrival (CgLibrary *self,
                             CgItem    *item)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->arrivals, item));
}

/**
 * cg_library_derive:
 * @base: a sealed library
 * @old_items: (element-type CgItem) (nullable): items of @base to replace
 * @new_items: (element-type CgItem) (nullable): what replaces each, with
 *   the same id and the same place in the sort: the caller checked
 * @drop_files: (nullable): a set of file paths whose problems go
 * @add_problems: (element-type CgProblem) (nullable): problems to add,
 *   copied
 *
 * A reload of one file must not rebuild ten thousand items: the new
 * library shares the topics and every other item with @base, which
 * stays as it was for whoever still shows it. Items are never changed
 * once sealed, so sharing them between threads is safe.
 *
 * Returns: (transfer full): a sealed library
 */
CgLibrary *
cg_library_derive (CgLibrary  *base,
                   GPtrArray  *old_items,
                   GPtrArray  *new_items,
                   GHashTable *drop_files,
                   GPtrArray  *add_problems)
{
  CgLibrary *self;
  g_autoptr(GHashTable) replacements = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) items = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  g_return_val_if_fail (CG_IS_LIBRARY (base), NULL);
  g_return_val_if_fail (base->sealed, NULL);
  g_return_val_if_fail ((old_items ? old_items->len : 0) == (new_items ? new_items->len : 0), NULL);

  self = cg_library_new (base->language);
  g_clear_pointer (&self->topic_order, g_ptr_array_unref);
  g_clear_pointer (&self->topic_slots, g_hash_table_unref);

  n = g_list_model_get_n_items (G_LIST_MODEL (base->topics));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CgTopic) topic = g_list_model_get_item (G_LIST_MODEL (base->topics), i);

      g_list_store_append (self->topics, topic);
    }
  g_hash_table_iter_init (&iter, base->topics_by_id);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->topics_by_id, g_strdup (key), g_object_ref (value));

  for (guint i = 0; old_items != NULL && i < old_items->len; i++)
    g_hash_table_insert (replacements, g_ptr_array_index (old_items, i), g_ptr_array_index (new_items, i));

  g_hash_table_iter_init (&iter, base->items_by_id);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CgItem *item = g_hash_table_lookup (replacements, value);

      if (item == NULL)
        item = value;
      g_hash_table_insert (self->items_by_id, g_strdup (key), g_object_ref (item));
      g_hash_table_insert (self->orders, item, g_hash_table_lookup (base->orders, value));
      g_hash_table_insert (self->arrivals, item, g_hash_table_lookup (base->arrivals, value));
    }
  self->n_arrivals = base->n_arrivals;

  n = g_list_model_get_n_items (G_LIST_MODEL (base->items));
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      CgItem *item = g_list_model_get_item (G_LIST_MODEL (base->items), i);
      CgItem *replacement = g_hash_table_lookup (replacements, item);

      if (replacement != NULL)
        {
          g_object_unref (item);
          item = g_object_ref (replacement);
        }
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);

  g_set_object (&self->clinic, base->clinic);
  for (guint i = 0; i < base->synonyms->len; i++)
    g_ptr_array_add (self->synonyms, g_strdupv (g_ptr_array_index (base->synonyms, i)));

  for (guint i = 0; i < base->problems->len; i++)
    {
      CgProblem *problem = g_ptr_array_index (base->problems, i);

      if (drop_files == NULL || problem->file == NULL || !g_hash_table_contains (drop_files, problem->file))
        g_ptr_array_add (self->problems, cg_problem_copy (problem));
    }
  for (guint i = 0; add_problems != NULL && i < add_problems->len; i++)
    g_ptr_array_add (self->problems, cg_problem_copy (g_ptr_array_index (add_problems, i)));
  g_ptr_array_sort (self->problems, compare_problems);

  self->sealed = TRUE;

  return self;
}

typedef struct
{
  SortData    sort;
  GHashTable *file_ranks;
  GHashTable *shared_ids;
  gboolean    undecided;
} PlaceData;

static guint
file_rank (PlaceData *data,
           CgItem    *item)
{
  const char *file = cg_item_get_file (item);

  return file != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (data->file_ranks, file)) : 0;
}

/* Where a new item goes against another: where the sort puts it, and
 * when the sort would look at the order items arrived in, after the
 * items of the files listed before its own, as a full load reads them. */
static int
compare_new_item (PlaceData *data,
                  CgItem    *item,
                  CgItem    *other)
{
  int cmp = compare_places (&data->sort, item, other);
  guint rank, other_rank;

  if (cmp != 0)
    return cmp;

  /* An item that replaced another arrived when the one it replaced did. */
  rank = file_rank (data, item);
  other_rank = file_rank (data, other);
  if (rank == 0 || other_rank == 0 || g_hash_table_contains (data->shared_ids, cg_item_get_id (other)))
    {
      data->undecided = TRUE;
      return 1;
    }

  /* The same file: the later element arrives later. */
  return rank < other_rank ? -1 : 1;
}

/**
 * cg_library_derive_changes:
 * @base: a sealed library
 * @old_items: (element-type CgItem): items of @base that go
 * @scratch: the sealed library @new_items were read into
 * @new_items: (element-type CgItem): items that come, in the order of
 *   their files and their elements; their ids are not in @base but
 *   among @old_items: the caller checked
 * @file_ranks: file path → its place in the load order, plus one, for
 *   every file that defines an item
 * @shared_ids: the ids more than one element claimed in the last full load
 * @drop_files: (nullable): a set of file paths whose problems go
 * @add_problems: (element-type CgProblem) (nullable): problems to add
 *
 * A file added, removed or renamed must not rebuild ten thousand items
 * either: as cg_library_derive(), with items taken out and new ones put
 * in their places in the sort, as a full load would place them.
 *
 * Returns: (transfer full) (nullable): a sealed library, or %NULL when
 *   the place of a new item cannot be told without a full load
 */
CgLibrary *
cg_library_derive_changes (CgLibrary  *base,
                           GPtrArray  *old_items,
                           CgLibrary  *scratch,
                           GPtrArray  *new_items,
                           GHashTable *file_ranks,
                           GHashTable *shared_ids,
                           GHashTable *drop_files,
                           GPtrArray  *add_problems)
{
  g_autoptr(CgLibrary) self = NULL;
  g_autoptr(GHashTable) gone = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GPtrArray) items = NULL;
  PlaceData data;
  guint n;

  g_return_val_if_fail (CG_IS_LIBRARY (base), NULL);
  g_return_val_if_fail (CG_IS_LIBRARY (scratch), NULL);

  self = cg_library_derive (base, NULL, NULL, drop_files, add_problems);

  for (guint i = 0; i < old_items->len; i++)
    {
      CgItem *item = g_ptr_array_index (old_items, i);

      g_hash_table_add (gone, item);
      g_hash_table_remove (self->orders, item);
      g_hash_table_remove (self->arrivals, item);
      if (g_hash_table_lookup (self->items_by_id, cg_item_get_id (item)) == item)
        g_hash_table_remove (self->items_by_id, cg_item_get_id (item));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  items = g_ptr_array_new_full (n + new_items->len, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      CgItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_hash_table_contains (gone, item))
        g_object_unref (item);
      else
        g_ptr_array_add (items, item);
    }

  positions = topic_positions (self);
  data.sort.self = self;
  data.sort.positions = positions;
  data.file_ranks = file_ranks;
  data.shared_ids = shared_ids;
  data.undecided = FALSE;

  for (guint i = 0; i < new_items->len; i++)
    {
      CgItem *item = g_ptr_array_index (new_items, i);
      guint low = 0, high = items->len;

      g_hash_table_insert (self->orders, item,
                           GUINT_TO_POINTER (cg_library_get_item_order (scratch, item)));
      g_hash_table_insert (self->arrivals, item, GUINT_TO_POINTER (++self->n_arrivals));
      g_hash_table_replace (self->items_by_id, g_strdup (cg_item_get_id (item)), g_object_ref (item));

      /* After every item it does not go before. */
      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (compare_new_item (&data, item, g_ptr_array_index (items, middle)) < 0)
            high = middle;
          else
            low = middle + 1;
        }
      if (data.undecided)
        return NULL;
      g_ptr_array_insert (items, (gint) low, g_object_ref (item));
    }

  g_list_store_splice (self->items, 0, n, items->pdata, items->len);

  return g_steal_pointer (&self);
}

const char *
cg_library_get_language (CgLibrary *self)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  return self->language;
}

/**
 * cg_library_get_topics:
 *
 * Returns: (transfer none): the topics, in sidebar order
 */
GListModel *
cg_library_get_topics (CgLibrary *self)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->topics);
}

CgTopic *
cg_library_lookup_topic (CgLibrary  *self,
                         const char *id)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->topics_by_id, id);
}

CgItem *
cg_library_lookup_item (CgLibrary  *self,
                        const char *id)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->items_by_id, id);
}

/**
 * cg_library_get_items:
 *
 * Returns: (transfer none): every article (by topic, then order), then
 *   every FAQ entry
 */
GListModel *
cg_library_get_items (CgLibrary *self)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->items);
}

typedef gboolean (*ItemFilter) (CgItem     *item,
                                const char *topic_id);

static GListModel *
filter_items (CgLibrary  *self,
              ItemFilter  filter,
              const char *topic_id)
{
  GListStore *store = g_list_store_new (CG_TYPE_ITEM);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      CgItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (filter (item, topic_id))
        g_ptr_array_add (kept, item);
      else
        g_object_unref (item);
    }

  /* In one go: a topic can hold thousands, each append a signal. */
  g_list_store_splice (store, 0, 0, kept->pdata, kept->len);

  return G_LIST_MODEL (store);
}

static gboolean
is_article_of (CgItem     *item,
               const char *topic_id)
{
  return CG_IS_ARTICLE (item) && g_strcmp0 (cg_item_get_topic_id (item), topic_id) == 0;
}

static gboolean
is_faq_entry_of (CgItem     *item,
                 const char *topic_id)
{
  return CG_IS_FAQ_ENTRY (item) && g_strcmp0 (cg_item_get_topic_id (item), topic_id) == 0;
}

static gboolean
is_popular (CgItem     *item,
            const char *topic_id)
{
  return CG_IS_FAQ_ENTRY (item) && cg_faq_entry_get_popular (CG_FAQ_ENTRY (item));
}

/**
 * cg_library_list_articles:
 *
 * Returns: (transfer full): the articles of a topic, in reading order
 */
GListModel *
cg_library_list_articles (CgLibrary  *self,
                          const char *topic_id)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  return filter_items (self, is_article_of, topic_id);
}

/**
 * cg_library_list_faq_entries:
 *
 * Returns: (transfer full): the FAQ entries of a topic
 */
GListModel *
cg_library_list_faq_entries (CgLibrary  *self,
                             const char *topic_id)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  return filter_items (self, is_faq_entry_of, topic_id);
}

/**
 * cg_library_list_popular:
 *
 * Returns: (transfer full): the most-asked questions, for the home page
 */
GListModel *
cg_library_list_popular (CgLibrary *self)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  return filter_items (self, is_popular, NULL);
}

/**
 * cg_library_list_related:
 *
 * Returns: (transfer full): the related items that exist, in the order
 *   the content gives them
 */
GListModel *
cg_library_list_related (CgLibrary *self,
                         CgItem    *item)
{
  GListStore *store;
  const char * const *related;

  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (CG_IS_ITEM (item), NULL);

  store = g_list_store_new (CG_TYPE_ITEM);
  related = cg_item_get_related (item);

  for (guint i = 0; related != NULL && related[i] != NULL; i++)
    {
      CgItem *other = cg_library_lookup_item (self, related[i]);

      if (other != NULL && other != item)
        g_list_store_append (store, other);
    }

  return G_LIST_MODEL (store);
}

CgClinic *
cg_library_get_clinic (CgLibrary *self)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  return self->clinic;
}

/**
 * cg_library_get_synonyms:
 *
 * Returns: (transfer none) (element-type GStrv): groups of words that
 *   mean the same to a patient
 */
GPtrArray *
cg_library_get_synonyms (CgLibrary *self)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  return self->synonyms;
}

/**
 * cg_library_get_problems:
 *
 * Returns: (transfer none) (element-type CgProblem): what was wrong in
 *   the content, sorted by file and line
 */
GPtrArray *
cg_library_get_problems (CgLibrary *self)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  return self->problems;
}
