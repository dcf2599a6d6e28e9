#include "roads_reader.hpp"

#include "blackstart/core/text.hpp"

namespace blackstart::io {

const std::vector<std::string>& road_class_names() {
  static const std::vector<std::string> names{"motorway", "trunk", "primary",     "secondary",
                                              "tertiary", "local", "residential", "service"};
  return names;
}

namespace {

std::optional<int> road_class_of(YamlReader& yaml, const YAML::Node& node) {
  if (!node.IsScalar()) {
    yaml.error(node, "a road class is a number 0..7 or a name (motorway ... service)");
    return std::nullopt;
  }
  const auto& names = road_class_names();
  for (std::size_t c = 0; c < names.size(); ++c)
    if (node.Scalar() == names[c]) return static_cast<int>(c);
  const std::string& text = node.Scalar();
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() <= 2) {
    const int c = std::stoi(text);
    if (c < model::RoadSettings::kClasses) return c;
  }
  std::string message = "unknown road class '" + text + "': use 0..7 or one of ";
  for (std::size_t c = 0; c < names.size(); ++c) message += (c ? ", " : "") + names[c];
  yaml.error(node, message + core::did_you_mean(text, names));
  return std::nullopt;
}

}  // namespace

void read_roads(YamlReader& yaml, const YAML::Node& node, model::RoadSettings& roads) {
  if (!yaml.expect_map(node, "roads",
                       {"speeds", "default_class", "dark_signals_factor", "dark_signals_capacity_factor"}))
    return;
  roads.location = yaml.location(node);
  if (const auto speeds = node["speeds"]) {
    if (!speeds.IsMap()) {
      yaml.error(speeds, "'speeds' must map road classes to km/h, e.g. {motorway: 90, 5: 30}");
    } else {
      yaml.check_duplicate_keys(speeds);
      for (const auto& kv : speeds) {
        const auto c = road_class_of(yaml, kv.first);
        const auto kmh = yaml.number_of(kv.second, "speed (km/h)", 1, 300, "km/h");
        if (c && kmh) roads.speed_kmh[*c] = *kmh;
      }
    }
  }
  if (node["default_class"])
    if (const auto c = road_class_of(yaml, node["default_class"])) roads.default_class = *c;
  if (node["dark_signals_factor"])
    if (const auto f = yaml.number_of(node["dark_signals_factor"], "dark_signals_factor", 0.01, 1))
      roads.dark_signals_factor = *f;
  if (node["dark_signals_capacity_factor"])
    if (const auto f =
            yaml.number_of(node["dark_signals_capacity_factor"], "dark_signals_capacity_factor", 0, 1))
      roads.dark_signals_capacity_factor = *f;
}

}  // namespace blackstart::io
