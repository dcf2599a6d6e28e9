#include "controllers/run_snapshot.hpp"

#include <algorithm>

namespace blackstart::gui {

namespace {

std::uint8_t value_at(const std::vector<RunSnapshot::Timed>& history, double t, std::uint8_t initial) {
  auto it = std::upper_bound(history.begin(), history.end(), t,
                             [](double time, const RunSnapshot::Timed& p) { return time < p.time_min; });
  return it == history.begin() ? initial : std::prev(it)->value;
}

}  // namespace

sim::State RunSnapshot::state_at(ElementIndex e, double t) const {
  if (e >= state_history.size()) return sim::State::InService;
  return static_cast<sim::State>(
      value_at(state_history[e], t, static_cast<std::uint8_t>(sim::State::InService)));
}

bool RunSnapshot::lost_control_at(ElementIndex e, double t) const {
  return e < control_history.size() && value_at(control_history[e], t, 0) != 0;
}

bool RunSnapshot::lost_view_at(ElementIndex e, double t) const {
  return e < view_history.size() && value_at(view_history[e], t, 0) != 0;
}

std::size_t RunSnapshot::changes_until(double t) const {
  const auto& changes = result.changes;
  auto it = std::upper_bound(changes.begin(), changes.end(), t,
                             [](double time, const sim::StateChange& c) { return time < c.time_min; });
  return static_cast<std::size_t>(it - changes.begin());
}

FramePtr RunSnapshot::frame_at(double t) const {
  auto frame = std::make_shared<StateFrame>();
  frame->time_min = t;
  frame->has_run = true;
  const auto n = state_history.size();
  frame->codes.resize(n);
  for (std::size_t e = 0; e < n; ++e) {
    auto code = static_cast<std::uint8_t>(state_at(static_cast<ElementIndex>(e), t));
    if (lost_control_at(static_cast<ElementIndex>(e), t)) code |= StateFrame::kLostControl;
    if (lost_view_at(static_cast<ElementIndex>(e), t)) code |= StateFrame::kLostView;
    frame->codes[e] = code;
  }
  return frame;
}

sim::LayerSample total_of(const sim::TracePoint& point) {
  sim::LayerSample sum;
  sum.performance = 0;
  for (const auto& l : point.layers) {
    sum.customers_without_power += l.customers_without_power;
    sum.shed_mw += l.shed_mw;
    sum.passengers_affected += l.passengers_affected;
    sum.failed += l.failed;
    sum.compromised += l.compromised;
    sum.loss_of_control += l.loss_of_control;
    sum.loss_of_view += l.loss_of_view;
    sum.on_backup += l.on_backup;
    sum.degraded += l.degraded;
  }
  return sum;
}

sim::LayerSample RunSnapshot::totals_at(double t) const {
  if (result.trace.empty()) return {};
  return total_of(metrics::point_at(result, t));
}

RunPtr make_snapshot(QString label, std::vector<std::string> mitigations,
                     std::shared_ptr<const model::Scenario> scenario, sim::RunResult result, double wall_ms) {
  auto run = std::make_shared<RunSnapshot>();
  run->label = std::move(label);
  run->mitigations = std::move(mitigations);
  run->scenario = std::move(scenario);
  run->result = std::move(result);
  run->summary = metrics::summarize(run->result);
  run->wall_ms = wall_ms;
  const auto n = run->scenario->network.size();
  run->changes_of.resize(n);
  run->state_history.resize(n);
  run->control_history.resize(n);
  run->view_history.resize(n);
  const auto& changes = run->result.changes;
  for (std::uint32_t i = 0; i < changes.size(); ++i) {
    const auto& c = changes[i];
    if (c.element >= n) continue;
    run->changes_of[c.element].push_back(i);
    switch (c.change) {
      case sim::ChangeKind::State:
        run->state_history[c.element].push_back({c.time_min, static_cast<std::uint8_t>(c.to)});
        break;
      case sim::ChangeKind::Control:
        run->control_history[c.element].push_back({c.time_min, c.lost ? std::uint8_t{1} : std::uint8_t{0}});
        break;
      case sim::ChangeKind::View:
        run->view_history[c.element].push_back({c.time_min, c.lost ? std::uint8_t{1} : std::uint8_t{0}});
        break;
    }
    if (run->change_times.empty() || run->change_times.back() != c.time_min)
      run->change_times.push_back(c.time_min);
  }
  return run;
}

FramePtr idle_frame(std::size_t elements) {
  auto frame = std::make_shared<StateFrame>();
  frame->codes.assign(elements, static_cast<std::uint8_t>(sim::State::InService));
  return frame;
}

}  // namespace blackstart::gui
