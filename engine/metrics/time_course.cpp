#include "blackstart/metrics/time_course.hpp"

#include <algorithm>

#include "blackstart/metrics/metrics.hpp"

namespace blackstart::metrics {

namespace {
constexpr double kMarginShare = 0.1;
constexpr double kMinMarginMin = 10.0;
}  // namespace

TimeSpan active_period(const sim::RunResult& result) {
  // Changes are in time order, but only those within the horizon are the run's story.
  TimeSpan span;
  bool any = false;
  for (const auto& change : result.changes) {
    if (change.time_min > result.horizon_min) break;
    if (!any) span.from_min = change.time_min;
    span.to_min = change.time_min;
    any = true;
  }
  return span;
}

TimeSpan active_window(const sim::RunResult& result) {
  const double horizon = result.horizon_min;
  if (result.changes.empty() || result.changes.front().time_min > horizon) return {0, horizon};
  const auto period = active_period(result);
  const double margin = std::max(kMinMarginMin, kMarginShare * (period.to_min - period.from_min));
  return {std::max(0.0, period.from_min - margin), std::min(horizon, period.to_min + margin)};
}

std::vector<PerformanceStep> performance_curve(const sim::RunResult& result) {
  std::vector<PerformanceStep> steps;
  for (const auto& point : result.trace) {
    if (point.time_min > result.horizon_min) break;
    const double q = overall_performance(result, point);
    if (!steps.empty() && steps.back().performance == q) continue;
    steps.push_back({point.time_min, q});
  }
  return steps;
}

}  // namespace blackstart::metrics
