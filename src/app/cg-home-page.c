/* cg-home-page.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-home-page.h"
#include "cg-i18n.h"
#include "cg-item-row.h"
#include "cg-settings.h"
#include "cg-topic-card.h"

/* Where the app starts: the clinic's name, the questions patients ask
 * most, and every topic as a large button. Without a library, while the
 * content loads (F10), the same page says so where they will be. */
struct _CgHomePage
{
  AdwBin      parent_instance;

  CgLibrary  *library;
  gulong      after_paint_id;
  GSettings  *settings;  /* kiosk (F7): pinned-answers */

  /* Template widgets */
  GtkLabel   *clinic_label;
  GtkWidget  *popular_box;
  GtkWidget  *pinned_box;
  GtkFlowBox *language_box;
  GtkListBox *pinned_list;
  GtkListBox *popular_list;
  GtkFlowBox *topics_flow;
  GtkWidget  *topics_box;
  GtkWidget  *loading_box;
};

G_DEFINE_FINAL_TYPE (CgHomePage, cg_home_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
topics_flow_child_activated_cb (CgHomePage      *self,
                                GtkFlowBoxChild *child,
                                GtkFlowBox      *flow_box)
{
  CgTopic *topic = cg_topic_card_get_topic (CG_TOPIC_CARD (child));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-topic", "s", cg_topic_get_id (topic));
}

/* A pinned answer is there to be passed on: its row opens it, and its
 * button copies it, as a search result's does. */
static GtkWidget *
pinned_row_new (CgItem *item)
{
  GtkWidget *row = cg_item_row_new (item);
  GtkGrid *grid = GTK_GRID (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (copy, _("Copy Answer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy answer"),
                                  -1);
  gtk_widget_add_css_class (copy, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "win.copy-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", cg_item_get_id (item));
  /* Before the row's arrow. */
  gtk_grid_insert_column (grid, 2);
  gtk_grid_attach (grid, copy, 2, 0, 1, 2);

  return row;
}

/* kiosk (F7): the answers the front desk pinned, in the order pinned;
 * an id this content does not have is skipped. */
static void
cg_home_page_fill_pinned (CgHomePage *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "pinned-answers");
  GtkWidget *child;
  guint n_pinned = 0;

  if (self->library == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pinned_list))) != NULL)
    gtk_list_box_remove (self->pinned_list, child);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      CgItem *item = cg_library_lookup_item (self->library, ids[i]);

      if (item == NULL)
        continue;
      gtk_list_box_append (self->pinned_list, pinned_row_new (item));
      n_pinned++;
    }
  gtk_widget_set_visible (self->pinned_box, n_pinned > 0);
}

static void
settings_pinned_answers_changed_cb (CgHomePage *self,
                                    const char *key,
                                    GSettings  *settings)
{
  cg_home_page_fill_pinned (self);
}

static void
cg_home_page_fill (CgHomePage *self)
{
  CgClinic *clinic;
  g_autoptr(GListModel) popular = NULL;
  guint n_popular;

  if (self->library == NULL)
    {
      gtk_label_set_label (self->clinic_label, _("Clinic Guide"));
      gtk_widget_set_visible (self->popular_box, FALSE);
      gtk_widget_set_visible (self->topics_box, FALSE);
      gtk_widget_set_visible (self->loading_box, TRUE);
      return;
    }

  clinic = cg_library_get_clinic (self->library);
  popular = cg_library_list_popular (self->library);
  n_popular = g_list_model_get_n_items (popular);

  gtk_label_set_label (self->clinic_label,
                       clinic != NULL ? cg_clinic_get_name (clinic) : _("Clinic Guide"));

  for (guint i = 0; i < n_popular; i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (popular, i);

      gtk_list_box_append (self->popular_list, cg_item_row_new (item));
    }
  gtk_widget_set_visible (self->popular_box, n_popular > 0);
}

static void
cg_home_page_add_topics (CgHomePage *self)
{
  GListModel *topics;

  if (self->library == NULL || gtk_widget_get_first_child (GTK_WIDGET (self->topics_flow)) != NULL)
    return;

  topics = cg_library_get_topics (self->library);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(CgTopic) topic = g_list_model_get_item (topics, i);

      gtk_flow_box_append (self->topics_flow, cg_topic_card_new (topic));
    }
}

static void
frame_clock_after_paint_cb (GdkFrameClock *clock,
                            CgHomePage    *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  cg_home_page_add_topics (self);
}

/* The topic cards are below the fold of a window of the usual size: they
 * come in right after the first frame, which is then drawn sooner. */
static void
cg_home_page_map (GtkWidget *widget)
{
  CgHomePage *self = CG_HOME_PAGE (widget);

  GTK_WIDGET_CLASS (cg_home_page_parent_class)->map (widget);

  if (self->after_paint_id == 0 && self->library != NULL &&
      gtk_widget_get_first_child (GTK_WIDGET (self->topics_flow)) == NULL)
    self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                             G_CALLBACK (frame_clock_after_paint_cb), self);
}

static void
cg_home_page_unmap (GtkWidget *widget)
{
  CgHomePage *self = CG_HOME_PAGE (widget);

  /* Unmapped before its first frame: the cards come now, not never. */
  if (self->after_paint_id != 0)
    {
      g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));
      cg_home_page_add_topics (self);
    }

  GTK_WIDGET_CLASS (cg_home_page_parent_class)->unmap (widget);
}

static void
cg_home_page_constructed (GObject *object)
{
  CgHomePage *self = CG_HOME_PAGE (object);

  G_OBJECT_CLASS (cg_home_page_parent_class)->constructed (object);

  cg_home_page_fill (self);

  self->settings = cg_settings_new ();
  g_signal_connect_object (self->settings, "changed::pinned-answers",
                           G_CALLBACK (settings_pinned_answers_changed_cb), self, G_CONNECT_SWAPPED);
  cg_home_page_fill_pinned (self);
}

static void
cg_home_page_dispose (GObject *object)
{
  CgHomePage *self = CG_HOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_HOME_PAGE);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cg_home_page_parent_class)->dispose (object);
}

static void
cg_home_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CgHomePage *self = CG_HOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_home_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CgHomePage *self = CG_HOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_home_page_class_init (CgHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_home_page_constructed;
  object_class->dispose = cg_home_page_dispose;
  object_class->get_property = cg_home_page_get_property;
  object_class->set_property = cg_home_page_set_property;

  widget_class->map = cg_home_page_map;
  widget_class->unmap = cg_home_page_unmap;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CG_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgHomePage, clinic_label);
  gtk_widget_class_bind_template_child (widget_class, CgHomePage, popular_box);
  gtk_widget_class_bind_template_child (widget_class, CgHomePage, pinned_box);
  gtk_widget_class_bind_template_child (widget_class, CgHomePage, language_box);
  gtk_widget_class_bind_template_child (widget_class, CgHomePage, pinned_list);
  gtk_widget_class_bind_template_child (widget_class, CgHomePage, popular_list);
  gtk_widget_class_bind_template_child (widget_class, CgHomePage, topics_flow);
  gtk_widget_class_bind_template_child (widget_class, CgHomePage, topics_box);
  gtk_widget_class_bind_template_child (widget_class, CgHomePage, loading_box);
  gtk_widget_class_bind_template_callback (widget_class, topics_flow_child_activated_cb);
}

static void
cg_home_page_init (CgHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cg_home_page_new:
 * @library: (nullable): the content, or %NULL while it loads
 */
GtkWidget *
cg_home_page_new (CgLibrary *library)
{
  g_return_val_if_fail (library == NULL || CG_IS_LIBRARY (library), NULL);

  return g_object_new (CG_TYPE_HOME_PAGE,
                       "library", library,
                       NULL);
}

CgLibrary *
cg_home_page_get_library (CgHomePage *self)
{
  g_return_val_if_fail (CG_IS_HOME_PAGE (self), NULL);

  return self->library;
}

/**
 * cg_home_page_set_show_languages:
 *
 * kiosk (F7): shows a button for every language, for patients who cannot
 * read the one on screen. They are made when first shown.
 */
void
cg_home_page_set_show_languages (CgHomePage *self,
                                 gboolean    show)
{
  g_return_if_fail (CG_IS_HOME_PAGE (self));

  if (show && gtk_widget_get_first_child (GTK_WIDGET (self->language_box)) == NULL)
    {
      const char * const *languages = cg_i18n_get_languages ();

      for (guint i = 0; languages[i] != NULL; i++)
        {
          g_autofree char *name = cg_i18n_get_native_name (languages[i]);
          gboolean current = g_str_equal (languages[i], cg_i18n_get_language ());
          /* A toggle, so that a screen reader says which is chosen, not
           * only the colour. */
          GtkWidget *button = gtk_toggle_button_new_with_label (name);
          GtkWidget *cell = gtk_flow_box_child_new ();

          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), current);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", languages[i]);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.language");
          gtk_widget_add_css_class (button, "pill");
          if (current)
            gtk_widget_add_css_class (button, "suggested-action");
          /* A flow box names its cells by their class otherwise. */
          gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (cell), button);
          gtk_widget_set_focusable (cell, FALSE);
          gtk_flow_box_append (self->language_box, cell);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                          -1);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->language_box), show);
}
