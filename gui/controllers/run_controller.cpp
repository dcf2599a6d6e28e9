#include "controllers/run_controller.hpp"

#include <QElapsedTimer>
#include <QMetaObject>

namespace blackstart::gui {

namespace {

//! The engine's observer for the GUI: forwards progress as queued signals (at most one per whole
//! percent) and answers the engine's cancellation poll from an atomic flag.
class QueuedObserver final : public sim::Observer {
 public:
  QueuedObserver(RunWorker* worker, std::shared_ptr<std::atomic<bool>> cancel)
      : worker_(worker), cancel_(std::move(cancel)) {}
  void progress(double fraction) override {
    const int percent = static_cast<int>(fraction * 100.0);
    if (percent == last_percent_) return;
    last_percent_ = percent;
    emit worker_->progress(fraction);
  }
  bool cancel_requested() override { return cancel_->load(std::memory_order_relaxed); }

 private:
  RunWorker* worker_;
  std::shared_ptr<std::atomic<bool>> cancel_;
  int last_percent_ = -1;
};

}  // namespace

void RunWorker::run(const RunRequest& request, const std::shared_ptr<std::atomic<bool>>& cancel) {
  QElapsedTimer timer;
  timer.start();
  try {
    auto scenario = std::make_shared<model::Scenario>(*request.scenario);
    const auto applied = model::apply_mitigations(*scenario, request.mitigations);
    if (applied.has_errors()) {
      emit done(nullptr, request.label, QString::fromStdString(applied.to_string()), false);
      return;
    }
    QueuedObserver observer(this, cancel);
    auto result = sim::simulate(*scenario, request.options, &observer);
    if (result.cancelled || cancel->load()) {
      emit done(nullptr, request.label, {}, true);
      return;
    }
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    auto run = make_snapshot(request.label, request.mitigations, std::move(scenario), std::move(result), ms);
    emit done(run, request.label, {}, false);
  } catch (const std::exception& e) {
    emit done(nullptr, request.label, QString::fromUtf8(e.what()), false);
  }
}

RunController::RunController(QObject* parent) : QObject(parent) {
  worker_ = new RunWorker;  // owned by the thread from here: deleted when it finishes
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(worker_, &RunWorker::progress, this, &RunController::progressChanged, Qt::QueuedConnection);
  connect(worker_, &RunWorker::done, this, &RunController::on_done, Qt::QueuedConnection);
  thread_.setObjectName(QStringLiteral("blackstart-simulation"));
  thread_.start();
}

RunController::~RunController() {
  queue_.clear();
  if (cancel_flag_) cancel_flag_->store(true);
  thread_.quit();
  thread_.wait();
}

void RunController::start(RunRequest request) {
  queue_.push_back(std::move(request));
  if (!running_) start_next();
}

void RunController::cancel() {
  queue_.clear();
  if (cancel_flag_) cancel_flag_->store(true);
}

void RunController::start_next() {
  if (queue_.empty()) {
    emit idle();
    return;
  }
  RunRequest request = std::move(queue_.front());
  queue_.pop_front();
  running_ = true;
  cancel_flag_ = std::make_shared<std::atomic<bool>>(false);
  emit runStarted(request.label);
  emit progressChanged(0.0);
  QMetaObject::invokeMethod(
      worker_,
      [worker = worker_, request = std::move(request), flag = cancel_flag_] { worker->run(request, flag); },
      Qt::QueuedConnection);
}

void RunController::on_done(const RunPtr& run, const QString& label, const QString& error, bool cancelled) {
  running_ = false;
  cancel_flag_.reset();
  if (cancelled)
    emit runCancelled(label);
  else if (!error.isEmpty() || !run)
    emit runFailed(label, error.isEmpty() ? tr("the run produced no result") : error);
  else
    emit runFinished(run);
  start_next();
}

}  // namespace blackstart::gui
