/* cg-faq-row.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-faq-row.h"

/* A question that expands to its answer, in the same rich text as an
 * article, with the related articles after it. The answer is rendered the
 * first time the row opens: a topic page shows many questions. */
struct _CgFaqRow
{
  AdwExpanderRow  parent_instance;

  CgLibrary      *library;
  CgFaqEntry     *entry;
  gboolean        rendered;

  /* Template widgets */
  CgDocumentView *answer_view;
  GtkButton      *copy_button;
  GtkButton      *open_button;
};

G_DEFINE_FINAL_TYPE (CgFaqRow, cg_faq_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
faq_row_notify_expanded_cb (CgFaqRow   *self,
                            GParamSpec *pspec)
{
  g_autoptr(GListModel) related = NULL;

  if (self->rendered || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;

  related = cg_library_list_related (self->library, CG_ITEM (self->entry));
  cg_document_view_show_item (self->answer_view, CG_ITEM (self->entry), related, CG_RENDER_RELATED);
  self->rendered = TRUE;
}

static void
cg_faq_row_constructed (GObject *object)
{
  CgFaqRow *self = CG_FAQ_ROW (object);
  const char *id;

  G_OBJECT_CLASS (cg_faq_row_parent_class)->constructed (object);

  g_assert (self->library != NULL && self->entry != NULL);

  id = cg_item_get_id (CG_ITEM (self->entry));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 cg_faq_entry_get_question (self->entry));
  /* Named before it is rendered, for screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_faq_entry_get_question (self->entry),
                                  -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "s", id);
}

static void
cg_faq_row_dispose (GObject *object)
{
  CgFaqRow *self = CG_FAQ_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_FAQ_ROW);
  g_clear_object (&self->library);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (cg_faq_row_parent_class)->dispose (object);
}

static void
cg_faq_row_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CgFaqRow *self = CG_FAQ_ROW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_faq_row_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CgFaqRow *self = CG_FAQ_ROW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_ENTRY:
      self->entry = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_faq_row_class_init (CgFaqRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_faq_row_constructed;
  object_class->dispose = cg_faq_row_dispose;
  object_class->get_property = cg_faq_row_get_property;
  object_class->set_property = cg_faq_row_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CG_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         CG_TYPE_FAQ_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CG_TYPE_DOCUMENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-faq-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CgFaqRow, answer_view);
  gtk_widget_class_bind_template_child (widget_class, CgFaqRow, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CgFaqRow, open_button);
  gtk_widget_class_bind_template_callback (widget_class, faq_row_notify_expanded_cb);
}

static void
cg_faq_row_init (CgFaqRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cg_faq_row_new (CgLibrary  *library,
                CgFaqEntry *entry)
{
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (CG_IS_FAQ_ENTRY (entry), NULL);

  return g_object_new (CG_TYPE_FAQ_ROW,
                       "library", library,
                       "entry", entry,
                       NULL);
}

CgFaqEntry *
cg_faq_row_get_entry (CgFaqRow *self)
{
  g_return_val_if_fail (CG_IS_FAQ_ROW (self), NULL);

  return self->entry;
}

CgDocumentView *
cg_faq_row_get_answer_view (CgFaqRow *self)
{
  g_return_val_if_fail (CG_IS_FAQ_ROW (self), NULL);

  return self->answer_view;
}
