#include "app/run_actions.hpp"

#include <QAction>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QMainWindow>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <algorithm>

#include "app/run_settings.hpp"
#include "app/user_messages.hpp"
#include "controllers/scenario_document.hpp"
#include "models/runs_model.hpp"

namespace blackstart::gui {

RunActions::RunActions(ScenarioDocument* document, ViewState* state, RunSettings* settings, RunsModel* runs,
                       UserMessages* messages, QMainWindow* window)
    : QObject(window),
      document_(document),
      state_(state),
      settings_(settings),
      runs_(runs),
      messages_(messages) {
  progress_ = new QProgressBar(window);
  progress_->setObjectName(QStringLiteral("runProgress"));
  progress_->setRange(0, 100);
  progress_->setMaximumWidth(220);
  progress_->setVisible(false);
  cancel_ = new QPushButton(tr("Cancel"), window);
  cancel_->setObjectName(QStringLiteral("cancelRun"));
  cancel_->setToolTip(tr("Stop the run (Esc)"));
  cancel_->setVisible(false);
  stale_ = new QLabel(tr("Scenario changed since this run: re-run (Ctrl+R)"), window);
  stale_->setStyleSheet(QStringLiteral("color:#8a4b00"));
  stale_->setVisible(false);
  window->statusBar()->addPermanentWidget(stale_);
  window->statusBar()->addPermanentWidget(progress_);
  window->statusBar()->addPermanentWidget(cancel_);
  connect(cancel_, &QPushButton::clicked, &runner_, &RunController::cancel);

  connect(&runner_, &RunController::runStarted, this, [this](const QString& label) {
    progress_->setValue(0);
    progress_->setVisible(true);
    cancel_->setVisible(true);
    if (cancel_action_) cancel_action_->setEnabled(true);
    messages_->set_status(tr("Running %1…").arg(label));
  });
  connect(&runner_, &RunController::progressChanged, this,
          [this](double fraction) { progress_->setValue(static_cast<int>(fraction * 100)); });
  connect(&runner_, &RunController::runFinished, this, &RunActions::on_finished);
  connect(&runner_, &RunController::runFailed, this, [this](const QString& label, const QString& message) {
    messages_->show_error(tr("Run failed"), tr("Run %1 failed:\n%2").arg(label, message));
  });
  connect(&runner_, &RunController::runCancelled, this,
          [this](const QString& label) { messages_->log(tr("Run %1 cancelled.").arg(label)); });
  connect(&runner_, &RunController::idle, this, [this] {
    progress_->setVisible(false);
    cancel_->setVisible(false);
    if (cancel_action_) cancel_action_->setEnabled(false);
    messages_->set_status(state_->run() ? tr("Showing run %1").arg(state_->run()->label) : QString());
  });

  // A new scenario starts without runs; an edited one makes the shown run stale.
  connect(document_, &ScenarioDocument::opened, this, [this] {
    runner_.cancel();
    runs_->clear();
    stale_->setVisible(false);
  });
  connect(state_, &ViewState::scenarioEdited, this, [this] { stale_->setVisible(state_->run() != nullptr); });
  connect(runs_, &RunsModel::overlayChanged, this, [this] { state_->set_compared(runs_->overlay()); });
}

void RunActions::cancel() {
  runner_.cancel();
}

std::optional<sim::RunOptions> RunActions::options() {
  if (!document_->scenario()) {
    messages_->show_error(tr("Nothing to run"), tr("Open a scenario first (Ctrl+O)."));
    return std::nullopt;
  }
  QString error;
  auto options = settings_->options(&error);
  if (!options) messages_->show_error(tr("Bad horizon"), error);
  return options;
}

void RunActions::run_now() {
  const auto options = this->options();
  if (!options) return;
  const auto mitigations = settings_->chosen_mitigations();
  RunRequest request{settings_->label(mitigations, document_->edit_count()), document_->scenario(),
                     mitigations, *options};
  pending_current_ = request.label;
  messages_->log(tr("Run %1 started.").arg(request.label));
  runner_.start(std::move(request));
}

void RunActions::run_what_if() {
  const auto options = this->options();
  if (!options) return;
  std::vector<std::vector<std::string>> sets{{}};
  for (const auto& m : document_->scenario()->mitigations) sets.push_back({m.name});
  pending_current_ = settings_->label({}, document_->edit_count());
  for (auto& set : sets) {
    RunRequest request{settings_->label(set, document_->edit_count()), document_->scenario(), set, *options};
    messages_->log(tr("Run %1 queued.").arg(request.label));
    runner_.start(std::move(request));
  }
}

void RunActions::on_finished(const RunPtr& run) {
  // A run of a scenario closed meanwhile has nothing to show.
  if (!document_->scenario() || run->scenario->network.size() != document_->scenario()->network.size())
    return;
  const auto& s = run->summary;
  messages_->log(
      tr("Run %1 done in %2 ms: peak %3 customers without power, %4 customer-hours, resilience index %5.")
          .arg(run->label)
          .arg(run->wall_ms, 0, 'f', 1)
          .arg(s.peak_customers_without_power, 0, 'f', 0)
          .arg(s.customer_minutes_interrupted / 60.0, 0, 'f', 0)
          .arg(s.resilience_index, 0, 'f', 4));
  const int row = runs_->add_run(run);
  if (run->label == pending_current_ || !state_->run()) {
    show_run(run);
    runs_->set_current(row);
  }
}

void RunActions::show_run(const RunPtr& run) {
  if (!run) return;
  const bool first = state_->run() == nullptr;
  for (int r = 0; r < runs_->rowCount(); ++r)
    if (runs_->run(r) == run) runs_->set_current(r);
  // The first run opens at its worst moment; later ones keep the time the user chose.
  const double keep = state_->time();
  const double t =
      first && keep == 0 ? run->summary.time_of_worst_impact_min : std::min(keep, run->result.horizon_min);
  state_->show_run(run, t);
  stale_->setVisible(false);
  messages_->set_status(tr("Showing run %1").arg(run->label));
}

bool RunActions::wait_for_runs(int timeout_ms) {
  QElapsedTimer timer;
  timer.start();
  while (runner_.busy() || runner_.queued() > 0) {
    if (timer.elapsed() > timeout_ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  QCoreApplication::processEvents();
  return true;
}

}  // namespace blackstart::gui
