#include "crews_reader.hpp"

#include <set>

namespace blackstart::io {

void read_crews(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario) {
  if (!node.IsSequence()) {
    yaml.error(node, "'crews' must be a list of {operator, count, travel}");
    return;
  }
  for (const auto& item : node) {
    if (!yaml.expect_map(item, "a crew pool", {"operator", "count", "travel"})) continue;
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
