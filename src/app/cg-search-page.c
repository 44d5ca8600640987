/* cg-search-page.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-document-view.h"
#include "cg-faq-entry.h"
#include "cg-link-dialog.h"
#include "cg-search-page.h"

/* The results of the header's search: one row a result (what it is, its
 * title, the words around the match in bold), or a page that says there
 * are none and offers the spelling the index suggests.
 *
 * A long query can match hundreds of items: the rows are the cells of a
 * view over a list model of every result, and only those on screen are
 * built. The answer box is the view's first cell when there is one, so
 * that it scrolls away with the results as it did above them.
 *
 * The page does not know the window: a result opens through the
 * "result-activated" signal (the window needs its matched words, to
 * highlight them), the suggestion through "win.search" and copying
 * through "win.copy-item", which copies what "Copy as Text" copies, and
 * taking it home through "win.take-home". */

struct _CgSearchPage
{
  AdwBin          parent_instance;

  CgSearchIndex  *index;
  char           *language;
  char           *query;
  char           *suggestion;
  GListModel     *results;
  GtkSingleSelection *selection;  /* of the answer marker, then the results */
  guint           n_heads;        /* 1 when the answer is the first cell */
  gboolean        kiosk;
  gboolean        answer_stale;   /* its text set while it was no cell's */
  guint           answer_tick;
  guint           answer_settled;
  GtkWidget      *answer_cell;    /* answer_box, kept while it is no cell's */

  /* Template widgets */
  GtkStack       *stack;
  GtkLabel       *count_label;
  GtkWidget      *results_suggestion_button;
  GtkGridView    *results_view;
  AdwStatusPage  *empty_page;
  GtkWidget      *suggestion_button;
  GtkWidget      *answer_box;
  GtkLabel       *answer_title;
  CgDocumentView *answer_view;
};

G_DEFINE_FINAL_TYPE (CgSearchPage, cg_search_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_KIOSK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RESULT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ANSWER_MARK "answer"

static void show_answer         (CgSearchPage *self);
static void watch_answer_height (CgSearchPage *self);

/* A result's row, for its cell: what it is, its title, its snippet and,
 * for a question, its buttons. Patients in the kiosk do not copy. */
static GtkWidget *
create_result_row (CgSearchResult *result,
                   gboolean        with_copy)
{
  gboolean faq = cg_search_result_get_kind (result) == CG_SEARCH_RESULT_FAQ_ENTRY;
  GtkWidget *row, *box, *icon, *labels, *title, *snippet;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  icon = gtk_image_new_from_icon_name (faq ? "help-faq-symbolic" : "x-office-document-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  /* Said in words rather than shown: the icon is only decoration. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  faq ? _("Question") : _("Article"),
                                  -1);
  gtk_box_append (GTK_BOX (box), icon);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  title = gtk_label_new (cg_search_result_get_title (result));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  /* Measured without width-chars, a word-char wrapping label is laid out
   * a character a line (see ui/cg-item-row.ui): 20 results, every key. */
  gtk_label_set_width_chars (GTK_LABEL (title), 8);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (labels), title);

  snippet = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (snippet), cg_search_result_get_snippet_markup (result));
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (snippet), 8);
  gtk_widget_add_css_class (snippet, "search-snippet");
  gtk_widget_set_visible (snippet, gtk_label_get_text (GTK_LABEL (snippet))[0] != '\0');
  gtk_box_append (GTK_BOX (labels), snippet);

  gtk_box_append (GTK_BOX (box), labels);

  if (faq)
    {
      GtkWidget *take_home;

      if (with_copy)
        {
          GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

          gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (copy, _("Copy Answer"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (copy),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy answer"),
                                          -1);
          gtk_widget_add_css_class (copy, "flat");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "win.copy-item");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", cg_search_result_get_id (result));
          gtk_box_append (GTK_BOX (box), copy);
        }

      take_home = cg_link_dialog_new_take_home_button (FALSE);
      gtk_widget_set_valign (take_home, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (take_home), "win.take-home");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (take_home), "s", cg_search_result_get_id (result));
      gtk_box_append (GTK_BOX (box), take_home);
    }

  /* What a screen reader says of the row: what it is and its title. */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (row), box);
  gtk_widget_add_css_class (row, "search-result-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_search_result_get_title (result),
                                  -1);

  return row;
}

/* The result at @position of the view, or %NULL for the answer's cell. */
static CgSearchResult *
result_at_position (CgSearchPage *self,
                    guint         position)
{
  if (self->results == NULL || position == GTK_INVALID_LIST_POSITION || position < self->n_heads)
    return NULL;

  return g_list_model_get_item (self->results, position - self->n_heads);
}

static void
results_view_activate_cb (CgSearchPage *self,
                          guint         position,
                          GtkGridView  *view)
{
  g_autoptr(CgSearchResult) result = result_at_position (self, position);

  if (result != NULL)
    g_signal_emit (self, signals[RESULT_ACTIVATED], 0, result);
}

/* A click opens a result, as it did in a list; its buttons take their
 * own clicks. */
static void
result_row_released_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        CgSearchPage    *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  CgSearchResult *result = g_object_get_data (G_OBJECT (row), "cg-search-result");

  if (result != NULL && n_press == 1)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[RESULT_ACTIVATED], 0, result);
    }
}

static void
results_factory_bind_cb (CgSearchPage             *self,
                         GtkListItem              *list_item,
                         GtkSignalListItemFactory *factory)
{
  guint position = gtk_list_item_get_position (list_item);
  g_autoptr(CgSearchResult) result = result_at_position (self, position);
  guint n = self->results != NULL ? g_list_model_get_n_items (self->results) : 0;
  GtkWidget *row;
  GtkGesture *click;

  gtk_list_item_set_activatable (list_item, result != NULL);
  gtk_list_item_set_selectable (list_item, result != NULL);
  if (result == NULL)
    {
      gtk_list_item_set_child (list_item, self->answer_cell);
      /* GTK 4.8 names a cell by its class, "GtkListItemWidget". */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (self->answer_cell)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer"),
                                      -1);
      if (self->answer_stale)
        show_answer (self);
      watch_answer_height (self);
      return;
    }

  row = create_result_row (result, !self->kiosk);
  g_object_set_data_full (G_OBJECT (row), "cg-search-result", g_object_ref (result), g_object_unref);
  /* One boxed list to the eye: rounded at its ends. */
  if (position == self->n_heads)
    gtk_widget_add_css_class (row, "first");
  if (position - self->n_heads + 1 == n)
    gtk_widget_add_css_class (row, "last");
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (result_row_released_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (list_item, row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_search_result_get_title (result),
                                  -1);
}

static void
results_factory_unbind_cb (CgSearchPage             *self,
                           GtkListItem              *list_item,
                           GtkSignalListItemFactory *factory)
{
  gtk_list_item_set_child (list_item, NULL);
}

static void
set_suggestion_button (GtkWidget  *button,
                       const char *suggestion)
{
  g_autofree char *label = NULL;

  gtk_widget_set_visible (button, suggestion != NULL);
  if (suggestion == NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
      return;
    }

  /* Translators: a button under a search, %s is a corrected spelling. */
  label = g_strdup_printf (_("Did you mean “%s”?"), suggestion);
  gtk_button_set_label (GTK_BUTTON (button), label);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", suggestion);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.search");
}

/* The first result that is a FAQ entry: its whole answer, clinic fields
 * filled in, above the list. The receptionist reads it out or copies it
 * with Ctrl+Enter (which copies this same answer while the first row is
 * selected, see cg_window_copy_answer()) without opening anything; in the
 * kiosk the window's larger text scale makes it large for the patient.
 * Drawn by the one renderer, as everywhere. */
static CgItem *
first_faq_entry (GListModel *results)
{
  for (guint i = 0; results != NULL && i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CgSearchResult) result = g_list_model_get_item (results, i);
      CgItem *item = cg_search_result_get_item (result);

      if (item != NULL && CG_IS_FAQ_ENTRY (item))
        return item;
    }

  return NULL;
}

/* The grid view of GTK 4.8 misses the resize its answer cell asks for
 * when the text view has laid out its new text (during the allocation
 * that follows binding): it would keep the cell one line high. Until the
 * view gives the answer the height it wants, each frame asks again. */
static gboolean
answer_resize_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  CgSearchPage *self = CG_SEARCH_PAGE (widget);
  GtkWidget *view = GTK_WIDGET (self->answer_view);
  int height = 0;

  if (!gtk_widget_get_mapped (view))
    {
      self->answer_tick = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), NULL, &height, NULL, NULL);
  if (height == gtk_widget_get_height (view) && ++self->answer_settled >= 2)
    {
      self->answer_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (height != gtk_widget_get_height (view))
    {
      self->answer_settled = 0;
      gtk_widget_queue_resize (GTK_WIDGET (self->results_view));
    }

  return G_SOURCE_CONTINUE;
}

static void
watch_answer_height (CgSearchPage *self)
{
  self->answer_settled = 0;
  if (self->answer_tick == 0)
    self->answer_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), answer_resize_tick_cb, NULL, NULL);
}

static void
show_answer (CgSearchPage *self)
{
  CgItem *item = first_faq_entry (self->results);

  if (item == NULL)
    {
      gtk_widget_set_visible (self->answer_box, FALSE);
      return;
    }

  /* Visible first: a text view hidden while its text changes keeps the
   * height of its first line. So does one outside the window, which the
   * answer is while it is no cell's: it is shown again once it is. */
  gtk_widget_set_visible (self->answer_box, TRUE);
  self->answer_stale = gtk_widget_get_root (self->answer_box) == NULL;
  gtk_label_set_label (self->answer_title, cg_item_get_title (item));
  cg_document_view_show_item (self->answer_view, item, NULL, CG_RENDER_BODY);
  gtk_widget_queue_resize (GTK_WIDGET (self->answer_view));
  watch_answer_height (self);
}

/* A new model for the view: the answer's cell (when @with_answer), then
 * the results, none of them selected yet. */
static void
cg_search_page_set_model (CgSearchPage *self,
                          gboolean      with_answer)
{
  g_autoptr(GListStore) heads = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListModel) none = NULL;
  GtkFlattenListModel *flat;

  if (with_answer)
    {
      g_autoptr(GtkStringObject) mark = gtk_string_object_new (ANSWER_MARK);

      g_list_store_append (heads, mark);
    }
  self->n_heads = with_answer ? 1 : 0;
  g_list_store_append (parts, heads);
  if (self->results != NULL)
    g_list_store_append (parts, self->results);

  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (flat));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_grid_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->selection));
}

static void
cg_search_page_update (CgSearchPage *self)
{
  guint n = self->results != NULL ? g_list_model_get_n_items (self->results) : 0;
  g_autofree char *count = NULL;

  cg_search_page_set_model (self, n > 0 && first_faq_entry (self->results) != NULL);

  set_suggestion_button (self->suggestion_button, self->suggestion);
  set_suggestion_button (self->results_suggestion_button, n > 0 ? self->suggestion : NULL);

  if (n == 0)
    {
      gtk_widget_set_visible (self->answer_box, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  show_answer (self);

  /* Every result is listed, up to the most the index gives: only then
   * may more have matched, and the count does not pretend to know. */
  if (n >= CG_SEARCH_INDEX_MAX_LIMIT)
    /* Translators: above the search results, when there may be more
     * than are shown: "At least 1000 results". */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At least %u result", "At least %u results", n), n);
  else
    /* Translators: above the search results. */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", n), n);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, "results");

  /* Enter in the search entry opens the first result. */
  gtk_single_selection_set_selected (self->selection, self->n_heads);
}

static void
cg_search_page_dispose (GObject *object)
{
  CgSearchPage *self = CG_SEARCH_PAGE (object);

  /* The bin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->answer_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->answer_tick);
  self->answer_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_SEARCH_PAGE);
  g_clear_object (&self->answer_cell);
  g_clear_object (&self->selection);
  g_clear_object (&self->index);
  g_clear_object (&self->results);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->suggestion, g_free);

  G_OBJECT_CLASS (cg_search_page_parent_class)->dispose (object);
}

static void
cg_search_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CgSearchPage *self = CG_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIOSK:
      g_value_set_boolean (value, self->kiosk);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_search_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CgSearchPage *self = CG_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIOSK:
      if (self->kiosk != g_value_get_boolean (value))
        {
          self->kiosk = g_value_get_boolean (value);
          /* The rows again, with their buttons or without. */
          if (self->selection != NULL)
            cg_search_page_set_model (self, self->n_heads > 0);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_search_page_class_init (CgSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_search_page_dispose;
  object_class->get_property = cg_search_page_get_property;
  object_class->set_property = cg_search_page_set_property;

  /**
   * CgSearchPage:kiosk:
   *
   * Whether the page is the kiosk's: its rows have no Copy button.
   */
  properties[PROP_KIOSK] =
    g_param_spec_boolean ("kiosk", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CgSearchPage::result-activated:
   * @result: the result to open
   */
  signals[RESULT_ACTIVATED] =
    g_signal_new ("result-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CG_TYPE_SEARCH_RESULT);

  g_type_ensure (CG_TYPE_DOCUMENT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgSearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CgSearchPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CgSearchPage, results_suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, CgSearchPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, CgSearchPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CgSearchPage, suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, CgSearchPage, answer_box);
  gtk_widget_class_bind_template_child (widget_class, CgSearchPage, answer_title);
  gtk_widget_class_bind_template_child (widget_class, CgSearchPage, answer_view);
  gtk_widget_class_bind_template_callback (widget_class, results_view_activate_cb);
}

static void
cg_search_page_init (CgSearchPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not in the page's tree: it is the list's first cell, while it is one. */
  self->answer_cell = g_object_ref_sink (self->answer_box);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "bind", G_CALLBACK (results_factory_bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (results_factory_unbind_cb), self, G_CONNECT_SWAPPED);
  gtk_grid_view_set_factory (self->results_view, factory);
  g_object_unref (factory);
}

GtkWidget *
cg_search_page_new (void)
{
  return g_object_new (CG_TYPE_SEARCH_PAGE, NULL);
}

/**
 * cg_search_page_set_index:
 * @index: (nullable): the index to search
 * @language: (nullable): the language of the content searched
 *
 * Searches @index from now on, and again for the query shown.
 */
void
cg_search_page_set_index (CgSearchPage  *self,
                          CgSearchIndex *index,
                          const char    *language)
{
  g_autofree char *query = NULL;

  g_return_if_fail (CG_IS_SEARCH_PAGE (self));
  g_return_if_fail (index == NULL || CG_IS_SEARCH_INDEX (index));

  g_set_object (&self->index, index);
  g_free (self->language);
  self->language = g_strdup (language);

  query = g_steal_pointer (&self->query);
  if (query != NULL)
    cg_search_page_search (self, query);
}

/**
 * cg_search_page_search:
 *
 * Shows the results of @query. The search is synchronous: it takes well
 * under a millisecond on a clinic's content.
 */
void
cg_search_page_search (CgSearchPage *self,
                       const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *suggestion = NULL;
  GListModel *results = NULL;

  g_return_if_fail (CG_IS_SEARCH_PAGE (self));

  if (g_strcmp0 (query, self->query) == 0 && self->results != NULL)
    return;

  g_free (self->query);
  self->query = g_strdup (query);

  if (self->index != NULL && query != NULL)
    {
      results = cg_search_index_search (self->index, query, self->language,
                                        CG_SEARCH_INDEX_MAX_LIMIT, &suggestion, &error);
      if (results == NULL)
        g_warning ("Could not search for “%s”: %s", query, error->message);
    }

  g_clear_object (&self->results);
  self->results = results;
  g_free (self->suggestion);
  self->suggestion = g_steal_pointer (&suggestion);

  cg_search_page_update (self);
}

const char *
cg_search_page_get_query (CgSearchPage *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_PAGE (self), NULL);

  return self->query;
}

/**
 * cg_search_page_get_results:
 *
 * Returns: (transfer none) (nullable): the results shown, of #CgSearchResult
 */
GListModel *
cg_search_page_get_results (CgSearchPage *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_PAGE (self), NULL);

  return self->results;
}

/**
 * cg_search_page_get_suggestion:
 *
 * Returns: (nullable): the corrected spelling offered, if any
 */
const char *
cg_search_page_get_suggestion (CgSearchPage *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_PAGE (self), NULL);

  return self->suggestion;
}

/**
 * cg_search_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the result selected, which Enter
 *   opens
 */
CgSearchResult *
cg_search_page_get_selected (CgSearchPage *self)
{
  g_autoptr(CgSearchResult) result = NULL;

  g_return_val_if_fail (CG_IS_SEARCH_PAGE (self), NULL);

  if (self->selection == NULL)
    return NULL;

  /* The model holds it: transfer none. */
  result = result_at_position (self, gtk_single_selection_get_selected (self->selection));

  return result;
}

/**
 * cg_search_page_move_selection:
 * @delta: 1 for the next result, -1 for the previous one
 *
 * Selects another result, without taking the keyboard from the search
 * entry.
 */
void
cg_search_page_move_selection (CgSearchPage *self,
                               int           delta)
{
  guint selected;
  int n, index;

  g_return_if_fail (CG_IS_SEARCH_PAGE (self));

  n = self->results != NULL ? (int) g_list_model_get_n_items (self->results) : 0;
  if (n == 0 || self->selection == NULL)
    return;

  selected = gtk_single_selection_get_selected (self->selection);
  index = selected != GTK_INVALID_LIST_POSITION && selected >= self->n_heads
          ? (int) (selected - self->n_heads) + delta : 0;
  index = CLAMP (index, 0, n - 1);

  gtk_single_selection_set_selected (self->selection, index + self->n_heads);
  /* Kept in sight; the keyboard stays in the entry. */
  gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u",
                              index + self->n_heads);
}

/**
 * cg_search_page_focus_results:
 *
 * Moves the keyboard to the selected result (the first when none is).
 *
 * Returns: whether there was a result to move to
 */
gboolean
cg_search_page_focus_results (CgSearchPage *self)
{
  guint position;

  g_return_val_if_fail (CG_IS_SEARCH_PAGE (self), FALSE);

  if (self->selection == NULL || self->results == NULL || g_list_model_get_n_items (self->results) == 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->results_view)))
    return FALSE;

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION || position < self->n_heads)
    position = self->n_heads;
  gtk_single_selection_set_selected (self->selection, position);

  /* The view gives the keyboard to the cell it last scrolled to. */
  gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u", position);

  return gtk_widget_grab_focus (GTK_WIDGET (self->results_view));
}

/**
 * cg_search_page_activate_selected:
 *
 * Opens the selected result, as Enter does.
 *
 * Returns: whether there was one
 */
gboolean
cg_search_page_activate_selected (CgSearchPage *self)
{
  CgSearchResult *result;

  g_return_val_if_fail (CG_IS_SEARCH_PAGE (self), FALSE);

  result = cg_search_page_get_selected (self);
  if (result == NULL)
    return FALSE;

  g_signal_emit (self, signals[RESULT_ACTIVATED], 0, result);

  return TRUE;
}

/**
 * cg_search_page_copy_selected_answer:
 *
 * Copies the selected result as text, as its "Copy answer" button does:
 * the title, then the answer (or the article).
 *
 * Returns: whether there was a result to copy
 */
gboolean
cg_search_page_copy_selected_answer (CgSearchPage *self)
{
  CgSearchResult *result;

  g_return_val_if_fail (CG_IS_SEARCH_PAGE (self), FALSE);

  result = cg_search_page_get_selected (self);
  if (result == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.copy-item", "s",
                                     cg_search_result_get_id (result));
}

/**
 * cg_search_page_get_answer_view:
 *
 * The view that shows the answer above the results, so that the window
 * can give it its text scale (large in the kiosk).
 *
 * Returns: (transfer none): the answer's document view
 */
CgDocumentView *
cg_search_page_get_answer_view (CgSearchPage *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_PAGE (self), NULL);

  return self->answer_view;
}

/**
 * cg_search_page_get_answer:
 *
 * Returns: (transfer none) (nullable): the FAQ entry whose answer is
 *   shown above the results, or %NULL when none is
 */
CgItem *
cg_search_page_get_answer (CgSearchPage *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_PAGE (self), NULL);

  return gtk_widget_get_visible (self->answer_box) ? first_faq_entry (self->results) : NULL;
}
