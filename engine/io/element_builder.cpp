#include "element_builder.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "blackstart/core/text.hpp"
#include "number_text.hpp"

namespace blackstart::io {

bool ElementBuilder::valid_id(const std::string& id, const std::string& what, const Report& report) {
  if (id.empty()) {
    report(what + " must not be empty");
    return false;
  }
  if (id.find_first_of("/*?, \t") != std::string::npos) {
    report(what + " '" + id + "' must not contain '/', '*', '?', ',' or spaces");
    return false;
  }
  return true;
}

const model::AssetTypeSpec* ElementBuilder::resolve_type(std::uint32_t layer, const std::string& type,
                                                         bool is_link, const Report& report) const {
  const auto& registry = model::AssetTypeRegistry::builtin();
  const auto kind = network_.layers()[layer].kind;
  if (const auto* spec = registry.find_type(kind, type, is_link)) return spec;
  if (kind == model::LayerKind::Other) return nullptr;  // user layers take any type
  const auto names = registry.type_names(kind, is_link);
  report("unknown " + std::string(is_link ? "link" : "asset") + " type '" + type + "' in " +
         std::string(model::to_string(kind)) + " layer '" + network_.layers()[layer].name + "'" +
         core::did_you_mean(type, names) + "; known: " + core::join(names, ", "));
  return nullptr;
}

bool ElementBuilder::set_attribute(model::Element& e, const model::AssetTypeSpec* type,
                                   const std::string& key, double value, const Report& report) const {
  const auto& registry = model::AssetTypeRegistry::builtin();
  const model::AttributeSpec* spec = registry.find_attribute(key);
  const bool allowed_here =
      spec &&
      (!type || std::find(type->attributes.begin(), type->attributes.end(), key) != type->attributes.end() ||
       network_.layers()[e.layer].kind == model::LayerKind::Other);
  if (!allowed_here) {
    std::vector<std::string> candidates = type ? type->attributes : std::vector<std::string>{};
    candidates.insert(candidates.end(), {"id", "type", "name", "operator", "position", "repair"});
    report("unknown attribute '" + key + "' for " + (type ? "type '" + type->name + "'" : "this asset") +
           core::did_you_mean(key, candidates) +
           (type ? "; it takes: " + core::join(type->attributes, ", ") : ""));
    return false;
  }
  if (!std::isfinite(value)) {
    report(key + " must be a finite number");
    return false;
  }
  if (value < spec->min_value || value > spec->max_value) {
    std::ostringstream s;
    s << key << " = " << value << " is out of range: it must be between " << spec->min_value << " and "
      << spec->max_value << (spec->unit.empty() || spec->unit == "-" ? "" : " " + spec->unit);
    if (value < 0 && spec->min_value >= 0) {
      s.str("");
      s << key << " must not be negative (got " << value << ")";
    }
    report(s.str());
    return false;
  }
  model::set_attribute(e, key, value);
  return true;
}

void ElementBuilder::set_field(model::Element& e, const model::AssetTypeSpec* type, const std::string& key,
                               const std::string& text, const std::string& label, const Report& report_key,
                               const Report& report_value) const {
  if (key == "name") {
    e.name = text;
    return;
  }
  if (key == "operator") {
    e.operator_name = text;
    return;
  }
  const auto value = parse_number(text);
  if (key == "recoverable_firmware" && !value) {
    if (text == "true" || text == "yes" || text == "1")
      e.recoverable_firmware = true;
    else if (text == "false" || text == "no" || text == "0")
      e.recoverable_firmware = false;
    else
      report_value(key + " must be true or false");
    return;
  }
  if (!value) {
    if (!model::AssetTypeRegistry::builtin().find_attribute(key))
      set_attribute(e, type, key, 0.0, report_key);  // the name is the first problem
    else
      report_value(label + " must be a number, got '" + text + "'");
    return;
  }
  set_attribute(e, type, key, *value, std::isfinite(*value) ? report_key : report_value);
}

namespace {

std::optional<double> coordinate_value(const ElementBuilder::Coordinate& c, const std::string& what,
                                       double min, double max, const std::string& unit) {
  if (!c.text) {
    c.report(what + " must be a number");
    return std::nullopt;
  }
  std::string problem;
  const auto value = checked_number(*c.text, what, min, max, unit, problem);
  if (!value) c.report(problem);
  return value;
}

}  // namespace

void ElementBuilder::set_position(model::Element& e, const Coordinate& x, const Coordinate& y,
                                  const Coordinate& lat, const Coordinate& lon, const Report& report_whole) {
  if (lat.given || lon.given) {
    if (!lat.given || !lon.given) {
      report_whole("position needs both lat and lon");
      return;
    }
    const auto la = coordinate_value(lat, "lat", -90, 90, "degrees");
    const auto lo = coordinate_value(lon, "lon", -180, 180, "degrees");
    if (!la || !lo) return;
    e.position = model::Position{*lo, *la, true};
    return;
  }
  if (!x.given || !y.given) {
    report_whole("position needs both x and y");
    return;
  }
  const auto xv = coordinate_value(x, "x", -1e300, 1e300, "");
  const auto yv = coordinate_value(y, "y", -1e300, 1e300, "");
  if (!xv || !yv) return;
  e.position = model::Position{*xv, *yv, false};
}

std::optional<model::ElementIndex> ElementBuilder::endpoint(std::uint32_t layer, const std::string& id,
                                                            const Report& report) const {
  const std::string full = id.find('/') == std::string::npos ? network_.layers()[layer].name + "/" + id : id;
  const auto found = network_.find(full);
  if (!found || network_.element(*found).is_link || network_.element(*found).layer != layer) {
    std::vector<std::string> ids;
    for (auto a : network_.layers()[layer].assets) ids.push_back(network_.element(a).local_id);
    report("link end '" + id + "' is not an asset of layer '" + network_.layers()[layer].name + "'" +
           core::did_you_mean(id, ids));
    return std::nullopt;
  }
  return found;
}

std::string ElementBuilder::generated_link_id(std::uint32_t layer) const {
  std::size_t n = network_.layers()[layer].links.size() + 1;
  while (network_.find(network_.layers()[layer].name + "/link-" + std::to_string(n))) ++n;
  return "link-" + std::to_string(n);
}

std::string ElementBuilder::default_link_type(std::uint32_t layer) const {
  return model::default_link_type(network_.layers()[layer].kind);
}

bool ElementBuilder::taken(std::uint32_t layer, const std::string& local_id, const Report& report_id) const {
  const std::string full = network_.layers()[layer].name + "/" + local_id;
  if (!network_.find(full)) return false;
  report_id("duplicate id '" + full + "'");
  return true;
}

bool ElementBuilder::add_asset(std::uint32_t layer, model::Element e, const Report& report_id) {
  if (taken(layer, e.local_id, report_id)) return false;
  network_.add_asset(layer, std::move(e));
  return true;
}

bool ElementBuilder::add_link(std::uint32_t layer, model::Element e, model::ElementIndex from,
                              model::ElementIndex to, const std::string& from_text, const Report& report_self,
                              const Report& report_id) {
  if (from == to) {
    report_self("link '" + e.local_id + "' connects asset '" + from_text + "' to itself");
    return false;
  }
  if (taken(layer, e.local_id, report_id)) return false;
  network_.add_link(layer, std::move(e), from, to);
  return true;
}

}  // namespace blackstart::io
