// YAML scenario loader: the one place where user input is checked. Every problem becomes a
// diagnostic with file, line and column; the loader keeps going to report all of them, and only a
// scenario without errors is returned. This file parses the document and calls one reader per
// section in a fixed order (later sections refer to what earlier ones defined); the rules live in
// the readers and in element_builder.cpp. yaml-cpp stays private to engine/io.
#include "blackstart/io/scenario_loader.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "backdrop_key_reader.hpp"
#include "backup_store_reader.hpp"
#include "blackstart/io/control_library.hpp"
#include "campaign_reader.hpp"
#include "classic_model_reader.hpp"
#include "controls_reader.hpp"
#include "crews_reader.hpp"
#include "csv_dependencies_reader.hpp"
#include "dependencies_reader.hpp"
#include "events_reader.hpp"
#include "fuel_reader.hpp"
#include "geo_reader.hpp"
#include "layers_reader.hpp"
#include "mitigations_reader.hpp"
#include "responses_reader.hpp"
#include "roads_reader.hpp"
#include "settings_reader.hpp"
#include "sources_reader.hpp"
#include "traction_reader.hpp"
#include "yaml_reader.hpp"
#include "yaml_syntax_error.hpp"

namespace blackstart::io {

const std::vector<std::string>& known_power_models() {
  static const std::vector<std::string> names = model::power_model_names();
  return names;
}

namespace {

void read_scenario(YamlReader& yaml, const YAML::Node& root, model::Scenario& scenario) {
  if (!root.IsDefined() || root.IsNull()) {
    yaml.error(Where{1, 1},
               "empty scenario: expected a mapping with at least 'blackstart', 'name' and 'layers'");
    return;
  }
  if (!yaml.expect_map(root, "the scenario",
                       {"blackstart",    "name",         "description",      "start_time", "horizon",
                        "report_step",   "seed",         "power_model",      "power_flow", "sources",
                        "layers",        "dependencies", "dependencies_csv", "crews",      "restoration",
                        "events",        "campaign",     "controls",         "responses",  "mitigations",
                        "classic_model", "roads",        "traction",         "fuel",       "backdrop"}))
    return;
  scenario.file = yaml.file();
  read_settings(yaml, root, scenario);
  if (root["backdrop"]) scenario.backdrop = read_backdrop_key(yaml, root["backdrop"]);
  if (root["power_flow"]) read_power_flow(yaml, root["power_flow"], scenario.power_flow);
  if (root["sources"]) read_sources(yaml, root["sources"], scenario.sources);
  if (root["classic_model"]) read_classic_model(yaml, root["classic_model"], scenario);
  if (!root["layers"]) {
    if (!root["classic_model"])  // a textbook model brings its own graphs
      yaml.error(root, "missing 'layers': a scenario needs at least one layer of assets");
  } else {
    read_layers(yaml, root["layers"], scenario.network);
    complete_coordinates(scenario.network);
  }
  if (root["fuel"]) read_fuel(yaml, root["fuel"], scenario);
  if (root["dependencies"]) read_dependencies(yaml, root["dependencies"], scenario.network);
  if (root["dependencies_csv"]) read_dependencies_csv(yaml, root["dependencies_csv"], scenario.network);
  if (root["crews"]) read_crews(yaml, root["crews"], scenario);
  if (root["roads"]) read_roads(yaml, root["roads"], scenario.roads);
  if (root["traction"]) read_traction(yaml, root["traction"], scenario.network, scenario.traction);
  if (root["restoration"]) read_restoration(yaml, root["restoration"], scenario.restoration);
  if (root["events"]) read_events(yaml, root["events"], scenario);
  if (root["campaign"]) read_campaign(yaml, root["campaign"], scenario);
  if (root["controls"]) read_controls(yaml, root["controls"], control_library(), scenario.controls);
  if (root["responses"]) read_responses(yaml, root["responses"], scenario);
  if (root["mitigations"]) read_mitigations(yaml, root["mitigations"], scenario);
  check_fuel_references(scenario, yaml.diagnostics());
  warn_dependency_cycles(scenario.network, yaml.diagnostics());
  const bool crews_declared_empty = root["crews"] && root["crews"].IsSequence() && root["crews"].size() == 0;
  warn_unrepairable_damage(scenario, crews_declared_empty, yaml.diagnostics());
}

}  // namespace

LoadResult load_scenario_text(std::string_view text, const std::string& display_name,
                              const std::filesystem::path& base_dir) {
  LoadResult result;
  YamlReader yaml(display_name, base_dir, result.diagnostics);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    yaml.error(Where{e.mark.line + 1, e.mark.column + 1},
               "document nested too deeply: more than 500 levels of lists or mappings");
    return result;
  } catch (const YAML::ParserException& e) {
    result.diagnostics.append(yaml_syntax_diagnostics(text, display_name, e.mark.line, e.mark.column, e.msg));
    return result;
  } catch (const YAML::Exception& e) {
    yaml.error(Where{0, 0}, std::string("YAML error: ") + e.what());
    return result;
  }
  model::Scenario scenario;
  try {
    read_scenario(yaml, root, scenario);
  } catch (const YAML::Exception& e) {
    // yaml-cpp may still throw on odd documents (e.g. aliases to nowhere); never crash on them.
    yaml.error(Where{e.mark.line + 1, e.mark.column + 1},
               std::string("cannot read this part of the file: ") + e.msg);
  }
  if (!result.diagnostics.has_errors()) result.scenario = std::move(scenario);
  return result;
}

LoadResult load_scenario_file(const std::filesystem::path& path) {
  LoadResult result;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    result.diagnostics.error(path.string(), 0, 0, "no such file");
    return result;
  }
  if (std::filesystem::is_directory(path, ec)) {
    result.diagnostics.error(path.string(), 0, 0, "is a directory, not a scenario file");
    return result;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    result.diagnostics.error(path.string(), 0, 0, "cannot read file: " + ec.message());
    return result;
  }
  if (size > kMaxInputBytes) {
    result.diagnostics.error(path.string(), 0, 0,
                             "file is " + std::to_string(size) + " bytes; scenarios are limited to " +
                                 std::to_string(kMaxInputBytes) + " bytes (put large networks in CSV files)");
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.diagnostics.error(path.string(), 0, 0, "cannot open file");
    return result;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (text.find('\0') != std::string::npos) {
    result.diagnostics.error(path.string(), 0, 0, "file contains NUL bytes: it is not a YAML text file");
    return result;
  }
  return load_scenario_text(text, path.string(), path.parent_path());
}

}  // namespace blackstart::io
