// Crews as vehicles: routed over a hand-built road network (Dijkstra over the roads open now),
// tours by priority then nearest job, back to the depot, shifts and rests.
#include <catch2/catch.hpp>

#include "blackstart/report/explain_text.hpp"
#include "blackstart/sim/explain.hpp"
#include "blackstart/sim/simulator.hpp"
#include "sim/road_graph.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;
using model::Action;
using model::DependencyKind;
using model::ElementIndex;
using test::WorldBuilder;
using Why = sim::StillDown::Reason;

namespace {

//! Junctions and roads of the transport layer, each road at 60 km/h (1 km a minute), owned by an
//! operator without crews so that a damaged road stays closed.
struct Roads {
  WorldBuilder& w;
  ElementIndex junction(const std::string& id) {
    return w.asset("transport/" + id, "road_segment", {0, 0, 0, 0, "highways"});
  }
  ElementIndex road(const std::string& id, ElementIndex a, ElementIndex b, double km) {
    const auto r = w.link("transport/" + id, a, b, "road");
    auto& e = w.scenario.network.element(r);
    e.operator_name = "highways";
    model::set_attribute(e, "length_km", km);
    model::set_attribute(e, "speed_kmh", 60);
    return r;
  }
};

//! A substation of `grid` that crews reach at junction `at` (an access dependency).
ElementIndex site(WorldBuilder& w, const std::string& id, ElementIndex at, int priority = 0) {
  const auto s = w.asset("power/" + id, "substation", {0, 0, 0, 0, "grid", priority});
  w.depend(s, at, DependencyKind::Access);
  return s;
}

//! `prefix` and a number, built by appending (GCC 12 reports a false -Wrestrict on `"x" +
//! std::to_string(n)`).
std::string numbered(const char* prefix, int n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

void routed_crews(WorldBuilder& w, int count, ElementIndex depot, double shift_min = 16 * 60,
                  double rest_min = 8 * 60) {
  w.crews("grid", count, 999);  // `travel` must not be used for jobs on the roads
  auto& pool = w.scenario.crews["grid"];
  pool.depots = {depot};
  pool.shift_min = shift_min;
  pool.rest_min = rest_min;
}

const sim::RepairStep* dispatch_of(const sim::RunResult& r, ElementIndex x, int nth = 0) {
  for (const auto& s : r.repairs)
    if (s.element == x && s.kind == sim::RepairStep::Kind::CrewDispatched && nth-- == 0) return &s;
  return nullptr;
}

//! Depot D; to the job's junction X: D-A-X (10 + 5 km) or D-B-X (25 + 5 km). One substation at X
//! opened at 10 min: noticed at 15, switched on site in 20 min.
struct Detour {
  WorldBuilder w;
  Roads roads{w};
  ElementIndex d = roads.junction("depot"), a = roads.junction("a"), b = roads.junction("b"),
               x = roads.junction("x");
  ElementIndex da = roads.road("d-a", d, a, 10), db = roads.road("d-b", d, b, 25),
               ax = roads.road("a-x", a, x, 5), bx = roads.road("b-x", b, x, 5);
  ElementIndex sub = site(w, "sub", x);
  Detour() {
    routed_crews(w, 1, d);
    w.event("open", 10, Action::OpenBreaker, {sub});
  }
};

}  // namespace

TEST_CASE("routing: the fastest open road, a blocked road means a detour and a later arrival", "[routing]") {
  Detour t;
  SECTION("all roads open: D-A-X, 15 min") {
    const auto r = sim::simulate(t.w.scenario);
    const auto* step = dispatch_of(r, t.sub);
    REQUIRE(step);
    CHECK(step->time_min == 15);
    CHECK(step->arrive_min == 30);
    CHECK(step->until_min == 50);
    CHECK(step->crew == 0);
    CHECK(step->crew_from == t.d);
    CHECK(step->crew_site == t.x);
    REQUIRE(r.crews.size() == 1);
    CHECK(r.crews[0].name == "grid#1");
    REQUIRE(!r.crew_legs.empty());
    CHECK(r.crew_legs[0].roads == std::vector<ElementIndex>{t.da, t.ax});
  }
  SECTION("road D-A blocked at 0: D-B-X, 30 min") {
    t.w.event("block", 0, Action::Damage, {t.da});
    const auto r = sim::simulate(t.w.scenario);
    const auto* step = dispatch_of(r, t.sub);
    REQUIRE(step);
    CHECK(step->arrive_min == 45);
    CHECK(step->until_min == 65);
    CHECK(r.crew_legs[0].roads == std::vector<ElementIndex>{t.db, t.bx});
  }
  SECTION("both ways blocked: no route; it waits, and explain says why") {
    t.w.event("block-a", 0, Action::Damage, {t.da});
    t.w.event("block-b", 0, Action::Damage, {t.bx});
    const auto r = sim::simulate(t.w.scenario);
    CHECK(dispatch_of(r, t.sub) == nullptr);
    const auto rows = sim::why_still_down(t.w.scenario, r, t.sub, 60);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].reason == Why::NoRoute);
    CHECK(report::still_down_reason(t.w.scenario, rows[0]) ==
          "no free crew of grid can reach it: no open road leads to transport/x");
  }
  SECTION("the road reopens: the crew leaves then") {
    t.w.event("block-a", 0, Action::Damage, {t.da});
    t.w.event("block-b", 0, Action::Damage, {t.bx});
    t.w.event("reopen", 100, Action::Restore, {t.bx});
    const auto r = sim::simulate(t.w.scenario);
    const auto* step = dispatch_of(r, t.sub);
    REQUIRE(step);
    CHECK(step->time_min == 100);
    CHECK(step->arrive_min == 130);
  }
}

TEST_CASE("routing: roads under dark traffic signals are slower", "[routing]") {
  Detour t;
  const auto signals = t.w.asset("transport/signals", "traffic_signal_zone", {0, 0, 0, 0, "highways"});
  auto& dep = t.w.depend(t.da, signals, DependencyKind::Control);
  dep.effect = model::DependencyEffect::Degrade;
  dep.degrade_factor = 0.6;
  SECTION("signals working: 15 min") {
    const auto r = sim::simulate(t.w.scenario);
    CHECK(dispatch_of(r, t.sub)->arrive_min == 30);
  }
  SECTION("signals dark: road D-A at half speed (20 min), still faster than D-B-X (30 min)") {
    t.w.event("dark", 0, Action::Damage, {signals});
    const auto r = sim::simulate(t.w.scenario);
    CHECK(dispatch_of(r, t.sub)->arrive_min == 15 + 25);
  }
  SECTION("signals dark and a factor of 0.25: D-A takes 40 min, the crew goes round by B") {
    t.w.scenario.roads.dark_signals_factor = 0.25;
    t.w.event("dark", 0, Action::Damage, {signals});
    const auto r = sim::simulate(t.w.scenario);
    CHECK(dispatch_of(r, t.sub)->arrive_min == 15 + 30);
    CHECK(r.crew_legs[0].roads == std::vector<ElementIndex>{t.db, t.bx});
  }
}

TEST_CASE("routing: speeds by road class and the scenario's table", "[routing]") {
  WorldBuilder w;
  Roads roads{w};
  const auto d = roads.junction("d"), x = roads.junction("x");
  const auto r = w.link("transport/r", d, x, "road");
  model::set_attribute(w.scenario.network.element(r), "length_km", 45);
  sim::RoadGraph tertiary(w.scenario);  // no class: tertiary, 45 km/h
  CHECK(tertiary.road_minutes(r) == Approx(60));
  model::set_attribute(w.scenario.network.element(r), "road_class", 0);  // motorway, 90 km/h
  CHECK(sim::RoadGraph(w.scenario).road_minutes(r) == Approx(30));
  w.scenario.roads.speed_kmh[0] = 135;
  CHECK(sim::RoadGraph(w.scenario).road_minutes(r) == Approx(20));
  model::set_attribute(w.scenario.network.element(r), "speed_kmh", 27);  // the road's own speed wins
  sim::RoadGraph own(w.scenario);
  CHECK(own.road_minutes(r) == Approx(100));
  CHECK(own.minutes(own.junction_of(d), own.junction_of(x)) == Approx(100));
}

TEST_CASE("routing: a tour by priority, then the nearest job, then back to the depot", "[routing]") {
  // D-P 10, D-Q 30, Q-R 5, P-R 40 km. Jobs at P, Q (priority 5) and R, all noticed at 15 min.
  WorldBuilder w;
  Roads roads{w};
  const auto d = roads.junction("depot"), p = roads.junction("p"), q = roads.junction("q"),
             rr = roads.junction("r");
  roads.road("d-p", d, p, 10);
  roads.road("d-q", d, q, 30);
  roads.road("q-r", q, rr, 5);
  roads.road("p-r", p, rr, 40);
  const auto sp = site(w, "sub-p", p), sq = site(w, "sub-q", q, 5), sr = site(w, "sub-r", rr);
  routed_crews(w, 1, d);
  w.event("open", 10, Action::OpenBreaker, {sp, sq, sr});
  const auto r = sim::simulate(w.scenario);
  // Q first (priority), arriving 15 + 30; from Q the nearest is R (5 min), then P (40 min).
  CHECK(dispatch_of(r, sq)->arrive_min == 45);
  CHECK(dispatch_of(r, sq)->until_min == 65);
  CHECK(dispatch_of(r, sr)->time_min == 65);
  CHECK(dispatch_of(r, sr)->arrive_min == 70);
  CHECK(dispatch_of(r, sp)->time_min == 90);
  CHECK(dispatch_of(r, sp)->arrive_min == 130);
  REQUIRE(r.crew_legs.size() == 4);
  const auto& home = r.crew_legs.back();
  CHECK(home.purpose == sim::CrewLeg::Purpose::Home);
  CHECK(home.from == p);
  CHECK(home.to == d);
  CHECK(home.depart_min == 150);
  CHECK(home.arrive_min == 160);
  CHECK_FALSE(home.rest);

  SECTION("two crews: the nearest free crew to each job") {
    w.scenario.crews["grid"].count = 2;
    const auto two = sim::simulate(w.scenario);
    CHECK(dispatch_of(two, sq)->crew == 0);  // Q: both at the depot, the lower number
    CHECK(dispatch_of(two, sp)->crew == 1);  // then P, 10 min from the depot (R is 35)
    CHECK(dispatch_of(two, sp)->arrive_min == 25);
    CHECK(dispatch_of(two, sr)->crew == 1);  // R: crew 1 is free first (45, at P), 40 min away
    CHECK(dispatch_of(two, sr)->time_min == 45);
    CHECK(dispatch_of(two, sr)->arrive_min == 85);
  }
}

TEST_CASE("routing: a crew called away on its way home turns back or drives on", "[routing]") {
  // D-P 10 km. Job 1 at P noticed at 15 (done 45, heads home at 45, due 55); job 2 at P noticed
  // at 50: turning back costs the 5 min driven, so it is there at 55.
  WorldBuilder w;
  Roads roads{w};
  const auto d = roads.junction("depot"), p = roads.junction("p");
  roads.road("d-p", d, p, 10);
  const auto s1 = site(w, "sub-1", p), s2 = site(w, "sub-2", p);
  routed_crews(w, 1, d);
  w.event("open-1", 10, Action::OpenBreaker, {s1});
  w.event("open-2", 45, Action::OpenBreaker, {s2});
  const auto r = sim::simulate(w.scenario);
  CHECK(dispatch_of(r, s1)->until_min == 45);
  CHECK(dispatch_of(r, s2)->time_min == 50);
  CHECK(dispatch_of(r, s2)->arrive_min == 55);
}

TEST_CASE("routing: after its shift a crew goes home and rests before the next job", "[routing]") {
  // Two jobs at P (10 min from the depot). Shift 30 min, rest 2 h: job 1 ends at 45, 30 min into
  // the shift, so the crew drives home (55) and rests until 175; job 2 waits for it.
  WorldBuilder w;
  Roads roads{w};
  const auto d = roads.junction("depot"), p = roads.junction("p");
  roads.road("d-p", d, p, 10);
  const auto s1 = site(w, "sub-1", p, 1), s2 = site(w, "sub-2", p);
  routed_crews(w, 1, d, 30, 120);
  w.event("open", 10, Action::OpenBreaker, {s1, s2});
  const auto r = sim::simulate(w.scenario);
  CHECK(dispatch_of(r, s1)->until_min == 45);
  REQUIRE(r.crew_legs.size() == 4);  // job 1, home to rest, job 2, home
  CHECK(r.crew_legs[1].purpose == sim::CrewLeg::Purpose::Home);
  CHECK(r.crew_legs[1].rest);
  CHECK(r.crew_legs[1].arrive_min == 55);
  CHECK(dispatch_of(r, s2)->time_min == 175);
  CHECK(dispatch_of(r, s2)->arrive_min == 185);
  CHECK(dispatch_of(r, s2)->until_min == 205);
  CHECK(r.crew_legs[3].purpose == sim::CrewLeg::Purpose::Home);
  CHECK(r.crew_legs[3].arrive_min == 215);
  CHECK(r.crew_legs[3].rest);  // job 2 also ends 30 min into the new shift
  const auto rows = sim::why_still_down(w.scenario, r, s2, 100);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].reason == Why::WaitingForCrew);

  SECTION("a long shift: the second job follows at once") {
    w.scenario.crews["grid"].shift_min = 16 * 60;
    const auto longer = sim::simulate(w.scenario);
    CHECK(dispatch_of(longer, s2)->time_min == 45);
    CHECK(dispatch_of(longer, s2)->arrive_min == 45);
  }
}

TEST_CASE("routing: explain names the crew, where it left from and when it arrives", "[routing]") {
  Detour t;
  const auto r = sim::simulate(t.w.scenario);
  auto rows = sim::why_still_down(t.w.scenario, r, t.sub, 20);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].reason == Why::CrewTravelling);
  CHECK(report::still_down_reason(t.w.scenario, rows[0]) ==
        "crew grid#1 (left transport/depot at 15min) is on its way to transport/x, arriving at 30min");
  rows = sim::why_still_down(t.w.scenario, r, t.sub, 40);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].reason == Why::UnderRepair);
  CHECK(report::still_down_reason(t.w.scenario, rows[0]) ==
        "crew grid#1 (left transport/depot at 15min) is on site at transport/x since 30min, repairing it "
        "until 50min");
}

TEST_CASE("routing: without a depot the pool's travel time stays", "[routing]") {
  Detour t;
  t.w.scenario.crews["grid"].depots.clear();
  t.w.scenario.crews["grid"].travel = core::DurationDistribution::fixed(7);
  const auto r = sim::simulate(t.w.scenario);
  CHECK(dispatch_of(r, t.sub)->arrive_min == 22);
  CHECK(dispatch_of(r, t.sub)->crew == sim::RepairStep::kNoCrew);
  CHECK(r.crews.empty());
  CHECK(r.crew_legs.empty());
}

TEST_CASE("routing: an asset off the roads is reached in the pool's travel time", "[routing]") {
  Detour t;
  const auto off = t.w.asset("power/off", "substation", {0, 0, 0, 0, "grid", 3});
  t.w.scenario.crews["grid"].travel = core::DurationDistribution::fixed(7);
  t.w.event("open-off", 10, Action::OpenBreaker, {off});
  const auto r = sim::simulate(t.w.scenario);
  CHECK(dispatch_of(r, off)->arrive_min == 22);  // priority 3 first, 7 min drawn
  CHECK(dispatch_of(r, off)->crew_from == model::kNoElement);
  CHECK(dispatch_of(r, t.sub)->time_min == 42);  // then from the depot: 15 min over the roads
  CHECK(dispatch_of(r, t.sub)->arrive_min == 57);
}

TEST_CASE("routing: same seed, same crews; another seed, other times", "[routing]") {
  WorldBuilder w;
  Roads roads{w};
  const auto d = roads.junction("depot");
  std::vector<ElementIndex> junctions{d}, subs;
  for (int i = 1; i <= 12; ++i) {
    junctions.push_back(roads.junction(numbered("j", i)));
    roads.road(numbered("r", i), junctions[static_cast<std::size_t>(i - 1)], junctions.back(), 3 + i % 4);
    if (i % 3 == 0) roads.road(numbered("c", i), d, junctions.back(), 2.0 * i);
    subs.push_back(site(w, numbered("sub-", i), junctions.back(), i % 2));
    w.scenario.network.element(subs.back()).repair.manual = {core::DurationDistribution::Kind::Uniform, 10,
                                                             90, 0, 0};
  }
  routed_crews(w, 3, d, 120, 60);
  w.scenario.restoration.detection = {core::DurationDistribution::Kind::Uniform, 1, 30, 0, 0};
  model::Event& e = w.event("open", 10, Action::OpenBreaker, {});
  e.targets = subs;
  const auto legs = [&](std::uint64_t seed) {
    sim::RunOptions o;
    o.seed = seed;
    const auto r = sim::simulate(w.scenario, o);
    std::vector<std::tuple<std::uint32_t, ElementIndex, ElementIndex, double, double>> out;
    for (const auto& leg : r.crew_legs)
      out.emplace_back(leg.crew, leg.job, leg.to, leg.depart_min, leg.arrive_min);
    return out;
  };
  const auto first = legs(7);
  CHECK(first.size() >= 13);
  CHECK(first == legs(7));
  CHECK(first != legs(8));
}
