#pragma once
#include <optional>
#include <string>
#include <vector>

#include "blackstart/metrics/passenger_hours.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::metrics {

//! Headline figures of one layer over the horizon (definitions in docs/metrics.md).
struct LayerSummary {
  std::string name;
  std::string kind;
  double min_performance = 1.0;
  double resilience_index = 1.0;
  double peak_customers_without_power = 0;
  double customer_minutes_interrupted = 0;
  double energy_not_served_mwh = 0;
  double peak_load_shed_mw = 0;
  double peak_passengers_affected = 0;  //!< passengers per hour
  double passenger_trips_lost = 0;      //!< passengers (integral of the hourly rate)
  std::uint32_t peak_failed = 0;
  std::uint32_t peak_compromised = 0;
  std::uint32_t peak_loss_of_control = 0;
  std::uint32_t peak_loss_of_view = 0;
  double loss_of_control_hours = 0;  //!< element-hours under loss of control (supervision_hours.hpp)
  double loss_of_view_hours = 0;     //!< element-hours under loss of view
  double time_of_worst_impact_min = 0;
  std::optional<double> time_to_restoration_min;  //!< nullopt: not back to normal by the horizon
  double total_customers = 0;
  double total_load_mw = 0;
  double total_passengers_per_hour = 0;
};

struct Summary {
  std::string scenario;
  std::uint64_t seed = 0;
  double horizon_min = 0;
  double peak_customers_without_power = 0;
  double customer_minutes_interrupted = 0;
  double energy_not_served_mwh = 0;
  double peak_load_shed_mw = 0;
  double peak_passengers_affected = 0;
  double passenger_trips_lost = 0;
  double time_of_worst_impact_min = 0;
  std::optional<double> time_to_full_restoration_min;
  double resilience_index = 1.0;
  double loss_of_control_hours = 0;  //!< element-hours under loss of control, all layers
  double loss_of_view_hours = 0;     //!< element-hours under loss of view, all layers
  std::size_t state_changes = 0;
  std::vector<LayerSummary> layers;
  sim::AttackOutcome attack;  //!< `has_campaign` false: the scenario has no campaign

  //! Per service with passengers_per_hour: trips and passenger-hours lost (passenger_hours.hpp).
  std::vector<LineLoss> lines;
};

Summary summarize(const sim::RunResult& result);

//! Overall service performance Q(t) at one trace point: mean performance of the service layers
//! (power layers with loads, transport layers with passengers); of all layers if none has service.
double overall_performance(const sim::RunResult& result, const sim::TracePoint& point);

struct TimelineRow {
  double time_min = 0;
  std::size_t layer = 0;
  sim::LayerSample sample;
};

//! The trace sampled every `step_min` from 0 to the horizon (inclusive), one row per layer.
std::vector<TimelineRow> sample_timeline(const sim::RunResult& result, double step_min);

//! The trace point in effect at time t.
const sim::TracePoint& point_at(const sim::RunResult& result, double t);

}  // namespace blackstart::metrics
