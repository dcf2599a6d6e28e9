// Ensembles: reproducible whatever the thread count, statistics right on a known distribution,
// uncertain events drawn per run.
#include <catch2/catch.hpp>
#include <set>

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/study/ensemble.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;
using model::Action;
using test::Feeder;

namespace {
//! One substation opened at 0; detection 5 min, a single crew with travel uniform(0, 60) min,
//! switching 20 min: restoration time is uniform on [25, 85] min.
Feeder uniform_restoration() {
  Feeder f;
  f.world.crews("grid", 1, 0);
  f.world.scenario.crews["grid"].travel = {core::DurationDistribution::Kind::Uniform, 0, 60, 0, 0};
  f.world.scenario.horizon_min = 240;
  f.world.event("open", 0, Action::OpenBreaker, {f.sub});
  return f;
}

std::size_t metric(const std::string& name) {
  const auto& names = study::headline_metric_names();
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}
}  // namespace

TEST_CASE("ensemble statistics match the analytic distribution of restoration time", "[study]") {
  auto f = uniform_restoration();
  study::EnsembleOptions options;
  options.runs = 4000;
  options.seed = 99;
  const auto result = study::run_ensemble(f.world.scenario, options);
  std::vector<double> times;
  for (const auto& run : result.metrics) times.push_back(run[metric("time_to_full_restoration_min")]);
  const auto s = study::describe(times);
  CHECK(s.count == 4000);
  // Uniform(25, 85): mean 55, sd 60 / sqrt(12) = 17.32, p5 = 28, p50 = 55, p95 = 82.
  CHECK(s.mean == Approx(55).margin(1.0));
  CHECK(s.stddev == Approx(17.32).margin(0.6));
  CHECK(s.p5 == Approx(28).margin(1.0));
  CHECK(s.p50 == Approx(55).margin(1.5));
  CHECK(s.p95 == Approx(82).margin(1.0));
  CHECK(s.ci95_low < 55);
  CHECK(s.ci95_high > 55);
  CHECK((s.ci95_high - s.ci95_low) == Approx(2 * 1.96 * 17.32 / std::sqrt(4000.0)).epsilon(0.05));
  // Customer-minutes follow: 1,000 customers x restoration time.
  for (const auto& run : result.metrics)
    REQUIRE(run[metric("customer_minutes_interrupted")] ==
            Approx(1000 * run[metric("time_to_full_restoration_min")]));
}

TEST_CASE("ensemble outputs are byte-identical for any thread count", "[study]") {
  auto f = uniform_restoration();
  study::EnsembleOptions one, two;
  one.runs = two.runs = 300;
  one.threads = 1;
  two.threads = 2;
  const auto a = study::run_ensemble(f.world.scenario, one);
  const auto b = study::run_ensemble(f.world.scenario, two);
  CHECK(study::runs_csv(a) == study::runs_csv(b));
  CHECK(study::bands_csv(a) == study::bands_csv(b));
  CHECK(study::summary_json(a, "x", {}) == study::summary_json(b, "x", {}));
  // Splitting the runs (as MPI ranks do) and merging gives the same result too.
  study::EnsembleOptions first = one, second = one;
  first.runs = 100;
  second.runs = 200;
  second.first_run = 100;
  auto merged = study::run_ensemble(f.world.scenario, first);
  study::merge_ensembles(merged, study::run_ensemble(f.world.scenario, second));
  CHECK(study::runs_csv(merged) == study::runs_csv(a));
  CHECK(study::bands_csv(merged) == study::bands_csv(a));
}

TEST_CASE("events with a probability succeed in that share of runs; choose picks k targets", "[study]") {
  Feeder f;
  f.world.scenario.horizon_min = 60;
  f.world.event("maybe", 10, Action::OpenBreaker, {f.sub}).probability =
      core::DurationDistribution::fixed(0.3);
  study::EnsembleOptions options;
  options.runs = 3000;
  const auto result = study::run_ensemble(f.world.scenario, options);
  int hit = 0;
  for (const auto& run : result.metrics) hit += run[metric("peak_customers_without_power")] > 0 ? 1 : 0;
  CHECK(hit / 3000.0 == Approx(0.3).margin(0.03));

  test::WorldBuilder w;
  auto infeed = w.asset("power/infeed", "infeed");
  std::vector<model::ElementIndex> loads;
  for (int i = 0; i < 10; ++i) {
    loads.push_back(w.asset("power/load-" + std::to_string(i), "load", {0, 1, 100}));
    w.link("power/l-" + std::to_string(i), infeed, loads.back());
  }
  auto& event = w.event("pick-3", 5, Action::Trip, {});
  event.targets = loads;
  event.choose = 3;
  w.scenario.horizon_min = 30;
  study::EnsembleOptions small;
  small.runs = 50;
  const auto picked = study::run_ensemble(w.scenario, small);
  std::set<double> distinct;
  for (const auto& run : picked.metrics) {
    REQUIRE(run[metric("peak_customers_without_power")] == 300);  // exactly 3 loads of 100 customers
    distinct.insert(run[metric("customer_minutes_interrupted")]);
  }
  CHECK(picked.seeds.size() == 50);
  CHECK(std::set<std::uint64_t>(picked.seeds.begin(), picked.seeds.end()).size() == 50);
}

TEST_CASE("a run of an ensemble replays alone with its seed", "[study]") {
  auto f = uniform_restoration();
  study::EnsembleOptions options;
  options.runs = 5;
  const auto result = study::run_ensemble(f.world.scenario, options);
  sim::RunOptions replay;
  replay.seed = result.seeds[3];
  const auto alone = study::headline_metrics(metrics::summarize(sim::simulate(f.world.scenario, replay)));
  CHECK(alone[metric("time_to_full_restoration_min")] ==
        result.metrics[3][metric("time_to_full_restoration_min")]);
}

TEST_CASE("ensemble summary of a campaign: how often the objective is reached and when",
          "[study][campaign]") {
  auto loaded = io::load_builtin_scenario("ukraine-2022");
  REQUIRE(loaded.ok());
  study::EnsembleOptions options;
  options.runs = 20;
  auto stopped = study::run_ensemble(*loaded.scenario, options);
  REQUIRE(stopped.attack.size() == 20);
  const auto json = study::summary_json(stopped, loaded.scenario->name, {});
  CHECK(json.find("\"objective_reached_fraction\": 0.0") != std::string::npos);
  auto launched = *loaded.scenario;
  REQUIRE_FALSE(model::apply_mitigations(launched, {"without-detection"}).has_errors());
  const auto counterfactual = study::summary_json(study::run_ensemble(launched, options), launched.name, {});
  CHECK(counterfactual.find("\"objective_reached_fraction\": 1.0") != std::string::npos);
  // Without a campaign the summary has no attack section.
  auto tutorial = io::load_builtin_scenario("tutorial");
  REQUIRE(tutorial.ok());
  const auto plain = study::run_ensemble(*tutorial.scenario, options);
  CHECK(plain.attack.empty());
  CHECK(study::summary_json(plain, "t", {}).find("\"attack\"") == std::string::npos);
}
