#pragma once
// `responses:`: playbooks that act on the controls' alerts after a delay — isolate, revoke
// credentials, switch to manual operations, restore from backup.
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! A list of {name, description, enabled, on, delay, action, targets}, appended to
//! `scenario.responses`. Targets are resolved against the network; `on` is compared with the
//! campaign's techniques, so layers and the campaign must be read first.
void read_responses(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario);

}  // namespace blackstart::io
