#pragma once
#include <QMainWindow>

#include "controllers/run_controller.hpp"
#include "controllers/scenario_document.hpp"
#include "controllers/view_state.hpp"

class QLineEdit;
class QMenu;
class QMessageBox;
class QPlainTextEdit;
class QStackedWidget;
class QTableView;

namespace blackstart::gui {

class AttackPanel;
class ChartsPanel;
class CompareActions;
class ControlsPanel;
class DefenceActions;
class EditActions;
class EventDialog;
class EventLogModel;
class EventLogPanel;
class NarrationPanel;
class ExportActions;
class FileActions;
class InspectorPanel;
class LayersPanel;
class NetworkScene;
class NetworkView;
class RunActions;
class RunSettings;
class RunsModel;
class ScenarioEventsPanel;
class SeedSpinBox;
class TimelineWidget;
class TraceActions;
class LiveReadout;
class MapView;
class UserMessages;

//! The Blackstart desktop window: open a scenario, see its network, run it, play the cascade, ask
//! why, compare runs, edit the attack timeline, export. Every figure and state comes from the
//! engine; the window only arranges the views and the controllers that carry out the user's intent
//! (files, run settings, runs, editing, export), and keeps them in step through the ViewState.
//!
//! Where things are: main_window.cpp (assembly, selection, find, window settings),
//! main_window_actions.cpp (actions, menus, toolbar, canvas context menu), main_window_docks.cpp
//! (the panels around the canvas).
class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  struct Options {
    bool use_settings = true;  //!< restore and save window layout, recent files (off for screenshots)
    bool interactive = true;   //!< show dialogs; off: report problems on stderr only
  };
  explicit MainWindow(Options options, QWidget* parent = nullptr);
  MainWindow() : MainWindow(Options{}) {}
  ~MainWindow() override;

  //! Opens a file, or a built-in scenario by name (`ukraine-2015`). A bad file leaves the current
  //! scenario as it was and shows the engine's diagnostics in a dialog and the message log.
  bool open_path(const QString& path);
  //! Runs the open scenario with the toolbar's seed, horizon and mitigations.
  void run_now();
  //! Runs the baseline and each mitigation on its own, for comparison.
  void run_what_if();
  void set_time(double t_min);
  [[nodiscard]] double time() const;
  //! Selects an element everywhere (canvas, inspector); `focus` also centres the canvas on it.
  void select_element(ElementIndex element, bool focus = false);
  //! Edits of the attack timeline, validated by the engine; false (with a message) if rejected.
  bool add_event(const model::Event& event);
  bool replace_event(int row, const model::Event& event);
  bool remove_event(int row);
  bool save();
  bool save_as(const QString& path);
  //! Opens the event dialog for an attack on an element at the current time (as the canvas context
  //! menu does); the event is added when the dialog is accepted.
  EventDialog* request_attack(ElementIndex element, model::Action action);
  //! Opens the event dialog on event `row` of the scenario (as a double-click in its panel does).
  EventDialog* edit_event(int row);
  //! Blocks (processing events) until no run is active or queued, or `timeout_ms` passed.
  bool wait_for_runs(int timeout_ms = 60000);

  [[nodiscard]] ScenarioDocument* document() { return &document_; }
  [[nodiscard]] ViewState* view_state() { return &state_; }
  [[nodiscard]] NetworkScene* scene() const { return scene_; }
  [[nodiscard]] NetworkView* view() const { return view_; }
  [[nodiscard]] ChartsPanel* charts() const { return charts_; }
  [[nodiscard]] AttackPanel* attack_panel() const { return attack_; }
  [[nodiscard]] ControlsPanel* controls_panel() const { return controls_; }
  [[nodiscard]] DefenceActions* defences() const { return defences_; }
  [[nodiscard]] InspectorPanel* inspector() const { return inspector_; }
  [[nodiscard]] TimelineWidget* timeline() const { return timeline_; }
  [[nodiscard]] LiveReadout* live_readout() const { return live_readout_; }
  //! The geographic view in place of the canvas (View > Map view, Ctrl+M), or the canvas again.
  void show_map(bool on);
  [[nodiscard]] bool map_shown() const;
  [[nodiscard]] MapView* map_view() const { return map_; }
  //! "What did this take down?", Back/Forward through selected assets.
  [[nodiscard]] TraceActions* trace() const { return trace_; }
  [[nodiscard]] RunController* run_controller() const;
  [[nodiscard]] RunsModel* runs_model() const { return runs_; }
  //! The side-by-side what-if (compare window) and its actions.
  [[nodiscard]] CompareActions* compare() const { return compare_; }
  [[nodiscard]] EventLogModel* event_log() const;
  [[nodiscard]] QTableView* event_log_view() const;
  [[nodiscard]] NarrationPanel* narration() const { return narration_; }
  [[nodiscard]] QTableView* scenario_events_view() const;
  [[nodiscard]] RunPtr current_run() const { return state_.run(); }
  [[nodiscard]] QMessageBox* error_dialog() const;
  [[nodiscard]] QPlainTextEdit* message_log() const;
  [[nodiscard]] SeedSpinBox* seed_box() const;
  [[nodiscard]] QLineEdit* horizon_edit() const;
  [[nodiscard]] QLineEdit* find_edit() const { return find_; }
  [[nodiscard]] const QList<QAction*>& mitigation_actions() const;
  [[nodiscard]] QAction* action(const QString& object_name) const;

 protected:
  void showEvent(QShowEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  // main_window_actions.cpp
  void build_actions();
  void build_menus();
  void build_toolbars();
  //! On a narrow window the view buttons show only their icons, which leaves room for Find.
  void fit_toolbar();
  void show_context_menu(ElementIndex element, const QPoint& screen_pos);
  // main_window_docks.cpp
  void build_docks();
  //! Panel sizes as shares of the window's size (first show without a saved layout, Reset layout).
  void size_docks_to_window();
  //! Brings the attack view forward for a scenario with a campaign, the charts otherwise.
  void raise_attack_docks(bool campaign);
  // main_window.cpp
  void follow_state();
  void restore_settings();
  void save_settings() const;
  void refresh_title();
  void refresh_find_list();
  void find_asset();

  Options options_;
  ScenarioDocument document_;
  ViewState state_;

  UserMessages* messages_ = nullptr;
  FileActions* files_ = nullptr;
  RunSettings* run_settings_ = nullptr;
  RunActions* runs_actions_ = nullptr;
  EditActions* edits_ = nullptr;
  ExportActions* exports_ = nullptr;
  DefenceActions* defences_ = nullptr;
  TraceActions* trace_ = nullptr;
  CompareActions* compare_ = nullptr;

  NetworkScene* scene_ = nullptr;
  NetworkView* view_ = nullptr;
  MapView* map_ = nullptr;
  QStackedWidget* views_ = nullptr;  // the canvas, or the map
  TimelineWidget* timeline_ = nullptr;
  LiveReadout* live_readout_ = nullptr;
  ChartsPanel* charts_ = nullptr;
  AttackPanel* attack_ = nullptr;
  ControlsPanel* controls_ = nullptr;
  InspectorPanel* inspector_ = nullptr;
  EventLogPanel* event_log_ = nullptr;
  NarrationPanel* narration_ = nullptr;
  RunsModel* runs_ = nullptr;
  QTableView* runs_view_ = nullptr;
  ScenarioEventsPanel* scenario_events_ = nullptr;
  LayersPanel* layers_ = nullptr;
  QLineEdit* find_ = nullptr;
  QByteArray default_state_;
  bool docks_sized_ = false;  // by a saved layout, or on first show
};

}  // namespace blackstart::gui
