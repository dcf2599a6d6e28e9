#pragma once
// A layer's `assets_csv:` and `links_csv:` files. The rules for each element are ElementBuilder's;
// this file maps columns to fields and points every problem at its CSV cell.
#include <cstdint>

#include "element_builder.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! Columns: id, type (optional in `other` layers), name, operator, x/y or lat/lon, attributes.
void read_assets_csv(YamlReader& yaml, ElementBuilder& builder, std::uint32_t layer, const YAML::Node& node);
//! Columns: from/u/source, to/v/target, id, type, name, operator, attributes.
void read_links_csv(YamlReader& yaml, ElementBuilder& builder, std::uint32_t layer, const YAML::Node& node);

}  // namespace blackstart::io
