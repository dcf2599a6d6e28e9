#pragma once
// `mitigations:`: named what-if changes (more crews, hardened assets, disabled events, backup power,
// security controls and response playbooks switched on or off, faster detection) that a run can
// switch on.
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! A list of {name, description, crews, assets, disable_events, add_backup, remove_backup,
//! enable_controls, disable_controls, enable_responses, disable_responses, restoration}, appended to
//! `scenario.mitigations`. Targets, event ids, control and response names are checked against the
//! scenario (and the controls library), so every other section must be read first.
void read_mitigations(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario);

}  // namespace blackstart::io
