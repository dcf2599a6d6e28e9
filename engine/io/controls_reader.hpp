#pragma once
// `controls:`: named security controls that block, delay or detect the techniques they counter.
// Each is written in full, or taken from the shipped library by name (`use:`) with overrides.
#include <vector>

#include "blackstart/model/campaign.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! A list of full definitions {name, mitigation, description, source, assumptions, enabled, counters}
//! or references {use, name, enabled, ..., block, delay_factor, delay, detect, time_to_detect} into
//! `library`, appended to `controls`. Names must be unique within `controls`.
void read_controls(YamlReader& yaml, const YAML::Node& node, const std::vector<model::Control>& library,
                   std::vector<model::Control>& controls);

//! True when a countermeasure blocks, delays or detects at all.
bool acts(const model::Countermeasure& measure);

}  // namespace blackstart::io
