#pragma once
// `dependencies_csv:`: dependencies as CSV rows (dependent, supplier, kind, delay, backup, effect,
// factor), every problem pointed at its cell.
#include "blackstart/model/network.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

void read_dependencies_csv(YamlReader& yaml, const YAML::Node& node, model::Network& network);

}  // namespace blackstart::io
