#pragma once
// `mitigations:`: named what-if changes (more crews, hardened assets, disabled events, backup power)
// that a run can switch on.
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! A list of {name, description, crews, assets, disable_events, add_backup, remove_backup}, appended
//! to `scenario.mitigations`. Targets and event ids are checked against the scenario, so layers and
//! events must be read first.
void read_mitigations(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario);

}  // namespace blackstart::io
