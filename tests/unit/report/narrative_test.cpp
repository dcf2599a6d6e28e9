// The story of a run: changes grouped under their root cause, with figures that match the run.
#include "blackstart/report/narrative.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/sim/simulator.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;
using report::NarrativeGroup;

namespace {

model::Scenario builtin(std::string_view name) {
  auto loaded = io::load_builtin_scenario(name);
  REQUIRE(loaded.scenario);
  return std::move(*loaded.scenario);
}

double customers_out(const sim::TracePoint& point) {
  double sum = 0;
  for (const auto& layer : point.layers) sum += layer.customers_without_power;
  return sum;
}

//! Per trace time, the change in customers without power since the previous point.
std::map<double, double> customer_steps(const sim::RunResult& result) {
  std::map<double, double> steps;
  for (std::size_t i = 1; i < result.trace.size(); ++i) {
    const double delta = customers_out(result.trace[i]) - customers_out(result.trace[i - 1]);
    if (delta != 0) steps[result.trace[i].time_min] = delta;
  }
  return steps;
}

//! Per time, the net change of customers without power the story tells.
std::map<double, double> story_steps(const std::vector<NarrativeGroup>& story) {
  std::map<double, double> steps;
  for (const auto& g : story) {
    const double delta = g.customers_lost - g.customers_back;
    if (delta != 0) steps[g.time_min] += delta;
  }
  for (auto it = steps.begin(); it != steps.end();) it = it->second == 0 ? steps.erase(it) : std::next(it);
  return steps;
}

const NarrativeGroup* find_event_group(const model::Scenario& s, const std::vector<NarrativeGroup>& story,
                                       const std::string& id) {
  for (const auto& g : story)
    if (g.root == NarrativeGroup::Root::Event && !g.is_follow_up() && s.events[g.index].id == id) return &g;
  return nullptr;
}

}  // namespace

TEST_CASE("narrative groups a cascade under the event that caused it", "[report][narrative]") {
  test::WorldBuilder w;
  const auto infeed = w.asset("power/infeed", "infeed", {.capacity_mw = 100});
  const auto sub = w.asset("power/sub", "substation");
  const auto load = w.asset("power/town", "load", {.load_mw = 10, .customers = 4000});
  w.link("power/l1", infeed, sub);
  w.link("power/l2", sub, load);
  const auto line = w.asset("transport/tram-1", "tram_line", {.passengers_per_hour = 900});
  w.depend(line, sub, model::DependencyKind::Power);
  w.crews("grid", 1, 30);
  w.event("open-sub", 15, model::Action::OpenBreaker, {sub}).technique = "T0831";
  w.scenario.network.element(sub).name = "Central 110 kV";

  const auto result = sim::simulate(w.scenario);
  const auto story = report::build_narrative(w.scenario, result);
  REQUIRE_FALSE(story.empty());
  const auto& first = story.front();
  CHECK(first.root == NarrativeGroup::Root::Event);
  CHECK(first.time_min == 15);
  CHECK(first.targets == std::vector<model::ElementIndex>{sub});
  CHECK(first.customers_lost == 4000);
  CHECK(first.mw_lost == 10);
  CHECK(first.stopped == std::vector<model::ElementIndex>{line});
  CHECK(first.passengers_lost == 900);

  const auto text = report::narrative_line(w.scenario, first).text();
  CHECK(text ==
        "+15 min open-sub opens breakers at Central 110 kV (T0831) \xe2\x86\x92 4,000 customers lose power "
        "\xe2\x86\x92 transport/tram-1 stops \xe2\x86\x92 " +
            std::string("5 assets out of service"));

  // Restoration is its own group, later, and brings everything back.
  const auto back = std::find_if(story.begin(), story.end(), [](const NarrativeGroup& g) {
    return g.root == NarrativeGroup::Root::Restoration && g.customers_back > 0;
  });
  REQUIRE(back != story.end());
  CHECK(back->time_min > 15);
  CHECK(back->customers_back == 4000);
  CHECK(back->resumed == std::vector<model::ElementIndex>{line});
  CHECK(story_steps(story) == customer_steps(result));
}

TEST_CASE("narrative clock follows the scenario's start time", "[report][narrative]") {
  model::Scenario s;
  CHECK(report::narrative_clock(s, 2) == "+2 min");
  CHECK(report::narrative_clock(s, 125) == "+2 h 05");
  s.start_time = "2015-12-23T15:30:00+02:00";
  CHECK(report::narrative_clock(s, 2) == "15:32");
  CHECK(report::narrative_clock(s, 600) == "day 2 01:30");
  CHECK(report::narrative_clock(s, -(3 * 1440 + 4 * 60 + 10)) == "-3 d 04 h");
  CHECK(report::narrative_clock(s, -30) == "-30 min");
}

TEST_CASE("narrative of the tutorial matches its run", "[report][narrative]") {
  const auto s = builtin("tutorial");
  const auto result = sim::simulate(s);
  const auto story = report::build_narrative(s, result);
  REQUIRE_FALSE(story.empty());
  for (std::size_t i = 1; i < story.size(); ++i) CHECK(story[i - 1].time_min <= story[i].time_min);
  const auto* south = find_event_group(s, story, "open-south");
  REQUIRE(south);
  CHECK(south->time_min == 15);
  CHECK(south->customers_lost > 0);
  CHECK(report::narrative_line(s, *south).time == "08:15");
  // Every change leads to a named root: the lines that come back with the restored substation
  // (each back because the other end is) go with that restoration, not with "the power flow".
  for (const auto& g : story) CHECK(g.root != NarrativeGroup::Root::Physics);
  const auto restored = std::find_if(story.begin(), story.end(), [](const NarrativeGroup& g) {
    return g.root == NarrativeGroup::Root::Restoration && g.customers_back > 0;
  });
  REQUIRE(restored != story.end());
  const auto* north = find_event_group(s, story, "open-north");
  REQUIRE(north);
  CHECK(restored->customers_back == south->customers_lost + north->customers_lost);
  const auto* hmi = find_event_group(s, story, "hijack-hmi");
  REQUIRE(hmi);
  CHECK(hmi->time_min == 10);
  CHECK(story_steps(story) == customer_steps(result));
  CHECK_FALSE(report::narrative_text(s, result).empty());
}

TEST_CASE("narrative of Ukraine 2015 tells the attack steps and matches the run", "[report][narrative]") {
  const auto s = builtin("ukraine-2015");
  const auto result = sim::simulate(s);
  const auto story = report::build_narrative(s, result);
  CHECK(story_steps(story) == customer_steps(result));
  std::map<std::string, const NarrativeGroup*> by_step;
  for (const auto& g : story)
    if (g.root == NarrativeGroup::Root::AttackStep && !g.is_follow_up())
      by_step.emplace(s.campaign.steps[g.index].id, &g);
  REQUIRE(by_step.count("pry-blackenergy"));  // a foothold: no state change, still told
  REQUIRE(by_step.count("pry-open-110"));
  const auto& open = *by_step["pry-open-110"];
  CHECK(open.targets.size() == 8);
  const auto line = report::narrative_line(s, open);
  CHECK(line.what.rfind("attackers open breakers at 8 substations: ", 0) == 0);
  CHECK(open.customers_lost > 0);
  INFO(report::narrative_text(s, result));
  CHECK(std::any_of(story.begin(), story.end(), [](const NarrativeGroup& g) {
    return g.root == NarrativeGroup::Root::Restoration && g.customers_back > 0;
  }));
}
