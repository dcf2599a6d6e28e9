// The attacker. A campaign step becomes an attempt on each of its targets once its prerequisite
// steps have succeeded and the target is within reach (attack_reach.cpp); the attempt ends after a
// time to compromise, passes the controls (defence.cpp), and on success gives the attacker a
// foothold, control or credentials, or acts on the process like a scenario event. Each attempt
// draws from streams keyed by (step, target, attempt number), so switching a control on or off
// leaves every other draw unchanged: alternatives are compared with common random numbers.
#include "blackstart/core/random.hpp"
#include "simulation.hpp"

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;
using model::StepEffect;

std::string_view to_string(AttackRecord::Status status) {
  switch (status) {
    case AttackRecord::Status::Started:
      return "started";
    case AttackRecord::Status::Succeeded:
      return "succeeded";
    case AttackRecord::Status::Failed:
      return "failed";
    case AttackRecord::Status::Blocked:
      return "blocked";
    case AttackRecord::Status::Detected:
      return "detected";
    case AttackRecord::Status::Evicted:
      return "evicted";
    case AttackRecord::Status::Objective:
      return "objective_reached";
    case AttackRecord::Status::Responded:
      return "responded";
  }
  return "?";
}

void Simulation::start_campaign(double) {
  campaign_started_ = true;
  for (ElementIndex x : campaign_.entry) {
    Runtime& r = rt_[x];
    r.attacker_holds = true;
    r.held_by_step = kNoStep;
    r.held_from = kNoElement;
  }
  campaign_dirty_ = reach_stale_ = true;
}

bool Simulation::prerequisites_met(const model::AttackStep& step) const {
  for (std::uint32_t s : step.requires_all)
    if (step_successes_[s] == 0) return false;
  if (step.requires_any.empty()) return true;
  for (std::uint32_t s : step.requires_any)
    if (step_successes_[s] > 0) return true;
  return false;
}

void Simulation::advance_campaign(double t) {
  if (!campaign_started_ || !campaign_dirty_) return;
  campaign_dirty_ = false;
  ensure_reach();
  for (std::uint32_t s = 0; s < campaign_.steps.size(); ++s) {
    const model::AttackStep& step = campaign_.steps[s];
    if (!prerequisites_met(step)) continue;
    if (step.max_targets && static_cast<std::size_t>(step_successes_[s]) >= *step.max_targets) continue;
    for (std::uint32_t pos = 0; pos < step.targets.size(); ++pos) {
      StepTarget& target = step_targets_[s][pos];
      if (target.status != StepTarget::Status::Idle) continue;
      const ElementIndex from = reached_from(step, step.targets[pos]);
      if (from == kNoElement) continue;
      target.status = StepTarget::Status::Scheduled;
      Attempt attempt{s, pos, from, ++target.attempts};
      double start = t;
      if (step.not_before_min) start = std::max(start, *step.not_before_min);
      if (step.delay_after_ready_min) start += *step.delay_after_ready_min;
      attempts_.push_back(attempt);
      queue_.push(start, QueueItem::Kind::AttemptStart, static_cast<std::uint32_t>(attempts_.size() - 1));
    }
  }
}

void Simulation::start_attempt(std::uint32_t id, double t) {
  Attempt& a = attempts_[id];
  const model::AttackStep& step = campaign_.steps[a.step];
  const ElementIndex target = step.targets[a.target_pos];
  ensure_reach();
  const ElementIndex from = prerequisites_met(step) && !a.cut_off ? reached_from(step, target) : kNoElement;
  if (from == kNoElement) {
    a.done = true;
    // Lost the way in while waiting for the launch time: tried again once it is back.
    log_attack(t, AttackRecord::Status::Failed, a.step, target, a.from);
    step_targets_[a.step][a.target_pos].status = StepTarget::Status::Idle;
    campaign_dirty_ = true;
    return;
  }
  a.from = from;
  log_attack(t, AttackRecord::Status::Started, a.step, target, from);
  core::Rng rng(seed_, run_index_, "time_to_compromise", a.key());
  const double minutes = std::max(0.0, step.time_to_compromise.sample_minutes(rng));
  queue_.push(t + delayed_time_to_compromise(step, minutes), QueueItem::Kind::AttemptDone, id);
}

void Simulation::finish_attempt(std::uint32_t id, double t) {
  attempts_[id].done = true;
  const Attempt a = attempts_[id];
  const model::AttackStep& step = campaign_.steps[a.step];
  const ElementIndex target = step.targets[a.target_pos];
  StepTarget& state = step_targets_[a.step][a.target_pos];
  ensure_reach();
  raise_alerts(a, t);  // an attempt can be seen whether it succeeds or not

  const auto retry_or_give_up = [&] {
    if (state.attempts <= step.retries) {
      attempts_.push_back(Attempt{a.step, a.target_pos, a.from, ++state.attempts});
      queue_.push(t, QueueItem::Kind::AttemptStart, static_cast<std::uint32_t>(attempts_.size() - 1));
    } else {
      state.status = StepTarget::Status::Exhausted;
    }
  };
  if (model::is_physical(step.effect) && rt_[target].manual_operations) {
    log_attack(t, AttackRecord::Status::Blocked, a.step, target, a.from, AttackRecord::kNoIndex,
               rt_[target].manual_operations_response);
    ++result_.attack.steps_blocked;
    retry_or_give_up();
    return;
  }
  if (a.cut_off || !prerequisites_met(step) || reached_from(step, target) == kNoElement) {
    log_attack(t, AttackRecord::Status::Failed, a.step, target, a.from);
    state.status = StepTarget::Status::Idle;  // possible again once the way in is back
    campaign_dirty_ = true;
    return;
  }
  if (const std::uint32_t control = blocking_control(a); control != AttackRecord::kNoIndex) {
    log_attack(t, AttackRecord::Status::Blocked, a.step, target, a.from, control);
    ++result_.attack.steps_blocked;
    retry_or_give_up();
    return;
  }
  core::Rng rng(seed_, run_index_, "attempt", a.key());
  if (step.success_probability < 1.0 && rng.uniform01() >= step.success_probability) {
    log_attack(t, AttackRecord::Status::Failed, a.step, target, a.from);
    retry_or_give_up();
    return;
  }
  state.status = StepTarget::Status::Succeeded;
  ++step_successes_[a.step];
  ++result_.attack.steps_succeeded;
  log_attack(t, AttackRecord::Status::Succeeded, a.step, target, a.from);
  apply_step_effect(a, t);
  check_objectives(t);
  campaign_dirty_ = true;
}

void Simulation::set_setpoint(ElementIndex x, double setpoint, const Cause& cause) {
  Runtime& r = rt_[x];
  r.setpoint = setpoint;
  r.setpoint_cause = cause;
  ++r.setpoint_token;
  solution_.capacity_scale[x] = setpoint;
  if (is_power_element(x)) {
    physics_dirty_[elements_[x].layer] = 1;
    recent_changes_[elements_[x].layer].push_back(x);
  }
  enqueue(x);
  touch(x);
}

Cause Simulation::step_cause(const Attempt& attempt) const {
  Cause cause;
  cause.kind = CauseKind::Attack;
  cause.reason = Reason::AttackStep;
  cause.event = attempt.step;
  cause.from_step = true;
  cause.element = attempt.from;
  return cause;
}

void Simulation::apply_step_effect(const Attempt& a, double t) {
  const model::AttackStep& step = campaign_.steps[a.step];
  const ElementIndex x = step.targets[a.target_pos];
  Runtime& r = rt_[x];
  const Cause cause = step_cause(a);
  const auto hold = [&] {
    if (r.attacker_holds) return;
    r.attacker_holds = true;
    r.held_by_step = a.step;
    r.held_from = a.from;
    reach_stale_ = true;
  };
  switch (step.effect) {
    case StepEffect::Foothold:
      hold();
      break;
    case StepEffect::Control:
      hold();
      set_damage(x, Damage::Compromised, a.step, cause, t);
      break;
    case StepEffect::Credentials:
      break;  // the success itself is what later steps need
    case StepEffect::Wipe:
      set_damage(x, Damage::Wiped, a.step, cause, t);
      break;
    case StepEffect::DestroyFirmware:
      set_damage(x, Damage::Firmware, a.step, cause, t);
      break;
    case StepEffect::DenyService:
      if (!step.duration) {
        set_damage(x, Damage::Hung, a.step, cause, t);
      } else if (set_damage(x, Damage::Denied, a.step, cause, t)) {
        const double length = sample(*step.duration, "step_deny_service", a.key());
        queue_.push(t + length, QueueItem::Kind::DenyEnd, x, r.repair_token);
        log_repair(t, x, RepairStep::Kind::DeniedService, t + length);
      }
      break;
    case StepEffect::DisableBackup:
      r.backup_disabled = true;
      r.backup_disabled_event = a.step;
      r.backup_disabled_by_step = true;
      enqueue(x);
      break;
    case StepEffect::OpenBreaker:
      set_damage(x, Damage::Open, a.step, cause, t);
      break;
    case StepEffect::Trip:
      set_damage(x, Damage::Tripped, a.step, cause, t);
      break;
    case StepEffect::ChangeSetpoint: {
      set_setpoint(x, step.setpoint, cause);
      // It lasts its duration, or until operators notice and reset it: remotely while they control
      // the source, by hand on site (crew travel and switching) once they have lost control.
      const std::uint64_t item = (std::uint64_t{x} << 20) ^ a.step;
      double reset_at = t;
      if (step.duration) {
        reset_at += sample(*step.duration, "setpoint_duration", item);
      } else {
        const auto& policy = scenario_.restoration;
        reset_at += sample(r.loss_of_view ? policy.detection_without_view : policy.detection,
                           "setpoint_detection", item);
        const auto& times = elements_[x].repair;
        if (r.loss_of_control) {
          const auto crews = scenario_.crews.find(crew_pool_names_[crew_pool_of(x)]);
          if (crews != scenario_.crews.end())
            reset_at += sample(crews->second.travel, "setpoint_travel", item);
          reset_at += sample(times.manual, "setpoint_manual", item);
        } else {
          reset_at += sample(times.remote, "setpoint_remote", item);
        }
      }
      queue_.push(reset_at, QueueItem::Kind::SetpointReset, x, r.setpoint_token);
      break;
    }
  }
}

void Simulation::check_objectives(double t) {
  for (std::uint32_t o = 0; o < campaign_.objectives.size(); ++o) {
    if (objective_reached_[o]) continue;
    const model::Objective& objective = campaign_.objectives[o];
    std::size_t successes = 0;
    for (std::uint32_t s : objective.steps) successes += static_cast<std::size_t>(step_successes_[s]);
    if (successes < objective.min_targets) continue;
    objective_reached_[o] = 1;
    ++result_.attack.objectives_reached;
    if (!result_.attack.time_to_objective_min) result_.attack.time_to_objective_min = t;
    log_attack(t, AttackRecord::Status::Objective, o, kNoElement, kNoElement);
  }
}

void Simulation::log_attack(double t, AttackRecord::Status status, std::uint32_t step, ElementIndex target,
                            ElementIndex from, std::uint32_t control, std::uint32_t response) {
  AttackRecord record;
  record.time_min = t;
  record.step = step;
  record.target = target;
  record.from = from;
  record.status = status;
  record.control = control;
  record.response = response;
  result_.attack_log.push_back(record);
}

}  // namespace blackstart::sim
