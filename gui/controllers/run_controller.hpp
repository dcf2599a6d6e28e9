#pragma once
#include <QObject>
#include <QThread>
#include <atomic>
#include <deque>
#include <memory>

#include "controllers/run_snapshot.hpp"

namespace blackstart::gui {

//! What to simulate: a validated scenario (shared, never modified), mitigations to apply to a copy,
//! and run options.
struct RunRequest {
  QString label;
  std::shared_ptr<const model::Scenario> scenario;
  std::vector<std::string> mitigations;
  sim::RunOptions options;
};

class RunWorker;

//! Runs simulations on a worker thread, one at a time, in the order requested. Progress arrives
//! through queued signals; a finished run is handed over as an immutable RunPtr.
class RunController : public QObject {
  Q_OBJECT
 public:
  explicit RunController(QObject* parent = nullptr);
  ~RunController() override;

  //! Queues a run; it starts at once if nothing is running.
  void start(RunRequest request);
  //! Stops the current run (its result is dropped) and forgets queued ones.
  void cancel();
  [[nodiscard]] bool busy() const { return running_; }
  [[nodiscard]] std::size_t queued() const { return queue_.size(); }

 signals:
  void runStarted(const QString& label);
  //! 0..1 of the current run's horizon.
  void progressChanged(double fraction);
  void runFinished(const blackstart::gui::RunPtr& run);
  void runFailed(const QString& label, const QString& message);
  void runCancelled(const QString& label);
  //! Nothing running and nothing queued.
  void idle();

 private:
  void start_next();
  void on_done(const RunPtr& run, const QString& label, const QString& error, bool cancelled);

  QThread thread_;
  RunWorker* worker_ = nullptr;  // owned by the thread: deleted on its finished()
  std::deque<RunRequest> queue_;
  std::shared_ptr<std::atomic<bool>> cancel_flag_;
  bool running_ = false;
};

//! Lives on the worker thread; runs the engine and reports back.
class RunWorker : public QObject {
  Q_OBJECT
 public:
  void run(const RunRequest& request, const std::shared_ptr<std::atomic<bool>>& cancel);

 signals:
  void progress(double fraction);
  void done(const blackstart::gui::RunPtr& run, const QString& label, const QString& error, bool cancelled);
};

}  // namespace blackstart::gui
