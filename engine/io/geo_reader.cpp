#include "geo_reader.hpp"

#include "blackstart/model/geo.hpp"

namespace blackstart::io {

void read_geo_place(YamlReader& yaml, model::Element& e, const YAML::Node& item) {
  const YAML::Node lat = item["lat"];
  const YAML::Node lon = item["lon"];
  if (!lat && !lon) return;
  if (!lat || !lon) {
    yaml.error(lat ? lat : lon, std::string("an asset's place needs both lat and lon (only ") +
                                    (lat ? "lat" : "lon") + " is given)");
    return;
  }
  const auto la = yaml.number_of(lat, "lat", -90, 90, "degrees");
  const auto lo = yaml.number_of(lon, "lon", -180, 180, "degrees");
  if (la && lo) e.geo = model::GeoPoint{*la, *lo};
}

void read_path(YamlReader& yaml, model::Element& e, const YAML::Node& node) {
  if (!node.IsSequence() || node.size() < 2) {
    yaml.error(
        node, "path must be a list of at least two [lat, lon] points, e.g. [[48.92, 24.71], [48.93, 24.75]]");
    return;
  }
  std::vector<model::GeoPoint> path;
  bool ok = true;
  std::size_t n = 0;
  for (const auto& point : node) {
    ++n;
    if (!point.IsSequence() || point.size() != 2) {
      yaml.error(point, "path point " + std::to_string(n) + " must be a pair [lat, lon]");
      ok = false;
      continue;
    }
    const auto la = yaml.number_of(point[0], "lat of path point " + std::to_string(n), -90, 90, "degrees");
    const auto lo = yaml.number_of(point[1], "lon of path point " + std::to_string(n), -180, 180, "degrees");
    if (!la || !lo) {
      ok = false;
      continue;
    }
    path.push_back({*la, *lo});
  }
  if (ok) e.path = std::move(path);
}

void complete_coordinates(model::Network& network) {
  for (auto& e : network.elements()) {
    if (e.is_link) continue;
    if (!e.geo && e.position && e.position->geographic) e.geo = model::GeoPoint{e.position->y, e.position->x};
    if (e.geo && !e.position) e.position = model::Position{e.geo->lon, e.geo->lat, true};
  }
  model::fill_lengths_from_coordinates(network);
}

}  // namespace blackstart::io
