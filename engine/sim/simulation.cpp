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
#include "simulation.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "blackstart/core/random.hpp"

namespace blackstart::sim {

using model::DependencyEffect;
using model::ElementIndex;

Simulation::Simulation(const model::Scenario& scenario, const RunOptions& options, Observer* observer)
    : scenario_(scenario),
      network_(scenario.network),
      events_(options.events ? *options.events : scenario.events),
      elements_(network_.elements()),
      observer_(observer ? observer : &null_observer_),
      seed_(options.seed.value_or(scenario.seed)),
      run_index_(options.run_index),
      horizon_(options.until_min.value_or(scenario.horizon_min)),
      centrality_(network_),
      campaign_(scenario.campaign) {
  const std::size_t n = elements_.size();
  exhaustive_routing_ = options.exhaustive_routing;
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
    throw std::logic_error("unknown power model '" + std::string(model::to_string(scenario.power_model)) +
                           "' reached the simulator");
  power_model_ = info->create(scenario.power_flow);
  solution_.resize(n);
  for (std::uint32_t l = 0; l < network_.layers().size(); ++l)
    if (network_.layers()[l].kind == model::LayerKind::Power) power_layers_.push_back(l);
  physics_dirty_.assign(network_.layers().size(), 0);
  crew_pool_names_ = crew_pool_names(scenario);
  {  // the crew pool of every element by its operator, once (the dispatch asks for every waiting job)
    const auto last = static_cast<std::uint16_t>(crew_pool_names_.size() - 1);  // "default"
    std::map<std::string, std::uint16_t, std::less<>> pool_of_operator;
    for (std::uint16_t p = 0; p < last; ++p) pool_of_operator.try_emplace(crew_pool_names_[p], p);
    element_pool_.assign(n, last);
    for (ElementIndex x = 0; x < n; ++x) {
      const std::string& op = elements_[x].operator_name;
      if (!scenario.crews.count(op)) continue;
      if (const auto it = pool_of_operator.find(op); it != pool_of_operator.end())
        element_pool_[x] = it->second;
    }
  }
  free_crews_.assign(crew_pool_names_.size(), 0);
  pool_exists_.assign(crew_pool_names_.size(), 0);
  for (std::size_t p = 0; p < crew_pool_names_.size(); ++p)
    if (const auto it = scenario.crews.find(crew_pool_names_[p]); it != scenario.crews.end()) {
      free_crews_[p] = it->second.count;
      pool_exists_[p] = 1;
    }
  prepare_crews();
  if (!scenario.traction.empty()) traction_ = std::make_unique<TractionLines>(scenario.traction, n);
  prepare_stores();
  prepare_fuel();
  prepare_campaign();
}

void Simulation::prepare_campaign() {
  const std::size_t n = elements_.size();
  cyber_links_.resize(n);
  controls_.resize(n);
  for (const auto& layer : network_.layers()) {
    if (layer.kind != model::LayerKind::Cyber) continue;
    for (ElementIndex link : layer.links) {
      cyber_links_[elements_[link].from].push_back(link);
      cyber_links_[elements_[link].to].push_back(link);
    }
  }
  reach_relevant_.assign(n, 0);
  for (const auto& layer : network_.layers())
    if (layer.kind == model::LayerKind::Cyber) {
      for (ElementIndex x : layer.assets) reach_relevant_[x] = 1;
      for (ElementIndex x : layer.links) reach_relevant_[x] = 1;
    }
  for (const auto& dep : network_.dependencies())
    if (dep.effect == DependencyEffect::LoseControl) {
      controls_[dep.supplier].push_back(dep.dependent);
      reach_relevant_[dep.supplier] = reach_relevant_[dep.dependent] = 1;
    }
  for (const auto& step : campaign_.steps)
    for (ElementIndex x : step.targets) reach_relevant_[x] = 1;
  for (ElementIndex x : campaign_.entry) reach_relevant_[x] = 1;
  const auto& steps = campaign_.steps;
  step_targets_.resize(steps.size());
  for (std::size_t s = 0; s < steps.size(); ++s) step_targets_[s].resize(steps[s].targets.size());
  step_successes_.assign(steps.size(), 0);
  // A step needs credentials when one of its prerequisites, transitively, steals them.
  step_needs_credentials_.assign(steps.size(), 0);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t s = 0; s < steps.size(); ++s) {
      if (step_needs_credentials_[s]) continue;
      bool needs = false;
      for (const auto* list : {&steps[s].requires_all, &steps[s].requires_any})
        for (std::uint32_t p : *list)
          needs = needs || steps[p].effect == model::StepEffect::Credentials || step_needs_credentials_[p];
      if (needs) step_needs_credentials_[s] = changed = true;
    }
  }
  objective_reached_.assign(campaign_.objectives.size(), 0);
  response_fired_.assign(scenario_.responses.size(), 0);
  result_.attack.has_campaign = !campaign_.empty();
}

RunResult Simulation::run() {
  prepare_result();
  observer_->run_started(horizon_);
  settle_initial_state();
  for (std::uint32_t i = 0; i < events_.size(); ++i)
    if (events_[i].enabled && events_[i].at_min <= horizon_)
      queue_.push(events_[i].at_min, QueueItem::Kind::ScenarioEvent, i);
  if (!campaign_.empty() && campaign_.start_min <= horizon_)
    queue_.push(campaign_.start_min, QueueItem::Kind::CampaignStart, 0);

  while (!queue_.empty()) {
    if (observer_->cancel_requested()) {
      result_.cancelled = true;
      break;
    }
    const double t = queue_.next_time();
    if (t > horizon_) break;
    while (!queue_.empty() && queue_.next_time() == t) handle(queue_.pop(), t);
    settle(t);
    update_flags(t);
    advance_campaign(t);
    start_repairs(t);
    if (!trucks_.empty()) dispatch_fuel(t);
    emit_changes(t);
    // A campaign that began before the run (its dwell) changes the state the run starts from.
    record_trace(std::max(t, 0.0));
    if (t < 0) continue;
    observer_->step_done(t);
    if (horizon_ > 0) observer_->progress(std::min(1.0, t / horizon_));
  }
  for (ElementIndex x = 0; x < elements_.size(); ++x) result_.final_states[x] = rt_[x].state;
  observer_->progress(1.0);
  return std::move(result_);
}

void Simulation::prepare_result() {
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
  record_services();
  result_.final_states.resize(elements_.size());
}

void Simulation::settle_initial_state() {
  // The normal state is whatever the network gives before any event; it is not a change.
  for (ElementIndex x = 0; x < elements_.size(); ++x) enqueue(x);
  for (auto layer : power_layers_) physics_dirty_[layer] = 1;
  settle(0.0);
  update_flags(0.0, /*record=*/false);
  for (ElementIndex x = 0; x < elements_.size(); ++x) {
    Runtime& r = rt_[x];
    r.state = derive_state(x, r.state_cause);
    r.touched = false;
    refresh_contribution(x);
    log_service(x, 0.0);
  }
  touched_.clear();
  record_trace(0.0);
}

void Simulation::handle(const QueueItem& item, double t) {
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
        Cause cause;
        cause.kind = CauseKind::Restoration;
        cause.reason = Reason::DenialEnded;
        cause.event = r.damage_event;
        cause.from_step = r.damage_cause.kind == CauseKind::Attack;
        clear_damage(item.payload, cause, t);
      }
      break;
    }
    case QueueItem::Kind::Wake:
      enqueue(item.payload);
      break;
    case QueueItem::Kind::TripCheck:
      check_trip(item.payload, t);
      break;
    case QueueItem::Kind::CampaignStart:
      start_campaign(t);
      break;
    case QueueItem::Kind::AttemptStart:
      start_attempt(item.payload, t);
      break;
    case QueueItem::Kind::AttemptDone:
      finish_attempt(item.payload, t);
      break;
    case QueueItem::Kind::Alert:
      on_alert(item.payload, t);
      break;
    case QueueItem::Kind::ResponseRun:
      run_response(item.payload, t);
      break;
    case QueueItem::Kind::CrewReady:  // the dispatch after this instant finds the crew ready
      break;
    case QueueItem::Kind::FuelDelivered:
      fuel_delivered(item.payload, t);
      break;
    case QueueItem::Kind::SetpointReset:
      if (rt_[item.payload].setpoint_token == item.token) {
        Cause reset;
        reset.kind = CauseKind::Restoration;
        reset.reason = Reason::Repaired;
        reset.agent = rt_[item.payload].loss_of_control ? Agent::Crew : Agent::Remote;
        if (reset.agent == Agent::Crew) reset.crew_pool = crew_pool_of(item.payload);
        reset.event = rt_[item.payload].setpoint_cause.event;
        reset.from_step = true;
        recovery_causes_[item.payload] = reset;
        set_setpoint(item.payload, 1.0, reset);
      }
      break;
  }
}

void Simulation::enqueue(ElementIndex x) {
  if (!rt_[x].in_worklist) {
    rt_[x].in_worklist = true;
    worklist_.push_back(x);
  }
}

void Simulation::touch(ElementIndex x) {
  if (!rt_[x].touched) {
    rt_[x].touched = true;
    touched_.push_back(x);
  }
}

double Simulation::sample(const core::DurationDistribution& dist, std::string_view purpose,
                          std::uint64_t item) const {
  if (dist.kind == core::DurationDistribution::Kind::Fixed) return dist.a_min;
  core::Rng rng(seed_, run_index_, purpose, item);
  return std::max(0.0, dist.sample_minutes(rng));
}

bool Simulation::is_power_element(ElementIndex x) const {
  return network_.layers()[elements_[x].layer].kind == model::LayerKind::Power;
}

RunResult simulate(const model::Scenario& scenario, const RunOptions& options, Observer* observer) {
  Simulation simulation(scenario, options, observer);
  return simulation.run();
}

}  // namespace blackstart::sim
