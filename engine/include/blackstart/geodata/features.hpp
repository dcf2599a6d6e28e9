#pragma once
// Neutral geographic features: what a geodata file holds once GDAL has read it (geodata_reader), before
// any Blackstart meaning is given to it (feature_mapping, osm_import). Coordinates are WGS84 degrees.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/model/network.hpp"

namespace blackstart::geodata {

enum class GeometryKind { None, Point, Line, Polygon, Other };

//! A property value with the type the file gave it.
struct PropertyValue {
  enum class Kind { Integer, Real, Text, Bool };
  Kind kind = Kind::Text;
  double number = 0.0;  //!< Integer, Real, Bool (0/1)
  std::string text;     //!< as written (numbers too)
};

struct Property {
  std::string name;
  PropertyValue value;
};

struct Feature {
  std::size_t number = 0;    //!< 1-based, in reading order over the whole file
  std::string source_layer;  //!< the file's layer it came from
  GeometryKind geometry = GeometryKind::None;
  std::string geometry_name;            //!< as the file names it: Point, LineString, Polygon, MultiPolygon...
  std::vector<model::GeoPoint> points;  //!< Point: one; Line: its vertices; Polygon: its outer ring
  std::vector<Property> properties;     //!< non-null properties, in the file's field order

  [[nodiscard]] const PropertyValue* find(std::string_view name) const;
};

//! `FILE: feature N (id X)`, or `FILE: feature N` without an id: where a message about a feature points.
std::string feature_place(const std::string& file, std::size_t number, const std::string& id);

//! The first `max_errors` errors of `all` with every warning and note, and when errors were left out, one
//! more error saying how many.
core::Diagnostics bounded(const core::Diagnostics& all, std::size_t max_errors);

}  // namespace blackstart::geodata
