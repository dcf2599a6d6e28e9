// Crews on the map: where a routed crew is at a time, interpolated along the courses of the roads
// it drives (a hand-built road graph with coordinates), and the roads' conditions for the map.
#include <catch2/catch.hpp>

#include "blackstart/model/geo.hpp"
#include "blackstart/report/crew_positions.hpp"
#include "blackstart/report/road_conditions.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;
using model::ElementIndex;
using model::GeoPoint;
using report::RoadCondition;
using test::WorldBuilder;

namespace {

//! Depot A (48.0 N, 24.0 E) - B (48.0, 24.1) - C (48.1, 24.1). Road a-b is straight (no path);
//! road c-b is written from C to B with a bend in its path, so a crew from B drives it backwards.
struct Town {
  WorldBuilder w;
  ElementIndex a = junction("a", {48.0, 24.0}), b = junction("b", {48.0, 24.1}),
               c = junction("c", {48.1, 24.1});
  ElementIndex ab = w.link("transport/a-b", a, b, "road");
  ElementIndex cb = w.link("transport/c-b", c, b, "road");
  sim::RunResult run;

  Town() {
    w.scenario.network.element(cb).path = {{48.1, 24.1}, {48.05, 24.12}, {48.0, 24.1}};
    run.crews.push_back({"grid#1", 0, a});
    // To C over a-b and c-b from 10 to 30 min; home again from 50 to 70 min.
    run.crew_legs.push_back({0, sim::CrewLeg::Purpose::Job, c, a, c, 10, 30, {ab, cb}, false});
    run.crew_legs.push_back(
        {0, sim::CrewLeg::Purpose::Home, model::kNoElement, c, a, 50, 70, {cb, ab}, false});
  }
  ElementIndex junction(const std::string& id, GeoPoint place) {
    const auto x = w.asset("transport/" + id, "road_segment");
    w.scenario.network.element(x).geo = place;
    return x;
  }
  const model::Network& net() const { return w.scenario.network; }
};

}  // namespace

TEST_CASE("a road's course runs from the junction the crew drives it from", "[map][crews]") {
  Town t;
  const auto forward = report::road_course(t.net(), t.cb, t.c);
  REQUIRE(forward.size() == 3);
  CHECK(forward.front().lat == 48.1);
  const auto backward = report::road_course(t.net(), t.cb, t.b);
  REQUIRE(backward.size() == 3);
  CHECK(backward.front().lat == 48.0);
  CHECK(backward[1].lon == 24.12);
  // A road without a path: the straight line between its assets.
  const auto straight = report::road_course(t.net(), t.ab, t.a);
  REQUIRE(straight.size() == 2);
  CHECK(straight.back().lon == 24.1);
}

TEST_CASE("a crew waits at its depot, moves along the roads in time, and stands at the end", "[map][crews]") {
  Town t;
  auto at = [&](double minutes) { return report::crew_position(t.net(), t.run, 0, minutes); };

  const auto before = at(5);
  REQUIRE(before);
  CHECK_FALSE(before->driving);
  CHECK(before->at == t.a);
  CHECK(before->place.lon == 24.0);

  // Halfway in time is halfway along the 7.44 km of a-b and the 11.6 km of c-b driven backwards.
  const double ab_km = model::haversine_km({48.0, 24.0}, {48.0, 24.1});
  const double leg1 = model::haversine_km({48.0, 24.1}, {48.05, 24.12});
  const double leg2 = model::haversine_km({48.05, 24.12}, {48.1, 24.1});
  CHECK(ab_km == Approx(7.44).epsilon(0.01));
  const double half = (ab_km + leg1 + leg2) / 2;
  REQUIRE(half > ab_km);
  REQUIRE(half < ab_km + leg1);
  const double f = (half - ab_km) / leg1;
  const auto mid = at(20);
  REQUIRE(mid);
  CHECK(mid->driving);
  CHECK(mid->leg == 0);
  CHECK(mid->place.lat == Approx(48.0 + f * 0.05).margin(1e-9));
  CHECK(mid->place.lon == Approx(24.1 + f * 0.02).margin(1e-9));

  // A quarter of the way: still on a-b, a straight line along the parallel.
  const auto quarter = at(15);
  REQUIRE(quarter);
  CHECK(quarter->place.lat == Approx(48.0));
  CHECK(quarter->place.lon == Approx(24.0 + 0.1 * (half / 2) / ab_km).margin(1e-9));

  const auto on_site = at(40);
  REQUIRE(on_site);
  CHECK_FALSE(on_site->driving);
  CHECK(on_site->at == t.c);
  CHECK(on_site->place.lat == 48.1);

  // On the way home, at a quarter: along c-b from C (the path as written).
  const auto home = at(55);
  REQUIRE(home);
  CHECK(home->driving);
  CHECK(home->leg == 1);
  CHECK(home->place.lat > 48.05);
  CHECK(home->place.lat < 48.1);

  const auto after = at(100);
  REQUIRE(after);
  CHECK(after->at == t.a);
  CHECK(report::crew_positions(t.net(), t.run, 20).size() == 1);
}

TEST_CASE("a crew on roads without coordinates has no place on the map", "[map][crews]") {
  Town t;
  t.w.scenario.network.element(t.a).geo.reset();              // a-b is straight: it needs both ends
  CHECK_FALSE(report::crew_position(t.net(), t.run, 0, 5));   // at the depot A
  CHECK_FALSE(report::crew_position(t.net(), t.run, 0, 20));  // on a-b
  CHECK(report::crew_position(t.net(), t.run, 0, 40));        // at C
  CHECK_FALSE(report::crew_position(t.net(), t.run, 7, 40));  // no such crew
}

TEST_CASE("roads on the map: open, closed when down, slow under dark signals", "[map][roads]") {
  Town t;
  const auto signals = t.w.asset("transport/signals", "traffic_signal_zone");
  t.w.depend(t.b, signals, model::DependencyKind::Power);  // the signals at junction B
  const auto d = t.junction("d", {48.2, 24.1});
  const auto cd = t.w.link("transport/c-d", t.c, d, "road");
  const auto line = t.w.link("power/line", t.w.asset("power/x", "bus"), t.w.asset("power/y", "bus"));

  auto all_work = report::road_conditions(t.net(), [](ElementIndex) { return true; });
  CHECK(all_work[t.ab] == RoadCondition::Open);
  CHECK(all_work[cd] == RoadCondition::Open);
  CHECK(all_work[line] == RoadCondition::NotRoad);
  CHECK(all_work[t.a] == RoadCondition::NotRoad);

  const auto state =
      report::road_conditions(t.net(), [&](ElementIndex x) { return x != signals && x != cd; });
  CHECK(state[t.ab] == RoadCondition::DarkSignals);  // ends at B
  CHECK(state[t.cb] == RoadCondition::DarkSignals);
  CHECK(state[cd] == RoadCondition::Closed);
}
