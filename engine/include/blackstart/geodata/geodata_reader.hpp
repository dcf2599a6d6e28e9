#pragma once
// GDAL (OGR) -> neutral features. One reader for GeoJSON, GeoPackage, Shapefile and OpenStreetMap
// (.osm XML and .osm.pbf); GDAL stays inside the geodata module. Projected layers are converted to
// WGS84 longitude/latitude; geographic layers are taken as they are (x = lon, y = lat).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/geodata/features.hpp"

namespace blackstart::geodata {

enum class Format { GeoJson, GeoPackage, Shapefile, Osm };

//! "GeoJSON", "GeoPackage", "Shapefile", "OpenStreetMap".
std::string_view format_title(Format format);
//! By extension: .geojson/.json, .gpkg, .shp, .osm/.pbf (case-insensitive).
std::optional<Format> format_from_extension(const std::filesystem::path& path);

//! `minlon,minlat,maxlon,maxlat` in degrees.
struct BoundingBox {
  double min_lon = -180, min_lat = -90, max_lon = 180, max_lat = 90;
};
//! Parses `minlon,minlat,maxlon,maxlat`; on failure `problem` says why.
std::optional<BoundingBox> parse_bbox(std::string_view text, std::string& problem);

struct ReadOptions {
  std::optional<BoundingBox> bbox;  //!< keep only features whose extent meets the box
};

struct ReadResult {
  std::vector<Feature> features;
  core::Diagnostics diagnostics;  //!< an unreadable file is an error at `FILE`
  [[nodiscard]] bool ok() const { return !diagnostics.has_errors(); }
};

//! Reads every vector layer of the file with the GDAL driver of `format` only.
ReadResult read_geodata(const std::filesystem::path& path, Format format, const ReadOptions& options = {});

}  // namespace blackstart::geodata
