// Recording: the state and cause each element shows, the change log, the per-layer aggregates
// (kept incrementally, so a step costs what changed) and one trace point per step.
#include <algorithm>

#include "simulation.hpp"

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;

State Simulation::derive_state(ElementIndex x, Cause& cause) const {
  const Runtime& r = rt_[x];
  if (r.damage != Damage::None) {
    if (r.repairing) {
      cause = repair_cause(x, Reason::Repairing);
      return State::UnderRepair;
    }
    cause = r.damage_cause;
    return r.damage == Damage::Compromised ? State::Compromised : State::Failed;
  }
  if (r.dependency_failed) {
    cause = r.dependency_cause;
    return State::Failed;
  }
  if (!r.energised) {
    cause = r.physics_cause;
    return State::Failed;
  }
  if (r.on_backup) {
    cause = r.backup_cause;
    return State::OnBackup;
  }
  if (r.capacity_factor < 1.0) {
    cause = r.degrade_cause;
    return State::Degraded;
  }
  if (r.setpoint < 1.0) {
    cause = r.setpoint_cause;
    return State::Degraded;
  }
  if (elements_[x].has_demand() && r.served < 1.0) {
    cause = r.physics_cause;
    return State::Degraded;
  }
  return r.ever_down ? State::Restored : State::InService;
}

//! Cause of a return to service: what undid the damage, or the supplier that came back.
Cause Simulation::recovery_cause(ElementIndex x, const Cause& previous) const {
  if (const auto it = recovery_causes_.find(x); it != recovery_causes_.end()) return it->second;
  Cause c = previous;
  if (c.kind == CauseKind::Event || c.kind == CauseKind::Restoration) c.kind = CauseKind::Restoration;
  c.reason = c.element != kNoElement ? Reason::SupplyBack : Reason::BackInService;
  c.came_back = false;
  c.value = 0.0;
  if (c.element == kNoElement && solution_.upstream.size() > x && solution_.upstream[x] != kNoElement) {
    c.element = solution_.upstream[x];
    c.agent = Agent::None;  // the element, not the earlier agent, is what the row names
    c.kind = CauseKind::Physics;
  }
  return c;
}

void Simulation::emit_changes(double t) {
  std::sort(touched_.begin(), touched_.end());
  for (ElementIndex x : touched_) {
    Runtime& r = rt_[x];
    r.touched = false;
    Cause cause;
    State next = derive_state(x, cause);
    const bool up = next == State::InService || next == State::Restored;
    if (up && r.state != State::InService && r.state != State::Restored) {
      next = State::Restored;
      cause = recovery_cause(x, r.state_cause);
    }
    // An attack on an asset that was already down changes why it is down: record that too, so
    // explanations name the attack rather than the earlier upstream loss.
    const bool new_attack = !up && next == r.state && !cause.empty() && cause.kind == CauseKind::Event &&
                            (r.state_cause.kind != CauseKind::Event || r.state_cause.event != cause.event);
    if (next != r.state || new_attack) {
      if (!up) r.ever_down = true;
      StateChange change;
      change.time_min = t;
      change.element = x;
      change.from = r.state;
      change.to = next;
      change.cause = cause;
      r.state = next;
      r.state_cause = cause;
      observer_->state_changed(change);
      result_.changes.push_back(change);
    } else if (!up && !cause.empty() && !(cause == r.state_cause)) {
      // Same state, another reason (a different supplier or culprit holds it down now): kept for
      // "why is it still down", not a change of state.
      StateChange update;
      update.time_min = t;
      update.element = x;
      update.from = update.to = next;
      update.cause = cause;
      r.state_cause = cause;
      result_.cause_updates.push_back(update);
    }
    recovery_causes_.erase(x);
    refresh_contribution(x);
    log_service(x, t);
  }
  touched_.clear();
  std::sort(pending_flag_changes_.begin(), pending_flag_changes_.end(),
            [](const StateChange& a, const StateChange& b) {
              return a.element != b.element ? a.element < b.element : a.change < b.change;
            });
  for (auto& change : pending_flag_changes_) {
    observer_->state_changed(change);
    result_.changes.push_back(change);
  }
  pending_flag_changes_.clear();
}

void Simulation::refresh_contribution(ElementIndex x) {
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
  LayerAggregate& a = aggregate_[e.layer];
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

void Simulation::record_services() {
  service_of_.assign(elements_.size(), kNoStep);
  for (ElementIndex x = 0; x < elements_.size(); ++x) {
    const model::Element& e = elements_[x];
    if (e.passengers_per_hour <= 0) continue;
    PassengerService service;
    service.element = x;
    service.id = e.id;
    service.type = e.type;
    service.passengers_per_hour = e.passengers_per_hour;
    service.time_lost_per_trip_min = scenario_.traction.time_lost_per_trip_min;
    if (traction_)
      if (const auto* line = traction_->line_of(x))
        service.sections = static_cast<std::uint32_t>(line->sections.size());
    service_of_[x] = static_cast<std::uint32_t>(result_.services.size());
    result_.services.push_back(std::move(service));
  }
  service_fraction_.assign(result_.services.size(), 1.0);
}

//! Logs the share of service of a passenger service when its contribution changed it.
void Simulation::log_service(ElementIndex x, double t) {
  const std::uint32_t s = service_of_[x];
  if (s == kNoStep) return;
  const double fraction =
      std::clamp(1.0 - contribution_[x].passengers / elements_[x].passengers_per_hour, 0.0, 1.0);
  if (fraction == service_fraction_[s]) return;
  service_fraction_[s] = fraction;
  result_.service_changes.push_back({std::max(t, 0.0), s, fraction});
}

void Simulation::record_trace(double t) {
  TracePoint point;
  point.time_min = t;
  for (std::size_t l = 0; l < aggregate_.size(); ++l) {
    const LayerAggregate& a = aggregate_[l];
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

}  // namespace blackstart::sim
