#include "blackstart/io/control_library.hpp"

#include <stdexcept>

#include "control_library_text.hpp"
#include "controls_reader.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

namespace {

std::vector<model::Control> read_library() {
  auto result = read_control_library(control_library_text(), "builtin:library/controls.yaml");
  // The library ships with the program and a unit test reads it: a problem here is a build defect.
  if (!result.diagnostics.empty())
    throw std::logic_error("the shipped controls library is invalid:\n" + result.diagnostics.to_string());
  return std::move(result.controls);
}

}  // namespace

ControlLibraryResult read_control_library(std::string_view text, const std::string& display_name) {
  ControlLibraryResult result;
  YamlReader yaml(display_name, ".", result.diagnostics);
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    if (yaml.expect_map(root, "the controls library", {"blackstart", "controls"}) && root["controls"])
      read_controls(yaml, root["controls"], {}, result.controls);
  } catch (const YAML::Exception& e) {
    result.diagnostics.error(yaml.file(), e.mark.line + 1, e.mark.column + 1, e.what());
  }
  return result;
}

bool is_control_library_file(const std::string& path) {
  try {
    const YAML::Node root = YAML::LoadFile(path);
    return root.IsMap() && root["controls"] && !root["layers"] && !root["name"];
  } catch (const YAML::Exception&) {
    return false;
  }
}

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
      if (model::countermeasure_for(control, steps[s].technique)) applicable.steps.push_back(s);
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
