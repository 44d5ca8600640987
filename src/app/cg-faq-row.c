/* cg-faq-row.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-faq-row.h"
#include "cg-link-dialog.h"
#include "cg-listen-button.h"

/* A question that opens to its answer, in the same rich text as an
 * article, with the related articles after it. The answer is a row of its
 * own just after the question's in the same list, so that clicking in its
 * text never closes it; it is built and rendered the first time the
 * question opens: a topic page shows many questions and most stay closed. */
struct _CgFaqRow
{
  GtkListBoxRow   parent_instance;

  CgLibrary      *library;
  CgFaqEntry     *entry;
  gboolean        expanded;
  gboolean        rendered;
  double          text_scale;

  /* Template widgets */
  GtkLabel       *question_label;

  /* From cg-faq-answer.ui, once the question is first opened; the row
   * belongs to the list. */
  GtkWidget      *answer_row;
  GtkRevealer    *revealer;
  CgDocumentView *answer_view;
};

G_DEFINE_FINAL_TYPE (CgFaqRow, cg_faq_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_ENTRY,
  PROP_EXPANDED,
  PROP_TEXT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
answer_revealer_notify_child_revealed_cb (CgFaqRow   *self,
                                          GParamSpec *pspec,
                                          GtkRevealer *revealer)
{
  /* Closed: out of the list's keyboard navigation and the screen reader's
   * way, once it has slid shut. */
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (self->answer_row, FALSE);
}

/* take it home (F19) */
static void
take_home_button_clicked_cb (CgFaqRow  *self,
                             GtkButton *button)
{
  cg_link_dialog_show_take_home (GTK_WIDGET (button), CG_ITEM (self->entry),
                                 cg_library_get_clinic (self->library));
}

static void
cg_faq_row_ensure_answer (CgFaqRow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = cg_item_get_id (CG_ITEM (self->entry));
  GObject *copy_button, *open_button;
  GtkWidget *take_home_button;

  if (self->answer_view != NULL)
    return;

  builder = gtk_builder_new ();
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/cg-faq-answer.ui", &error))
    g_error ("The answer's interface is broken: %s", error->message);

  self->answer_row = GTK_WIDGET (g_object_ref_sink (gtk_builder_get_object (builder, "answer_row")));
  self->revealer = GTK_REVEALER (gtk_builder_get_object (builder, "revealer"));
  self->answer_view = CG_DOCUMENT_VIEW (gtk_builder_get_object (builder, "answer_view"));
  copy_button = gtk_builder_get_object (builder, "copy_button");
  open_button = gtk_builder_get_object (builder, "open_button");
  take_home_button = cg_link_dialog_new_take_home_button (TRUE);
  gtk_box_prepend (GTK_BOX (gtk_builder_get_object (builder, "actions_box")), take_home_button);
  g_signal_connect_object (take_home_button, "clicked", G_CALLBACK (take_home_button_clicked_cb),
                           self, G_CONNECT_SWAPPED);

  /* Named before it is rendered, for screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_faq_entry_get_question (self->entry),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_CONTROLS, self->answer_row, NULL,
                                  -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (copy_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open_button), "s", id);
  g_object_bind_property (self, "text-scale", self->answer_view, "text-scale", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->revealer, "notify::child-revealed",
                           G_CALLBACK (answer_revealer_notify_child_revealed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->answer_row, FALSE);
}

/* The answer's row goes just after the question's, in the same list. */
static void
cg_faq_row_place_answer (CgFaqRow *self)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));

  if (!GTK_IS_LIST_BOX (list) || gtk_widget_get_parent (self->answer_row) == list)
    return;

  gtk_list_box_insert (GTK_LIST_BOX (list), self->answer_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self)) + 1);
}

static void
cg_faq_row_toggle_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CgFaqRow *self = CG_FAQ_ROW (widget);

  cg_faq_row_set_expanded (self, !self->expanded);
}

static void
cg_faq_row_constructed (GObject *object)
{
  CgFaqRow *self = CG_FAQ_ROW (object);

  G_OBJECT_CLASS (cg_faq_row_parent_class)->constructed (object);

  g_assert (self->library != NULL && self->entry != NULL);

  gtk_label_set_label (self->question_label, cg_faq_entry_get_question (self->entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_faq_entry_get_question (self->entry),
                                  -1);
}

static void
cg_faq_row_dispose (GObject *object)
{
  CgFaqRow *self = CG_FAQ_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_FAQ_ROW);
  g_clear_object (&self->answer_row);
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

    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
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

    case PROP_EXPANDED:
      cg_faq_row_set_expanded (self, g_value_get_boolean (value));
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

  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The answer's, as CgDocumentView:text-scale. */
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         0.25, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CG_TYPE_DOCUMENT_VIEW);
  g_type_ensure (CG_TYPE_LISTEN_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-faq-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CgFaqRow, question_label);

  gtk_widget_class_install_action (widget_class, "faq-row.toggle", NULL, cg_faq_row_toggle_action);
}

static void
cg_faq_row_init (CgFaqRow *self)
{
  self->text_scale = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_EXPANDED, FALSE,
                               -1);
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

gboolean
cg_faq_row_get_expanded (CgFaqRow *self)
{
  g_return_val_if_fail (CG_IS_FAQ_ROW (self), FALSE);

  return self->expanded;
}

/**
 * cg_faq_row_set_expanded:
 *
 * Opens or closes the answer; the first time it opens it is rendered.
 */
void
cg_faq_row_set_expanded (CgFaqRow *self,
                         gboolean  expanded)
{
  g_return_if_fail (CG_IS_FAQ_ROW (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;
  self->expanded = expanded;

  if (expanded)
    {
      cg_faq_row_ensure_answer (self);
      if (!self->rendered)
        {
          g_autoptr(GListModel) related = cg_library_list_related (self->library, CG_ITEM (self->entry));

          cg_document_view_show_item (self->answer_view, CG_ITEM (self->entry), related, CG_RENDER_RELATED);
          self->rendered = TRUE;
        }
      cg_faq_row_place_answer (self);
      gtk_widget_set_visible (self->answer_row, TRUE);
    }

  if (self->revealer != NULL)
    gtk_revealer_set_reveal_child (self->revealer, expanded);

  if (expanded)
    gtk_widget_add_css_class (GTK_WIDGET (self), "expanded");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "expanded");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                               -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}
