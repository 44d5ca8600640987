/* cg-clinic.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-clinic-private.h"

/* The clinic's own details: what <clinic field="…"/> in the content is
 * replaced with, and what the clinic panel shows. */
struct _CgClinic
{
  GObject     parent_instance;

  char       *name;
  char       *phone;
  char       *email;
  char       *website;
  char       *booking;
  GPtrArray  *address;    /* NULL-terminated array of char* */
  GPtrArray  *hours;
  GPtrArray  *price_ids;
  GHashTable *prices;     /* id → char *[2] { label, amount } */
};

G_DEFINE_FINAL_TYPE (CgClinic, cg_clinic, G_TYPE_OBJECT)

static void
price_free (gpointer data)
{
  g_strfreev (data);
}

static GPtrArray *
new_strv_array (void)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (array, NULL);

  return array;
}

static void
strv_array_add (GPtrArray  *array,
                const char *value)
{
  g_ptr_array_insert (array, array->len - 1, g_strdup (value));
}

static void
cg_clinic_finalize (GObject *object)
{
  CgClinic *self = CG_CLINIC (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->website, g_free);
  g_clear_pointer (&self->booking, g_free);
  g_clear_pointer (&self->address, g_ptr_array_unref);
  g_clear_pointer (&self->hours, g_ptr_array_unref);
  g_clear_pointer (&self->price_ids, g_ptr_array_unref);
  g_clear_pointer (&self->prices, g_hash_table_unref);

  G_OBJECT_CLASS (cg_clinic_parent_class)->finalize (object);
}

static void
cg_clinic_class_init (CgClinicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_clinic_finalize;
}

static void
cg_clinic_init (CgClinic *self)
{
  self->address = new_strv_array ();
  self->hours = new_strv_array ();
  self->price_ids = new_strv_array ();
  self->prices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, price_free);
}

CgClinic *
cg_clinic_new (void)
{
  return g_object_new (CG_TYPE_CLINIC, NULL);
}

static char **
value_slot (CgClinic   *self,
            const char *field)
{
  if (g_str_equal (field, "name"))
    return &self->name;
  if (g_str_equal (field, "phone"))
    return &self->phone;
  if (g_str_equal (field, "email"))
    return &self->email;
  if (g_str_equal (field, "website"))
    return &self->website;
  if (g_str_equal (field, "booking"))
    return &self->booking;
  return NULL;
}

void
cg_clinic_set_value (CgClinic   *self,
                     const char *field,
                     const char *value)
{
  char **slot;

  g_return_if_fail (CG_IS_CLINIC (self));
  g_return_if_fail (field != NULL);

  slot = value_slot (self, field);
  g_return_if_fail (slot != NULL);

  g_free (*slot);
  *slot = g_strdup (value);
}

void
cg_clinic_add_line (CgClinic   *self,
                    const char *field,
                    const char *line)
{
  g_return_if_fail (CG_IS_CLINIC (self));
  g_return_if_fail (line != NULL);

  if (g_strcmp0 (field, "address") == 0)
    strv_array_add (self->address, line);
  else if (g_strcmp0 (field, "hours") == 0)
    strv_array_add (self->hours, line);
  else
    g_return_if_reached ();
}

void
cg_clinic_add_price (CgClinic   *self,
                     const char *id,
                     const char *label,
                     const char *amount)
{
  char **price;

  g_return_if_fail (CG_IS_CLINIC (self));
  g_return_if_fail (id != NULL && label != NULL && amount != NULL);

  if (!g_hash_table_contains (self->prices, id))
    strv_array_add (self->price_ids, id);

  price = g_new0 (char *, 3);
  price[0] = g_strdup (label);
  price[1] = g_strdup (amount);
  g_hash_table_replace (self->prices, g_strdup (id), price);
}

const char *
cg_clinic_get_name (CgClinic *self)
{
  g_return_val_if_fail (CG_IS_CLINIC (self), NULL);
  return self->name;
}

const char *
cg_clinic_get_phone (CgClinic *self)
{
  g_return_val_if_fail (CG_IS_CLINIC (self), NULL);
  return self->phone;
}

const char *
cg_clinic_get_email (CgClinic *self)
{
  g_return_val_if_fail (CG_IS_CLINIC (self), NULL);
  return self->email;
}

const char *
cg_clinic_get_website (CgClinic *self)
{
  g_return_val_if_fail (CG_IS_CLINIC (self), NULL);
  return self->website;
}

const char *
cg_clinic_get_booking (CgClinic *self)
{
  g_return_val_if_fail (CG_IS_CLINIC (self), NULL);
  return self->booking;
}

const char * const *
cg_clinic_get_address_lines (CgClinic *self)
{
  g_return_val_if_fail (CG_IS_CLINIC (self), NULL);
  return (const char * const *) self->address->pdata;
}

const char * const *
cg_clinic_get_hours_lines (CgClinic *self)
{
  g_return_val_if_fail (CG_IS_CLINIC (self), NULL);
  return (const char * const *) self->hours->pdata;
}

const char * const *
cg_clinic_get_price_ids (CgClinic *self)
{
  g_return_val_if_fail (CG_IS_CLINIC (self), NULL);
  return (const char * const *) self->price_ids->pdata;
}

gboolean
cg_clinic_get_price (CgClinic    *self,
                     const char  *id,
                     const char **label,
                     const char **amount)
{
  char **price;

  g_return_val_if_fail (CG_IS_CLINIC (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  price = g_hash_table_lookup (self->prices, id);
  if (label != NULL)
    *label = price ? price[0] : NULL;
  if (amount != NULL)
    *amount = price ? price[1] : NULL;

  return price != NULL;
}

/**
 * cg_clinic_get_field:
 * @field: a field name of the content format: name, phone, email, website,
 *   address, hours, booking or price
 * @item: for price, the id of the price
 *
 * Returns: (transfer full) (nullable): the text that replaces
 *   `<clinic field="…"/>`, or %NULL when the clinic file lacks it
 */
char *
cg_clinic_get_field (CgClinic   *self,
                     const char *field,
                     const char *item)
{
  char **slot;

  g_return_val_if_fail (CG_IS_CLINIC (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if ((slot = value_slot (self, field)) != NULL)
    return g_strdup (*slot);

  if (g_str_equal (field, "address") && self->address->len > 1)
    return g_strjoinv (", ", (char **) self->address->pdata);

  if (g_str_equal (field, "hours") && self->hours->len > 1)
    return g_strjoinv ("; ", (char **) self->hours->pdata);

  if (g_str_equal (field, "price") && item != NULL)
    {
      const char *amount = NULL;

      if (cg_clinic_get_price (self, item, NULL, &amount))
        return g_strdup (amount);
    }

  return NULL;
}
