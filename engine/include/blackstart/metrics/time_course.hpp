#pragma once
#include <vector>

#include "blackstart/sim/simulator.hpp"

namespace blackstart::metrics {

//! A stretch of simulated time, in minutes.
struct TimeSpan {
  double from_min = 0;
  double to_min = 0;
};

//! Where a run's story happens: from its first state change to its last one (the last restoration,
//! or the last failure when nothing comes back). Empty span at 0 when nothing changes.
TimeSpan active_period(const sim::RunResult& result);

//! The active period with room on either side (a tenth of its length, at least 10 min), kept
//! within [0, horizon]; the whole horizon when nothing changes. What a time axis opens on.
TimeSpan active_window(const sim::RunResult& result);

//! One step of the overall performance Q(t): the value from `time_min` until the next step.
struct PerformanceStep {
  double time_min = 0;
  double performance = 1.0;
};

//! Q(t) (overall_performance) as steps, one per trace point up to the horizon, equal neighbours
//! merged; its minimum is at summarize's time_of_worst_impact_min.
std::vector<PerformanceStep> performance_curve(const sim::RunResult& result);

}  // namespace blackstart::metrics
