#include "backdrop_key_reader.hpp"

#include <fstream>

#include "blackstart/io/backdrop.hpp"
#include "blackstart/io/builtin_scenarios.hpp"

namespace blackstart::io {

namespace {

bool has_geojson_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (auto& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext == ".geojson" || ext == ".json";
}

}  // namespace

std::optional<model::Scenario::Backdrop> read_backdrop_key(YamlReader& yaml, const YAML::Node& node) {
  const auto text = yaml.string_of(node, "backdrop");
  if (!text) return std::nullopt;
  if (text->empty()) {
    yaml.error(node, "backdrop must name a GeoJSON file (FILE.geojson, relative to the scenario)");
    return std::nullopt;
  }
  const std::filesystem::path written(*text);
  if (!has_geojson_extension(written)) {
    yaml.error(node, "backdrop '" + *text + "' must be a GeoJSON file ending in .geojson or .json");
    return std::nullopt;
  }
  model::Scenario::Backdrop backdrop{*text, {}, {}, yaml.location(node)};
  // A built-in scenario has no folder: its backdrop ships inside the program with it.
  if (yaml.file().rfind("builtin:", 0) == 0) {
    const auto embedded = builtin_data_file(written.lexically_normal().generic_string());
    if (!embedded) {
      yaml.error(node, "backdrop '" + *text + "' is not built into the program");
      return std::nullopt;
    }
    backdrop.embedded = *embedded;
    return backdrop;
  }
  const auto path = yaml.resolve_path(node);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    // A shipped scenario saved into another folder still finds its backdrop in the program.
    if (const auto embedded = builtin_data_file(written.lexically_normal().generic_string())) {
      backdrop.embedded = *embedded;
      return backdrop;
    }
    // Decoration only (the simulation never reads it): the scenario still loads, without a map
    // backdrop.
    yaml.warning(
        node, "backdrop '" + *text + "': no such file (" + path.string() + "); the map is drawn without it");
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    yaml.error(node, "backdrop '" + *text + "' is not a file");
    return std::nullopt;
  }
  if (!std::ifstream(path, std::ios::binary)) {
    yaml.error(node, "backdrop '" + *text + "': cannot open the file");
    return std::nullopt;
  }
  backdrop.path = path.string();
  return backdrop;
}

std::optional<ScenarioBackdrop> scenario_backdrop(const model::Scenario& scenario) {
  return scenario.backdrop;
}

BackdropRead read_scenario_backdrop(const ScenarioBackdrop& backdrop) {
  if (backdrop.path.empty()) return read_backdrop_text(backdrop.embedded, "builtin:" + backdrop.written);
  return read_backdrop_file(backdrop.path);
}

}  // namespace blackstart::io
