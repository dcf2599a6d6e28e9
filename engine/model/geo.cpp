#include "blackstart/model/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "blackstart/model/asset_types.hpp"

namespace blackstart::model {

bool valid_geo_point(double lat, double lon) {
  return std::isfinite(lat) && std::isfinite(lon) && lat >= -90.0 && lat <= 90.0 && lon >= -180.0 &&
         lon <= 180.0;
}

double haversine_km(const GeoPoint& a, const GeoPoint& b) {
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double s = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(s)));
}

double polyline_km(const std::vector<GeoPoint>& path) {
  double total = 0.0;
  for (std::size_t i = 1; i < path.size(); ++i) total += haversine_km(path[i - 1], path[i]);
  return total;
}

std::optional<double> length_from_coordinates(const Network& network, const Element& link) {
  if (!link.is_link) return std::nullopt;
  if (link.path.size() >= 2) return polyline_km(link.path);
  if (link.from == kNoElement || link.to == kNoElement) return std::nullopt;
  const auto& a = network.element(link.from).geo;
  const auto& b = network.element(link.to).geo;
  if (!a || !b) return std::nullopt;
  return haversine_km(*a, *b);
}

std::size_t fill_lengths_from_coordinates(Network& network) {
  const auto& registry = AssetTypeRegistry::builtin();
  std::size_t filled = 0;
  for (const auto& layer : network.layers()) {
    for (const auto index : layer.links) {
      Element& link = network.element(index);
      if (link.attributes.count("length_km")) continue;
      const auto* type = registry.find_type(layer.kind, link.type, true);
      const bool takes = layer.kind == LayerKind::Other ||
                         (type && std::find(type->attributes.begin(), type->attributes.end(), "length_km") !=
                                      type->attributes.end());
      if (!takes) continue;
      const auto km = length_from_coordinates(network, link);
      if (!km) continue;
      link.attributes["length_km"] = *km;
      link.length_from_coordinates = true;
      ++filled;
    }
  }
  return filled;
}

}  // namespace blackstart::model
