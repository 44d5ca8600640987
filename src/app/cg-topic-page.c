/* cg-topic-page.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-faq-row.h"
#include "cg-item-row.h"
#include "cg-topic-page.h"

/* A topic's overview: its articles (title and summary) and its questions,
 * each of which opens to its answer. */
struct _CgTopicPage
{
  AdwBin      parent_instance;

  CgLibrary  *library;
  CgTopic    *topic;
  double      text_scale;

  /* Template widgets */
  GtkImage   *icon;
  GtkLabel   *title_label;
  GtkLabel   *summary_label;
  GtkWidget  *articles_box;
  GtkListBox *articles_list;
  GtkWidget  *questions_box;
  GtkListBox *questions_list;
};

G_DEFINE_FINAL_TYPE (CgTopicPage, cg_topic_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_TOPIC,
  PROP_TEXT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_topic_page_fill (CgTopicPage *self)
{
  const char *id = cg_topic_get_id (self->topic);
  const char *icon_name = cg_topic_get_icon_name (self->topic);
  g_autoptr(GListModel) articles = cg_library_list_articles (self->library, id);
  g_autoptr(GListModel) questions = cg_library_list_faq_entries (self->library, id);
  guint n_articles = g_list_model_get_n_items (articles);
  guint n_questions = g_list_model_get_n_items (questions);

  gtk_image_set_from_icon_name (self->icon, icon_name ? icon_name : "folder-symbolic");
  gtk_label_set_label (self->title_label, cg_topic_get_title (self->topic));
  gtk_label_set_label (self->summary_label, cg_topic_get_summary (self->topic));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), cg_topic_get_summary (self->topic) != NULL);

  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (articles, i);

      gtk_list_box_append (self->articles_list, cg_item_row_new (item));
    }
  gtk_widget_set_visible (self->articles_box, n_articles > 0);

  for (guint i = 0; i < n_questions; i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (questions, i);
      GtkWidget *row = cg_faq_row_new (self->library, CG_FAQ_ENTRY (item));

      g_object_bind_property (self, "text-scale", row, "text-scale", G_BINDING_SYNC_CREATE);
      gtk_list_box_append (self->questions_list, row);
    }
  gtk_widget_set_visible (self->questions_box, n_questions > 0);
}

static void
cg_topic_page_constructed (GObject *object)
{
  CgTopicPage *self = CG_TOPIC_PAGE (object);

  G_OBJECT_CLASS (cg_topic_page_parent_class)->constructed (object);

  g_assert (self->library != NULL && self->topic != NULL);
  cg_topic_page_fill (self);
}

static void
cg_topic_page_dispose (GObject *object)
{
  CgTopicPage *self = CG_TOPIC_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_TOPIC_PAGE);
  g_clear_object (&self->library);
  g_clear_object (&self->topic);

  G_OBJECT_CLASS (cg_topic_page_parent_class)->dispose (object);
}

static void
cg_topic_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgTopicPage *self = CG_TOPIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;

    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_topic_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgTopicPage *self = CG_TOPIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_TOPIC:
      self->topic = g_value_dup_object (value);
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
cg_topic_page_class_init (CgTopicPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_topic_page_constructed;
  object_class->dispose = cg_topic_page_dispose;
  object_class->get_property = cg_topic_page_get_property;
  object_class->set_property = cg_topic_page_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CG_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL,
                         CG_TYPE_TOPIC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         0.25, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-topic-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgTopicPage, icon);
  gtk_widget_class_bind_template_child (widget_class, CgTopicPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CgTopicPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CgTopicPage, articles_box);
  gtk_widget_class_bind_template_child (widget_class, CgTopicPage, articles_list);
  gtk_widget_class_bind_template_child (widget_class, CgTopicPage, questions_box);
  gtk_widget_class_bind_template_child (widget_class, CgTopicPage, questions_list);
}

static void
cg_topic_page_init (CgTopicPage *self)
{
  self->text_scale = 1.0;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cg_topic_page_new (CgLibrary *library,
                   CgTopic   *topic)
{
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (CG_IS_TOPIC (topic), NULL);

  return g_object_new (CG_TYPE_TOPIC_PAGE,
                       "library", library,
                       "topic", topic,
                       NULL);
}

CgTopic *
cg_topic_page_get_topic (CgTopicPage *self)
{
  g_return_val_if_fail (CG_IS_TOPIC_PAGE (self), NULL);

  return self->topic;
}

GtkListBox *
cg_topic_page_get_articles_list (CgTopicPage *self)
{
  g_return_val_if_fail (CG_IS_TOPIC_PAGE (self), NULL);

  return self->articles_list;
}

/**
 * cg_topic_page_find_question:
 *
 * Returns: (transfer none) (nullable): the row of the question @id
 */
CgFaqRow *
cg_topic_page_find_question (CgTopicPage *self,
                             const char  *id)
{
  g_return_val_if_fail (CG_IS_TOPIC_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (CG_IS_FAQ_ROW (child) &&
          g_strcmp0 (cg_item_get_id (CG_ITEM (cg_faq_row_get_entry (CG_FAQ_ROW (child)))), id) == 0)
        return CG_FAQ_ROW (child);
    }

  return NULL;
}

/**
 * cg_topic_page_close_questions:
 *
 * Closes every question's answer, at once when the page is not shown.
 */
void
cg_topic_page_close_questions (CgTopicPage *self)
{
  g_return_if_fail (CG_IS_TOPIC_PAGE (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (CG_IS_FAQ_ROW (child))
        cg_faq_row_set_expanded (CG_FAQ_ROW (child), FALSE);
    }
}
