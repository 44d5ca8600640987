/* cg-window-private.h
 *
 * Copyright 2026 The Clinic Guide developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cg-content-watcher.h"
#include "cg-history.h"
#include "cg-kiosk.h"
#include "cg-library.h"
#include "cg-problems-page.h"
#include "cg-search-index.h"
#include "cg-search-page.h"
#include "cg-window.h"

G_BEGIN_DECLS

/* Between the files of CgWindow, one concern each:
 *
 * - cg-window.c: the window, its properties, the sidebar, which page is
 *   shown, and the library;
 * - cg-window-actions.c: the "win." actions, which of them make sense,
 *   and the menu, keys and mouse buttons that lead to them;
 * - cg-window-search.c: the header's search entry and the results page;
 * - cg-window-kiosk.c: the front desk's pins and waiting-room mode;
 * - cg-window-pages.c: the pages of the content stack (which are kept,
 *   which are built ahead, which are destroyed after the frame, and
 *   where each is scrolled), and the same page in another library. */

struct _CgWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  CgContentWatcher     *watcher;  /* the application's content, or NULL */
  CgLibrary            *library;
  CgHistory            *history;
  char                 *page;
  GtkWidget            *home_page;
  GtkWidget            *page_widget;  /* the topic, article or problems page shown */
  GHashTable           *topic_pages;  /* topic id → its page, kept in the stack */
  guint                 prebuild_id;  /* builds the topic pages not yet shown */
  GPtrArray            *retired_pages;  /* pages left, destroyed after the frame */
  GtkWidget            *spare_article_page;  /* the last article page, hidden */
  guint                 retire_id;
  gint64                shown_at;     /* a page asked for, until painted */
  gulong                painted_id;   /* on the frame clock's after-paint */
  guint                 fold_id;      /* F14: one column or two, after an allocation */
  double                text_scale;
  char                 *sidebar_page;  /* the row that shows where the page belongs */
  gboolean              syncing_sidebar;
  GtkWindow            *help_overlay;

  /* search (F5) and live content (F8) */
  CgSearchIndex        *search_index;   /* of the library; built when first needed */
  GtkWidget            *search_page;
  gboolean              searching;      /* the results are shown over the page */
  gboolean              keep_search;    /* the page shown comes from the search */
  gboolean              follows_watcher;
  GMenu                *problems_menu;
  GtkWidget            *problems_page;  /* kept in the stack once shown */
  int                   problems_menu_state;  /* the count it shows; -1 hidden */
  CgKiosk              *kiosk;  /* waiting-room mode, or NULL */
  GBinding             *kiosk_binding;  /* to the application's mode */
  char                 *pending_page;   /* F10: to open when the content comes */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkWidget            *text_size_box;
  GtkStack             *content_stack;
  GtkSpinner           *search_loading_spinner;
  AdwStatusPage        *empty_page;
  GtkWidget            *clinic_panel;  /* kiosk (F7) */
};

/* cg-window.c */
gboolean    cg_window_show_page          (CgWindow   *self,
                                          const char *page,
                                          gboolean    record);
void        cg_window_show_missing       (CgWindow   *self);
gboolean    cg_window_fill               (CgWindow   *self,
                                          CgLibrary  *library);
CgItem     *cg_window_get_item           (CgWindow   *self);
gboolean    cg_window_get_loading        (CgWindow   *self);

/* cg-window-actions.c */
void        cg_window_class_actions_init (CgWindowClass *klass);
void        cg_window_actions_init       (CgWindow      *self);
void        cg_window_copy_answer        (CgWindow      *self);

/* cg-window-kiosk.c */
gboolean    cg_window_get_pinned         (CgWindow   *self);
void        cg_window_set_pinned         (CgWindow   *self,
                                          gboolean    pinned);
void        cg_window_set_kiosk          (CgWindow   *self,
                                          gboolean    kiosk);

/* cg-window-search.c */
void        cg_window_class_search_init  (CgWindowClass *klass);
void        cg_window_search_init        (CgWindow      *self);
void        cg_window_search_set_library (CgWindow      *self,
                                          CgLibrary     *library);
void        cg_window_search_refresh     (CgWindow      *self);
void        cg_window_leave_search       (CgWindow      *self);

/* cg-window-pages.c */
void       cg_window_pages_init              (CgWindow   *self);
void       cg_window_pages_dispose           (CgWindow   *self);
void       cg_window_pages_clear             (CgWindow   *self);
void       cg_window_pages_prebuild_later    (CgWindow   *self);
void       cg_window_pages_reload            (CgWindow   *self,
                                              CgLibrary  *library);
GtkWidget *cg_window_pages_get_topic_page    (CgWindow   *self,
                                              CgTopic    *topic,
                                              gboolean    new_visit);
GtkWidget *cg_window_pages_get_article_page  (CgWindow   *self,
                                              CgItem     *item);
GtkWidget *cg_window_pages_get_problems_page (CgWindow   *self);
void       cg_window_pages_show              (CgWindow   *self,
                                              GtkWidget  *widget);
double     cg_window_page_scroll_fraction    (GtkWidget  *page_widget);
void       cg_window_page_restore_scroll     (GtkWidget  *page_widget,
                                              double      fraction);

/* For tests and benchmarks, which drive the window's own widgets. */
GtkListBox     *cg_window_get_sidebar             (CgWindow *self);
GtkMenuButton  *cg_window_get_primary_menu_button (CgWindow *self);
CgKiosk        *cg_window_get_kiosk_controller    (CgWindow *self);
gboolean        cg_window_stop_search             (CgWindow *self);
GtkSearchEntry *cg_window_get_search_entry        (CgWindow *self);
CgSearchPage   *cg_window_get_search_page         (CgWindow *self);
CgProblemsPage *cg_window_get_problems_page       (CgWindow *self);

G_END_DECLS
