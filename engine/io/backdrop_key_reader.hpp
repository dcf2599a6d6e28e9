#pragma once
// `backdrop: FILE.geojson`: the map view's vector backdrop, named by the scenario.
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! Checks `backdrop:` (a file name relative to the scenario's folder, ending in .geojson or .json):
//! the file must exist and open; every problem is an error at the value's line and column. Returns
//! the resolved path. The file's content is read by the map view (io/backdrop.hpp).
std::optional<std::string> read_backdrop_key(YamlReader& yaml, const YAML::Node& node);

}  // namespace blackstart::io
