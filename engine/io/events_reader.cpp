#include "events_reader.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "blackstart/core/text.hpp"
#include "target_reader.hpp"

namespace blackstart::io {

bool is_attack_technique_id(const std::string& t) {
  auto digits = [&](std::size_t from, std::size_t to) {
    return std::all_of(t.begin() + static_cast<long>(from), t.begin() + static_cast<long>(to),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
  };
  return (t.size() == 5 || (t.size() == 9 && t[5] == '.' && digits(6, 9))) && t[0] == 'T' && digits(1, 5);
}

namespace {

void read_selection(YamlReader& yaml, const YAML::Node& item, model::Event& event) {
  const std::string how = yaml.text(item["select"], "select");
  const std::vector<std::string> ways{"random", "highest_degree", "highest_betweenness"};
  if (how == "random")
    event.selection = model::Event::Selection::Random;
  else if (how == "highest_degree")
    event.selection = model::Event::Selection::HighestDegree;
  else if (how == "highest_betweenness")
    event.selection = model::Event::Selection::HighestBetweenness;
  else
    yaml.error(item["select"], "unknown selection '" + how + "'" + core::did_you_mean(how, ways) + "; use " +
                                   core::join(ways, ", "));
  if (!item["choose"]) yaml.error(item["select"], "'select' needs 'choose: k' (how many targets to pick)");
}

}  // namespace

void read_events(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario) {
  if (!node.IsSequence()) {
    yaml.error(node, "'events' must be a list");
    return;
  }
  std::set<std::string> ids;
  std::size_t ordinal = 0;
  for (const auto& item : node) {
    ++ordinal;
    if (!yaml.expect_map(item, "an event",
                         {"id", "at", "action", "targets", "technique", "description", "duration",
                          "probability", "choose", "select"}))
      continue;
    model::Event event;
    event.id = item["id"] ? yaml.text(item["id"], "event id") : "event-" + std::to_string(ordinal);
    if (!ids.insert(event.id).second)
      yaml.error(item["id"] ? item["id"] : item, "duplicate event id '" + event.id + "'");
    event.location = yaml.location(item);
    if (!item["at"])
      yaml.error(item, "event '" + event.id + "' needs 'at' (time after the scenario start, e.g. 15min)");
    else if (auto at = yaml.duration_of(item["at"], "at")) {
      event.at_min = *at;
      if (*at > scenario.horizon_min)
        yaml.warning(item["at"], "event '" + event.id + "' is after the horizon and will not happen");
    }
    if (!item["action"]) {
      yaml.error(item, "event '" + event.id + "' needs an 'action'");
    } else {
      const std::string a = yaml.text(item["action"], "action");
      auto action = model::parse_action(a);
      if (!action) {
        yaml.error(item["action"], "unknown action '" + a + "'" +
                                       core::did_you_mean(a, model::action_names()) + "; use " +
                                       core::join(model::action_names(), ", "));
      } else {
        event.action = *action;
      }
    }
    if (!item["targets"])
      yaml.error(item, "event '" + event.id + "' needs 'targets'");
    else {
      event.targets = read_targets(yaml, scenario.network, item["targets"], "target");
      event.target_pattern = item["targets"].IsScalar() ? item["targets"].Scalar() : "(list)";
    }
    if (item["technique"]) {
      event.technique = yaml.text(item["technique"], "technique");
      if (!is_attack_technique_id(event.technique))
        yaml.error(item["technique"],
                   "technique '" + event.technique + "' is not a MITRE ATT&CK id such as T0831");
    }
    if (item["description"]) event.description = yaml.text(item["description"], "description");
    if (item["probability"]) {
      if (item["probability"].IsScalar()) {
        if (auto p = yaml.number_of(item["probability"], "probability", 0.0, 1.0))
          event.probability = core::DurationDistribution::fixed(*p);
      } else if (auto d = yaml.probability_distribution_of(item["probability"])) {
        event.probability = *d;
      }
    }
    if (item["choose"])
      if (auto k = yaml.integer_of(item["choose"], "choose", 1, 1e9)) event.choose = static_cast<int>(*k);
    if (item["select"]) read_selection(yaml, item, event);
    if (item["duration"]) {
      if (auto d = yaml.distribution_of(item["duration"], "duration")) event.duration = *d;
      if (event.action != model::Action::DenyService)
        yaml.warning(item["duration"], "'duration' only applies to deny_service events");
    } else if (event.action == model::Action::DenyService && item["action"]) {
      yaml.error(item, "deny_service event '" + event.id + "' needs a 'duration'");
    }
    scenario.events.push_back(std::move(event));
  }
}

}  // namespace blackstart::io
