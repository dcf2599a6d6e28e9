#include "controllers/attack_progress.hpp"

#include <algorithm>
#include <map>

namespace blackstart::gui {

using Status = sim::AttackRecord::Status;

std::string_view to_string(StepStatus status) {
  switch (status) {
    case StepStatus::NotStarted:
      return "not started";
    case StepStatus::InProgress:
      return "in progress";
    case StepStatus::Succeeded:
      return "succeeded";
    case StepStatus::Failed:
      return "failed";
    case StepStatus::Blocked:
      return "blocked";
    case StepStatus::Detected:
      return "detected";
    case StepStatus::Evicted:
      return "evicted";
  }
  return "?";
}

const std::vector<StepStatus>& all_step_statuses() {
  static const std::vector<StepStatus> all{
      StepStatus::NotStarted, StepStatus::InProgress, StepStatus::Succeeded, StepStatus::Failed,
      StepStatus::Blocked,    StepStatus::Detected,   StepStatus::Evicted};
  return all;
}

namespace {

//! The last thing that happened to one target of one step.
enum class TargetState : std::uint8_t { Started, Succeeded, Failed, Blocked, Evicted };

void add_unique(std::vector<std::uint32_t>& list, std::uint32_t value) {
  if (value != sim::AttackRecord::kNoIndex && std::find(list.begin(), list.end(), value) == list.end())
    list.push_back(value);
}

StepStatus summarise(const std::map<model::ElementIndex, TargetState>& targets, bool detected) {
  const auto any = [&](TargetState s) {
    return std::any_of(targets.begin(), targets.end(), [s](const auto& t) { return t.second == s; });
  };
  if (any(TargetState::Succeeded)) return StepStatus::Succeeded;
  if (any(TargetState::Evicted)) return StepStatus::Evicted;
  if (any(TargetState::Started)) return StepStatus::InProgress;
  if (any(TargetState::Blocked)) return StepStatus::Blocked;
  if (detected) return StepStatus::Detected;
  if (any(TargetState::Failed)) return StepStatus::Failed;
  return StepStatus::NotStarted;
}

}  // namespace

AttackProgress attack_progress(const model::Campaign& campaign, const std::vector<sim::AttackRecord>& log,
                               double t_min) {
  AttackProgress out;
  out.time_min = t_min;
  out.steps.resize(campaign.steps.size());
  out.objective_reached.resize(campaign.objectives.size());
  std::vector<std::map<model::ElementIndex, TargetState>> targets(campaign.steps.size());

  for (const auto& r : log) {
    if (r.time_min > t_min) break;
    if (r.status == Status::Objective) {
      if (r.step < out.objective_reached.size() && !out.objective_reached[r.step])
        out.objective_reached[r.step] = r.time_min;
      continue;
    }
    if (r.status == Status::Responded) {
      const bool seen = std::any_of(out.responses.begin(), out.responses.end(),
                                    [&](const auto& p) { return p.first == r.response; });
      if (!seen) out.responses.emplace_back(r.response, r.time_min);
      continue;
    }
    if (r.step >= campaign.steps.size()) continue;
    StepProgress& step = out.steps[r.step];
    auto& state = targets[r.step];
    switch (r.status) {
      case Status::Started:
        if (!state.count(r.target)) ++step.attempted;
        if (step.first_target == model::kNoElement) step.first_target = r.target;
        state[r.target] = TargetState::Started;
        break;
      case Status::Succeeded:
        state[r.target] = TargetState::Succeeded;
        if (!step.first_success_min) step.first_success_min = r.time_min;
        break;
      case Status::Failed:
        // A failure while waiting to launch has no Started before it; it still counts as a try.
        if (!state.count(r.target)) ++step.attempted;
        state[r.target] = TargetState::Failed;
        break;
      case Status::Blocked:
        state[r.target] = TargetState::Blocked;
        add_unique(step.blocking_controls, r.control);
        add_unique(step.blocking_responses, r.response);
        break;
      case Status::Detected:
        add_unique(step.detecting_controls, r.control);
        if (!step.first_detection_min) step.first_detection_min = r.time_min;
        if (!out.first_detection_min) out.first_detection_min = r.time_min;
        break;
      case Status::Evicted: {
        // Only what the step holds: an entry point evicted is logged against step 0 as well.
        const auto found = state.find(r.target);
        if (found != state.end() && found->second == TargetState::Succeeded)
          found->second = TargetState::Evicted;
        break;
      }
      case Status::Objective:
      case Status::Responded:
        break;
    }
  }

  for (std::size_t s = 0; s < campaign.steps.size(); ++s) {
    StepProgress& step = out.steps[s];
    const auto& spec = campaign.steps[s];
    step.targets = spec.targets.size();
    step.held =
        static_cast<std::size_t>(std::count_if(targets[s].begin(), targets[s].end(), [](const auto& t) {
          return t.second == TargetState::Succeeded;
        }));
    step.status = summarise(targets[s], step.first_detection_min.has_value());
    if (step.first_target == model::kNoElement && !spec.targets.empty())
      step.first_target = spec.targets.front();
  }
  return out;
}

}  // namespace blackstart::gui
