// Discrete-event simulation of an interdependent network under attack and restoration.
//
// Time advances from one scheduled item to the next (scenario events, repair completions, the end
// of a denial of service, timers of dependency delays and backups). At each time the engine
//   1. applies what is due (damage from events, finished repairs),
//   2. settles the network: availability through hard dependencies, power physics per power layer,
//      until nothing changes (worklist over the dependency graph, so cost follows what changed),
//   3. derives loss of control and loss of view, which travel transitively along control and
//      monitoring dependencies,
//   4. lets operators start repairs (remote when the asset is controllable, otherwise a crew),
//   5. records every state change with its cause, and one trace point of layer aggregates.
// The rules are described for users in docs/models.md.
#include "blackstart/sim/simulator.hpp"

#include <boost/graph/betweenness_centrality.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "blackstart/core/random.hpp"
#include "blackstart/sim/power_model.hpp"

namespace blackstart::sim {

using model::Action;
using model::DependencyEffect;
using model::DependencyKind;
using model::ElementIndex;
using model::kNoElement;
using model::Role;

namespace {

constexpr std::uint32_t kNoEvent = 0xffffffffu;
constexpr std::uint32_t kNoDependency = 0xffffffffu;

// Ordered by severity: a new attack replaces a lesser damage, never a worse one.
enum class Damage : std::uint8_t { None, Denied, Open, Tripped, Compromised, Wiped, Damaged, Firmware };
enum class RepairMode : std::uint8_t { None, Remote, Manual, Replacement };

struct QueueItem {
  enum class Kind : std::uint8_t { ScenarioEvent, RepairDone, DenyEnd, Wake, TripCheck };
  double time = 0.0;
  std::uint64_t sequence = 0;
  Kind kind = Kind::Wake;
  std::uint32_t payload = 0;
  std::uint32_t token = 0;
  bool operator>(const QueueItem& other) const {
    return time != other.time ? time > other.time : sequence > other.sequence;
  }
};

struct Cause {
  CauseKind kind = CauseKind::Event;
  std::string text;
  ElementIndex element = kNoElement;
  std::optional<DependencyKind> via;
  std::string detail;
};

//! A cause as kept per element: strings interned in the simulation's table, 16 bytes instead of ~80.
struct StoredCause {
  CauseKind kind = CauseKind::Event;
  std::optional<DependencyKind> via;
  ElementIndex element = kNoElement;
  std::uint32_t text = 0;  // index into the string table; 0 is ""
  std::uint32_t detail = 0;
};

//! Per-element contribution to its layer's aggregates; kept so updates are O(changed).
struct Contribution {
  double customers_out = 0, shed_mw = 0, passengers = 0;
  int failed = 0, compromised = 0, loc = 0, lov = 0, backup = 0, degraded = 0, impaired = 0;
};

struct Runtime {
  Damage damage = Damage::None;
  std::uint32_t damage_event = 0;
  double detect_at = -1.0;
  bool repairing = false;
  bool holds_crew = false;
  bool waiting_for_crew = false;
  RepairMode mode = RepairMode::None;
  std::uint32_t repair_token = 0;
  std::uint32_t damage_count = 0;  // how many times damaged: part of repair random streams
  bool backup_disabled = false;
  std::uint32_t backup_disabled_event = 0;
  StoredCause damage_cause;      // what did the damage: a scenario event, or an overload
  double overload_since = -1.0;  // links of flow models: start of the current overload
  StoredCause overload_cause;

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
  StoredCause dependency_cause, backup_cause, degrade_cause, physics_cause, control_cause, view_cause;

  State state = State::InService;
  StoredCause state_cause;
  bool ever_down = false;
  bool in_worklist = false;
  bool touched = false;
};

class Simulation {
 public:
  Simulation(const model::Scenario& scenario, const RunOptions& options, Observer* observer)
      : scenario_(scenario),
        network_(scenario.network),
        events_(options.events ? *options.events : scenario.events),
        elements_(network_.elements()),
        observer_(observer ? observer : &null_observer_),
        seed_(options.seed.value_or(scenario.seed)),
        run_index_(options.run_index),
        horizon_(options.until_min.value_or(scenario.horizon_min)) {
    const std::size_t n = elements_.size();
    rt_.resize(n);
    contribution_.resize(n);
    incoming_.resize(n);
    outgoing_.resize(n);
    const auto& deps = network_.dependencies();
    flag_supplier_.assign(n, 0);
    for (std::uint32_t d = 0; d < deps.size(); ++d) {
      incoming_[deps[d].dependent].push_back(d);
      outgoing_[deps[d].supplier].push_back(d);
      if (deps[d].effect == DependencyEffect::LoseControl || deps[d].effect == DependencyEffect::LoseView) {
        flag_supplier_[deps[d].supplier] = 1;
        flag_dependencies_.push_back(d);
      }
    }
    const auto& registry = PowerModelRegistry::builtin();
    const PowerModelInfo* info = registry.find(scenario.power_model);
    if (!info)
      throw std::logic_error("unknown power model '" + scenario.power_model + "' reached the simulator");
    power_model_ = info->create(scenario.power_flow);
    solution_.resize(n);
    previous_solution_.resize(n);
    for (std::uint32_t l = 0; l < network_.layers().size(); ++l)
      if (network_.layers()[l].kind == model::LayerKind::Power) power_layers_.push_back(l);
    physics_dirty_.assign(network_.layers().size(), 0);
    for (const auto& [name, pool] : scenario.crews) free_crews_[name] = pool.count;
  }

  RunResult run() {
    prepare_result();
    observer_->run_started(horizon_);
    settle_initial_state();
    const auto& events = events_;
    for (std::uint32_t i = 0; i < events.size(); ++i)
      if (events[i].enabled && events[i].at_min <= horizon_)
        push(events[i].at_min, QueueItem::Kind::ScenarioEvent, i);

    while (!queue_.empty()) {
      if (observer_->cancel_requested()) {
        result_.cancelled = true;
        break;
      }
      const double t = queue_.top().time;
      if (t > horizon_) break;
      while (!queue_.empty() && queue_.top().time == t) {
        const QueueItem item = queue_.top();
        queue_.pop();
        handle(item, t);
      }
      settle(t);
      update_flags(t);
      start_repairs(t);
      emit_changes(t);
      record_trace(t);
      observer_->step_done(t);
      if (horizon_ > 0) observer_->progress(std::min(1.0, t / horizon_));
    }
    for (ElementIndex x = 0; x < elements_.size(); ++x) result_.final_states[x] = rt_[x].state;
    observer_->progress(1.0);
    return std::move(result_);
  }

 private:
  // ----------------------------------------------------------------------------------- set-up
  void prepare_result() {
    result_.scenario_name = scenario_.name;
    result_.seed = seed_;
    result_.horizon_min = horizon_;
    const auto& layers = network_.layers();
    result_.totals.resize(layers.size());
    aggregate_.resize(layers.size());
    for (const auto& layer : layers) {
      result_.layer_names.push_back(layer.name);
      result_.layer_kinds.push_back(layer.kind);
    }
    for (const auto& e : elements_) {
      auto& totals = result_.totals[e.layer];
      if (!e.is_link) ++totals.assets;
      if (e.has_demand() && layers[e.layer].kind == model::LayerKind::Power) {
        totals.customers += e.customers;
        totals.load_mw += std::max(0.0, e.load_mw);
      }
      totals.passengers_per_hour += e.passengers_per_hour;
    }
    result_.final_states.resize(elements_.size());
  }

  void settle_initial_state() {
    // The normal state is whatever the network gives before any event; it is not a change.
    for (ElementIndex x = 0; x < elements_.size(); ++x) enqueue(x);
    for (auto layer : power_layers_) physics_dirty_[layer] = 1;
    settle(0.0);
    update_flags(0.0, /*record=*/false);
    for (ElementIndex x = 0; x < elements_.size(); ++x) {
      Runtime& r = rt_[x];
      Cause cause;
      r.state = derive_state(x, cause);
      r.state_cause = store(cause);
      r.touched = false;
      refresh_contribution(x);
    }
    touched_.clear();
    record_trace(0.0);
  }

  // ----------------------------------------------------------------------------------- causes
  std::uint32_t intern(const std::string& text) {
    const auto [it, inserted] = string_ids_.emplace(text, static_cast<std::uint32_t>(strings_.size()));
    if (inserted) strings_.push_back(text);
    return it->second;
  }
  StoredCause store(const Cause& c) {
    return StoredCause{c.kind, c.via, c.element, intern(c.text), intern(c.detail)};
  }
  Cause load(const StoredCause& c) const {
    return Cause{c.kind, strings_[c.text], c.element, c.via, strings_[c.detail]};
  }

  // ----------------------------------------------------------------------------------- queue
  void push(double time, QueueItem::Kind kind, std::uint32_t payload, std::uint32_t token = 0) {
    queue_.push(QueueItem{time, sequence_++, kind, payload, token});
  }
  void enqueue(ElementIndex x) {
    if (!rt_[x].in_worklist) {
      rt_[x].in_worklist = true;
      worklist_.push_back(x);
    }
  }
  void touch(ElementIndex x) {
    if (!rt_[x].touched) {
      rt_[x].touched = true;
      touched_.push_back(x);
    }
  }
  double sample(const core::DurationDistribution& dist, std::string_view purpose, std::uint64_t item) const {
    if (dist.kind == core::DurationDistribution::Kind::Fixed) return dist.a_min;
    core::Rng rng(seed_, run_index_, purpose, item);
    return std::max(0.0, dist.sample_minutes(rng));
  }

  void handle(const QueueItem& item, double t) {
    switch (item.kind) {
      case QueueItem::Kind::ScenarioEvent:
        apply_event(item.payload, t);
        break;
      case QueueItem::Kind::RepairDone:
        finish_repair(item.payload, item.token, t);
        break;
      case QueueItem::Kind::DenyEnd: {
        Runtime& r = rt_[item.payload];
        if (r.damage == Damage::Denied && r.repair_token == item.token) {
          clear_damage(item.payload, Cause{CauseKind::Restoration, events_[r.damage_event].id, kNoElement,
                                           std::nullopt, "denial of service ended"});
        }
        break;
      }
      case QueueItem::Kind::Wake:
        enqueue(item.payload);
        break;
      case QueueItem::Kind::TripCheck:
        check_trip(item.payload, t);
        break;
    }
  }

  // ----------------------------------------------------------------------------------- events
  void apply_event(std::uint32_t event_index, double t) {
    const model::Event& event = events_[event_index];
    // Uncertain events: success and the random choice of targets come from the event's own stream.
    core::Rng rng(seed_, run_index_, "event", event_index);
    const double chance = event.probability.sample_minutes(rng);
    if (chance < 1.0 && rng.uniform01() >= chance) return;
    std::vector<ElementIndex> chosen;
    const std::vector<ElementIndex>* targets = &event.targets;
    if (event.choose > 0 && static_cast<std::size_t>(event.choose) < event.targets.size()) {
      chosen = event.targets;
      const auto k = static_cast<std::size_t>(event.choose);
      if (event.selection == model::Event::Selection::Random) {
        for (std::size_t i = 0; i < k; ++i) {
          const auto j =
              i + static_cast<std::size_t>(rng.uniform01() * static_cast<double>(chosen.size() - i));
          std::swap(chosen[i], chosen[std::min(j, chosen.size() - 1)]);
        }
      } else {
        const auto& score =
            event.selection == model::Event::Selection::HighestDegree ? degree() : betweenness();
        std::stable_sort(chosen.begin(), chosen.end(),
                         [&](ElementIndex a, ElementIndex b) { return score[a] > score[b]; });
      }
      chosen.resize(k);
      std::sort(chosen.begin(), chosen.end());
      targets = &chosen;
    }
    for (ElementIndex x : *targets) {
      Runtime& r = rt_[x];
      switch (event.action) {
        case Action::OpenBreaker:
          set_damage(x, Damage::Open, event_index, t);
          break;
        case Action::Trip:
          set_damage(x, Damage::Tripped, event_index, t);
          break;
        case Action::Damage:
          set_damage(x, Damage::Damaged, event_index, t);
          break;
        case Action::Compromise:
          set_damage(x, Damage::Compromised, event_index, t);
          break;
        case Action::DestroyFirmware:
          set_damage(x, Damage::Firmware, event_index, t);
          break;
        case Action::Wipe:
          set_damage(x, Damage::Wiped, event_index, t);
          break;
        case Action::DenyService:
          if (set_damage(x, Damage::Denied, event_index, t)) {
            const double length = event.duration ? sample(*event.duration, "deny_service",
                                                          (std::uint64_t{event_index} << 32) | x)
                                                 : 0.0;
            push(t + length, QueueItem::Kind::DenyEnd, x, r.repair_token);
          }
          break;
        case Action::DisableBackup:
          r.backup_disabled = true;
          r.backup_disabled_event = event_index;
          enqueue(x);
          break;
        case Action::Restore:
          if (r.damage != Damage::None)
            clear_damage(
                x, Cause{CauseKind::Event, event.id, kNoElement, std::nullopt, "restored by scenario event"});
          break;
      }
    }
  }

  //! Degree of every asset in its layer's graph (links: 0), computed once per run.
  const std::vector<double>& degree() {
    if (degree_.empty()) {
      degree_.assign(elements_.size(), 0.0);
      for (const auto& layer : network_.layers())
        for (auto x : layer.assets)
          degree_[x] = static_cast<double>(boost::degree(network_.vertex_of(x), layer.graph));
    }
    return degree_;
  }

  //! Betweenness centrality of every asset in its layer's graph (Brandes, Boost.Graph; links: 0),
  //! computed once per run on the normal topology.
  const std::vector<double>& betweenness() {
    if (betweenness_.empty()) {
      betweenness_.assign(elements_.size(), 0.0);
      for (const auto& layer : network_.layers()) {
        std::vector<double> centrality(boost::num_vertices(layer.graph), 0.0);
        boost::brandes_betweenness_centrality(
            layer.graph, boost::centrality_map(boost::make_iterator_property_map(
                             centrality.begin(), boost::get(boost::vertex_index, layer.graph))));
        for (auto x : layer.assets) betweenness_[x] = centrality[network_.vertex_of(x)];
      }
    }
    return betweenness_;
  }

  bool set_damage(ElementIndex x, Damage damage, std::uint32_t event_index, double t) {
    const model::Event& event = events_[event_index];
    return set_damage(x, damage, event_index,
                      Cause{CauseKind::Event, event.id, kNoElement, std::nullopt,
                            std::string(model::to_string(event.action)) +
                                (event.technique.empty() ? std::string() : " (" + event.technique + ")")},
                      t);
  }

  bool set_damage(ElementIndex x, Damage damage, std::uint32_t event_index, Cause cause, double t) {
    Runtime& r = rt_[x];
    if (r.damage != Damage::None && damage < r.damage) return false;
    cancel_repair(x);
    r.damage = damage;
    r.damage_event = event_index;
    r.damage_cause = store(cause);
    r.detect_at = -1.0;
    ++r.damage_count;
    ++r.repair_token;
    (void)t;
    damaged_.insert(x);
    enqueue(x);
    touch(x);
    return true;
  }

  void cancel_repair(ElementIndex x) {
    Runtime& r = rt_[x];
    if (r.holds_crew) ++free_crews_[crew_pool_of(x)];
    if (r.waiting_for_crew) waiting_.erase(wait_key(x));
    r.holds_crew = r.repairing = r.waiting_for_crew = false;
    r.mode = RepairMode::None;
  }

  void clear_damage(ElementIndex x, Cause cause) {
    Runtime& r = rt_[x];
    cancel_repair(x);
    r.damage = Damage::None;
    r.detect_at = -1.0;
    ++r.repair_token;
    recovery_causes_[x] = std::move(cause);
    enqueue(x);
    touch(x);
  }

  // ----------------------------------------------------------------------------------- settling
  //! Re-evaluates availability from damage and hard dependencies; schedules dependency timers.
  void evaluate(ElementIndex x, double t) {
    Runtime& r = rt_[x];
    const auto& deps = network_.dependencies();
    bool failed = false, backup = false;
    double factor = 1.0;
    Cause fail_cause, backup_cause, degrade_cause;
    for (std::uint32_t d : incoming_[x]) {
      const model::Dependency& dep = deps[d];
      if (dep.effect != DependencyEffect::Fail && dep.effect != DependencyEffect::Degrade) continue;
      const Runtime& s = rt_[dep.supplier];
      if (s.operational) continue;
      const double lost_at = s.nonoperational_since + dep.delay_min;
      if (t < lost_at) {
        push(lost_at, QueueItem::Kind::Wake, x);
        continue;
      }
      Cause cause{CauseKind::Dependency, elements_[dep.supplier].id, dep.supplier, dep.kind, ""};
      if (dep.effect == DependencyEffect::Degrade) {
        if (dep.degrade_factor < factor) {
          factor = dep.degrade_factor;
          degrade_cause = cause;
        }
        continue;
      }
      if (dep.backup_hours && !r.backup_disabled) {
        const double exhausted_at = lost_at + *dep.backup_hours * 60.0;
        if (t < exhausted_at) {
          if (!backup) {
            backup = true;
            cause.detail = (dep.backup_kind.empty() ? std::string("backup") : dep.backup_kind) +
                           " carries it until " + core::format_duration(core::Duration{exhausted_at});
            backup_cause = cause;
          }
          push(exhausted_at, QueueItem::Kind::Wake, x);
          continue;
        }
        cause.detail = (dep.backup_kind.empty() ? std::string("backup") : dep.backup_kind) + " exhausted";
      } else if (dep.backup_hours && r.backup_disabled) {
        cause.detail = "backup disabled by " + events_[r.backup_disabled_event].id;
      }
      if (!failed) {
        failed = true;
        fail_cause = cause;
      }
    }
    const bool available = r.damage == Damage::None && !failed;
    if (failed != r.dependency_failed || backup != r.on_backup || factor != r.capacity_factor) touch(x);
    r.dependency_failed = failed;
    r.on_backup = backup && !failed;
    r.capacity_factor = factor;
    if (failed) r.dependency_cause = store(fail_cause);
    if (backup) r.backup_cause = store(backup_cause);
    if (factor < 1.0) r.degrade_cause = store(degrade_cause);
    if (available != r.available) {
      r.available = available;
      touch(x);
      if (is_power_element(x)) {
        physics_dirty_[elements_[x].layer] = 1;
        recent_changes_[elements_[x].layer].push_back(x);
      }
    }
    if (!is_power_element(x)) set_operational(x, r.available, t);
  }

  bool is_power_element(ElementIndex x) const {
    return network_.layers()[elements_[x].layer].kind == model::LayerKind::Power;
  }

  void set_operational(ElementIndex x, bool operational, double t) {
    Runtime& r = rt_[x];
    if (operational == r.operational) return;
    r.operational = operational;
    if (!operational) r.nonoperational_since = t;
    if (flag_supplier_[x]) operational_changed_ = true;
    touch(x);
    for (std::uint32_t d : outgoing_[x]) enqueue(network_.dependencies()[d].dependent);
  }

  void settle(double t) {
    for (int guard = 0;; ++guard) {
      if (guard > 1000000) throw std::logic_error("settling did not terminate");
      while (!worklist_.empty()) {
        const ElementIndex x = worklist_.front();
        worklist_.pop_front();
        rt_[x].in_worklist = false;
        evaluate(x, t);
      }
      bool solved = false;
      for (auto layer : power_layers_) {
        if (!physics_dirty_[layer]) continue;
        physics_dirty_[layer] = 0;
        solve_power(layer, t);
        solved = true;
      }
      if (!solved && worklist_.empty()) break;
    }
  }

  void solve_power(std::uint32_t layer_index, double t) {
    std::swap(solution_, previous_solution_);
    available_.resize(elements_.size());
    const model::Layer& layer = network_.layers()[layer_index];
    for (auto x : layer.assets) available_[x] = rt_[x].available;
    for (auto x : layer.links) available_[x] = rt_[x].available;
    power_model_->solve(network_, layer_index, available_, solution_);
    auto apply = [&](ElementIndex x) {
      Runtime& r = rt_[x];
      const bool energised = solution_.energised[x] != 0;
      const double served = solution_.served[x];
      if (served != r.served) touch(x);
      r.served = served;
      if (energised != r.energised) {
        r.energised = energised;
        touch(x);
      }
    };
    for (auto x : layer.assets) apply(x);
    for (auto x : layer.links) apply(x);
    // Operational only after every energised flag is known, so causes can look upstream.
    std::vector<ElementIndex> lost;
    auto update = [&](ElementIndex x) {
      Runtime& r = rt_[x];
      const bool operational = r.available && r.energised;
      if (r.operational && !operational && r.available) lost.push_back(x);
      set_operational(x, operational, t);
    };
    for (auto x : layer.assets) update(x);
    for (auto x : layer.links) update(x);
    for (auto x : lost) rt_[x].physics_cause = store(trace_physics_cause(x));
    watch_overloads(layer_index, t);
    for (auto x : layer.assets)
      if (elements_[x].has_demand() && rt_[x].served < 1.0 && rt_[x].operational) {
        const ElementIndex source = solution_.island_source[x];
        rt_[x].physics_cause =
            store(Cause{CauseKind::Physics, source == kNoElement ? "" : elements_[source].id, source,
                        std::nullopt, "island short of generation: load shed proportionally"});
      }
  }

  //! Links above their rating start a protection timer; the trip happens if the overload lasts.
  void watch_overloads(std::uint32_t layer_index, double t) {
    auto& changed = recent_changes_[layer_index];
    std::sort(changed.begin(), changed.end());
    const ElementIndex trigger = changed.empty() ? kNoElement : changed.front();
    const auto& settings = scenario_.power_flow;
    for (auto x : network_.layers()[layer_index].links) {
      Runtime& r = rt_[x];
      const double loading = solution_.loading[x];
      if (!r.operational || loading <= 1.0 + settings.overload_tolerance) {
        r.overload_since = -1.0;
        continue;
      }
      if (r.overload_since >= 0) continue;
      r.overload_since = t;
      std::string detail = percent(loading) + " of its " + settings.rating + " rating";
      if (trigger != kNoElement)
        detail += " after " + elements_[trigger].id + (rt_[trigger].available ? " came back" : " went out");
      r.overload_cause =
          store(Cause{CauseKind::Physics, trigger == kNoElement ? std::string() : elements_[trigger].id,
                      trigger, std::nullopt, "overloaded to " + detail});
      push(t + settings.trip_delay_min, QueueItem::Kind::TripCheck, x);
    }
    changed.clear();
  }

  static std::string percent(double fraction) {
    return std::to_string(static_cast<long long>(std::llround(fraction * 100.0))) + "%";
  }

  void check_trip(ElementIndex x, double t) {
    Runtime& r = rt_[x];
    if (r.overload_since < 0 || t + 1e-9 < r.overload_since + scenario_.power_flow.trip_delay_min) return;
    if (r.damage != Damage::None) return;
    set_damage(x, Damage::Tripped, kNoEvent, load(r.overload_cause), t);
    r.overload_since = -1.0;
  }

  //! The nearest element upstream, on the path that fed `x` before, that no longer works.
  Cause trace_physics_cause(ElementIndex x) const {
    const model::Element& e = elements_[x];
    if (e.is_link) {
      // A line is dead when an end is: name the end that fed it if that went down, else the other.
      const ElementIndex fed_from = previous_solution_.upstream[x];
      const ElementIndex other = fed_from == e.from ? e.to : e.from;
      for (ElementIndex end : {fed_from == kNoElement ? e.from : fed_from, other})
        if (!rt_[end].operational)
          return Cause{CauseKind::Physics, elements_[end].id, end, std::nullopt,
                       "an end of the line lost power"};
    }
    ElementIndex current = previous_solution_.upstream[x];
    for (std::size_t steps = 0; current != kNoElement && steps < elements_.size(); ++steps) {
      if (!rt_[current].operational)
        return Cause{CauseKind::Physics, elements_[current].id, current, std::nullopt,
                     "lost supply through it"};
      current = previous_solution_.upstream[current];
    }
    const ElementIndex source = previous_solution_.island_source[x];
    if (source != kNoElement && !rt_[source].operational)
      return Cause{CauseKind::Physics, elements_[source].id, source, std::nullopt,
                   "its island lost its source"};
    return Cause{CauseKind::Physics, "", kNoElement, std::nullopt, "no path to an energised source"};
  }

  // ----------------------------------------------------------------------------------- flags
  //! Loss of control and of view spread from unavailable suppliers along control / monitoring
  //! dependencies, transitively: an RTU under a hijacked SCADA server cannot be used either.
  void update_flags(double t, bool record = true) {
    if (!operational_changed_ && record) return;
    operational_changed_ = false;
    spread_flag(DependencyEffect::LoseControl, t, record);
    spread_flag(DependencyEffect::LoseView, t, record);
  }

  void spread_flag(DependencyEffect effect, double t, bool record) {
    // Breadth first from every dependency whose supplier is down. Only the dependency that set a
    // flag is remembered (kNoDependency = none); causes are built for the few flags that change.
    const auto& deps = network_.dependencies();
    const std::size_t n = elements_.size();
    flag_source_.assign(n, kNoDependency);
    flag_queue_.clear();
    for (std::uint32_t d : flag_dependencies_) {
      const auto& dep = deps[d];
      if (dep.effect != effect || rt_[dep.supplier].operational ||
          flag_source_[dep.dependent] != kNoDependency)
        continue;
      flag_source_[dep.dependent] = d;
      flag_queue_.push_back(dep.dependent);
    }
    std::sort(flag_queue_.begin(), flag_queue_.end());
    for (std::size_t head = 0; head < flag_queue_.size(); ++head) {
      const ElementIndex x = flag_queue_[head];
      for (std::uint32_t d : outgoing_[x]) {
        const auto& dep = deps[d];
        if (dep.effect != effect || flag_source_[dep.dependent] != kNoDependency) continue;
        flag_source_[dep.dependent] = d;
        flag_queue_.push_back(dep.dependent);
      }
    }
    const bool control = effect == DependencyEffect::LoseControl;
    for (ElementIndex x = 0; x < n; ++x) {
      Runtime& r = rt_[x];
      bool& current = control ? r.loss_of_control : r.loss_of_view;
      const bool flagged = flag_source_[x] != kNoDependency;
      if (flagged == current) continue;
      StoredCause& stored = control ? r.control_cause : r.view_cause;
      const Cause previous = load(stored);
      current = flagged;
      Cause now;
      if (current) {
        const auto& dep = deps[flag_source_[x]];
        const bool direct = !rt_[dep.supplier].operational;
        now = Cause{CauseKind::Dependency, elements_[dep.supplier].id, dep.supplier, dep.kind,
                    direct ? "supplier not operational"
                           : (control ? "supplier under loss of control" : "supplier under loss of view")};
        stored = store(now);
      }
      touch(x);
      if (!record) continue;
      StateChange change;
      change.time_min = t;
      change.element = x;
      change.change = control ? ChangeKind::Control : ChangeKind::View;
      change.from =
          control ? (current ? "controlled" : "loss_of_control") : (current ? "visible" : "loss_of_view");
      change.to =
          control ? (current ? "loss_of_control" : "controlled") : (current ? "loss_of_view" : "visible");
      const Cause& c = current ? now : previous;
      change.cause_kind = c.kind;
      change.cause = c.text;
      change.cause_element = c.element;
      change.via = c.via;
      change.detail = current ? c.detail : "supplier back in operation";
      pending_flag_changes_.push_back(std::move(change));
    }
  }

  // ----------------------------------------------------------------------------------- repairs
  const std::string& crew_pool_of(ElementIndex x) const {
    static const std::string kDefault = "default";
    const std::string& op = elements_[x].operator_name;
    if (scenario_.crews.count(op)) return op;
    return kDefault;
  }
  std::tuple<int, double, ElementIndex> wait_key(ElementIndex x) const {
    return {-elements_[x].priority, rt_[x].detect_at, x};
  }
  bool has_control_dependency(ElementIndex x) const {
    for (std::uint32_t d : incoming_[x])
      if (network_.dependencies()[d].effect == DependencyEffect::LoseControl) return true;
    return false;
  }
  bool access_blocked(ElementIndex x) const {
    for (std::uint32_t d : incoming_[x]) {
      const auto& dep = network_.dependencies()[d];
      if (dep.effect == DependencyEffect::BlockAccess && !rt_[dep.supplier].operational) return true;
    }
    return false;
  }

  void start_repairs(double t) {
    // Work through damaged elements in index order: deterministic, and cheap because only
    // elements with damage are visited.
    for (auto it = damaged_.begin(); it != damaged_.end();) {
      const ElementIndex x = *it;
      Runtime& r = rt_[x];
      if (r.damage == Damage::None) {
        it = damaged_.erase(it);
        continue;
      }
      ++it;
      if (r.repairing || r.waiting_for_crew || r.damage == Damage::Denied) continue;
      if (r.detect_at < 0) {
        const auto& policy = scenario_.restoration;
        const bool blind = r.loss_of_view;
        r.detect_at = t + sample(blind ? policy.detection_without_view : policy.detection, "detection",
                                 (std::uint64_t{x} << 20) ^ r.damage_count);
        if (r.detect_at > t) push(r.detect_at, QueueItem::Kind::Wake, x);
      }
      if (t < r.detect_at) continue;
      const model::RepairTimes& times = elements_[x].repair;
      const std::uint64_t item = (std::uint64_t{x} << 20) ^ r.damage_count;
      switch (r.damage) {
        case Damage::Open:
        case Damage::Tripped:
          if (has_control_dependency(x) && !r.loss_of_control) {
            begin_repair(x, RepairMode::Remote, t + sample(times.remote, "remote", item), t);
            continue;
          }
          break;
        case Damage::Firmware:
          if (!elements_[x].recoverable_firmware) {
            begin_repair(x, RepairMode::Replacement, t + sample(times.replacement, "replacement", item), t);
            continue;
          }
          break;
        default:
          break;
      }
      r.waiting_for_crew = true;
      waiting_.insert(wait_key(x));
    }
    dispatch_crews(t);
  }

  void dispatch_crews(double t) {
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      const ElementIndex x = std::get<2>(*it);
      const std::string& pool_name = crew_pool_of(x);
      auto free = free_crews_.find(pool_name);
      if (free == free_crews_.end() || free->second <= 0 || access_blocked(x)) {
        ++it;
        continue;
      }
      it = waiting_.erase(it);
      Runtime& r = rt_[x];
      r.waiting_for_crew = false;
      --free->second;
      const std::uint64_t item = (std::uint64_t{x} << 20) ^ r.damage_count;
      const double travel = sample(scenario_.crews.at(pool_name).travel, "travel", item);
      const model::RepairTimes& times = elements_[x].repair;
      double work = 0.0;
      switch (r.damage) {
        case Damage::Open:
        case Damage::Tripped:
          work = sample(times.manual, "manual", item);
          break;
        case Damage::Compromised:
          work = sample(times.cleanup, "cleanup", item);
          break;
        case Damage::Wiped:
          work = sample(times.reimage, "reimage", item);
          break;
        default:
          work = sample(times.repair, "repair", item);
          break;
      }
      begin_repair(x, RepairMode::Manual, t + travel + work, t);
      r.holds_crew = true;
    }
  }

  void begin_repair(ElementIndex x, RepairMode mode, double done_at, double t) {
    Runtime& r = rt_[x];
    r.repairing = true;
    r.mode = mode;
    (void)t;
    push(done_at, QueueItem::Kind::RepairDone, x, r.repair_token);
    touch(x);
  }

  void finish_repair(ElementIndex x, std::uint32_t token, double t) {
    Runtime& r = rt_[x];
    if (!r.repairing || r.repair_token != token) return;
    std::string agent;
    switch (r.mode) {
      case RepairMode::Remote:
        agent = "remote operation";
        break;
      case RepairMode::Manual:
        agent = "crew:" + crew_pool_of(x);
        break;
      case RepairMode::Replacement:
        agent = "replacement";
        break;
      case RepairMode::None:
        break;
    }
    const std::string undone = r.damage_cause.kind == CauseKind::Event ? strings_[r.damage_cause.text]
                                                                       : std::string("the overload trip");
    (void)t;
    clear_damage(x, Cause{CauseKind::Restoration, agent, kNoElement, std::nullopt, "undid " + undone});
  }

  // ----------------------------------------------------------------------------------- output
  State derive_state(ElementIndex x, Cause& cause) const {
    const Runtime& r = rt_[x];
    if (r.damage != Damage::None) {
      if (r.repairing) {
        std::string agent = r.mode == RepairMode::Remote   ? "remote operation"
                            : r.mode == RepairMode::Manual ? "crew:" + crew_pool_of(x)
                                                           : "replacement";
        cause = Cause{CauseKind::Restoration, agent, kNoElement, std::nullopt,
                      "repairing damage from " + (r.damage_cause.kind == CauseKind::Event
                                                      ? strings_[r.damage_cause.text]
                                                      : std::string("an overload trip"))};
        return State::UnderRepair;
      }
      cause = load(r.damage_cause);
      return r.damage == Damage::Compromised ? State::Compromised : State::Failed;
    }
    if (r.dependency_failed) {
      cause = load(r.dependency_cause);
      return State::Failed;
    }
    if (!r.energised) {
      cause = load(r.physics_cause);
      return State::Failed;
    }
    if (r.on_backup) {
      cause = load(r.backup_cause);
      return State::OnBackup;
    }
    if (r.capacity_factor < 1.0) {
      cause = load(r.degrade_cause);
      return State::Degraded;
    }
    if (elements_[x].has_demand() && r.served < 1.0) {
      cause = load(r.physics_cause);
      return State::Degraded;
    }
    return r.ever_down ? State::Restored : State::InService;
  }

  //! Cause of a return to service: what undid the damage, or the supplier that came back.
  Cause recovery_cause(ElementIndex x, const Cause& previous) const {
    if (const auto it = recovery_causes_.find(x); it != recovery_causes_.end()) return it->second;
    Cause c = previous;
    if (c.kind == CauseKind::Event || c.kind == CauseKind::Restoration) c.kind = CauseKind::Restoration;
    c.detail = c.element != kNoElement ? "supply through " + c.text + " back" : "back in service";
    if (c.element == kNoElement && solution_.upstream.size() > x && solution_.upstream[x] != kNoElement) {
      c.element = solution_.upstream[x];
      c.text = elements_[c.element].id;
      c.kind = CauseKind::Physics;
    }
    return c;
  }

  void emit_changes(double t) {
    std::sort(touched_.begin(), touched_.end());
    for (ElementIndex x : touched_) {
      Runtime& r = rt_[x];
      r.touched = false;
      Cause cause;
      State next = derive_state(x, cause);
      if (next == State::InService || next == State::Restored) {
        if (r.state != State::InService && r.state != State::Restored) {
          next = State::Restored;
          cause = recovery_cause(x, load(r.state_cause));
        }
      }
      // An attack on an asset that was already down changes why it is down: record that too, so
      // explanations name the attack rather than the earlier upstream loss.
      const bool new_attack =
          next == r.state && cause.kind == CauseKind::Event &&
          (r.state_cause.kind != CauseKind::Event || strings_[r.state_cause.text] != cause.text);
      if (next != r.state || new_attack) {
        if (next != State::InService && next != State::Restored) r.ever_down = true;
        StateChange change;
        change.time_min = t;
        change.element = x;
        change.from = std::string(to_string(r.state));
        change.to = std::string(to_string(next));
        change.cause_kind = cause.kind;
        change.cause = cause.text;
        change.cause_element = cause.element;
        change.via = cause.via;
        change.detail = cause.detail;
        r.state = next;
        r.state_cause = store(cause);
        observer_->state_changed(change);
        result_.changes.push_back(std::move(change));
      }
      recovery_causes_.erase(x);
      refresh_contribution(x);
    }
    touched_.clear();
    std::sort(pending_flag_changes_.begin(), pending_flag_changes_.end(),
              [](const StateChange& a, const StateChange& b) {
                return a.element != b.element ? a.element < b.element : a.change < b.change;
              });
    for (auto& change : pending_flag_changes_) {
      observer_->state_changed(change);
      result_.changes.push_back(std::move(change));
    }
    pending_flag_changes_.clear();
  }

  void refresh_contribution(ElementIndex x) {
    const model::Element& e = elements_[x];
    const Runtime& r = rt_[x];
    Contribution c;
    const bool works = r.operational && r.damage == Damage::None;
    if (e.has_demand() && network_.layers()[e.layer].kind == model::LayerKind::Power) {
      const double served = works ? r.served : 0.0;
      c.customers_out = e.customers * (1.0 - served);
      c.shed_mw = std::max(0.0, e.load_mw) * (1.0 - served);
    }
    if (e.passengers_per_hour > 0)
      c.passengers = e.passengers_per_hour * (works ? 1.0 - r.capacity_factor : 1.0);
    c.failed = works ? 0 : 1;
    c.compromised = r.damage == Damage::Compromised ? 1 : 0;
    c.loc = r.loss_of_control ? 1 : 0;
    c.lov = r.loss_of_view ? 1 : 0;
    c.backup = r.on_backup ? 1 : 0;
    c.degraded = r.state == State::Degraded ? 1 : 0;
    c.impaired = (!e.is_link && (!works || r.loss_of_control || r.loss_of_view)) ? 1 : 0;
    Contribution& old = contribution_[x];
    Aggregate& a = aggregate_[e.layer];
    a.customers_out += c.customers_out - old.customers_out;
    a.shed_mw += c.shed_mw - old.shed_mw;
    a.passengers += c.passengers - old.passengers;
    a.failed += c.failed - old.failed;
    a.compromised += c.compromised - old.compromised;
    a.loc += c.loc - old.loc;
    a.lov += c.lov - old.lov;
    a.backup += c.backup - old.backup;
    a.degraded += c.degraded - old.degraded;
    a.impaired += c.impaired - old.impaired;
    const bool was_short = old.customers_out > 0 || old.shed_mw > 0 || old.passengers > 0;
    const bool is_short = c.customers_out > 0 || c.shed_mw > 0 || c.passengers > 0;
    a.short_elements += static_cast<int>(is_short) - static_cast<int>(was_short);
    if (a.short_elements == 0) a.customers_out = a.shed_mw = a.passengers = 0.0;  // no rounding residue
    old = c;
  }

  void record_trace(double t) {
    TracePoint point;
    point.time_min = t;
    for (std::size_t l = 0; l < aggregate_.size(); ++l) {
      const Aggregate& a = aggregate_[l];
      const LayerTotals& totals = result_.totals[l];
      LayerSample s;
      s.customers_without_power = std::max(0.0, a.customers_out);
      s.shed_mw = std::max(0.0, a.shed_mw);
      s.passengers_affected = std::max(0.0, a.passengers);
      s.failed = static_cast<std::uint32_t>(a.failed);
      s.compromised = static_cast<std::uint32_t>(a.compromised);
      s.loss_of_control = static_cast<std::uint32_t>(a.loc);
      s.loss_of_view = static_cast<std::uint32_t>(a.lov);
      s.on_backup = static_cast<std::uint32_t>(a.backup);
      s.degraded = static_cast<std::uint32_t>(a.degraded);
      const auto kind = result_.layer_kinds[l];
      if (kind == model::LayerKind::Power && totals.customers > 0) {
        s.performance = 1.0 - s.customers_without_power / totals.customers;
      } else if (kind == model::LayerKind::Power && totals.load_mw > 0) {
        s.performance = 1.0 - s.shed_mw / totals.load_mw;
      } else if (kind == model::LayerKind::Transport && totals.passengers_per_hour > 0) {
        s.performance = 1.0 - s.passengers_affected / totals.passengers_per_hour;
      } else if (totals.assets > 0) {
        s.performance = 1.0 - static_cast<double>(a.impaired) / totals.assets;
      }
      s.performance = std::clamp(s.performance, 0.0, 1.0);
      point.layers.push_back(s);
    }
    if (!result_.trace.empty() && result_.trace.back().time_min == t)
      result_.trace.back() = std::move(point);
    else
      result_.trace.push_back(std::move(point));
  }

  struct Aggregate {
    double customers_out = 0, shed_mw = 0, passengers = 0;
    long failed = 0, compromised = 0, loc = 0, lov = 0, backup = 0, degraded = 0, impaired = 0;
    int short_elements = 0;
  };

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
  std::vector<Aggregate> aggregate_;
  std::vector<std::vector<std::uint32_t>> incoming_, outgoing_;
  std::unique_ptr<PowerModel> power_model_;
  PowerSolution solution_, previous_solution_;
  std::vector<char> available_;
  std::vector<std::uint32_t> power_layers_;
  std::vector<char> physics_dirty_;
  std::priority_queue<QueueItem, std::vector<QueueItem>, std::greater<>> queue_;
  std::uint64_t sequence_ = 0;
  std::deque<ElementIndex> worklist_;
  std::vector<ElementIndex> touched_;
  std::vector<StateChange> pending_flag_changes_;
  std::vector<std::uint32_t> flag_source_;    // scratch for spread_flag
  std::vector<double> degree_, betweenness_;  // for targeted attacks, on first use
  std::vector<char> flag_supplier_;           // supplies a control or monitoring dependency
  std::vector<std::string> strings_{""};      // interned cause texts
  std::unordered_map<std::string, std::uint32_t> string_ids_{{"", 0}};
  std::unordered_map<ElementIndex, Cause> recovery_causes_;  // what undid damage, until emitted
  std::vector<std::uint32_t> flag_dependencies_;
  std::vector<ElementIndex> flag_queue_;
  bool operational_changed_ = true;
  std::set<ElementIndex> damaged_;
  std::map<std::uint32_t, std::vector<ElementIndex>>
      recent_changes_;  // per power layer, since its last solve
  std::set<std::tuple<int, double, ElementIndex>> waiting_;
  std::map<std::string, int> free_crews_;
  RunResult result_;
};

}  // namespace

RunResult simulate(const model::Scenario& scenario, const RunOptions& options, Observer* observer) {
  Simulation simulation(scenario, options, observer);
  return simulation.run();
}

std::vector<ExplainStep> explain(const RunResult& result, ElementIndex element, double at_min) {
  std::vector<ExplainStep> chain;
  std::set<std::pair<ElementIndex, double>> visited;
  ElementIndex current = element;
  double when = at_min;
  bool follow_damage = false;  // after a restoration, look for the damage it undid
  while (current != kNoElement && chain.size() < 10000) {
    const StateChange* found = nullptr;
    for (const auto& change : result.changes) {
      if (change.time_min > when) break;
      if (change.element != current) continue;
      if (follow_damage) {
        if (change.change == ChangeKind::State &&
            (change.cause_kind == CauseKind::Event ||
             (change.cause_kind == CauseKind::Physics && change.detail.rfind("overloaded", 0) == 0)))
          found = &change;
      } else if (change.change == ChangeKind::State) {
        found = &change;
      }
    }
    if (!found && !follow_damage) {
      // No state change: the element may still be under loss of control or view.
      for (const auto& change : result.changes) {
        if (change.time_min > when) break;
        if (change.element == current) found = &change;
      }
    }
    if (!found || !visited.insert({current, found->time_min + (follow_damage ? 0.5 : 0.0)}).second) break;
    chain.push_back(ExplainStep{current, *found});
    follow_damage = false;
    switch (found->cause_kind) {
      case CauseKind::Event:
        return chain;
      case CauseKind::Restoration:
        follow_damage = true;
        when = found->time_min;
        break;
      case CauseKind::Dependency:
      case CauseKind::Physics:
        current = found->cause_element;
        when = found->time_min;
        break;
    }
  }
  return chain;
}

}  // namespace blackstart::sim
