#include "blackstart/geodata/feature_mapping.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "blackstart/core/text.hpp"
#include "blackstart/model/asset_types.hpp"
#include "blackstart/model/geo.hpp"

namespace blackstart::geodata {

namespace {

std::string number_text(double v) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return ec == std::errc() ? std::string(buffer, end) : std::string("?");
}

std::optional<double> parse_double(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* stop = nullptr;
  const double v = std::strtod(text.c_str(), &stop);
  if (stop != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

//! The asset made at a line end that meets no asset, by layer kind.
std::string junction_type(model::LayerKind kind) {
  switch (kind) {
    case model::LayerKind::Power:
      return "bus";
    case model::LayerKind::Cyber:
      return "network_node";
    case model::LayerKind::Transport:
    case model::LayerKind::Other:
      break;
  }
  return "junction";
}

bool valid_id(const std::string& id) {
  return !id.empty() && id.find_first_of("/*?, \t\n\r") == std::string::npos;
}

//! A feature that passed its checks, waiting to become an element.
struct Pending {
  const Feature* feature = nullptr;
  std::string place;  //!< for messages
  std::string id;
  std::uint32_t layer = 0;
  bool is_link = false;
  std::string type;
  model::Role role = model::Role::Equipment;
  std::string name;
  std::string operator_name;
  std::vector<std::pair<std::string, double>> attributes;
  std::vector<model::GeoPoint> points;
};

//! Assets of one layer on a grid of cells about `snap_m` wide, for "the nearest asset within snap_m".
class SnapGrid {
 public:
  explicit SnapGrid(double snap_m) : snap_m_(snap_m), cell_deg_(std::max(snap_m / 111320.0, 1e-9)) {}

  void add(const model::GeoPoint& p, model::ElementIndex asset) {
    cells_[key(cell(p.lat), cell(p.lon))].push_back({p, asset});
  }

  [[nodiscard]] std::optional<model::ElementIndex> nearest(const model::GeoPoint& p) const {
    const long long clat = cell(p.lat), clon = cell(p.lon);
    const double cos_lat = std::max(std::cos(p.lat * 3.14159265358979323846 / 180.0), 0.01);
    const long long reach = static_cast<long long>(std::ceil(1.0 / cos_lat));
    std::optional<model::ElementIndex> best;
    double best_m = 0;
    for (long long a = clat - 1; a <= clat + 1; ++a)
      for (long long b = clon - reach; b <= clon + reach; ++b) {
        const auto it = cells_.find(key(a, b));
        if (it == cells_.end()) continue;
        for (const auto& [q, asset] : it->second) {
          const double m = model::haversine_km(p, q) * 1000.0;
          if (m > snap_m_) continue;
          if (!best || m < best_m || (m == best_m && asset < *best)) {
            best = asset;
            best_m = m;
          }
        }
      }
    return best;
  }

 private:
  [[nodiscard]] long long cell(double degrees) const {
    return static_cast<long long>(std::floor(degrees / cell_deg_));
  }
  static std::uint64_t key(long long a, long long b) {
    return (static_cast<std::uint64_t>(a) << 32) ^ (static_cast<std::uint64_t>(b) & 0xffffffffULL);
  }
  double snap_m_;
  double cell_deg_;
  std::unordered_map<std::uint64_t, std::vector<std::pair<model::GeoPoint, model::ElementIndex>>> cells_;
};

class Mapper {
 public:
  Mapper(const MappingOptions& options, MappingResult& result) : options_(options), result_(result) {}

  void run(const std::vector<Feature>& features) {
    std::vector<Pending> pending;
    for (const auto& f : features)
      if (auto p = check(f)) pending.push_back(std::move(*p));
    report_ignored_properties();
    if (result_.diagnostics.has_errors()) return;
    for (auto& p : pending)
      if (!p.is_link) add_asset(p);
    if (options_.split_at_shared_vertices) pending = split(std::move(pending));
    for (auto& p : pending)
      if (p.is_link) add_link(p);
    model::fill_lengths_from_coordinates(result_.network);
  }

 private:
  void error(const std::string& place, const std::string& message) {
    result_.diagnostics.error(place, 0, 0, message);
  }

  std::uint32_t layer_for(const std::string& name) {
    if (const auto found = result_.network.find_layer(name)) return *found;
    const auto kind = model::parse_layer_kind(name).value_or(model::LayerKind::Other);
    grids_.emplace_back(options_.snap_m);
    return result_.network.add_layer(name, kind);
  }

  std::optional<Pending> check(const Feature& f) {
    Pending p;
    p.feature = &f;
    const PropertyValue* id = f.find("id");
    p.id = id ? id->text : "";
    p.place = feature_place(options_.file, f.number, p.id);
    if (p.id.empty()) {
      error(p.place, "missing id: every feature needs an 'id' property");
      return std::nullopt;
    }
    if (!valid_id(p.id)) {
      error(p.place, "id '" + p.id + "' must not contain '/', '*', '?', ',' or spaces");
      return std::nullopt;
    }
    bool ok = true;
    if (f.geometry == GeometryKind::Point) {
      p.is_link = false;
    } else if (f.geometry == GeometryKind::Line) {
      p.is_link = true;
    } else if (f.geometry == GeometryKind::None) {
      error(p.place, (f.geometry_name.empty() ? std::string("no geometry") : "an empty " + f.geometry_name) +
                         ": a feature must be a Point (an asset) or a LineString (a link)");
      return std::nullopt;
    } else {
      const bool multi = f.geometry_name.rfind("Multi", 0) == 0;
      error(p.place, "wrong geometry type " + f.geometry_name + (multi ? " with several parts" : "") +
                         ": a feature must be a Point (an asset) or a LineString (a link)");
      return std::nullopt;
    }
    for (std::size_t i = 0; i < f.points.size(); ++i) {
      const auto& q = f.points[i];
      if (!model::valid_geo_point(q.lat, q.lon)) {
        error(p.place, "coordinates out of range at point " + std::to_string(i + 1) + ": lat " +
                           number_text(q.lat) + ", lon " + number_text(q.lon) +
                           " (lat must be within -90..90 and lon within -180..180)");
        ok = false;
        break;
      }
    }
    if (!ok) return std::nullopt;
    p.points = f.points;
    if (p.is_link) {
      p.points.erase(
          std::unique(p.points.begin(), p.points.end(),
                      [](const auto& a, const auto& b) { return a.lat == b.lat && a.lon == b.lon; }),
          p.points.end());
      if (p.points.size() < 2) {
        error(p.place, "a LineString needs at least two different points");
        return std::nullopt;
      }
    }
    std::string layer_name = options_.default_layer;
    if (const auto* v = f.find("layer")) layer_name = v->text;
    if (!valid_id(layer_name)) {
      error(p.place, "layer '" + layer_name + "' must not be empty or contain '/', '*', '?', ',' or spaces");
      return std::nullopt;
    }
    p.layer = layer_for(layer_name);
    const auto kind = result_.network.layers()[p.layer].kind;
    const auto& registry = model::AssetTypeRegistry::builtin();
    if (const auto* v = f.find("type"))
      p.type = v->text;
    else
      p.type = p.is_link ? model::default_link_type(kind) : junction_type(kind);
    const model::AssetTypeSpec* type = registry.find_type(kind, p.type, p.is_link);
    if (!type && kind != model::LayerKind::Other) {
      const char* what = p.is_link ? "link" : "asset";
      std::string message = "unknown " + std::string(what) + " type '" + p.type + "' in " +
                            std::string(model::to_string(kind)) + " layer '" + layer_name + "'";
      if (registry.find_type(kind, p.type, !p.is_link))
        message += std::string(": it is a ") + (p.is_link ? "asset" : "link") +
                   " type, but the feature is a " + (p.is_link ? "LineString" : "Point");
      else
        message += core::did_you_mean(p.type, registry.type_names(kind, p.is_link)) +
                   "; known: " + core::join(registry.type_names(kind, p.is_link), ", ");
      error(p.place, message);
      return std::nullopt;
    }
    p.role = type ? type->role : model::Role::Equipment;
    for (const auto& property : f.properties) {
      const auto& key = property.name;
      if (key == "id" || key == "layer" || key == "type") continue;
      if (key == "name") {
        p.name = property.value.text;
        continue;
      }
      if (key == "operator") {
        p.operator_name = property.value.text;
        continue;
      }
      const model::AttributeSpec* spec = registry.find_attribute(key);
      const bool takes = spec && (kind == model::LayerKind::Other ||
                                  (type && std::find(type->attributes.begin(), type->attributes.end(), key) !=
                                               type->attributes.end()));
      if (!takes) {
        auto& ignored = ignored_[spec ? key + " (not an attribute of type '" + p.type + "')" : key];
        if (ignored.count++ == 0) ignored.first_place = p.place;
        continue;
      }
      std::optional<double> value;
      if (property.value.kind == PropertyValue::Kind::Text)
        value = parse_double(property.value.text);
      else
        value = property.value.number;
      if (!value) {
        error(p.place, "property '" + key + "' must be a number, got '" + property.value.text + "'");
        ok = false;
        continue;
      }
      if (*value < spec->min_value || *value > spec->max_value) {
        std::ostringstream message;  // bounds as the scenario loader prints them: 100000, 1e+300
        message << "property '" << key << "' = " << number_text(*value) << " is out of range ["
                << spec->min_value << ", " << spec->max_value << "]"
                << (spec->unit.empty() || spec->unit == "-" ? "" : " " + spec->unit);
        error(p.place, message.str());
        ok = false;
        continue;
      }
      p.attributes.emplace_back(key, *value);
    }
    if (!ok) return std::nullopt;
    const std::string full = result_.network.layers()[p.layer].name + "/" + p.id;
    if (const auto [it, inserted] = seen_.emplace(full, f.number); !inserted) {
      error(p.place, "duplicate id '" + full + "' (also feature " + std::to_string(it->second) + ")");
      return std::nullopt;
    }
    return p;
  }

  void report_ignored_properties() {
    for (const auto& [what, ignored] : ignored_) {
      std::string message = "property ";
      append_quoted_name(message, what);
      message.append(" ignored in ").append(std::to_string(ignored.count));
      message.append(ignored.count == 1 ? " feature" : " features");
      message.append(" (first: ").append(ignored.first_place.substr(options_.file.size() + 2)).append(")");
      result_.diagnostics.warning(options_.file, 0, 0, message);
    }
  }

  //! `name (why)` as `'name' (why)`.
  static void append_quoted_name(std::string& out, const std::string& what) {
    const auto space = what.find(" (");
    out.push_back('\'');
    out.append(what, 0, space == std::string::npos ? what.size() : space);
    out.push_back('\'');
    if (space != std::string::npos) out.append(what, space, std::string::npos);
  }

  model::Element element(const Pending& p) const {
    model::Element e;
    e.local_id = p.id;
    e.type = p.type;
    e.role = p.role;
    e.name = p.name;
    e.operator_name = p.operator_name;
    e.location.file = options_.file;
    for (const auto& [key, value] : p.attributes) model::set_attribute(e, key, value);
    return e;
  }

  void add_asset(const Pending& p) {
    model::Element e = element(p);
    e.geo = p.points.front();
    e.position = model::Position{e.geo->lon, e.geo->lat, true};
    const auto index = result_.network.add_asset(p.layer, std::move(e));
    grids_[p.layer].add(p.points.front(), index);
    ++result_.assets;
  }

  //! Lines cut at inner vertices shared with another line or an asset of their layer; a closed piece is
  //! cut once more in its middle so that its two ends differ.
  std::vector<Pending> split(std::vector<Pending> pending) {
    std::map<std::tuple<std::uint32_t, double, double>, int> uses;
    for (const auto& p : pending)
      for (std::size_t i = 0; i < p.points.size(); ++i)
        uses[{p.layer, p.points[i].lat, p.points[i].lon}] += p.is_link ? 1 : 2;
    std::vector<Pending> out;
    for (auto& p : pending) {
      if (!p.is_link) {
        out.push_back(std::move(p));
        continue;
      }
      std::vector<std::vector<model::GeoPoint>> pieces(1);
      for (std::size_t i = 0; i < p.points.size(); ++i) {
        pieces.back().push_back(p.points[i]);
        const bool inner = i > 0 && i + 1 < p.points.size();
        if (inner && uses[{p.layer, p.points[i].lat, p.points[i].lon}] >= 2) pieces.push_back({p.points[i]});
      }
      std::vector<std::vector<model::GeoPoint>> open;
      for (auto& piece : pieces) {
        const bool closed = piece.front().lat == piece.back().lat && piece.front().lon == piece.back().lon;
        if (closed && piece.size() >= 4) {
          const std::size_t mid = piece.size() / 2;
          open.emplace_back(piece.begin(), piece.begin() + static_cast<std::ptrdiff_t>(mid) + 1);
          open.emplace_back(piece.begin() + static_cast<std::ptrdiff_t>(mid), piece.end());
        } else {
          open.push_back(std::move(piece));
        }
      }
      for (std::size_t k = 0; k < open.size(); ++k) {
        Pending piece = p;
        piece.points = std::move(open[k]);
        if (open.size() > 1) piece.id = p.id + "-" + std::to_string(k + 1);
        out.push_back(std::move(piece));
      }
    }
    return out;
  }

  //! The asset at a line end: the nearest within snap_m, or a new junction.
  model::ElementIndex end_asset(std::uint32_t layer, const model::GeoPoint& at) {
    if (const auto found = grids_[layer].nearest(at)) return *found;
    auto& net = result_.network;
    const auto& l = net.layers()[layer];
    std::size_t n = ++junction_counter_[layer];
    while (net.find(l.name + "/junction-" + std::to_string(n))) n = ++junction_counter_[layer];
    model::Element e;
    e.local_id = "junction-" + std::to_string(n);
    e.type = junction_type(l.kind);
    const auto* spec = model::AssetTypeRegistry::builtin().find_type(l.kind, e.type, false);
    e.role = spec ? spec->role : model::Role::Equipment;
    e.geo = at;
    e.position = model::Position{at.lon, at.lat, true};
    const auto index = net.add_asset(layer, std::move(e));
    grids_[layer].add(at, index);
    ++result_.junctions;
    return index;
  }

  void add_link(const Pending& p) {
    const auto from = end_asset(p.layer, p.points.front());
    const auto to = end_asset(p.layer, p.points.back());
    auto& net = result_.network;
    if (from == to) {
      error(p.place, "both ends of the line meet asset '" + net.element(from).local_id +
                         "'; a link needs two different ends (split the line)");
      return;
    }
    const std::string full = net.layers()[p.layer].name + "/" + p.id;
    if (net.find(full)) {
      error(p.place, "duplicate id '" + full + "'");
      return;
    }
    model::Element e = element(p);
    e.path = p.points;
    net.add_link(p.layer, std::move(e), from, to);
    ++result_.links;
  }

  struct Ignored {
    std::size_t count = 0;
    std::string first_place;
  };

  const MappingOptions& options_;
  MappingResult& result_;
  std::vector<SnapGrid> grids_;  //!< per layer
  std::map<std::string, std::size_t> seen_;
  std::map<std::string, Ignored> ignored_;
  std::map<std::uint32_t, std::size_t> junction_counter_;
};

}  // namespace

MappingResult map_features(const std::vector<Feature>& features, const MappingOptions& options) {
  MappingResult result;
  Mapper(options, result).run(features);
  return result;
}

}  // namespace blackstart::geodata
