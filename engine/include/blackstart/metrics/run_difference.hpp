#pragma once
// Which elements two runs of the same network leave in a different condition at one time: the
// side-by-side what-if (baseline | what-if) highlights these.
#include <cstddef>
#include <vector>

#include "blackstart/sim/simulator.hpp"

namespace blackstart::metrics {

//! What an element is like at one time: its state and whether operators control and see it.
struct ElementCondition {
  sim::State state = sim::State::InService;
  bool loss_of_control = false;
  bool loss_of_view = false;
};

//! Whether two conditions look the same to operators and users: equal flags and equal states, where
//! `restored` and `in_service` count as the same (the element works normally again).
bool same_condition(const ElementCondition& a, const ElementCondition& b);
bool same_state(sim::State a, sim::State b);

//! Every element's condition at `t_min`, after everything that happened at that time (as
//! events.csv reads: state changes and control / view changes up to and including t). Elements start
//! in service, controlled and visible.
std::vector<ElementCondition> conditions_at(const sim::RunResult& result, double t_min);

//! One element whose condition differs between the two runs.
struct ElementDifference {
  model::ElementIndex element = model::kNoElement;
  ElementCondition baseline;
  ElementCondition what_if;

  [[nodiscard]] bool state_differs() const { return !same_state(baseline.state, what_if.state); }
  [[nodiscard]] bool control_differs() const { return baseline.loss_of_control != what_if.loss_of_control; }
  [[nodiscard]] bool view_differs() const { return baseline.loss_of_view != what_if.loss_of_view; }
};

struct RunDifference {
  double time_min = 0;
  //! False when the runs have different numbers of elements (not the same network): nothing is
  //! compared then.
  bool comparable = true;
  std::vector<ElementDifference> elements;  //!< in element index order
  [[nodiscard]] std::size_t state_differences() const;
};

//! Elements whose state, loss of control or loss of view differs (same_condition is false) between
//! two runs of the same network at `t_min`. Deterministic; O(changes up to t + elements).
RunDifference run_difference(const sim::RunResult& baseline, const sim::RunResult& what_if, double t_min);

}  // namespace blackstart::metrics
