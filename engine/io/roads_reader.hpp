#pragma once
// `roads:`: how crews with a depot move over the road network (speeds per road class, the slowdown
// on roads whose traffic signals are dark).
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! The names of the road classes 0..7, as `speeds:` accepts them besides the numbers.
const std::vector<std::string>& road_class_names();

//! `roads: {speeds: {CLASS: KMH, ...}, default_class: CLASS, dark_signals_factor: F}`; a class is
//! its number 0..7 or its name (motorway ... service).
void read_roads(YamlReader& yaml, const YAML::Node& node, model::RoadSettings& roads);

}  // namespace blackstart::io
