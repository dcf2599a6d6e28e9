#include "dependencies_reader.hpp"

#include "backup_store_reader.hpp"
#include "dependency_rules.hpp"
#include "target_reader.hpp"

namespace blackstart::io {

namespace {

//! `backup: 4h` or `backup: {kind: battery, autonomy: 4h}`; with store keys a battery with a state
//! of charge or a refuelled tank (backup_store_reader.hpp).
void read_backup(YamlReader& yaml, model::Dependency& dep, const YAML::Node& node) {
  if (node.IsScalar()) {
    if (auto m = yaml.duration_of(node, "backup")) dep.backup_min = *m;
    return;
  }
  if (!yaml.expect_map(node, "backup",
                       {"kind", "autonomy", "recharge", "capacity_kwh", "load_kw", "recharge_kw", "level",
                        "tank_l", "burn_lph", "refuel", "reorder_at"}))
    return;
  if (has_store_keys(node)) {
    read_backup_store(yaml, dep, node);
    return;
  }
  if (!node["autonomy"]) {
    yaml.error(node, "backup needs 'autonomy' (how long it carries the load, e.g. 4h)");
    return;
  }
  if (auto m = yaml.duration_of(node["autonomy"], "backup autonomy")) dep.backup_min = *m;
  if (node["kind"]) dep.backup_kind = yaml.text(node["kind"], "backup kind");
}

}  // namespace

void read_dependencies(YamlReader& yaml, const YAML::Node& node, model::Network& network) {
  if (!node.IsSequence()) {
    yaml.error(node, "'dependencies' must be a list");
    return;
  }
  for (const auto& item : node) {
    if (!yaml.expect_map(item, "a dependency",
                         {"dependent", "supplier", "kind", "effect", "delay", "backup", "factor", "note"}))
      continue;
    if (!item["dependent"] || !item["supplier"] || !item["kind"]) {
      yaml.error(item,
                 "a dependency needs 'dependent', 'supplier' and 'kind' (the dependent needs the supplier)");
      continue;
    }
    const auto dependents = read_targets(yaml, network, item["dependent"], "dependent");
    const auto supplier = read_single_target(yaml, network, item["supplier"], "supplier");
    model::Dependency dep;
    auto at = [&yaml](const YAML::Node& n) { return [&yaml, n](const std::string& m) { yaml.error(n, m); }; };
    const auto kind = dependency_kind_of(yaml.text(item["kind"], "dependency kind"), at(item["kind"]));
    if (!kind) continue;
    dep.kind = *kind;
    dep.effect = model::default_effect(*kind);
    if (item["effect"]) {
      const auto effect = dependency_effect_of(yaml.text(item["effect"], "effect"), at(item["effect"]));
      if (!effect) continue;
      dep.effect = *effect;
    }
    if (item["factor"]) {
      if (auto f = yaml.number_of(item["factor"], "factor", 0.0, 1.0)) dep.degrade_factor = *f;
      if (dep.effect != model::DependencyEffect::Degrade)
        yaml.warning(item["factor"], "'factor' only matters with effect: degrade");
    }
    if (item["delay"])
      if (auto d = yaml.duration_of(item["delay"], "delay")) dep.delay_min = *d;
    if (item["backup"]) read_backup(yaml, dep, item["backup"]);
    if (!supplier) continue;
    dep.supplier = *supplier;
    dep.location = yaml.location(item);
    for (auto d : dependents) {
      if (d == *supplier) {
        yaml.error(item, "'" + network.element(d).id + "' cannot depend on itself");
        continue;
      }
      dep.dependent = d;
      network.add_dependency(dep);
    }
  }
}

void warn_dependency_cycles(const model::Network& net, core::Diagnostics& diagnostics) {
  const auto& deps = net.dependencies();
  const std::size_t n = net.size();
  std::vector<std::vector<model::ElementIndex>> next(n);
  for (const auto& d : deps)
    if (d.effect == model::DependencyEffect::Fail && !d.backup_min) next[d.dependent].push_back(d.supplier);
  std::vector<char> colour(n, 0);
  for (model::ElementIndex start = 0; start < n; ++start) {
    if (colour[start] || next[start].empty()) continue;
    std::vector<std::pair<model::ElementIndex, std::size_t>> stack{{start, 0}};
    colour[start] = 1;
    while (!stack.empty()) {
      auto& [v, i] = stack.back();
      if (i < next[v].size()) {
        const model::ElementIndex w = next[v][i++];
        if (colour[w] == 1) {
          const auto& e = net.element(w);
          diagnostics.warning(e.location.file, e.location.line, e.location.column,
                              "'" + e.id +
                                  "' is part of a cycle of hard dependencies without backup: once any "
                                  "member fails, none of them can come back");
          colour[w] = 3;
        } else if (colour[w] == 0) {
          colour[w] = 1;
          stack.emplace_back(w, 0);
        }
      } else {
        if (colour[v] == 1) colour[v] = 2;
        stack.pop_back();
      }
    }
  }
}

}  // namespace blackstart::io
