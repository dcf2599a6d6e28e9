#include "controls_reader.hpp"

#include <algorithm>

#include "blackstart/core/text.hpp"
#include "technique_reader.hpp"

namespace blackstart::io {

namespace {

const std::vector<std::string> kEfficacyKeys{"block", "delay_factor", "delay", "detect", "time_to_detect"};

//! The numbers of a countermeasure, as far as written.
struct Efficacy {
  std::optional<double> block, delay_factor, delay_min, detect;
  std::optional<core::DurationDistribution> time_to_detect;
};

Efficacy read_efficacy(YamlReader& yaml, const YAML::Node& node) {
  Efficacy e;
  if (node["block"]) e.block = yaml.number_of(node["block"], "block", 0.0, 1.0);
  // A control never speeds the attacker up.
  if (node["delay_factor"]) e.delay_factor = yaml.number_of(node["delay_factor"], "delay_factor", 1.0, 1e6);
  if (node["delay"]) e.delay_min = yaml.duration_of(node["delay"], "delay");
  if (node["detect"]) e.detect = yaml.number_of(node["detect"], "detect", 0.0, 1.0);
  if (node["time_to_detect"])
    e.time_to_detect = yaml.distribution_of(node["time_to_detect"], "time_to_detect");
  return e;
}

void apply(const Efficacy& e, model::Countermeasure& m) {
  if (e.block) m.block_probability = *e.block;
  if (e.delay_factor) m.delay_factor = *e.delay_factor;
  if (e.delay_min) m.delay_added_min = *e.delay_min;
  if (e.detect) m.detect_probability = *e.detect;
  if (e.time_to_detect) m.time_to_detect = *e.time_to_detect;
}

std::optional<model::Countermeasure> read_counter(YamlReader& yaml, const YAML::Node& item) {
  std::vector<std::string> keys{"techniques"};
  keys.insert(keys.end(), kEfficacyKeys.begin(), kEfficacyKeys.end());
  if (!yaml.expect_map(item, "a countermeasure", keys)) return std::nullopt;
  model::Countermeasure measure;
  if (!item["techniques"])
    yaml.error(item, "a countermeasure needs 'techniques': the ATT&CK techniques it counters");
  else
    measure.techniques = read_technique_patterns(yaml, item["techniques"], "techniques");
  apply(read_efficacy(yaml, item), measure);
  if (!acts(measure))
    yaml.warning(item,
                 "this countermeasure neither blocks, delays nor detects: give block, delay_factor, "
                 "delay or detect");
  if (item["time_to_detect"] && measure.detect_probability <= 0.0)
    yaml.warning(item["time_to_detect"], "'time_to_detect' has no effect without 'detect'");
  return measure;
}

std::vector<model::Countermeasure> read_counters(YamlReader& yaml, const YAML::Node& node,
                                                 const std::string& who) {
  std::vector<model::Countermeasure> out;
  if (!node.IsSequence() || node.size() == 0) {
    yaml.error(node, who +
                         ": 'counters' must be a list of {techniques, block, delay_factor, delay, detect, "
                         "time_to_detect}");
    return out;
  }
  for (const auto& item : node)
    if (auto measure = read_counter(yaml, item)) out.push_back(std::move(*measure));
  return out;
}

//! Fields a full definition and a reference share.
void read_common(YamlReader& yaml, const YAML::Node& item, model::Control& control) {
  if (item["mitigation"]) {
    control.mitigation_id = yaml.text(item["mitigation"], "mitigation");
    if (item["mitigation"].IsScalar() && !is_mitigation_id(control.mitigation_id))
      yaml.error(item["mitigation"], "mitigation '" + control.mitigation_id +
                                         "' is not a MITRE ATT&CK mitigation id such as M0932");
  }
  if (item["description"]) control.description = yaml.text(item["description"], "description");
  if (item["source"]) control.source = yaml.text(item["source"], "source");
  if (item["assumptions"]) control.assumptions = yaml.text(item["assumptions"], "assumptions");
  if (item["enabled"])
    if (auto on = yaml.bool_of(item["enabled"], "enabled")) control.enabled = *on;
}

std::optional<model::Control> read_definition(YamlReader& yaml, const YAML::Node& item) {
  if (!yaml.expect_map(item, "a control",
                       {"name", "mitigation", "description", "source", "assumptions", "enabled", "counters"}))
    return std::nullopt;
  model::Control control;
  control.location = yaml.location(item);
  if (!item["name"]) {
    yaml.error(item, "a control needs a 'name' (or 'use: NAME' to take one from the library)");
    return std::nullopt;
  }
  control.name = yaml.text(item["name"], "control name");
  read_common(yaml, item, control);
  if (!item["counters"])
    yaml.error(
        item, "control '" + control.name + "' needs 'counters': the techniques it blocks, delays or detects");
  else
    control.countermeasures = read_counters(yaml, item["counters"], "control '" + control.name + "'");
  return control;
}

//! `{use: NAME, ...}`: the library's control, with what is written here replacing its values.
std::optional<model::Control> read_reference(YamlReader& yaml, const YAML::Node& item,
                                             const std::vector<model::Control>& library) {
  std::vector<std::string> keys{"use",    "name",        "mitigation", "description",
                                "source", "assumptions", "enabled",    "counters"};
  keys.insert(keys.end(), kEfficacyKeys.begin(), kEfficacyKeys.end());
  if (!yaml.expect_map(item, "a control", keys)) return std::nullopt;
  const std::string wanted = yaml.text(item["use"], "use");
  const auto found =
      std::find_if(library.begin(), library.end(), [&](const model::Control& c) { return c.name == wanted; });
  if (found == library.end()) {
    std::vector<std::string> names;
    for (const auto& c : library) names.push_back(c.name);
    yaml.error(item["use"], "unknown library control '" + wanted + "'" + core::did_you_mean(wanted, names) +
                                (names.empty() ? "" : "; the library has " + core::join(names, ", ")));
    return std::nullopt;
  }
  model::Control control = *found;
  control.location = yaml.location(item);
  if (item["name"]) control.name = yaml.text(item["name"], "control name");
  read_common(yaml, item, control);
  if (item["counters"])
    control.countermeasures = read_counters(yaml, item["counters"], "control '" + control.name + "'");
  const Efficacy overrides = read_efficacy(yaml, item);
  for (auto& measure : control.countermeasures) apply(overrides, measure);
  if (std::none_of(control.countermeasures.begin(), control.countermeasures.end(), acts))
    yaml.warning(item, "control '" + control.name + "' neither blocks, delays nor detects anything");
  return control;
}

}  // namespace

bool acts(const model::Countermeasure& m) {
  return m.block_probability > 0.0 || m.delay_factor > 1.0 || m.delay_added_min > 0.0 ||
         m.detect_probability > 0.0;
}

void read_controls(YamlReader& yaml, const YAML::Node& node, const std::vector<model::Control>& library,
                   std::vector<model::Control>& controls) {
  if (!node.IsSequence()) {
    yaml.error(
        node, "'controls' must be a list of controls, each {name, mitigation, counters, ...} or {use: NAME}");
    return;
  }
  for (const auto& item : node) {
    auto control =
        item.IsMap() && item["use"] ? read_reference(yaml, item, library) : read_definition(yaml, item);
    if (!control) continue;
    const bool duplicate = std::any_of(controls.begin(), controls.end(),
                                       [&](const model::Control& c) { return c.name == control->name; });
    if (duplicate) {
      yaml.error(item["name"] ? item["name"] : item, "duplicate control '" + control->name + "'");
      continue;
    }
    controls.push_back(std::move(*control));
  }
}

}  // namespace blackstart::io
