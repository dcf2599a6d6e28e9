#pragma once
// What OpenStreetMap tags mean to Blackstart: the road classes and their speeds, `maxspeed`,
// `voltage`, generator and plant outputs, and GDAL's `other_tags` field.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blackstart::geodata {

//! GDAL's OSM driver puts tags without a column of their own into `other_tags`, written as an
//! hstore: `"power"=>"line","voltage"=>"110000"`. Pairs in order; malformed text gives what was read.
std::vector<std::pair<std::string, std::string>> parse_other_tags(std::string_view hstore);

//! One row of the road speed table.
struct RoadClass {
  std::string_view highway;  //!< the `highway=*` value
  double speed_kmh;          //!< ASSUMPTION (see osm_tags.cpp)
};
//! The table, fastest first (docs/places-and-roads.md prints it).
const std::vector<RoadClass>& road_classes();
//! Speed of a `highway=*` class, or nothing when it is not a road for vehicles (footway, path...).
std::optional<double> road_speed_kmh(std::string_view highway);

//! `maxspeed`: `50`, `50 km/h`, `30 mph` (converted) -> km/h; `none`, `walk`, `signals`... -> nothing.
std::optional<double> parse_maxspeed(std::string_view text);
//! `voltage` in volts, possibly several circuits `110000;35000` -> the highest, in kV.
std::optional<double> parse_voltage_kv(std::string_view text);
//! `plant:output:electricity` / `generator:output:electricity`: `30 MW`, `500 kW`, `1.2 GW` -> MW;
//! `yes` or text without a number -> nothing.
std::optional<double> parse_output_mw(std::string_view text);

}  // namespace blackstart::geodata
