#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/core/duration.hpp"
#include "blackstart/model/campaign.hpp"
#include "blackstart/model/exercise.hpp"
#include "blackstart/model/fuel_pool.hpp"
#include "blackstart/model/network.hpp"
#include "blackstart/model/traction.hpp"

namespace blackstart::model {

enum class Action {
  OpenBreaker,      //!< switch off: the asset stops passing power until re-closed
  Trip,             //!< protection trip: re-closed remotely if controllable, else by a crew on site
  Damage,           //!< physical damage: needs on-site repair
  Compromise,       //!< attacker controls the asset; defenders lose it until cleaned up
  DestroyFirmware,  //!< bricked device: replacement, or on-site reflash if firmware is recoverable
  Wipe,             //!< data destroyed (KillDisk): host rebuilt on site
  DenyService,      //!< unavailable for the event's duration (DoS, TDoS)
  DisableBackup,    //!< the asset's backups (UPS, battery, diesel) no longer carry it
  Restore,          //!< put back in service at once
};

std::string_view to_string(Action action);
std::optional<Action> parse_action(std::string_view text);
std::vector<std::string> action_names();

struct Event {
  std::string id;
  double at_min = 0.0;
  Action action = Action::Trip;
  std::string target_pattern;         //!< as written, for reports
  std::vector<ElementIndex> targets;  //!< resolved at load, in index order
  std::string technique;              //!< MITRE ATT&CK for ICS id, e.g. T0831
  std::string description;
  std::optional<core::DurationDistribution> duration;  //!< DenyService: how long
  //! Chance that the event succeeds in a run; a distribution is drawn once per run (values 0..1,
  //! stored in the distribution's minute fields as plain numbers).
  core::DurationDistribution probability = core::DurationDistribution::fixed(1.0);
  int choose = 0;  //!< > 0: the event hits this many targets drawn at random from `targets`
  //! How `choose` picks: at random, or the targets of highest degree / betweenness in their layer's
  //! graph (the classic targeted attacks; ties to the element listed first).
  enum class Selection { Random, HighestDegree, HighestBetweenness };
  Selection selection = Selection::Random;
  bool enabled = true;  //!< mitigations may disable an event
  SourceLocation location;
};

//! Field crews of one operator: the limited resource for manual work.
struct CrewPool {
  std::string operator_name;
  int count = 1;
  //! Time to reach a job when the crew is not routed over roads (no depot, or no road to the job).
  core::DurationDistribution travel = core::DurationDistribution::fixed(30);
  //! Routed crews: the transport assets (road junctions) the crews start from, crew k from depot
  //! k mod size. Empty: the pool's crews are not routed and draw `travel` for every job.
  std::vector<ElementIndex> depots;
  //! Routed crews: after this long on duty a crew finishes its job, drives back to its depot and
  //! rests. ASSUMPTION: 16 h on / 8 h off, the usual cap on consecutive hours in utility storm
  //! restoration; both can be set per pool.
  double shift_min = 16 * 60;
  double rest_min = 8 * 60;
  SourceLocation location{};

  [[nodiscard]] bool routed() const { return !depots.empty(); }
};

//! How crews move over the road network (`roads:`): speeds by road class, dark traffic signals.
struct RoadSettings {
  //! Number of road classes: 0 (motorway) ... 7 (track, service road), the functional road classes
  //! of navigation data.
  static constexpr int kClasses = 8;
  //! Speed of a repair vehicle per road class, km/h. ASSUMPTION: typical free-flow speeds of a van
  //! on motorway, trunk, primary, secondary, tertiary, local, residential and service roads, less a
  //! margin for a loaded truck; not from a source. A road's own `speed_kmh` overrides its class.
  double speed_kmh[kClasses] = {90, 80, 65, 55, 45, 35, 25, 15};
  //! Class of a road without `road_class`. ASSUMPTION: a tertiary road.
  int default_class = 4;
  //! Speed factor on a road whose traffic-signal zone is dark. ASSUMPTION: dark junctions work as
  //! all-way stops, which about halves urban travel speed.
  double dark_signals_factor = 0.5;
  //! Share of a road's `capacity_vph` left while its traffic-signal zone is dark. ASSUMPTION: dark
  //! junctions work as all-way stops, which pass about half the vehicles of signalled ones.
  double dark_signals_capacity_factor = 0.5;
  SourceLocation location;
};

struct RestorationPolicy {
  //! Time before operators start restoring an asset they can see.
  core::DurationDistribution detection = core::DurationDistribution::fixed(5);
  //! Same when the asset is under loss of view: they learn from field reports or customer calls.
  core::DurationDistribution detection_without_view = core::DurationDistribution::fixed(30);
};

//! One change a mitigation makes; targets are resolved at load.
struct MitigationChange {
  enum class Kind {
    SetCrews,
    SetAttribute,
    SetRepair,
    DisableEvent,
    RemoveBackup,
    AddBackup,
    EnableControl,    //!< switch a control on; `control` is added when the scenario has none of that name
    DisableControl,   //!< switch a control off (no change when the scenario has none of that name)
    EnableResponse,   //!< switch a response playbook on
    DisableResponse,  //!< ... or off
    SetRestoration,   //!< replace the operators' detection delays
  };
  Kind kind = Kind::SetAttribute;
  std::string operator_name;                         //!< SetCrews
  std::optional<int> crew_count;                     //!< SetCrews
  std::optional<core::DurationDistribution> travel;  //!< SetCrews
  std::vector<ElementIndex> targets;                 //!< SetAttribute, SetRepair, backups (dependents)
  std::string attribute;                             //!< SetAttribute name, or SetRepair kind
  double value = 0.0;                                //!< SetAttribute
  core::DurationDistribution repair_time;            //!< SetRepair
  std::string event_id;                              //!< DisableEvent
  double backup_min = 0.0;                           //!< AddBackup: autonomy
  std::string name;                                  //!< Enable/DisableControl, Enable/DisableResponse
  //! EnableControl: the library's definition, added (switched on) when the scenario lacks `name`.
  std::optional<Control> control;
  std::optional<core::DurationDistribution> detection;               //!< SetRestoration
  std::optional<core::DurationDistribution> detection_without_view;  //!< SetRestoration
};

struct Mitigation {
  std::string name;
  std::string description;
  std::vector<MitigationChange> changes;
  SourceLocation location;
};

//! The physics that decides which loads a power layer serves (`power_model:` in a scenario). The
//! simulator's PowerModelRegistry holds one implementation per kind.
enum class PowerModelKind {
  Connectivity,  //!< islands and proportional shedding
  Dc,            //!< plus DC power flow and overload trips
  Ac,            //!< plus AC power flow and voltage collapse
};

std::string_view to_string(PowerModelKind kind);
std::optional<PowerModelKind> parse_power_model(std::string_view text);
std::vector<std::string> power_model_names();

//! Which rating a link's flow is checked against (`power_flow.rating`).
enum class LinkRating {
  RateA,       //!< the link's `rate_a_mva` (MATPOWER rateA), else capacity_mw
  RateB,       //!< `rate_b_mva`, else capacity_mw
  RateC,       //!< `rate_c_mva`, else capacity_mw
  CapacityMw,  //!< capacity_mw only
};

std::string_view to_string(LinkRating rating);  //!< `rate_a`, `rate_b`, `rate_c`, `capacity_mw`
std::optional<LinkRating> parse_link_rating(std::string_view text);
std::vector<std::string> link_rating_names();

//! Options of the flow-based power models (`dc`, `ac`).
struct PowerFlowSettings {
  LinkRating rating = LinkRating::RateA;
  double overload_tolerance = 0.0;  //!< a link trips above rating * (1 + tolerance)
  double trip_delay_min = 1.0;      //!< how long an overload must last before protection trips
  double unrated_margin = 0.0;      //!< >0: links without rating get (1 + margin) * base-case flow
  double unrated_floor_mw = 1.0;    //!< ... but at least this much
  SourceLocation location;
};

struct SourceRef {
  std::string title;
  std::string url;
  std::string note;
};

//! A textbook cascade model run instead of the simulator (`classic_model:` in a scenario). Plain
//! numbers and file paths only: the study module builds the graphs (see study/classic.hpp).
struct ClassicModelSpec {
  enum class Kind { MutualPercolation, MotterLai };
  Kind kind = Kind::MutualPercolation;
  //! CSV edge lists (`u,v`), resolved against the scenario's folder; empty when generated.
  //! Mutual percolation uses layer_a, layer_b and dependencies (optional, `from,to`: A node `from`
  //! supports B node `to`, and back); Motter-Lai uses layer_a only.
  std::string layer_a, layer_b, dependencies;
  //! Generated graphs instead of files: model "erdos_renyi" (n, mean_degree) or "barabasi_albert" (n, m).
  std::string generator;  //!< empty: graphs come from files
  std::uint32_t n = 0;
  double mean_degree = 0.0;
  std::uint32_t m = 0;
  double p = 1.0;      //!< mutual percolation: fraction of A nodes kept
  double alpha = 0.0;  //!< Motter-Lai tolerance
  //! Motter-Lai: which node the attack removes first.
  enum class Attack { HighestLoad, HighestDegree, Random };
  Attack attack = Attack::HighestLoad;
  std::optional<std::uint64_t> seed;  //!< default: the scenario's seed
  SourceLocation location;
};

std::string_view to_string(ClassicModelSpec::Attack attack);  //!< `highest_load`, `highest_degree`, `random`
std::optional<ClassicModelSpec::Attack> parse_classic_attack(std::string_view text);
std::vector<std::string> classic_attack_names();

//! Everything one run needs: network, attack timeline, restoration resources, what-if toggles.
struct Scenario {
  std::string file;
  int format_version = 1;
  std::string name;
  std::string description;
  std::string start_time;  //!< wall-clock label of t = 0, free text (ISO 8601 recommended)
  double horizon_min = 1440.0;
  double report_step_min = 5.0;
  std::uint64_t seed = 1;
  PowerModelKind power_model = PowerModelKind::Connectivity;
  PowerFlowSettings power_flow;
  Network network;
  std::vector<Event> events;
  std::map<std::string, CrewPool> crews;  //!< by operator name
  RestorationPolicy restoration;
  RoadSettings roads;  //!< used by crews that have depots

  //! Electric lines as sections fed by traction substations.
  TractionSettings traction;
  //! Fuel trucks for backup generators with a tank (fuel_pool.hpp).
  std::vector<FuelPool> fuel;
  //! `backdrop:` — the map view's GeoJSON backdrop (io/backdrop.hpp reads it), checked at load.
  struct Backdrop {
    std::string written;        //!< as written in the scenario
    std::string path;           //!< resolved against the scenario's folder; empty when built in
    std::string_view embedded;  //!< a built-in scenario's backdrop, compiled into the program
    SourceLocation location;
  };
  std::optional<Backdrop> backdrop;
  std::vector<Mitigation> mitigations;
  std::vector<SourceRef> sources;
  std::optional<ClassicModelSpec> classic_model;  //!< set: a textbook model, not the simulator
  Campaign campaign;                              //!< the attacker; empty: only the timed events act
  std::vector<Control> controls;                  //!< security controls, switchable by mitigations
  std::vector<Response> responses;                //!< playbooks acting on the controls' alerts
  Exercise exercise;                              //!< injects and decision points (exercise mode)

  [[nodiscard]] const Mitigation* find_mitigation(std::string_view name) const;
};

//! Applies named mitigations in the order given; unknown names are errors (with suggestions).
core::Diagnostics apply_mitigations(Scenario& scenario, const std::vector<std::string>& names);

}  // namespace blackstart::model
