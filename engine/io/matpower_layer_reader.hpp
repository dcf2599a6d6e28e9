#pragma once
// A layer's `matpower:` key: a MATPOWER case whose buses, generators and branches join the layer.
#include <cstdint>

#include "blackstart/model/network.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! `matpower: case.m` or `matpower: {file: case.m, customers_per_mw: N}`, into a power layer. Problems
//! of the case file keep its line and column; those without one (a missing file) are reported at
//! the key.
void read_matpower_layer(YamlReader& yaml, model::Network& network, std::uint32_t layer,
                         const YAML::Node& node);

}  // namespace blackstart::io
