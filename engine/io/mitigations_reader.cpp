#include "mitigations_reader.hpp"

#include <algorithm>

#include "blackstart/core/text.hpp"
#include "blackstart/io/control_library.hpp"
#include "blackstart/model/asset_types.hpp"
#include "target_reader.hpp"

namespace blackstart::io {

namespace {

//! `crews: [{operator, count, travel}]`.
void read_crew_changes(YamlReader& yaml, const YAML::Node& crews, model::Mitigation& m) {
  if (!crews.IsSequence()) {
    yaml.error(crews, "mitigation crews must be a list of {operator, count, travel}");
    return;
  }
  for (const auto& c : crews) {
    if (!yaml.expect_map(c, "a crew change", {"operator", "count", "travel"})) continue;
    model::MitigationChange change;
    change.kind = model::MitigationChange::Kind::SetCrews;
    if (!c["operator"]) {
      yaml.error(c, "a crew change needs 'operator'");
      continue;
    }
    change.operator_name = yaml.text(c["operator"], "operator");
    if (c["count"])
      if (auto v = yaml.integer_of(c["count"], "crew count", 0, 100000))
        change.crew_count = static_cast<int>(*v);
    if (c["travel"]) change.travel = yaml.distribution_of(c["travel"], "travel");
    m.changes.push_back(std::move(change));
  }
}

//! One of `assets: [{targets, set: {attribute: value}, repair: {..}}]`.
void read_asset_change(YamlReader& yaml, const model::Network& network, model::Mitigation& m,
                       const YAML::Node& a) {
  if (!yaml.expect_map(a, "an asset change", {"targets", "set", "repair"})) return;
  if (!a["targets"]) {
    yaml.error(a, "an asset change needs 'targets'");
    return;
  }
  const auto targets = read_targets(yaml, network, a["targets"], "target");
  if (const auto set = a["set"]) {
    if (!set.IsMap())
      yaml.error(set, "'set' must map attribute names to values");
    else
      for (const auto& kv : set) {
        const std::string key = kv.first.Scalar();
        const auto* spec = model::AssetTypeRegistry::builtin().find_attribute(key);
        if (!spec) {
          std::vector<std::string> names;
          for (const auto& s : model::AssetTypeRegistry::builtin().attributes()) names.push_back(s.name);
          yaml.error(kv.first, "unknown attribute '" + key + "'" + core::did_you_mean(key, names));
          continue;
        }
        std::optional<double> v;
        if (kv.second.IsScalar() && (kv.second.Scalar() == "true" || kv.second.Scalar() == "false"))
          v = kv.second.Scalar() == "true" ? 1.0 : 0.0;
        else
          v = yaml.number_of(kv.second, key, spec->min_value, spec->max_value, spec->unit);
        if (!v) continue;
        model::MitigationChange change;
        change.kind = model::MitigationChange::Kind::SetAttribute;
        change.targets = targets;
        change.attribute = key;
        change.value = *v;
        m.changes.push_back(std::move(change));
      }
  }
  if (const auto repair = a["repair"]) {
    if (!yaml.expect_map(repair, "repair",
                         {"remote", "manual", "repair", "reimage", "cleanup", "replacement"}))
      return;
    for (const auto& kv : repair) {
      auto d = yaml.distribution_of(kv.second, "repair." + kv.first.Scalar());
      if (!d) continue;
      model::MitigationChange change;
      change.kind = model::MitigationChange::Kind::SetRepair;
      change.targets = targets;
      change.attribute = kv.first.Scalar();
      change.repair_time = *d;
      m.changes.push_back(std::move(change));
    }
  }
}

//! `disable_events: id` or a list of ids.
void read_disabled_events(YamlReader& yaml, const YAML::Node& events, const model::Scenario& scenario,
                          model::Mitigation& m) {
  std::vector<std::string> known;
  for (const auto& e : scenario.events) known.push_back(e.id);
  auto one = [&](const YAML::Node& n) {
    const std::string id = yaml.text(n, "event id");
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      yaml.error(n, "disable_events names unknown event '" + id + "'" + core::did_you_mean(id, known));
      return;
    }
    model::MitigationChange change;
    change.kind = model::MitigationChange::Kind::DisableEvent;
    change.event_id = id;
    m.changes.push_back(std::move(change));
  };
  if (events.IsSequence())
    for (const auto& e : events) one(e);
  else
    one(events);
}

//! `add_backup: {targets, autonomy}` or `remove_backup: {targets}`.
void read_backup_change(YamlReader& yaml, const model::Network& network, const YAML::Node& b, bool add,
                        model::Mitigation& m) {
  const std::string key = add ? "add_backup" : "remove_backup";
  if (!yaml.expect_map(
          b, key,
          add ? std::vector<std::string>{"targets", "autonomy"} : std::vector<std::string>{"targets"}))
    return;
  model::MitigationChange change;
  change.kind = add ? model::MitigationChange::Kind::AddBackup : model::MitigationChange::Kind::RemoveBackup;
  if (!b["targets"]) {
    yaml.error(b, key + " needs 'targets'");
    return;
  }
  change.targets = read_targets(yaml, network, b["targets"], "target");
  if (add) {
    if (!b["autonomy"]) {
      yaml.error(b, "add_backup needs 'autonomy'");
      return;
    }
    if (auto d = yaml.duration_of(b["autonomy"], "autonomy")) change.backup_min = *d;
  }
  m.changes.push_back(std::move(change));
}

//! A name or a list of names, each passed to `one`.
template <typename Each>
void for_each_name(YamlReader& yaml, const YAML::Node& node, const std::string& key, Each one) {
  auto check = [&](const YAML::Node& n) {
    if (!n.IsScalar()) {
      yaml.error(n, key + " must be a name or a list of names");
      return;
    }
    one(n, n.Scalar());
  };
  if (node.IsSequence())
    for (const auto& n : node) check(n);
  else
    check(node);
}

//! `enable_controls:` / `disable_controls:`: controls of the scenario, or of the library (enabling
//! one the scenario does not list adds it).
void read_control_switches(YamlReader& yaml, const YAML::Node& node, bool on, const model::Scenario& scenario,
                           model::Mitigation& m) {
  const std::string key = on ? "enable_controls" : "disable_controls";
  for_each_name(yaml, node, key, [&](const YAML::Node& n, const std::string& name) {
    model::MitigationChange change;
    change.kind =
        on ? model::MitigationChange::Kind::EnableControl : model::MitigationChange::Kind::DisableControl;
    change.name = name;
    const bool in_scenario = std::any_of(scenario.controls.begin(), scenario.controls.end(),
                                         [&](const model::Control& c) { return c.name == name; });
    const model::Control* library = in_scenario ? nullptr : find_library_control(name);
    if (!in_scenario && !library) {
      std::vector<std::string> names;
      for (const auto& c : scenario.controls) names.push_back(c.name);
      for (const auto& c : control_library()) names.push_back(c.name);
      yaml.error(n, key + " names unknown control '" + name + "'" + core::did_you_mean(name, names) +
                        ": it is neither in the scenario's 'controls' nor in the library");
      return;
    }
    if (on && library) change.control = *library;
    m.changes.push_back(std::move(change));
  });
}

//! `enable_responses:` / `disable_responses:`: response playbooks of the scenario.
void read_response_switches(YamlReader& yaml, const YAML::Node& node, bool on,
                            const model::Scenario& scenario, model::Mitigation& m) {
  const std::string key = on ? "enable_responses" : "disable_responses";
  std::vector<std::string> known;
  for (const auto& r : scenario.responses) known.push_back(r.name);
  for_each_name(yaml, node, key, [&](const YAML::Node& n, const std::string& name) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      yaml.error(n, key + " names unknown response '" + name + "'" + core::did_you_mean(name, known));
      return;
    }
    model::MitigationChange change;
    change.kind =
        on ? model::MitigationChange::Kind::EnableResponse : model::MitigationChange::Kind::DisableResponse;
    change.name = name;
    m.changes.push_back(std::move(change));
  });
}

//! `restoration: {detection, detection_without_view}`: the operators' detection delays.
void read_restoration_change(YamlReader& yaml, const YAML::Node& node, model::Mitigation& m) {
  if (!yaml.expect_map(node, "restoration", {"detection", "detection_without_view"})) return;
  model::MitigationChange change;
  change.kind = model::MitigationChange::Kind::SetRestoration;
  if (node["detection"]) change.detection = yaml.distribution_of(node["detection"], "detection");
  if (node["detection_without_view"])
    change.detection_without_view =
        yaml.distribution_of(node["detection_without_view"], "detection_without_view");
  if (!node["detection"] && !node["detection_without_view"]) {
    yaml.error(node, "restoration needs 'detection' or 'detection_without_view'");
    return;
  }
  m.changes.push_back(std::move(change));
}

}  // namespace

void read_mitigations(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario) {
  if (!node.IsSequence()) {
    yaml.error(node, "'mitigations' must be a list");
    return;
  }
  for (const auto& item : node) {
    if (!yaml.expect_map(
            item, "a mitigation",
            {"name", "description", "crews", "assets", "disable_events", "add_backup", "remove_backup",
             "enable_controls", "disable_controls", "enable_responses", "disable_responses", "restoration"}))
      continue;
    model::Mitigation m;
    if (!item["name"]) {
      yaml.error(item, "a mitigation needs a 'name'");
      continue;
    }
    m.name = yaml.text(item["name"], "mitigation name");
    if (scenario.find_mitigation(m.name)) yaml.error(item["name"], "duplicate mitigation '" + m.name + "'");
    if (item["description"]) m.description = yaml.text(item["description"], "description");
    m.location = yaml.location(item);
    if (const auto crews = item["crews"]) read_crew_changes(yaml, crews, m);
    if (const auto assets = item["assets"]) {
      if (!assets.IsSequence())
        yaml.error(assets, "mitigation assets must be a list of {targets, set, repair}");
      else
        for (const auto& a : assets) read_asset_change(yaml, scenario.network, m, a);
    }
    if (const auto events = item["disable_events"]) read_disabled_events(yaml, events, scenario, m);
    if (const auto b = item["add_backup"]) read_backup_change(yaml, scenario.network, b, true, m);
    if (const auto b = item["remove_backup"]) read_backup_change(yaml, scenario.network, b, false, m);
    if (const auto c = item["enable_controls"]) read_control_switches(yaml, c, true, scenario, m);
    if (const auto c = item["disable_controls"]) read_control_switches(yaml, c, false, scenario, m);
    if (const auto r = item["enable_responses"]) read_response_switches(yaml, r, true, scenario, m);
    if (const auto r = item["disable_responses"]) read_response_switches(yaml, r, false, scenario, m);
    if (const auto r = item["restoration"]) read_restoration_change(yaml, r, m);
    scenario.mitigations.push_back(std::move(m));
  }
}

}  // namespace blackstart::io
