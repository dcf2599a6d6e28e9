#include "assets_reader.hpp"

#include <set>

#include "geo_reader.hpp"

namespace blackstart::io {

namespace {

ElementBuilder::Report at(YamlReader& yaml, const YAML::Node& node) {
  return [&yaml, node](const std::string& m) { yaml.error(node, m); };
}

//! `position: {x, y}` or `{lat, lon}`.
void read_position(YamlReader& yaml, model::Element& e, const YAML::Node& node) {
  if (!node.IsMap()) {
    yaml.error(node, "position must be {x: .., y: ..} or {lat: .., lon: ..}");
    return;
  }
  if (!yaml.expect_map(node, "position", {"x", "y", "lat", "lon"})) return;
  auto coordinate = [&](const char* key) {
    ElementBuilder::Coordinate c;
    const YAML::Node value = node[key];
    c.given = static_cast<bool>(value);
    if (value && value.IsScalar()) c.text = value.Scalar();
    c.report = at(yaml, value);
    return c;
  };
  ElementBuilder::set_position(e, coordinate("x"), coordinate("y"), coordinate("lat"), coordinate("lon"),
                               at(yaml, node));
}

//! The keys of an asset or link mapping that are not `structural` (id, type, from, to).
void read_fields(YamlReader& yaml, const ElementBuilder& builder, model::Element& e, const YAML::Node& item,
                 const model::AssetTypeSpec* type, const std::set<std::string>& structural) {
  for (const auto& kv : item) {
    const std::string key = kv.first.Scalar();
    if (structural.count(key)) continue;
    if (key == "position") {
      read_position(yaml, e, kv.second);
    } else if (key == "repair") {
      read_repair_times(yaml, kv.second, e.repair);
    } else if (key == "name" || key == "operator") {
      builder.set_field(e, type, key, yaml.string_of(kv.second, key).value_or(""), key, at(yaml, kv.first),
                        at(yaml, kv.second));
    } else if (!kv.second.IsScalar()) {
      yaml.error(kv.second, "attribute '" + key + "' must be a number");
    } else {
      builder.set_field(e, type, key, kv.second.Scalar(), "attribute '" + key + "'", at(yaml, kv.first),
                        at(yaml, kv.second));
    }
  }
}

}  // namespace

void read_repair_times(YamlReader& yaml, const YAML::Node& node, model::RepairTimes& repair) {
  if (!yaml.expect_map(node, "repair", {"remote", "manual", "repair", "reimage", "cleanup", "replacement"}))
    return;
  auto slot = [&](const char* key, core::DurationDistribution& target) {
    if (node[key])
      if (auto d = yaml.distribution_of(node[key], std::string("repair.") + key)) target = *d;
  };
  slot("remote", repair.remote);
  slot("manual", repair.manual);
  slot("repair", repair.repair);
  slot("reimage", repair.reimage);
  slot("cleanup", repair.cleanup);
  slot("replacement", repair.replacement);
}

void read_assets(YamlReader& yaml, ElementBuilder& builder, std::uint32_t layer, const YAML::Node& node) {
  if (!node.IsSequence()) {
    yaml.error(node, "'assets' must be a list");
    return;
  }
  for (const auto& item : node) {
    if (!item.IsMap()) {
      yaml.error(item, "an asset must be a mapping with at least 'id' and 'type'");
      continue;
    }
    yaml.check_duplicate_keys(item);
    if (!item["id"] || !item["type"]) {
      yaml.error(item, std::string("an asset needs ") + (!item["id"] ? "an 'id'" : "a 'type'"));
      continue;
    }
    model::Element e;
    const auto id = yaml.string_of(item["id"], "id");
    const auto type_name = yaml.string_of(item["type"], "type");
    if (!id || !type_name || !ElementBuilder::valid_id(*id, "asset id", at(yaml, item["id"]))) continue;
    e.local_id = *id;
    e.type = *type_name;
    e.layer = layer;
    const auto* type = builder.resolve_type(layer, *type_name, false, at(yaml, item["type"]));
    e.role = type ? type->role : model::Role::Equipment;
    e.location = yaml.location(item);
    read_fields(yaml, builder, e, item, type, {"id", "type", "lat", "lon", "path"});
    read_geo_place(yaml, e, item);
    if (item["path"]) yaml.error(item["path"], "'path' is the course of a link; an asset takes lat and lon");
    builder.add_asset(layer, std::move(e), at(yaml, item["id"]));
  }
}

void read_links(YamlReader& yaml, ElementBuilder& builder, std::uint32_t layer, const YAML::Node& node) {
  if (!node.IsSequence()) {
    yaml.error(node, "'links' must be a list");
    return;
  }
  for (const auto& item : node) {
    if (!item.IsMap()) {
      yaml.error(item, "a link must be a mapping with 'from' and 'to'");
      continue;
    }
    yaml.check_duplicate_keys(item);
    if (!item["from"] || !item["to"]) {
      yaml.error(item, "a link needs 'from' and 'to'");
      continue;
    }
    model::Element e;
    e.local_id = item["id"] ? yaml.text(item["id"], "link id") : builder.generated_link_id(layer);
    if (item["id"] && !ElementBuilder::valid_id(e.local_id, "link id", at(yaml, item["id"]))) continue;
    e.type = item["type"] ? yaml.text(item["type"], "link type") : builder.default_link_type(layer);
    e.layer = layer;
    const auto* type =
        builder.resolve_type(layer, e.type, true, at(yaml, item["type"] ? item["type"] : item));
    e.location = yaml.location(item);
    read_fields(yaml, builder, e, item, type, {"id", "type", "from", "to", "lat", "lon", "path"});
    for (const char* key : {"lat", "lon"})
      if (item[key])
        yaml.error(item[key], std::string("a link has no '") + key +
                                  "'; give its course as path: [[lat, lon], ...] (its ends are its assets)");
    if (item["path"]) read_path(yaml, e, item["path"]);
    auto from = builder.endpoint(layer, yaml.text(item["from"], "from"), at(yaml, item["from"]));
    auto to = builder.endpoint(layer, yaml.text(item["to"], "to"), at(yaml, item["to"]));
    if (!from || !to) continue;
    builder.add_link(layer, std::move(e), *from, *to, item["from"].Scalar(), at(yaml, item),
                     at(yaml, item["id"] ? item["id"] : item));
  }
}

}  // namespace blackstart::io
