#include "traction_reader.hpp"

#include <set>

#include "target_reader.hpp"

namespace blackstart::io {

namespace {

bool in_layer_of_kind(const model::Network& network, model::ElementIndex x, model::LayerKind kind) {
  return network.layers()[network.element(x).layer].kind == kind;
}

std::optional<model::TractionSection> read_section(YamlReader& yaml, const YAML::Node& node,
                                                   const model::Network& network, model::ElementIndex line) {
  if (!yaml.expect_map(node, "a traction section", {"id", "fed_by", "signals", "through", "note"}))
    return std::nullopt;
  model::TractionSection section;
  section.location = yaml.location(node);
  bool ok = true;
  if (!node["id"]) {
    yaml.error(node, "a traction section needs an 'id'");
    ok = false;
  } else if (const auto id = yaml.string_of(node["id"], "section id")) {
    section.id = *id;
  } else {
    ok = false;
  }
  if (!node["fed_by"]) {
    yaml.error(node, "traction section '" + section.id +
                         "' needs 'fed_by': the traction substations (power assets) that feed it");
    ok = false;
  } else {
    section.fed_by = read_targets(yaml, network, node["fed_by"], "fed_by");
    if (section.fed_by.empty()) ok = false;
    for (model::ElementIndex f : section.fed_by) {
      const auto& e = network.element(f);
      if (e.is_link ||
          (e.type != "traction_substation" && !in_layer_of_kind(network, f, model::LayerKind::Power))) {
        yaml.error(node["fed_by"], "fed_by '" + e.id +
                                       "' must be a traction_substation or an asset of a power layer (the "
                                       "substation or load that feeds the section)");
        ok = false;
      }
    }
  }
  if (const auto signals = node["signals"]) {
    if (const auto z = read_single_target(yaml, network, signals, "signals")) {
      if (network.element(*z).is_link || *z == line) {
        yaml.error(signals, "signals '" + network.element(*z).id +
                                "' must be a signalling zone asset other than the line itself");
        ok = false;
      } else {
        section.signal_zone = *z;
      }
    } else {
      ok = false;
    }
  }
  if (const auto through = node["through"]) {
    if (const auto b = yaml.bool_of(through, "through"))
      section.through = *b;
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return section;
}

std::optional<model::TractionLine> read_line(YamlReader& yaml, const YAML::Node& node,
                                             const model::Network& network) {
  if (!yaml.expect_map(node, "a traction line", {"line", "sections", "dark_signals_factor", "note"}))
    return std::nullopt;
  model::TractionLine line;
  line.location = yaml.location(node);
  if (!node["line"]) {
    yaml.error(node, "a traction line needs 'line': the transport asset whose service its sections carry");
    return std::nullopt;
  }
  const auto x = read_single_target(yaml, network, node["line"], "line");
  if (!x) return std::nullopt;
  const auto& e = network.element(*x);
  if (e.is_link || !in_layer_of_kind(network, *x, model::LayerKind::Transport)) {
    yaml.error(node["line"], "line '" + e.id + "' must be an asset of a transport layer");
    return std::nullopt;
  }
  if (e.passengers_per_hour <= 0)
    yaml.warning(node["line"], "line '" + e.id +
                                   "' has no passengers_per_hour: its sections change its state, but no "
                                   "passengers are counted");
  line.line = *x;
  if (node["dark_signals_factor"])
    line.dark_signals_factor = yaml.number_of(node["dark_signals_factor"], "dark_signals_factor", 0, 1);
  const auto sections = node["sections"];
  if (!sections) {
    yaml.error(node, "traction line '" + e.id + "' needs 'sections': a list of its fed sections");
    return std::nullopt;
  }
  if (!sections.IsSequence() || sections.size() == 0) {
    yaml.error(sections, "'sections' of line '" + e.id +
                             "' must be a non-empty list, e.g. [{id: west, fed_by: power/ts-1}]");
    return std::nullopt;
  }
  bool ok = true;
  std::set<std::string> ids;
  for (const auto& item : sections) {
    auto section = read_section(yaml, item, network, *x);
    if (!section) {
      ok = false;
      continue;
    }
    if (!ids.insert(section->id).second) {
      yaml.error(item["id"], "duplicate section id '" + section->id + "' in line '" + e.id + "'");
      ok = false;
      continue;
    }
    line.sections.push_back(std::move(*section));
  }
  if (!ok) return std::nullopt;
  return line;
}

}  // namespace

void read_traction(YamlReader& yaml, const YAML::Node& node, const model::Network& network,
                   model::TractionSettings& traction) {
  if (!yaml.expect_map(node, "traction", {"lines", "dark_signals_factor", "time_lost_per_trip"})) return;
  traction.location = yaml.location(node);
  if (node["dark_signals_factor"])
    if (const auto f = yaml.number_of(node["dark_signals_factor"], "dark_signals_factor", 0, 1))
      traction.dark_signals_factor = *f;
  if (node["time_lost_per_trip"])
    if (const auto m = yaml.duration_of(node["time_lost_per_trip"], "time_lost_per_trip"))
      traction.time_lost_per_trip_min = *m;
  const auto lines = node["lines"];
  if (!lines) {
    yaml.error(node, "'traction' needs 'lines': the electric lines and their sections");
    return;
  }
  if (!lines.IsSequence() || lines.size() == 0) {
    yaml.error(lines, "'lines' must be a non-empty list of {line: ..., sections: [...]}");
    return;
  }
  std::set<model::ElementIndex> seen;
  for (const auto& item : lines) {
    auto line = read_line(yaml, item, network);
    if (!line) continue;
    if (!seen.insert(line->line).second) {
      yaml.error(item["line"], "line '" + network.element(line->line).id +
                                   "' is listed twice in 'traction': give all its sections in one entry");
      continue;
    }
    traction.lines.push_back(std::move(*line));
  }
}

}  // namespace blackstart::io
