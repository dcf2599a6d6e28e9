#include "classic_model_reader.hpp"

#include <algorithm>

#include "blackstart/core/text.hpp"

namespace blackstart::io {

namespace {

//! `generate: {model: erdos_renyi|barabasi_albert, n, mean_degree | m}`.
void read_generator(YamlReader& yaml, const YAML::Node& node, model::ClassicModelSpec& spec) {
  if (!yaml.expect_map(node, "generate", {"model", "n", "mean_degree", "m"})) return;
  const std::vector<std::string> models{"erdos_renyi", "barabasi_albert"};
  if (!node["model"]) {
    yaml.error(node, "generate needs a 'model': " + core::join(models, " or "));
    return;
  }
  const std::string name = yaml.text(node["model"], "model");
  if (std::find(models.begin(), models.end(), name) == models.end()) {
    yaml.error(node["model"], "unknown graph model '" + name + "'" + core::did_you_mean(name, models) +
                                  "; use " + core::join(models, " or "));
    return;
  }
  spec.generator = name;
  const bool er = name == "erdos_renyi";
  if (!node["n"])
    yaml.error(node, "generate needs 'n', the number of nodes");
  else if (auto v = yaml.integer_of(node["n"], "n", 2, 100'000'000))
    spec.n = static_cast<std::uint32_t>(*v);
  const char* needed = er ? "mean_degree" : "m";
  const char* other = er ? "m" : "mean_degree";
  if (node[other]) yaml.error(node[other], std::string("'") + other + "' does not apply to " + name);
  if (!node[needed]) {
    yaml.error(node, "generate with " + name + " needs '" + needed + "'");
  } else if (er) {
    if (auto v = yaml.number_of(node["mean_degree"], "mean_degree", 0.0, 1e6)) {
      if (spec.n > 1 && *v > spec.n - 1.0)
        yaml.error(node["mean_degree"], "mean_degree must be at most n - 1");
      else
        spec.mean_degree = *v;
    }
  } else if (auto v = yaml.integer_of(node["m"], "m", 1, 1e6)) {
    if (spec.n > 0 && *v >= spec.n)
      yaml.error(node["m"], "m must be smaller than n");
    else
      spec.m = static_cast<std::uint32_t>(*v);
  }
}

}  // namespace

void read_classic_model(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario) {
  if (!yaml.expect_map(node, "classic_model",
                       {"kind", "layer_a", "layer_b", "dependencies", "layer", "generate", "p", "alpha",
                        "attack", "seed"}))
    return;
  model::ClassicModelSpec spec;
  spec.location = yaml.location(node);
  const std::vector<std::string> kinds{"mutual_percolation", "motter_lai"};
  if (!node["kind"]) {
    yaml.error(node, "classic_model needs a 'kind': " + core::join(kinds, " or "));
    return;
  }
  const std::string kind = yaml.text(node["kind"], "kind");
  if (kind == "mutual_percolation") {
    spec.kind = model::ClassicModelSpec::Kind::MutualPercolation;
  } else if (kind == "motter_lai") {
    spec.kind = model::ClassicModelSpec::Kind::MotterLai;
  } else {
    yaml.error(node["kind"], "unknown classic model '" + kind + "'" + core::did_you_mean(kind, kinds) +
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
        if (item.first.Scalar() == key)
          yaml.error(item.first, "'" + key + "' does not apply to kind " + kind);
    }
  auto path_of = [&](const char* key) -> std::string {
    if (!node[key]) return {};
    auto s = yaml.string_of(node[key], key);
    if (!s || s->empty()) {
      if (s) yaml.error(node[key], std::string(key) + " must name a CSV file");
      return {};
    }
    const auto path = yaml.resolve_path(node[key]);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
      yaml.error(node[key], "cannot open " + std::string(key) + " file '" + *s + "'");
    return path.string();
  };
  if (node["generate"]) {
    for (const char* key : {"layer_a", "layer_b", "dependencies", "layer"})
      if (node[key]) yaml.error(node[key], std::string("'") + key + "' and 'generate' exclude each other");
    read_generator(yaml, node["generate"], spec);
  } else if (percolation) {
    if (!node["layer_a"] || !node["layer_b"])
      yaml.error(node, "mutual_percolation needs 'layer_a' and 'layer_b' (CSV edge lists) or 'generate'");
    spec.layer_a = path_of("layer_a");
    spec.layer_b = path_of("layer_b");
    spec.dependencies = path_of("dependencies");
  } else {
    if (!node["layer"]) yaml.error(node, "motter_lai needs 'layer' (a CSV edge list) or 'generate'");
    spec.layer_a = path_of("layer");
  }
  if (percolation && node["p"])
    if (auto v = yaml.number_of(node["p"], "p", 0.0, 1.0)) spec.p = *v;
  if (!percolation && node["alpha"])
    if (auto v = yaml.number_of(node["alpha"], "alpha", 0.0, 1e6)) spec.alpha = *v;
  if (!percolation && node["attack"]) {
    const auto attacks = model::classic_attack_names();
    const std::string a = yaml.text(node["attack"], "attack");
    if (const auto parsed = model::parse_classic_attack(a))
      spec.attack = *parsed;
    else
      yaml.error(node["attack"], "unknown attack '" + a + "'" + core::did_you_mean(a, attacks) + "; use " +
                                     core::join(attacks, ", "));
  }
  if (node["seed"])
    if (auto v = yaml.integer_of(node["seed"], "seed", 0, 9007199254740991.0))
      spec.seed = static_cast<std::uint64_t>(*v);
  scenario.classic_model = std::move(spec);
}

}  // namespace blackstart::io
