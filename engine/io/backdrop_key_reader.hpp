#pragma once
// `backdrop: FILE.geojson`: the map view's vector backdrop, named by the scenario.
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! Reads `backdrop:` (a file name relative to the scenario's folder, ending in .geojson or .json)
//! and checks that the file exists and can be opened; every problem is an error at the value's
//! line and column. The file's content is read by the map view (io/backdrop.hpp).
void read_backdrop_key(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario);

}  // namespace blackstart::io
