#pragma once
// `layers:`: each layer's name and kind, then its MATPOWER case, YAML assets, asset CSV, YAML links and
// link CSV, in that order (links need their ends).
#include "blackstart/model/network.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

void read_layers(YamlReader& yaml, const YAML::Node& node, model::Network& network);

}  // namespace blackstart::io
