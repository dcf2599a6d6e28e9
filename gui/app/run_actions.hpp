#pragma once
#include <QObject>

#include "controllers/run_controller.hpp"
#include "controllers/view_state.hpp"

class QAction;
class QLabel;
class QMainWindow;
class QProgressBar;
class QPushButton;

namespace blackstart::gui {

class RunSettings;
class RunsModel;
class ScenarioDocument;
class UserMessages;

//! Running the open scenario and handing the results out: starts runs (one, or the what-if set) on
//! the RunController with the RunSettings, shows progress and a Cancel button in the status bar,
//! keeps finished runs in the RunsModel and puts the one to look at into the ViewState, from which
//! every view takes it.
class RunActions : public QObject {
  Q_OBJECT
 public:
  RunActions(ScenarioDocument* document, ViewState* state, RunSettings* settings, RunsModel* runs,
             UserMessages* messages, QMainWindow* window);

  //! Runs the open scenario with the toolbar's seed, horizon and mitigations.
  void run_now();
  //! Runs the baseline and each mitigation on its own, for comparison.
  void run_what_if();
  void cancel();
  //! Makes a kept run the one every view shows.
  void show_run(const RunPtr& run);
  //! Blocks (processing events) until no run is active or queued, or `timeout_ms` passed.
  bool wait_for_runs(int timeout_ms);

  [[nodiscard]] RunController* controller() { return &runner_; }
  //! Enabled while a run is active (its shortcut is Esc).
  void set_cancel_action(QAction* action) { cancel_action_ = action; }

 private:
  [[nodiscard]] std::optional<sim::RunOptions> options();
  void on_finished(const RunPtr& run);

  ScenarioDocument* document_;
  ViewState* state_;
  RunSettings* settings_;
  RunsModel* runs_;
  UserMessages* messages_;
  RunController runner_;
  QString pending_current_;  // label of the run that becomes current when it finishes
  QProgressBar* progress_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QLabel* stale_ = nullptr;
  QAction* cancel_action_ = nullptr;
};

}  // namespace blackstart::gui
