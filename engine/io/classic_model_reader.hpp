#pragma once
// `classic_model:`: a textbook cascade model (mutual percolation, Motter-Lai). Only file paths and
// numbers are read here; study::run_classic_model reads the edge lists and builds the graphs.
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! Sets `scenario.classic_model` when the mapping is valid enough to describe a model.
void read_classic_model(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario);

}  // namespace blackstart::io
