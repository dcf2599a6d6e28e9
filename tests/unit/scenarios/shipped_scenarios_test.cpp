// The shipped scenarios as tests: they load, run, and their headline figures follow from their data.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/metrics/metrics.hpp"
#include "blackstart/report/report.hpp"
#include "blackstart/sim/explain.hpp"
#include "blackstart/sim/simulator.hpp"
#include "support/cause_text.hpp"
#include "support/cut_off_loads.hpp"

using namespace blackstart;

namespace {
model::Scenario load(const std::string& name, const std::vector<std::string>& mitigations = {}) {
  auto loaded = io::load_scenario_file(std::string(BLACKSTART_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  REQUIRE_FALSE(model::apply_mitigations(*loaded.scenario, mitigations).has_errors());
  return std::move(*loaded.scenario);
}

//! Customers of loads that no longer reach a source once every substation opened by an event or
//! an attack step is removed: computed by plain graph search, independently of the simulator.
double customers_behind_opened_substations(const model::Scenario& s) {
  double total = 0;
  for (auto load : test::loads_cut_off(s, test::opened_elements(s)))
    total += s.network.element(load).customers;
  return total;
}

void check_physical_sanity(const sim::RunResult& r) {
  for (const auto& point : r.trace)
    for (std::size_t l = 0; l < point.layers.size(); ++l) {
      const auto& x = point.layers[l];
      INFO("t=" << point.time_min << " layer " << r.layer_names[l]);
      REQUIRE(x.customers_without_power >= 0);
      REQUIRE(x.customers_without_power <= r.totals[l].customers + 1e-6);
      REQUIRE(x.shed_mw >= 0);
      REQUIRE(x.shed_mw <= r.totals[l].load_mw + 1e-6);  // served + shed = demand, both >= 0
      REQUIRE(x.performance >= 0);
      REQUIRE(x.performance <= 1);
    }
  // Time moves forward.
  for (std::size_t i = 1; i < r.changes.size(); ++i)
    REQUIRE(r.changes[i - 1].time_min <= r.changes[i].time_min);
}
}  // namespace

TEST_CASE("Ukraine 2015: outage size follows from the opened substations, restored within 6 h",
          "[scenario]") {
  const auto scenario = load("ukraine-2015");
  const double expected = customers_behind_opened_substations(scenario);
  CHECK(expected == Approx(225000).epsilon(0.05));  // the scenario's data match the public total
  const auto result = sim::simulate(scenario);
  check_physical_sanity(result);
  const auto summary = metrics::summarize(result);
  CHECK(summary.peak_customers_without_power == Approx(expected).epsilon(0.05));
  REQUIRE(summary.time_to_full_restoration_min.has_value());
  CHECK(*summary.time_to_full_restoration_min <= 6 * 60);
  CHECK(*summary.time_to_full_restoration_min >= 60);  // manual restoration takes over an hour
  CHECK(summary.peak_passengers_affected > 0);
  // The control system stays broken: loss of control outlasts the power outage (months in reality).
  for (const auto& layer : summary.layers)
    if (layer.kind == "cyber") {
      CHECK(layer.peak_loss_of_control > 0);
      CHECK_FALSE(layer.time_to_restoration_min.has_value());
    }
  // The cascade is monotone until the first restoration: nothing comes back on its own.
  double first_restoration = result.horizon_min;
  for (const auto& c : result.changes)
    if (c.cause.kind == sim::CauseKind::Restoration || sim::to_name(c) == "restored") {
      first_restoration = c.time_min;
      break;
    }
  REQUIRE(first_restoration > 0);
  double previous = 0;
  for (const auto& point : result.trace) {
    if (point.time_min >= first_restoration) break;
    REQUIRE(point.layers[0].customers_without_power >= previous);
    previous = point.layers[0].customers_without_power;
  }
  // Every restoration of a substation was manual: remote control was lost.
  for (const auto& c : result.changes)
    if (sim::to_name(c) == "under_repair" && scenario.network.element(c.element).type == "substation")
      REQUIRE(test::cause_text(scenario, c).rfind("crew:", 0) == 0);
}

TEST_CASE("Ukraine 2015: pre-positioned crews shorten restoration", "[scenario]") {
  const auto base = metrics::summarize(sim::simulate(load("ukraine-2015")));
  const auto crews = metrics::summarize(sim::simulate(load("ukraine-2015", {"prepositioned-crews"})));
  CHECK(*crews.time_to_full_restoration_min < *base.time_to_full_restoration_min);
  CHECK(crews.customer_minutes_interrupted < base.customer_minutes_interrupted);
  CHECK(crews.peak_customers_without_power == base.peak_customers_without_power);
  // Isolated UPS units keep the control centres' phones up: cyber layer does better, power the same.
  const auto ups = metrics::summarize(sim::simulate(load("ukraine-2015", {"ups-isolated"})));
  CHECK(ups.customer_minutes_interrupted == Approx(base.customer_minutes_interrupted));
  CHECK(ups.layers[2].resilience_index > base.layers[2].resilience_index);
}

TEST_CASE("Ukraine 2015: explain follows a trolleybus back to the attack", "[scenario]") {
  const auto scenario = load("ukraine-2015");
  const auto result = sim::simulate(scenario);
  const auto trolleybus = *scenario.network.find("transport/trolleybus-if-1");
  const auto chain = sim::explain(result, trolleybus, 60);
  REQUIRE(chain.size() >= 3);
  CHECK(chain.front().element == trolleybus);
  CHECK(sim::to_name(chain.front().change) == "failed");
  // The last physical link of the chain is a substation opened by an attack step (the chain then
  // goes on along the attacker's way in, ukraine_2015_campaign_test.cpp).
  const auto opened = std::find_if(chain.begin(), chain.end(), [](const sim::ExplainStep& e) {
    return !e.attack && e.change.cause.kind == sim::CauseKind::Attack;
  });
  REQUIRE(opened != chain.end());
  const auto& last = scenario.network.element(opened->element);
  CHECK(last.type == "substation");
  CHECK(test::cause_text(scenario, opened->change).find("-open-") != std::string::npos);
  CHECK(chain.back().entry_point);
}

TEST_CASE("same seed gives byte-identical outputs; the seed matters", "[scenario]") {
  const auto scenario = load("ukraine-2015");
  auto outputs = [&](std::uint64_t seed) {
    sim::RunOptions o;
    o.seed = seed;
    const auto r = sim::simulate(scenario, o);
    return report::summary_json(metrics::summarize(r), {}) + report::timeline_csv(r, 5) +
           report::events_csv(scenario, r);
  };
  const auto a = outputs(11);
  CHECK(a == outputs(11));
  CHECK(a != outputs(12));
}

TEST_CASE("tutorial: one crew restores the town by hand", "[scenario]") {
  const auto scenario = load("tutorial");
  const auto result = sim::simulate(scenario);
  check_physical_sanity(result);
  const auto summary = metrics::summarize(result);
  CHECK(summary.peak_customers_without_power == 9001);  // centre and hospital
  CHECK(summary.time_of_worst_impact_min == 20);
  REQUIRE(summary.time_to_full_restoration_min.has_value());
  const auto two_crews = metrics::summarize(sim::simulate(load("tutorial", {"second-crew"})));
  CHECK(*two_crews.time_to_full_restoration_min <= *summary.time_to_full_restoration_min);
  CHECK(two_crews.customer_minutes_interrupted < summary.customer_minutes_interrupted);
}

TEST_CASE("built-in scenarios are the shipped files", "[scenario][io]") {
  for (const auto& builtin : io::builtin_scenarios()) {
    auto loaded = io::load_builtin_scenario(builtin.name);
    INFO(builtin.name << ": " << loaded.diagnostics.to_string());
    REQUIRE(loaded.ok());
  }
  auto missing = io::load_scenario("ukrain-2015");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.diagnostics.to_string().find("did you mean 'ukraine-2015'") != std::string::npos);
}

TEST_CASE("case118 cascade: opening two substations trips lines in several steps, each caused by the last",
          "[scenario][cascade]") {
  const auto scenario = load("case118-cascade");
  const auto result = sim::simulate(scenario);
  check_physical_sanity(result);
  std::map<model::ElementIndex, double> failed_at;
  std::set<double> trip_times;
  double first_event = 1e300;
  for (const auto& e : scenario.events) first_event = std::min(first_event, e.at_min);
  for (const auto& c : result.changes) {
    if (c.change != sim::ChangeKind::State || sim::to_name(c) != "failed") continue;
    if (c.cause.kind == sim::CauseKind::Physics &&
        test::detail_text(scenario, c).rfind("overloaded", 0) == 0) {
      INFO(scenario.network.element(c.element).id << " at " << c.time_min << ": "
                                                  << test::detail_text(scenario, c));
      REQUIRE(c.time_min > first_event);  // the base case is stable
      REQUIRE(scenario.network.element(c.element).is_link);
      // The cause went out earlier: an opened substation or a line tripped in an earlier step.
      REQUIRE(failed_at.count(c.cause.element));
      REQUIRE(failed_at[c.cause.element] < c.time_min);
      trip_times.insert(c.time_min);
    }
    if (!failed_at.count(c.element)) failed_at[c.element] = c.time_min;
  }
  CHECK(trip_times.size() >= 3);  // a multi-step cascade, one protection delay apart
  // Buses were lost to the cascade, not only the two opened ones.
  const auto summary = metrics::summarize(result);
  double opened_customers = 0;
  for (const auto& e : scenario.events)
    for (auto t : e.targets) opened_customers += scenario.network.element(t).customers;
  CHECK(summary.peak_customers_without_power > opened_customers);
  // Every de-energised bus can be explained back to one of the two attacks.
  for (const auto& [element, time] : failed_at) {
    if (scenario.network.element(element).type != "bus") continue;
    const auto chain = sim::explain(result, element, time);
    REQUIRE_FALSE(chain.empty());
    CHECK(chain.back().change.cause.kind == sim::CauseKind::Event);
  }
}
