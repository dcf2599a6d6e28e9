#pragma once
// `backdrop: FILE.geojson`: the map view's vector backdrop, named by the scenario.
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! Checks `backdrop:` (a file name relative to the scenario's folder, ending in .geojson or .json):
//! the file must exist and open — for a built-in scenario (`builtin:NAME`), it must be compiled in
//! with it; every problem is an error at the value's line and column. The file's content is read
//! by the map view (io/backdrop.hpp).
std::optional<model::Scenario::Backdrop> read_backdrop_key(YamlReader& yaml, const YAML::Node& node);

}  // namespace blackstart::io
