#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/observer.hpp"
#include "blackstart/sim/state.hpp"

namespace blackstart::sim {

//! Aggregates of one layer, constant from a trace point's time until the next point.
struct LayerSample {
  double performance = 1.0;            //!< fraction of service delivered, 0..1 (see docs/metrics.md)
  double customers_without_power = 0;  //!< customers
  double shed_mw = 0;                  //!< MW of demand not served
  double passengers_affected = 0;      //!< passengers per hour whose service is stopped or reduced
  std::uint32_t failed = 0;            //!< elements not operational
  std::uint32_t compromised = 0;
  std::uint32_t loss_of_control = 0;
  std::uint32_t loss_of_view = 0;
  std::uint32_t on_backup = 0;
  std::uint32_t degraded = 0;
};

struct TracePoint {
  double time_min = 0.0;
  std::vector<LayerSample> layers;  //!< in network layer order
};

//! Normal-state totals a layer is measured against.
struct LayerTotals {
  double customers = 0;
  double load_mw = 0;
  double passengers_per_hour = 0;
  std::uint32_t assets = 0;
};

struct RunOptions {
  std::optional<std::uint64_t> seed;  //!< overrides the scenario's seed
  std::optional<double> until_min;    //!< overrides the scenario's horizon
  std::uint64_t run_index = 0;        //!< for ensembles: part of every random stream's seed
  const std::vector<model::Event>* events =
      nullptr;  //!< replaces the scenario's events (critical-asset ranking)
};

struct RunResult {
  std::string scenario_name;
  std::uint64_t seed = 0;
  double horizon_min = 0.0;
  bool cancelled = false;
  std::vector<std::string> layer_names;
  std::vector<model::LayerKind> layer_kinds;
  std::vector<LayerTotals> totals;
  std::vector<TracePoint> trace;     //!< piecewise-constant aggregates, first point at t = 0
  std::vector<StateChange> changes;  //!< every change, in time order
  std::vector<State> final_states;   //!< per element at the horizon
};

//! Runs a scenario forward in simulated time. Deterministic for a given scenario, seed and run index.
//! The scenario must be valid (as the loader guarantees); a programmer error throws std::logic_error.
RunResult simulate(const model::Scenario& scenario, const RunOptions& options = {},
                   Observer* observer = nullptr);

//! One step of an explanation: this element got into this state because of that cause.
struct ExplainStep {
  model::ElementIndex element = model::kNoElement;
  StateChange change;
};

//! Chain of causes for an element's state at a time, from the element back to a scenario event
//! (or to restoration work that undid one). Empty when the element never changed.
std::vector<ExplainStep> explain(const RunResult& result, model::ElementIndex element, double at_min);

}  // namespace blackstart::sim
