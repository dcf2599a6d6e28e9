#include "backdrop_key_reader.hpp"

#include <fstream>

namespace blackstart::io {

namespace {

bool has_geojson_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (auto& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext == ".geojson" || ext == ".json";
}

}  // namespace

void read_backdrop_key(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario) {
  const auto text = yaml.string_of(node, "backdrop");
  if (!text) return;
  if (text->empty()) {
    yaml.error(node, "backdrop must name a GeoJSON file (FILE.geojson, relative to the scenario)");
    return;
  }
  const std::filesystem::path written(*text);
  if (!has_geojson_extension(written)) {
    yaml.error(node, "backdrop '" + *text + "' must be a GeoJSON file ending in .geojson or .json");
    return;
  }
  const auto path = yaml.resolve_path(node);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    yaml.error(node, "backdrop '" + *text + "': no such file (" + path.string() + ")");
    return;
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    yaml.error(node, "backdrop '" + *text + "' is not a file");
    return;
  }
  if (!std::ifstream(path, std::ios::binary)) {
    yaml.error(node, "backdrop '" + *text + "': cannot open the file");
    return;
  }
  scenario.backdrop = *text;
  scenario.backdrop_path = path.string();
  scenario.backdrop_location = yaml.location(node);
}

}  // namespace blackstart::io
