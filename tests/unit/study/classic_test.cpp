// Classic models chosen by a scenario: the loader's `classic_model:` key, one run through the
// study module, and sweeps over p and alpha.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/study/classic.hpp"

using namespace blackstart;
namespace fs = std::filesystem;

namespace {
io::LoadResult load(const std::string& text, const fs::path& dir = fs::temp_directory_path()) {
  return io::load_scenario_text(text, "classic.yaml", dir);
}

std::string header(const std::string& classic) {
  return "blackstart: 1\nname: classic\nseed: 7\nclassic_model: " + classic + "\n";
}

std::string errors(const io::LoadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics.items()) out += core::format(d) + "\n";
  return out;
}

//! mu = p (1 - exp(-k mu))^2, upper branch (see tests/unit/analysis/percolation_test.cpp).
double analytic_mu(double p, double k) {
  double mu = p;
  for (int i = 0; i < 2'000'000; ++i) {
    const double next = p * std::pow(1.0 - std::exp(-k * mu), 2);
    if (std::abs(next - mu) < 1e-15) break;
    mu = next;
  }
  return mu;
}

fs::path write_files() {
  const auto dir = fs::temp_directory_path() / "blackstart-classic-test";
  fs::create_directories(dir);
  std::ofstream(dir / "a.csv") << "u,v\na,b\nb,c\nc,d\nd,a\n";
  std::ofstream(dir / "b.csv") << "u,v\nw,x\nx,y\ny,z\n";
  std::ofstream(dir / "deps.csv") << "from,to\na,w\nb,x\nc,y\nd,z\n";
  std::ofstream(dir / "small.csv") << "u,v\np,q\nq,r\n";
  std::ofstream(dir / "star.csv") << "u,v\nhub,a\nhub,b\nhub,c\nhub,d\na,b\n";
  return dir;
}
}  // namespace

TEST_CASE("loader accepts classic_model specs without layers", "[study][classic]") {
  const auto dir = write_files();
  SECTION("files, paths resolved against the scenario folder") {
    const auto r = load(header("{kind: mutual_percolation, layer_a: a.csv, layer_b: b.csv, dependencies: "
                               "deps.csv, p: 0.7, seed: 3}"),
                        dir);
    INFO(errors(r));
    REQUIRE(r.ok());
    const auto& spec = *r.scenario->classic_model;
    CHECK(spec.kind == model::ClassicModelSpec::Kind::MutualPercolation);
    CHECK(fs::path(spec.layer_a) == dir / "a.csv");
    CHECK(fs::path(spec.dependencies) == dir / "deps.csv");
    CHECK(spec.p == 0.7);
    CHECK(spec.seed == std::optional<std::uint64_t>(3));
    CHECK(r.scenario->network.layers().empty());
  }
  SECTION("generated Motter-Lai") {
    const auto r = load(header(
        "{kind: motter_lai, generate: {model: barabasi_albert, n: 200, m: 2}, alpha: 0.1, attack: random}"));
    INFO(errors(r));
    REQUIRE(r.ok());
    const auto& spec = *r.scenario->classic_model;
    CHECK(spec.kind == model::ClassicModelSpec::Kind::MotterLai);
    CHECK(spec.generator == "barabasi_albert");
    CHECK(spec.n == 200);
    CHECK(spec.m == 2);
    CHECK(spec.alpha == 0.1);
    CHECK(spec.attack == model::ClassicModelSpec::Attack::Random);
  }
}

TEST_CASE("loader rejects bad classic_model specs with file:line:col", "[study][classic]") {
  const auto dir = write_files();
  const std::vector<std::pair<std::string, std::string>> cases{
      {"{kind: percolation, generate: {model: erdos_renyi, n: 10, mean_degree: 2}}",
       "classic.yaml:4:23: error: unknown classic model 'percolation'"},
      {"{kind: mutual_percolation, generate: {model: erdos_renyi, n: 10, mean_degree: 2}, p: 2}",
       "p = 2 is out of range"},
      {"{kind: mutual_percolation, layer_a: a.csv}", "needs 'layer_a' and 'layer_b'"},
      {"{kind: mutual_percolation, layer_a: a.csv, layer_b: nope.csv}",
       "cannot open layer_b file 'nope.csv'"},
      {"{kind: motter_lai, layer: star.csv, attack: biggest}", "unknown attack 'biggest'"},
      {"{kind: motter_lai, layer: star.csv, p: 0.5}", "'p' does not apply to kind motter_lai"},
      {"{kind: motter_lai, generate: {model: barabasi_albert, n: 10, m: 10}}", "m must be smaller than n"},
      {"{kind: motter_lai, generate: {model: watts_strogatz, n: 10}}",
       "unknown graph model 'watts_strogatz'"},
      {"{kind: motter_lai, layer: star.csv, generate: {model: erdos_renyi, n: 10, mean_degree: 2}}",
       "'layer' and 'generate' exclude each other"},
  };
  for (const auto& [spec, message] : cases) {
    const auto r = load(header(spec), dir);
    const auto text = errors(r);
    INFO(spec << "\n" << text);
    CHECK_FALSE(r.ok());
    CHECK(text.find(message) != std::string::npos);
  }
  // Without classic_model, layers are still required.
  CHECK(errors(load("blackstart: 1\nname: x\n")).find("missing 'layers'") != std::string::npos);
}

TEST_CASE("generated coupled ER scenario gives the analytic mu", "[study][classic]") {
  const auto r =
      load(header("{kind: mutual_percolation, generate: {model: erdos_renyi, n: 20000, mean_degree: 4}, "
                  "p: 0.75}"));
  REQUIRE(r.ok());
  core::Diagnostics diagnostics;
  const auto result = study::run_classic_model(*r.scenario->classic_model, r.scenario->seed, diagnostics);
  REQUIRE(result);
  CHECK(result->seed == 7);
  CHECK(result->nodes_a == 20000);
  CHECK(result->removed == 5000);
  CHECK(result->mu == Approx(analytic_mu(0.75, 4)).margin(0.015));
  CHECK(result->stages > 0);
}

TEST_CASE("classic models from files: dependencies, Motter-Lai, sweeps", "[study][classic]") {
  const auto dir = write_files();
  SECTION("percolation on files; the nested sweep with one run equals run") {
    const auto r =
        load(header("{kind: mutual_percolation, layer_a: a.csv, layer_b: b.csv, dependencies: deps.csv, "
                    "p: 1}"),
             dir);
    REQUIRE(r.ok());
    core::Diagnostics diagnostics;
    const auto result = study::run_classic_model(*r.scenario->classic_model, 1, diagnostics);
    REQUIRE(result);
    CHECK(result->mu == 1.0);  // both rings/paths connected, nothing removed
    study::ClassicSweepOptions options;
    options.parameter = "p";
    options.from = 0;
    options.to = 1;
    options.step = 0.25;
    const auto rows = study::run_classic_sweep(*r.scenario->classic_model, 1, options, diagnostics, nullptr);
    REQUIRE(rows.size() == 5);
    CHECK(rows.back().metric.mean == 1.0);
    CHECK(rows.front().metric.mean == 0.0);
  }
  SECTION("Motter-Lai on a star-like graph: the hub goes first, G falls") {
    const auto r =
        load(header("{kind: motter_lai, layer: star.csv, alpha: 0.5, attack: highest_degree}"), dir);
    REQUIRE(r.ok());
    core::Diagnostics diagnostics;
    const auto result = study::run_classic_model(*r.scenario->classic_model, 1, diagnostics);
    REQUIRE(result);
    CHECK(result->nodes_a == 5);
    CHECK(result->g < 1.0);
    std::string error;
    study::ClassicSweepOptions options;
    options.parameter = "p";
    options.from = 0;
    options.to = 1;
    CHECK(study::run_classic_sweep(*r.scenario->classic_model, 1, options, diagnostics, &error).empty());
    CHECK(error.find("use alpha") != std::string::npos);
  }
  SECTION("unequal layers without a dependency file are an error") {
    const auto r = load(header("{kind: mutual_percolation, layer_a: a.csv, layer_b: small.csv}"), dir);
    REQUIRE(r.ok());
    core::Diagnostics diagnostics;
    CHECK_FALSE(study::run_classic_model(*r.scenario->classic_model, 1, diagnostics));
    CHECK(diagnostics.has_errors());
  }
}

TEST_CASE("percolation sweep over runs: bands and thread independence", "[study][classic]") {
  const auto r =
      load(header("{kind: mutual_percolation, generate: {model: erdos_renyi, n: 5000, mean_degree: 4}}"));
  REQUIRE(r.ok());
  study::ClassicSweepOptions options;
  options.parameter = "p";
  options.from = 0.5;
  options.to = 0.9;
  options.step = 0.1;
  options.runs = 6;
  options.threads = 1;
  core::Diagnostics diagnostics;
  const auto one = study::run_classic_sweep(*r.scenario->classic_model, 7, options, diagnostics, nullptr);
  options.threads = 3;
  const auto three = study::run_classic_sweep(*r.scenario->classic_model, 7, options, diagnostics, nullptr);
  REQUIRE(one.size() == 5);
  CHECK(study::classic_sweep_csv("p", "mu", one) == study::classic_sweep_csv("p", "mu", three));
  CHECK(one[0].metric.mean == 0.0);  // p = 0.5 < p_c
  for (std::size_t i = 1; i < one.size(); ++i) CHECK(one[i].metric.mean >= one[i - 1].metric.mean);
  CHECK(one.back().metric.p5 <= one.back().metric.p50);
  CHECK(one.back().metric.p50 <= one.back().metric.p95);
  CHECK(one.back().metric.p5 < one.back().metric.p95);  // different seeds per run
}
