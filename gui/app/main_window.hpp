#pragma once
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

#include "blackstart/core/diagnostic.hpp"
#include "controllers/run_controller.hpp"
#include "controllers/scenario_document.hpp"

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QToolButton;
class QVBoxLayout;

namespace blackstart::gui {

class ChartsPanel;
class EventDialog;
class EventLogModel;
class InspectorPanel;
class NetworkScene;
class NetworkView;
class RunsModel;
class ScenarioEventsModel;
class TimelineWidget;

//! The Blackstart desktop window: open a scenario, see its network, run it, play the cascade, ask
//! why, compare runs, edit the attack timeline, export. Every figure and state comes from the
//! engine; the window only arranges views and forwards the user's intent.
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
  //! Blocks (processing events) until no run is active or queued, or `timeout_ms` passed.
  bool wait_for_runs(int timeout_ms = 60000);

  [[nodiscard]] ScenarioDocument* document() { return &document_; }
  [[nodiscard]] NetworkScene* scene() const { return scene_; }
  [[nodiscard]] NetworkView* view() const { return view_; }
  [[nodiscard]] ChartsPanel* charts() const { return charts_; }
  [[nodiscard]] InspectorPanel* inspector() const { return inspector_; }
  [[nodiscard]] TimelineWidget* timeline() const { return timeline_; }
  [[nodiscard]] RunController* run_controller() { return &runner_; }
  [[nodiscard]] RunsModel* runs_model() const { return runs_; }
  [[nodiscard]] EventLogModel* event_log() const { return log_model_; }
  [[nodiscard]] QTableView* event_log_view() const { return log_view_; }
  [[nodiscard]] QTableView* scenario_events_view() const { return events_view_; }
  [[nodiscard]] RunPtr current_run() const { return current_; }
  [[nodiscard]] QMessageBox* error_dialog() const { return error_dialog_; }
  [[nodiscard]] QPlainTextEdit* message_log() const { return messages_; }
  [[nodiscard]] QSpinBox* seed_box() const { return seed_; }
  [[nodiscard]] QLineEdit* horizon_edit() const { return horizon_; }
  [[nodiscard]] QLineEdit* find_edit() const { return find_; }
  [[nodiscard]] const QList<QAction*>& mitigation_actions() const { return mitigation_actions_; }
  [[nodiscard]] QAction* action(const QString& object_name) const;

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void build_actions();
  void build_menus();
  void build_toolbars();
  void build_docks();
  void restore_settings();
  void save_settings() const;

  void on_opened();
  void on_events_changed();
  void on_run_finished(const RunPtr& run);
  void show_run(const RunPtr& run);
  void refresh_charts();
  void refresh_title();
  void refresh_layer_toggles();
  void refresh_mitigations();
  void refresh_recent_menu();
  void add_recent(const QString& path);
  void find_asset();
  void show_context_menu(ElementIndex element, const QPoint& screen_pos);
  void edit_selected_event();
  void remove_selected_event();
  void open_dialog();
  bool save_as_dialog();
  bool maybe_save();
  void export_canvas(bool svg);
  void export_charts(bool svg);
  void export_run_data_dialog();
  void export_runs_table();
  void export_report(bool pdf);
  void print_report_dialog();
  void show_about();
  void show_help();

  void log(const QString& text, bool error = false);
  void show_diagnostics(const QString& title, const core::Diagnostics& diagnostics);
  void show_error(const QString& title, const QString& text);
  [[nodiscard]] QString run_label(const std::vector<std::string>& mitigations) const;
  [[nodiscard]] sim::RunOptions run_options(bool* ok);

  Options options_;
  ScenarioDocument document_;
  RunController runner_;
  RunPtr current_;
  QString pending_current_;  // label of the run that becomes current when it finishes
  std::uint64_t seed_default_ = 1;

  NetworkScene* scene_ = nullptr;
  NetworkView* view_ = nullptr;
  TimelineWidget* timeline_ = nullptr;
  ChartsPanel* charts_ = nullptr;
  InspectorPanel* inspector_ = nullptr;
  EventLogModel* log_model_ = nullptr;
  QSortFilterProxyModel* log_filter_ = nullptr;
  QTableView* log_view_ = nullptr;
  RunsModel* runs_ = nullptr;
  QTableView* runs_view_ = nullptr;
  ScenarioEventsModel* events_model_ = nullptr;
  QTableView* events_view_ = nullptr;
  QPlainTextEdit* messages_ = nullptr;
  QVBoxLayout* layer_box_ = nullptr;
  QList<QCheckBox*> layer_checks_;
  QLabel* mitigation_text_ = nullptr;

  QSpinBox* seed_ = nullptr;
  QLineEdit* horizon_ = nullptr;
  QToolButton* mitigations_button_ = nullptr;
  QMenu* mitigations_menu_ = nullptr;
  QList<QAction*> mitigation_actions_;
  QLineEdit* find_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QLabel* status_ = nullptr;
  QLabel* stale_ = nullptr;
  QMenu* recent_menu_ = nullptr;
  QMenu* layers_menu_ = nullptr;
  QMenu* view_menu_ = nullptr;
  QPointer<QMessageBox> error_dialog_;
  QByteArray default_state_;
};

}  // namespace blackstart::gui
