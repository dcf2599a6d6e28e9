// Overload cascades under the dc power model: flows re-route after an outage, lines above their
// rating trip after the protection delay, each trip caused by the outage that overloaded it.
#include <catch2/catch.hpp>

#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/metrics/metrics.hpp"
#include "blackstart/sim/explain.hpp"
#include "blackstart/sim/power_model.hpp"
#include "blackstart/sim/simulator.hpp"
#include "support/cause_text.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;
using model::Action;
using test::WorldBuilder;

namespace {
const sim::StateChange* first_to(const sim::RunResult& r, model::ElementIndex x, const std::string& to) {
  for (const auto& c : r.changes)
    if (c.element == x && sim::to_name(c) == to) return &c;
  return nullptr;
}

//! Generator and load joined by three lines of different reactance and rating.
struct Corridor {
  WorldBuilder w;
  model::ElementIndex gen, a, b, load, l1, l2, l3;
  Corridor() {
    w.scenario.power_model = model::PowerModelKind::Dc;
    gen = w.asset("power/gen", "generator", {300});
    w.scenario.network.element(gen).attributes["pg_mw"] = 200;
    a = w.asset("power/a", "bus");
    b = w.asset("power/b", "bus");
    load = w.asset("power/load", "load", {0, 200, 1000});
    w.link("power/gen-conn", gen, a, "connection");
    w.link("power/load-conn", b, load, "connection");
    l1 = line("power/l1", 0.1, 90);
    l2 = line("power/l2", 0.1, 90);
    l3 = line("power/l3", 0.2, 150);
  }
  model::ElementIndex line(const std::string& id, double x, double rate) {
    auto l = w.link(id, a, b);
    auto& e = w.scenario.network.element(l);
    e.attributes["x_pu"] = x;
    e.attributes["rate_a_mva"] = rate;
    return l;
  }
};
}  // namespace

TEST_CASE("dc model: flows split by susceptance and balance the load", "[cascade]") {
  Corridor c;
  model::PowerFlowSettings settings;
  sim::DcPowerModel model(settings);
  sim::PowerSolution solution;
  solution.resize(c.w.scenario.network.size());
  std::vector<char> available(c.w.scenario.network.size(), 1);
  model.solve(c.w.scenario.network, 0, available, solution);
  CHECK(solution.flow_mw[c.l1] == Approx(80));
  CHECK(solution.flow_mw[c.l2] == Approx(80));
  CHECK(solution.flow_mw[c.l3] == Approx(40));
  CHECK(solution.dispatch_mw[c.gen] == Approx(200));
  CHECK(solution.loading[c.l1] == Approx(80.0 / 90));
  available[c.l1] = 0;
  model.solve(c.w.scenario.network, 0, available, solution);
  CHECK(solution.flow_mw[c.l2] == Approx(400.0 / 3));
  CHECK(solution.flow_mw[c.l3] == Approx(200.0 / 3));
}

TEST_CASE("dc model: an outage cascades through overloads, each trip with its cause", "[cascade]") {
  Corridor c;
  c.w.event("cut-l1", 10, Action::Trip, {c.l1});
  const auto r = sim::simulate(c.w.scenario);
  // Step 1: l2 carries 133 MW of its 90 MW rating and trips after the 1 min protection delay.
  const auto* l2_trip = first_to(r, c.l2, "failed");
  REQUIRE(l2_trip);
  CHECK(l2_trip->time_min == 11);
  CHECK(l2_trip->cause.kind == sim::CauseKind::Physics);
  CHECK(test::cause_text(c.w.scenario, *l2_trip) == "power/l1");
  CHECK(test::detail_text(c.w.scenario, *l2_trip) ==
        "overloaded to 148% of its rate_a rating after power/l1 went out");
  // Step 2: l3 alone carries 200 MW of 150 MW.
  const auto* l3_trip = first_to(r, c.l3, "failed");
  REQUIRE(l3_trip);
  CHECK(l3_trip->time_min == 12);
  CHECK(test::cause_text(c.w.scenario, *l3_trip) == "power/l2");
  CHECK(test::detail_text(c.w.scenario, *l3_trip) ==
        "overloaded to 133% of its rate_a rating after power/l2 went out");
  // Then the load is cut off.
  const auto* load_out = first_to(r, c.load, "failed");
  REQUIRE(load_out);
  CHECK(load_out->time_min == 12);
  CHECK(metrics::summarize(r).peak_customers_without_power == 1000);
  // explain walks the cascade back to the scenario event.
  const auto chain = sim::explain(r, c.load, 60);
  REQUIRE(chain.size() >= 4);
  CHECK(test::cause_text(c.w.scenario, chain.back().change) == "cut-l1");
}

TEST_CASE("dc model: tolerance and delay settings hold trips back", "[cascade]") {
  Corridor c;
  c.w.event("cut-l1", 10, Action::Trip, {c.l1});
  SECTION("a 50% overload tolerance stops the cascade") {
    c.w.scenario.power_flow.overload_tolerance = 0.5;
    const auto r = sim::simulate(c.w.scenario);
    CHECK(first_to(r, c.l2, "failed") == nullptr);
    CHECK(metrics::summarize(r).peak_customers_without_power == 0);
  }
  SECTION("a restoration within the protection delay prevents the trip") {
    c.w.scenario.power_flow.trip_delay_min = 10;
    c.w.event("reclose", 15, Action::Restore, {c.l1});
    const auto r = sim::simulate(c.w.scenario);
    CHECK(first_to(r, c.l2, "failed") == nullptr);
  }
  SECTION("ratings can come from a margin over base-case flow") {
    for (auto l : {c.l1, c.l2, c.l3}) c.w.scenario.network.element(l).attributes.erase("rate_a_mva");
    c.w.scenario.power_flow.unrated_margin = 0.2;  // l2: 96 MW, l3: 48 MW
    const auto r = sim::simulate(c.w.scenario);
    CHECK(first_to(r, c.l2, "failed")->time_min == 11);
    CHECK(first_to(r, c.l3, "failed")->time_min == 11);  // 67 MW of 48 MW at the same time
  }
}

TEST_CASE("dc model: islands balance by distributed slack, then shed", "[cascade]") {
  WorldBuilder w;
  w.scenario.power_model = model::PowerModelKind::Dc;
  auto g1 = w.asset("power/g1", "generator", {100});
  auto g2 = w.asset("power/g2", "generator", {50});
  auto bus = w.asset("power/bus", "bus");
  auto load = w.asset("power/load", "load", {0, 120, 600});
  w.scenario.network.element(g1).attributes["pg_mw"] = 60;
  w.scenario.network.element(g2).attributes["pg_mw"] = 60;  // above its 50 MW limit: clamped
  w.link("power/c1", g1, bus, "connection");
  auto c2 = w.link("power/c2", g2, bus, "connection");
  w.link("power/c3", bus, load, "connection");
  model::PowerFlowSettings settings;
  sim::DcPowerModel model(settings);
  sim::PowerSolution s;
  s.resize(w.scenario.network.size());
  std::vector<char> available(w.scenario.network.size(), 1);
  model.solve(w.scenario.network, 0, available, s);
  // 110 MW scheduled for 120 MW: the 10 MW gap is shared by headroom 40 : 0.
  CHECK(s.dispatch_mw[g1] == Approx(70));
  CHECK(s.dispatch_mw[g2] == Approx(50));
  CHECK(s.served[load] == Approx(1));
  available[c2] = 0;  // only 100 MW left for 120 MW of demand: shed 1/6
  model.solve(w.scenario.network, 0, available, s);
  CHECK(s.dispatch_mw[g1] == Approx(100));
  CHECK(s.served[load] == Approx(100.0 / 120));
}

TEST_CASE("ac model: the same cascade under AC power flow", "[cascade]") {
  Corridor c;
  c.w.scenario.power_model = model::PowerModelKind::Ac;
  c.w.scenario.network.element(c.load).attributes["load_mvar"] = 20;
  c.w.event("cut-l1", 10, Action::Trip, {c.l1});
  const auto r = sim::simulate(c.w.scenario);
  const auto* l2_trip = first_to(r, c.l2, "failed");
  REQUIRE(l2_trip);
  CHECK(l2_trip->time_min == 11);
  CHECK(test::cause_text(c.w.scenario, *l2_trip) == "power/l1");
  const auto* l3_trip = first_to(r, c.l3, "failed");
  REQUIRE(l3_trip);
  CHECK(l3_trip->time_min == 12);
  CHECK(first_to(r, c.load, "failed")->time_min == 12);
}

TEST_CASE("ac model: an island without a feasible operating point collapses", "[cascade]") {
  Corridor c;
  c.w.scenario.power_model = model::PowerModelKind::Ac;
  // Far more reactive demand than three weak lines can carry.
  c.w.scenario.network.element(c.load).attributes["load_mvar"] = 5000;
  for (auto l : {c.l1, c.l2, c.l3}) c.w.scenario.network.element(l).attributes["x_pu"] = 2.0;
  const auto r = sim::simulate(c.w.scenario);
  CHECK(r.final_states[c.load] == sim::State::Failed);
}

TEST_CASE("the loader knows exactly the registered power models", "[cascade][io]") {
  CHECK(io::known_power_models() == sim::PowerModelRegistry::builtin().names());
}
