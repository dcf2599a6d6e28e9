#pragma once
// OpenStreetMap features (as GDAL's OSM driver reads .osm and .osm.pbf) -> features with Blackstart
// properties, for feature_mapping:
// - ways with `highway=<class>` of the speed table -> links of type `road` in layer `transport`, with
//   `speed_kmh` from `maxspeed` or else the class (osm_tags.hpp);
// - `power=line|cable` ways -> links of type `line` in layer `power`, `voltage_kv` from `voltage`;
// - `power=substation` -> asset `substation`, `power=plant|generator` -> asset `generator` (with
//   `capacity_mw` from `plant:output:electricity` / `generator:output:electricity`), all in layer
//   `power`, at the node or at the middle of the area's outline; a power line that ends inside a
//   substation or plant area is extended to that middle so that it joins the asset;
// - ids are `node-<id>`, `way-<id>`, `relation-<id>`; everything else is counted as ignored.
#include <cstddef>
#include <vector>

#include "blackstart/geodata/features.hpp"

namespace blackstart::geodata {

struct OsmStats {
  std::size_t roads = 0;
  std::size_t power_lines = 0;
  std::size_t power_assets = 0;
  std::size_t ignored = 0;
};

std::vector<Feature> osm_to_features(const std::vector<Feature>& raw, OsmStats& stats);

}  // namespace blackstart::geodata
