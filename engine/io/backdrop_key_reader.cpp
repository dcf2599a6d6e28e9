#include "backdrop_key_reader.hpp"

#include <fstream>

#include "blackstart/io/backdrop.hpp"

namespace blackstart::io {

namespace {

bool has_geojson_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (auto& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext == ".geojson" || ext == ".json";
}

}  // namespace

std::optional<std::string> read_backdrop_key(YamlReader& yaml, const YAML::Node& node) {
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
  const auto path = yaml.resolve_path(node);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    yaml.error(node, "backdrop '" + *text + "': no such file (" + path.string() + ")");
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
  return path.string();
}

std::optional<ScenarioBackdrop> scenario_backdrop(const model::Scenario& scenario) {
  const std::filesystem::path file(scenario.file);
  std::error_code ec;
  if (scenario.file.empty() || !std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  if (!root.IsMap() || !root["backdrop"] || !root["backdrop"].IsScalar()) return std::nullopt;
  core::Diagnostics ignored;  // the loader reported them
  YamlReader yaml(scenario.file, file.parent_path(), ignored);
  const auto path = read_backdrop_key(yaml, root["backdrop"]);
  if (!path) return std::nullopt;
  return ScenarioBackdrop{root["backdrop"].Scalar(), *path, yaml.location(root["backdrop"])};
}

}  // namespace blackstart::io
