#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/backup_log.hpp"
#include "blackstart/sim/exercise_log.hpp"
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
  //! Routed crews: search from every free crew to every job's site (the plain dispatch), instead of
  //! the nearest-first search that must give the same results; for tests and benchmarks.
  bool exhaustive_routing = false;
  //! Exercise mode: the option taken at each decision point (decision id -> option id); a decision
  //! not named takes its default option.
  model::Choices choices;
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
    Isolated,         //!< taken out by a response playbook; nothing brings it back in the run
    Cleared,          //!< the damage is gone
  };
  double time_min = 0.0;
  model::ElementIndex element = model::kNoElement;
  Kind kind = Kind::Damaged;
  std::uint16_t crew_pool = 0;  //!< index into crew_pool_names()
  double arrive_min = 0.0;
  double until_min = 0.0;
  //! Routed crews (a pool with a depot), CrewDispatched: which crew (index into RunResult::crews),
  //! where it left from (a junction, or kNoElement off the roads) and where it works (the junction
  //! it drives to; kNoElement when the asset is off the roads and `travel` was drawn).
  std::uint32_t crew = kNoCrew;
  model::ElementIndex crew_from = model::kNoElement;
  model::ElementIndex crew_site = model::kNoElement;
  //! WaitingForCrew of a routed pool: true when free crews exist but no open road leads to it.
  bool no_route = false;
  static constexpr std::uint32_t kNoCrew = 0xffffffffu;
};

//! One crew of a pool with a depot (routed over the road network).
struct CrewRecord {
  std::string name;        //!< `operator#n`, n from 1
  std::uint16_t pool = 0;  //!< index into crew_pool_names()
  model::ElementIndex depot = model::kNoElement;
};

//! One drive of a routed crew: to a job, or back to its depot.
struct CrewLeg {
  enum class Purpose : std::uint8_t { Job, Home };
  std::uint32_t crew = 0;
  Purpose purpose = Purpose::Job;
  model::ElementIndex job = model::kNoElement;   //!< Purpose::Job: the element it goes to repair
  model::ElementIndex from = model::kNoElement;  //!< junction it leaves (kNoElement: off the roads)
  model::ElementIndex to = model::kNoElement;    //!< junction it drives to
  double depart_min = 0.0;
  double arrive_min = 0.0;
  std::vector<model::ElementIndex> roads;  //!< road links in driving order
  bool rest = false;                       //!< Purpose::Home: the shift is over, it rests there
};

//! One line of the campaign's log (attack.csv).
struct AttackRecord {
  enum class Status : std::uint8_t {
    Started,    //!< an attempt of `step` on `target` began, from `from`
    Succeeded,  //!< ... and succeeded
    Failed,     //!< ... and failed (bad luck, or the path or a prerequisite was lost meanwhile)
    Blocked,    //!< a control (`control`) or a response (`response`) stopped it
    Detected,   //!< `control` raised an alert on the attempt
    Evicted,    //!< the attacker lost `target` (response `response`)
    Objective,  //!< objective `step` (an index into the objectives) was reached
    Responded,  //!< response `response` acted (on `target`, when it has one)
  };
  double time_min = 0.0;
  std::uint32_t step = 0;  //!< index into campaign.steps (objectives for Status::Objective)
  model::ElementIndex target = model::kNoElement;
  model::ElementIndex from = model::kNoElement;  //!< asset the attacker worked from
  Status status = Status::Started;
  std::uint32_t control = kNoIndex;   //!< index into scenario.controls
  std::uint32_t response = kNoIndex;  //!< index into scenario.responses
  static constexpr std::uint32_t kNoIndex = 0xffffffffu;
};

std::string_view to_string(AttackRecord::Status status);

//! Headline figures of the campaign (summary.json `attack`).
struct AttackOutcome {
  bool has_campaign = false;
  std::uint32_t objectives_reached = 0;
  std::uint32_t steps_succeeded = 0;  //!< successful step attempts (one per step and target)
  std::uint32_t steps_blocked = 0;    //!< attempts stopped by a control or a response
  std::optional<double> first_detection_min;
  std::optional<double> time_to_objective_min;  //!< first objective reached
};

//! A service that carries passengers: an element with passengers_per_hour (a tram, trolleybus, metro
//! or rail line, a road). Its share of service over time is in RunResult::service_changes.
struct PassengerService {
  model::ElementIndex element = model::kNoElement;
  std::string id;    //!< full id, layer/asset
  std::string type;  //!< asset type (tram_line, metro_line, road_segment, ...)
  double passengers_per_hour = 0.0;
  double time_lost_per_trip_min = 0.0;  //!< scenario's traction.time_lost_per_trip
  std::uint32_t sections = 0;           //!< traction sections; 0 when the scenario gives none
};

//! A service's share of service from `time_min` on (1 = full; 1 before its first change).
struct ServiceChange {
  double time_min = 0.0;
  std::uint32_t service = 0;  //!< index into RunResult::services
  double fraction = 1.0;
};

struct RunResult {
  std::string scenario_name;
  //! Wall-clock seconds the run spent routing crews over roads (the road graph, road state,
  //! searches, dispatch choices). A measurement, not a result: it differs between identical runs
  //! and no output file contains it.
  double routing_seconds = 0.0;
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
  std::vector<RepairStep> repairs;       //!< restoration work, in time order
  std::vector<AttackRecord> attack_log;  //!< the campaign, in time order
  std::vector<CrewRecord> crews;         //!< routed crews; empty when no pool has a depot
  std::vector<CrewLeg> crew_legs;        //!< their drives, in time of departure
  //! Batteries and tanks with a level, fuel trucks and their log (backup_log.hpp).
  std::vector<BackupSample> backup_levels;
  std::vector<FuelTruckRecord> fuel_trucks;
  std::vector<FuelRecord> fuel_log;  //!< in time order
  AttackOutcome attack;
  std::vector<State> final_states;  //!< per element at the horizon

  //! Elements with passengers_per_hour, in index order, and their shares of service in time order.
  std::vector<PassengerService> services;
  std::vector<ServiceChange> service_changes;

  //! Exercise mode (scenario.exercise): injects as they fell due and decisions taken, in time order.
  std::vector<InjectRecord> injects;
  std::vector<DecisionRecord> decisions;
};

//! Runs a scenario forward in simulated time. Deterministic for a given scenario, seed and run index.
//! The scenario must be valid (as the loader guarantees); a programmer error throws std::logic_error.
RunResult simulate(const model::Scenario& scenario, const RunOptions& options = {},
                   Observer* observer = nullptr);

}  // namespace blackstart::sim
