// `blackstart import geojson|gpkg|shp|osm FILE -o SCENARIO.yaml`: a geodata file as a scenario with
// coordinates (docs/places-and-roads.md). Errors name `FILE: feature N (id X)`; the output is written
// atomically, and only when there is no error.
#include <iostream>

#include <fmt/format.h>

#include "blackstart/geodata/geo_import.hpp"
#include "blackstart/io/csv.hpp"
#include "commands.hpp"

namespace blackstart::cli {

int geo_import_command(const GeoImportArgs& args) {
  geodata::GeoImportOptions options;
  options.snap_m = args.snap_m;
  options.default_layer = args.layer;
  if (!args.bbox.empty()) {
    std::string problem;
    options.bbox = geodata::parse_bbox(args.bbox, problem);
    if (!options.bbox) {
      std::cerr << "error: " << problem << '\n';
      return kUsage;
    }
  }
  geodata::GeoImportSummary summary;
  const auto imported = geodata::import_geodata_file(args.file, args.format, options, &summary);
  for (const auto& d : imported.diagnostics.items())
    if (!args.quiet || d.severity == core::Severity::Error) std::cerr << core::format(d) << '\n';
  if (!imported.ok()) return kBadInput;
  const auto& scenario = *imported.scenario;
  std::string error;
  if (!io::write_file_atomically(args.output, geodata::geodata_scenario_yaml(scenario, args.format),
                                 &error)) {
    std::cerr << "error: " << args.output << ": " << error << '\n';
    return kBadInput;
  }
  std::string layers;
  for (const auto& layer : scenario.network.layers()) {
    if (!layers.empty()) layers += ", ";
    layers += layer.name;
  }
  std::cout << fmt::format(
      "Wrote {}: '{}', {} features read; layers {}: {} assets, {} junctions, {} links, {:.2f} km\n",
      args.output, scenario.name, summary.features, layers, summary.assets, summary.junctions, summary.links,
      summary.length_km);
  if (args.format == geodata::Format::Osm)
    std::cout << fmt::format(
        "OpenStreetMap: {} road ways, {} power lines and cables, {} substations, plants "
        "and generators; {} other features ignored\n",
        summary.osm.roads, summary.osm.power_lines, summary.osm.power_assets, summary.osm.ignored);
  return kOk;
}

}  // namespace blackstart::cli
