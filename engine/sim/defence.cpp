// The defender. Enabled controls act on each attempt of a technique they counter: they lengthen its
// time to compromise, may block it, and may raise an alert some time later. Alerts start response
// playbooks after their delay; a detection without a playbook changes nothing in the run. Every
// draw is keyed by (attempt, control) or (response), so enabling one control leaves the draws of
// every other unchanged.
#include "blackstart/core/random.hpp"
#include "simulation.hpp"

namespace blackstart::sim {

using model::ElementIndex;

namespace {
//! One stream per attempt and control, so switching another control on or off changes none of its draws.
std::uint64_t attempt_key(const Attempt& a, std::uint32_t control) {
  return a.key() * 0x9e3779b97f4a7c15ULL + control;
}

//! What an enabled control does against `technique`, or nullptr.
const model::Countermeasure* countering(const model::Control& control, const std::string& technique) {
  return control.enabled ? model::countermeasure_for(control, technique) : nullptr;
}
}  // namespace

double Simulation::delayed_time_to_compromise(const model::AttackStep& step, double minutes) const {
  for (const auto& control : scenario_.controls)
    if (const auto* measure = countering(control, step.technique))
      minutes = minutes * measure->delay_factor + measure->delay_added_min;
  return minutes;
}

std::uint32_t Simulation::blocking_control(const Attempt& attempt) const {
  const model::AttackStep& step = campaign_.steps[attempt.step];
  for (std::uint32_t c = 0; c < scenario_.controls.size(); ++c) {
    const auto* measure = countering(scenario_.controls[c], step.technique);
    if (!measure || measure->block_probability <= 0.0) continue;
    core::Rng rng(seed_, run_index_, "control_block", attempt_key(attempt, c));
    if (rng.uniform01() < measure->block_probability) return c;
  }
  return AttackRecord::kNoIndex;
}

void Simulation::raise_alerts(const Attempt& attempt, double t) {
  const model::AttackStep& step = campaign_.steps[attempt.step];
  for (std::uint32_t c = 0; c < scenario_.controls.size(); ++c) {
    const auto* measure = countering(scenario_.controls[c], step.technique);
    if (!measure || measure->detect_probability <= 0.0) continue;
    core::Rng rng(seed_, run_index_, "control_detect", attempt_key(attempt, c));
    if (rng.uniform01() >= measure->detect_probability) continue;
    const double at = t + std::max(0.0, measure->time_to_detect.sample_minutes(rng));
    alerts_.push_back(Alert{at, attempt.step, c, step.targets[attempt.target_pos], attempt.from});
    queue_.push(at, QueueItem::Kind::Alert, static_cast<std::uint32_t>(alerts_.size() - 1));
  }
}

void Simulation::on_alert(std::uint32_t id, double t) {
  const Alert alert = alerts_[id];
  log_attack(t, AttackRecord::Status::Detected, alert.step, alert.target, alert.from, alert.control);
  if (!result_.attack.first_detection_min) result_.attack.first_detection_min = t;
  const std::string& technique = campaign_.steps[alert.step].technique;
  for (std::uint32_t r = 0; r < scenario_.responses.size(); ++r) {
    const model::Response& response = scenario_.responses[r];
    if (!response.enabled || response_fired_[r]) continue;
    bool matches = response.on_techniques.empty();
    for (const auto& pattern : response.on_techniques)
      matches = matches || model::technique_matches(pattern, technique);
    if (!matches) continue;
    response_fired_[r] = 1;
    core::Rng rng(seed_, run_index_, "response_delay", r);
    queue_.push(t + std::max(0.0, response.delay.sample_minutes(rng)), QueueItem::Kind::ResponseRun, r);
  }
}

void Simulation::run_response(std::uint32_t id, double t) {
  const model::Response& response = scenario_.responses[id];
  Cause cause;
  cause.kind = CauseKind::Response;
  cause.reason = Reason::ResponseAction;
  cause.event = id;
  log_attack(t, AttackRecord::Status::Responded, 0, model::kNoElement, model::kNoElement,
             AttackRecord::kNoIndex, id);
  switch (response.action) {
    case model::ResponseAction::Isolate:
      for (ElementIndex x : response.targets) set_damage(x, Damage::Isolated, id, cause, t);
      break;
    case model::ResponseAction::RevokeCredentials:
      // Credentials stop working: the steps that stole them count as undone, and whatever the
      // attacker reached by using them is lost.
      for (std::uint32_t s = 0; s < campaign_.steps.size(); ++s) {
        if (campaign_.steps[s].effect != model::StepEffect::Credentials || step_successes_[s] == 0) continue;
        step_successes_[s] = 0;
        for (auto& target : step_targets_[s])
          if (target.status == StepTarget::Status::Succeeded) target.status = StepTarget::Status::Idle;
      }
      for (ElementIndex x = 0; x < elements_.size(); ++x)
        if (rt_[x].attacker_holds && rt_[x].held_by_step != kNoStep &&
            step_needs_credentials_[rt_[x].held_by_step])
          evict(x, id, t);
      break;
    case model::ResponseAction::ManualOperations:
      for (ElementIndex x : response.targets) {
        Runtime& r = rt_[x];
        r.manual_operations = true;
        r.manual_operations_response = id;
        if (r.damage != Damage::None && !r.repairing && !r.waiting_for_crew)
          r.detect_at = t;  // on site already
      }
      break;
    case model::ResponseAction::RestoreFromBackup:
      for (ElementIndex x : response.targets) {
        if (rt_[x].damage == Damage::Compromised || rt_[x].damage == Damage::Wiped)
          clear_damage(x, cause, t);  // evicts the attacker too
        else if (rt_[x].attacker_holds)
          evict(x, id, t);
      }
      break;
  }
  cut_off_attempts();
  reach_stale_ = campaign_dirty_ = true;
}

void Simulation::cut_off_attempts() {
  for (auto& attempt : attempts_)
    if (!attempt.done && !prerequisites_met(campaign_.steps[attempt.step])) attempt.cut_off = true;
}

void Simulation::evict(ElementIndex x, std::uint32_t response, double t) {
  Runtime& r = rt_[x];
  r.attacker_holds = false;
  // What the step bought is lost: it no longer counts for the steps that need it.
  if (r.held_by_step != kNoStep) {
    const auto& targets = campaign_.steps[r.held_by_step].targets;
    for (std::size_t pos = 0; pos < targets.size(); ++pos) {
      StepTarget& target = step_targets_[r.held_by_step][pos];
      if (targets[pos] != x || target.status != StepTarget::Status::Succeeded) continue;
      target.status = StepTarget::Status::Idle;
      if (step_successes_[r.held_by_step] > 0) --step_successes_[r.held_by_step];
    }
  }
  log_attack(t, AttackRecord::Status::Evicted, r.held_by_step == kNoStep ? 0 : r.held_by_step, x, r.held_from,
             AttackRecord::kNoIndex, response);
  reach_stale_ = campaign_dirty_ = true;
}

}  // namespace blackstart::sim
