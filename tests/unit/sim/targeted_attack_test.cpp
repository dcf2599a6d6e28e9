// Targeted attacks as events: `choose: k` with `select` picks the highest-degree or
// highest-betweenness targets of a layer, or k at random.
#include <catch2/catch.hpp>

#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/sim/simulator.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;
using model::Action;

namespace {
std::vector<model::ElementIndex> hit(const sim::RunResult& r) {
  std::vector<model::ElementIndex> out;
  for (const auto& c : r.changes)
    if (c.cause.kind == sim::CauseKind::Event && c.cause.event == 0 && c.to == sim::State::Failed)
      out.push_back(c.element);
  return out;
}
}  // namespace

TEST_CASE("targeted attacks pick by degree and by betweenness", "[sim]") {
  // A star (hub S, four leaves) joined through B to a path P1 ... P12. Degree is highest at S (5).
  // Betweenness of path node Pi = (nodes left of it) x (nodes right of it) = (i + 5)(12 - i): 72 at
  // P3 and P4 (a tie: P3, listed first, wins); B has 5 x 12 = 60 and S has 6 + 4 x 13 = 58.
  test::WorldBuilder w;
  const auto hub = w.asset("other/S", "node");
  for (int i = 0; i < 4; ++i)
    w.link("other/l" + std::to_string(i), hub, w.asset("other/L" + std::to_string(i), "node"), "link");
  auto previous = w.asset("other/B", "node");
  w.link("other/sb", hub, previous, "link");
  std::vector<model::ElementIndex> path;
  for (int i = 1; i <= 12; ++i) {
    path.push_back(w.asset("other/P" + std::to_string(i), "node"));
    w.link("other/p" + std::to_string(i), previous, path.back(), "link");
    previous = path.back();
  }
  std::vector<model::ElementIndex> all;
  for (const auto& layer : w.scenario.network.layers())
    all.insert(all.end(), layer.assets.begin(), layer.assets.end());
  auto& event = w.event("attack", 1, Action::Damage, {});
  event.targets = all;
  event.choose = 1;

  event.selection = model::Event::Selection::HighestDegree;
  CHECK(hit(sim::simulate(w.scenario)) == std::vector<model::ElementIndex>{hub});
  w.scenario.events[0].selection = model::Event::Selection::HighestBetweenness;
  CHECK(hit(sim::simulate(w.scenario)) == std::vector<model::ElementIndex>{path[2]});
  w.scenario.events[0].selection = model::Event::Selection::Random;
  w.scenario.events[0].choose = 3;
  CHECK(hit(sim::simulate(w.scenario)).size() == 3);
}

TEST_CASE("the loader reads select and insists on choose", "[sim][io]") {
  const std::string head =
      "blackstart: 1\nname: t\nlayers:\n  - name: other\n    assets: [{id: a, type: node}, {id: b, type: "
      "node}]\n";
  auto ok = io::load_scenario_text(head +
                                       "events:\n  - {id: x, at: 1min, action: damage, targets: \"other/*\", "
                                       "choose: 1, select: highest_degree}\n",
                                   "t.yaml", ".");
  REQUIRE(ok.ok());
  CHECK(ok.scenario->events[0].selection == model::Event::Selection::HighestDegree);
  auto bad = io::load_scenario_text(
      head + "events:\n  - {id: x, at: 1min, action: damage, targets: \"other/*\", select: highest_degre}\n",
      "t.yaml", ".");
  REQUIRE_FALSE(bad.ok());
  const auto text = bad.diagnostics.to_string();
  CHECK(text.find("unknown selection 'highest_degre' (did you mean 'highest_degree'?)") != std::string::npos);
  CHECK(text.find("'select' needs 'choose: k'") != std::string::npos);
}
