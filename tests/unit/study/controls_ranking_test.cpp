// Ranking controls by the impact they avoid, with common random numbers, alone and greedily.
#include <catch2/catch.hpp>

#include "blackstart/study/controls_ranking.hpp"
#include "support/control_room.hpp"

using namespace blackstart;

namespace {
model::Control control(const std::string& name, std::initializer_list<std::string> techniques, double block,
                       double delay_added_min = 0) {
  model::Control c;
  c.name = name;
  c.mitigation_id = "M" + name;
  model::Countermeasure m;
  m.techniques = techniques;
  m.block_probability = block;
  m.delay_added_min = delay_added_min;
  c.countermeasures.push_back(m);
  return c;
}

//! The control room with uncertain steps, so that runs differ.
test::ControlRoom uncertain_room() {
  test::ControlRoom room;
  for (auto& step : room.scenario().campaign.steps) {
    step.time_to_compromise = {core::DurationDistribution::Kind::Uniform, 20, 120, 0, 0};
    step.success_probability = 0.8;
    step.retries = 2;
  }
  return room;
}
}  // namespace

TEST_CASE("controls ranking: blocking controls rank first, greedy sets grow, threads do not matter",
          "[study][controls]") {
  auto room = uncertain_room();
  const std::vector<model::Control> candidates{control("slow-hmi", {"T0823"}, 0.0, 120),
                                               control("block-vpn", {"T1133"}, 1.0),
                                               control("half-breakers", {"T0831"}, 0.5)};
  study::ControlsOptions options;
  options.runs = 60;
  options.seed = 11;
  options.greedy = 2;
  options.threads = 1;
  const auto one = study::rank_controls(room.scenario(), candidates, options);
  options.threads = 2;
  const auto two = study::rank_controls(room.scenario(), candidates, options);
  CHECK(study::controls_csv(one) == study::controls_csv(two));

  REQUIRE(one.rows.size() == 1 + 3 + 2);
  const auto& base = one.rows[0];
  CHECK(base.kind == study::ControlsRow::Kind::Baseline);
  CHECK(base.objective_reached_fraction > 0.5);
  CHECK(base.customer_hours_mean > 0);
  // Blocking the way in always stops everything: all the baseline impact is avoided.
  const auto& best = one.rows[1];
  CHECK(best.controls == std::vector<std::size_t>{1});
  CHECK(best.customer_hours_mean == 0);
  CHECK(best.avoided_mean == Approx(base.customer_hours_mean));
  CHECK(best.objective_reached_fraction == 0);
  CHECK(best.objective_prevented_fraction == Approx(base.objective_reached_fraction));
  // Half the breaker openings blocked: some impact avoided, with a confidence interval around it.
  const auto& half = one.rows[2].controls[0] == 2 ? one.rows[2] : one.rows[3];
  CHECK(half.avoided_mean > 0);
  CHECK(half.avoided_ci95_low < half.avoided_mean);
  CHECK(half.avoided_ci95_high > half.avoided_mean);
  // A delay with a 24 h horizon still lets the attack through: nothing prevented.
  const auto& slow = one.rows[2].controls[0] == 0 ? one.rows[2] : one.rows[3];
  CHECK(slow.objective_prevented_fraction == 0);
  // Greedy: k = 1 is the best single control; k = 2 adds one more and avoids no less.
  CHECK(one.rows[4].kind == study::ControlsRow::Kind::Greedy);
  CHECK(one.rows[4].controls == std::vector<std::size_t>{1});
  CHECK(one.rows[5].controls.size() == 2);
  CHECK(one.rows[5].avoided_mean >= one.rows[4].avoided_mean);
  const auto csv = study::controls_csv(one);
  CHECK(csv.rfind("rank,kind,k,controls,mitigations,customer_hours_mean,customer_hours_avoided_mean,", 0) ==
        0);
  CHECK(csv.find("\n1,single,1,block-vpn,Mblock-vpn,0,") != std::string::npos);
  CHECK(csv.find("\n,greedy,2,block-vpn+") != std::string::npos);
}

TEST_CASE("controls ranking: splitting the runs over processes gives the same table", "[study][controls]") {
  auto room = uncertain_room();
  const std::vector<model::Control> candidates{control("block-vpn", {"T1133"}, 0.7),
                                               control("half-breakers", {"T0831"}, 0.5)};
  study::ControlsOptions options;
  options.runs = 40;
  options.greedy = 2;
  const auto whole = study::controls_csv(study::rank_controls(room.scenario(), candidates, options));
  // Two "ranks" in one process: each evaluation gathers the first 15 and the last 25 runs.
  study::ControlsOptions first = options, second = options;
  first.local_runs = 15;
  second.first_run = 15;
  second.local_runs = 25;
  const study::GatherRuns join = [&](const std::vector<std::size_t>& set, const std::vector<double>& local) {
    auto all = local;
    const auto rest = study::control_set_runs(room.scenario(), candidates, set, second);
    all.insert(all.end(), rest.begin(), rest.end());
    return all;
  };
  const auto split = study::controls_csv(study::rank_controls(room.scenario(), candidates, first, join));
  CHECK(split == whole);
}
