#include "blackstart/geodata/geo_import.hpp"

#include "blackstart/model/geo.hpp"

namespace blackstart::geodata {

namespace {

std::string command_name(Format format) {
  switch (format) {
    case Format::GeoJson:
      return "geojson";
    case Format::GeoPackage:
      return "gpkg";
    case Format::Shapefile:
      return "shp";
    case Format::Osm:
      return "osm";
  }
  return "geojson";
}

}  // namespace

io::ImportResult import_geodata_file(const std::filesystem::path& path, Format format,
                                     const GeoImportOptions& options, GeoImportSummary* summary) {
  io::ImportResult result;
  ReadOptions read_options;
  read_options.bbox = options.bbox;
  auto read = read_geodata(path, format, read_options);
  if (!read.ok()) {
    result.diagnostics = bounded(read.diagnostics, options.max_errors);
    return result;
  }
  GeoImportSummary counts;
  counts.features = read.features.size();
  MappingOptions mapping;
  mapping.file = path.string();
  mapping.snap_m = options.snap_m;
  mapping.default_layer = options.default_layer;
  std::vector<Feature> features;
  if (format == Format::Osm) {
    features = osm_to_features(read.features, counts.osm);
    mapping.split_at_shared_vertices = true;
  } else {
    features = std::move(read.features);
  }
  auto mapped = map_features(features, mapping);
  result.diagnostics = bounded(mapped.diagnostics, options.max_errors);
  counts.assets = mapped.assets;
  counts.junctions = mapped.junctions;
  counts.links = mapped.links;
  if (mapped.diagnostics.has_errors()) return result;
  if (mapped.network.layers().empty()) {
    result.diagnostics.error(path.string(), 0, 0,
                             format == Format::Osm
                                 ? "nothing to import: no roads (highway=*) and no power infrastructure "
                                   "(power=substation|line|cable|plant|generator) in the file or the --bbox"
                                 : "nothing to import: the file has no features");
    return result;
  }
  for (const auto& e : mapped.network.elements())
    if (e.is_link) counts.length_km += model::length_from_coordinates(mapped.network, e).value_or(0.0);

  model::Scenario s;
  s.name = path.stem().string();
  if (format == Format::Osm && s.name.size() > 4 && s.name.substr(s.name.size() - 4) == ".osm")
    s.name.resize(s.name.size() - 4);  // x.osm.pbf
  s.horizon_min = 1440.0;
  s.description = "Imported from " + path.filename().string() + " (" + std::string(format_title(format)) +
                  ") by blackstart import " + command_name(format) + ": " + std::to_string(counts.assets) +
                  " assets, " + std::to_string(counts.junctions) + " junctions, " +
                  std::to_string(counts.links) + " links";
  if (format == Format::Osm)
    s.sources.push_back({"OpenStreetMap extract " + path.filename().string(),
                         "https://www.openstreetmap.org/copyright",
                         "Map data (c) OpenStreetMap contributors, Open Database License (ODbL) 1.0"});
  else
    s.sources.push_back({std::string(format_title(format)) + " file " + path.filename().string(), "", ""});
  s.network = std::move(mapped.network);
  result.scenario = std::move(s);
  if (summary) *summary = counts;
  return result;
}

std::string geodata_scenario_yaml(const model::Scenario& scenario, Format format) {
  return io::imported_scenario_yaml(
      scenario, "Blackstart scenario written by `blackstart import " + command_name(format) +
                    "` (docs/places-and-roads.md).\n"
                    "Assets carry lat/lon, links their course as path: [[lat, lon], ...]; link lengths come\n"
                    "from those coordinates. Add dependencies, crews and events to simulate on this map.");
}

}  // namespace blackstart::geodata
