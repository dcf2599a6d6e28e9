#pragma once
// `events:`: what happens when (an attack step, a fault, a restoration), to which targets.
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! A list of {id, at, action, targets, technique, description, duration, probability, choose, select},
//! appended to `scenario.events`. Targets are resolved against `scenario.network`, so the layers
//! must be read first; `at` is compared with `scenario.horizon_min`.
void read_events(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario);

//! True for a MITRE ATT&CK technique id: T and four digits, optionally .NNN (T0831, T1566.001).
bool is_attack_technique_id(const std::string& text);

}  // namespace blackstart::io
