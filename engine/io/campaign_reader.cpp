#include "campaign_reader.hpp"

#include <algorithm>
#include <set>

#include "blackstart/core/duration.hpp"
#include "blackstart/core/text.hpp"
#include "target_reader.hpp"
#include "technique_reader.hpp"

namespace blackstart::io {

namespace {

using model::AttackStep;

//! Step ids in file order: what `requires` and objectives refer to.
struct StepIds {
  std::vector<std::string> ids;
  [[nodiscard]] std::optional<std::uint32_t> find(const std::string& id) const {
    const auto it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end()) return std::nullopt;
    return static_cast<std::uint32_t>(it - ids.begin());
  }
};

//! A step id or a list of them, from `key` of `who` ("step 'x'", "objective 'y'").
std::vector<std::uint32_t> read_step_refs(YamlReader& yaml, const YAML::Node& node, const StepIds& steps,
                                          const std::string& who, const std::string& key) {
  std::vector<std::uint32_t> out;
  auto one = [&](const YAML::Node& item) {
    if (!item.IsScalar()) {
      yaml.error(item, who + ": '" + key + "' must be a step id or a list of step ids");
      return;
    }
    const std::string& id = item.Scalar();
    const auto index = steps.find(id);
    if (!index) {
      yaml.error(item,
                 who + ": '" + key + "' names unknown step '" + id + "'" + core::did_you_mean(id, steps.ids));
      return;
    }
    if (std::find(out.begin(), out.end(), *index) == out.end()) out.push_back(*index);
  };
  if (node.IsSequence())
    for (const auto& item : node) one(item);
  else
    one(node);
  return out;
}

void read_effect(YamlReader& yaml, const YAML::Node& node, AttackStep& step) {
  const std::string text = yaml.text(node, "effect");
  if (const auto effect = model::parse_step_effect(text)) {
    step.effect = *effect;
    return;
  }
  const auto names = model::step_effect_names();
  yaml.error(node, "unknown effect '" + text + "'" + core::did_you_mean(text, names) + "; use " +
                       core::join(names, ", "));
}

//! `duration`: how long a deny_service step lasts; `manual_reboot` (or none): until a crew reboots it.
void read_step_duration(YamlReader& yaml, const YAML::Node& node, AttackStep& step) {
  if (node.IsScalar() && node.Scalar() == "manual_reboot")
    step.duration.reset();
  else if (auto d = yaml.distribution_of(node, "duration"))
    step.duration = *d;
  if (step.effect != model::StepEffect::DenyService && step.effect != model::StepEffect::ChangeSetpoint)
    yaml.warning(node, "'duration' only applies to deny_service and change_setpoint steps");
}

//! Every field of a step but its prerequisites, which may name steps further down.
AttackStep read_step(YamlReader& yaml, const YAML::Node& item, std::size_t ordinal,
                     model::Scenario& scenario) {
  AttackStep step;
  step.location = yaml.location(item);
  step.id = item["id"] ? yaml.text(item["id"], "step id") : "step-" + std::to_string(ordinal);
  const std::string who = "step '" + step.id + "'";
  if (item["technique"]) step.technique = read_technique(yaml, item["technique"]);
  if (item["description"]) step.description = yaml.text(item["description"], "description");
  if (item["target"] && item["targets"])
    yaml.error(item["targets"], who + ": give 'target' or 'targets', not both");
  const YAML::Node target = item["target"] ? item["target"] : item["targets"];
  if (!target) {
    yaml.error(item, who + " needs 'target': the assets it is tried on (an id, a glob or a list)");
  } else {
    step.targets = read_targets(yaml, scenario.network, target, "target");
    step.target_pattern = target.IsScalar() ? target.Scalar() : "(list)";
  }
  if (!item["effect"])
    yaml.error(item, who + " needs an 'effect'; use " + core::join(model::step_effect_names(), ", "));
  else
    read_effect(yaml, item["effect"], step);
  if (item["time_to_compromise"])
    if (auto d = yaml.distribution_of(item["time_to_compromise"], "time_to_compromise"))
      step.time_to_compromise = *d;
  if (item["probability"])
    if (auto p = yaml.number_of(item["probability"], "probability", 0.0, 1.0)) step.success_probability = *p;
  if (item["retries"])
    if (auto r = yaml.integer_of(item["retries"], "retries", 0, 100000)) step.retries = static_cast<int>(*r);
  if (item["duration"]) read_step_duration(yaml, item["duration"], step);
  if (item["not_before"])
    if (auto at = yaml.duration_of(item["not_before"], "not_before")) {
      step.not_before_min = *at;
      if (*at > scenario.horizon_min)
        yaml.warning(item["not_before"], who + " waits until after the horizon and will not run");
    }
  if (item["after_ready"])
    if (auto d = yaml.duration_of(item["after_ready"], "after_ready")) step.delay_after_ready_min = *d;
  if (item["max_targets"])
    if (auto k = yaml.integer_of(item["max_targets"], "max_targets", 1, 1e9))
      step.max_targets = static_cast<std::size_t>(*k);
  if (item["setpoint"]) {
    if (auto f = yaml.number_of(item["setpoint"], "setpoint", 0.0, 1.0)) step.setpoint = *f;
    if (step.effect != model::StepEffect::ChangeSetpoint)
      yaml.warning(item["setpoint"], "'setpoint' only applies to change_setpoint steps");
  }
  return step;
}

//! Physical steps act only through control dependencies (a hijacked HMI opens what it controls):
//! warns about targets that nothing controls, since the step can never reach them.
void warn_uncontrolled_targets(YamlReader& yaml, const YAML::Node& item, const model::Network& network,
                               const std::vector<char>& controlled, const AttackStep& step) {
  if (!model::is_physical(step.effect)) return;
  std::vector<std::string> out_of_reach;
  for (auto t : step.targets)
    if (!controlled[t]) out_of_reach.push_back(network.element(t).id);
  if (out_of_reach.empty()) return;
  const std::size_t shown = std::min<std::size_t>(out_of_reach.size(), 3);
  std::string list =
      core::join({out_of_reach.begin(), out_of_reach.begin() + static_cast<long>(shown)}, ", ");
  if (out_of_reach.size() > shown) list += " and " + std::to_string(out_of_reach.size() - shown) + " more";
  const YAML::Node at = item["target"] ? item["target"] : item["targets"];
  yaml.warning(at, "step '" + step.id + "' (" + std::string(model::to_string(step.effect)) +
                       ") acts only through control dependencies, but nothing in the scenario controls " +
                       list + ": the step can never reach " + (out_of_reach.size() == 1 ? "it" : "them"));
}

//! Steps whose prerequisites can never all be met wait on each other in a cycle: one error per
//! cycle, at the first of its steps in the file.
void report_cycles(YamlReader& yaml, const std::vector<YAML::Node>& items,
                   const std::vector<AttackStep>& steps) {
  const std::size_t n = steps.size();
  std::vector<char> can_run(n, 0);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t s = 0; s < n; ++s) {
      if (can_run[s]) continue;
      bool ready = std::all_of(steps[s].requires_all.begin(), steps[s].requires_all.end(),
                               [&](std::uint32_t p) { return can_run[p] != 0; });
      if (!steps[s].requires_any.empty())
        ready = ready && std::any_of(steps[s].requires_any.begin(), steps[s].requires_any.end(),
                                     [&](std::uint32_t p) { return can_run[p] != 0; });
      if (ready) can_run[s] = changed = true;
    }
  }
  // Each step that cannot run waits for another that cannot: walking those links ends in a cycle.
  const auto blocker = [&](std::uint32_t s) -> std::uint32_t {
    for (std::uint32_t p : steps[s].requires_all)
      if (!can_run[p]) return p;
    return steps[s].requires_any.front();
  };
  std::vector<char> explained(n, 0);
  for (std::uint32_t start = 0; start < n; ++start) {
    if (can_run[start] || explained[start]) continue;
    std::vector<std::uint32_t> path;
    std::uint32_t s = start;
    while (!explained[s] && std::find(path.begin(), path.end(), s) == path.end()) {
      path.push_back(s);
      s = blocker(s);
    }
    for (auto p : path) explained[p] = 1;
    const auto from = std::find(path.begin(), path.end(), s);
    if (from == path.end()) continue;  // waits on a cycle reported already
    std::vector<std::uint32_t> cycle(from, path.end());
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
    std::vector<std::string> names;
    for (auto c : cycle) names.push_back(steps[c].id);
    names.push_back(steps[cycle.front()].id);
    const std::uint32_t first = cycle.front();
    const std::uint32_t next = cycle.size() > 1 ? cycle[1] : first;
    const bool through_all = std::find(steps[first].requires_all.begin(), steps[first].requires_all.end(),
                                       next) != steps[first].requires_all.end();
    const YAML::Node at = items[first][through_all ? "requires" : "requires_any"];
    yaml.error(at ? at : items[first], "step '" + steps[first].id +
                                           "' can never run: its prerequisites form a cycle (" +
                                           core::join(names, " -> ") + ")");
  }
}

void read_objectives(YamlReader& yaml, const YAML::Node& node, const StepIds& ids,
                     model::Campaign& campaign) {
  if (!node.IsSequence()) {
    yaml.error(node, "'objectives' must be a list of {id, description, steps, min_targets}");
    return;
  }
  std::set<std::string> seen;
  for (const auto& item : node) {
    if (!yaml.expect_map(item, "an objective", {"id", "description", "steps", "min_targets"})) continue;
    model::Objective objective;
    objective.location = yaml.location(item);
    objective.id = item["id"] ? yaml.text(item["id"], "objective id")
                              : "objective-" + std::to_string(campaign.objectives.size() + 1);
    if (!seen.insert(objective.id).second)
      yaml.error(item["id"] ? item["id"] : item, "duplicate objective id '" + objective.id + "'");
    const std::string who = "objective '" + objective.id + "'";
    if (item["description"]) objective.description = yaml.text(item["description"], "description");
    if (!item["steps"])
      yaml.error(item, who + " needs 'steps': the steps whose success it counts");
    else
      objective.steps = read_step_refs(yaml, item["steps"], ids, who, "steps");
    if (item["min_targets"])
      if (auto k = yaml.integer_of(item["min_targets"], "min_targets", 1, 1e9))
        objective.min_targets = static_cast<std::size_t>(*k);
    std::size_t reachable = 0;
    for (auto s : objective.steps) {
      const auto& step = campaign.steps[s];
      reachable += step.max_targets ? std::min(*step.max_targets, step.targets.size()) : step.targets.size();
    }
    if (!objective.steps.empty() && reachable < objective.min_targets)
      yaml.warning(item["min_targets"] ? item["min_targets"] : item,
                   who + " needs " + std::to_string(objective.min_targets) +
                       " successful targets, but its steps " + "have only " + std::to_string(reachable) +
                       ": it can never be reached");
    campaign.objectives.push_back(std::move(objective));
  }
}

//! `start`: a duration, or one with a leading minus: the campaign began that long before the run
//! (a dwell of months before a launch on the day simulated), which costs nothing to simulate.
std::optional<double> read_start(YamlReader& yaml, const YAML::Node& node) {
  if (!node.IsScalar() || node.Scalar().rfind('-', 0) != 0) return yaml.duration_of(node, "start");
  std::string why;
  const auto before = core::parse_duration(node.Scalar().substr(1), &why);
  if (!before) {
    yaml.error(node, "start: " + why);
    return std::nullopt;
  }
  return -before->minutes;
}

}  // namespace

void read_campaign(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario) {
  if (!yaml.expect_map(node, "the campaign",
                       {"name", "description", "entry", "start", "steps", "objectives"}))
    return;
  model::Campaign& campaign = scenario.campaign;
  campaign.location = yaml.location(node);
  if (node["name"]) campaign.name = yaml.text(node["name"], "campaign name");
  if (node["description"]) campaign.description = yaml.text(node["description"], "description");
  if (!node["entry"])
    yaml.error(node,
               "the campaign needs 'entry': the assets the attacker holds at its start (e.g. a phished "
               "workstation)");
  else
    campaign.entry = read_targets(yaml, scenario.network, node["entry"], "entry");
  if (node["start"])
    if (auto at = read_start(yaml, node["start"])) {
      campaign.start_min = *at;
      if (*at > scenario.horizon_min)
        yaml.warning(node["start"], "the campaign starts after the horizon and will not run");
    }
  const YAML::Node steps = node["steps"];
  if (!steps) {
    yaml.error(node,
               "the campaign needs 'steps': the attack steps, each {id, technique, target, effect, ...}");
    return;
  }
  if (!steps.IsSequence()) {
    yaml.error(steps, "'steps' must be a list of attack steps");
    return;
  }
  if (steps.size() == 0) yaml.warning(steps, "the campaign has no steps: it does nothing");

  // First every step, then the prerequisites: a step may require one written further down.
  StepIds ids;
  std::vector<YAML::Node> items;
  for (const auto& item : steps) {
    if (!yaml.expect_map(item, "an attack step",
                         {"id", "technique", "description", "target", "targets", "requires", "requires_any",
                          "effect", "time_to_compromise", "probability", "retries", "duration", "not_before",
                          "after_ready", "max_targets", "setpoint"}))
      continue;
    AttackStep step = read_step(yaml, item, items.size() + 1, scenario);
    if (ids.find(step.id)) yaml.error(item["id"] ? item["id"] : item, "duplicate step id '" + step.id + "'");
    ids.ids.push_back(step.id);
    items.push_back(item);
    campaign.steps.push_back(std::move(step));
  }
  for (std::size_t s = 0; s < items.size(); ++s) {
    AttackStep& step = campaign.steps[s];
    const std::string who = "step '" + step.id + "'";
    if (items[s]["requires"])
      step.requires_all = read_step_refs(yaml, items[s]["requires"], ids, who, "requires");
    if (items[s]["requires_any"])
      step.requires_any = read_step_refs(yaml, items[s]["requires_any"], ids, who, "requires_any");
  }
  report_cycles(yaml, items, campaign.steps);
  // What a physical step can act on: the dependents of control dependencies, and the entry points.
  std::vector<char> controlled(scenario.network.elements().size(), 0);
  for (const auto& dep : scenario.network.dependencies())
    if (dep.effect == model::DependencyEffect::LoseControl) controlled[dep.dependent] = 1;
  for (auto x : campaign.entry) controlled[x] = 1;
  for (std::size_t s = 0; s < items.size(); ++s)
    warn_uncontrolled_targets(yaml, items[s], scenario.network, controlled, campaign.steps[s]);
  if (node["objectives"]) read_objectives(yaml, node["objectives"], ids, campaign);
}

}  // namespace blackstart::io
