#include "blackstart/geodata/osm_tags.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace blackstart::geodata {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

//! A leading number of `s` and the rest after it.
std::optional<double> leading_number(std::string_view s, std::string_view& rest) {
  s = trim(s);
  const std::string text(s);
  char* stop = nullptr;
  const double v = std::strtod(text.c_str(), &stop);
  if (stop == text.c_str() || !std::isfinite(v)) return std::nullopt;
  rest = trim(s.substr(static_cast<std::size_t>(stop - text.c_str())));
  return v;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> parse_other_tags(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> tags;
  std::size_t i = 0;
  auto quoted = [&](std::string& out) {
    while (i < text.size() && text[i] != '"') ++i;
    if (i >= text.size()) return false;
    ++i;
    out.clear();
    while (i < text.size() && text[i] != '"') {
      if (text[i] == '\\' && i + 1 < text.size()) ++i;
      out += text[i++];
    }
    if (i >= text.size()) return false;
    ++i;
    return true;
  };
  for (;;) {
    std::string key, value;
    if (!quoted(key)) break;
    const auto arrow = text.find("=>", i);
    if (arrow == std::string_view::npos) break;
    i = arrow + 2;
    if (!quoted(value)) break;
    tags.emplace_back(std::move(key), std::move(value));
  }
  return tags;
}

// ASSUMPTION: free-flow speeds by road class for a crew vehicle where a way has no `maxspeed`. They
// follow the usual defaults of routing engines for rural/urban Eastern-European roads (motorway
// 110 km/h; trunk 90; primary 70; secondary 60; tertiary 50; residential and unclassified 40 and 30;
// service roads and tracks 20), rounded; links (ramps) take about 60 % of their road. Not from a
// measured source: replace them with local figures when you have them.
const std::vector<RoadClass>& road_classes() {
  static const std::vector<RoadClass> table{
      {"motorway", 110},      {"trunk", 90},         {"primary", 70},      {"secondary", 60},
      {"tertiary", 50},       {"motorway_link", 60}, {"trunk_link", 50},   {"primary_link", 40},
      {"secondary_link", 40}, {"tertiary_link", 30}, {"unclassified", 40}, {"residential", 30},
      {"road", 30},           {"living_street", 10}, {"service", 20},      {"track", 20},
  };
  return table;
}

std::optional<double> road_speed_kmh(std::string_view highway) {
  for (const auto& row : road_classes())
    if (row.highway == highway) return row.speed_kmh;
  return std::nullopt;
}

std::optional<double> parse_maxspeed(std::string_view text) {
  std::string_view rest;
  const auto v = leading_number(text, rest);
  if (!v || *v <= 0) return std::nullopt;
  const std::string unit = lower(rest);
  if (unit.empty() || unit == "km/h" || unit == "kmh" || unit == "kph") return *v;
  if (unit == "mph") return *v * 1.609344;  // international mile
  return std::nullopt;
}

std::optional<double> parse_voltage_kv(std::string_view text) {
  std::optional<double> best;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find(';', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view rest;
    if (const auto v = leading_number(text.substr(pos, end - pos), rest); v && rest.empty() && *v > 0)
      best = std::max(best.value_or(0.0), *v / 1000.0);
    pos = end + 1;
  }
  return best;
}

std::optional<double> parse_output_mw(std::string_view text) {
  std::string_view rest;
  const auto v = leading_number(text, rest);
  if (!v || *v < 0) return std::nullopt;
  const std::string unit = lower(rest);
  if (unit == "mw") return *v;
  if (unit == "kw") return *v / 1000.0;
  if (unit == "gw") return *v * 1000.0;
  if (unit == "w") return *v / 1e6;
  return std::nullopt;
}

}  // namespace blackstart::geodata
