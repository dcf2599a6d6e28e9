#pragma once
// `blackstart import geojson|gpkg|shp|osm FILE -o SCENARIO.yaml`: read the file with GDAL
// (geodata_reader), give OpenStreetMap tags their meaning (osm_import), make layers, assets and links
// (feature_mapping) and wrap them in a scenario (docs/places-and-roads.md).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "blackstart/geodata/feature_mapping.hpp"
#include "blackstart/geodata/geodata_reader.hpp"
#include "blackstart/geodata/osm_import.hpp"
#include "blackstart/io/matpower_import.hpp"

namespace blackstart::geodata {

struct GeoImportOptions {
  double snap_m = kDefaultSnapMetres;
  std::string default_layer = "transport";
  std::optional<BoundingBox> bbox;  //!< OpenStreetMap: keep what meets this box
  std::size_t max_errors = 20;      //!< errors kept; one more line counts the rest
};

struct GeoImportSummary {
  std::size_t features = 0;  //!< read from the file
  std::size_t assets = 0;
  std::size_t junctions = 0;
  std::size_t links = 0;
  double length_km = 0.0;  //!< of all links, from coordinates
  OsmStats osm;
};

//! The whole import; `summary` (optional) receives the counts.
io::ImportResult import_geodata_file(const std::filesystem::path& path, Format format,
                                     const GeoImportOptions& options = {},
                                     GeoImportSummary* summary = nullptr);

//! YAML text of an imported scenario (io::imported_scenario_yaml with a header naming the import).
std::string geodata_scenario_yaml(const model::Scenario& scenario, Format format);

}  // namespace blackstart::geodata
