#include "blackstart/geodata/osm_import.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "blackstart/geodata/osm_tags.hpp"

namespace blackstart::geodata {

namespace {

using Tags = std::map<std::string, std::string>;

Tags tags_of(const Feature& f) {
  Tags tags;
  for (const auto& p : f.properties) {
    if (p.name == "other_tags") {
      for (auto& [k, v] : parse_other_tags(p.value.text)) tags.emplace(std::move(k), std::move(v));
    } else if (p.name != "osm_id" && p.name != "osm_way_id" && p.name != "z_order") {
      tags.emplace(p.name, p.value.text);
    }
  }
  return tags;
}

std::string tag(const Tags& tags, const std::string& key) {
  const auto it = tags.find(key);
  return it == tags.end() ? std::string() : it->second;
}

std::string osm_id(const Feature& f) {
  const auto* way = f.find("osm_way_id");
  if (way && !way->text.empty()) return "way-" + way->text;
  const auto* id = f.find("osm_id");
  if (!id || id->text.empty()) return {};
  if (f.source_layer == "points") return "node-" + id->text;
  if (f.source_layer == "lines") return "way-" + id->text;
  return "relation-" + id->text;
}

bool closed(const std::vector<model::GeoPoint>& ring) {
  return ring.size() >= 4 && ring.front().lat == ring.back().lat && ring.front().lon == ring.back().lon;
}

//! The mean of a ring's vertices (the closing vertex counted once): the middle of a small area.
model::GeoPoint middle(const std::vector<model::GeoPoint>& ring) {
  const std::size_t n = closed(ring) ? ring.size() - 1 : ring.size();
  double lat = 0, lon = 0;
  for (std::size_t i = 0; i < n; ++i) {
    lat += ring[i].lat;
    lon += ring[i].lon;
  }
  return {lat / static_cast<double>(n), lon / static_cast<double>(n)};
}

//! Even-odd rule on the ring in degrees (areas of a substation's size).
bool inside(const model::GeoPoint& p, const std::vector<model::GeoPoint>& ring) {
  bool in = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const auto& a = ring[i];
    const auto& b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) &&
        p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
      in = !in;
  }
  return in;
}

Property text_property(std::string name, std::string value) {
  PropertyValue v;
  v.kind = PropertyValue::Kind::Text;
  v.text = std::move(value);
  return {std::move(name), std::move(v)};
}

Property number_property(std::string name, double value) {
  PropertyValue v;
  v.kind = PropertyValue::Kind::Real;
  v.number = value;
  v.text = std::to_string(value);
  return {std::move(name), std::move(v)};
}

}  // namespace

std::vector<Feature> osm_to_features(const std::vector<Feature>& raw, OsmStats& stats) {
  std::vector<Feature> out;
  std::vector<std::pair<std::vector<model::GeoPoint>, model::GeoPoint>> areas;  // substation/plant outlines
  std::vector<std::size_t> power_lines;                                         // indices into out
  for (const auto& f : raw) {
    const Tags tags = tags_of(f);
    const std::string power = tag(tags, "power");
    const std::string highway = tag(tags, "highway");
    Feature g;
    g.number = f.number;
    g.source_layer = f.source_layer;
    g.geometry_name = f.geometry_name;
    auto common = [&](const char* layer, const char* type) {
      g.properties.push_back(text_property("id", osm_id(f)));
      g.properties.push_back(text_property("layer", layer));
      g.properties.push_back(text_property("type", type));
      if (const auto name = tag(tags, "name"); !name.empty())
        g.properties.push_back(text_property("name", name));
      if (const auto op = tag(tags, "operator"); !op.empty())
        g.properties.push_back(text_property("operator", op));
      if (const auto kv = parse_voltage_kv(tag(tags, "voltage")))
        g.properties.push_back(number_property("voltage_kv", *kv));
    };
    if (power == "substation" || power == "plant" || power == "generator") {
      if (f.points.empty()) {
        ++stats.ignored;
        continue;
      }
      common("power", power == "substation" ? "substation" : "generator");
      if (power != "substation") {
        const auto output = parse_output_mw(tag(tags, power + ":output:electricity"));
        if (output) g.properties.push_back(number_property("capacity_mw", *output));
      }
      g.geometry = GeometryKind::Point;
      g.points = {f.geometry == GeometryKind::Point ? f.points.front() : middle(f.points)};
      if (f.geometry != GeometryKind::Point && closed(f.points))
        areas.emplace_back(f.points, g.points.front());
      ++stats.power_assets;
      out.push_back(std::move(g));
    } else if ((power == "line" || power == "cable") && f.geometry == GeometryKind::Line) {
      common("power", "line");
      g.geometry = GeometryKind::Line;
      g.points = f.points;
      ++stats.power_lines;
      power_lines.push_back(out.size());
      out.push_back(std::move(g));
    } else if (const auto speed = road_speed_kmh(highway); speed && f.geometry == GeometryKind::Line) {
      common("transport", "road");
      const auto maxspeed = parse_maxspeed(tag(tags, "maxspeed"));
      g.properties.push_back(number_property("speed_kmh", maxspeed.value_or(*speed)));
      g.geometry = GeometryKind::Line;
      g.points = f.points;
      ++stats.roads;
      out.push_back(std::move(g));
    } else {
      ++stats.ignored;
    }
  }
  // Power lines end at a substation's fence, not at its middle: carry them on to it.
  for (const auto i : power_lines) {
    auto& points = out[i].points;
    if (points.size() < 2) continue;
    for (const auto& [ring, centre] : areas) {
      if (inside(points.back(), ring)) points.push_back(centre);
      if (inside(points.front(), ring)) points.insert(points.begin(), centre);
    }
  }
  return out;
}

}  // namespace blackstart::geodata
