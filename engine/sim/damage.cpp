// Scenario events: what each action does to its targets, and the damage bookkeeping every
// restoration path starts from.
#include <algorithm>

#include "blackstart/core/random.hpp"
#include "simulation.hpp"

namespace blackstart::sim {

using model::Action;
using model::ElementIndex;

void Simulation::apply_event(std::uint32_t event_index, double t) {
  const model::Event& event = events_[event_index];
  // Uncertain events: success and the random choice of targets come from the event's own stream.
  core::Rng rng(seed_, run_index_, "event", event_index);
  const double chance = event.probability.sample_minutes(rng);
  if (chance < 1.0 && rng.uniform01() >= chance) return;
  Cause hit;
  hit.kind = CauseKind::Event;
  hit.reason = Reason::EventAction;
  hit.event = event_index;
  for (ElementIndex x : select_targets(event, rng, centrality_)) {
    Runtime& r = rt_[x];
    switch (event.action) {
      case Action::OpenBreaker:
        set_damage(x, Damage::Open, event_index, hit, t);
        break;
      case Action::Trip:
        set_damage(x, Damage::Tripped, event_index, hit, t);
        break;
      case Action::Damage:
        set_damage(x, Damage::Damaged, event_index, hit, t);
        break;
      case Action::Compromise:
        set_damage(x, Damage::Compromised, event_index, hit, t);
        break;
      case Action::DestroyFirmware:
        set_damage(x, Damage::Firmware, event_index, hit, t);
        break;
      case Action::Wipe:
        set_damage(x, Damage::Wiped, event_index, hit, t);
        break;
      case Action::DenyService:
        if (set_damage(x, Damage::Denied, event_index, hit, t)) {
          const double length =
              event.duration ? sample(*event.duration, "deny_service", (std::uint64_t{event_index} << 32) | x)
                             : 0.0;
          queue_.push(t + length, QueueItem::Kind::DenyEnd, x, r.repair_token);
          log_repair(t, x, RepairStep::Kind::DeniedService, t + length);
        }
        break;
      case Action::DisableBackup:
        r.backup_disabled = true;
        r.backup_disabled_event = event_index;
        r.backup_disabled_by_step = false;
        enqueue(x);
        break;
      case Action::Restore:
        if (r.damage != Damage::None) {
          Cause restore;
          restore.kind = CauseKind::Event;
          restore.reason = Reason::EventRestore;
          restore.event = event_index;
          clear_damage(x, restore, t);
        }
        break;
    }
  }
}

bool Simulation::set_damage(ElementIndex x, Damage damage, std::uint32_t event_index, const Cause& cause,
                            double t) {
  Runtime& r = rt_[x];
  if (r.damage != Damage::None && damage < r.damage) return false;
  cancel_repair(x, t);
  r.damage = damage;
  r.damage_event = event_index;
  r.damage_cause = cause;
  r.detect_at = -1.0;
  ++r.damage_count;
  ++r.repair_token;
  damaged_.insert(x);
  if (campaign_started_ && reach_relevant_[x]) reach_stale_ = campaign_dirty_ = true;
  enqueue(x);
  touch(x);
  if (damage == Damage::Isolated)
    log_repair(t, x, RepairStep::Kind::Isolated);
  else if (damage != Damage::Denied)
    log_repair(t, x, RepairStep::Kind::Damaged);
  return true;
}

void Simulation::cancel_repair(ElementIndex x, double t) {
  Runtime& r = rt_[x];
  if (r.holds_crew && r.crew != RepairStep::kNoCrew)
    release_crew(r.crew, t);
  else if (r.holds_crew)
    ++free_crews_[crew_pool_of(x)];
  r.crew = RepairStep::kNoCrew;
  r.no_route = false;
  if (r.waiting_for_crew) waiting_.erase(wait_key(x));
  r.holds_crew = r.repairing = r.waiting_for_crew = false;
  r.mode = RepairMode::None;
}

void Simulation::clear_damage(ElementIndex x, const Cause& cause, double t) {
  Runtime& r = rt_[x];
  cancel_repair(x, t);
  // Cleaning up or rebuilding a host the attacker held throws the attacker out of it.
  const bool rebuilt = r.damage == Damage::Compromised || r.damage == Damage::Wiped;
  if (rebuilt && r.attacker_holds)
    evict(x, cause.kind == CauseKind::Response ? cause.event : AttackRecord::kNoIndex, t);
  r.damage = Damage::None;
  r.detect_at = -1.0;
  ++r.repair_token;
  recovery_causes_[x] = cause;
  if (campaign_started_ && reach_relevant_[x]) reach_stale_ = campaign_dirty_ = true;
  enqueue(x);
  touch(x);
  log_repair(t, x, RepairStep::Kind::Cleared);
}

}  // namespace blackstart::sim
