#include "app/main_window.hpp"

#include <QCloseEvent>
#include <QCompleter>
#include <QDockWidget>
#include <QFileInfo>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QShowEvent>
#include <QStackedWidget>
#include <QStringListModel>
#include <QUrl>
#include <QVBoxLayout>

#include "app/attack_panel.hpp"
#include "app/charts_panel.hpp"
#include "app/compare_actions.hpp"
#include "app/controls_panel.hpp"
#include "app/defence_actions.hpp"
#include "app/edit_actions.hpp"
#include "app/event_log_panel.hpp"
#include "app/export_actions.hpp"
#include "app/file_actions.hpp"
#include "app/inspector_panel.hpp"
#include "app/layers_panel.hpp"
#include "app/live_readout.hpp"
#include "app/run_actions.hpp"
#include "app/run_settings.hpp"
#include "app/scenario_events_panel.hpp"
#include "app/timeline_widget.hpp"
#include "app/trace_actions.hpp"
#include "app/user_messages.hpp"
#include "canvas/map_view.hpp"
#include "canvas/network_scene.hpp"
#include "canvas/network_view.hpp"
#include "controllers/asset_search.hpp"
#include "models/runs_model.hpp"

namespace blackstart::gui {

namespace {

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

  messages_ = new UserMessages(this, options_.interactive);
  scene_ = new NetworkScene(this);
  view_ = new NetworkView(scene_, this);
  timeline_ = new TimelineWidget(this);
  live_readout_ = new LiveReadout(this);
  auto* central = new QWidget(this);
  auto* central_layout = new QVBoxLayout(central);
  central_layout->setContentsMargins(0, 0, 0, 0);
  central_layout->setSpacing(0);
  map_ = new MapView(this);
  views_ = new QStackedWidget(this);
  views_->addWidget(view_);
  views_->addWidget(map_);
  central_layout->addWidget(views_, 1);
  central_layout->addWidget(live_readout_);
  central_layout->addWidget(timeline_);
  setCentralWidget(central);

  // The controllers that carry out the user's intent; the actions call them.
  files_ = new FileActions(&document_, messages_, options_.use_settings, this);
  run_settings_ = new RunSettings(this);
  edits_ = new EditActions(&document_, &state_, messages_, this);
  build_actions();
  build_docks();
  compare_ = new CompareActions(&state_, runs_, this);
  compare_->attach_runs_view(runs_view_);
  runs_actions_ = new RunActions(&document_, &state_, run_settings_, runs_, messages_, this);
  runs_actions_->set_cancel_action(action(QStringLiteral("actionCancel")));
  defences_ = new DefenceActions(&document_, run_settings_, runs_actions_, messages_, this);
  exports_ = new ExportActions({&document_, &state_, scene_, charts_, runs_}, messages_, this);
  trace_ = new TraceActions(
      {&state_, scene_, inspector_, scenario_events_, [this](ElementIndex e) { select_element(e, true); },
       [this] {
         if (auto* dock = findChild<QDockWidget*>(QStringLiteral("scenarioDock"))) dock->raise();
       },
       attack_,
       [this] {
         if (auto* dock = findChild<QDockWidget*>(QStringLiteral("attackDock"))) {
           dock->show();
           dock->raise();
         }
       }},
      this);
  build_toolbars();
  build_menus();
  follow_state();

  resize(1500, 950);
  default_state_ = saveState();
  restore_settings();
  refresh_title();
  messages_->set_status(tr("Open a scenario (Ctrl+O) or drop a .yaml file here."));
}

MainWindow::~MainWindow() = default;

//! The document feeds the view state; every view follows the state; user intent on a view comes
//! back here as a selection.
void MainWindow::follow_state() {
  connect(&document_, &ScenarioDocument::opened, this, [this] {
    state_.open_scenario(document_.scenario());
    raise_attack_docks(!document_.scenario()->campaign.empty());
    view_->fit_all();
    refresh_find_list();
    refresh_title();
  });
  connect(&document_, &ScenarioDocument::eventsChanged, this, [this] {
    state_.edit_scenario(document_.scenario());
    refresh_title();
  });
  connect(&document_, &ScenarioDocument::dirtyChanged, this, [this] { refresh_title(); });
  connect(&document_, &ScenarioDocument::pathChanged, this, [this] { refresh_title(); });

  scene_->follow(&state_);
  map_->follow(&state_);
  connect(map_, &MapView::assetSelected, this, [this](ElementIndex e) { select_element(e, false); });
  connect(map_, &MapView::problem, this, [this](const QString& text) {
    messages_->log(text, true);
    messages_->set_status(text);
  });
  timeline_->follow(&state_);
  live_readout_->follow(&state_);
  live_readout_->add_button(action(QStringLiteral("actionFullHorizon")));
  // The toggle shows whether the whole horizon is in view, however it got there.
  auto* full_horizon = action(QStringLiteral("actionFullHorizon"));
  auto show_zoom = [this, full_horizon] {
    full_horizon->setEnabled(state_.run() != nullptr);
    full_horizon->setChecked(state_.run() && state_.whole_horizon_shown());
  };
  connect(&state_, &ViewState::timeWindowChanged, this, show_zoom);
  connect(&state_, &ViewState::scenarioOpened, this, show_zoom);
  inspector_->follow(&state_);
  charts_->follow(&state_);
  attack_->follow(&state_);
  controls_->follow(&state_);
  event_log_->follow(&state_);
  scenario_events_->follow(&state_);
  layers_->follow(&state_);
  run_settings_->follow(&state_);

  connect(scene_, &NetworkScene::assetSelected, this, [this](ElementIndex e) { select_element(e, false); });
  connect(scene_, &NetworkScene::assetActivated, this, [this](ElementIndex e) { select_element(e, true); });
  connect(scene_, &NetworkScene::assetContextMenuRequested, this, &MainWindow::show_context_menu);
  connect(inspector_, &InspectorPanel::elementActivated, this,
          [this](ElementIndex e) { select_element(e, true); });
  connect(event_log_, &EventLogPanel::elementActivated, this,
          [this](ElementIndex e) { select_element(e, true); });
  connect(attack_, &AttackPanel::elementActivated, this, [this](ElementIndex e) { select_element(e, true); });
  connect(scenario_events_, &ScenarioEventsPanel::editRequested, this, &MainWindow::edit_event);
  // A refused switch puts the box back as the file has it.
  connect(controls_, &ControlsPanel::controlToggled, this, [this](const QString& name, bool on) {
    if (!defences_->set_control_enabled(name, on)) controls_->set_scenario(state_.scenario());
  });
  connect(controls_, &ControlsPanel::responseToggled, this, [this](const QString& name, bool on) {
    if (!defences_->set_response_enabled(name, on)) controls_->set_scenario(state_.scenario());
  });
}

QAction* MainWindow::action(const QString& object_name) const {
  return findChild<QAction*>(object_name);
}

// ------------------------------------------------------------------- the controllers, for callers

bool MainWindow::open_path(const QString& path) {
  return files_->open_path(path);
}
bool MainWindow::save() {
  return files_->save();
}
bool MainWindow::save_as(const QString& path) {
  return files_->save_as(path);
}
void MainWindow::run_now() {
  runs_actions_->run_now();
}
void MainWindow::run_what_if() {
  runs_actions_->run_what_if();
}
bool MainWindow::wait_for_runs(int timeout_ms) {
  return runs_actions_->wait_for_runs(timeout_ms);
}
RunController* MainWindow::run_controller() const {
  return runs_actions_->controller();
}
EventDialog* MainWindow::request_attack(ElementIndex element, model::Action action_kind) {
  return edits_->request_attack(element, action_kind);
}
EventDialog* MainWindow::edit_event(int row) {
  return edits_->edit_event(row);
}
bool MainWindow::add_event(const model::Event& event) {
  return edits_->add_event(event);
}
bool MainWindow::replace_event(int row, const model::Event& event) {
  return edits_->replace_event(row, event);
}
bool MainWindow::remove_event(int row) {
  return edits_->remove_event(row);
}
void MainWindow::set_time(double t_min) {
  state_.set_time(t_min);
}
double MainWindow::time() const {
  return state_.time();
}
EventLogModel* MainWindow::event_log() const {
  return event_log_->model();
}
QTableView* MainWindow::event_log_view() const {
  return event_log_->view();
}
QTableView* MainWindow::scenario_events_view() const {
  return scenario_events_->view();
}
QMessageBox* MainWindow::error_dialog() const {
  return messages_->error_dialog();
}
QPlainTextEdit* MainWindow::message_log() const {
  return messages_->log_widget();
}
SeedSpinBox* MainWindow::seed_box() const {
  return run_settings_->seed_box();
}
QLineEdit* MainWindow::horizon_edit() const {
  return run_settings_->horizon_edit();
}
const QList<QAction*>& MainWindow::mitigation_actions() const {
  return run_settings_->mitigation_actions();
}

void MainWindow::show_map(bool on) {
  views_->setCurrentWidget(on ? static_cast<QWidget*>(map_) : view_);
  if (auto* toggle = action(QStringLiteral("actionMapView")); toggle && toggle->isChecked() != on)
    toggle->setChecked(on);
}
bool MainWindow::map_shown() const {
  return views_->currentWidget() == map_;
}

// ------------------------------------------------------------------------------------ selection

void MainWindow::select_element(ElementIndex element, bool focus) {
  if (!state_.select(element) || element == model::kNoElement) return;
  if (auto* dock = findChild<QDockWidget*>(QStringLiteral("inspectorDock"))) dock->raise();
  if (focus) view_->focus_on(element);
  messages_->set_status(QString::fromStdString(state_.scenario()->network.element(element).id));
}

void MainWindow::refresh_find_list() {
  static_cast<QStringListModel*>(find_->completer()->model())
      ->setStringList(search_entries(state_.scenario()->network));
}

void MainWindow::find_asset() {
  const auto& scenario = state_.scenario();
  const QString text = find_->text().trimmed();
  if (!scenario || text.isEmpty()) return;
  const auto found = find_element(scenario->network, text);
  if (!found) {
    messages_->set_status(tr("No asset matches '%1'").arg(text));
    return;
  }
  select_element(*found, true);
}

// ------------------------------------------------------------------------------- window itself

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

void MainWindow::restore_settings() {
  if (!options_.use_settings) return;
  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
  docks_sized_ = restoreState(settings.value(QStringLiteral("windowState")).toByteArray());
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

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (docks_sized_) return;
  docks_sized_ = true;
  size_docks_to_window();  // the size it is shown at, not the one it was built at
}

void MainWindow::resizeEvent(QResizeEvent* event) {
  QMainWindow::resizeEvent(event);
  fit_toolbar();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!files_->maybe_save()) {
    event->ignore();
    return;
  }
  timeline_->pause();
  runs_actions_->cancel();
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

}  // namespace blackstart::gui
