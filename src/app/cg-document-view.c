/* cg-document-view.c
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-document-image.h"
#include "cg-document-view.h"
#include "cg-image-viewer.h"

/* A read-only, selectable text view of one article or answer. It follows
 * links (click, or Tab to a link and Enter), keeps the renderer's colours
 * in step with the style (light, dark, high contrast) and highlights the
 * matches of find in page.
 *
 * Links do not know the window: an item id goes to the "win.show-item"
 * action, an address to "win.open-uri". */

typedef struct
{
  int start;
  int end;
} Match;

struct _CgDocumentView
{
  GtkTextView     parent_instance;

  CgTextRenderer *renderer;
  CgItem         *item;
  CgTextPalette   palette;
  gboolean        has_palette;
  gboolean        over_link;

  GArray         *matches;  /* of Match, as character offsets */
  int             current_match;
  guint           scroll_tick_id;  /* to the first search hit, once laid out */
  guint           resize_tick_id;  /* to measure the text again, see size_allocate */
  int             remeasured_height;
};

G_DEFINE_FINAL_TYPE (CgDocumentView, cg_document_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_TEXT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_document_view_update_palette (CgDocumentView *self)
{
  CgTextPalette palette;

  cg_text_palette_init_from_widget (&palette, GTK_WIDGET (self));

  /* Restyling a tag lays the whole text out again: only on a real change. */
  if (self->has_palette && memcmp (&palette, &self->palette, sizeof palette) == 0)
    return;

  self->palette = palette;
  self->has_palette = TRUE;
  cg_text_renderer_set_palette (self->renderer, &palette);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
get_iter_at_widget_point (CgDocumentView *self,
                          double          x,
                          double          y,
                          GtkTextIter    *iter)
{
  int buffer_x, buffer_y;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);

  return gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), iter, buffer_x, buffer_y);
}

static void
motion_motion_cb (CgDocumentView           *self,
                  double                    x,
                  double                    y,
                  GtkEventControllerMotion *controller)
{
  GtkTextIter iter;
  gboolean over_link;

  over_link = get_iter_at_widget_point (self, x, y, &iter) &&
              cg_text_renderer_get_link_at (self->renderer, &iter, NULL) != NULL;

  if (over_link == self->over_link)
    return;

  self->over_link = over_link;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over_link ? "pointer" : "text");
}

static void
motion_enter_cb (CgDocumentView           *self,
                 double                    x,
                 double                    y,
                 GtkEventControllerMotion *controller)
{
  motion_motion_cb (self, x, y, controller);
}

static void
click_released_cb (CgDocumentView  *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end, iter;

  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;

  /* Selecting the words of a link must not follow it. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  if (get_iter_at_widget_point (self, x, y, &iter))
    cg_document_view_activate_link_at (self, &iter);
}

/* The view does not scroll itself: it sits in a page with other widgets,
 * inside the page's scrolled window. */
static void
scroll_to_iter (CgDocumentView    *self,
                const GtkTextIter *iter)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadjustment;
  GdkRectangle area;
  double x, y, page, margin;

  if (scroller == NULL)
    return;

  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), iter, &area);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         area.x, area.y, &area.x, &area.y);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self), scroller, area.x, area.y, &x, &y))
    return;

  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  page = gtk_adjustment_get_page_size (vadjustment);
  margin = MIN (page / 4, 3 * area.height);

  if (y < margin)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + y - margin);
  else if (y + area.height > page - margin)
    gtk_adjustment_set_value (vadjustment,
                              gtk_adjustment_get_value (vadjustment) + y + area.height - page + margin);
}

/* Tab moves from link to link, and out of the text after the last one,
 * as in a web browser. The link is selected, so that it shows where the
 * keyboard is and Enter follows it. */
static gboolean
focus_next_link (CgDocumentView   *self,
                 GtkDirectionType  direction)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter, sel_start, sel_end, start, end;
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;

  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  iter = forward ? sel_end : sel_start;

  while (forward ? gtk_text_iter_forward_char (&iter) : gtk_text_iter_backward_char (&iter))
    {
      if (gtk_text_iter_is_end (&iter))
        break;

      if (!cg_text_renderer_get_link_bounds (self->renderer, &iter, &start, &end))
        continue;

      if (gtk_text_iter_equal (&start, &sel_start) && gtk_text_iter_equal (&end, &sel_end))
        continue;

      gtk_text_buffer_select_range (buffer, &start, &end);
      scroll_to_iter (self, &start);
      return TRUE;
    }

  return FALSE;
}

static gboolean
key_pressed_cb (CgDocumentView        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  state &= gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (state != 0)
        return FALSE;
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      return cg_document_view_activate_link_at (self, &iter);

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      if (state != 0)
        return FALSE;
      return focus_next_link (self, GTK_DIR_TAB_FORWARD);

    case GDK_KEY_ISO_Left_Tab:
      return focus_next_link (self, GTK_DIR_TAB_BACKWARD);

    default:
      return FALSE;
    }
}

static void
cg_document_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  CgDocumentView *self = CG_DOCUMENT_VIEW (widget);

  GTK_WIDGET_CLASS (cg_document_view_parent_class)->css_changed (widget, change);

  /* Dark, light and high contrast swap the stylesheet: the colours of
   * the text tags are read again from the new one. */
  cg_document_view_update_palette (self);
}

/* Notes: a tinted block with rounded corners behind each, edge to edge;
 * the note tags' margins keep the words off its edges. */
static void
cg_document_view_snapshot_layer (GtkTextView      *view,
                                 GtkTextViewLayer  layer,
                                 GtkSnapshot      *snapshot)
{
  CgDocumentView *self = CG_DOCUMENT_VIEW (view);
  static const struct { const char *tag; CgNoteKind kind; } notes[] = {
    { "note-info", CG_NOTE_INFO }, { "note-warning", CG_NOTE_WARNING }, { "note-call", CG_NOTE_CALL },
  };
  const CgTextPalette *palette = cg_text_renderer_get_palette (self->renderer);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  GtkTextTag *after_note = gtk_text_tag_table_lookup (table, "note-after-note");
  int gap = 0;

  g_object_get (gtk_text_tag_table_lookup (table, "after-note"), "pixels-above-lines", &gap, NULL);

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT && palette != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
        {
          GtkTextTag *tag = gtk_text_tag_table_lookup (table, notes[i].tag);
          GtkTextIter start;

          gtk_text_buffer_get_start_iter (buffer, &start);
          do
            {
              GtkTextIter end = start;
              int top, top_height, bottom, bottom_height;
              graphene_rect_t rect;
              GskRoundedRect rounded;

              if (!gtk_text_iter_starts_tag (&start, tag))
                continue;

              gtk_text_iter_forward_to_tag_toggle (&end, tag);
              gtk_text_view_get_line_yrange (view, &start, &top, &top_height);
              gtk_text_view_get_line_yrange (view, &end, &bottom, &bottom_height);

              /* The space above a note that follows another is outside it. */
              if (gtk_text_iter_has_tag (&start, after_note))
                top += gap;

              graphene_rect_init (&rect, 0, top, width, bottom + bottom_height - top);
              gsk_rounded_rect_init_from_rect (&rounded, &rect, 8);
              gtk_snapshot_push_rounded_clip (snapshot, &rounded);
              gtk_snapshot_append_color (snapshot, &palette->note_bg[notes[i].kind], &rect);
              gtk_snapshot_pop (snapshot);

              start = end;
            }
          while (gtk_text_iter_forward_to_tag_toggle (&start, tag));
        }
    }

  if (GTK_TEXT_VIEW_CLASS (cg_document_view_parent_class)->snapshot_layer != NULL)
    GTK_TEXT_VIEW_CLASS (cg_document_view_parent_class)->snapshot_layer (view, layer, snapshot);
}

static void
cg_document_view_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cg_document_view_parent_class)->realize (widget);

  cg_document_view_update_palette (CG_DOCUMENT_VIEW (widget));
}

static void
clear_matches (CgDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "find-match", &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "find-current", &start, &end);
  g_array_set_size (self->matches, 0);
  self->current_match = -1;

  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
}

static void
cg_document_view_dispose (GObject *object)
{
  CgDocumentView *self = CG_DOCUMENT_VIEW (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (cg_document_view_parent_class)->dispose (object);
}

static void
cg_document_view_finalize (GObject *object)
{
  CgDocumentView *self = CG_DOCUMENT_VIEW (object);

  g_clear_object (&self->renderer);
  g_clear_pointer (&self->matches, g_array_unref);

  G_OBJECT_CLASS (cg_document_view_parent_class)->finalize (object);
}

static void
cg_document_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CgDocumentView *self = CG_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_TEXT_SCALE:
      g_value_set_double (value, cg_document_view_get_text_scale (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_document_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CgDocumentView *self = CG_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT_SCALE:
      cg_document_view_set_text_scale (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A picture is never wider than the text: tell each the width there is
 * before the text is laid out at the new size. A text view is at least as
 * wide as its widest child, so a picture as wide as the text would hold
 * the window at its size: leaving a sixteenth free lets the window shrink,
 * and the pictures follow it, a step each frame. */
static void
image_open_cb (CgDocumentImage *image,
               CgDocumentView  *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *viewer;

  viewer = cg_image_viewer_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                cg_document_image_get_path (image),
                                cg_document_image_get_alt (image),
                                cg_document_image_get_caption (image),
                                cg_document_image_get_legend (image));
  gtk_window_present (GTK_WINDOW (viewer));
}

/* The pictures the renderer put in the text open larger in a viewer. */
static void
connect_images (CgDocumentView *self)
{
  GPtrArray *images = cg_text_renderer_get_images (self->renderer);

  for (guint i = 0; i < images->len; i++)
    {
      g_autofree GtkWidget **widgets = NULL;
      guint n_widgets;

      widgets = gtk_text_child_anchor_get_widgets (g_ptr_array_index (images, i), &n_widgets);
      for (guint j = 0; j < n_widgets; j++)
        if (CG_IS_DOCUMENT_IMAGE (widgets[j]) &&
            g_object_get_data (G_OBJECT (widgets[j]), "cg-opens-viewer") == NULL)
          {
            g_signal_connect_object (widgets[j], "open", G_CALLBACK (image_open_cb), self, 0);
            g_object_set_data (G_OBJECT (widgets[j]), "cg-opens-viewer", GINT_TO_POINTER (TRUE));
          }
    }
}

/* GtkTextView 4.8 asks for the text's height plus the height of its
 * tallest embedded widget, as if that widget stood beside the text and
 * not in it: an article with a picture ended in a blank as tall as the
 * picture before "Related". The pictures are the only widgets the
 * renderer embeds, and their height is in the text's already. */
static void
cg_document_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CgDocumentView *self = CG_DOCUMENT_VIEW (widget);
  GPtrArray *images = cg_text_renderer_get_images (self->renderer);
  int tallest_minimum = 0, tallest_natural = 0;

  GTK_WIDGET_CLASS (cg_document_view_parent_class)->measure (widget, orientation, for_size,
                                                             minimum, natural,
                                                             minimum_baseline, natural_baseline);
  if (orientation != GTK_ORIENTATION_VERTICAL)
    return;

  for (guint i = 0; i < images->len; i++)
    {
      g_autofree GtkWidget **widgets = NULL;
      guint n_widgets;

      widgets = gtk_text_child_anchor_get_widgets (g_ptr_array_index (images, i), &n_widgets);
      for (guint j = 0; j < n_widgets; j++)
        {
          int child_minimum = 0, child_natural = 0;

          if (gtk_widget_get_parent (widgets[j]) != widget)
            continue;
          gtk_widget_measure (widgets[j], orientation, for_size, &child_minimum, &child_natural, NULL, NULL);
          tallest_minimum = MAX (tallest_minimum, child_minimum);
          tallest_natural = MAX (tallest_natural, child_natural);
        }
    }

  *minimum = MAX (*minimum - tallest_minimum, 0);
  *natural = MAX (*natural - tallest_natural, *minimum);
}

/* From the top of the first line to the bottom of the last one, as laid
 * out now. */
static int
get_text_height (CgDocumentView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter end;
  int y, height;

  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
  gtk_text_view_get_line_yrange (view, &end, &y, &height);

  return y + height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
}

static gboolean
resize_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  CG_DOCUMENT_VIEW (widget)->resize_tick_id = 0;
  gtk_widget_queue_resize (widget);

  return G_SOURCE_REMOVE;
}

static void
cg_document_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  CgDocumentView *self = CG_DOCUMENT_VIEW (widget);
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  GPtrArray *images = cg_text_renderer_get_images (self->renderer);
  int available = width - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);

  available -= MAX (available / 16, 8);

  for (guint i = 0; i < images->len; i++)
    {
      g_autofree GtkWidget **widgets = NULL;
      guint n_widgets;

      widgets = gtk_text_child_anchor_get_widgets (g_ptr_array_index (images, i), &n_widgets);
      for (guint j = 0; j < n_widgets; j++)
        if (CG_IS_DOCUMENT_IMAGE (widgets[j]))
          cg_document_image_set_available_width (CG_DOCUMENT_IMAGE (widgets[j]), MAX (available, 1));
    }

  GTK_WIDGET_CLASS (cg_document_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* A picture takes its width only here, and the text is laid out again
   * around its new height after the text view was measured: its height
   * would stay that of the picture's old size. Measure once more, once
   * for each height, so that a text that does not settle cannot keep
   * the page busy. */
  if (images->len > 0 && self->resize_tick_id == 0)
    {
      int text_height = get_text_height (self);

      if (text_height != height && text_height != self->remeasured_height)
        {
          self->remeasured_height = text_height;
          self->resize_tick_id = gtk_widget_add_tick_callback (widget, resize_tick_cb, NULL, NULL);
        }
    }
}

static void
cg_document_view_class_init (CgDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = cg_document_view_dispose;
  object_class->finalize = cg_document_view_finalize;
  object_class->get_property = cg_document_view_get_property;
  object_class->set_property = cg_document_view_set_property;

  widget_class->css_changed = cg_document_view_css_changed;
  widget_class->realize = cg_document_view_realize;
  widget_class->measure = cg_document_view_measure;
  widget_class->size_allocate = cg_document_view_size_allocate;

  text_view_class->snapshot_layer = cg_document_view_snapshot_layer;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CG_TYPE_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         0.25, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
cg_document_view_init (CgDocumentView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->renderer = cg_text_renderer_new (gtk_text_view_get_buffer (view));
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));
  self->current_match = -1;

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self), "document");

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (motion_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_motion_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
cg_document_view_new (void)
{
  return g_object_new (CG_TYPE_DOCUMENT_VIEW, NULL);
}

/**
 * cg_document_view_show_item:
 * @related: (nullable): see cg_text_renderer_render()
 */
void
cg_document_view_show_item (CgDocumentView *self,
                            CgItem         *item,
                            GListModel     *related,
                            CgRenderFlags   flags)
{
  g_return_if_fail (CG_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (CG_IS_ITEM (item));

  clear_matches (self);
  self->remeasured_height = 0;
  cg_text_renderer_render (self->renderer, item, related, flags);
  cg_text_renderer_attach_widgets (self->renderer, GTK_TEXT_VIEW (self));
  connect_images (self);

  /* A screen reader announces the text by what it is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_item_get_title (item),
                                  -1);

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

CgItem *
cg_document_view_get_item (CgDocumentView *self)
{
  g_return_val_if_fail (CG_IS_DOCUMENT_VIEW (self), NULL);

  return self->item;
}

CgTextRenderer *
cg_document_view_get_renderer (CgDocumentView *self)
{
  g_return_val_if_fail (CG_IS_DOCUMENT_VIEW (self), NULL);

  return self->renderer;
}

double
cg_document_view_get_text_scale (CgDocumentView *self)
{
  g_return_val_if_fail (CG_IS_DOCUMENT_VIEW (self), 1.0);

  return cg_text_renderer_get_text_scale (self->renderer);
}

void
cg_document_view_set_text_scale (CgDocumentView *self,
                                 double          text_scale)
{
  double old_scale;

  g_return_if_fail (CG_IS_DOCUMENT_VIEW (self));

  /* The renderer keeps the scale within its bounds: a value past them
   * asked for twice changes nothing the second time. */
  old_scale = cg_text_renderer_get_text_scale (self->renderer);
  cg_text_renderer_set_text_scale (self->renderer, text_scale);
  if (!G_APPROX_VALUE (cg_text_renderer_get_text_scale (self->renderer), old_scale, 0.001))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

/**
 * cg_document_view_activate_link_at:
 *
 * Follows the link at @iter, if there is one.
 *
 * Returns: whether there was a link
 */
gboolean
cg_document_view_activate_link_at (CgDocumentView    *self,
                                   const GtkTextIter *iter)
{
  const char *target;
  gboolean external = FALSE;

  g_return_val_if_fail (CG_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  target = cg_text_renderer_get_link_at (self->renderer, iter, &external);
  if (target == NULL)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self),
                              external ? "win.open-uri" : "win.show-item",
                              "s", target);

  return TRUE;
}

/**
 * cg_document_view_find:
 *
 * Highlights every place where @text occurs, ignoring case.
 *
 * Returns: the number of matches
 */
guint
cg_document_view_find (CgDocumentView *self,
                       const char     *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter, match_start, match_end;

  g_return_val_if_fail (CG_IS_DOCUMENT_VIEW (self), 0);

  clear_matches (self);

  if (text == NULL || text[0] == '\0')
    return 0;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_start_iter (buffer, &iter);

  while (gtk_text_iter_forward_search (&iter, text,
                                       GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                       &match_start, &match_end, NULL))
    {
      Match match = { gtk_text_iter_get_offset (&match_start), gtk_text_iter_get_offset (&match_end) };

      if (match.end <= match.start)
        break;

      g_array_append_val (self->matches, match);
      gtk_text_buffer_apply_tag_by_name (buffer, "find-match", &match_start, &match_end);
      iter = match_end;
    }

  return self->matches->len;
}

guint
cg_document_view_get_n_matches (CgDocumentView *self)
{
  g_return_val_if_fail (CG_IS_DOCUMENT_VIEW (self), 0);

  return self->matches->len;
}

/**
 * cg_document_view_get_current_match:
 *
 * Returns: the index of the match shown as current, or -1
 */
int
cg_document_view_get_current_match (CgDocumentView *self)
{
  g_return_val_if_fail (CG_IS_DOCUMENT_VIEW (self), -1);

  return self->current_match;
}

void
cg_document_view_select_match (CgDocumentView *self,
                               guint           index)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const Match *match;

  g_return_if_fail (CG_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (index < self->matches->len);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "find-current", &start, &end);

  match = &g_array_index (self->matches, Match, index);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, match->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, match->end);
  gtk_text_buffer_apply_tag_by_name (buffer, "find-current", &start, &end);

  self->current_match = index;
  scroll_to_iter (self, &start);
}

/* A page that has just opened has no layout yet to scroll by: wait until
 * the view has a size, and one frame more for its text to be laid out. */
static gboolean
scroll_to_first_match_tick_cb (GtkWidget     *widget,
                               GdkFrameClock *clock,
                               gpointer       user_data)
{
  CgDocumentView *self = CG_DOCUMENT_VIEW (widget);
  guint *frames = user_data;

  if (gtk_widget_get_height (widget) <= 0 || ++*frames < 2)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  if (self->matches->len > 0)
    cg_document_view_select_match (self, 0);

  return G_SOURCE_REMOVE;
}

/**
 * cg_document_view_highlight:
 * @text: the text of the whole buffer, as gtk_text_buffer_get_slice()
 *   gives it with the hidden and embedded characters
 * @ranges: (element-type CgSearchRange): byte ranges into @text, in order
 *
 * Highlights the words a search found, as find in page highlights its
 * matches (cg_document_view_find() with %NULL clears them), and scrolls to
 * the first one.
 *
 * Returns: the number of ranges highlighted
 */
guint
cg_document_view_highlight (CgDocumentView *self,
                            const char     *text,
                            GArray         *ranges)
{
  GtkTextBuffer *buffer;
  gsize length;

  g_return_val_if_fail (CG_IS_DOCUMENT_VIEW (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  clear_matches (self);

  if (ranges == NULL || ranges->len == 0)
    return 0;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  length = strlen (text);

  for (guint i = 0; i < ranges->len; i++)
    {
      const CgSearchRange *range = &g_array_index (ranges, CgSearchRange, i);
      GtkTextIter start, end;
      Match match;

      if (range->end > length || range->start >= range->end)
        continue;

      match.start = (int) g_utf8_pointer_to_offset (text, text + range->start);
      match.end = (int) g_utf8_pointer_to_offset (text, text + range->end);
      g_array_append_val (self->matches, match);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, match.start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, match.end);
      gtk_text_buffer_apply_tag_by_name (buffer, "find-match", &start, &end);
    }

  if (self->matches->len > 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                         scroll_to_first_match_tick_cb,
                                                         g_new0 (guint, 1), g_free);

  return self->matches->len;
}

/* reading aloud (F15) */

/**
 * cg_document_view_get_speech_script:
 *
 * Returns: (transfer full): what reading the view aloud says: its own
 *   text, so that what is heard is what is shown
 */
CgSpeechScript *
cg_document_view_get_speech_script (CgDocumentView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CG_IS_DOCUMENT_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  /* A slice keeps U+FFFC where icons and pictures are, so that offsets
   * stay those of the buffer. */
  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);

  return cg_speech_script_new (text);
}

/**
 * cg_document_view_set_spoken_range:
 * @start: the first character of the word being said, or -1 for none
 *
 * Lights the word being said, in the colours of the current find match
 * (they follow the dark and high-contrast styles), and keeps it in view.
 */
void
cg_document_view_set_spoken_range (CgDocumentView *self,
                                   int             start,
                                   int             end)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter iter, limit;

  g_return_if_fail (CG_IS_DOCUMENT_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "spoken");
  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, "spoken", NULL);
  if (self->has_palette)
    g_object_set (tag,
                  "background-rgba", &self->palette.current_bg,
                  "foreground-rgba", &self->palette.current_fg,
                  NULL);

  gtk_text_buffer_get_bounds (buffer, &iter, &limit);
  gtk_text_buffer_remove_tag (buffer, tag, &iter, &limit);

  if (start < 0 || end <= start)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &limit, end);
  gtk_text_buffer_apply_tag (buffer, tag, &iter, &limit);
  scroll_to_iter (self, &iter);
}

/**
 * cg_document_view_get_spoken_range:
 *
 * Returns: whether a word is lit, and where
 */
gboolean
cg_document_view_get_spoken_range (CgDocumentView *self,
                                   int            *start,
                                   int            *end)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter iter;

  g_return_val_if_fail (CG_IS_DOCUMENT_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "spoken");
  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (tag == NULL || (!gtk_text_iter_starts_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag)))
    return FALSE;

  if (start != NULL)
    *start = gtk_text_iter_get_offset (&iter);
  gtk_text_iter_forward_to_tag_toggle (&iter, tag);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&iter);

  return TRUE;
}
