// "Why is it still down?": the waiting reason of an element at a time, from the run's records.
#include <catch2/catch.hpp>

#include "blackstart/report/explain_text.hpp"
#include "blackstart/sim/explain.hpp"
#include "blackstart/sim/simulator.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;
using model::Action;
using model::DependencyKind;
using Why = sim::StillDown::Reason;
using test::Feeder;
using test::WorldBuilder;

namespace {
//! Three substations opened at once, one crew of `grid` (travel 30, switching 20), sub-2 first.
struct ThreeSubs {
  WorldBuilder w;
  std::vector<model::ElementIndex> subs, loads;
  ThreeSubs() {
    auto infeed = w.asset("power/infeed", "infeed");
    for (int i = 0; i < 3; ++i) {
      const auto n = std::to_string(i);
      auto s = w.asset("power/sub-" + n, "substation", {0, 0, 0, 0, "grid", i == 2 ? 5 : 0});
      auto l = w.asset("power/load-" + n, "load", {0, 1, 100});
      w.link("power/a-" + n, infeed, s);
      w.link("power/b-" + n, s, l);
      subs.push_back(s);
      loads.push_back(l);
    }
    w.crews("grid", 1, 30);
    w.event("open-all", 0, Action::OpenBreaker, {subs[0], subs[1], subs[2]});
  }
};
}  // namespace

TEST_CASE("still down: queue position, crew travelling, under repair, supplier down", "[sim][explain]") {
  ThreeSubs t;
  const auto r = sim::simulate(t.w.scenario);

  SECTION("before detection, operators have not noticed") {
    const auto why = sim::why_still_down(t.w.scenario, r, t.subs[0], 2);
    REQUIRE(why.size() == 1);
    CHECK(why[0].reason == Why::NotYetNoticed);
    CHECK(why[0].until_min == 5);
  }
  SECTION("at 20 min the crew drives to sub-2 and the others wait their turn") {
    const auto travelling = sim::why_still_down(t.w.scenario, r, t.subs[2], 20);
    REQUIRE(travelling.size() == 1);
    CHECK(travelling[0].reason == Why::CrewTravelling);
    CHECK(travelling[0].arrive_min == 35);
    const auto first = sim::why_still_down(t.w.scenario, r, t.subs[0], 20);
    REQUIRE(first.size() == 1);
    CHECK(first[0].reason == Why::WaitingForCrew);
    CHECK(first[0].queue_position == 1);
    CHECK(first[0].queue_length == 2);
    // A load waits for its substation, which waits second in the queue.
    const auto load = sim::why_still_down(t.w.scenario, r, t.loads[1], 20);
    REQUIRE(load.size() >= 2);
    CHECK(load.front().element == t.loads[1]);
    CHECK(load.front().reason == Why::SupplierDown);
    CHECK(load.back().element == t.subs[1]);
    CHECK(load.back().reason == Why::WaitingForCrew);
    CHECK(load.back().queue_position == 2);
    const auto text = report::still_down_text(t.w.scenario, load);
    CHECK(text.find("power/load-1 is failed: waits for ") != std::string::npos);
    CHECK(text.find("power/sub-1 is failed: waiting for a crew of grid: position 2 of 2 in the queue") !=
          std::string::npos);
  }
  SECTION("at 40 min the crew works on sub-2 until 55") {
    const auto why = sim::why_still_down(t.w.scenario, r, t.subs[2], 40);
    REQUIRE(why.size() == 1);
    CHECK(why[0].reason == Why::UnderRepair);
    CHECK(why[0].until_min == 55);
    CHECK(report::still_down_reason(t.w.scenario, why[0]) == "a crew of grid is repairing it until 55min");
  }
  SECTION("after 60 min sub-0 is next: one left waiting") {
    const auto why = sim::why_still_down(t.w.scenario, r, t.subs[1], 60);
    REQUIRE(why.size() == 1);
    CHECK(why[0].reason == Why::WaitingForCrew);
    CHECK(why[0].queue_position == 1);
    CHECK(why[0].queue_length == 1);
  }
  SECTION("once restored, nothing to say") {
    CHECK(sim::why_still_down(t.w.scenario, r, t.subs[1], 200).empty());
    CHECK(sim::why_still_down(t.w.scenario, r, t.loads[1], 200).empty());
  }
}

TEST_CASE("still down: no crew for an asset that cannot be switched remotely", "[sim][explain]") {
  Feeder f;
  auto rtu = f.world.asset("cyber/rtu", "rtu", {0, 0, 0, 0, "grid"});
  auto scada = f.world.asset("cyber/scada", "scada_server", {0, 0, 0, 0, "it"});
  f.world.depend(f.sub, rtu, DependencyKind::Control);
  f.world.depend(rtu, scada, DependencyKind::Control);
  f.world.event("hijack", 5, Action::Compromise, {scada});
  f.world.event("open", 10, Action::OpenBreaker, {f.sub});
  const auto r = sim::simulate(f.world.scenario);  // no crews anywhere
  const auto why = sim::why_still_down(f.world.scenario, r, f.sub, 600);
  REQUIRE(why.size() == 1);
  CHECK(why[0].reason == Why::NoCrew);
  CHECK(why[0].loss_of_control);
  CHECK(report::still_down_reason(f.world.scenario, why[0]) ==
        "needs a field crew and its operator grid has none (operators cannot switch it remotely)");
}

TEST_CASE("still down: the crew cannot reach it while the road is down", "[sim][explain]") {
  Feeder f;
  auto road = f.world.asset("transport/road", "road_segment");
  f.world.depend(f.sub, road, DependencyKind::Access);
  f.world.crews("grid", 1, 30);
  f.world.event("open", 0, Action::OpenBreaker, {f.sub});
  f.world.event("landslide", 0, Action::Damage, {road});
  f.world.event("road-cleared", 120, Action::Restore, {road});
  const auto r = sim::simulate(f.world.scenario);
  const auto why = sim::why_still_down(f.world.scenario, r, f.sub, 60);
  REQUIRE(why.size() == 1);
  CHECK(why[0].reason == Why::NoAccess);
  CHECK(why[0].other == road);
  CHECK(report::still_down_reason(f.world.scenario, why[0]) ==
        "a crew of grid cannot reach it while transport/road is down");
  const auto after = sim::why_still_down(f.world.scenario, r, f.sub, 130);
  REQUIRE(after.size() == 1);
  CHECK(after[0].reason == Why::CrewTravelling);
  CHECK(after[0].arrive_min == 150);
}

TEST_CASE("still down: denial of service and replacement hardware", "[sim][explain]") {
  Feeder f;
  auto rtu = f.world.asset("cyber/rtu", "rtu", {0, 0, 0, 0, "grid"});
  auto gw = f.world.asset("cyber/gateway", "serial_gateway", {0, 0, 0, 0, "grid"});
  f.world.event("dos", 0, Action::DenyService, {rtu}).duration = core::DurationDistribution::fixed(90);
  f.world.event("brick", 0, Action::DestroyFirmware, {gw});
  const auto r = sim::simulate(f.world.scenario);
  const auto dos = sim::why_still_down(f.world.scenario, r, rtu, 30);
  REQUIRE(dos.size() == 1);
  CHECK(dos[0].reason == Why::DeniedService);
  CHECK(dos[0].until_min == 90);
  const auto brick = sim::why_still_down(f.world.scenario, r, gw, 30);
  REQUIRE(brick.size() == 1);
  CHECK(brick[0].reason == Why::AwaitingReplacement);
  CHECK(brick[0].until_min > 30);
}

TEST_CASE("a crew re-closing onto a dead bus leaves a cause that leads to the event", "[sim][explain]") {
  // infeed - line - sub-a - line - sub-b - line - load. Both substations opened; the single crew
  // re-closes sub-b first (higher priority) while sub-a still cuts it off: sub-b goes from
  // under_repair back to failed, because it has no supply through sub-a.
  WorldBuilder w;
  auto infeed = w.asset("power/infeed", "infeed");
  auto a = w.asset("power/sub-a", "substation");
  auto b = w.asset("power/sub-b", "substation", {0, 0, 0, 0, "grid", 5});
  auto load = w.asset("power/load", "load", {0, 1, 100});
  w.link("power/l-1", infeed, a);
  w.link("power/l-2", a, b);
  w.link("power/l-3", b, load);
  w.crews("grid", 1, 30);
  w.event("open-both", 0, Action::OpenBreaker, {a, b});
  const auto r = sim::simulate(w.scenario);
  const sim::StateChange* refail = nullptr;
  for (const auto& c : r.changes)
    if (c.element == b && c.change == sim::ChangeKind::State && c.from == sim::State::UnderRepair &&
        c.to == sim::State::Failed)
      refail = &c;
  REQUIRE(refail);
  CHECK_FALSE(refail->cause.empty());
  CHECK(refail->cause.kind == sim::CauseKind::Physics);
  const auto chain = sim::explain(r, b, refail->time_min);
  REQUIRE(chain.size() >= 2);
  CHECK(chain.back().change.cause.kind == sim::CauseKind::Event);
  CHECK(chain.back().change.cause.event == 0);
  const auto why = sim::why_still_down(w.scenario, r, b, refail->time_min + 1);
  REQUIRE_FALSE(why.empty());
  CHECK(why.front().reason == Why::SupplierDown);
  CHECK(why.back().element == a);
}

TEST_CASE("taken down by: everything whose cause chain runs through an asset", "[sim][explain]") {
  Feeder f;
  auto tram = f.world.asset("transport/tram", "tram_line", {0, 0, 0, 100});
  f.world.depend(tram, f.load, DependencyKind::Power);
  f.world.crews("grid", 1, 30);
  f.world.event("open", 10, Action::OpenBreaker, {f.sub});
  const auto r = sim::simulate(f.world.scenario);
  // At 20 min the substation holds down both lines at it (a line is out when an end is dead), the
  // load and the tram on that load.
  const auto down = sim::taken_down_by(r, f.sub, 20);
  CHECK(down == std::vector<model::ElementIndex>{f.load, f.line_in, f.line_out, tram});
  // The load took down only the tram; the tram nothing.
  CHECK(sim::taken_down_by(r, f.load, 20) == std::vector<model::ElementIndex>{tram});
  CHECK(sim::taken_down_by(r, tram, 20).empty());
  // Before the event and after the repair, nothing.
  CHECK(sim::taken_down_by(r, f.sub, 5).empty());
  CHECK(sim::taken_down_by(r, f.sub, 300).empty());
}
