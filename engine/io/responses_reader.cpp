#include "responses_reader.hpp"

#include <algorithm>

#include "blackstart/core/text.hpp"
#include "target_reader.hpp"
#include "technique_reader.hpp"

namespace blackstart::io {

namespace {

bool read_action(YamlReader& yaml, const YAML::Node& node, model::Response& response) {
  const std::string text = yaml.text(node, "action");
  if (const auto action = model::parse_response_action(text)) {
    response.action = *action;
    return true;
  }
  const auto names = model::response_action_names();
  yaml.error(node, "unknown response action '" + text + "'" + core::did_you_mean(text, names) + "; use " +
                       core::join(names, ", "));
  return false;
}

//! Warns about `on` techniques that no step of the campaign uses: the playbook would never run.
void warn_unused_triggers(YamlReader& yaml, const YAML::Node& on, const model::Scenario& scenario,
                          const model::Response& response) {
  if (scenario.campaign.empty()) return;
  for (const auto& pattern : response.on_techniques) {
    const bool used = std::any_of(
        scenario.campaign.steps.begin(), scenario.campaign.steps.end(),
        [&](const model::AttackStep& s) { return model::technique_matches(pattern, s.technique); });
    if (!used)
      yaml.warning(on, "response '" + response.name + "' reacts to " + pattern +
                           ", which no step of the campaign uses");
  }
}

}  // namespace

void read_responses(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario) {
  if (!node.IsSequence()) {
    yaml.error(node, "'responses' must be a list of {name, on, delay, action, targets}");
    return;
  }
  for (const auto& item : node) {
    if (!yaml.expect_map(item, "a response",
                         {"name", "description", "enabled", "on", "delay", "action", "targets"}))
      continue;
    model::Response response;
    response.location = yaml.location(item);
    if (!item["name"]) {
      yaml.error(item, "a response needs a 'name'");
      continue;
    }
    response.name = yaml.text(item["name"], "response name");
    const std::string who = "response '" + response.name + "'";
    if (std::any_of(scenario.responses.begin(), scenario.responses.end(),
                    [&](const model::Response& r) { return r.name == response.name; }))
      yaml.error(item["name"], "duplicate response '" + response.name + "'");
    if (item["description"]) response.description = yaml.text(item["description"], "description");
    if (item["enabled"])
      if (auto on = yaml.bool_of(item["enabled"], "enabled")) response.enabled = *on;
    if (item["on"]) {
      response.on_techniques = read_technique_patterns(yaml, item["on"], "on");
      warn_unused_triggers(yaml, item["on"], scenario, response);
    }
    if (item["delay"])
      if (auto d = yaml.distribution_of(item["delay"], "delay")) response.delay = *d;
    bool action_known = false;
    if (!item["action"])
      yaml.error(item, who + " needs an 'action'; use " + core::join(model::response_action_names(), ", "));
    else
      action_known = read_action(yaml, item["action"], response);
    const bool revokes = response.action == model::ResponseAction::RevokeCredentials;
    if (item["targets"]) {
      response.targets = read_targets(yaml, scenario.network, item["targets"], "target");
      response.target_pattern = item["targets"].IsScalar() ? item["targets"].Scalar() : "(list)";
      if (revokes)
        yaml.warning(item["targets"],
                     "'targets' has no effect on revoke_credentials: every stolen credential "
                     "is revoked");
    } else if (!revokes && action_known) {
      yaml.error(item, who + " needs 'targets': what " + std::string(model::to_string(response.action)) +
                           " acts on");
    }
    scenario.responses.push_back(std::move(response));
  }
}

}  // namespace blackstart::io
