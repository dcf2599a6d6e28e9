#include "blackstart/metrics/run_difference.hpp"

#include <algorithm>

namespace blackstart::metrics {

bool same_state(sim::State a, sim::State b) {
  const auto normal = [](sim::State s) { return s == sim::State::Restored ? sim::State::InService : s; };
  return normal(a) == normal(b);
}

bool same_condition(const ElementCondition& a, const ElementCondition& b) {
  return same_state(a.state, b.state) && a.loss_of_control == b.loss_of_control &&
         a.loss_of_view == b.loss_of_view;
}

std::vector<ElementCondition> conditions_at(const sim::RunResult& result, double t_min) {
  std::vector<ElementCondition> conditions(result.final_states.size());
  for (const auto& change : result.changes) {
    if (change.time_min > t_min) break;  // changes are in time order
    if (change.element >= conditions.size()) continue;
    auto& c = conditions[change.element];
    switch (change.change) {
      case sim::ChangeKind::State:
        c.state = change.to;
        break;
      case sim::ChangeKind::Control:
        c.loss_of_control = change.lost;
        break;
      case sim::ChangeKind::View:
        c.loss_of_view = change.lost;
        break;
    }
  }
  return conditions;
}

std::size_t RunDifference::state_differences() const {
  return static_cast<std::size_t>(
      std::count_if(elements.begin(), elements.end(), [](const auto& d) { return d.state_differs(); }));
}

RunDifference run_difference(const sim::RunResult& baseline, const sim::RunResult& what_if, double t_min) {
  RunDifference out;
  out.time_min = t_min;
  if (baseline.final_states.size() != what_if.final_states.size()) {
    out.comparable = false;
    return out;
  }
  const auto a = conditions_at(baseline, t_min);
  const auto b = conditions_at(what_if, t_min);
  for (std::size_t e = 0; e < a.size(); ++e)
    if (!same_condition(a[e], b[e]))
      out.elements.push_back({static_cast<model::ElementIndex>(e), a[e], b[e]});
  return out;
}

}  // namespace blackstart::metrics
