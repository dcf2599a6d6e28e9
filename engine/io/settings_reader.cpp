#include "settings_reader.hpp"

#include "blackstart/core/text.hpp"
#include "blackstart/io/scenario_loader.hpp"

namespace blackstart::io {

namespace {
constexpr int kFormatVersion = 1;
}  // namespace

void read_settings(YamlReader& yaml, const YAML::Node& root, model::Scenario& scenario) {
  if (!root["blackstart"]) {
    yaml.error(root, "missing 'blackstart: 1' (the scenario format version) at the top of the file");
  } else if (auto v = yaml.number_of(root["blackstart"], "format version 'blackstart'")) {
    if (*v != kFormatVersion)
      yaml.error(root["blackstart"], "unsupported scenario format version " + root["blackstart"].Scalar() +
                                         "; this Blackstart reads version " + std::to_string(kFormatVersion));
  }
  if (!root["name"])
    yaml.error(root, "missing 'name'");
  else if (auto s = yaml.string_of(root["name"], "name"))
    scenario.name = *s;
  if (root["description"])
    scenario.description = yaml.string_of(root["description"], "description").value_or("");
  if (root["start_time"]) scenario.start_time = yaml.string_of(root["start_time"], "start_time").value_or("");
  if (root["horizon"])
    if (auto m = yaml.duration_of(root["horizon"], "horizon")) {
      if (*m <= 0) yaml.error(root["horizon"], "horizon must be longer than 0");
      scenario.horizon_min = *m;
    }
  if (root["report_step"])
    if (auto m = yaml.duration_of(root["report_step"], "report_step")) {
      if (*m <= 0)
        yaml.error(root["report_step"], "report_step must be longer than 0");
      else
        scenario.report_step_min = *m;
    }
  if (root["seed"])
    if (auto v = yaml.integer_of(root["seed"], "seed", 0, 9007199254740991.0))
      scenario.seed = static_cast<std::uint64_t>(*v);
  if (root["power_model"])
    if (auto s = yaml.string_of(root["power_model"], "power_model")) {
      const auto& known = known_power_models();
      if (const auto kind = model::parse_power_model(*s))
        scenario.power_model = *kind;
      else
        yaml.error(root["power_model"], "unknown power model '" + *s + "'" + core::did_you_mean(*s, known) +
                                            "; available: " + core::join(known, ", "));
    }
}

void read_power_flow(YamlReader& yaml, const YAML::Node& node, model::PowerFlowSettings& settings) {
  if (!yaml.expect_map(node, "power_flow",
                       {"rating", "overload_tolerance", "trip_delay", "unrated_margin", "unrated_floor_mw"}))
    return;
  settings.location = yaml.location(node);
  if (node["rating"]) {
    const std::string rating = yaml.text(node["rating"], "rating");
    const auto ratings = model::link_rating_names();
    if (const auto parsed = model::parse_link_rating(rating))
      settings.rating = *parsed;
    else
      yaml.error(node["rating"], "unknown rating '" + rating + "'" + core::did_you_mean(rating, ratings) +
                                     "; use " + core::join(ratings, ", "));
  }
  if (node["overload_tolerance"])
    if (auto v = yaml.number_of(node["overload_tolerance"], "overload_tolerance", 0.0, 10.0))
      settings.overload_tolerance = *v;
  if (node["trip_delay"])
    if (auto d = yaml.duration_of(node["trip_delay"], "trip_delay")) settings.trip_delay_min = *d;
  if (node["unrated_margin"])
    if (auto v = yaml.number_of(node["unrated_margin"], "unrated_margin", 0.0, 100.0))
      settings.unrated_margin = *v;
  if (node["unrated_floor_mw"])
    if (auto v = yaml.number_of(node["unrated_floor_mw"], "unrated_floor_mw", 0.0, 1e7, "MW"))
      settings.unrated_floor_mw = *v;
}

void read_restoration(YamlReader& yaml, const YAML::Node& node, model::RestorationPolicy& restoration) {
  if (!yaml.expect_map(node, "restoration", {"detection", "detection_without_view"})) return;
  if (node["detection"])
    if (auto d = yaml.distribution_of(node["detection"], "detection")) restoration.detection = *d;
  if (node["detection_without_view"])
    if (auto d = yaml.distribution_of(node["detection_without_view"], "detection_without_view"))
      restoration.detection_without_view = *d;
}

}  // namespace blackstart::io
