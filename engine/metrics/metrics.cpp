#include "blackstart/metrics/metrics.hpp"

#include <algorithm>
#include <cmath>

#include "blackstart/metrics/supervision_hours.hpp"

namespace blackstart::metrics {

namespace {
constexpr double kFull = 1.0 - 1e-9;

bool is_service_layer(const sim::RunResult& result, std::size_t layer) {
  const auto& totals = result.totals[layer];
  const auto kind = result.layer_kinds[layer];
  return (kind == model::LayerKind::Power && (totals.customers > 0 || totals.load_mw > 0)) ||
         (kind == model::LayerKind::Transport && totals.passengers_per_hour > 0);
}

//! Integrates a piecewise-constant function of the trace over [0, horizon] and finds its worst
//! point and the recovery after it.
template <typename Value>
void scan(const sim::RunResult& result, Value value, double& integral, double& minimum,
          double& time_of_minimum, std::optional<double>& recovered_at) {
  const auto& trace = result.trace;
  integral = 0.0;
  minimum = 2.0;
  time_of_minimum = 0.0;
  for (std::size_t i = 0; i < trace.size(); ++i) {
    const double start = trace[i].time_min;
    if (start > result.horizon_min) break;
    const double end =
        i + 1 < trace.size() ? std::min(trace[i + 1].time_min, result.horizon_min) : result.horizon_min;
    const double v = value(trace[i]);
    integral += v * (end - start);
    if (v < minimum - 1e-12) {
      minimum = v;
      time_of_minimum = start;
    }
  }
  recovered_at.reset();
  if (minimum >= kFull) {
    recovered_at = 0.0;
    return;
  }
  // First time after the worst point from which performance stays full until the horizon.
  for (std::size_t i = trace.size(); i-- > 0;) {
    if (trace[i].time_min < time_of_minimum || value(trace[i]) < kFull) break;
    recovered_at = trace[i].time_min;
  }
}
}  // namespace

double overall_performance(const sim::RunResult& result, const sim::TracePoint& point) {
  double sum = 0.0;
  int count = 0;
  for (std::size_t l = 0; l < point.layers.size(); ++l)
    if (is_service_layer(result, l)) {
      sum += point.layers[l].performance;
      ++count;
    }
  if (count == 0)
    for (const auto& s : point.layers) {
      sum += s.performance;
      ++count;
    }
  return count ? sum / count : 1.0;
}

Summary summarize(const sim::RunResult& result) {
  Summary summary;
  summary.scenario = result.scenario_name;
  summary.seed = result.seed;
  summary.horizon_min = result.horizon_min;
  summary.state_changes = result.changes.size();
  summary.attack = result.attack;
  const double horizon = result.horizon_min;
  const auto& trace = result.trace;
  const auto supervision = supervision_hours_by_layer(result);

  for (std::size_t l = 0; l < result.layer_names.size(); ++l) {
    LayerSummary s;
    s.name = result.layer_names[l];
    s.kind = std::string(model::to_string(result.layer_kinds[l]));
    s.total_customers = result.totals[l].customers;
    s.total_load_mw = result.totals[l].load_mw;
    s.total_passengers_per_hour = result.totals[l].passengers_per_hour;
    double integral = 0.0;
    scan(
        result, [l](const sim::TracePoint& p) { return p.layers[l].performance; }, integral,
        s.min_performance, s.time_of_worst_impact_min, s.time_to_restoration_min);
    s.min_performance = std::min(1.0, s.min_performance);
    s.resilience_index = horizon > 0 ? integral / horizon : 1.0;
    for (std::size_t i = 0; i < trace.size() && trace[i].time_min <= horizon; ++i) {
      const auto& x = trace[i].layers[l];
      const double end = i + 1 < trace.size() ? std::min(trace[i + 1].time_min, horizon) : horizon;
      const double span = end - trace[i].time_min;
      s.peak_customers_without_power = std::max(s.peak_customers_without_power, x.customers_without_power);
      s.customer_minutes_interrupted += x.customers_without_power * span;
      s.energy_not_served_mwh += x.shed_mw * span / 60.0;
      s.peak_load_shed_mw = std::max(s.peak_load_shed_mw, x.shed_mw);
      s.peak_passengers_affected = std::max(s.peak_passengers_affected, x.passengers_affected);
      s.passenger_trips_lost += x.passengers_affected * span / 60.0;
      s.peak_failed = std::max(s.peak_failed, x.failed);
      s.peak_compromised = std::max(s.peak_compromised, x.compromised);
      s.peak_loss_of_control = std::max(s.peak_loss_of_control, x.loss_of_control);
      s.peak_loss_of_view = std::max(s.peak_loss_of_view, x.loss_of_view);
    }
    s.loss_of_control_hours = supervision[l].loss_of_control_hours;
    s.loss_of_view_hours = supervision[l].loss_of_view_hours;
    summary.loss_of_control_hours += s.loss_of_control_hours;
    summary.loss_of_view_hours += s.loss_of_view_hours;
    summary.customer_minutes_interrupted += s.customer_minutes_interrupted;
    summary.energy_not_served_mwh += s.energy_not_served_mwh;
    summary.passenger_trips_lost += s.passenger_trips_lost;
    summary.layers.push_back(std::move(s));
  }
  // Network-wide peaks are peaks of the sums, not sums of the layer peaks.
  for (const auto& point : trace) {
    if (point.time_min > horizon) break;
    double customers = 0, shed = 0, passengers = 0;
    for (const auto& x : point.layers) {
      customers += x.customers_without_power;
      shed += x.shed_mw;
      passengers += x.passengers_affected;
    }
    summary.peak_customers_without_power = std::max(summary.peak_customers_without_power, customers);
    summary.peak_load_shed_mw = std::max(summary.peak_load_shed_mw, shed);
    summary.peak_passengers_affected = std::max(summary.peak_passengers_affected, passengers);
  }
  double integral = 0.0, minimum = 1.0;
  scan(
      result, [&result](const sim::TracePoint& p) { return overall_performance(result, p); }, integral,
      minimum, summary.time_of_worst_impact_min, summary.time_to_full_restoration_min);
  summary.resilience_index = horizon > 0 ? integral / horizon : 1.0;
  summary.lines = line_losses(result);
  return summary;
}

const sim::TracePoint& point_at(const sim::RunResult& result, double t) {
  const auto& trace = result.trace;
  auto it = std::upper_bound(trace.begin(), trace.end(), t,
                             [](double time, const sim::TracePoint& p) { return time < p.time_min; });
  return it == trace.begin() ? trace.front() : *std::prev(it);
}

std::vector<TimelineRow> sample_timeline(const sim::RunResult& result, double step_min) {
  std::vector<TimelineRow> rows;
  if (result.trace.empty() || step_min <= 0) return rows;
  const auto steps = static_cast<long long>(std::floor(result.horizon_min / step_min + 1e-9));
  for (long long k = 0; k <= steps; ++k) {
    const double t = static_cast<double>(k) * step_min;
    const auto& point = point_at(result, t);
    for (std::size_t l = 0; l < point.layers.size(); ++l) rows.push_back({t, l, point.layers[l]});
  }
  return rows;
}

}  // namespace blackstart::metrics
