#pragma once
// `sources:`: where the scenario's facts come from (titles, urls, notes).
#include <vector>

#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! A list of plain titles or `{title, url, note}`.
void read_sources(YamlReader& yaml, const YAML::Node& node, std::vector<model::SourceRef>& sources);

}  // namespace blackstart::io
