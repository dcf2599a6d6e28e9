// The window's commands: every QAction (with its shortcut and tooltip), the menus and the toolbar
// that show them, and the canvas context menu. The actions only call the controllers.
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStringListModel>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include "app/attack_actions.hpp"
#include "app/defence_actions.hpp"
#include "app/edit_actions.hpp"
#include "app/event_dialog.hpp"
#include "app/export_actions.hpp"
#include "app/file_actions.hpp"
#include "app/help_dialogs.hpp"
#include "app/layers_panel.hpp"
#include "app/main_window.hpp"
#include "app/make_action.hpp"
#include "app/run_actions.hpp"
#include "app/run_settings.hpp"
#include "app/scenario_events_panel.hpp"
#include "app/seed_spin_box.hpp"
#include "app/timeline_widget.hpp"
#include "app/trace_actions.hpp"
#include "app/undo_action.hpp"
#include "canvas/map_view.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/network_view.hpp"

namespace blackstart::gui {

void MainWindow::build_actions() {
  auto add = [this](const QString& name, const QString& text, const QKeySequence& key, const QString& tip,
                    auto slot) {
    auto* a = make_action(this, name, text, key, tip);
    connect(a, &QAction::triggered, this, slot);
    addAction(a);  // shortcuts work even when menus are hidden
    return a;
  };
  add(QStringLiteral("actionOpen"), tr("&Open…"), QKeySequence::Open, tr("Open a scenario file"), [this] {
    files_->open_dialog();
  })->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
  add(QStringLiteral("actionSave"), tr("&Save"), QKeySequence::Save, tr("Save the scenario"), [this] {
    files_->save();
  })->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
  // Explicit: QKeySequence::SaveAs is empty on desktops without a platform key scheme.
  add(QStringLiteral("actionSaveAs"), tr("Save &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
      tr("Save the scenario to a new file"), [this] { files_->save_as_dialog(); });
  add(QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit, tr("Quit Blackstart"),
      [this] { close(); });
  add(QStringLiteral("actionRun"), tr("&Run"), QKeySequence(Qt::CTRL | Qt::Key_R),
      tr("Run the scenario with the seed, horizon and mitigations in the toolbar"), [this] { run_now(); })
      ->setIcon(QIcon(QStringLiteral(":/icons/run.svg")));
  add(QStringLiteral("actionWhatIf"), tr("Run &what-if set"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
      tr("Run the baseline and each mitigation separately, and compare them"), [this] { run_what_if(); })
      ->setIcon(QIcon(QStringLiteral(":/icons/whatif.svg")));
  auto* cancel = add(QStringLiteral("actionCancel"), tr("&Cancel run"), QKeySequence(Qt::Key_Escape),
                     tr("Stop the running simulation"), [this] { runs_actions_->cancel(); });
  cancel->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
  cancel->setEnabled(false);
  add(QStringLiteral("actionRankControls"), tr("Ran&k controls…"), QKeySequence(),
      tr("Rank the campaign's controls by the impact each avoids, and the best sets of 1..K"),
      [this] { defences_->rank_controls(); });
  add(QStringLiteral("actionPlay"), tr("&Play / pause"), QKeySequence(Qt::Key_Space), tr("Play the cascade"),
      [this] { timeline_->toggle_play(); });
  add(QStringLiteral("actionStepForward"), tr("Step &forward"), QKeySequence(Qt::CTRL | Qt::Key_Right),
      tr("Jump to the next change"), [this] { timeline_->step_forward(); });
  add(QStringLiteral("actionStepBack"), tr("Step &back"), QKeySequence(Qt::CTRL | Qt::Key_Left),
      tr("Jump to the previous change"), [this] { timeline_->step_back(); });
  add(QStringLiteral("actionStart"), tr("Go to &start"), QKeySequence(Qt::CTRL | Qt::Key_Home), tr("Time 0"),
      [this] { set_time(0); });
  add(QStringLiteral("actionWorst"), tr("Go to &worst impact"), QKeySequence(Qt::CTRL | Qt::Key_W),
      tr("The time at which service is lowest"), [this] {
        if (state_.run()) set_time(state_.run()->summary.time_of_worst_impact_min);
      });
  auto* full_horizon =
      add(QStringLiteral("actionFullHorizon"), tr("&Full horizon"), QKeySequence(Qt::CTRL | Qt::Key_H),
          tr("Show the whole horizon on the time slider and the charts; again: back to the "
             "active period"),
          [this](bool on) { on ? state_.show_whole_horizon() : state_.show_active_period(); });
  full_horizon->setCheckable(true);
  full_horizon->setEnabled(false);
  add(QStringLiteral("actionEnd"), tr("Go to &end"), QKeySequence(Qt::CTRL | Qt::Key_End), tr("The horizon"),
      [this] { set_time(state_.horizon()); });
  add(QStringLiteral("actionFit"), tr("&Fit to window"), QKeySequence(Qt::CTRL | Qt::Key_0),
      tr("Show the whole network"), [this] { map_shown() ? map_->fit_all() : view_->fit_all(); })
      ->setIcon(QIcon(QStringLiteral(":/icons/fit.svg")));
  add(QStringLiteral("actionZoomIn"), tr("Zoom &in"), QKeySequence::ZoomIn, tr("Zoom in"),
      [this] { map_shown() ? map_->zoom_by(1.25) : view_->zoom_by(1.25); });
  add(QStringLiteral("actionZoomOut"), tr("Zoom &out"), QKeySequence::ZoomOut, tr("Zoom out"),
      [this] { map_shown() ? map_->zoom_by(0.8) : view_->zoom_by(0.8); });
  auto* map_view = add(QStringLiteral("actionMapView"), tr("&Map view"), QKeySequence(Qt::CTRL | Qt::Key_M),
                       tr("Show the network on a map (Web Mercator) instead of the schematic canvas"),
                       [this](bool on) { show_map(on); });
  map_view->setCheckable(true);
  map_view->setIcon(QIcon(QStringLiteral(":/icons/map.svg")));
  auto* stacked =
      add(QStringLiteral("actionStacked"), tr("&Stacked layers"), QKeySequence(Qt::CTRL | Qt::Key_L),
          tr("Draw energy, transport and cyber as planes stacked in depth"), [this](bool on) {
            scene_->set_mode(on ? NetworkScene::Mode::Stacked : NetworkScene::Mode::Flat);
            view_->fit_all();
          });
  stacked->setCheckable(true);
  stacked->setIcon(QIcon(QStringLiteral(":/icons/stacked.svg")));
  auto* deps = add(QStringLiteral("actionDependencies"), tr("&Dependencies"),
                   QKeySequence(Qt::CTRL | Qt::Key_D), tr("Show the dependency arrows between assets"),
                   [this](bool on) { scene_->set_dependencies_visible(on); });
  deps->setCheckable(true);
  deps->setChecked(true);
  auto* labels =
      add(QStringLiteral("actionLabels"), tr("&Labels"), QKeySequence(Qt::CTRL | Qt::Key_B),
          tr("Show asset ids when zoomed in"), [this](bool on) { scene_->set_labels_visible(on); });
  labels->setCheckable(true);
  labels->setChecked(true);
  add(QStringLiteral("actionFind"), tr("&Find asset…"), QKeySequence::Find, tr("Find an asset by id or name"),
      [this] {
        find_->setFocus();
        find_->selectAll();
      });
  add(QStringLiteral("actionAddEvent"), tr("&Add event…"), QKeySequence(Qt::CTRL | Qt::Key_E),
      tr("Add an event to the scenario's attack timeline"), [this] {
        // The selected asset's most typical attack (no breaker to open on a trolleybus line).
        const auto& scenario = state_.scenario();
        request_attack(state_.selected(),
                       scenario ? default_attack_for(*scenario, state_.selected()) : model::Action::Trip);
      });
  add(QStringLiteral("actionEditEvent"), tr("&Edit event…"), QKeySequence(),
      tr("Edit the selected scenario event"), [this] { edit_event(scenario_events_->current_row()); });
  add(QStringLiteral("actionRemoveEvent"), tr("&Remove event"), QKeySequence(),
      tr("Remove the selected scenario event"), [this] { remove_event(scenario_events_->current_row()); });
  add(QStringLiteral("actionExportCanvasPng"), tr("Canvas as &PNG…"), QKeySequence(),
      tr("Save the network picture"), [this] { exports_->export_canvas(false); });
  add(QStringLiteral("actionExportCanvasSvg"), tr("Canvas as &SVG…"), QKeySequence(),
      tr("Save the network as a vector drawing"), [this] { exports_->export_canvas(true); });
  add(QStringLiteral("actionExportChartsPng"), tr("Charts as P&NG…"), QKeySequence(), tr("Save the charts"),
      [this] { exports_->export_charts(false); });
  add(QStringLiteral("actionExportChartsSvg"), tr("Charts as S&VG…"), QKeySequence(),
      tr("Save the charts as a vector drawing"), [this] { exports_->export_charts(true); });
  add(QStringLiteral("actionExportRun"), tr("Run &data (CSV/JSON)…"),
      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
      tr("Write summary.json, timeline.csv and events.csv of the current run"),
      [this] { exports_->export_run_data(); });
  add(QStringLiteral("actionExportRuns"), tr("Runs &table (CSV)…"), QKeySequence(),
      tr("Write the comparison table of all kept runs"), [this] { exports_->export_runs_table(); });
  add(QStringLiteral("actionReportPdf"), tr("Report as P&DF…"), QKeySequence(Qt::CTRL | Qt::Key_P),
      tr("One-page report: headline metrics, curves, timeline of events"),
      [this] { exports_->export_report(true); });
  add(QStringLiteral("actionReportHtml"), tr("Report as &HTML…"), QKeySequence(),
      tr("The same report as a web page"), [this] { exports_->export_report(false); });
  add(QStringLiteral("actionPrintReport"), tr("P&rint report…"), QKeySequence(),
      tr("Print the one-page report"), [this] { exports_->print_report(); });
  add(QStringLiteral("actionHelp"), tr("&Guide"), QKeySequence::HelpContents, tr("How to use this window"),
      [this] { show_guide(this); });
  add(QStringLiteral("actionAbout"), tr("&About Blackstart"), QKeySequence(), tr("Version and credits"),
      [this] { show_about(this); });
  add(QStringLiteral("actionAboutQt"), tr("About &Qt"), QKeySequence(), tr("About the Qt toolkit"),
      [] { QApplication::aboutQt(); });
  add(QStringLiteral("actionResetLayout"), tr("&Reset layout"), QKeySequence(), tr("Put every panel back"),
      [this] {
        restoreState(default_state_);
        for (auto* dock : findChildren<QDockWidget*>()) dock->show();
        size_docks_to_window();
      });
  addAction(new UndoAction(document_.undo_stack(), this));
  auto* redo = document_.undo_stack()->createRedoAction(this, tr("&Redo"));
  redo->setObjectName(QStringLiteral("actionRedo"));
  redo->setShortcut(QKeySequence::Redo);
  addAction(redo);
}

void MainWindow::build_menus() {
  auto* file = menuBar()->addMenu(tr("&File"));
  file->addAction(action(QStringLiteral("actionOpen")));
  file->addMenu(files_->builtin_menu());
  file->addMenu(files_->recent_menu());
  file->addAction(action(QStringLiteral("actionSave")));
  file->addAction(action(QStringLiteral("actionSaveAs")));
  file->addSeparator();
  auto* exports = file->addMenu(tr("&Export"));
  for (const char* name : {"actionExportCanvasPng", "actionExportCanvasSvg", "actionExportChartsPng",
                           "actionExportChartsSvg", "actionExportRun", "actionExportRuns"})
    exports->addAction(action(QString::fromLatin1(name)));
  auto* report = file->addMenu(tr("Re&port"));
  for (const char* name : {"actionReportPdf", "actionReportHtml", "actionPrintReport"})
    report->addAction(action(QString::fromLatin1(name)));
  file->addSeparator();
  file->addAction(action(QStringLiteral("actionQuit")));

  auto* edit = menuBar()->addMenu(tr("&Edit"));
  edit->addAction(action(QStringLiteral("actionUndo")));
  connect(edit, &QMenu::aboutToShow, static_cast<UndoAction*>(action(QStringLiteral("actionUndo"))),
          &UndoAction::refresh);
  edit->addAction(action(QStringLiteral("actionRedo")));
  edit->addSeparator();
  edit->addAction(action(QStringLiteral("actionAddEvent")));
  edit->addAction(action(QStringLiteral("actionEditEvent")));
  edit->addAction(action(QStringLiteral("actionRemoveEvent")));
  edit->addSeparator();
  edit->addAction(action(QStringLiteral("actionFind")));

  auto* view = menuBar()->addMenu(tr("&View"));
  for (const char* name : {"actionFit", "actionZoomIn", "actionZoomOut"})
    view->addAction(action(QString::fromLatin1(name)));
  view->addSeparator();
  view->addAction(action(QStringLiteral("actionMapView")));
  view->addAction(action(QStringLiteral("actionStacked")));
  view->addAction(action(QStringLiteral("actionDependencies")));
  view->addAction(action(QStringLiteral("actionLabels")));
  view->addMenu(layers_->menu());
  view->addAction(action(QStringLiteral("actionCompare")));
  view->addSeparator();
  for (const char* name : {"actionBack", "actionForward", "actionTakenDown", "actionClearTrace"})
    view->addAction(action(QString::fromLatin1(name)));
  view->addSeparator();
  for (auto* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());
  view->addAction(action(QStringLiteral("actionResetLayout")));

  auto* run = menuBar()->addMenu(tr("&Run"));
  run->addAction(action(QStringLiteral("actionRun")));
  run->addAction(action(QStringLiteral("actionWhatIf")));
  run->addAction(action(QStringLiteral("actionCancel")));
  run->addMenu(run_settings_->mitigations_menu());
  run->addAction(action(QStringLiteral("actionRankControls")));
  run->addSeparator();
  for (const char* name : {"actionPlay", "actionStepBack", "actionStepForward", "actionStart", "actionWorst",
                           "actionEnd", "actionFullHorizon"})
    run->addAction(action(QString::fromLatin1(name)));

  auto* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(action(QStringLiteral("actionHelp")));
  help->addAction(action(QStringLiteral("actionAbout")));
  help->addAction(action(QStringLiteral("actionAboutQt")));
}

void MainWindow::build_toolbars() {
  auto* bar = addToolBar(tr("Main"));
  bar->setObjectName(QStringLiteral("mainToolBar"));
  bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  bar->addAction(action(QStringLiteral("actionOpen")));
  bar->addAction(action(QStringLiteral("actionSave")));
  bar->addSeparator();
  bar->addAction(action(QStringLiteral("actionRun")));
  bar->addAction(action(QStringLiteral("actionWhatIf")));
  bar->addWidget(new QLabel(tr(" Seed "), bar));
  bar->addWidget(run_settings_->seed_box());
  bar->addWidget(new QLabel(tr(" Horizon "), bar));
  bar->addWidget(run_settings_->horizon_edit());
  bar->addWidget(run_settings_->mitigations_button());
  bar->addSeparator();
  bar->addAction(action(QStringLiteral("actionFit")));
  bar->addAction(action(QStringLiteral("actionStacked")));
  bar->addAction(action(QStringLiteral("actionMapView")));
  find_ = new QLineEdit(bar);
  find_->setObjectName(QStringLiteral("find"));
  find_->setPlaceholderText(tr("Find asset (Ctrl+F)"));
  find_->setClearButtonEnabled(true);
  find_->setMinimumWidth(140);
  find_->setMaximumWidth(240);
  find_->setToolTip(tr("Type part of an asset id or name (any case) and press Enter"));
  auto* completer = new QCompleter(new QStringListModel(find_), find_);
  completer->setCaseSensitivity(Qt::CaseInsensitive);
  completer->setFilterMode(Qt::MatchContains);
  find_->setCompleter(completer);
  connect(find_, &QLineEdit::returnPressed, this, &MainWindow::find_asset);
  connect(completer, qOverload<const QString&>(&QCompleter::activated), this, [this](const QString& text) {
    find_->setText(text);
    find_asset();
  });
  auto* spacer = new QWidget(bar);
  spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  bar->addWidget(spacer);
  bar->addWidget(find_);
}

void MainWindow::fit_toolbar() {
  auto* bar = findChild<QToolBar*>(QStringLiteral("mainToolBar"));
  if (!bar) return;
  const auto style = width() < 1200 ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon;
  for (const char* name : {"actionFit", "actionStacked", "actionMapView"})
    if (auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(action(QString::fromLatin1(name)))))
      button->setToolButtonStyle(style);
}

void MainWindow::show_context_menu(ElementIndex element, const QPoint& screen_pos) {
  const auto& scenario = state_.scenario();
  if (!scenario) return;
  QMenu menu(this);
  if (element != model::kNoElement) {
    const QString id = QString::fromStdString(scenario->network.element(element).id);
    auto* title = menu.addAction(id);
    title->setEnabled(false);
    menu.addAction(tr("Inspect"), this, [this, element] { select_element(element, false); });
    menu.addAction(trace_->taken_down_action()->text(), this, [this, element] { trace_->trace(element); })
        ->setEnabled(state_.run() != nullptr);
    menu.addAction(tr("Centre here"), this, [this, element] { view_->focus_on(element); });
    auto* attack = menu.addMenu(tr("Attack"));
    for (auto a : attack_actions_for(*scenario, element)) {
      attack->addAction(tr("%1 at…").arg(action_label(a)), this,
                        [this, element, a] { request_attack(element, a); });
    }
    menu.addAction(tr("Restore at…"), this,
                   [this, element] { request_attack(element, model::Action::Restore); });
  } else {
    menu.addAction(action(QStringLiteral("actionAddEvent")));
  }
  menu.addSeparator();
  menu.addAction(action(QStringLiteral("actionFit")));
  menu.addAction(action(QStringLiteral("actionStacked")));
  menu.exec(screen_pos);
}

}  // namespace blackstart::gui
