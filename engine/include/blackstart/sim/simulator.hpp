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

//! One step of restoration work on an element, kept so a run can say why something is still down.
struct RepairStep {
  enum class Kind : std::uint8_t {
    Damaged,          //!< new damage; operators have not noticed it yet
    Detection,        //!< operators will notice it at `until_min`
    WaitingForCrew,   //!< queued for a crew of `crew_pool`; `until_min` is when it was noticed
    CrewDispatched,   //!< a crew left at `time_min`, arrives at `arrive_min`, done at `until_min`
    RemoteOperation,  //!< re-switched remotely, done at `until_min`
    Replacement,      //!< new hardware, in place at `until_min`
    DeniedService,    //!< unavailable until `until_min` (a denial of service)
    Cleared,          //!< the damage is gone
  };
  double time_min = 0.0;
  model::ElementIndex element = model::kNoElement;
  Kind kind = Kind::Damaged;
  std::uint16_t crew_pool = 0;  //!< index into crew_pool_names()
  double arrive_min = 0.0;
  double until_min = 0.0;
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
  //! Changes of the reason an element stays down (same state, new cause), in time order; not in
  //! events.csv, used to say why something is still down.
  std::vector<StateChange> cause_updates;
  std::vector<RepairStep> repairs;  //!< restoration work, in time order
  std::vector<State> final_states;  //!< per element at the horizon
};

//! Runs a scenario forward in simulated time. Deterministic for a given scenario, seed and run index.
//! The scenario must be valid (as the loader guarantees); a programmer error throws std::logic_error.
RunResult simulate(const model::Scenario& scenario, const RunOptions& options = {},
                   Observer* observer = nullptr);

}  // namespace blackstart::sim
