#include "controllers/explainer.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

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

namespace {
//! Some entry of a time-ordered list lies in (from, to].
template <class List>
bool any_between(const List& list, double from, double to) {
  const auto after = std::upper_bound(list.begin(), list.end(), from,
                                      [](double t, const auto& entry) { return t < entry.time_min; });
  return after != list.end() && after->time_min <= to;
}
}  // namespace

bool Explainer::same_answer(const RunSnapshot& run, double a, double b) {
  const double from = std::min(a, b), to = std::max(a, b);
  const auto& r = run.result;
  if (any_between(r.changes, from, to) || any_between(r.cause_updates, from, to) ||
      any_between(r.repairs, from, to))
    return false;
  // A dispatched crew is travelling before it arrives and repairing after: its arrival too.
  for (const auto& step : r.repairs) {
    if (step.time_min > to) break;  // arrives later still
    if (step.kind == sim::RepairStep::Kind::CrewDispatched && step.arrive_min > from && step.arrive_min <= to)
      return false;
  }
  return true;
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
