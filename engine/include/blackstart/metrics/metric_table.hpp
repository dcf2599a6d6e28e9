#pragma once
// Every figure a run reports, listed once: its name in files and on the command line (the unit is part
// of the name: _min, _mw, _mwh, _per_h), unit, title, meaning, and how to read it from a Summary.
// summary.json, runs.csv, the ensemble's summary.json, sweep columns, `rank --metric`, the CLI tables
// and the GUI's runs table take names, order and values from here (definitions: docs/metrics.md).
#include <cstdint>
#include <span>
#include <string_view>

#include "blackstart/metrics/metrics.hpp"

namespace blackstart::metrics {

//! Network-wide figures of one run.
enum class RunMetric : std::uint8_t {
  PeakCustomersWithoutPower,
  CustomerMinutesInterrupted,
  EnergyNotServed,
  PeakLoadShed,
  PeakPassengersAffected,
  PassengerTripsLost,
  TimeOfWorstImpact,
  TimeToFullRestoration,
  ResilienceIndex,
  LossOfControlHours,  //!< element-hours under loss of control
  LossOfViewHours,     //!< element-hours under loss of view
  CustomerHours,  //!< customer-minutes / 60: the ranking default and the tables' view; not in summary.json
};

struct RunMetricInfo {
  RunMetric id;
  std::string_view name;         //!< key in files, column name, `rank --metric` value
  std::string_view unit;         //!< for people, e.g. "customer·min"
  std::string_view title;        //!< in tables, e.g. "Peak load shed"
  std::string_view description;  //!< one sentence without the unit, for tooltips
  double (*of)(const Summary&);  //!< NaN when the run has no value (service not fully back by the horizon)
};

//! The figures written for every run (summary.json, runs.csv, ensemble and sweep statistics), in that
//! order.
std::span<const RunMetricInfo> summary_metrics();
//! summary_metrics() and then the derived figures (CustomerHours).
std::span<const RunMetricInfo> run_metrics();
const RunMetricInfo& info(RunMetric metric);
//! The run metric of that name, or nullptr.
const RunMetricInfo* find_run_metric(std::string_view name);

//! Figures of one layer (summary.json -> layers), in output order.
struct LayerMetricInfo {
  std::string_view name;
  std::string_view unit;
  std::string_view description;
  bool count;                         //!< a whole number, written without a decimal point
  double (*of)(const LayerSummary&);  //!< NaN when the layer has no value
};

std::span<const LayerMetricInfo> layer_metrics();

}  // namespace blackstart::metrics
