#include "blackstart/io/control_library.hpp"

#include <stdexcept>

#include "control_library_text.hpp"
#include "controls_reader.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

namespace {

std::vector<model::Control> read_library() {
  core::Diagnostics diagnostics;
  YamlReader yaml("builtin:library/controls.yaml", ".", diagnostics);
  std::vector<model::Control> controls;
  try {
    const YAML::Node root = YAML::Load(std::string(control_library_text()));
    if (yaml.expect_map(root, "the controls library", {"blackstart", "controls"}) && root["controls"])
      read_controls(yaml, root["controls"], {}, controls);
  } catch (const YAML::Exception& e) {
    diagnostics.error(yaml.file(), e.mark.line + 1, e.mark.column + 1, e.what());
  }
  // The library ships with the program and a unit test reads it: a problem here is a build defect.
  if (!diagnostics.empty())
    throw std::logic_error("the shipped controls library is invalid:\n" + diagnostics.to_string());
  return controls;
}

bool counters(const model::Control& control, const std::string& technique) {
  for (const auto& measure : control.countermeasures)
    for (const auto& pattern : measure.techniques)
      if (model::technique_matches(pattern, technique)) return true;
  return false;
}

}  // namespace

const std::vector<model::Control>& control_library() {
  static const std::vector<model::Control> library = read_library();
  return library;
}

const model::Control* find_library_control(std::string_view name) {
  for (const auto& control : control_library())
    if (control.name == name) return &control;
  return nullptr;
}

std::vector<ApplicableControl> applicable_controls(const model::Scenario& scenario) {
  std::vector<ApplicableControl> out;
  auto consider = [&](const model::Control& control, bool from_library) {
    ApplicableControl applicable{control, from_library, {}};
    const auto& steps = scenario.campaign.steps;
    for (std::uint32_t s = 0; s < steps.size(); ++s)
      if (!steps[s].technique.empty() && counters(control, steps[s].technique)) applicable.steps.push_back(s);
    if (!applicable.steps.empty()) out.push_back(std::move(applicable));
  };
  for (const auto& control : scenario.controls) consider(control, false);
  for (const auto& control : control_library()) {
    bool defined = false;
    for (const auto& own : scenario.controls) defined = defined || own.name == control.name;
    if (!defined) consider(control, true);
  }
  return out;
}

}  // namespace blackstart::io
