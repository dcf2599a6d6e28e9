// YAML scenario loader: the one place where user input is checked. Every problem becomes a
// diagnostic with file, line and column; the loader keeps going to report all of them, and only a
// scenario without errors is returned. yaml-cpp stays private to this file.
#include "blackstart/io/scenario_loader.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "blackstart/core/text.hpp"
#include "blackstart/io/csv.hpp"
#include "blackstart/io/matpower_import.hpp"
#include "blackstart/model/asset_types.hpp"

namespace blackstart::io {

using core::DurationDistribution;
using model::ElementIndex;

const std::vector<std::string>& known_power_models() {
  static const std::vector<std::string> names = model::power_model_names();
  return names;
}

namespace {

constexpr int kFormatVersion = 1;

struct Where {
  int line = 0;
  int column = 0;
};

Where where(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

std::optional<double> parse_number(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text == ".nan" || text == ".NaN" || text == "nan" || text == "NaN") return std::nan("");
  if (text == ".inf" || text == "inf") return HUGE_VAL;
  if (text == "-.inf" || text == "-inf") return -HUGE_VAL;
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

class Loader {
 public:
  Loader(std::string file, std::filesystem::path base_dir)
      : file_(std::move(file)), base_dir_(std::move(base_dir)) {}

  LoadResult load(std::string_view text) {
    LoadResult result;
    YAML::Node root;
    try {
      root = YAML::Load(std::string(text));
    } catch (const YAML::DeepRecursion& e) {
      diagnostics_.error(file_, e.mark.line + 1, e.mark.column + 1,
                         "document nested too deeply: more than 500 levels of lists or mappings");
      result.diagnostics = diagnostics_;
      return result;
    } catch (const YAML::ParserException& e) {
      diagnostics_.error(file_, e.mark.line + 1, e.mark.column + 1, "YAML syntax error: " + e.msg);
      result.diagnostics = diagnostics_;
      return result;
    } catch (const YAML::Exception& e) {
      diagnostics_.error(file_, 0, 0, std::string("YAML error: ") + e.what());
      result.diagnostics = diagnostics_;
      return result;
    }
    try {
      read_root(root);
    } catch (const YAML::Exception& e) {
      // yaml-cpp may still throw on odd documents (e.g. aliases to nowhere); never crash on them.
      error(Where{e.mark.line + 1, e.mark.column + 1},
            std::string("cannot read this part of the file: ") + e.msg);
    }
    if (!diagnostics_.has_errors()) result.scenario = std::move(scenario_);
    result.diagnostics = diagnostics_;
    return result;
  }

 private:
  // ------------------------------------------------------------------------------ diagnostics
  void error(Where w, const std::string& message) { diagnostics_.error(file_, w.line, w.column, message); }
  void error(const YAML::Node& node, const std::string& message) { error(where(node), message); }
  void warning(const YAML::Node& node, const std::string& message) {
    const Where w = where(node);
    diagnostics_.warning(file_, w.line, w.column, message);
  }

  //! Checks that `node` is a map whose keys are all allowed; reports unknown and duplicate keys.
  bool expect_map(const YAML::Node& node, const std::string& what, const std::vector<std::string>& allowed) {
    if (!node.IsMap()) {
      error(node, what + " must be a mapping of key: value pairs");
      return false;
    }
    std::set<std::string> seen;
    for (const auto& item : node) {
      const std::string key = item.first.Scalar();
      if (!seen.insert(key).second) error(item.first, "duplicate key '" + key + "' in " + what);
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
        error(item.first, "unknown key '" + key + "' in " + what + core::did_you_mean(key, allowed) +
                              "; allowed: " + core::join(allowed, ", "));
    }
    return true;
  }

  //! The scalar text of a node; a list or mapping is reported and gives "".
  std::string text(const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) {
      error(node, what + " must be a single value, not a list or mapping");
      return {};
    }
    return node.Scalar();
  }

  //! A whole number within a range.
  std::optional<long long> integer_of(const YAML::Node& node, const std::string& what, double min,
                                      double max) {
    auto v = number_of(node, what, min, max);
    if (!v) return std::nullopt;
    if (*v != std::floor(*v)) {
      error(node, what + " must be a whole number, got '" + node.Scalar() + "'");
      return std::nullopt;
    }
    return static_cast<long long>(*v);
  }

  std::optional<std::string> string_of(const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) {
      error(node, what + " must be a single value, not a list or mapping");
      return std::nullopt;
    }
    return node.Scalar();
  }

  std::optional<double> number_of(const YAML::Node& node, const std::string& what, double min = -1e300,
                                  double max = 1e300, const std::string& unit = "") {
    if (!node.IsScalar()) {
      error(node, what + " must be a number");
      return std::nullopt;
    }
    const auto value = parse_number(node.Scalar());
    if (!value) {
      error(node, what + " must be a number" + (unit.empty() ? "" : " in " + unit) + ", got '" +
                      node.Scalar() + "'");
      return std::nullopt;
    }
    if (!std::isfinite(*value)) {
      error(node, what + " must be a finite number, got '" + node.Scalar() + "'");
      return std::nullopt;
    }
    if (*value < min || *value > max) {
      std::ostringstream range;
      range << what << " = " << node.Scalar() << " is out of range";
      if (min > -1e299 && max < 1e299)
        range << " [" << min << ", " << max << "]";
      else if (min > -1e299)
        range << "; it must be at least " << min;
      else
        range << "; it must be at most " << max;
      if (!unit.empty()) range << " " << unit;
      error(node, range.str());
      return std::nullopt;
    }
    return value;
  }

  std::optional<bool> bool_of(const YAML::Node& node, const std::string& what) {
    if (node.IsScalar()) {
      const std::string& s = node.Scalar();
      if (s == "true" || s == "yes" || s == "1") return true;
      if (s == "false" || s == "no" || s == "0") return false;
    }
    error(node, what + " must be true or false");
    return std::nullopt;
  }

  std::optional<double> duration_of(const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) {
      error(node, what + " must be a duration such as 15min, 2h or 1d");
      return std::nullopt;
    }
    std::string why;
    const auto d = core::parse_duration(node.Scalar(), &why);
    if (!d) {
      error(node, what + ": " + why);
      return std::nullopt;
    }
    if (d->minutes < 0) {
      error(node, what + " must not be negative");
      return std::nullopt;
    }
    return d->minutes;
  }

  //! `30min`, or `{dist: uniform, min: 10min, max: 1h}`, `{dist: triangular, min, mode, max}`,
  //! `{dist: lognormal, median: 30min, sigma: 0.5}`.
  std::optional<DurationDistribution> distribution_of(const YAML::Node& node, const std::string& what) {
    if (node.IsScalar()) {
      auto m = duration_of(node, what);
      if (!m) return std::nullopt;
      return DurationDistribution::fixed(*m);
    }
    if (!expect_map(node, what, {"dist", "min", "max", "mode", "median", "sigma"})) return std::nullopt;
    if (!node["dist"]) {
      error(node, what + " needs 'dist' (uniform, triangular or lognormal) or a plain duration like 30min");
      return std::nullopt;
    }
    const std::string kind = text(node["dist"], what + ".dist");
    auto need = [&](const char* key) -> std::optional<double> {
      if (!node[key]) {
        error(node, what + ": a " + kind + " distribution needs '" + key + "'");
        return std::nullopt;
      }
      return duration_of(node[key], what + "." + key);
    };
    DurationDistribution dist;
    if (kind == "uniform") {
      auto lo = need("min"), hi = need("max");
      if (!lo || !hi) return std::nullopt;
      if (*hi < *lo) {
        error(node["max"], what + ": max must not be below min");
        return std::nullopt;
      }
      dist = {DurationDistribution::Kind::Uniform, *lo, *hi, 0, 0};
    } else if (kind == "triangular") {
      auto lo = need("min"), mode = need("mode"), hi = need("max");
      if (!lo || !mode || !hi) return std::nullopt;
      if (!(*lo <= *mode && *mode <= *hi)) {
        error(node, what + ": triangular needs min <= mode <= max");
        return std::nullopt;
      }
      dist = {DurationDistribution::Kind::Triangular, *lo, *mode, *hi, 0};
    } else if (kind == "lognormal") {
      auto median = need("median");
      if (!median) return std::nullopt;
      if (!node["sigma"]) {
        error(node, what + ": a lognormal distribution needs 'sigma'");
        return std::nullopt;
      }
      auto sigma = number_of(node["sigma"], what + ".sigma", 0.0, 10.0);
      if (!sigma) return std::nullopt;
      dist = {DurationDistribution::Kind::Lognormal, *median, 0, 0, *sigma};
    } else {
      error(node["dist"], "unknown distribution '" + kind + "'" +
                              core::did_you_mean(kind, {"uniform", "triangular", "lognormal"}) +
                              "; use uniform, triangular or lognormal");
      return std::nullopt;
    }
    return dist;
  }

  //! `{dist: uniform, min: 0.2, max: 0.6}` or `{dist: triangular, min, mode, max}` over 0..1.
  std::optional<core::DurationDistribution> probability_distribution_of(const YAML::Node& node) {
    if (!expect_map(node, "probability", {"dist", "min", "mode", "max"})) return std::nullopt;
    const std::string kind = node["dist"] ? text(node["dist"], "probability.dist") : std::string();
    auto need = [&](const char* key) -> std::optional<double> {
      if (!node[key]) {
        error(node, "probability: a " + kind + " distribution needs '" + key + "'");
        return std::nullopt;
      }
      return number_of(node[key], std::string("probability.") + key, 0.0, 1.0);
    };
    if (kind == "uniform") {
      auto lo = need("min"), hi = need("max");
      if (!lo || !hi) return std::nullopt;
      if (*hi < *lo) {
        error(node["max"], "probability: max must not be below min");
        return std::nullopt;
      }
      return core::DurationDistribution{core::DurationDistribution::Kind::Uniform, *lo, *hi, 0, 0};
    }
    if (kind == "triangular") {
      auto lo = need("min"), mode = need("mode"), hi = need("max");
      if (!lo || !mode || !hi) return std::nullopt;
      if (!(*lo <= *mode && *mode <= *hi)) {
        error(node, "probability: triangular needs min <= mode <= max");
        return std::nullopt;
      }
      return core::DurationDistribution{core::DurationDistribution::Kind::Triangular, *lo, *mode, *hi, 0};
    }
    error(node["dist"] ? node["dist"] : node,
          "probability must be a number from 0 to 1 or {dist: uniform|triangular, ...}" +
              (kind.empty() ? std::string() : "; unknown distribution '" + kind + "'"));
    return std::nullopt;
  }

  // ------------------------------------------------------------------------------ root
  void read_root(const YAML::Node& root) {
    if (!root.IsDefined() || root.IsNull()) {
      error(Where{1, 1},
            "empty scenario: expected a mapping with at least 'blackstart', 'name' and 'layers'");
      return;
    }
    if (!expect_map(root, "the scenario",
                    {"blackstart", "name", "description", "start_time", "horizon", "report_step", "seed",
                     "power_model", "power_flow", "sources", "layers", "dependencies", "dependencies_csv",
                     "crews", "restoration", "events", "mitigations", "classic_model"}))
      return;
    scenario_.file = file_;
    if (!root["blackstart"]) {
      error(root, "missing 'blackstart: 1' (the scenario format version) at the top of the file");
    } else if (auto v = number_of(root["blackstart"], "format version 'blackstart'")) {
      if (*v != kFormatVersion)
        error(root["blackstart"], "unsupported scenario format version " + root["blackstart"].Scalar() +
                                      "; this Blackstart reads version " + std::to_string(kFormatVersion));
    }
    if (!root["name"])
      error(root, "missing 'name'");
    else if (auto s = string_of(root["name"], "name"))
      scenario_.name = *s;
    if (root["description"])
      scenario_.description = string_of(root["description"], "description").value_or("");
    if (root["start_time"]) scenario_.start_time = string_of(root["start_time"], "start_time").value_or("");
    if (root["horizon"])
      if (auto m = duration_of(root["horizon"], "horizon")) {
        if (*m <= 0) error(root["horizon"], "horizon must be longer than 0");
        scenario_.horizon_min = *m;
      }
    if (root["report_step"])
      if (auto m = duration_of(root["report_step"], "report_step")) {
        if (*m <= 0)
          error(root["report_step"], "report_step must be longer than 0");
        else
          scenario_.report_step_min = *m;
      }
    if (root["seed"])
      if (auto v = integer_of(root["seed"], "seed", 0, 9007199254740991.0))
        scenario_.seed = static_cast<std::uint64_t>(*v);
    if (root["power_model"])
      if (auto s = string_of(root["power_model"], "power_model")) {
        const auto& known = known_power_models();
        if (const auto kind = model::parse_power_model(*s))
          scenario_.power_model = *kind;
        else
          error(root["power_model"], "unknown power model '" + *s + "'" + core::did_you_mean(*s, known) +
                                         "; available: " + core::join(known, ", "));
      }
    if (root["power_flow"]) read_power_flow(root["power_flow"]);
    if (root["sources"]) read_sources(root["sources"]);
    if (root["classic_model"]) read_classic_model(root["classic_model"]);
    if (!root["layers"]) {
      if (!root["classic_model"])  // a textbook model brings its own graphs
        error(root, "missing 'layers': a scenario needs at least one layer of assets");
    } else {
      read_layers(root["layers"]);
    }
    if (root["dependencies"]) read_dependencies(root["dependencies"]);
    if (root["dependencies_csv"]) read_dependencies_csv(root["dependencies_csv"]);
    if (root["crews"]) read_crews(root["crews"]);
    if (root["restoration"]) read_restoration(root["restoration"]);
    if (root["events"]) read_events(root["events"]);
    if (root["mitigations"]) read_mitigations(root["mitigations"]);
    check_dependency_cycles();
    check_crews();
  }

  void read_power_flow(const YAML::Node& node) {
    if (!expect_map(node, "power_flow",
                    {"rating", "overload_tolerance", "trip_delay", "unrated_margin", "unrated_floor_mw"}))
      return;
    auto& settings = scenario_.power_flow;
    settings.location = {file_, where(node).line, where(node).column};
    if (node["rating"]) {
      const std::string rating = text(node["rating"], "rating");
      const auto ratings = model::link_rating_names();
      if (const auto parsed = model::parse_link_rating(rating))
        settings.rating = *parsed;
      else
        error(node["rating"], "unknown rating '" + rating + "'" + core::did_you_mean(rating, ratings) +
                                  "; use " + core::join(ratings, ", "));
    }
    if (node["overload_tolerance"])
      if (auto v = number_of(node["overload_tolerance"], "overload_tolerance", 0.0, 10.0))
        settings.overload_tolerance = *v;
    if (node["trip_delay"])
      if (auto d = duration_of(node["trip_delay"], "trip_delay")) settings.trip_delay_min = *d;
    if (node["unrated_margin"])
      if (auto v = number_of(node["unrated_margin"], "unrated_margin", 0.0, 100.0))
        settings.unrated_margin = *v;
    if (node["unrated_floor_mw"])
      if (auto v = number_of(node["unrated_floor_mw"], "unrated_floor_mw", 0.0, 1e7, "MW"))
        settings.unrated_floor_mw = *v;
  }

  void read_sources(const YAML::Node& node) {
    if (!node.IsSequence()) {
      error(node, "'sources' must be a list of {title, url, note}");
      return;
    }
    for (const auto& item : node) {
      if (item.IsScalar()) {
        scenario_.sources.push_back({item.Scalar(), "", ""});
        continue;
      }
      if (!expect_map(item, "a source", {"title", "url", "note"})) continue;
      model::SourceRef ref;
      if (!item["title"])
        error(item, "a source needs a 'title'");
      else
        ref.title = string_of(item["title"], "title").value_or("");
      if (item["url"]) ref.url = string_of(item["url"], "url").value_or("");
      if (item["note"]) ref.note = string_of(item["note"], "note").value_or("");
      scenario_.sources.push_back(std::move(ref));
    }
  }

  // ------------------------------------------------------------------------------ classic model
  //! `classic_model:` records file paths and numbers only; study::run_classic_model builds the graphs.
  void read_classic_model(const YAML::Node& node) {
    if (!expect_map(node, "classic_model",
                    {"kind", "layer_a", "layer_b", "dependencies", "layer", "generate", "p", "alpha",
                     "attack", "seed"}))
      return;
    model::ClassicModelSpec spec;
    spec.location = {file_, where(node).line, where(node).column};
    const std::vector<std::string> kinds{"mutual_percolation", "motter_lai"};
    if (!node["kind"]) {
      error(node, "classic_model needs a 'kind': " + core::join(kinds, " or "));
      return;
    }
    const std::string kind = text(node["kind"], "kind");
    if (kind == "mutual_percolation") {
      spec.kind = model::ClassicModelSpec::Kind::MutualPercolation;
    } else if (kind == "motter_lai") {
      spec.kind = model::ClassicModelSpec::Kind::MotterLai;
    } else {
      error(node["kind"], "unknown classic model '" + kind + "'" + core::did_you_mean(kind, kinds) +
                              "; use " + core::join(kinds, " or "));
      return;
    }
    const bool percolation = spec.kind == model::ClassicModelSpec::Kind::MutualPercolation;
    // Keys of the other model are mistakes, not silently ignored.
    const std::vector<std::string> foreign =
        percolation ? std::vector<std::string>{"layer", "alpha", "attack"}
                    : std::vector<std::string>{"layer_a", "layer_b", "dependencies", "p"};
    for (const auto& key : foreign)
      if (node[key]) {
        for (const auto& item : node)
          if (item.first.Scalar() == key) error(item.first, "'" + key + "' does not apply to kind " + kind);
      }
    auto path_of = [&](const char* key) -> std::string {
      if (!node[key]) return {};
      auto s = string_of(node[key], key);
      if (!s || s->empty()) {
        if (s) error(node[key], std::string(key) + " must name a CSV file");
        return {};
      }
      const auto path = resolve_path(node[key]);
      std::error_code ec;
      if (!std::filesystem::is_regular_file(path, ec))
        error(node[key], "cannot open " + std::string(key) + " file '" + *s + "'");
      return path.string();
    };
    if (node["generate"]) {
      for (const char* key : {"layer_a", "layer_b", "dependencies", "layer"})
        if (node[key]) error(node[key], std::string("'") + key + "' and 'generate' exclude each other");
      read_classic_generator(node["generate"], spec);
    } else if (percolation) {
      if (!node["layer_a"] || !node["layer_b"])
        error(node, "mutual_percolation needs 'layer_a' and 'layer_b' (CSV edge lists) or 'generate'");
      spec.layer_a = path_of("layer_a");
      spec.layer_b = path_of("layer_b");
      spec.dependencies = path_of("dependencies");
    } else {
      if (!node["layer"]) error(node, "motter_lai needs 'layer' (a CSV edge list) or 'generate'");
      spec.layer_a = path_of("layer");
    }
    if (percolation && node["p"])
      if (auto v = number_of(node["p"], "p", 0.0, 1.0)) spec.p = *v;
    if (!percolation && node["alpha"])
      if (auto v = number_of(node["alpha"], "alpha", 0.0, 1e6)) spec.alpha = *v;
    if (!percolation && node["attack"]) {
      const auto attacks = model::classic_attack_names();
      const std::string a = text(node["attack"], "attack");
      if (const auto parsed = model::parse_classic_attack(a))
        spec.attack = *parsed;
      else
        error(node["attack"], "unknown attack '" + a + "'" + core::did_you_mean(a, attacks) + "; use " +
                                  core::join(attacks, ", "));
    }
    if (node["seed"])
      if (auto v = integer_of(node["seed"], "seed", 0, 9007199254740991.0))
        spec.seed = static_cast<std::uint64_t>(*v);
    scenario_.classic_model = std::move(spec);
  }

  void read_classic_generator(const YAML::Node& node, model::ClassicModelSpec& spec) {
    if (!expect_map(node, "generate", {"model", "n", "mean_degree", "m"})) return;
    const std::vector<std::string> models{"erdos_renyi", "barabasi_albert"};
    if (!node["model"]) {
      error(node, "generate needs a 'model': " + core::join(models, " or "));
      return;
    }
    const std::string name = text(node["model"], "model");
    if (std::find(models.begin(), models.end(), name) == models.end()) {
      error(node["model"], "unknown graph model '" + name + "'" + core::did_you_mean(name, models) +
                               "; use " + core::join(models, " or "));
      return;
    }
    spec.generator = name;
    const bool er = name == "erdos_renyi";
    if (!node["n"])
      error(node, "generate needs 'n', the number of nodes");
    else if (auto v = integer_of(node["n"], "n", 2, 100'000'000))
      spec.n = static_cast<std::uint32_t>(*v);
    const char* needed = er ? "mean_degree" : "m";
    const char* other = er ? "m" : "mean_degree";
    if (node[other]) error(node[other], std::string("'") + other + "' does not apply to " + name);
    if (!node[needed]) {
      error(node, "generate with " + name + " needs '" + needed + "'");
    } else if (er) {
      if (auto v = number_of(node["mean_degree"], "mean_degree", 0.0, 1e6)) {
        if (spec.n > 1 && *v > spec.n - 1.0)
          error(node["mean_degree"], "mean_degree must be at most n - 1");
        else
          spec.mean_degree = *v;
      }
    } else if (auto v = integer_of(node["m"], "m", 1, 1e6)) {
      if (spec.n > 0 && *v >= spec.n)
        error(node["m"], "m must be smaller than n");
      else
        spec.m = static_cast<std::uint32_t>(*v);
    }
  }

  // ------------------------------------------------------------------------------ layers
  void read_layers(const YAML::Node& node) {
    if (!node.IsSequence() || node.size() == 0) {
      error(node, "'layers' must be a non-empty list of layers, each with a name and assets");
      return;
    }
    for (const auto& layer_node : node) {
      if (!expect_map(layer_node, "a layer",
                      {"name", "kind", "matpower", "assets", "links", "assets_csv", "links_csv"}))
        continue;
      if (!layer_node["name"]) {
        error(layer_node, "a layer needs a 'name'");
        continue;
      }
      const auto name = string_of(layer_node["name"], "layer name");
      if (!name) continue;
      if (!valid_id(*name, layer_node["name"], "layer name")) continue;
      if (scenario_.network.find_layer(*name)) {
        error(layer_node["name"], "duplicate layer '" + *name + "'");
        continue;
      }
      model::LayerKind kind = model::parse_layer_kind(*name).value_or(model::LayerKind::Other);
      if (layer_node["kind"]) {
        const std::string k = text(layer_node["kind"], "layer kind");
        auto parsed = model::parse_layer_kind(k);
        if (!parsed) {
          error(layer_node["kind"], "unknown layer kind '" + k + "'" +
                                        core::did_you_mean(k, {"power", "transport", "cyber", "other"}) +
                                        "; use power, transport, cyber or other");
        } else {
          kind = *parsed;
        }
      }
      const auto layer = scenario_.network.add_layer(*name, kind);
      if (layer_node["matpower"]) read_matpower(layer, layer_node["matpower"]);
      if (layer_node["assets"]) read_assets(layer, layer_node["assets"]);
      if (layer_node["assets_csv"]) read_assets_csv(layer, layer_node["assets_csv"]);
      if (layer_node["links"]) read_links(layer, layer_node["links"]);
      if (layer_node["links_csv"]) read_links_csv(layer, layer_node["links_csv"]);
    }
  }

  bool valid_id(const std::string& id, const YAML::Node& node, const std::string& what) {
    if (id.empty()) {
      error(node, what + " must not be empty");
      return false;
    }
    if (!valid_id_text(id)) {
      error(node, what + " '" + id + "' must not contain '/', '*', '?', ',' or spaces");
      return false;
    }
    return true;
  }

  //! Sets a declared attribute; returns false with a diagnostic when the name or value is wrong.
  bool set_attribute(model::Element& e, const model::AssetTypeSpec* type, const std::string& key,
                     double value, const std::function<void(const std::string&)>& report) {
    const auto& registry = model::AssetTypeRegistry::builtin();
    const model::AttributeSpec* spec = registry.find_attribute(key);
    const bool allowed_here =
        spec && (!type ||
                 std::find(type->attributes.begin(), type->attributes.end(), key) != type->attributes.end() ||
                 scenario_.network.layers()[e.layer].kind == model::LayerKind::Other);
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

  const model::AssetTypeSpec* resolve_type(std::uint32_t layer, const std::string& type, bool is_link,
                                           const std::function<void(const std::string&)>& report) {
    const auto& registry = model::AssetTypeRegistry::builtin();
    const auto kind = scenario_.network.layers()[layer].kind;
    if (const auto* spec = registry.find_type(kind, type, is_link)) return spec;
    if (kind == model::LayerKind::Other) return nullptr;  // user layers take any type
    const auto names = registry.type_names(kind, is_link);
    report("unknown " + std::string(is_link ? "link" : "asset") + " type '" + type + "' in " +
           std::string(model::to_string(kind)) + " layer '" + scenario_.network.layers()[layer].name + "'" +
           core::did_you_mean(type, names) + "; known: " + core::join(names, ", "));
    return nullptr;
  }

  void read_repair(model::RepairTimes& repair, const YAML::Node& node) {
    if (!expect_map(node, "repair", {"remote", "manual", "repair", "reimage", "cleanup", "replacement"}))
      return;
    auto slot = [&](const char* key, DurationDistribution& target) {
      if (node[key])
        if (auto d = distribution_of(node[key], std::string("repair.") + key)) target = *d;
    };
    slot("remote", repair.remote);
    slot("manual", repair.manual);
    slot("repair", repair.repair);
    slot("reimage", repair.reimage);
    slot("cleanup", repair.cleanup);
    slot("replacement", repair.replacement);
  }

  void read_position(model::Element& e, const YAML::Node& node) {
    if (!node.IsMap()) {
      error(node, "position must be {x: .., y: ..} or {lat: .., lon: ..}");
      return;
    }
    if (!expect_map(node, "position", {"x", "y", "lat", "lon"})) return;
    model::Position p;
    if (node["lat"] || node["lon"]) {
      if (!node["lat"] || !node["lon"]) {
        error(node, "position needs both lat and lon");
        return;
      }
      auto lat = number_of(node["lat"], "lat", -90, 90, "degrees");
      auto lon = number_of(node["lon"], "lon", -180, 180, "degrees");
      if (!lat || !lon) return;
      p = {*lon, *lat, true};
    } else {
      if (!node["x"] || !node["y"]) {
        error(node, "position needs both x and y");
        return;
      }
      auto x = number_of(node["x"], "x"), y = number_of(node["y"], "y");
      if (!x || !y) return;
      p = {*x, *y, false};
    }
    e.position = p;
  }

  void read_element_common(model::Element& e, const YAML::Node& item, const model::AssetTypeSpec* type,
                           const std::set<std::string>& structural) {
    for (const auto& kv : item) {
      const std::string key = kv.first.Scalar();
      if (structural.count(key)) continue;
      if (key == "name")
        e.name = string_of(kv.second, "name").value_or("");
      else if (key == "operator")
        e.operator_name = string_of(kv.second, "operator").value_or("");
      else if (key == "position")
        read_position(e, kv.second);
      else if (key == "repair")
        read_repair(e.repair, kv.second);
      else if (key == "recoverable_firmware" && kv.second.IsScalar() && !parse_number(kv.second.Scalar())) {
        if (auto b = bool_of(kv.second, key)) e.recoverable_firmware = *b;
      } else {
        if (!kv.second.IsScalar()) {
          error(kv.second, "attribute '" + key + "' must be a number");
          continue;
        }
        auto value = parse_number(kv.second.Scalar());
        if (!value) {
          const auto& registry = model::AssetTypeRegistry::builtin();
          const auto* spec = registry.find_attribute(key);
          if (!spec) {
            set_attribute(e, type, key, 0.0, [&](const std::string& m) { error(kv.first, m); });
          } else {
            error(kv.second, "attribute '" + key + "' must be a number" +
                                 (spec->unit.empty() || spec->unit == "-" ? "" : " in " + spec->unit) +
                                 ", got '" + kv.second.Scalar() + "'");
          }
          continue;
        }
        set_attribute(e, type, key, *value,
                      [&](const std::string& m) { error(std::isfinite(*value) ? kv.first : kv.second, m); });
      }
    }
  }

  void check_duplicate_keys(const YAML::Node& item) {
    std::set<std::string> seen;
    for (const auto& kv : item)
      if (!seen.insert(kv.first.Scalar()).second)
        error(kv.first, "duplicate key '" + kv.first.Scalar() + "'");
  }

  //! `link-N` with the first N not yet taken in the layer.
  std::string generated_link_id(std::uint32_t layer) {
    const auto& net = scenario_.network;
    std::size_t n = net.layers()[layer].links.size() + 1;
    while (net.find(net.layers()[layer].name + "/link-" + std::to_string(n))) ++n;
    return "link-" + std::to_string(n);
  }

  static bool valid_id_text(const std::string& id) {
    return !id.empty() && id.find_first_of("/*?, \t") == std::string::npos;
  }

  //! `matpower: case.m` or `matpower: {file: case.m, customers_per_mw: N}`: the case's buses,
  //! generators and branches join the (power) layer. Problems of the case file keep its line and column;
  //! those without one (a missing file) are reported at the key.
  void read_matpower(std::uint32_t layer, const YAML::Node& node) {
    if (scenario_.network.layers()[layer].kind != model::LayerKind::Power) {
      error(node, "'matpower' imports into a power layer: name the layer 'power' or add 'kind: power'");
      return;
    }
    ImportOptions options;
    if (node.IsMap()) {
      if (!expect_map(node, "matpower", {"file", "customers_per_mw"})) return;
      if (!node["file"]) {
        error(node, "matpower needs 'file', the MATPOWER case (.m) to import");
        return;
      }
      if (node["customers_per_mw"]) {
        const auto v = number_of(node["customers_per_mw"], "customers_per_mw", 0.0, 1e6);
        if (!v) return;
        options.customers_per_mw = *v;
      }
    }
    const YAML::Node file = node.IsMap() ? node["file"] : node;  // yaml-cpp: never assign to a Node
    if (!file.IsScalar()) {
      error(file, "matpower must name a MATPOWER case file (.m)");
      return;
    }
    auto read = load_matpower_file(resolve_path(file));
    core::Diagnostics found = std::move(read.diagnostics);
    if (read.power_case && !found.has_errors())
      found.append(add_power_case_layer(scenario_.network, layer, *read.power_case, options));
    for (auto d : found.items()) {
      if (d.line == 0) {
        const Where w = where(file);
        d.message = "matpower '" + file.Scalar() + "': " + d.message;
        d.file = file_;
        d.line = w.line;
        d.column = w.column;
      }
      diagnostics_.add(std::move(d));
    }
  }

  //! Reads a CSV file named by a scenario key; a missing or unreadable file is reported at the key.
  std::optional<CsvTable> csv_at(const YAML::Node& node, const std::string& key) {
    if (!node.IsScalar()) {
      error(node, key + " must be a file name");
      return std::nullopt;
    }
    core::Diagnostics csv_diagnostics;
    auto table = read_csv(resolve_path(node), csv_diagnostics);
    for (auto d : csv_diagnostics.items()) {
      if (d.line == 0) {
        const Where w = where(node);
        d.message = key + " '" + node.Scalar() + "': " + d.message;
        d.file = file_;
        d.line = w.line;
        d.column = w.column;
      }
      diagnostics_.add(std::move(d));
    }
    return table;
  }

  void read_assets(std::uint32_t layer, const YAML::Node& node) {
    if (!node.IsSequence()) {
      error(node, "'assets' must be a list");
      return;
    }
    for (const auto& item : node) {
      if (!item.IsMap()) {
        error(item, "an asset must be a mapping with at least 'id' and 'type'");
        continue;
      }
      check_duplicate_keys(item);
      if (!item["id"] || !item["type"]) {
        error(item, std::string("an asset needs ") + (!item["id"] ? "an 'id'" : "a 'type'"));
        continue;
      }
      model::Element e;
      const auto id = string_of(item["id"], "id");
      const auto type_name = string_of(item["type"], "type");
      if (!id || !type_name || !valid_id(*id, item["id"], "asset id")) continue;
      e.local_id = *id;
      e.type = *type_name;
      e.layer = layer;
      const auto* type =
          resolve_type(layer, *type_name, false, [&](const std::string& m) { error(item["type"], m); });
      e.role = type ? type->role : model::Role::Equipment;
      e.location = {file_, where(item).line, where(item).column};
      read_element_common(e, item, type, {"id", "type"});
      add_asset(layer, std::move(e), item["id"]);
    }
  }

  void add_asset(std::uint32_t layer, model::Element e, const YAML::Node& id_node) {
    const std::string full = scenario_.network.layers()[layer].name + "/" + e.local_id;
    if (scenario_.network.find(full)) {
      error(id_node, "duplicate id '" + full + "'");
      return;
    }
    scenario_.network.add_asset(layer, std::move(e));
  }

  std::optional<ElementIndex> endpoint(std::uint32_t layer, const std::string& id,
                                       const std::function<void(const std::string&)>& report) {
    const auto& net = scenario_.network;
    const std::string full = id.find('/') == std::string::npos ? net.layers()[layer].name + "/" + id : id;
    const auto found = net.find(full);
    if (!found || net.element(*found).is_link || net.element(*found).layer != layer) {
      std::vector<std::string> ids;
      for (auto a : net.layers()[layer].assets) ids.push_back(net.element(a).local_id);
      report("link end '" + id + "' is not an asset of layer '" + net.layers()[layer].name + "'" +
             core::did_you_mean(id, ids));
      return std::nullopt;
    }
    return found;
  }

  std::string default_link_type(std::uint32_t layer) const {
    switch (scenario_.network.layers()[layer].kind) {
      case model::LayerKind::Power:
        return "line";
      case model::LayerKind::Transport:
        return "road";
      case model::LayerKind::Cyber:
        return "network_link";
      case model::LayerKind::Other:
        return "link";
    }
    return "link";
  }

  void read_links(std::uint32_t layer, const YAML::Node& node) {
    if (!node.IsSequence()) {
      error(node, "'links' must be a list");
      return;
    }
    for (const auto& item : node) {
      if (!item.IsMap()) {
        error(item, "a link must be a mapping with 'from' and 'to'");
        continue;
      }
      check_duplicate_keys(item);
      if (!item["from"] || !item["to"]) {
        error(item, "a link needs 'from' and 'to'");
        continue;
      }
      model::Element e;
      e.local_id = item["id"] ? text(item["id"], "link id") : generated_link_id(layer);
      if (item["id"] && !valid_id(e.local_id, item["id"], "link id")) continue;
      e.type = item["type"] ? text(item["type"], "link type") : default_link_type(layer);
      e.layer = layer;
      const auto* type = resolve_type(
          layer, e.type, true, [&](const std::string& m) { error(item["type"] ? item["type"] : item, m); });
      e.location = {file_, where(item).line, where(item).column};
      read_element_common(e, item, type, {"id", "type", "from", "to"});
      auto from =
          endpoint(layer, text(item["from"], "from"), [&](const std::string& m) { error(item["from"], m); });
      auto to = endpoint(layer, text(item["to"], "to"), [&](const std::string& m) { error(item["to"], m); });
      if (!from || !to) continue;
      if (*from == *to) {
        error(item, "link '" + e.local_id + "' connects asset '" + item["from"].Scalar() + "' to itself");
        continue;
      }
      const std::string full = scenario_.network.layers()[layer].name + "/" + e.local_id;
      if (scenario_.network.find(full)) {
        error(item["id"] ? item["id"] : item, "duplicate id '" + full + "'");
        continue;
      }
      scenario_.network.add_link(layer, std::move(e), *from, *to);
    }
  }

  std::filesystem::path resolve_path(const YAML::Node& node) { return base_dir_ / node.Scalar(); }

  void read_assets_csv(std::uint32_t layer, const YAML::Node& node) {
    const auto table = csv_at(node, "assets_csv");
    if (!table) return;
    const int id_col = table->column({"id"});
    const int type_col = table->column({"type"});
    const bool any_type = scenario_.network.layers()[layer].kind == model::LayerKind::Other;
    if (id_col < 0 || (type_col < 0 && !any_type)) {
      diagnostics_.error(table->file, 1, 1,
                         std::string("asset CSV needs ") +
                             (id_col < 0 ? "an 'id' column" : "a 'type' column") +
                             " (columns: id, type, then name, operator, x/y or lat/lon, attributes)");
      return;
    }
    for (const auto& row : table->rows) {
      auto report_at = [&](int col) {
        return [this, &table, &row, col](const std::string& m) {
          diagnostics_.error(table->file, row.line, col >= 0 ? row.columns[col] : 1, m);
        };
      };
      model::Element e;
      e.local_id = row.fields[id_col];
      if (!valid_id_text(e.local_id)) {
        report_at(id_col)("asset id '" + e.local_id + "' is empty or contains '/', '*', '?', ',' or spaces");
        continue;
      }
      if (type_col >= 0 && row.fields[type_col].empty() && !any_type) {
        report_at(type_col)("asset '" + e.local_id + "' needs a type");
        continue;
      }
      e.type = type_col >= 0 && !row.fields[type_col].empty() ? row.fields[type_col] : "node";
      e.layer = layer;
      const auto* type = resolve_type(layer, e.type, false, report_at(type_col));
      e.role = type ? type->role : model::Role::Equipment;
      e.location = {table->file, row.line, 1};
      std::optional<double> x, y;
      for (std::size_t c = 0; c < table->header.size(); ++c) {
        const std::string& key = table->header[c];
        const std::string& value = row.fields[c];
        if (static_cast<int>(c) == id_col || static_cast<int>(c) == type_col || value.empty()) continue;
        if (key == "name")
          e.name = value;
        else if (key == "operator")
          e.operator_name = value;
        else if (key == "x" || key == "y" || key == "lon" || key == "lat") {
          auto v = parse_number(value);
          if (!v || !std::isfinite(*v)) {
            report_at(static_cast<int>(c))(key + " must be a finite number, got '" + value + "'");
            continue;
          }
          const double limit = key == "lat" ? 90.0 : key == "lon" ? 180.0 : 1e300;
          if (std::abs(*v) > limit) {
            report_at(static_cast<int>(c))(key + " = " + value + " is out of range [-" +
                                           (key == "lat" ? "90, 90" : "180, 180") + "] degrees");
            continue;
          }
          (key == "x" || key == "lon" ? x : y) = v;
          if (key == "lat" || key == "lon") e.position = model::Position{0, 0, true};
        } else {
          auto v = parse_number(value);
          if (!v) {
            report_at(static_cast<int>(c))("column '" + key + "' must be a number, got '" + value + "'");
            continue;
          }
          set_attribute(e, type, key, *v, report_at(static_cast<int>(c)));
        }
      }
      if (x && y)
        e.position = model::Position{*x, *y, e.position && e.position->geographic};
      else
        e.position.reset();
      const std::string full = scenario_.network.layers()[layer].name + "/" + e.local_id;
      if (scenario_.network.find(full)) {
        report_at(id_col)("duplicate id '" + full + "'");
        continue;
      }
      scenario_.network.add_asset(layer, std::move(e));
    }
  }

  void read_links_csv(std::uint32_t layer, const YAML::Node& node) {
    const auto table = csv_at(node, "links_csv");
    if (!table) return;
    const int from_col = table->column({"from", "u", "source"});
    const int to_col = table->column({"to", "v", "target"});
    const int id_col = table->column({"id"});
    const int type_col = table->column({"type"});
    if (from_col < 0 || to_col < 0) {
      diagnostics_.error(table->file, 1, 1,
                         "link CSV needs 'from' and 'to' columns (or 'u' and 'v', or 'source' and 'target')");
      return;
    }
    for (const auto& row : table->rows) {
      auto report_at = [&](int col) {
        return [this, &table, &row, col](const std::string& m) {
          diagnostics_.error(table->file, row.line, col >= 0 ? row.columns[col] : 1, m);
        };
      };
      model::Element e;
      e.local_id = id_col >= 0 && !row.fields[id_col].empty() ? row.fields[id_col] : generated_link_id(layer);
      if (!valid_id_text(e.local_id)) {
        report_at(id_col)("link id '" + e.local_id + "' contains '/', '*', '?', ',' or spaces");
        continue;
      }
      e.type =
          type_col >= 0 && !row.fields[type_col].empty() ? row.fields[type_col] : default_link_type(layer);
      e.layer = layer;
      const auto* type = resolve_type(layer, e.type, true, report_at(type_col));
      e.location = {table->file, row.line, 1};
      for (std::size_t c = 0; c < table->header.size(); ++c) {
        const int ci = static_cast<int>(c);
        if (ci == from_col || ci == to_col || ci == id_col || ci == type_col || row.fields[c].empty())
          continue;
        if (table->header[c] == "name") {
          e.name = row.fields[c];
          continue;
        }
        if (table->header[c] == "operator") {
          e.operator_name = row.fields[c];
          continue;
        }
        auto v = parse_number(row.fields[c]);
        if (!v) {
          report_at(ci)("column '" + table->header[c] + "' must be a number, got '" + row.fields[c] + "'");
          continue;
        }
        set_attribute(e, type, table->header[c], *v, report_at(ci));
      }
      auto from = endpoint(layer, row.fields[from_col], report_at(from_col));
      auto to = endpoint(layer, row.fields[to_col], report_at(to_col));
      if (!from || !to) continue;
      if (*from == *to) {
        report_at(from_col)("link connects asset '" + row.fields[from_col] + "' to itself");
        continue;
      }
      const std::string full = scenario_.network.layers()[layer].name + "/" + e.local_id;
      if (scenario_.network.find(full)) {
        report_at(id_col)("duplicate id '" + full + "'");
        continue;
      }
      scenario_.network.add_link(layer, std::move(e), *from, *to);
    }
  }

  // ------------------------------------------------------------------------------ references
  //! Resolves an id or glob to elements; reports ids that match nothing with a suggestion.
  std::vector<ElementIndex> targets_of(const YAML::Node& node, const std::string& what) {
    std::vector<ElementIndex> out;
    auto one = [&](const YAML::Node& item) {
      if (!item.IsScalar()) {
        error(item, what + " must be an id, a glob like 'cyber/gw-*', or a list of them");
        return;
      }
      const std::string pattern = item.Scalar();
      auto found = scenario_.network.match(pattern);
      if (found.empty()) {
        std::vector<std::string> ids;
        for (const auto& e : scenario_.network.elements()) ids.push_back(e.id);
        std::string hint = core::did_you_mean(pattern, ids);
        if (pattern.find('/') == std::string::npos && hint.empty())
          hint = " (ids are written layer/asset, e.g. power/" + pattern + ")";
        error(item,
              what + " '" + pattern + "' " +
                  (core::has_glob(pattern) ? "matches no asset" : "refers to an asset that does not exist") +
                  hint);
      }
      out.insert(out.end(), found.begin(), found.end());
    };
    if (node.IsSequence()) {
      if (node.size() == 0) error(node, what + " list is empty: name at least one asset");
      for (const auto& item : node) one(item);
    } else {
      one(node);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  std::optional<ElementIndex> single_target(const YAML::Node& node, const std::string& what) {
    auto found = targets_of(node, what);
    if (found.size() > 1) {
      error(node, what + " must name exactly one asset, but '" + node.Scalar() + "' matches " +
                      std::to_string(found.size()));
      return std::nullopt;
    }
    if (found.empty()) return std::nullopt;
    return found.front();
  }

  // ------------------------------------------------------------------------------ dependencies
  void read_dependencies(const YAML::Node& node) {
    if (!node.IsSequence()) {
      error(node, "'dependencies' must be a list");
      return;
    }
    for (const auto& item : node) {
      if (!expect_map(item, "a dependency",
                      {"dependent", "supplier", "kind", "effect", "delay", "backup", "factor", "note"}))
        continue;
      if (!item["dependent"] || !item["supplier"] || !item["kind"]) {
        error(item,
              "a dependency needs 'dependent', 'supplier' and 'kind' (the dependent needs the supplier)");
        continue;
      }
      const auto dependents = targets_of(item["dependent"], "dependent");
      const auto supplier = single_target(item["supplier"], "supplier");
      model::Dependency dep;
      const std::string kind_text = text(item["kind"], "dependency kind");
      const auto kind = model::parse_dependency_kind(kind_text);
      if (!kind) {
        const std::vector<std::string> kinds{"power",         "control", "monitoring",
                                             "communication", "fuel",    "access"};
        error(item["kind"], "unknown dependency kind '" + kind_text + "'" +
                                core::did_you_mean(kind_text, kinds) + "; use " + core::join(kinds, ", "));
        continue;
      }
      dep.kind = *kind;
      dep.effect = model::default_effect(*kind);
      if (item["effect"]) {
        const std::string t = text(item["effect"], "effect");
        auto effect = model::parse_dependency_effect(t);
        if (!effect) {
          const std::vector<std::string> effects{"fail", "degrade", "lose_control", "lose_view",
                                                 "block_access"};
          error(item["effect"], "unknown effect '" + t + "'" + core::did_you_mean(t, effects) + "; use " +
                                    core::join(effects, ", "));
          continue;
        }
        dep.effect = *effect;
      }
      if (item["factor"]) {
        if (auto f = number_of(item["factor"], "factor", 0.0, 1.0)) dep.degrade_factor = *f;
        if (dep.effect != model::DependencyEffect::Degrade)
          warning(item["factor"], "'factor' only matters with effect: degrade");
      }
      if (item["delay"])
        if (auto d = duration_of(item["delay"], "delay")) dep.delay_min = *d;
      if (item["backup"]) read_backup(dep, item["backup"]);
      if (!supplier) continue;
      dep.supplier = *supplier;
      dep.location = {file_, where(item).line, where(item).column};
      for (auto d : dependents) {
        if (d == *supplier) {
          error(item, "'" + scenario_.network.element(d).id + "' cannot depend on itself");
          continue;
        }
        dep.dependent = d;
        scenario_.network.add_dependency(dep);
      }
    }
  }

  void read_backup(model::Dependency& dep, const YAML::Node& node) {
    if (node.IsScalar()) {
      if (auto m = duration_of(node, "backup")) dep.backup_min = *m;
      return;
    }
    if (!expect_map(node, "backup", {"kind", "autonomy"})) return;
    if (!node["autonomy"]) {
      error(node, "backup needs 'autonomy' (how long it carries the load, e.g. 4h)");
      return;
    }
    if (auto m = duration_of(node["autonomy"], "backup autonomy")) dep.backup_min = *m;
    if (node["kind"]) dep.backup_kind = text(node["kind"], "backup kind");
  }

  void read_dependencies_csv(const YAML::Node& node) {
    const auto table = csv_at(node, "dependencies_csv");
    if (!table) return;
    const int dep_col = table->column({"dependent", "from"});
    const int sup_col = table->column({"supplier", "to"});
    const int kind_col = table->column({"kind"});
    const int delay_col = table->column({"delay"});
    const int backup_col = table->column({"backup"});
    const int effect_col = table->column({"effect"});
    const int factor_col = table->column({"factor"});
    if (dep_col < 0 || sup_col < 0) {
      diagnostics_.error(table->file, 1, 1,
                         "dependency CSV needs 'dependent' and 'supplier' columns (or 'from' and 'to')");
      return;
    }
    const std::vector<std::string> columns{"dependent", "supplier", "from",   "to",    "kind",
                                           "delay",     "backup",   "effect", "factor"};
    bool bad_header = false;
    for (std::size_t c = 0; c < table->header.size(); ++c)
      if (std::find(columns.begin(), columns.end(), table->header[c]) == columns.end()) {
        diagnostics_.error(table->file, 1, 1,
                           "unknown column '" + table->header[c] + "' in dependency CSV" +
                               core::did_you_mean(table->header[c], columns) +
                               "; allowed: " + core::join(columns, ", "));
        bad_header = true;
      }
    if (bad_header) return;
    for (const auto& row : table->rows) {
      auto report = [&](int col, const std::string& m) {
        diagnostics_.error(table->file, row.line, col >= 0 ? row.columns[col] : 1, m);
      };
      model::Dependency dep;
      if (kind_col >= 0 && !row.fields[kind_col].empty()) {
        auto kind = model::parse_dependency_kind(row.fields[kind_col]);
        if (!kind) {
          report(kind_col, "unknown dependency kind '" + row.fields[kind_col] + "'");
          continue;
        }
        dep.kind = *kind;
      }
      dep.effect = model::default_effect(dep.kind);
      if (effect_col >= 0 && !row.fields[effect_col].empty()) {
        auto effect = model::parse_dependency_effect(row.fields[effect_col]);
        if (!effect) {
          report(effect_col, "unknown effect '" + row.fields[effect_col] +
                                 "'; use fail, degrade, lose_control, lose_view or block_access");
          continue;
        }
        dep.effect = *effect;
      }
      if (factor_col >= 0 && !row.fields[factor_col].empty()) {
        auto f = parse_number(row.fields[factor_col]);
        if (!f || !(*f >= 0.0 && *f <= 1.0)) {
          report(factor_col, "factor must be a number between 0 and 1, got '" + row.fields[factor_col] + "'");
          continue;
        }
        dep.degrade_factor = *f;
      }
      auto find = [&](int col) -> std::optional<ElementIndex> {
        auto found = scenario_.network.find(row.fields[col]);
        if (!found) report(col, "'" + row.fields[col] + "' refers to an asset that does not exist");
        return found;
      };
      auto d = find(dep_col), s = find(sup_col);
      if (delay_col >= 0 && !row.fields[delay_col].empty()) {
        std::string why;
        auto m = core::parse_duration(row.fields[delay_col], &why);
        if (!m || m->minutes < 0) {
          report(delay_col, "delay: " + (m ? std::string("must not be negative") : why));
          continue;
        }
        dep.delay_min = m->minutes;
      }
      if (backup_col >= 0 && !row.fields[backup_col].empty()) {
        std::string why;
        auto m = core::parse_duration(row.fields[backup_col], &why);
        if (!m || m->minutes < 0) {
          report(backup_col, "backup: " + (m ? std::string("must not be negative") : why));
          continue;
        }
        dep.backup_min = m->minutes;
      }
      if (!d || !s) continue;
      if (*d == *s) {
        report(dep_col, "'" + row.fields[dep_col] + "' cannot depend on itself");
        continue;
      }
      dep.dependent = *d;
      dep.supplier = *s;
      dep.location = {table->file, row.line, 1};
      scenario_.network.add_dependency(dep);
    }
  }

  //! A cycle of hard dependencies without backup can never come back once broken (a black-start
  //! problem): legal, but worth a warning.
  void check_dependency_cycles() {
    const auto& net = scenario_.network;
    const auto& deps = net.dependencies();
    const std::size_t n = net.size();
    std::vector<std::vector<ElementIndex>> next(n);
    for (const auto& d : deps)
      if (d.effect == model::DependencyEffect::Fail && !d.backup_min)
        next[d.dependent].push_back(d.supplier);
    std::vector<char> colour(n, 0);
    for (ElementIndex start = 0; start < n; ++start) {
      if (colour[start] || next[start].empty()) continue;
      std::vector<std::pair<ElementIndex, std::size_t>> stack{{start, 0}};
      colour[start] = 1;
      while (!stack.empty()) {
        auto& [v, i] = stack.back();
        if (i < next[v].size()) {
          const ElementIndex w = next[v][i++];
          if (colour[w] == 1) {
            const auto& e = net.element(w);
            diagnostics_.warning(e.location.file, e.location.line, e.location.column,
                                 "'" + e.id +
                                     "' is part of a cycle of hard dependencies without backup: once any "
                                     "member fails, none of them can come back");
            colour[w] = 3;
          } else if (colour[w] == 0) {
            colour[w] = 1;
            stack.emplace_back(w, 0);
          }
        } else {
          if (colour[v] == 1) colour[v] = 2;
          stack.pop_back();
        }
      }
    }
  }

  // ------------------------------------------------------------------------------ resources
  void read_crews(const YAML::Node& node) {
    crews_declared_empty_ = node.IsSequence() && node.size() == 0;
    if (!node.IsSequence()) {
      error(node, "'crews' must be a list of {operator, count, travel}");
      return;
    }
    for (const auto& item : node) {
      if (!expect_map(item, "a crew pool", {"operator", "count", "travel"})) continue;
      if (!item["operator"]) {
        error(item, "a crew pool needs an 'operator' (use 'default' for crews that serve every operator)");
        continue;
      }
      model::CrewPool pool;
      pool.operator_name = text(item["operator"], "operator");
      pool.location = {file_, where(item).line, where(item).column};
      if (item["count"])
        if (auto c = integer_of(item["count"], "crew count", 0, 100000)) pool.count = static_cast<int>(*c);
      if (item["travel"])
        if (auto d = distribution_of(item["travel"], "travel")) pool.travel = *d;
      if (scenario_.crews.count(pool.operator_name)) {
        error(item["operator"], "crews for operator '" + pool.operator_name + "' are defined twice");
        continue;
      }
      scenario_.crews[pool.operator_name] = pool;
    }
  }

  bool has_crews(const std::string& op) const {
    const auto it = scenario_.crews.find(op);
    return it != scenario_.crews.end() && it->second.count > 0;
  }

  void check_crews() {
    // Assets that events damage but that no crew can reach stay broken: say so once per operator.
    if (diagnostics_.has_errors()) return;  // event actions may not be what they seem
    if (crews_declared_empty_) return;      // `crews: []`: no crews by design
    std::set<std::string> reported;
    for (const auto& event : scenario_.events)
      for (auto target : event.targets) {
        const auto& e = scenario_.network.element(target);
        if (has_crews(e.operator_name) || (!scenario_.crews.count(e.operator_name) && has_crews("default")))
          continue;
        if (event.action == model::Action::DenyService || event.action == model::Action::DisableBackup ||
            event.action == model::Action::Restore || !reported.insert(e.operator_name).second)
          continue;
        const std::string who = e.operator_name.empty()
                                    ? "it has no operator and there are no 'default' crews"
                                    : "its operator '" + e.operator_name + "' has no crews";
        diagnostics_.warning(file_, event.location.line, event.location.column,
                             "event '" + event.id + "' damages '" + e.id + "', but " + who +
                                 ": on-site repairs will never start");
      }
  }

  void read_restoration(const YAML::Node& node) {
    if (!expect_map(node, "restoration", {"detection", "detection_without_view"})) return;
    if (node["detection"])
      if (auto d = distribution_of(node["detection"], "detection")) scenario_.restoration.detection = *d;
    if (node["detection_without_view"])
      if (auto d = distribution_of(node["detection_without_view"], "detection_without_view"))
        scenario_.restoration.detection_without_view = *d;
  }

  // ------------------------------------------------------------------------------ events
  void read_events(const YAML::Node& node) {
    if (!node.IsSequence()) {
      error(node, "'events' must be a list");
      return;
    }
    std::set<std::string> ids;
    std::size_t ordinal = 0;
    for (const auto& item : node) {
      ++ordinal;
      if (!expect_map(item, "an event",
                      {"id", "at", "action", "targets", "technique", "description", "duration", "probability",
                       "choose", "select"}))
        continue;
      model::Event event;
      event.id = item["id"] ? text(item["id"], "event id") : "event-" + std::to_string(ordinal);
      if (!ids.insert(event.id).second)
        error(item["id"] ? item["id"] : item, "duplicate event id '" + event.id + "'");
      event.location = {file_, where(item).line, where(item).column};
      if (!item["at"])
        error(item, "event '" + event.id + "' needs 'at' (time after the scenario start, e.g. 15min)");
      else if (auto at = duration_of(item["at"], "at")) {
        event.at_min = *at;
        if (*at > scenario_.horizon_min)
          warning(item["at"], "event '" + event.id + "' is after the horizon and will not happen");
      }
      if (!item["action"]) {
        error(item, "event '" + event.id + "' needs an 'action'");
      } else {
        const std::string a = text(item["action"], "action");
        auto action = model::parse_action(a);
        if (!action) {
          error(item["action"], "unknown action '" + a + "'" + core::did_you_mean(a, model::action_names()) +
                                    "; use " + core::join(model::action_names(), ", "));
        } else {
          event.action = *action;
        }
      }
      if (!item["targets"])
        error(item, "event '" + event.id + "' needs 'targets'");
      else {
        event.targets = targets_of(item["targets"], "target");
        event.target_pattern = item["targets"].IsScalar() ? item["targets"].Scalar() : "(list)";
      }
      if (item["technique"]) {
        event.technique = text(item["technique"], "technique");
        const auto& t = event.technique;
        auto digits = [&](std::size_t from, std::size_t to) {
          return std::all_of(t.begin() + static_cast<long>(from), t.begin() + static_cast<long>(to),
                             [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        };
        const bool ok =
            (t.size() == 5 || (t.size() == 9 && t[5] == '.' && digits(6, 9))) && t[0] == 'T' && digits(1, 5);
        if (!ok) error(item["technique"], "technique '" + t + "' is not a MITRE ATT&CK id such as T0831");
      }
      if (item["description"]) event.description = text(item["description"], "description");
      if (item["probability"]) {
        if (item["probability"].IsScalar()) {
          if (auto p = number_of(item["probability"], "probability", 0.0, 1.0))
            event.probability = core::DurationDistribution::fixed(*p);
        } else if (auto d = probability_distribution_of(item["probability"])) {
          event.probability = *d;
        }
      }
      if (item["choose"])
        if (auto k = integer_of(item["choose"], "choose", 1, 1e9)) event.choose = static_cast<int>(*k);
      if (item["select"]) {
        const std::string how = text(item["select"], "select");
        const std::vector<std::string> ways{"random", "highest_degree", "highest_betweenness"};
        if (how == "random")
          event.selection = model::Event::Selection::Random;
        else if (how == "highest_degree")
          event.selection = model::Event::Selection::HighestDegree;
        else if (how == "highest_betweenness")
          event.selection = model::Event::Selection::HighestBetweenness;
        else
          error(item["select"], "unknown selection '" + how + "'" + core::did_you_mean(how, ways) + "; use " +
                                    core::join(ways, ", "));
        if (!item["choose"]) error(item["select"], "'select' needs 'choose: k' (how many targets to pick)");
      }
      if (item["duration"]) {
        if (auto d = distribution_of(item["duration"], "duration")) event.duration = *d;
        if (event.action != model::Action::DenyService)
          warning(item["duration"], "'duration' only applies to deny_service events");
      } else if (event.action == model::Action::DenyService && item["action"]) {
        error(item, "deny_service event '" + event.id + "' needs a 'duration'");
      }
      scenario_.events.push_back(std::move(event));
    }
  }

  // ------------------------------------------------------------------------------ mitigations
  void read_mitigations(const YAML::Node& node) {
    if (!node.IsSequence()) {
      error(node, "'mitigations' must be a list");
      return;
    }
    for (const auto& item : node) {
      if (!expect_map(
              item, "a mitigation",
              {"name", "description", "crews", "assets", "disable_events", "add_backup", "remove_backup"}))
        continue;
      model::Mitigation m;
      if (!item["name"]) {
        error(item, "a mitigation needs a 'name'");
        continue;
      }
      m.name = text(item["name"], "mitigation name");
      if (scenario_.find_mitigation(m.name)) error(item["name"], "duplicate mitigation '" + m.name + "'");
      if (item["description"]) m.description = text(item["description"], "description");
      m.location = {file_, where(item).line, where(item).column};
      if (const auto crews = item["crews"]) {
        if (!crews.IsSequence())
          error(crews, "mitigation crews must be a list of {operator, count, travel}");
        else
          for (const auto& c : crews) {
            if (!expect_map(c, "a crew change", {"operator", "count", "travel"})) continue;
            model::MitigationChange change;
            change.kind = model::MitigationChange::Kind::SetCrews;
            if (!c["operator"]) {
              error(c, "a crew change needs 'operator'");
              continue;
            }
            change.operator_name = text(c["operator"], "operator");
            if (c["count"])
              if (auto v = integer_of(c["count"], "crew count", 0, 100000))
                change.crew_count = static_cast<int>(*v);
            if (c["travel"]) change.travel = distribution_of(c["travel"], "travel");
            m.changes.push_back(std::move(change));
          }
      }
      if (const auto assets = item["assets"]) {
        if (!assets.IsSequence())
          error(assets, "mitigation assets must be a list of {targets, set, repair}");
        else
          for (const auto& a : assets) read_asset_change(m, a);
      }
      if (const auto events = item["disable_events"]) {
        std::vector<std::string> known;
        for (const auto& e : scenario_.events) known.push_back(e.id);
        auto one = [&](const YAML::Node& n) {
          const std::string id = text(n, "event id");
          if (std::find(known.begin(), known.end(), id) == known.end()) {
            error(n, "disable_events names unknown event '" + id + "'" + core::did_you_mean(id, known));
            return;
          }
          model::MitigationChange change;
          change.kind = model::MitigationChange::Kind::DisableEvent;
          change.event_id = id;
          m.changes.push_back(std::move(change));
        };
        if (events.IsSequence())
          for (const auto& e : events) one(e);
        else
          one(events);
      }
      for (const char* key : {"add_backup", "remove_backup"}) {
        const auto b = item[key];
        if (!b) continue;
        const bool add = std::string(key) == "add_backup";
        if (!expect_map(
                b, key,
                add ? std::vector<std::string>{"targets", "autonomy"} : std::vector<std::string>{"targets"}))
          continue;
        model::MitigationChange change;
        change.kind =
            add ? model::MitigationChange::Kind::AddBackup : model::MitigationChange::Kind::RemoveBackup;
        if (!b["targets"]) {
          error(b, std::string(key) + " needs 'targets'");
          continue;
        }
        change.targets = targets_of(b["targets"], "target");
        if (add) {
          if (!b["autonomy"]) {
            error(b, "add_backup needs 'autonomy'");
            continue;
          }
          if (auto d = duration_of(b["autonomy"], "autonomy")) change.backup_min = *d;
        }
        m.changes.push_back(std::move(change));
      }
      scenario_.mitigations.push_back(std::move(m));
    }
  }

  void read_asset_change(model::Mitigation& m, const YAML::Node& a) {
    if (!expect_map(a, "an asset change", {"targets", "set", "repair"})) return;
    if (!a["targets"]) {
      error(a, "an asset change needs 'targets'");
      return;
    }
    const auto targets = targets_of(a["targets"], "target");
    if (const auto set = a["set"]) {
      if (!set.IsMap())
        error(set, "'set' must map attribute names to values");
      else
        for (const auto& kv : set) {
          const std::string key = kv.first.Scalar();
          const auto* spec = model::AssetTypeRegistry::builtin().find_attribute(key);
          if (!spec) {
            std::vector<std::string> names;
            for (const auto& s : model::AssetTypeRegistry::builtin().attributes()) names.push_back(s.name);
            error(kv.first, "unknown attribute '" + key + "'" + core::did_you_mean(key, names));
            continue;
          }
          std::optional<double> v;
          if (kv.second.IsScalar() && (kv.second.Scalar() == "true" || kv.second.Scalar() == "false"))
            v = kv.second.Scalar() == "true" ? 1.0 : 0.0;
          else
            v = number_of(kv.second, key, spec->min_value, spec->max_value, spec->unit);
          if (!v) continue;
          model::MitigationChange change;
          change.kind = model::MitigationChange::Kind::SetAttribute;
          change.targets = targets;
          change.attribute = key;
          change.value = *v;
          m.changes.push_back(std::move(change));
        }
    }
    if (const auto repair = a["repair"]) {
      if (!expect_map(repair, "repair", {"remote", "manual", "repair", "reimage", "cleanup", "replacement"}))
        return;
      for (const auto& kv : repair) {
        auto d = distribution_of(kv.second, "repair." + kv.first.Scalar());
        if (!d) continue;
        model::MitigationChange change;
        change.kind = model::MitigationChange::Kind::SetRepair;
        change.targets = targets;
        change.attribute = kv.first.Scalar();
        change.repair_time = *d;
        m.changes.push_back(std::move(change));
      }
    }
  }

  std::string file_;
  std::filesystem::path base_dir_;
  core::Diagnostics diagnostics_;
  model::Scenario scenario_;
  bool crews_declared_empty_ = false;
};

}  // namespace

LoadResult load_scenario_text(std::string_view text, const std::string& display_name,
                              const std::filesystem::path& base_dir) {
  Loader loader(display_name, base_dir);
  return loader.load(text);
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
