#include "crews_reader.hpp"

#include <set>

#include "target_reader.hpp"

namespace blackstart::io {

namespace {

bool is_road_link(const model::Element& e, const model::Network& network) {
  return e.is_link && e.type == "road" && network.layers()[e.layer].kind == model::LayerKind::Transport;
}

}  // namespace

std::vector<model::ElementIndex> read_depots(YamlReader& yaml, const model::Network& network,
                                             const YAML::Node& node, const std::string& who) {
  std::vector<model::ElementIndex> depots;
  const auto one = [&](const YAML::Node& item) {
    const auto found = read_single_target(yaml, network, item, "depot");
    if (!found) return;
    const auto& e = network.element(*found);
    if (e.is_link || network.layers()[e.layer].kind != model::LayerKind::Transport) {
      yaml.error(item,
                 "depot '" + e.id + "' must be an asset of a transport layer (a place on the road network)");
      return;
    }
    bool on_road = false;
    for (const auto& x : network.elements())
      if (is_road_link(x, network) && (x.from == *found || x.to == *found)) {
        on_road = true;
        break;
      }
    if (!on_road) {
      yaml.error(item, "depot '" + e.id + "' is not the end of any link of type 'road': " + who +
                           " could not leave it");
      return;
    }
    depots.push_back(*found);
  };
  if (node.IsSequence()) {
    if (node.size() == 0) yaml.error(node, "depot list is empty: name at least one depot");
    for (const auto& item : node) one(item);
  } else {
    one(node);
  }
  return depots;
}

void read_crews(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario) {
  if (!node.IsSequence()) {
    yaml.error(node, "'crews' must be a list of {operator, count, travel}");
    return;
  }
  for (const auto& item : node) {
    if (!yaml.expect_map(item, "a crew pool", {"operator", "count", "travel", "depot", "shift", "rest"}))
      continue;
    if (!item["operator"]) {
      yaml.error(item, "a crew pool needs an 'operator' (use 'default' for crews that serve every operator)");
      continue;
    }
    model::CrewPool pool;
    pool.operator_name = yaml.text(item["operator"], "operator");
    pool.location = yaml.location(item);
    if (item["count"])
      if (auto c = yaml.integer_of(item["count"], "crew count", 0, 100000)) pool.count = static_cast<int>(*c);
    if (item["travel"])
      if (auto d = yaml.distribution_of(item["travel"], "travel")) pool.travel = *d;
    if (item["depot"]) pool.depots = read_depots(yaml, scenario.network, item["depot"], "crews");
    if (item["shift"])
      if (auto m = yaml.duration_of(item["shift"], "shift")) {
        if (*m <= 0)
          yaml.error(item["shift"], "shift must be longer than 0min (leave it out for the default 16h)");
        else
          pool.shift_min = *m;
      }
    if (item["rest"])
      if (auto m = yaml.duration_of(item["rest"], "rest")) pool.rest_min = *m;
    if (!pool.routed() && (item["shift"] || item["rest"]))
      yaml.warning(item["shift"] ? item["shift"] : item["rest"],
                   "'shift' and 'rest' apply only to crews with a 'depot' (crews routed over roads)");
    if (scenario.crews.count(pool.operator_name)) {
      yaml.error(item["operator"], "crews for operator '" + pool.operator_name + "' are defined twice");
      continue;
    }
    scenario.crews[pool.operator_name] = pool;
  }
}

void warn_unrepairable_damage(const model::Scenario& scenario, bool crews_declared_empty,
                              core::Diagnostics& diagnostics) {
  if (diagnostics.has_errors()) return;  // event actions may not be what they seem
  if (crews_declared_empty) return;      // `crews: []`: no crews by design
  auto has_crews = [&](const std::string& op) {
    const auto it = scenario.crews.find(op);
    return it != scenario.crews.end() && it->second.count > 0;
  };
  std::set<std::string> reported;
  for (const auto& event : scenario.events)
    for (auto target : event.targets) {
      const auto& e = scenario.network.element(target);
      if (has_crews(e.operator_name) || (!scenario.crews.count(e.operator_name) && has_crews("default")))
        continue;
      if (event.action == model::Action::DenyService || event.action == model::Action::DisableBackup ||
          event.action == model::Action::Restore || !reported.insert(e.operator_name).second)
        continue;
      const std::string who = e.operator_name.empty() ? "it has no operator and there are no 'default' crews"
                                                      : "its operator '" + e.operator_name + "' has no crews";
      diagnostics.warning(event.location.file, event.location.line, event.location.column,
                          "event '" + event.id + "' damages '" + e.id + "', but " + who +
                              ": on-site repairs will never start");
    }
}

}  // namespace blackstart::io
