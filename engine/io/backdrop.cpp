#include "blackstart/io/backdrop.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "blackstart/core/input_limits.hpp"
#include "blackstart/model/geo.hpp"

namespace blackstart::io {

namespace {

using nlohmann::json;

//! 1-based line and column of byte `offset` in `text`.
std::pair<int, int> line_column(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

class Reader {
 public:
  Reader(std::string file, core::Diagnostics& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  void feature(const json& f, std::size_t number, Backdrop& out) {
    number_ = number;
    name_.clear();
    if (!f.is_object()) return error("is not a JSON object");
    if (f.contains("properties") && f["properties"].is_object()) {
      const auto& p = f["properties"];
      if (p.contains("name") && p["name"].is_string()) name_ = p["name"].get<std::string>();
    }
    if (!f.contains("geometry")) return error("has no 'geometry'");
    geometry(f["geometry"], out);
  }

  void geometry(const json& g, Backdrop& out) {
    if (g.is_null()) return;  // a feature without a place: nothing to draw
    if (!g.is_object() || !g.contains("type") || !g["type"].is_string())
      return error("geometry must be an object with a 'type'");
    const std::string type = g["type"].get<std::string>();
    if (type == "GeometryCollection") {
      if (!g.contains("geometries") || !g["geometries"].is_array())
        return error("GeometryCollection needs 'geometries'");
      for (const auto& part : g["geometries"]) geometry(part, out);
      return;
    }
    if (!g.contains("coordinates")) return error(type + " has no 'coordinates'");
    const json& c = g["coordinates"];
    using Kind = BackdropShape::Kind;
    if (type == "Point") {
      add(Kind::Point, {positions_of(json::array({c}), 1)}, out);
    } else if (type == "MultiPoint") {
      if (!c.is_array()) return error("MultiPoint coordinates must be a list");
      for (const auto& p : c) add(Kind::Point, {positions_of(json::array({p}), 1)}, out);
    } else if (type == "LineString") {
      add(Kind::Line, {positions_of(c, 2)}, out);
    } else if (type == "MultiLineString") {
      if (!c.is_array()) return error("MultiLineString coordinates must be a list of lines");
      for (const auto& line : c) add(Kind::Line, {positions_of(line, 2)}, out);
    } else if (type == "Polygon") {
      add(Kind::Area, rings_of(c), out);
    } else if (type == "MultiPolygon") {
      if (!c.is_array()) return error("MultiPolygon coordinates must be a list of polygons");
      for (const auto& polygon : c) add(Kind::Area, rings_of(polygon), out);
    } else {
      error("unknown geometry type '" + type +
            "' (a backdrop takes Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, "
            "GeometryCollection)");
    }
  }

  void error(const std::string& message) {
    std::string where = number_ ? "feature " + std::to_string(number_) : std::string("geometry");
    if (!name_.empty()) where += " (" + name_ + ")";
    diagnostics_.error(file_, 0, 0, where + ": " + message);
    bad_ = true;
  }
  [[nodiscard]] bool bad() const { return bad_; }

 private:
  void add(BackdropShape::Kind kind, std::vector<std::vector<model::GeoPoint>> rings, Backdrop& out) {
    if (rings.empty()) return;
    for (const auto& r : rings)
      if (r.empty()) return;  // reported
    out.shapes.push_back({kind, std::move(rings), name_});
  }

  std::vector<std::vector<model::GeoPoint>> rings_of(const json& c) {
    if (!c.is_array() || c.empty()) {
      error("a polygon must be a list of rings");
      return {};
    }
    std::vector<std::vector<model::GeoPoint>> rings;
    for (const auto& ring : c) rings.push_back(positions_of(ring, 4));
    return rings;
  }

  //! [[lon, lat], ...] with at least `minimum` positions; empty (and an error) otherwise.
  std::vector<model::GeoPoint> positions_of(const json& c, std::size_t minimum) {
    if (!c.is_array()) {
      error("coordinates must be a list of [lon, lat] positions");
      return {};
    }
    if (c.size() < minimum) {
      error(minimum == 4 ? "a polygon ring needs at least 4 positions, got " + std::to_string(c.size())
                         : "a line needs at least 2 positions, got " + std::to_string(c.size()));
      return {};
    }
    std::vector<model::GeoPoint> out;
    out.reserve(c.size());
    for (std::size_t i = 0; i < c.size(); ++i) {
      const auto& p = c[i];
      if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
        error("position " + std::to_string(i + 1) + " must be [lon, lat] numbers");
        return {};
      }
      const double lon = p[0].get<double>(), lat = p[1].get<double>();
      if (!model::valid_geo_point(lat, lon)) {
        std::ostringstream text;
        text << "coordinates out of range at position " << i + 1 << ": lon " << lon << ", lat " << lat
             << " (GeoJSON is [lon, lat]; lat must be within -90..90 and lon within -180..180)";
        error(text.str());
        return {};
      }
      out.push_back({lat, lon});
    }
    return out;
  }

  std::string file_;
  core::Diagnostics& diagnostics_;
  std::size_t number_ = 0;
  std::string name_;
  bool bad_ = false;
};

}  // namespace

BackdropRead read_backdrop_text(std::string_view text, const std::string& display_name) {
  BackdropRead result;
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    const auto [line, column] = line_column(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string why = e.what();
    if (const auto colon = why.rfind(": "); colon != std::string::npos) why = why.substr(colon + 2);
    result.diagnostics.error(display_name, line, column, "not valid JSON: " + why);
    return result;
  }
  Reader reader(display_name, result.diagnostics);
  Backdrop backdrop;
  const std::string type = doc.is_object() && doc.contains("type") && doc["type"].is_string()
                               ? doc["type"].get<std::string>()
                               : std::string();
  if (type == "FeatureCollection") {
    if (!doc.contains("features") || !doc["features"].is_array()) {
      result.diagnostics.error(display_name, 0, 0, "a FeatureCollection needs a 'features' list");
      return result;
    }
    std::size_t number = 0;
    for (const auto& f : doc["features"]) reader.feature(f, ++number, backdrop);
    backdrop.features = number;
  } else if (type == "Feature") {
    reader.feature(doc, 1, backdrop);
    backdrop.features = 1;
  } else if (!type.empty()) {
    reader.geometry(doc, backdrop);
    backdrop.features = 1;
  } else {
    result.diagnostics.error(display_name, 0, 0,
                             "not GeoJSON: expected an object with \"type\": \"FeatureCollection\", "
                             "\"Feature\" or a geometry type");
    return result;
  }
  if (!reader.bad()) result.backdrop = std::move(backdrop);
  return result;
}

BackdropRead read_backdrop_file(const std::filesystem::path& path) {
  BackdropRead result;
  const std::string name = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    result.diagnostics.error(name, 0, 0, "no such file");
    return result;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size > core::kMaxInputBytes) {
    result.diagnostics.error(name, 0, 0,
                             ec ? "cannot read file: " + ec.message() : "file too large for a backdrop");
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.diagnostics.error(name, 0, 0, "cannot open file");
    return result;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return read_backdrop_text(buffer.str(), name);
}

}  // namespace blackstart::io
