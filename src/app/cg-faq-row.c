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
  double          text_scale;

  /* From cg-faq-answer.ui, once the question is first opened. */
  CgDocumentView *answer_view;
};

G_DEFINE_FINAL_TYPE (CgFaqRow, cg_faq_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_ENTRY,
  PROP_TEXT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A topic page shows many questions and most stay closed: the answer's
 * widgets are built when first needed. */
static void
cg_faq_row_ensure_answer (CgFaqRow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = cg_item_get_id (CG_ITEM (self->entry));
  GObject *copy_button, *open_button;

  if (self->answer_view != NULL)
    return;

  builder = gtk_builder_new ();
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/cg-faq-answer.ui", &error))
    g_error ("The answer's interface is broken: %s", error->message);

  self->answer_view = CG_DOCUMENT_VIEW (gtk_builder_get_object (builder, "answer_view"));
  copy_button = gtk_builder_get_object (builder, "copy_button");
  open_button = gtk_builder_get_object (builder, "open_button");

  /* Named before it is rendered, for screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_faq_entry_get_question (self->entry),
                                  -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (copy_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open_button), "s", id);
  g_object_bind_property (self, "text-scale", self->answer_view, "text-scale", G_BINDING_SYNC_CREATE);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (self),
                            GTK_WIDGET (gtk_builder_get_object (builder, "answer_row")));
}

static void
faq_row_notify_expanded_cb (CgFaqRow   *self,
                            GParamSpec *pspec)
{
  g_autoptr(GListModel) related = NULL;

  if (self->rendered || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;

  cg_faq_row_ensure_answer (self);
  related = cg_library_list_related (self->library, CG_ITEM (self->entry));
  cg_document_view_show_item (self->answer_view, CG_ITEM (self->entry), related, CG_RENDER_RELATED);
  self->rendered = TRUE;
}

static void
cg_faq_row_constructed (GObject *object)
{
  CgFaqRow *self = CG_FAQ_ROW (object);

  G_OBJECT_CLASS (cg_faq_row_parent_class)->constructed (object);

  g_assert (self->library != NULL && self->entry != NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 cg_faq_entry_get_question (self->entry));
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

    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
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

    case PROP_TEXT_SCALE:
      if (self->text_scale != g_value_get_double (value))
        {
          self->text_scale = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
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

  /* The answer's, as CgDocumentView:text-scale. */
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         0.25, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CG_TYPE_DOCUMENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-faq-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, faq_row_notify_expanded_cb);
}

/* The row's title and subtitle are libadwaita's wrapping labels, which
 * set no width-chars: measuring their minimum width then lays their text
 * out a character a line (see ui/cg-item-row.ui). */
static void
set_label_width_chars (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          if (gtk_label_get_wrap (GTK_LABEL (child)) && gtk_label_get_width_chars (GTK_LABEL (child)) < 0)
            gtk_label_set_width_chars (GTK_LABEL (child), 8);
        }
      else
        set_label_width_chars (child);
    }
}

static void
cg_faq_row_init (CgFaqRow *self)
{
  self->text_scale = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));
  set_label_width_chars (GTK_WIDGET (self));
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

/**
 * cg_faq_row_get_answer_view:
 *
 * Returns: (transfer none): the view of the answer, built now if the
 *   question was never opened (it is rendered when it is)
 */
CgDocumentView *
cg_faq_row_get_answer_view (CgFaqRow *self)
{
  g_return_val_if_fail (CG_IS_FAQ_ROW (self), NULL);

  cg_faq_row_ensure_answer (self);

  return self->answer_view;
}
