#include "app/main_window.hpp"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QCompleter>
#include <QDesktopServices>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStatusBar>
#include <QStringListModel>
#include <QStyle>
#include <QTableView>
#include <QTime>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>
#include <iostream>

#include "app/charts_panel.hpp"
#include "app/event_dialog.hpp"
#include "app/export.hpp"
#include "app/inspector_panel.hpp"
#include "app/timeline_widget.hpp"
#include "blackstart/core/duration.hpp"
#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/io/scenario_writer.hpp"
#include "canvas/legend_widget.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/network_view.hpp"
#include "models/event_log_model.hpp"
#include "models/runs_model.hpp"
#include "models/scenario_events_model.hpp"

namespace blackstart::gui {

namespace {

constexpr int kMaxRecent = 8;
const char* const kScenarioFilter =
    QT_TRANSLATE_NOOP("MainWindow", "Scenarios (*.yaml *.yml);;All files (*)");

QString settings_key_recent() {
  return QStringLiteral("recentFiles");
}

QAction* make_action(QObject* parent, const QString& name, const QString& text, const QKeySequence& key,
                     const QString& tip) {
  auto* action = new QAction(text, parent);
  action->setObjectName(name);
  if (!key.isEmpty()) action->setShortcut(key);
  const QString shortcut =
      key.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(key.toString(QKeySequence::NativeText));
  action->setToolTip(tip + shortcut);
  action->setStatusTip(tip);
  return action;
}

bool is_scenario_url(const QUrl& url) {
  if (!url.isLocalFile()) return false;
  const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
  return suffix == QStringLiteral("yaml") || suffix == QStringLiteral("yml");
}

}  // namespace

MainWindow::MainWindow(Options options, QWidget* parent) : QMainWindow(parent), options_(options) {
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/blackstart.svg")));
  setAcceptDrops(true);
  setDockNestingEnabled(true);

  scene_ = new NetworkScene(this);
  view_ = new NetworkView(scene_, this);
  timeline_ = new TimelineWidget(this);
  auto* central = new QWidget(this);
  auto* central_layout = new QVBoxLayout(central);
  central_layout->setContentsMargins(0, 0, 0, 0);
  central_layout->setSpacing(0);
  central_layout->addWidget(view_, 1);
  central_layout->addWidget(timeline_);
  setCentralWidget(central);

  build_actions();
  build_docks();
  build_toolbars();
  build_menus();

  progress_ = new QProgressBar(this);
  progress_->setObjectName(QStringLiteral("runProgress"));
  progress_->setRange(0, 100);
  progress_->setMaximumWidth(220);
  progress_->setVisible(false);
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setObjectName(QStringLiteral("cancelRun"));
  cancel_->setToolTip(tr("Stop the run (Esc)"));
  cancel_->setVisible(false);
  stale_ = new QLabel(tr("Scenario changed since this run: re-run (Ctrl+R)"), this);
  stale_->setStyleSheet(QStringLiteral("color:#8a4b00"));
  stale_->setVisible(false);
  status_ = new QLabel(this);
  statusBar()->addWidget(status_, 1);
  statusBar()->addPermanentWidget(stale_);
  statusBar()->addPermanentWidget(progress_);
  statusBar()->addPermanentWidget(cancel_);
  connect(cancel_, &QPushButton::clicked, &runner_, &RunController::cancel);

  // Document → views.
  connect(&document_, &ScenarioDocument::opened, this, &MainWindow::on_opened);
  connect(&document_, &ScenarioDocument::eventsChanged, this, &MainWindow::on_events_changed);
  connect(&document_, &ScenarioDocument::dirtyChanged, this, [this] { refresh_title(); });
  connect(&document_, &ScenarioDocument::pathChanged, this, [this] { refresh_title(); });

  // Runs.
  connect(&runner_, &RunController::runStarted, this, [this](const QString& label) {
    progress_->setValue(0);
    progress_->setVisible(true);
    cancel_->setVisible(true);
    action(QStringLiteral("actionCancel"))->setEnabled(true);
    status_->setText(tr("Running %1…").arg(label));
  });
  connect(&runner_, &RunController::progressChanged, this,
          [this](double fraction) { progress_->setValue(static_cast<int>(fraction * 100)); });
  connect(&runner_, &RunController::runFinished, this, &MainWindow::on_run_finished);
  connect(&runner_, &RunController::runFailed, this, [this](const QString& label, const QString& message) {
    show_error(tr("Run failed"), tr("Run %1 failed:\n%2").arg(label, message));
  });
  connect(&runner_, &RunController::runCancelled, this,
          [this](const QString& label) { log(tr("Run %1 cancelled.").arg(label)); });
  connect(&runner_, &RunController::idle, this, [this] {
    progress_->setVisible(false);
    cancel_->setVisible(false);
    action(QStringLiteral("actionCancel"))->setEnabled(false);
    status_->setText(current_ ? tr("Showing run %1").arg(current_->label) : QString());
  });

  // Time.
  connect(timeline_, &TimelineWidget::timeChanged, this, [this](double t) {
    if (current_) scene_->set_frame(current_->frame_at(t));
    log_model_->set_time(t);
    charts_->set_time(t);
    inspector_->set_time(t);
    log_view_->scrollToBottom();  // the latest changes up to the chosen time
  });

  // Canvas intent.
  connect(scene_, &NetworkScene::assetSelected, this, [this](ElementIndex e) { select_element(e, false); });
  connect(scene_, &NetworkScene::assetActivated, this, [this](ElementIndex e) { select_element(e, true); });
  connect(scene_, &NetworkScene::assetContextMenuRequested, this, &MainWindow::show_context_menu);
  connect(inspector_, &InspectorPanel::elementActivated, this,
          [this](ElementIndex e) { select_element(e, true); });

  resize(1500, 950);
  default_state_ = saveState();
  restore_settings();
  refresh_title();
  status_->setText(tr("Open a scenario (Ctrl+O) or drop a .yaml file here."));
}

MainWindow::~MainWindow() = default;

QAction* MainWindow::action(const QString& object_name) const {
  return findChild<QAction*>(object_name);
}

// ------------------------------------------------------------------------------------ building

void MainWindow::build_actions() {
  auto add = [this](const QString& name, const QString& text, const QKeySequence& key, const QString& tip,
                    auto slot) {
    auto* a = make_action(this, name, text, key, tip);
    connect(a, &QAction::triggered, this, slot);
    addAction(a);  // shortcuts work even when menus are hidden
    return a;
  };
  add(QStringLiteral("actionOpen"), tr("&Open…"), QKeySequence::Open, tr("Open a scenario file"), [this] {
    open_dialog();
  })->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
  add(QStringLiteral("actionSave"), tr("&Save"), QKeySequence::Save, tr("Save the scenario"), [this] {
    save();
  })->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
  add(QStringLiteral("actionSaveAs"), tr("Save &As…"), QKeySequence::SaveAs,
      tr("Save the scenario to a new file"), [this] { save_as_dialog(); });
  add(QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit, tr("Quit Blackstart"),
      [this] { close(); });
  add(QStringLiteral("actionRun"), tr("&Run"), QKeySequence(Qt::CTRL | Qt::Key_R),
      tr("Run the scenario with the seed, horizon and mitigations in the toolbar"), [this] { run_now(); })
      ->setIcon(QIcon(QStringLiteral(":/icons/run.svg")));
  add(QStringLiteral("actionWhatIf"), tr("Run &what-if set"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
      tr("Run the baseline and each mitigation separately, and compare them"), [this] { run_what_if(); })
      ->setIcon(QIcon(QStringLiteral(":/icons/whatif.svg")));
  auto* cancel = add(QStringLiteral("actionCancel"), tr("&Cancel run"), QKeySequence(Qt::Key_Escape),
                     tr("Stop the running simulation"), [this] { runner_.cancel(); });
  cancel->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
  cancel->setEnabled(false);
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
        if (current_) set_time(current_->summary.time_of_worst_impact_min);
      });
  add(QStringLiteral("actionEnd"), tr("Go to &end"), QKeySequence(Qt::CTRL | Qt::Key_End), tr("The horizon"),
      [this] { set_time(timeline_->horizon()); });
  add(QStringLiteral("actionFit"), tr("&Fit to window"), QKeySequence(Qt::CTRL | Qt::Key_0),
      tr("Show the whole network"), [this] { view_->fit_all(); })
      ->setIcon(QIcon(QStringLiteral(":/icons/fit.svg")));
  add(QStringLiteral("actionZoomIn"), tr("Zoom &in"), QKeySequence::ZoomIn, tr("Zoom in"),
      [this] { view_->zoom_by(1.25); });
  add(QStringLiteral("actionZoomOut"), tr("Zoom &out"), QKeySequence::ZoomOut, tr("Zoom out"),
      [this] { view_->zoom_by(0.8); });
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
  add(QStringLiteral("actionFind"), tr("&Find asset…"), QKeySequence::Find, tr("Find an asset by id"),
      [this] {
        find_->setFocus();
        find_->selectAll();
      });
  add(QStringLiteral("actionAddEvent"), tr("&Add event…"), QKeySequence(Qt::CTRL | Qt::Key_E),
      tr("Add an event to the scenario's attack timeline"), [this] {
        const auto target = scene_->selected();
        request_attack(target, model::Action::OpenBreaker);
      });
  add(QStringLiteral("actionEditEvent"), tr("&Edit event…"), QKeySequence(),
      tr("Edit the selected scenario event"), [this] { edit_selected_event(); });
  add(QStringLiteral("actionRemoveEvent"), tr("&Remove event"), QKeySequence(),
      tr("Remove the selected scenario event"), [this] { remove_selected_event(); });
  add(QStringLiteral("actionExportCanvasPng"), tr("Canvas as &PNG…"), QKeySequence(),
      tr("Save the network picture"), [this] { export_canvas(false); });
  add(QStringLiteral("actionExportCanvasSvg"), tr("Canvas as &SVG…"), QKeySequence(),
      tr("Save the network as a vector drawing"), [this] { export_canvas(true); });
  add(QStringLiteral("actionExportChartsPng"), tr("Charts as P&NG…"), QKeySequence(), tr("Save the charts"),
      [this] { export_charts(false); });
  add(QStringLiteral("actionExportChartsSvg"), tr("Charts as S&VG…"), QKeySequence(),
      tr("Save the charts as a vector drawing"), [this] { export_charts(true); });
  add(QStringLiteral("actionExportRun"), tr("Run &data (CSV/JSON)…"),
      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
      tr("Write summary.json, timeline.csv and events.csv of the current run"),
      [this] { export_run_data_dialog(); });
  add(QStringLiteral("actionExportRuns"), tr("Runs &table (CSV)…"), QKeySequence(),
      tr("Write the comparison table of all kept runs"), [this] { export_runs_table(); });
  add(QStringLiteral("actionReportPdf"), tr("Report as P&DF…"), QKeySequence(Qt::CTRL | Qt::Key_P),
      tr("One-page report: headline metrics, curves, timeline of events"), [this] { export_report(true); });
  add(QStringLiteral("actionReportHtml"), tr("Report as &HTML…"), QKeySequence(),
      tr("The same report as a web page"), [this] { export_report(false); });
  add(QStringLiteral("actionPrintReport"), tr("P&rint report…"), QKeySequence(),
      tr("Print the one-page report"), [this] { print_report_dialog(); });
  add(QStringLiteral("actionHelp"), tr("&Guide"), QKeySequence::HelpContents, tr("How to use this window"),
      [this] { show_help(); });
  add(QStringLiteral("actionAbout"), tr("&About Blackstart"), QKeySequence(), tr("Version and credits"),
      [this] { show_about(); });
  add(QStringLiteral("actionAboutQt"), tr("About &Qt"), QKeySequence(), tr("About the Qt toolkit"),
      [] { QApplication::aboutQt(); });
  add(QStringLiteral("actionResetLayout"), tr("&Reset layout"), QKeySequence(), tr("Put every panel back"),
      [this] {
        restoreState(default_state_);
        for (auto* dock : findChildren<QDockWidget*>()) dock->show();
      });
  auto* undo = document_.undo_stack()->createUndoAction(this, tr("&Undo"));
  undo->setObjectName(QStringLiteral("actionUndo"));
  undo->setShortcut(QKeySequence::Undo);
  addAction(undo);
  auto* redo = document_.undo_stack()->createRedoAction(this, tr("&Redo"));
  redo->setObjectName(QStringLiteral("actionRedo"));
  redo->setShortcut(QKeySequence::Redo);
  addAction(redo);
}

void MainWindow::build_menus() {
  auto* file = menuBar()->addMenu(tr("&File"));
  file->addAction(action(QStringLiteral("actionOpen")));
  auto* builtin = file->addMenu(tr("Open &built-in"));
  for (const auto& b : io::builtin_scenarios()) {
    const QString name = QString::fromStdString(std::string(b.name));
    builtin->addAction(name, this, [this, name] { open_path(name); });
  }
  recent_menu_ = file->addMenu(tr("Open &recent"));
  recent_menu_->setObjectName(QStringLiteral("recentMenu"));
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
  edit->addAction(action(QStringLiteral("actionRedo")));
  edit->addSeparator();
  edit->addAction(action(QStringLiteral("actionAddEvent")));
  edit->addAction(action(QStringLiteral("actionEditEvent")));
  edit->addAction(action(QStringLiteral("actionRemoveEvent")));
  edit->addSeparator();
  edit->addAction(action(QStringLiteral("actionFind")));

  view_menu_ = menuBar()->addMenu(tr("&View"));
  for (const char* name : {"actionFit", "actionZoomIn", "actionZoomOut"})
    view_menu_->addAction(action(QString::fromLatin1(name)));
  view_menu_->addSeparator();
  view_menu_->addAction(action(QStringLiteral("actionStacked")));
  view_menu_->addAction(action(QStringLiteral("actionDependencies")));
  view_menu_->addAction(action(QStringLiteral("actionLabels")));
  layers_menu_ = view_menu_->addMenu(tr("La&yers"));
  view_menu_->addSeparator();
  for (auto* dock : findChildren<QDockWidget*>()) view_menu_->addAction(dock->toggleViewAction());
  view_menu_->addAction(action(QStringLiteral("actionResetLayout")));

  auto* run = menuBar()->addMenu(tr("&Run"));
  run->addAction(action(QStringLiteral("actionRun")));
  run->addAction(action(QStringLiteral("actionWhatIf")));
  run->addAction(action(QStringLiteral("actionCancel")));
  run->addMenu(mitigations_menu_);
  run->addSeparator();
  for (const char* name :
       {"actionPlay", "actionStepBack", "actionStepForward", "actionStart", "actionWorst", "actionEnd"})
    run->addAction(action(QString::fromLatin1(name)));

  auto* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(action(QStringLiteral("actionHelp")));
  help->addAction(action(QStringLiteral("actionAbout")));
  help->addAction(action(QStringLiteral("actionAboutQt")));
  refresh_recent_menu();
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
  seed_ = new QSpinBox(bar);
  seed_->setObjectName(QStringLiteral("seed"));
  seed_->setRange(0, std::numeric_limits<int>::max());
  seed_->setToolTip(tr("Random seed of the run: the same seed gives the same result"));
  bar->addWidget(seed_);
  bar->addWidget(new QLabel(tr(" Horizon "), bar));
  horizon_ = new QLineEdit(bar);
  horizon_->setObjectName(QStringLiteral("horizon"));
  horizon_->setMaximumWidth(70);
  horizon_->setToolTip(tr("How long to simulate: 90min, 12h, 2d"));
  bar->addWidget(horizon_);
  mitigations_menu_ = new QMenu(tr("&Mitigations"), this);
  mitigations_menu_->setObjectName(QStringLiteral("mitigationsMenu"));
  mitigations_menu_->setToolTipsVisible(true);
  mitigations_button_ = new QToolButton(bar);
  mitigations_button_->setObjectName(QStringLiteral("mitigationsButton"));
  mitigations_button_->setText(tr("Mitigations"));
  mitigations_button_->setToolTip(tr("What-if changes to switch on for the next run"));
  mitigations_button_->setMenu(mitigations_menu_);
  mitigations_button_->setPopupMode(QToolButton::InstantPopup);
  bar->addWidget(mitigations_button_);
  bar->addSeparator();
  bar->addAction(action(QStringLiteral("actionFit")));
  bar->addAction(action(QStringLiteral("actionStacked")));
  find_ = new QLineEdit(bar);
  find_->setObjectName(QStringLiteral("find"));
  find_->setPlaceholderText(tr("Find asset (Ctrl+F)"));
  find_->setClearButtonEnabled(true);
  find_->setMaximumWidth(240);
  find_->setToolTip(tr("Type part of an asset id and press Enter"));
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

void MainWindow::build_docks() {
  auto dock = [this](const QString& name, const QString& title, QWidget* widget, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, this);
    d->setObjectName(name);
    d->setWidget(widget);
    addDockWidget(area, d);
    return d;
  };

  // Left: layers and legend.
  auto* layers_panel = new QWidget(this);
  auto* layers_layout = new QVBoxLayout(layers_panel);
  layers_layout->setContentsMargins(6, 4, 6, 4);
  layer_box_ = new QVBoxLayout;
  layers_layout->addLayout(layer_box_);
  layers_layout->addWidget(new LegendWidget(layers_panel));
  layers_layout->addStretch(1);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(layers_panel);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* layers_dock =
      dock(QStringLiteral("layersDock"), tr("Layers and legend"), scroll, Qt::LeftDockWidgetArea);

  // Right: inspector, and the scenario's events (editable) and mitigations.
  inspector_ = new InspectorPanel(this);
  auto* inspector_dock =
      dock(QStringLiteral("inspectorDock"), tr("Inspector"), inspector_, Qt::RightDockWidgetArea);
  auto* scenario_panel = new QWidget(this);
  auto* scenario_layout = new QVBoxLayout(scenario_panel);
  scenario_layout->setContentsMargins(4, 4, 4, 4);
  events_model_ = new ScenarioEventsModel(this);
  events_view_ = new QTableView(scenario_panel);
  events_view_->setObjectName(QStringLiteral("scenarioEvents"));
  events_view_->setModel(events_model_);
  events_view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  events_view_->setSelectionMode(QAbstractItemView::SingleSelection);
  events_view_->verticalHeader()->hide();
  events_view_->horizontalHeader()->setStretchLastSection(true);
  events_view_->setToolTip(
      tr("The attack timeline of the scenario. Double-click to edit; right-click an asset on "
         "the canvas to add an attack on it."));
  connect(events_view_, &QTableView::doubleClicked, this, [this] { edit_selected_event(); });
  scenario_layout->addWidget(events_view_, 1);
  auto* buttons = new QHBoxLayout;
  for (const char* name : {"actionAddEvent", "actionEditEvent", "actionRemoveEvent"}) {
    auto* b = new QToolButton(scenario_panel);
    b->setDefaultAction(action(QString::fromLatin1(name)));
    buttons->addWidget(b);
  }
  buttons->addStretch(1);
  scenario_layout->addLayout(buttons);
  mitigation_text_ = new QLabel(scenario_panel);
  mitigation_text_->setWordWrap(true);
  mitigation_text_->setTextFormat(Qt::RichText);
  scenario_layout->addWidget(mitigation_text_);
  auto* scenario_dock =
      dock(QStringLiteral("scenarioDock"), tr("Scenario events"), scenario_panel, Qt::RightDockWidgetArea);
  tabifyDockWidget(inspector_dock, scenario_dock);
  inspector_dock->raise();

  // Bottom: charts | event log, runs, messages.
  charts_ = new ChartsPanel(this);
  auto* charts_dock = dock(QStringLiteral("chartsDock"), tr("Charts"), charts_, Qt::BottomDockWidgetArea);
  auto* log_panel = new QWidget(this);
  auto* log_layout = new QVBoxLayout(log_panel);
  log_layout->setContentsMargins(2, 2, 2, 2);
  auto* filter = new QLineEdit(log_panel);
  filter->setObjectName(QStringLiteral("logFilter"));
  filter->setPlaceholderText(tr("Filter the log (asset, state, cause…)"));
  filter->setClearButtonEnabled(true);
  log_layout->addWidget(filter);
  log_model_ = new EventLogModel(this);
  log_filter_ = new QSortFilterProxyModel(this);
  log_filter_->setSourceModel(log_model_);
  log_filter_->setFilterKeyColumn(-1);
  log_filter_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  connect(filter, &QLineEdit::textChanged, log_filter_, &QSortFilterProxyModel::setFilterFixedString);
  log_view_ = new QTableView(log_panel);
  log_view_->setObjectName(QStringLiteral("eventLog"));
  log_view_->setModel(log_filter_);
  log_view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  log_view_->setSelectionMode(QAbstractItemView::SingleSelection);
  log_view_->verticalHeader()->hide();
  log_view_->verticalHeader()->setDefaultSectionSize(log_view_->fontMetrics().height() + 4);
  log_view_->horizontalHeader()->setStretchLastSection(true);
  log_view_->setWordWrap(false);
  log_view_->setToolTip(tr("Every change up to the chosen time. Click a row to select that asset."));
  connect(log_view_, &QTableView::clicked, this, [this](const QModelIndex& index) {
    const auto element = static_cast<ElementIndex>(index.data(EventLogModel::ElementRole).toUInt());
    select_element(element, true);
  });
  log_layout->addWidget(log_view_, 1);
  auto* log_dock = dock(QStringLiteral("eventLogDock"), tr("Event log"), log_panel, Qt::BottomDockWidgetArea);
  splitDockWidget(charts_dock, log_dock, Qt::Horizontal);

  runs_ = new RunsModel(this);
  runs_view_ = new QTableView(this);
  runs_view_->setObjectName(QStringLiteral("runsTable"));
  runs_view_->setModel(runs_);
  runs_view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  runs_view_->verticalHeader()->hide();
  runs_view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  runs_view_->setToolTip(
      tr("Runs kept for comparison. Tick to overlay curves; double-click to show a run; Delete "
         "removes it."));
  connect(runs_view_, &QTableView::doubleClicked, this,
          [this](const QModelIndex& index) { show_run(runs_->run(index.row())); });
  auto* remove_run = new QAction(tr("Remove run"), runs_view_);
  remove_run->setShortcut(QKeySequence::Delete);
  remove_run->setShortcutContext(Qt::WidgetShortcut);
  connect(remove_run, &QAction::triggered, this, [this] {
    const auto index = runs_view_->currentIndex();
    if (index.isValid()) runs_->remove_run(index.row());
  });
  runs_view_->addAction(remove_run);
  runs_view_->setContextMenuPolicy(Qt::ActionsContextMenu);
  connect(runs_, &RunsModel::overlayChanged, this, &MainWindow::refresh_charts);
  auto* runs_dock =
      dock(QStringLiteral("runsDock"), tr("Runs (what-if)"), runs_view_, Qt::BottomDockWidgetArea);
  tabifyDockWidget(log_dock, runs_dock);

  messages_ = new QPlainTextEdit(this);
  messages_->setObjectName(QStringLiteral("messages"));
  messages_->setReadOnly(true);
  messages_->setMaximumBlockCount(5000);
  auto* messages_dock =
      dock(QStringLiteral("messagesDock"), tr("Messages"), messages_, Qt::BottomDockWidgetArea);
  tabifyDockWidget(runs_dock, messages_dock);
  log_dock->raise();

  resizeDocks({layers_dock}, {230}, Qt::Horizontal);
  resizeDocks({inspector_dock}, {380}, Qt::Horizontal);
  resizeDocks({charts_dock}, {300}, Qt::Vertical);
  resizeDocks({charts_dock, log_dock}, {620, 480}, Qt::Horizontal);
}

void MainWindow::restore_settings() {
  if (!options_.use_settings) return;
  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("windowState")).toByteArray());
  action(QStringLiteral("actionStacked"))
      ->setChecked(settings.value(QStringLiteral("stacked"), false).toBool());
  scene_->set_mode(action(QStringLiteral("actionStacked"))->isChecked() ? NetworkScene::Mode::Stacked
                                                                        : NetworkScene::Mode::Flat);
}

void MainWindow::save_settings() const {
  if (!options_.use_settings) return;
  QSettings settings;
  settings.setValue(QStringLiteral("geometry"), saveGeometry());
  settings.setValue(QStringLiteral("windowState"), saveState());
  settings.setValue(QStringLiteral("stacked"), action(QStringLiteral("actionStacked"))->isChecked());
}

// ----------------------------------------------------------------------------------- messages

void MainWindow::log(const QString& text, bool error) {
  const QString line =
      QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), text);
  messages_->appendPlainText(line);
  if (!options_.interactive && error) std::cerr << text.toStdString() << '\n';
}

void MainWindow::show_error(const QString& title, const QString& text) {
  log(text, true);
  status_->setText(title);
  if (!options_.interactive) return;
  if (error_dialog_) error_dialog_->deleteLater();
  auto* box = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Ok, this);
  box->setObjectName(QStringLiteral("errorDialog"));
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setWindowModality(Qt::WindowModal);
  error_dialog_ = box;
  box->open();
}

void MainWindow::show_diagnostics(const QString& title, const core::Diagnostics& diagnostics) {
  QStringList lines;
  for (const auto& d : diagnostics.items()) lines << QString::fromStdString(core::format(d));
  for (const auto& line : lines) log(line, true);
  status_->setText(title);
  if (!options_.interactive) return;
  if (error_dialog_) error_dialog_->deleteLater();
  QString first;
  for (const auto& d : diagnostics.items())
    if (d.severity == core::Severity::Error) {
      first = QString::fromStdString(core::format(d));
      break;
    }
  const auto count = diagnostics.error_count();
  auto* box = new QMessageBox(QMessageBox::Critical, title,
                              tr("%n error(s); nothing was changed.", nullptr, static_cast<int>(count)) +
                                  QStringLiteral("\n\n") + first,
                              QMessageBox::Ok, this);
  box->setObjectName(QStringLiteral("errorDialog"));
  box->setDetailedText(lines.join(QLatin1Char('\n')));
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setWindowModality(Qt::WindowModal);
  error_dialog_ = box;
  box->open();
}

// ------------------------------------------------------------------------------------- opening

bool MainWindow::open_path(const QString& path) {
  if (!maybe_save()) return false;
  core::Diagnostics diagnostics;
  bool ok = false;
  QString name = path;
  if (name.startsWith(QStringLiteral("builtin:"))) name = name.mid(8);
  if (QFileInfo::exists(path)) {
    ok = document_.open_file(path, &diagnostics);
  } else {
    bool builtin = false;
    for (const auto& b : io::builtin_scenarios())
      if (QString::fromStdString(std::string(b.name)) == name) builtin = true;
    if (builtin) {
      ok = document_.open_builtin(name, &diagnostics);
    } else {
      diagnostics.error(path.toStdString(), 0, 0, "no such file (and no built-in scenario of that name)");
    }
  }
  if (!ok) {
    show_diagnostics(tr("Cannot open %1").arg(QFileInfo(path).fileName()), diagnostics);
    return false;
  }
  for (const auto& d : diagnostics.items()) log(QString::fromStdString(core::format(d)));
  if (QFileInfo::exists(path)) add_recent(QFileInfo(path).absoluteFilePath());
  if (document_.scenario() && document_.scenario()->classic_model) {
    // Textbook models run on compact graphs outside the simulator: nothing to draw or play here.
    const QString message =
        tr("'%1' runs a textbook cascade model (classic_model), which the window does not draw. "
           "Run it with `blackstart run` or `blackstart sweep`; see docs/classic-models.md.")
            .arg(QString::fromStdString(document_.scenario()->name));
    log(message);
    statusBar()->showMessage(message);
  }
  return true;
}

void MainWindow::open_dialog() {
  QSettings settings;
  const QString dir = settings.value(QStringLiteral("lastDir")).toString();
  const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), dir, tr(kScenarioFilter));
  if (path.isEmpty()) return;
  settings.setValue(QStringLiteral("lastDir"), QFileInfo(path).absolutePath());
  open_path(path);
}

void MainWindow::on_opened() {
  const auto scenario = document_.scenario();
  runner_.cancel();
  current_.reset();
  runs_->clear();
  log_model_->set_run(nullptr);
  timeline_->set_run(nullptr, {});
  scene_->set_frame(nullptr);
  scene_->set_scenario(scenario, false);
  view_->fit_all();
  inspector_->set_scenario(scenario);
  inspector_->set_run(nullptr);
  inspector_->set_element(model::kNoElement);
  events_model_->set_scenario(scenario);
  events_view_->resizeColumnsToContents();
  seed_default_ = scenario->seed;
  seed_->setValue(static_cast<int>(std::min<std::uint64_t>(scenario->seed, std::numeric_limits<int>::max())));
  horizon_->setText(QString::fromStdString(io::duration_to_yaml(scenario->horizon_min)));
  QStringList ids;
  for (const auto& e : scenario->network.elements()) ids << QString::fromStdString(e.id);
  static_cast<QStringListModel*>(find_->completer()->model())->setStringList(ids);
  refresh_layer_toggles();
  refresh_mitigations();
  refresh_charts();
  refresh_title();
  stale_->setVisible(false);
  std::size_t links = 0;
  for (const auto& e : scenario->network.elements()) links += e.is_link ? 1 : 0;
  log(tr("Opened %1: '%2', %3 layers, %4 assets, %5 links, %6 dependencies, %7 events.")
          .arg(document_.display_name(), QString::fromStdString(scenario->name))
          .arg(scenario->network.layers().size())
          .arg(scenario->network.size() - links)
          .arg(links)
          .arg(scenario->network.dependencies().size())
          .arg(scenario->events.size()));
  status_->setText(tr("Opened %1. Run it with Ctrl+R.").arg(document_.display_name()));
}

void MainWindow::on_events_changed() {
  const auto scenario = document_.scenario();
  events_model_->set_scenario(scenario);
  inspector_->set_scenario(scenario);
  refresh_title();
  stale_->setVisible(current_ != nullptr);
}

void MainWindow::refresh_title() {
  const auto scenario = document_.scenario();
  QString title = scenario ? QStringLiteral("%1 — %2[*] — Blackstart")
                                 .arg(QString::fromStdString(scenario->name), document_.display_name())
                           : QStringLiteral("Blackstart");
  setWindowTitle(title);
  setWindowModified(document_.dirty());
  action(QStringLiteral("actionSave"))->setEnabled(scenario != nullptr);
  action(QStringLiteral("actionSaveAs"))->setEnabled(scenario != nullptr);
}

void MainWindow::refresh_layer_toggles() {
  for (auto* check : layer_checks_) check->deleteLater();
  layer_checks_.clear();
  layers_menu_->clear();
  const auto scenario = document_.scenario();
  if (!scenario) return;
  const auto& layers = scenario->network.layers();
  for (std::uint32_t l = 0; l < layers.size(); ++l) {
    const QString name = QString::fromStdString(layers[l].name);
    std::size_t assets = layers[l].assets.size();
    auto* check = new QCheckBox(QStringLiteral("%1 (%2)").arg(name).arg(assets), this);
    check->setObjectName(QStringLiteral("layer_") + name);
    check->setChecked(scene_->layer_visible(l));
    check->setToolTip(tr("Show or hide the %1 layer").arg(name));
    check->setStyleSheet(QStringLiteral("QCheckBox { background: %1; padding: 2px; }")
                             .arg(layer_color(layers[l].kind).name()));
    auto* menu_action = layers_menu_->addAction(name);
    menu_action->setCheckable(true);
    menu_action->setChecked(true);
    connect(check, &QCheckBox::toggled, this, [this, l, menu_action](bool on) {
      scene_->set_layer_visible(l, on);
      menu_action->setChecked(on);
    });
    connect(menu_action, &QAction::toggled, check, &QCheckBox::setChecked);
    layer_box_->addWidget(check);
    layer_checks_ << check;
  }
}

void MainWindow::refresh_mitigations() {
  mitigations_menu_->clear();
  mitigation_actions_.clear();
  const auto scenario = document_.scenario();
  QString text;
  if (scenario)
    for (const auto& m : scenario->mitigations) {
      const QString name = QString::fromStdString(m.name);
      auto* a = mitigations_menu_->addAction(name);
      a->setObjectName(QStringLiteral("mitigation_") + name);
      a->setCheckable(true);
      a->setToolTip(QString::fromStdString(m.description));
      a->setData(name);
      mitigation_actions_ << a;
      text += QStringLiteral("<li><b>%1</b>: %2</li>")
                  .arg(name.toHtmlEscaped(), QString::fromStdString(m.description).toHtmlEscaped());
    }
  mitigations_button_->setEnabled(!mitigation_actions_.isEmpty());
  mitigation_text_->setText(text.isEmpty()
                                ? tr("<i>This scenario defines no mitigations.</i>")
                                : tr("<b>Mitigations</b> (switch on in the toolbar):<ul>%1</ul>").arg(text));
}

void MainWindow::refresh_recent_menu() {
  recent_menu_->clear();
  const QStringList files =
      options_.use_settings ? QSettings().value(settings_key_recent()).toStringList() : QStringList();
  for (const auto& f : files) recent_menu_->addAction(f, this, [this, f] { open_path(f); });
  recent_menu_->setEnabled(!files.isEmpty());
}

void MainWindow::add_recent(const QString& path) {
  if (!options_.use_settings) return;
  QSettings settings;
  QStringList files = settings.value(settings_key_recent()).toStringList();
  files.removeAll(path);
  files.prepend(path);
  while (files.size() > kMaxRecent) files.removeLast();
  settings.setValue(settings_key_recent(), files);
  refresh_recent_menu();
}

// ----------------------------------------------------------------------------------------- runs

sim::RunOptions MainWindow::run_options(bool* ok) {
  sim::RunOptions options;
  *ok = true;
  if (static_cast<std::uint64_t>(seed_->value()) != seed_default_)
    options.seed = static_cast<std::uint64_t>(seed_->value());
  std::string why;
  const auto horizon = core::parse_duration(horizon_->text().toStdString(), &why);
  if (!horizon || horizon->minutes <= 0) {
    show_error(tr("Bad horizon"),
               tr("Horizon: %1").arg(horizon ? tr("must be positive") : QString::fromStdString(why)));
    *ok = false;
    return options;
  }
  if (document_.scenario() && horizon->minutes != document_.scenario()->horizon_min)
    options.until_min = horizon->minutes;
  return options;
}

QString MainWindow::run_label(const std::vector<std::string>& mitigations) const {
  QStringList parts;
  for (const auto& m : mitigations) parts << QString::fromStdString(m);
  QString label = parts.isEmpty() ? tr("baseline") : parts.join(QLatin1Char('+'));
  if (static_cast<std::uint64_t>(seed_->value()) != seed_default_)
    label += tr(" seed %1").arg(seed_->value());
  const auto* scenario = document_.scenario().get();
  if (scenario) {
    const auto until = core::parse_duration(horizon_->text().toStdString());
    if (until && until->minutes != scenario->horizon_min)
      label += tr(" to %1").arg(QString::fromStdString(io::duration_to_yaml(until->minutes)));
  }
  const int edits = document_.edit_count();
  if (edits > 0) label += tr(" · edit %1").arg(edits);
  return label;
}

void MainWindow::run_now() {
  if (!document_.scenario()) {
    show_error(tr("Nothing to run"), tr("Open a scenario first (Ctrl+O)."));
    return;
  }
  bool ok = false;
  const auto options = run_options(&ok);
  if (!ok) return;
  std::vector<std::string> mitigations;
  for (auto* a : mitigation_actions_)
    if (a->isChecked()) mitigations.push_back(a->data().toString().toStdString());
  RunRequest request{run_label(mitigations), document_.scenario(), mitigations, options};
  pending_current_ = request.label;
  log(tr("Run %1 started.").arg(request.label));
  runner_.start(std::move(request));
}

void MainWindow::run_what_if() {
  if (!document_.scenario()) {
    show_error(tr("Nothing to run"), tr("Open a scenario first (Ctrl+O)."));
    return;
  }
  bool ok = false;
  const auto options = run_options(&ok);
  if (!ok) return;
  std::vector<std::vector<std::string>> sets{{}};
  for (const auto& m : document_.scenario()->mitigations) sets.push_back({m.name});
  pending_current_ = run_label({});
  for (auto& set : sets) {
    RunRequest request{run_label(set), document_.scenario(), set, options};
    log(tr("Run %1 queued.").arg(request.label));
    runner_.start(std::move(request));
  }
}

void MainWindow::on_run_finished(const RunPtr& run) {
  if (!document_.scenario() || run->scenario->network.size() != document_.scenario()->network.size()) return;
  const auto& s = run->summary;
  log(tr("Run %1 done in %2 ms: peak %3 customers without power, %4 customer-hours, resilience index %5.")
          .arg(run->label)
          .arg(run->wall_ms, 0, 'f', 1)
          .arg(s.peak_customers_without_power, 0, 'f', 0)
          .arg(s.customer_minutes_interrupted / 60.0, 0, 'f', 0)
          .arg(s.resilience_index, 0, 'f', 4));
  const int row = runs_->add_run(run);
  if (run->label == pending_current_ || !current_) {
    show_run(run);
    runs_->set_current(row);
  } else {
    refresh_charts();
  }
}

void MainWindow::show_run(const RunPtr& run) {
  if (!run) return;
  const bool first = current_ == nullptr;
  current_ = run;
  for (int r = 0; r < runs_->rowCount(); ++r)
    if (runs_->run(r) == run) runs_->set_current(r);
  const double keep = timeline_->time();
  timeline_->set_run(run, QString::fromStdString(run->scenario->start_time));
  log_model_->set_run(run);
  log_view_->setColumnWidth(EventLogModel::Time,
                            log_view_->fontMetrics().horizontalAdvance(QStringLiteral("00h00min")) + 16);
  log_view_->setColumnWidth(
      EventLogModel::Element,
      log_view_->fontMetrics().horizontalAdvance(QStringLiteral("power/kyiv-110-01-load")) + 16);
  log_view_->setColumnWidth(
      EventLogModel::Change,
      log_view_->fontMetrics().horizontalAdvance(QStringLiteral("in_service → under_repair")) + 36);
  log_view_->setColumnWidth(
      EventLogModel::Cause,
      log_view_->fontMetrics().horizontalAdvance(QStringLiteral("monitoring dependency on cyber/pry-gw-01")) +
          16);
  inspector_->set_run(run);
  if (first && keep == 0)
    timeline_->set_time(run->summary.time_of_worst_impact_min);
  else
    timeline_->set_time(std::min(keep, run->result.horizon_min));
  const double t = timeline_->time();
  scene_->set_frame(run->frame_at(t));
  log_model_->set_time(t);
  inspector_->set_time(t);
  refresh_charts();
  stale_->setVisible(false);
  status_->setText(tr("Showing run %1").arg(run->label));
}

void MainWindow::refresh_charts() {
  charts_->set_runs(runs_->overlay(), current_);
  charts_->set_time(timeline_->time());
}

bool MainWindow::wait_for_runs(int timeout_ms) {
  QElapsedTimer timer;
  timer.start();
  while (runner_.busy() || runner_.queued() > 0) {
    if (timer.elapsed() > timeout_ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  QCoreApplication::processEvents();
  return true;
}

void MainWindow::set_time(double t_min) {
  timeline_->set_time(t_min);
}
double MainWindow::time() const {
  return timeline_->time();
}

// ------------------------------------------------------------------------------------ selection

void MainWindow::select_element(ElementIndex element, bool focus) {
  const auto scenario = document_.scenario();
  if (!scenario || (element != model::kNoElement && element >= scenario->network.size())) return;
  scene_->set_selected(element);
  inspector_->set_element(element);
  if (element == model::kNoElement) return;
  if (auto* dock = findChild<QDockWidget*>(QStringLiteral("inspectorDock"))) dock->raise();
  if (focus) view_->focus_on(element);
  status_->setText(QString::fromStdString(scenario->network.element(element).id));
}

void MainWindow::find_asset() {
  const auto scenario = document_.scenario();
  const QString text = find_->text().trimmed();
  if (!scenario || text.isEmpty()) return;
  const auto& net = scenario->network;
  std::optional<ElementIndex> found = net.find(text.toStdString());
  if (!found)
    for (ElementIndex i = 0; i < net.size() && !found; ++i)
      if (QString::fromStdString(net.element(i).id).contains(text, Qt::CaseInsensitive)) found = i;
  if (!found) {
    status_->setText(tr("No asset matches '%1'").arg(text));
    return;
  }
  select_element(*found, true);
}

void MainWindow::show_context_menu(ElementIndex element, const QPoint& screen_pos) {
  const auto scenario = document_.scenario();
  if (!scenario) return;
  QMenu menu(this);
  if (element != model::kNoElement) {
    const QString id = QString::fromStdString(scenario->network.element(element).id);
    auto* title = menu.addAction(id);
    title->setEnabled(false);
    menu.addAction(tr("Inspect"), this, [this, element] { select_element(element, false); });
    menu.addAction(tr("Centre here"), this, [this, element] { view_->focus_on(element); });
    auto* attack = menu.addMenu(tr("Attack"));
    for (auto a : menu_actions()) {
      if (a == model::Action::Restore) continue;
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

// -------------------------------------------------------------------------------------- editing

EventDialog* MainWindow::request_attack(ElementIndex element, model::Action action_kind) {
  const auto scenario = document_.scenario();
  if (!scenario) return nullptr;
  model::Event event;
  event.action = action_kind;
  event.at_min = std::round(timeline_->time());
  event.id = EventDialog::unique_id(*scenario, model::to_string(action_kind));
  if (element != model::kNoElement && element < scenario->network.size()) {
    event.targets = {element};
    event.target_pattern = scenario->network.element(element).id;
  }
  if (action_kind == model::Action::DenyService) event.duration = core::DurationDistribution::fixed(120);
  auto* dialog = new EventDialog(scenario, event, true, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog] { add_event(dialog->event()); });
  dialog->open();
  return dialog;
}

bool MainWindow::add_event(const model::Event& event) {
  const auto scenario = document_.scenario();
  if (!scenario) return false;
  auto events = scenario->events;
  events.push_back(event);
  core::Diagnostics diagnostics;
  if (!document_.set_events(events, tr("add event %1").arg(QString::fromStdString(event.id)), &diagnostics)) {
    show_diagnostics(tr("Event rejected"), diagnostics);
    return false;
  }
  log(tr("Added event %1: %2 %3 at %4.")
          .arg(QString::fromStdString(event.id),
               QString::fromStdString(std::string(model::to_string(event.action))),
               targets_text(event, scenario->network), format_time(event.at_min)));
  return true;
}

bool MainWindow::replace_event(int row, const model::Event& event) {
  const auto scenario = document_.scenario();
  if (!scenario || row < 0 || row >= static_cast<int>(scenario->events.size())) return false;
  auto events = scenario->events;
  events[static_cast<std::size_t>(row)] = event;
  core::Diagnostics diagnostics;
  if (!document_.set_events(events, tr("edit event %1").arg(QString::fromStdString(event.id)),
                            &diagnostics)) {
    show_diagnostics(tr("Event rejected"), diagnostics);
    return false;
  }
  log(tr("Changed event %1.").arg(QString::fromStdString(event.id)));
  return true;
}

bool MainWindow::remove_event(int row) {
  const auto scenario = document_.scenario();
  if (!scenario || row < 0 || row >= static_cast<int>(scenario->events.size())) return false;
  auto events = scenario->events;
  const QString id = QString::fromStdString(events[static_cast<std::size_t>(row)].id);
  events.erase(events.begin() + row);
  core::Diagnostics diagnostics;
  if (!document_.set_events(events, tr("remove event %1").arg(id), &diagnostics)) {
    show_diagnostics(tr("Cannot remove event"), diagnostics);
    return false;
  }
  log(tr("Removed event %1.").arg(id));
  return true;
}

void MainWindow::edit_selected_event() {
  const auto scenario = document_.scenario();
  const auto index = events_view_->currentIndex();
  if (!scenario || !index.isValid()) {
    status_->setText(tr("Select an event in the Scenario events panel first."));
    return;
  }
  const int row = index.row();
  auto* dialog = new EventDialog(scenario, scenario->events[static_cast<std::size_t>(row)], false, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog, row] { replace_event(row, dialog->event()); });
  dialog->open();
}

void MainWindow::remove_selected_event() {
  const auto index = events_view_->currentIndex();
  if (!index.isValid()) {
    status_->setText(tr("Select an event in the Scenario events panel first."));
    return;
  }
  remove_event(index.row());
}

// --------------------------------------------------------------------------------------- saving

bool MainWindow::save() {
  if (!document_.scenario()) return false;
  if (document_.is_builtin()) return save_as_dialog();
  QString error;
  if (!document_.save(&error)) {
    show_error(tr("Save failed"), error);
    return false;
  }
  log(tr("Saved %1.").arg(document_.path()));
  return true;
}

bool MainWindow::save_as(const QString& path) {
  QString error;
  if (!document_.save_as(path, &error)) {
    show_error(tr("Save failed"), error);
    return false;
  }
  add_recent(document_.path());
  log(tr("Saved %1.").arg(document_.path()));
  return true;
}

bool MainWindow::save_as_dialog() {
  if (!document_.scenario()) return false;
  const QString suggestion =
      document_.is_builtin() ? document_.display_name().mid(8) + QStringLiteral(".yaml") : document_.path();
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Save scenario"), suggestion, tr(kScenarioFilter));
  if (path.isEmpty()) return false;
  return save_as(path);
}

bool MainWindow::maybe_save() {
  if (!document_.dirty() || !options_.interactive) return true;
  const auto answer = QMessageBox::warning(
      this, tr("Unsaved changes"),
      tr("The scenario %1 has unsaved changes. Save them?").arg(document_.display_name()),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!maybe_save()) {
    event->ignore();
    return;
  }
  timeline_->pause();
  runner_.cancel();
  save_settings();
  event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const auto* mime = event->mimeData();
  if (mime->hasUrls() && !mime->urls().isEmpty() && is_scenario_url(mime->urls().front()))
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const auto urls = event->mimeData()->urls();
  if (urls.isEmpty() || !is_scenario_url(urls.front())) return;
  event->acceptProposedAction();
  const QString path = urls.front().toLocalFile();
  // Open after the drop returns, so a dialog does not run inside the drag-and-drop loop.
  QMetaObject::invokeMethod(
      this, [this, path] { open_path(path); }, Qt::QueuedConnection);
}

// --------------------------------------------------------------------------------------- export

void MainWindow::export_canvas(bool svg) {
  if (!document_.scenario()) return;
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export canvas"), svg ? QStringLiteral("network.svg") : QStringLiteral("network.png"),
      svg ? tr("SVG (*.svg)") : tr("PNG (*.png)"));
  if (path.isEmpty()) return;
  QString error;
  const bool ok = svg ? export_scene_svg(scene_, path, &error) : export_scene_png(scene_, path, 3000, &error);
  ok ? log(tr("Wrote %1.").arg(path)) : show_error(tr("Export failed"), error);
}

void MainWindow::export_charts(bool svg) {
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export charts"), svg ? QStringLiteral("charts.svg") : QStringLiteral("charts.png"),
      svg ? tr("SVG (*.svg)") : tr("PNG (*.png)"));
  if (path.isEmpty()) return;
  QString error;
  const bool ok =
      svg ? export_widget_svg(charts_, path, &error) : export_widget_png(charts_, path, 2.0, &error);
  ok ? log(tr("Wrote %1.").arg(path)) : show_error(tr("Export failed"), error);
}

void MainWindow::export_run_data_dialog() {
  if (!current_) {
    show_error(tr("No run"), tr("Run the scenario first (Ctrl+R)."));
    return;
  }
  const QString dir =
      QFileDialog::getExistingDirectory(this, tr("Folder for summary.json, timeline.csv, events.csv"));
  if (dir.isEmpty()) return;
  QString error;
  export_run_data(*current_, dir, &error)
      ? log(tr("Wrote summary.json, timeline.csv, events.csv to %1.").arg(dir))
      : show_error(tr("Export failed"), error);
}

void MainWindow::export_runs_table() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export runs table"), QStringLiteral("runs.csv"),
                                                    tr("CSV (*.csv)"));
  if (path.isEmpty()) return;
  QString error;
  write_file(path, runs_->to_csv().toUtf8(), &error) ? log(tr("Wrote %1.").arg(path))
                                                     : show_error(tr("Export failed"), error);
}

namespace {
ReportContent report_content(const RunPtr& run, const QString& file, ChartsPanel* charts,
                             QGraphicsScene* scene, double t) {
  ReportContent content;
  content.run = run;
  content.scenario_file = file;
  content.charts = render_widget(charts, 2.0);
  content.canvas = render_scene(scene, 1400);
  content.canvas_time_min = t;
  return content;
}
}  // namespace

void MainWindow::export_report(bool pdf) {
  if (!current_) {
    show_error(tr("No run"), tr("Run the scenario first (Ctrl+R)."));
    return;
  }
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Save report"), pdf ? QStringLiteral("report.pdf") : QStringLiteral("report.html"),
      pdf ? tr("PDF (*.pdf)") : tr("HTML (*.html)"));
  if (path.isEmpty()) return;
  const auto content = report_content(current_, document_.display_name(), charts_, scene_, timeline_->time());
  QString error;
  const bool ok = pdf ? export_report_pdf(content, path, &error) : export_report_html(content, path, &error);
  ok ? log(tr("Wrote %1.").arg(path)) : show_error(tr("Report failed"), error);
}

void MainWindow::print_report_dialog() {
  if (!current_) {
    show_error(tr("No run"), tr("Run the scenario first (Ctrl+R)."));
    return;
  }
  print_report(report_content(current_, document_.display_name(), charts_, scene_, timeline_->time()), this);
}

// ----------------------------------------------------------------------------------------- help

void MainWindow::show_about() {
  QMessageBox::about(
      this, tr("About Blackstart"),
      tr("<h3>Blackstart %1</h3>"
         "<p>Simulates how attacks and failures cascade through interdependent power, transport and cyber "
         "networks, and how long it takes to get them back.</p>"
         "<p>This window draws the engine's results; every number comes from the same engine as the "
         "<tt>blackstart</tt> command line. Definitions: docs/metrics.md. Rules: docs/models.md.</p>"
         "<p>Colours: Okabe–Ito palette, safe for colour-blind readers.</p>"
         "<p>Built with Qt %2 and Boost.Graph.</p>")
          .arg(QStringLiteral(BLACKSTART_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::show_help() {
  QMessageBox box(
      QMessageBox::Information, tr("Blackstart guide"),
      tr("<p><b>1.</b> Open a scenario (Ctrl+O), a built-in one (File ▸ Open built-in) or drop a "
         ".yaml file on the window.</p>"
         "<p><b>2.</b> Run it (Ctrl+R). Pick seed, horizon and mitigations in the toolbar first; "
         "<i>Run what-if set</i> runs the baseline and each mitigation.</p>"
         "<p><b>3.</b> Drag the time slider or press Space to play the cascade. Colours show each "
         "asset's state at that time.</p>"
         "<p><b>4.</b> Click an asset: the Inspector shows why it is in that state, step by step back "
         "to the attack. Click a step to go there.</p>"
         "<p><b>5.</b> Right-click an asset ▸ Attack to add an event, then run again. Save with "
         "Ctrl+S.</p>"
         "<p>Wheel: zoom · drag: pan · Ctrl+0: fit · Ctrl+L: stacked layers · Ctrl+F: find · "
         "Ctrl+Left/Right: previous/next change · Ctrl+P: PDF report.</p>"
         "<p>More in docs/gui.md.</p>"),
      QMessageBox::Ok, this);
  box.exec();
}

}  // namespace blackstart::gui
