/* cg-article-page.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cg-application.h"
#include "cg-article-page.h"
#include "cg-bidi.h"
#include "cg-item-row.h"
#include "cg-link-dialog.h"
#include "cg-listen-button.h"
#include "cg-print-operation.h"
#include "cg-wrap-box.h"

/* An article, or a question on a page of its own: the rich text at a
 * readable line length, the related items, find in page and printing. */

/* About the line length that is comfortable to read. */
#define LINE_CHARS 70

struct _CgArticlePage
{
  AdwBin          parent_instance;

  CgLibrary      *library;
  CgItem         *item;
  double          char_width;  /* of the text at text scale 1, in pixels */
  char           *searched;    /* what the matches shown are of */
  gboolean        resetting;   /* for another item: the keyboard stays */

  /* Template widgets */
  GtkSearchBar   *find_bar;
  GtkSearchEntry *find_entry;
  GtkLabel       *find_label;
  GtkWidget      *find_previous_button;
  GtkWidget      *find_next_button;
  GtkScrolledWindow *scroller;
  AdwClamp       *clamp;
  CgDocumentView *document_view;
  CgWrapBox      *actions_box;
  GtkWidget      *related_box;
  GtkListBox     *related_list;
};

G_DEFINE_FINAL_TYPE (CgArticlePage, cg_article_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_ITEM,
  PROP_TEXT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The clamp keeps about LINE_CHARS characters to a line, whatever the text
 * size; the margins beside it grow with the window. */
static void
cg_article_page_update_clamp (CgArticlePage *self)
{
  double scale = cg_document_view_get_text_scale (self->document_view);
  double char_width = self->char_width > 0 ? self->char_width : 9.0;
  int width = (int) (LINE_CHARS * char_width * scale) + 36;

  adw_clamp_set_maximum_size (self->clamp, width);
  adw_clamp_set_tightening_threshold (self->clamp, width * 3 / 4);
}

/* The approximate character width of @context's font, in pixels. Pango
 * measures it by shaping a sample text, a millisecond each time a page
 * is shown: it is kept for the last font and language asked for. */
static double
get_char_width (PangoContext *context)
{
  static PangoFontDescription *last_font;
  static PangoLanguage *last_language;
  static double last_width;
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoLanguage *language = pango_context_get_language (context);
  PangoFontMetrics *metrics;

  if (last_font != NULL && last_language == language && pango_font_description_equal (last_font, font))
    return last_width;

  metrics = pango_context_get_metrics (context, NULL, NULL);
  last_width = (double) pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;
  pango_font_metrics_unref (metrics);
  g_clear_pointer (&last_font, pango_font_description_free);
  last_font = pango_font_description_copy (font);
  last_language = language;

  return last_width;
}

static void
document_view_map_cb (CgArticlePage *self,
                      GtkWidget     *view)
{
  double scale = cg_document_view_get_text_scale (self->document_view);

  self->char_width = get_char_width (gtk_widget_get_pango_context (view)) / scale;
  cg_article_page_update_clamp (self);
}

/* The page's text size is its view's: however the view's changes, the
 * page's is said to change, once. */
static void
document_view_notify_text_scale_cb (CgArticlePage *self)
{
  cg_article_page_update_clamp (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

static void
update_find_status (CgArticlePage *self)
{
  guint n = cg_document_view_get_n_matches (self->document_view);
  int current = cg_document_view_get_current_match (self->document_view);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  g_autofree char *status = NULL;

  if (text[0] == '\0')
    status = g_strdup ("");
  else if (n == 0)
    status = g_strdup (_("No matches"));
  else
    /* Translators: find in page: "2 of 5" matches. */
    status = g_strdup_printf (_("%d of %u"), current + 1, n);

  gtk_label_set_label (self->find_label, status);
  gtk_widget_set_sensitive (self->find_previous_button, n > 1);
  gtk_widget_set_sensitive (self->find_next_button, n > 1);
}

static void
find_entry_search_changed_cb (CgArticlePage  *self,
                              GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  guint n = cg_document_view_find (self->document_view, text);

  g_free (self->searched);
  self->searched = g_strdup (text);

  if (n > 0)
    cg_document_view_select_match (self->document_view, 0);

  update_find_status (self);
}

static void
move_match (CgArticlePage *self,
            int            delta)
{
  guint n;
  int current;

  /* Enter right after typing, before the search has run: show the first
   * match rather than skip it. */
  if (g_strcmp0 (self->searched, gtk_editable_get_text (GTK_EDITABLE (self->find_entry))) != 0)
    {
      find_entry_search_changed_cb (self, self->find_entry);
      return;
    }

  n = cg_document_view_get_n_matches (self->document_view);
  current = cg_document_view_get_current_match (self->document_view);

  if (n == 0)
    return;

  /* Round and round, as in every editor. */
  cg_document_view_select_match (self->document_view, (current + delta + (int) n) % (int) n);
  update_find_status (self);
}

static void
find_entry_next_match_cb (CgArticlePage *self)
{
  move_match (self, 1);
}

static void
find_entry_previous_match_cb (CgArticlePage *self)
{
  move_match (self, -1);
}

static void
find_entry_stop_search_cb (CgArticlePage *self,
                           GtkWidget     *source)
{
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
}

static void
find_bar_notify_search_mode_enabled_cb (CgArticlePage *self)
{
  if (gtk_search_bar_get_search_mode (self->find_bar))
    return;

  /* F14: a closed bar is still measured, and at large text it was wider
   * than a phone-width window. */
  gtk_widget_set_visible (GTK_WIDGET (self->find_bar), FALSE);

  /* Closing the bar clears the highlights and gives the text back the
   * keyboard. */
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), "");
  cg_document_view_find (self->document_view, NULL);
  update_find_status (self);
  if (!self->resetting)
    gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

static void
cg_article_page_fill (CgArticlePage *self)
{
  g_autoptr(GListModel) related = cg_library_list_related (self->library, self->item);
  guint n_related = g_list_model_get_n_items (related);

  cg_document_view_show_item (self->document_view, self->item, NULL, CG_RENDER_PAGE);

  for (guint i = 0; i < n_related; i++)
    {
      g_autoptr(CgItem) item = g_list_model_get_item (related, i);

      gtk_list_box_append (self->related_list, cg_item_row_new (item));
    }
  gtk_widget_set_visible (self->related_box, n_related > 0);
}

static void
cg_article_page_constructed (GObject *object)
{
  CgArticlePage *self = CG_ARTICLE_PAGE (object);

  G_OBJECT_CLASS (cg_article_page_parent_class)->constructed (object);

  g_assert (self->library != NULL && self->item != NULL);
  cg_article_page_fill (self);
}

static void
cg_article_page_dispose (GObject *object)
{
  CgArticlePage *self = CG_ARTICLE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_ARTICLE_PAGE);
  g_clear_object (&self->library);
  g_clear_object (&self->item);
  g_clear_pointer (&self->searched, g_free);

  G_OBJECT_CLASS (cg_article_page_parent_class)->dispose (object);
}

static void
cg_article_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CgArticlePage *self = CG_ARTICLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_TEXT_SCALE:
      g_value_set_double (value, cg_document_view_get_text_scale (self->document_view));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_article_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CgArticlePage *self = CG_ARTICLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    case PROP_TEXT_SCALE:
      cg_document_view_set_text_scale (self->document_view, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* take it home (F19): its button sits above the text, but a reader who
 * comes in from the keyboard lands in the text, as before it was there;
 * Shift+Tab reaches the button. An open find bar keeps its place first. */
static gboolean
cg_article_page_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  CgArticlePage *self = CG_ARTICLE_PAGE (widget);

  if (direction == GTK_DIR_TAB_FORWARD && gtk_widget_get_focus_child (widget) == NULL &&
      !gtk_search_bar_get_search_mode (self->find_bar) &&
      gtk_widget_child_focus (GTK_WIDGET (self->document_view), direction))
    return TRUE;

  return GTK_WIDGET_CLASS (cg_article_page_parent_class)->focus (widget, direction);
}

static void
cg_article_page_class_init (CgArticlePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cg_article_page_constructed;
  object_class->dispose = cg_article_page_dispose;
  object_class->get_property = cg_article_page_get_property;
  object_class->set_property = cg_article_page_set_property;
  widget_class->focus = cg_article_page_focus;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CG_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CG_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         0.25, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CG_TYPE_DOCUMENT_VIEW);
  g_type_ensure (CG_TYPE_LISTEN_BUTTON);
  g_type_ensure (CG_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cg-article-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgArticlePage, find_bar);
  gtk_widget_class_bind_template_child (widget_class, CgArticlePage, find_entry);
  gtk_widget_class_bind_template_child (widget_class, CgArticlePage, find_label);
  gtk_widget_class_bind_template_child (widget_class, CgArticlePage, find_previous_button);
  gtk_widget_class_bind_template_child (widget_class, CgArticlePage, find_next_button);
  gtk_widget_class_bind_template_child (widget_class, CgArticlePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CgArticlePage, clamp);
  gtk_widget_class_bind_template_child (widget_class, CgArticlePage, document_view);
  gtk_widget_class_bind_template_child (widget_class, CgArticlePage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, CgArticlePage, related_box);
  gtk_widget_class_bind_template_child (widget_class, CgArticlePage, related_list);
  gtk_widget_class_bind_template_callback (widget_class, find_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_entry_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_entry_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_bar_notify_search_mode_enabled_cb);
}

/* take it home (F19) */
static void
take_home_button_clicked_cb (CgArticlePage *self,
                             GtkButton     *button)
{
  if (self->item != NULL)
    cg_link_dialog_show_take_home (GTK_WIDGET (button), self->item, cg_library_get_clinic (self->library));
}

static void
cg_article_page_init (CgArticlePage *self)
{
  GtkWidget *take_home_button = cg_link_dialog_new_take_home_button (TRUE);

  gtk_widget_init_template (GTK_WIDGET (self));

  cg_wrap_box_append (self->actions_box, take_home_button);
  g_signal_connect_object (take_home_button, "clicked", G_CALLBACK (take_home_button_clicked_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->find_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find in page"),
                                  -1);

  g_signal_connect_object (self->document_view, "map",
                           G_CALLBACK (document_view_map_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_view, "notify::text-scale",
                           G_CALLBACK (document_view_notify_text_scale_cb), self, G_CONNECT_SWAPPED);
  cg_article_page_update_clamp (self);
}

GtkWidget *
cg_article_page_new (CgLibrary *library,
                     CgItem    *item)
{
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (CG_IS_ITEM (item), NULL);

  return g_object_new (CG_TYPE_ARTICLE_PAGE,
                       "library", library,
                       "item", item,
                       NULL);
}

CgItem *
cg_article_page_get_item (CgArticlePage *self)
{
  g_return_val_if_fail (CG_IS_ARTICLE_PAGE (self), NULL);

  return self->item;
}

CgDocumentView *
cg_article_page_get_document_view (CgArticlePage *self)
{
  g_return_val_if_fail (CG_IS_ARTICLE_PAGE (self), NULL);

  return self->document_view;
}

/**
 * cg_article_page_start_find:
 *
 * Opens the find bar with the keyboard in it; when it is open already,
 * selects what it holds, to type a new search over it.
 */
void
cg_article_page_start_find (CgArticlePage *self)
{
  g_return_if_fail (CG_IS_ARTICLE_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->find_bar), TRUE);
  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

gboolean
cg_article_page_get_find_active (CgArticlePage *self)
{
  g_return_val_if_fail (CG_IS_ARTICLE_PAGE (self), FALSE);

  return gtk_search_bar_get_search_mode (self->find_bar);
}

GtkEditable *
cg_article_page_get_find_entry (CgArticlePage *self)
{
  g_return_val_if_fail (CG_IS_ARTICLE_PAGE (self), NULL);

  return GTK_EDITABLE (self->find_entry);
}

/**
 * cg_article_page_get_find_status:
 *
 * Returns: what the find bar says: "2 of 5", "No matches" or nothing
 */
const char *
cg_article_page_get_find_status (CgArticlePage *self)
{
  g_return_val_if_fail (CG_IS_ARTICLE_PAGE (self), NULL);

  return gtk_label_get_label (self->find_label);
}

static gboolean
in_waiting_room (void)
{
  GApplication *application = g_application_get_default ();

  return CG_IS_APPLICATION (application) && cg_application_get_kiosk (CG_APPLICATION (application));
}

static void
print_operation_done_cb (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result,
                         gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      g_warning ("Printing failed: %s", error ? error->message : "unknown error");
    }

  g_object_unref (operation);
}

/**
 * cg_article_page_print:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG to ask the reader, or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT to write a PDF file
 * @export_filename: (nullable): the PDF file, for an export
 *
 * Prints the page's item as a handout. The dialog does not block: the
 * operation finishes on its own.
 *
 * Returns: %FALSE with @error set when the operation could not start or,
 *   for an export, failed
 */
gboolean
cg_article_page_print (CgArticlePage            *self,
                       GtkPrintOperationAction   action,
                       const char               *export_filename,
                       GError                  **error)
{
  g_autoptr(CgPrintOperation) operation = NULL;
  g_autofree char *take_home = NULL;
  g_autofree char *header = NULL;
  CgClinic *clinic;
  GtkRoot *root;
  GtkPrintOperationResult result;

  g_return_val_if_fail (CG_IS_ARTICLE_PAGE (self), FALSE);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL, FALSE);

  clinic = cg_library_get_clinic (self->library);
  /* The handout goes home: the header says whom to call. The number is
   * isolated so that it keeps its digits' order in right-to-left text. */
  if (clinic != NULL && cg_clinic_get_phone (clinic) != NULL)
    {
      g_autofree char *phone = cg_bidi_isolate_field ("phone", cg_clinic_get_phone (clinic));

      header = g_strdup_printf ("%s · %s", cg_clinic_get_name (clinic), phone);
    }
  operation = cg_print_operation_new (self->item, header ? header : clinic ? cg_clinic_get_name (clinic) : NULL);
  take_home = cg_link_dialog_make_take_home_text (self->item, clinic, NULL);
  cg_print_operation_set_take_home (operation, take_home);
  root = gtk_widget_get_root (GTK_WIDGET (self));

  if (action == GTK_PRINT_OPERATION_ACTION_EXPORT)
    {
      gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), export_filename);
      result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), action, NULL, error);

      return result != GTK_PRINT_OPERATION_RESULT_ERROR;
    }

  /* The dialog starts from the reader's last choices, and keeps the new
   * ones once printed. Not in the waiting room, which writes nothing
   * (printing is not offered there). */
  if (!in_waiting_room ())
    {
      g_autofree char *settings_path = cg_print_operation_get_settings_path ();

      cg_print_operation_remember_settings (operation, settings_path);
    }

  /* Asynchronous, "done" always comes, even when the dialog is cancelled:
   * the operation is its to release. */
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_operation_done_cb), NULL);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (g_steal_pointer (&operation)), action,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * cg_article_page_set_item:
 *
 * Shows @item instead, as a new page would: from the top, the find bar
 * closed. Building a page costs more than filling one again.
 */
void
cg_article_page_set_item (CgArticlePage *self,
                          CgItem        *item)
{
  GtkWidget *child;
  gboolean changed;

  g_return_if_fail (CG_IS_ARTICLE_PAGE (self));
  g_return_if_fail (CG_IS_ITEM (item));

  /* The same item too: a new visit, without the last one's highlights,
   * but the property has not changed. */
  changed = g_set_object (&self->item, item);

  self->resetting = TRUE;
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
  self->resetting = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), "");
  g_clear_pointer (&self->searched, g_free);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->related_list))) != NULL)
    gtk_list_box_remove (self->related_list, child);
  cg_article_page_fill (self);
  update_find_status (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
