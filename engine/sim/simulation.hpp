#pragma once
// The simulation object behind sim::simulate(). Its work is split by responsibility over:
//   simulation.cpp        set-up and the main loop (what happens at each time)
//   damage.cpp            scenario events: damage, denial of service, backups, restore
//   settling.cpp          availability through dependencies, loss of control and of view
//   power_physics.cpp     power layers: solving, overload protection, physical causes
//   restoration.cpp       detection, remote work, crews and replacement
//   crew_routing.cpp      crews with a depot: tours over the road network (road_graph.hpp)
//   traction.cpp          electric lines as sections fed by traction substations (traction.hpp)
//   battery.cpp           batteries and tanks behind backups: level, discharge and recharge
//   fuel_delivery.cpp     fuel trucks: orders, drives over the roads, refuelling
//   recorder.cpp          states and causes, the change log, layer aggregates and the trace
//   campaign.cpp          the attacker: which steps can run where, attempts and their effects
//   attack_reach.cpp      what the attacker reaches over cyber links and through control
//   defence.cpp           controls acting on attempts, alerts, response playbooks
// Shared per-element runtime state lives here; docs/models.md describes the rules for users.
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <vector>

#include "backup_state.hpp"
#include "blackstart/sim/power_model.hpp"
#include "blackstart/sim/simulator.hpp"
#include "event_queue.hpp"
#include "road_graph.hpp"
#include "target_selection.hpp"
#include "traction.hpp"

namespace blackstart::sim {

// Ordered by severity: a new attack replaces a lesser damage, never a worse one.
// Isolated: taken out by a response playbook, stays out (no restoration). Hung: a denial of service
// that needs a manual reboot on site.
enum class Damage : std::uint8_t {
  None,
  Denied,
  Isolated,
  Hung,
  Open,
  Tripped,
  Compromised,
  Wiped,
  Damaged,
  Firmware
};
enum class RepairMode : std::uint8_t { None, Remote, Manual, Replacement };

//! Per-element contribution to its layer's aggregates; kept so updates are O(changed).
struct Contribution {
  double customers_out = 0, shed_mw = 0, passengers = 0;
  int failed = 0, compromised = 0, loc = 0, lov = 0, backup = 0, degraded = 0, impaired = 0;
};

struct LayerAggregate {
  double customers_out = 0, shed_mw = 0, passengers = 0;
  long failed = 0, compromised = 0, loc = 0, lov = 0, backup = 0, degraded = 0, impaired = 0;
  int short_elements = 0;
};

inline constexpr std::uint32_t kNoStep = 0xffffffffu;

//! One target of one campaign step: where the attacker stands with it.
struct StepTarget {
  enum class Status : std::uint8_t { Idle, Scheduled, Succeeded, Exhausted };
  Status status = Status::Idle;
  int attempts = 0;
};

//! An attempt in flight: scheduled to start, then to finish.
struct Attempt {
  std::uint32_t step = 0;
  std::uint32_t target_pos = 0;  // position in the step's targets
  model::ElementIndex from = model::kNoElement;
  int number = 0;  // 1 = first attempt; part of the attempt's random streams
  bool done = false;
  bool cut_off = false;  // a prerequisite was lost while it ran: it fails when due

  //! Keys this attempt's random streams: the same attempt draws the same numbers whatever else
  //! the run does (common random numbers across alternatives).
  [[nodiscard]] std::uint64_t key() const {
    return (std::uint64_t{step} << 40) ^ (std::uint64_t{target_pos} << 12) ^
           static_cast<std::uint64_t>(number);
  }
};

struct Runtime {
  // Damage and its repair
  Damage damage = Damage::None;
  std::uint32_t damage_event = 0;
  double detect_at = -1.0;
  bool repairing = false;
  bool holds_crew = false;
  bool waiting_for_crew = false;
  std::uint32_t crew = RepairStep::kNoCrew;  // routed crew on the job
  bool no_route = false;                     // routed: free crews have no open road to it
  RepairMode mode = RepairMode::None;
  std::uint32_t repair_token = 0;
  std::uint32_t damage_count = 0;  // how many times damaged: part of repair random streams
  bool backup_disabled = false;
  std::uint32_t backup_disabled_event = 0;  // an event, or a campaign step when backup_disabled_by_step
  bool backup_disabled_by_step = false;
  Cause damage_cause;            // what did the damage: a scenario event, or an overload
  double overload_since = -1.0;  // links of flow models: start of the current overload
  Cause overload_cause;

  // Derived by settling
  bool available = true;
  bool energised = true;
  double served = 1.0;
  bool operational = true;
  double nonoperational_since = 0.0;
  bool dependency_failed = false;
  bool on_backup = false;
  double capacity_factor = 1.0;
  bool loss_of_control = false;
  bool loss_of_view = false;
  Cause dependency_cause, backup_cause, degrade_cause, physics_cause, control_cause, view_cause;
  model::ElementIndex last_upstream = model::kNoElement;  // feeder in the last solve that energised it
  model::ElementIndex last_source = model::kNoElement;    // island source then

  // The attacker
  bool attacker_holds = false;                        // foothold, control or entry point
  std::uint32_t held_by_step = kNoStep;               // the step that gave it (kNoStep: entry point)
  model::ElementIndex held_from = model::kNoElement;  // where that step ran from
  bool manual_operations = false;  // a response put it under manual operation: no remote commands
  double setpoint = 1.0;           // fraction of its capacity a source may produce (setpoint attacks)
  Cause setpoint_cause;
  std::uint32_t setpoint_token = 0;
  std::uint32_t manual_operations_response = 0;

  // Recorded
  State state = State::InService;
  Cause state_cause;
  bool ever_down = false;
  bool in_worklist = false;
  bool touched = false;
};

//! A crew of a pool with a depot, between jobs or on one. Its last drive (leg) went from junction
//! `from`, leaving at `depart`, to junction `to`, arriving at `arrive`.
struct Crew {
  std::uint16_t pool = 0;
  std::uint32_t depot = 0;  // junction
  model::ElementIndex job = model::kNoElement;
  std::uint32_t from = 0, to = 0;
  double depart = 0.0, arrive = 0.0;
  double shift_start = -1.0;  // <0: off duty, the next job starts a shift
  double ready_at = 0.0;      // resting until
  bool must_rest = false;     // the shift is over: home, then rest
};

class Simulation {
 public:
  Simulation(const model::Scenario& scenario, const RunOptions& options, Observer* observer);
  RunResult run();

 private:
  // simulation.cpp
  void prepare_result();
  void settle_initial_state();
  void handle(const QueueItem& item, double t);
  void enqueue(model::ElementIndex x);
  void touch(model::ElementIndex x);
  double sample(const core::DurationDistribution& dist, std::string_view purpose, std::uint64_t item) const;
  bool is_power_element(model::ElementIndex x) const;

  // damage.cpp
  void apply_event(std::uint32_t event_index, double t);
  bool set_damage(model::ElementIndex x, Damage damage, std::uint32_t event_index, const Cause& cause,
                  double t);
  void cancel_repair(model::ElementIndex x, double t);
  void clear_damage(model::ElementIndex x, const Cause& cause, double t);

  // settling.cpp
  void settle(double t);
  void evaluate(model::ElementIndex x, double t);
  void set_operational(model::ElementIndex x, bool operational, double t);
  void update_flags(double t, bool record = true);
  void spread_flag(model::DependencyEffect effect, double t, bool record);

  // power_physics.cpp
  void solve_power(std::uint32_t layer_index, double t);
  void watch_overloads(std::uint32_t layer_index, double t);
  void check_trip(model::ElementIndex x, double t);
  Cause trace_physics_cause(model::ElementIndex x) const;

  // restoration.cpp
  void start_repairs(double t);
  void dispatch_crews(double t);
  double work_minutes(model::ElementIndex x, std::uint64_t item) const;
  void begin_repair(model::ElementIndex x, RepairMode mode, double done_at);
  void finish_repair(model::ElementIndex x, std::uint32_t token, double t);
  std::uint16_t crew_pool_of(model::ElementIndex x) const;
  std::tuple<int, double, model::ElementIndex> wait_key(model::ElementIndex x) const;
  bool has_control_dependency(model::ElementIndex x) const;
  bool access_blocked(model::ElementIndex x) const;
  void log_repair(double t, model::ElementIndex x, RepairStep::Kind kind, double until = 0.0,
                  double arrive = 0.0);
  Cause repair_cause(model::ElementIndex x, Reason reason) const;

  // crew_routing.cpp
  void prepare_crews();
  void dispatch_routed(double t);
  void release_crew(std::uint32_t crew, double t);
  void send_crews_home(double t);
  //! When crew `c` can be at junction `site` if it leaves now; `origin`, `depart` receive where and
  //! when its drive starts. RoadGraph::kUnreachable when no open road leads there.
  double crew_arrival(const Crew& c, std::uint32_t site, double t, std::uint32_t& origin, double& depart);
  void record_leg(std::uint32_t c, CrewLeg::Purpose purpose, model::ElementIndex job);
  //! Logs a WaitingForCrew step when whether an open road reaches job `x` changed.
  void note_route_change(model::ElementIndex x, bool reachable, const std::vector<std::uint32_t>& sites,
                         double t);
  //! The next job for a free crew of a routed pool: indices into `jobs` and `free`.
  struct RoutedPick {
    double arrive = RoadGraph::kUnreachable;
    std::size_t job = 0, crew = 0;
    std::uint32_t origin = 0, site = RoadGraph::kNone;
    double depart = 0.0;
  };
  RoutedPick pick_exhaustive(const model::CrewPool& pool, double t, const std::vector<std::uint32_t>& free,
                             const std::vector<model::ElementIndex>& jobs);
  RoutedPick pick_nearest(const model::CrewPool& pool, double t, const std::vector<std::uint32_t>& free,
                          const std::vector<model::ElementIndex>& jobs);

  // traction.cpp
  void apply_traction(model::ElementIndex x, bool& failed, double& factor, Cause& fail_cause,
                      Cause& degrade_cause) const;

  // battery.cpp
  void prepare_stores();
  //! Store of dependency `d` discharges from `from` (its supplier lost) on; when it runs dry.
  double store_discharge(std::uint32_t d, double from, double t);
  //! Store of dependency `d` stops discharging at t: it recharges when `supplier_works`.
  void store_pause(std::uint32_t d, double t, bool supplier_works);
  void sample_store(std::uint32_t s);

  // fuel_delivery.cpp
  void prepare_fuel();
  void dispatch_fuel(double t);
  void fuel_delivered(std::uint32_t truck, double t);
  bool send_truck_home(std::uint32_t truck, double t);  //!< false: no open road home
  void log_fuel(double t, FuelRecord::Kind kind, std::uint32_t store,
                std::uint32_t truck = FuelRecord::kNone);

  // campaign.cpp
  void prepare_campaign();
  void start_campaign(double t);
  void advance_campaign(double t);
  void start_attempt(std::uint32_t attempt, double t);
  void finish_attempt(std::uint32_t attempt, double t);
  bool prerequisites_met(const model::AttackStep& step) const;
  void apply_step_effect(const Attempt& attempt, double t);
  void check_objectives(double t);
  void log_attack(double t, AttackRecord::Status status, std::uint32_t step, model::ElementIndex target,
                  model::ElementIndex from, std::uint32_t control = AttackRecord::kNoIndex,
                  std::uint32_t response = AttackRecord::kNoIndex);
  Cause step_cause(const Attempt& attempt) const;

  // attack_reach.cpp
  void compute_reach();
  void ensure_reach() {
    if (reach_stale_) compute_reach();
  }
  bool usable_by_attacker(model::ElementIndex x) const;
  model::ElementIndex reached_from(const model::AttackStep& step, model::ElementIndex target) const;

  // defence.cpp
  double delayed_time_to_compromise(const model::AttackStep& step, double minutes) const;
  std::uint32_t blocking_control(const Attempt& attempt) const;
  void raise_alerts(const Attempt& attempt, double t);
  void on_alert(std::uint32_t alert, double t);
  void run_response(std::uint32_t response, double t);
  void evict(model::ElementIndex x, std::uint32_t response, double t);
  void set_setpoint(model::ElementIndex x, double setpoint, const Cause& cause);
  void cut_off_attempts();

  // recorder.cpp
  State derive_state(model::ElementIndex x, Cause& cause) const;
  Cause recovery_cause(model::ElementIndex x, const Cause& previous) const;
  void emit_changes(double t);
  void refresh_contribution(model::ElementIndex x);
  void record_services();
  void log_service(model::ElementIndex x, double t);
  void record_trace(double t);

  const model::Scenario& scenario_;
  const model::Network& network_;
  const std::vector<model::Event>& events_;
  const std::vector<model::Element>& elements_;
  NullObserver null_observer_;
  Observer* observer_;
  std::uint64_t seed_;
  std::uint64_t run_index_;
  double horizon_;

  std::vector<Runtime> rt_;
  std::vector<Contribution> contribution_;
  std::vector<LayerAggregate> aggregate_;
  std::vector<std::vector<std::uint32_t>> incoming_, outgoing_;
  std::unique_ptr<PowerModel> power_model_;
  PowerSolution solution_;
  std::vector<char> available_;
  std::vector<std::uint32_t> power_layers_;
  std::vector<char> physics_dirty_;
  EventQueue queue_;
  std::deque<model::ElementIndex> worklist_;
  std::vector<model::ElementIndex> touched_;
  std::vector<StateChange> pending_flag_changes_;
  std::vector<std::uint32_t> flag_source_;                // scratch for spread_flag
  CentralityCache centrality_;                            // for targeted attacks, on first use
  std::vector<char> flag_supplier_;                       // supplies a control or monitoring dependency
  std::map<model::ElementIndex, Cause> recovery_causes_;  // what undid damage, until emitted
  std::vector<std::uint32_t> flag_dependencies_;
  std::vector<model::ElementIndex> flag_queue_;
  bool operational_changed_ = true;
  std::set<model::ElementIndex> damaged_;
  std::map<std::uint32_t, std::vector<model::ElementIndex>>
      recent_changes_;  // per power layer, since its last solve
  std::set<std::tuple<int, double, model::ElementIndex>> waiting_;
  std::vector<std::string> crew_pool_names_;
  std::vector<std::uint16_t> element_pool_;  // per element: its crew pool (crew_pool_of), found once
  std::vector<int> free_crews_;  // per crew pool; the default pool has none unless the scenario names it
  std::vector<char> pool_exists_;
  std::vector<char> pool_routed_;     // per crew pool: it has a depot
  std::unique_ptr<RoadGraph> roads_;  // only when some pool is routed
  bool roads_dirty_ = false;
  bool exhaustive_routing_ = false;  // RunOptions::exhaustive_routing          // a road, junction or signal
                                     // zone changed its working state
  std::vector<Crew> crews_;          // routed crews, pool by pool

  // Traction lines (traction.cpp) and the passenger services' shares of service (recorder.cpp)
  std::unique_ptr<TractionLines> traction_;  // only when the scenario has traction lines
  std::vector<std::uint32_t> service_of_;    // per element: index into result_.services, or kNoStep
  std::vector<double> service_fraction_;     // per service: its share of service as last logged

  // Batteries and tanks with a level (battery.cpp), fuel trucks (fuel_delivery.cpp)
  std::vector<StoreState> stores_;
  std::vector<std::uint32_t> store_of_;  // per dependency: its store, or kNoDependency
  std::vector<FuelTruck> trucks_;        // pool by pool; roads_ is built for them too
  std::vector<FuelOrder> fuel_orders_;

  // The campaign (campaign.cpp, attack_reach.cpp, defence.cpp)
  const model::Campaign& campaign_;
  std::vector<std::vector<StepTarget>> step_targets_;  // per step, per target
  std::vector<int> step_successes_;                    // per step, not revoked
  std::vector<char> step_needs_credentials_;           // per step: requires a credentials step, transitively
  std::vector<Attempt> attempts_;
  std::vector<char> objective_reached_;
  bool campaign_started_ = false;
  bool campaign_dirty_ = false;                        // re-check which step targets can run
  bool reach_stale_ = true;                            // what the attacker reaches must be recomputed
  std::vector<model::ElementIndex> cyber_reach_from_;  // per element: held asset it is reached from
  std::vector<model::ElementIndex> control_reach_from_;
  std::vector<std::vector<std::uint32_t>> cyber_links_;     // per element: cyber links at it
  std::vector<std::vector<model::ElementIndex>> controls_;  // per element: what it controls
  // Per element: its state can change what the attacker reaches or may try (a cyber element, a
  // link of the control chain, or a step target); changes elsewhere leave the campaign as it was.
  std::vector<char> reach_relevant_;
  struct Alert {
    double time = 0.0;
    std::uint32_t step = 0;
    std::uint32_t control = 0;
    model::ElementIndex target = model::kNoElement;
    model::ElementIndex from = model::kNoElement;
  };
  std::vector<Alert> alerts_;
  std::vector<char> response_fired_;
  RunResult result_;
};

}  // namespace blackstart::sim
