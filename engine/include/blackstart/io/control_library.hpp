#pragma once
// The baseline security controls shipped with Blackstart (scenarios/library/controls.yaml, compiled
// into the program): cyber-hygiene "simple actions" and the SANS ICS critical controls, each with
// the ATT&CK techniques it counters, where that mapping comes from, and efficacies labelled as
// assumptions. Scenarios reference them by name (`controls: [{use: NAME}]`); mitigations can
// switch them on.
#include <cstdint>
#include <string_view>
#include <vector>

#include "blackstart/model/scenario.hpp"

namespace blackstart::io {

//! The library, in file order. Read once, on first use.
const std::vector<model::Control>& control_library();
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
