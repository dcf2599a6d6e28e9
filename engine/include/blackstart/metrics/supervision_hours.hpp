#pragma once
// Loss-of-control and loss-of-view hours: how long operators could not operate, or could not see,
// what they supervise (definitions: docs/metrics.md, "Loss of control and of view").
#include <vector>

#include "blackstart/sim/simulator.hpp"

namespace blackstart::metrics {

//! Element-hours under loss of control and under loss of view, over [0, horizon].
struct SupervisionHours {
  double loss_of_control_hours = 0;  //!< Σ over elements of hours with the loss-of-control flag set
  double loss_of_view_hours = 0;     //!< Σ over elements of hours with the loss-of-view flag set
};

//! Per layer, in network layer order. Exact: the trace's counts are constant between its points.
std::vector<SupervisionHours> supervision_hours_by_layer(const sim::RunResult& result);

//! Over all layers: the sum of supervision_hours_by_layer.
SupervisionHours supervision_hours(const sim::RunResult& result);

}  // namespace blackstart::metrics
