#include "controllers/explainer.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace blackstart::gui {

Explainer::Explainer(QObject* parent, Compute compute)
    : QObject(parent), compute_(compute ? std::move(compute) : Compute(&Explainer::explain_now)) {
  connect(&watcher_, &QFutureWatcher<Explanation>::finished, this, &Explainer::on_finished);
}

Explanation Explainer::explain_now(RunPtr run, ElementIndex element, double time_min) {
  Explanation answer;
  answer.chain = sim::explain(run->result, element, time_min);
  answer.still_down = sim::why_still_down(*run->scenario, run->result, element, time_min);
  answer.run = std::move(run);
  answer.element = element;
  answer.time_min = time_min;
  return answer;
}

void Explainer::ask(RunPtr run, ElementIndex element, double time_min) {
  const std::uint64_t question = ++asked_;
  pending_ = true;
  // Everything the job reads is captured by value (the run snapshot is shared and immutable), so
  // it may outlive this object; its answer then goes unread.
  watcher_.setFuture(
      QtConcurrent::run([compute = compute_, run = std::move(run), element, time_min, question] {
        Explanation answer;
        try {
          answer = compute(run, element, time_min);
        } catch (const std::exception&) {
          answer = Explanation{run, element, time_min, {}, {}, 0};  // shown as "nothing happened"
        }
        answer.question = question;
        return answer;
      }));
}

void Explainer::forget() {
  ++asked_;
  pending_ = false;
}

void Explainer::on_finished() {
  if (!watcher_.future().isValid() || watcher_.future().resultCount() == 0) return;
  Explanation answer = watcher_.result();
  if (answer.question != asked_) return;  // asked before the latest question, or forgotten
  pending_ = false;
  emit answered(answer);
}

bool Explainer::wait(int timeout_ms) {
  QElapsedTimer timer;
  timer.start();
  while (pending_) {
    if (timer.elapsed() > timeout_ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
  }
  return true;
}

}  // namespace blackstart::gui
