#pragma once
// A layer's `assets:` and `links:` lists in YAML. The rules for each element are ElementBuilder's;
// this file reads the YAML shapes (mappings, `position: {..}`, `repair: {..}`) and says where each
// problem is.
#include <cstdint>

#include "element_builder.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

void read_assets(YamlReader& yaml, ElementBuilder& builder, std::uint32_t layer, const YAML::Node& node);
void read_links(YamlReader& yaml, ElementBuilder& builder, std::uint32_t layer, const YAML::Node& node);

//! `repair: {remote, manual, repair, reimage, cleanup, replacement}`, each a duration distribution.
void read_repair_times(YamlReader& yaml, const YAML::Node& node, model::RepairTimes& repair);

}  // namespace blackstart::io
