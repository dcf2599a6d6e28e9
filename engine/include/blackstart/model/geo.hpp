#pragma once
// Distances from WGS84 coordinates: great-circle (haversine) lengths of links that carry a course
// (`path`) or join two assets with places (`lat`/`lon`). A link's written `length_km` always wins.
#include <optional>
#include <vector>

#include "blackstart/model/network.hpp"

namespace blackstart::model {

//! Mean Earth radius (IUGG, Moritz 1980 "Geodetic Reference System 1980"): 6371.0088 km. The
//! haversine formula on this sphere differs from the WGS84 ellipsoid by at most about 0.5 %.
inline constexpr double kEarthRadiusKm = 6371.0088;

//! Whether `lat` is within -90..90 and `lon` within -180..180 (and both finite).
[[nodiscard]] bool valid_geo_point(double lat, double lon);

//! Great-circle distance between two places, in km (haversine).
[[nodiscard]] double haversine_km(const GeoPoint& a, const GeoPoint& b);

//! Length of a polyline: the sum of its segments' great-circle distances, in km (0 for < 2 points).
[[nodiscard]] double polyline_km(const std::vector<GeoPoint>& path);

//! A link's length from coordinates: along its `path` when it has one, else between its endpoint
//! assets when both have `lat`/`lon`; nothing otherwise (and for assets).
[[nodiscard]] std::optional<double> length_from_coordinates(const Network& network, const Element& link);

//! Sets `length_km` of every link that takes it (its type declares `length_km`, or its layer is of
//! kind `other`), has none written and has coordinates; marks them `length_from_coordinates`.
//! Returns how many links got a length.
std::size_t fill_lengths_from_coordinates(Network& network);

}  // namespace blackstart::model
