#pragma once
// `fuel:`: the fuel trucks that refill backup generators' tanks, per pool (name, depot, trucks,
// load_l, transfer).
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! A list of {name, depot, trucks, load_l, transfer}; `depot` as for crews (transport assets at
//! the end of a road). `name` defaults to `fuel`.
void read_fuel(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario);

}  // namespace blackstart::io
