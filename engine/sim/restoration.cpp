// Restoration: operators notice damage (later when they cannot see the asset), re-switch it
// remotely when they still control it, replace destroyed firmware, and otherwise queue it for a
// field crew of the asset's operator, by priority and then by when it was noticed.
#include "simulation.hpp"

namespace blackstart::sim {

using model::DependencyEffect;
using model::ElementIndex;

std::uint16_t Simulation::crew_pool_of(ElementIndex x) const {
  return element_pool_[x];
}

std::tuple<int, double, ElementIndex> Simulation::wait_key(ElementIndex x) const {
  return {-elements_[x].priority, rt_[x].detect_at, x};
}

bool Simulation::has_control_dependency(ElementIndex x) const {
  for (std::uint32_t d : incoming_[x])
    if (network_.dependencies()[d].effect == DependencyEffect::LoseControl) return true;
  return false;
}

bool Simulation::access_blocked(ElementIndex x) const {
  for (std::uint32_t d : incoming_[x]) {
    const auto& dep = network_.dependencies()[d];
    if (dep.effect == DependencyEffect::BlockAccess && !rt_[dep.supplier].operational) return true;
  }
  return false;
}

void Simulation::start_repairs(double t) {
  // Work through damaged elements in index order: deterministic, and cheap because only elements
  // with damage are visited.
  for (auto it = damaged_.begin(); it != damaged_.end();) {
    const ElementIndex x = *it;
    Runtime& r = rt_[x];
    if (r.damage == Damage::None) {
      it = damaged_.erase(it);
      continue;
    }
    ++it;
    // A denial of service ends by itself; an isolation by a response stays for the run.
    if (r.repairing || r.waiting_for_crew || r.damage == Damage::Denied || r.damage == Damage::Isolated)
      continue;
    if (r.detect_at < 0) {
      const auto& policy = scenario_.restoration;
      const bool blind = r.loss_of_view;
      r.detect_at = t + sample(blind ? policy.detection_without_view : policy.detection, "detection",
                               (std::uint64_t{x} << 20) ^ r.damage_count);
      if (r.detect_at > t) {
        queue_.push(r.detect_at, QueueItem::Kind::Wake, x);
        log_repair(t, x, RepairStep::Kind::Detection, r.detect_at);
      }
    }
    if (t < r.detect_at) continue;
    const model::RepairTimes& times = elements_[x].repair;
    const std::uint64_t item = (std::uint64_t{x} << 20) ^ r.damage_count;
    switch (r.damage) {
      case Damage::Open:
      case Damage::Tripped:
        if (has_control_dependency(x) && !r.loss_of_control && !r.manual_operations) {
          const double done = t + sample(times.remote, "remote", item);
          begin_repair(x, RepairMode::Remote, done);
          log_repair(t, x, RepairStep::Kind::RemoteOperation, done);
          continue;
        }
        break;
      case Damage::Firmware:
        if (!elements_[x].recoverable_firmware) {
          const double done = t + sample(times.replacement, "replacement", item);
          begin_repair(x, RepairMode::Replacement, done);
          log_repair(t, x, RepairStep::Kind::Replacement, done);
          continue;
        }
        break;
      default:
        break;
    }
    r.waiting_for_crew = true;
    waiting_.insert(wait_key(x));
    log_repair(t, x, RepairStep::Kind::WaitingForCrew, r.detect_at);
  }
  dispatch_crews(t);
}

void Simulation::dispatch_crews(double t) {
  for (auto it = waiting_.begin(); it != waiting_.end();) {
    const ElementIndex x = std::get<2>(*it);
    const std::uint16_t pool = crew_pool_of(x);
    if (!pool_exists_[pool] || pool_routed_[pool] || free_crews_[pool] <= 0 || access_blocked(x)) {
      ++it;
      continue;
    }
    it = waiting_.erase(it);
    Runtime& r = rt_[x];
    r.waiting_for_crew = false;
    --free_crews_[pool];
    const std::uint64_t item = (std::uint64_t{x} << 20) ^ r.damage_count;
    const double travel = sample(scenario_.crews.at(crew_pool_names_[pool]).travel, "travel", item);
    const double work = work_minutes(x, item);
    begin_repair(x, RepairMode::Manual, t + travel + work);
    r.holds_crew = true;
    log_repair(t, x, RepairStep::Kind::CrewDispatched, t + travel + work, t + travel);
  }
  if (!crews_.empty()) dispatch_routed(t);
}

double Simulation::work_minutes(ElementIndex x, std::uint64_t item) const {
  const model::RepairTimes& times = elements_[x].repair;
  switch (rt_[x].damage) {
    case Damage::Open:
    case Damage::Tripped:
    case Damage::Hung:
      return sample(times.manual, "manual", item);
    case Damage::Compromised:
      return sample(times.cleanup, "cleanup", item);
    case Damage::Wiped:
      return sample(times.reimage, "reimage", item);
    default:
      return sample(times.repair, "repair", item);
  }
}

void Simulation::begin_repair(ElementIndex x, RepairMode mode, double done_at) {
  Runtime& r = rt_[x];
  r.repairing = true;
  r.mode = mode;
  queue_.push(done_at, QueueItem::Kind::RepairDone, x, r.repair_token);
  touch(x);
}

Cause Simulation::repair_cause(ElementIndex x, Reason reason) const {
  const Runtime& r = rt_[x];
  Cause cause;
  cause.kind = CauseKind::Restoration;
  cause.reason = reason;
  cause.agent = r.mode == RepairMode::Remote   ? Agent::Remote
                : r.mode == RepairMode::Manual ? Agent::Crew
                                               : Agent::Replacement;
  if (cause.agent == Agent::Crew) cause.crew_pool = crew_pool_of(x);
  const bool attack = r.damage_cause.kind == CauseKind::Attack;
  cause.event = r.damage_cause.kind == CauseKind::Event || attack ? r.damage_cause.event : kNoEvent;
  cause.from_step = attack;
  return cause;
}

void Simulation::finish_repair(ElementIndex x, std::uint32_t token, double t) {
  Runtime& r = rt_[x];
  if (!r.repairing || r.repair_token != token) return;
  clear_damage(x, repair_cause(x, Reason::Repaired), t);
}

void Simulation::log_repair(double t, ElementIndex x, RepairStep::Kind kind, double until, double arrive) {
  RepairStep step;
  step.time_min = t;
  step.element = x;
  step.kind = kind;
  if (kind == RepairStep::Kind::WaitingForCrew || kind == RepairStep::Kind::CrewDispatched)
    step.crew_pool = crew_pool_of(x);
  step.until_min = until;
  step.arrive_min = arrive;
  result_.repairs.push_back(step);
}

}  // namespace blackstart::sim
