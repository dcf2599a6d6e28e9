#pragma once
#include <QFutureWatcher>
#include <QObject>
#include <functional>
#include <vector>

#include "blackstart/sim/explain.hpp"
#include "controllers/run_snapshot.hpp"

namespace blackstart::gui {

//! Why an element is in its state at a time, in a run: the engine's explain chain and, when it is
//! down, why it is still down.
struct Explanation {
  RunPtr run;
  ElementIndex element = model::kNoElement;
  double time_min = 0.0;
  std::vector<sim::ExplainStep> chain;
  std::vector<sim::StillDown> still_down;
  std::uint64_t question = 0;  //!< which question this answers (Explainer's count)
};

//! Answers explain questions on a worker thread (Qt's global thread pool), from the run's shared,
//! read-only snapshot, so that walking a long cause chain never holds up painting. Answers arrive by
//! the `answered` signal on the thread the Explainer lives in; only the answer to the latest question
//! is delivered — a question asked before it (the user has moved on) is dropped.
class Explainer : public QObject {
  Q_OBJECT
 public:
  using Compute = std::function<Explanation(RunPtr run, ElementIndex element, double time_min)>;

  //! `compute`: how to answer, on the worker thread; the engine's explain and why_still_down by
  //! default (tests pass their own).
  explicit Explainer(QObject* parent = nullptr, Compute compute = {});

  void ask(RunPtr run, ElementIndex element, double time_min);
  //! Drops the pending question, if any: nothing is to be explained now.
  void forget();
  //! A question is pending.
  [[nodiscard]] bool busy() const { return pending_; }
  //! Processes events until no question is pending (the answer was delivered), or `timeout_ms` passed.
  bool wait(int timeout_ms = 10000);

  //! The engine's answer, computed on the calling thread.
  static Explanation explain_now(RunPtr run, ElementIndex element, double time_min);
  //! Every element's answer is the same at times `a` and `b` (but for the time): nothing that
  //! explain and why_still_down read (state changes, cause updates, repair steps, a crew's arrival)
  //! happens between.
  static bool same_answer(const RunSnapshot& run, double a, double b);

 signals:
  void answered(const blackstart::gui::Explanation& explanation);

 private:
  void on_finished();

  Compute compute_;
  QFutureWatcher<Explanation> watcher_;
  std::uint64_t asked_ = 0;
  bool pending_ = false;
};

}  // namespace blackstart::gui

Q_DECLARE_METATYPE(blackstart::gui::Explanation)
