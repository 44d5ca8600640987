/* cg-topic-page.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-article.h"
#include "cg-faq-entry.h"
#include "cg-faq-row.h"
#include "cg-item-row.h"
#include "cg-topic-page.h"

/* A topic's overview: its articles (title and summary) and its questions,
 * each of which opens to its answer.
 *
 * A topic can hold thousands of items: below the topic's title, the page
 * is one column of cells over a list model (the "Articles" heading, the
 * articles, the "Questions" heading, the questions), and only the cells
 * on screen have widgets. An item's cell holds a one-row list box with its
 * CgItemRow or CgFaqRow, so that a row activates, and a question opens
 * its answer just below it, as in any list. A question's list is kept
 * while its answer is open, or while someone holds its row (see
 * cg_topic_page_find_question()), so that it stays as it was left when
 * it scrolls away and back. The arrows go on from one item's list to the
 * next item's, as they went from row to row. */
struct _CgTopicPage
{
  AdwBin       parent_instance;

  CgLibrary   *library;
  CgTopic     *topic;
  double       text_scale;

  GListStore  *items;      /* the topic, heading markers, CgItem */
  GHashTable  *lists;      /* item id → its cell's GtkListBox, while bound or kept */
  guint        first_question;
  guint        n_articles;

  /* From cg-topic-headings.ui */
  GtkWidget   *articles_heading;
  GtkWidget   *questions_heading;

  /* Template widgets */
  GtkImage    *icon;
  GtkLabel    *title_label;
  GtkLabel    *summary_label;
  GtkScrolledWindow *scroller;
  GtkGridView *items_view;
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

#define ARTICLES_MARK "articles"
#define QUESTIONS_MARK "questions"
#define POSITION_KEY "cg-topic-page-position"

static gboolean item_list_keynav_failed_cb (CgTopicPage      *self,
                                            GtkDirectionType  direction,
                                            GtkListBox       *list);

static const char *
mark_of (gpointer item)
{
  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;
}

static void
faq_row_notify_expanded_cb (CgTopicPage *self,
                            GParamSpec  *pspec,
                            CgFaqRow    *row)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (row));

  /* A list closed away from the screen is not needed any more. */
  if (!cg_faq_row_get_expanded (row) && list != NULL && gtk_widget_get_parent (list) == NULL)
    g_hash_table_remove (self->lists, cg_item_get_id (CG_ITEM (cg_faq_row_get_entry (row))));
}

/* The one-row list of @item, made now if it has none. */
static GtkWidget *
cg_topic_page_ensure_list (CgTopicPage *self,
                           CgItem      *item)
{
  GtkWidget *list = g_hash_table_lookup (self->lists, cg_item_get_id (item));
  GtkWidget *row;

  if (list != NULL)
    return list;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_item_get_title (item),
                                  -1);

  if (CG_IS_FAQ_ENTRY (item))
    {
      row = cg_faq_row_new (self->library, CG_FAQ_ENTRY (item));
      g_object_bind_property (self, "text-scale", row, "text-scale", G_BINDING_SYNC_CREATE);
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (faq_row_notify_expanded_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else
    row = cg_item_row_new (item);

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_signal_connect_object (list, "keynav-failed", G_CALLBACK (item_list_keynav_failed_cb),
                           self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->lists, g_strdup (cg_item_get_id (item)), g_object_ref_sink (list));

  return list;
}

static gboolean
is_row_position (CgTopicPage *self,
                 guint        position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  return CG_IS_ITEM (item);
}

/* Moves the keyboard to the item at @position (scrolled to, its cell made
 * if it was not), as into a list coming from @direction. */
static gboolean
cg_topic_page_focus_item (CgTopicPage      *self,
                          guint             position,
                          GtkDirectionType  direction)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  GtkWidget *list;

  if (!CG_IS_ITEM (item))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u", position);
  list = cg_topic_page_ensure_list (self, CG_ITEM (item));
  return gtk_widget_child_focus (list, direction) ||
         gtk_widget_grab_focus (gtk_widget_get_first_child (list));
}

static gboolean
cg_topic_page_focus_next_item (CgTopicPage      *self,
                               guint             position,
                               GtkDirectionType  direction)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  gboolean forward = direction == GTK_DIR_DOWN || direction == GTK_DIR_TAB_FORWARD;

  if (forward)
    {
      for (guint i = position + 1; i < n_items; i++)
        if (is_row_position (self, i))
          return cg_topic_page_focus_item (self, i, direction);
    }
  else
    {
      for (guint i = MIN (position, n_items); i-- > 0;)
        if (is_row_position (self, i))
          return cg_topic_page_focus_item (self, i, direction);
    }

  return FALSE;
}

/* The keyboard goes through the page as through the lists it had: from
 * row to row, into an open answer's buttons, on to the next item, and
 * out of the page after the last one. The view would go from cell to
 * cell, and stop at a heading. */
/* Up from an item's first row, down from its last: on to the next item. */
static gboolean
item_list_keynav_failed_cb (CgTopicPage      *self,
                            GtkDirectionType  direction,
                            GtkListBox       *list)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list), POSITION_KEY));

  /* stored one up, 0 meaning none */
  if (position == 0 || (direction != GTK_DIR_UP && direction != GTK_DIR_DOWN))
    return FALSE;

  return cg_topic_page_focus_next_item (self, position - 1, direction);
}

/* The item list (a cell's) that holds @widget, the position in its data. */
static GtkWidget *
item_list_of (GtkWidget *widget)
{
  GtkWidget *list;

  for (list = widget != NULL ? gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX) : NULL;
       list != NULL && g_object_get_data (G_OBJECT (list), POSITION_KEY) == NULL;
       list = gtk_widget_get_ancestor (gtk_widget_get_parent (list), GTK_TYPE_LIST_BOX))
    ;

  return list;
}

/* The item at @position, or the nearest one in @step's direction, or
 * back against it when there is none. */
static guint
nearest_row_position (CgTopicPage *self,
                      guint        position,
                      int          step)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  position = MIN (position, n_items - 1);
  for (guint i = position; i < n_items; i += step)
    if (is_row_position (self, i))
      return i;
  for (guint i = position; i < n_items; i -= step)
    if (is_row_position (self, i))
      return i;

  return G_MAXUINT;
}

/* Page Up and Down, Home and End (with Ctrl or not) on a row: the list
 * box of one row would keep the keyboard where it is. A page is as many
 * rows as the view shows, of the height of the row left. Keys inside an
 * open answer are the answer's. */
static gboolean
page_key_pressed_cb (CgTopicPage           *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  GtkAdjustment *adjustment;
  GtkWidget *list;
  guint position, target, rows;
  int step;

  if (!GTK_IS_LIST_BOX_ROW (focus) || (list = item_list_of (focus)) == NULL ||
      gtk_widget_get_parent (focus) != list || (mods != 0 && mods != GDK_CONTROL_MASK))
    return GDK_EVENT_PROPAGATE;

  position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list), POSITION_KEY)) - 1;
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  rows = MAX (1, (guint) (gtk_adjustment_get_page_size (adjustment) / MAX (gtk_widget_get_height (list), 1)) - 1);

  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      target = position + rows;
      step = 1;
      break;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      target = position > rows ? position - rows : 0;
      step = -1;
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = 0;
      step = 1;
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      target = G_MAXUINT;
      step = -1;
      break;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  target = nearest_row_position (self, target, step);
  if (target != G_MAXUINT && target != position)
    cg_topic_page_focus_item (self, target, step > 0 ? GTK_DIR_DOWN : GTK_DIR_UP);

  return GDK_EVENT_STOP;
}

static gboolean
cg_topic_page_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  CgTopicPage *self = CG_TOPIC_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *list = NULL;
  guint position;

  if (direction == GTK_DIR_LEFT || direction == GTK_DIR_RIGHT)
    return GTK_WIDGET_CLASS (cg_topic_page_parent_class)->focus (widget, direction);

  if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
    for (list = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX);
         list != NULL && g_object_get_data (G_OBJECT (list), POSITION_KEY) == NULL;
         list = gtk_widget_get_ancestor (gtk_widget_get_parent (list), GTK_TYPE_LIST_BOX))
      ;

  if (list == NULL)
    {
      gboolean forward = direction == GTK_DIR_DOWN || direction == GTK_DIR_TAB_FORWARD;

      return cg_topic_page_focus_next_item (self, forward ? 0 : G_MAXUINT, direction);
    }

  if (gtk_widget_child_focus (list, direction))
    return TRUE;

  position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list), POSITION_KEY)) - 1;
  return cg_topic_page_focus_next_item (self, position, direction);
}

static void
items_factory_bind_cb (CgTopicPage              *self,
                       GtkListItem              *list_item,
                       GtkSignalListItemFactory *factory)
{
  gpointer item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  GtkWidget *child;

  if (g_strcmp0 (mark_of (item), ARTICLES_MARK) == 0)
    child = self->articles_heading;
  else if (g_strcmp0 (mark_of (item), QUESTIONS_MARK) == 0)
    child = self->questions_heading;
  else
    {
      g_autoptr(GObject) before = position > 0 ? g_list_model_get_item (G_LIST_MODEL (self->items), position - 1) : NULL;

      child = cg_topic_page_ensure_list (self, CG_ITEM (item));
      g_object_set_data (G_OBJECT (child), POSITION_KEY, GUINT_TO_POINTER (position + 1));
      /* One list to the eye: round only the ends of each section. */
      if (CG_IS_ITEM (before))
        gtk_widget_remove_css_class (child, "first");
      else
        gtk_widget_add_css_class (child, "first");
      if (position + 1 == n_items || position + 1 == self->first_question - 1)
        gtk_widget_add_css_class (child, "last");
      else
        gtk_widget_remove_css_class (child, "last");
      gtk_widget_set_margin_bottom (child, position + 1 == n_items ? 36 : 0);
    }

  gtk_list_item_set_child (list_item, child);
  /* GTK 4.8 names a cell by its class, "GtkListItemWidget": a screen
   * reader says the item's title, or the heading's words, instead. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (child)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child))
                                                       : cg_item_get_title (CG_ITEM (item)),
                                  -1);
}

static void
items_factory_unbind_cb (CgTopicPage              *self,
                         GtkListItem              *list_item,
                         GtkSignalListItemFactory *factory)
{
  gpointer item = gtk_list_item_get_item (list_item);

  gtk_list_item_set_child (list_item, NULL);

  /* Its widgets go with the cell, unless its answer is open. */
  if (CG_IS_FAQ_ENTRY (item))
    {
      GtkWidget *list = g_hash_table_lookup (self->lists, cg_item_get_id (item));
      GtkWidget *row = list != NULL ? gtk_widget_get_first_child (list) : NULL;

      if (CG_IS_FAQ_ROW (row) && cg_faq_row_get_expanded (CG_FAQ_ROW (row)))
        return;
    }
  if (CG_IS_ITEM (item))
    g_hash_table_remove (self->lists, cg_item_get_id (item));
}

static void
items_factory_setup_cb (CgTopicPage              *self,
                        GtkListItem              *list_item,
                        GtkSignalListItemFactory *factory)
{
  /* The rows inside take the keyboard and activate; the cell does not. */
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
cg_topic_page_build_headings (CgTopicPage *self)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;

  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/cg-topic-headings.ui", &error))
    g_error ("The topic page's interface is broken: %s", error->message);

  self->articles_heading = g_object_ref_sink (GTK_WIDGET (gtk_builder_get_object (builder, "articles_heading")));
  self->questions_heading = g_object_ref_sink (GTK_WIDGET (gtk_builder_get_object (builder, "questions_heading")));
}

static void
cg_topic_page_fill (CgTopicPage *self)
{
  const char *id = cg_topic_get_id (self->topic);
  const char *icon_name = cg_topic_get_icon_name (self->topic);
  g_autoptr(GListModel) articles = cg_library_list_articles (self->library, id);
  g_autoptr(GListModel) questions = cg_library_list_faq_entries (self->library, id);
  guint n_articles = g_list_model_get_n_items (articles);
  guint n_questions = g_list_model_get_n_items (questions);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkListItemFactory *factory;

  gtk_image_set_from_icon_name (self->icon, icon_name ? icon_name : "folder-symbolic");
  gtk_label_set_label (self->title_label, cg_topic_get_title (self->topic));
  /* The list of the topic's articles and questions, by the topic's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->items_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_topic_get_title (self->topic),
                                  -1);
  gtk_label_set_label (self->summary_label, cg_topic_get_summary (self->topic));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), cg_topic_get_summary (self->topic) != NULL);

  if (n_articles > 0)
    g_ptr_array_add (items, gtk_string_object_new (ARTICLES_MARK));
  for (guint i = 0; i < n_articles; i++)
    g_ptr_array_add (items, g_list_model_get_item (articles, i));
  self->n_articles = n_articles;
  if (n_questions > 0)
    g_ptr_array_add (items, gtk_string_object_new (QUESTIONS_MARK));
  self->first_question = n_questions > 0 ? items->len : G_MAXUINT;
  for (guint i = 0; i < n_questions; i++)
    g_ptr_array_add (items, g_list_model_get_item (questions, i));

  self->items = g_list_store_new (G_TYPE_OBJECT);
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (items_factory_setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (items_factory_bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (items_factory_unbind_cb), self, G_CONNECT_SWAPPED);
  gtk_grid_view_set_factory (self->items_view, factory);
  g_object_unref (factory);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_grid_view_set_model (self->items_view, GTK_SELECTION_MODEL (selection));
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

  /* The view unbinds its cells, which give their lists back; the bin
   * would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_TOPIC_PAGE);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->articles_heading);
  g_clear_object (&self->questions_heading);
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

  widget_class->focus = cg_topic_page_focus;

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
  gtk_widget_class_bind_template_child (widget_class, CgTopicPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CgTopicPage, items_view);
}

static void
cg_topic_page_init (CgTopicPage *self)
{
  GtkEventController *controller;

  self->text_scale = 1.0;
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  cg_topic_page_build_headings (self);

  /* Before the rows' own lists, which would take these keys and stay. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (page_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

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

/**
 * cg_topic_page_get_articles_list:
 *
 * Returns: (transfer none): the view of the page's items, whose cells
 *   on screen hold the rows of its articles and questions
 */
GtkWidget *
cg_topic_page_get_articles_list (CgTopicPage *self)
{
  g_return_val_if_fail (CG_IS_TOPIC_PAGE (self), NULL);

  return GTK_WIDGET (self->items_view);
}

/**
 * cg_topic_page_get_n_items:
 *
 * Returns: how many articles and questions the page lists
 */
guint
cg_topic_page_get_n_items (CgTopicPage *self)
{
  guint n = 0;

  g_return_val_if_fail (CG_IS_TOPIC_PAGE (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    n += is_row_position (self, i);

  return n;
}

/**
 * cg_topic_page_focus_item_at:
 * @index: of the articles then the questions, from 0
 *
 * Scrolls to an item and gives its row the keyboard.
 *
 * Returns: whether it took it
 */
gboolean
cg_topic_page_focus_item_at (CgTopicPage *self,
                             guint        index)
{
  guint n = 0;

  g_return_val_if_fail (CG_IS_TOPIC_PAGE (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    if (is_row_position (self, i) && n++ == index)
      return cg_topic_page_focus_item (self, i, GTK_DIR_TAB_FORWARD);

  return FALSE;
}

/**
 * cg_topic_page_find_question:
 *
 * The row is made if its cell is not on screen, and kept for as long as
 * the page lasts or until its cell is shown and goes again.
 *
 * Returns: (transfer none) (nullable): the row of the question @id
 */
CgFaqRow *
cg_topic_page_find_question (CgTopicPage *self,
                             const char  *id)
{
  GtkWidget *list;

  g_return_val_if_fail (CG_IS_TOPIC_PAGE (self), NULL);

  list = g_hash_table_lookup (self->lists, id);
  if (list == NULL)
    {
      CgItem *item = cg_library_lookup_item (self->library, id);

      if (!CG_IS_FAQ_ENTRY (item) ||
          g_strcmp0 (cg_item_get_topic_id (item), cg_topic_get_id (self->topic)) != 0)
        return NULL;
      list = cg_topic_page_ensure_list (self, item);
    }

  return CG_FAQ_ROW (gtk_widget_get_first_child (list));
}

/**
 * cg_topic_page_close_questions:
 *
 * Closes every question's answer, at once when the page is not shown.
 */
void
cg_topic_page_close_questions (CgTopicPage *self)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer list;

  g_return_if_fail (CG_IS_TOPIC_PAGE (self));

  /* Closing one may let its list go. */
  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    g_ptr_array_add (lists, g_object_ref (list));
  for (guint i = 0; i < lists->len; i++)
    {
      GtkWidget *row = gtk_widget_get_first_child (g_ptr_array_index (lists, i));

      if (CG_IS_FAQ_ROW (row))
        cg_faq_row_set_expanded (CG_FAQ_ROW (row), FALSE);
    }
}

/**
 * cg_topic_page_lay_out_ahead:
 * @width: the width the page will be shown at
 * @height: its height
 *
 * Lays the page out now, while it is not shown, at the size it will be
 * shown at: its list makes and measures the rows on screen, so that the
 * frame that first shows the page only draws it. Shown at that size,
 * GTK keeps this layout; at another, it lays the page out again, as it
 * would have.
 */
void
cg_topic_page_lay_out_ahead (CgTopicPage *self,
                             int          width,
                             int          height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int minimum;

  g_return_if_fail (CG_IS_TOPIC_PAGE (self));

  if (width <= 0 || height <= 0)
    return;

  /* GTK allocates only what was measured, at least its minimum. */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  width = MAX (width, minimum);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &minimum, NULL, NULL, NULL);
  height = MAX (height, minimum);
  gtk_widget_allocate (widget, width, height, -1, NULL);
}
