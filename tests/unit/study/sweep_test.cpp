// Parameter sweeps: ensembles over a scenario parameter, and `blackstart sweep` end to end.
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "blackstart/study/sweep.hpp"
#include "support/cli_runner.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;
namespace fs = std::filesystem;

namespace {
//! Three substations behind one infeed, all opened at t = 0; crews of "grid" travel uniform(0, 60)
//! min. More crews work in parallel, so restoration cannot take longer.
model::Scenario three_substations() {
  test::WorldBuilder w;
  const auto infeed = w.asset("power/infeed", "infeed");
  std::vector<model::ElementIndex> subs;
  for (int i = 0; i < 3; ++i) {
    const auto n = std::to_string(i);
    const auto sub = w.asset("power/sub-" + n, "substation");
    const auto load = w.asset("power/load-" + n, "load", {0, 1, 500});
    w.link("power/in-" + n, infeed, sub);
    w.link("power/out-" + n, sub, load);
    subs.push_back(sub);
  }
  w.crews("grid", 1, 0);
  w.scenario.crews["grid"].travel = {core::DurationDistribution::Kind::Uniform, 0, 60, 0, 0};
  w.scenario.horizon_min = 600;
  auto& e = w.event("open", 0, model::Action::OpenBreaker, {});
  e.targets = subs;
  return w.scenario;
}

std::size_t metric(const std::string& name) {
  const auto& names = study::headline_metric_names();
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

using blackstart::test::run_cli;

std::vector<std::string> lines_of(const fs::path& p) {
  std::ifstream in(p);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}
}  // namespace

TEST_CASE("sweep over crew count: mean restoration time does not grow with more crews", "[study][sweep]") {
  const auto scenario = three_substations();
  study::SweepOptions options;
  options.parameter = "crews.grid.count";
  options.from = 1;
  options.to = 3;
  options.step = 1;
  options.ensemble.runs = 200;
  options.ensemble.seed = 11;
  std::string error;
  const auto rows = study::run_sweep(scenario, options, &error);
  INFO(error);
  REQUIRE(rows.size() == 3);
  const auto k = metric("time_to_full_restoration_min");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(rows[i].value == static_cast<double>(i + 1));
    CHECK(rows[i].metrics[k].count == 200);
  }
  CHECK(rows[1].metrics[k].mean <= rows[0].metrics[k].mean);
  CHECK(rows[2].metrics[k].mean <= rows[1].metrics[k].mean);
  CHECK(rows[2].metrics[k].mean < rows[0].metrics[k].mean);  // three crews really help
  const auto csv = study::sweep_csv(options.parameter, rows);
  CHECK(csv.rfind("crews.grid.count,peak_customers_without_power_mean,", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 4);
  // Unknown operator: an error, no rows.
  options.parameter = "crews.nobody.count";
  CHECK(study::run_sweep(scenario, options, &error).empty());
  CHECK(error.find("no crews of operator 'nobody'") != std::string::npos);
}

TEST_CASE("blackstart sweep writes one CSV row per value", "[study][sweep][cli]") {
  const auto dir = fs::temp_directory_path() / "blackstart-sweep-cli-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  SECTION("classic model: p of coupled ER networks") {
    std::ofstream(dir / "er.yaml")
        << "blackstart: 1\nname: coupled ER\nseed: 4\nclassic_model: {kind: "
           "mutual_percolation, generate: {model: erdos_renyi, n: 4000, mean_degree: "
           "4}}\n";
    const auto out = dir / "er.csv";
    const auto r =
        run_cli("sweep " + (dir / "er.yaml").string() +
                " --param p --from 0.5 --to 0.9 --step 0.05 --runs 3 --threads 2 --out " + out.string());
    INFO(r.output);
    REQUIRE(r.code == 0);
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 10);  // header + 9 values
    CHECK(lines[0] == "p,mu_mean,mu_p5,mu_p50,mu_p95,steps_mean");
    CHECK(lines[1].rfind("0.5,0,", 0) == 0);
    CHECK(lines[9].rfind("0.9,0.8", 0) == 0);  // mu(0.9) = 0.86 for <k> = 4
    // Motter-Lai parameter on a percolation scenario: usage error, exit 1.
    const auto bad =
        run_cli("sweep " + (dir / "er.yaml").string() + " --param alpha --from 0 --to 1 --step 0.5");
    CHECK(bad.code == 1);
    CHECK(bad.output.find("use p") != std::string::npos);
  }
  SECTION("run on a classic-model scenario prints the result and writes summary.json") {
    std::ofstream(dir / "ml.yaml") << "blackstart: 1\nname: BA cascade\nclassic_model: {kind: motter_lai, "
                                      "generate: {model: barabasi_albert, n: 300, m: 2}, alpha: 0.1}\n";
    const auto r = run_cli("run " + (dir / "ml.yaml").string() + " --out " + (dir / "ml").string());
    INFO(r.output);
    REQUIRE(r.code == 0);
    CHECK(r.output.find("Motter-Lai, 300 nodes") != std::string::npos);
    CHECK(r.output.find("G = ") != std::string::npos);
    std::ifstream in(dir / "ml" / "summary.json");
    std::stringstream summary;
    summary << in.rdbuf();
    for (const char* key : {"\"classic_model\": \"motter_lai\"", "\"g\"", "\"steps\"", "\"failed\""})
      CHECK(summary.str().find(key) != std::string::npos);
  }
  SECTION("ordinary scenario: detection delay of the tutorial") {
    const auto out = dir / "tutorial.csv";
    const auto s =
        run_cli("sweep " + std::string(BLACKSTART_SOURCE_DIR) +
                "/scenarios/tutorial.yaml --param detection_min --from 0 --to 20 --step 10 --runs 4 "
                "--quiet --out " +
                out.string());
    INFO(s.output);
    REQUIRE(s.code == 0);
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].rfind("detection_min,peak_customers_without_power_mean,", 0) == 0);
    CHECK(lines[3].rfind("20,", 0) == 0);
  }
}
