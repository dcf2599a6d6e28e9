#pragma once
// Neutral features -> Blackstart layers, assets and links (docs/places-and-roads.md, "Property
// mapping"):
// - a Point becomes an asset, a LineString a link; any other geometry is an error;
// - properties `id` (required), `layer` (default `transport`), `type` (default: a junction-like asset,
//   the layer's default link type), `name`, `operator`; any other property that names a Blackstart
//   attribute the type takes becomes that attribute (a number); the rest are listed as warnings;
// - a line end within `snap_m` of an asset of its layer joins that asset; a line end near no asset
//   joins (or creates) a junction asset `junction-N` there, so lines that share ends share a junction;
// - with `split_at_shared_vertices` (OpenStreetMap), lines are first cut at inner vertices that another
//   line or an asset of the layer shares (ids `<id>-1`, `<id>-2`, ...), as OSM roads meet at shared nodes.
// Messages point at `FILE: feature N (id X)`.
#include <cstddef>
#include <string>
#include <vector>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/geodata/features.hpp"
#include "blackstart/model/network.hpp"

namespace blackstart::geodata {

//! ASSUMPTION: 5 m is the default distance within which a line end meets an asset or another line end:
//! about the width of a road lane plus the digitising error of hand-drawn maps. `--snap` changes it.
inline constexpr double kDefaultSnapMetres = 5.0;

struct MappingOptions {
  std::string file;  //!< as messages name it
  double snap_m = kDefaultSnapMetres;
  bool split_at_shared_vertices = false;
  std::string default_layer = "transport";
};

struct MappingResult {
  model::Network network;
  core::Diagnostics diagnostics;  //!< errors per feature; one warning per unknown property name
  std::size_t assets = 0;         //!< from points
  std::size_t links = 0;
  std::size_t junctions = 0;  //!< assets created at line ends
};

MappingResult map_features(const std::vector<Feature>& features, const MappingOptions& options);

}  // namespace blackstart::geodata
