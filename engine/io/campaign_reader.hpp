#pragma once
// `campaign:`: the attacker — where it starts, the attack steps it tries on which targets and what
// each needs first, and the objectives it wants to reach.
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! {name, description, entry, start, steps, objectives} into `scenario.campaign`. Targets are
//! resolved against `scenario.network` and physical steps are checked against its control
//! dependencies, so layers and dependencies must be read first. Steps may name later steps in
//! `requires`; unknown names and cycles are errors.
void read_campaign(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario);

}  // namespace blackstart::io
