#pragma once
// The baseline security controls shipped with Blackstart (scenarios/library/controls.yaml, compiled
// into the program): cyber-hygiene "simple actions" and the SANS ICS critical controls, each with
// the ATT&CK techniques it counters, where that mapping comes from, and efficacies labelled as
// assumptions. Scenarios reference them by name (`controls: [{use: NAME}]`); mitigations can
// switch them on.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/model/scenario.hpp"

namespace blackstart::io {

//! The library, in file order. Read once, on first use.
const std::vector<model::Control>& control_library();

//! A controls library read from text: `blackstart: 1` and `controls:` (the shipped one, or a copy a
//! planner edits), with every problem at its line and column.
struct ControlLibraryResult {
  std::vector<model::Control> controls;
  core::Diagnostics diagnostics;
  [[nodiscard]] bool ok() const { return !diagnostics.has_errors(); }
};
ControlLibraryResult read_control_library(std::string_view text, const std::string& display_name);

//! True when the file is a controls library rather than a scenario: its top level has `controls`
//! and neither `layers` nor `name`. A file that does not parse counts as a scenario (its loader
//! reports why).
bool is_control_library_file(const std::string& path);
//! A library control by name, or nullptr.
const model::Control* find_library_control(std::string_view name);

//! A control that acts on at least one step of a scenario's campaign.
struct ApplicableControl {
  model::Control control;
  bool from_library = false;         //!< not defined in the scenario: taken from the library
  std::vector<std::uint32_t> steps;  //!< campaign steps whose technique it counters, in step order
};

//! Every control of the scenario, then every library control it does not define by name, that
//! counters a technique of the campaign's steps: what a planner can switch on or off here.
std::vector<ApplicableControl> applicable_controls(const model::Scenario& scenario);

}  // namespace blackstart::io
