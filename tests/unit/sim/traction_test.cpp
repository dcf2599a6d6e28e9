// Electric lines as sections fed by traction substations: a line runs the share of its sections
// that have power (and working signals), stops when a through section is dead, and its passengers
// not carried are counted per line (trips and passenger-hours).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/metrics/metrics.hpp"
#include "blackstart/metrics/road_capacity.hpp"
#include "blackstart/report/explain_text.hpp"
#include "blackstart/report/report.hpp"
#include "blackstart/sim/explain.hpp"
#include "blackstart/sim/simulator.hpp"

using namespace blackstart;

namespace {

//! Three traction substations on one infeed; a tram of 1200 passengers/h; a rail signalling zone
//! powered from ts-3. Events open and restore substations at set times (no crews: nothing else acts).
const std::string kTown =
    "blackstart: 1\nname: traction\nhorizon: 2h\n"
    "layers:\n"
    "  - name: power\n"
    "    assets:\n"
    "      - {id: grid, type: infeed}\n"
    "      - {id: ts-1, type: substation}\n"
    "      - {id: ts-2, type: substation}\n"
    "      - {id: ts-3, type: substation}\n"
    "    links: [{from: grid, to: ts-1}, {from: grid, to: ts-2}, {from: grid, to: ts-3}]\n"
    "  - name: transport\n"
    "    assets:\n"
    "      - {id: tram, type: tram_line, passengers_per_hour: 1200}\n"
    "      - {id: bus, type: road_segment, passengers_per_hour: 600}\n"
    "      - {id: signals, type: rail_signal_zone}\n"
    "dependencies:\n"
    "  - {dependent: transport/signals, supplier: power/ts-3, kind: power}\n";

io::LoadResult load(const std::string& traction, const std::string& events) {
  return io::load_scenario_text(kTown + traction + "events:\n" + events, "traction.yaml", ".");
}

std::string ev(const std::string& id, const std::string& at, const std::string& action,
               const std::string& target) {
  return "  - {id: " + id + ", at: " + at + ", action: " + action + ", targets: " + target + "}\n";
}

//! The tram's state and share of service at time t (after everything at t).
struct At {
  sim::State state;
  double passengers;  // transport layer's passengers affected per hour
};
At at(const model::Scenario& s, const sim::RunResult& r, double t) {
  const auto tram = *s.network.find("transport/tram");
  sim::State state = sim::State::InService;
  for (const auto& c : r.changes)
    if (c.element == tram && c.time_min <= t && c.change == sim::ChangeKind::State) state = c.to;
  const auto& point = metrics::point_at(r, t);
  return {state, point.layers[1].passengers_affected};
}

const std::string kThreeSections =
    "traction:\n"
    "  lines:\n"
    "    - line: transport/tram\n"
    "      sections:\n"
    "        - {id: west, fed_by: power/ts-1}\n"
    "        - {id: centre, fed_by: [power/ts-1, power/ts-2]}\n"
    "        - {id: east, fed_by: power/ts-2}\n";

}  // namespace

TEST_CASE("traction: one substation down degrades the line, all stop it, restored runs", "[traction]") {
  const auto loaded =
      load(kThreeSections,
           ev("o1", "10min", "open_breaker", "power/ts-1") + ev("o2", "20min", "open_breaker", "power/ts-2") +
               ev("r1", "30min", "restore", "power/ts-1") + ev("r2", "40min", "restore", "power/ts-2"));
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  const auto& s = *loaded.scenario;
  const auto r = sim::simulate(s);

  CHECK(at(s, r, 5).state == sim::State::InService);
  CHECK(at(s, r, 5).passengers == 0);
  // ts-1 out: west has no power, centre is fed from ts-2 (single-end feeding): 2 of 3 sections run.
  CHECK(at(s, r, 10).state == sim::State::Degraded);
  CHECK(at(s, r, 10).passengers == Approx(400));
  // ts-2 out as well: no section has power.
  CHECK(at(s, r, 20).state == sim::State::Failed);
  CHECK(at(s, r, 20).passengers == Approx(1200));
  // ts-1 back: west and centre run, east still dead.
  CHECK(at(s, r, 30).state == sim::State::Degraded);
  CHECK(at(s, r, 30).passengers == Approx(400));
  CHECK(at(s, r, 40).state == sim::State::Restored);
  CHECK(at(s, r, 40).passengers == 0);

  // The change that degraded it names the substation that went and the dependency kind.
  const auto tram = *s.network.find("transport/tram");
  bool named = false;
  for (const auto& c : r.changes)
    if (c.element == tram && c.time_min == 10) {
      CHECK(c.cause.kind == sim::CauseKind::Dependency);
      CHECK(s.network.element(c.cause.element).id == "power/ts-1");
      CHECK(c.cause.via == model::DependencyKind::Power);
      named = true;
    }
  CHECK(named);

  SECTION("passenger trips and hours lost, per line") {
    const auto summary = metrics::summarize(r);
    REQUIRE(summary.lines.size() == 2);
    const auto& line = summary.lines[0];
    CHECK(line.id == "transport/tram");
    CHECK(line.sections == 3);
    // 400/h for 10 min, 1200/h for 10 min, 400/h for 10 min = 66.67 + 200 + 66.67 trips.
    CHECK(line.passenger_trips_lost == Approx(1000.0 / 3));
    CHECK(line.passenger_hours_lost == Approx(500.0 / 3));  // 30 min lost per trip (ASSUMPTION)
    CHECK(line.min_service_fraction == 0);
    CHECK(line.hours_stopped == Approx(10.0 / 60));
    CHECK(line.hours_reduced == Approx(20.0 / 60));
    CHECK(summary.lines[1].id == "transport/bus");
    CHECK(summary.lines[1].passenger_trips_lost == 0);
    CHECK(summary.lines[1].sections == 0);
    // The lines add up to the layer's figure.
    CHECK(summary.layers[1].passenger_trips_lost == Approx(line.passenger_trips_lost));
    const std::string json = report::summary_json(summary, {});
    CHECK(json.find("\"transport/tram\": {\n      \"type\": \"tram_line\"") != std::string::npos);

    // `run --out DIR` writes them to lines.csv.
    const auto dir = std::filesystem::temp_directory_path() / "blackstart-traction-test";
    std::filesystem::remove_all(dir);
    std::string error;
    REQUIRE(report::write_run_outputs(dir, s, r, summary, {}, &error));
    std::ifstream in(dir / "lines.csv");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text ==
          "line,type,passengers_per_hour,sections,passenger_trips_lost,passenger_hours_lost,min_service_"
          "fraction,"
          "hours_stopped,hours_reduced\n"
          "transport/tram,tram_line,1200,3,333.333,166.667,0,0.166667,0.333333\n"
          "transport/bus,road_segment,600,0,0,0,1,0,0\n");
    CHECK_FALSE(std::filesystem::exists(dir / "roads.csv"));  // no road has capacity_vph
    std::filesystem::remove_all(dir);
  }
}

TEST_CASE("traction: a dead through section stops the whole line", "[traction]") {
  const auto loaded = load(
      "traction:\n"
      "  lines:\n"
      "    - line: transport/tram\n"
      "      sections:\n"
      "        - {id: depot-access, fed_by: power/ts-1, through: true}\n"
      "        - {id: a, fed_by: power/ts-2}\n"
      "        - {id: b, fed_by: power/ts-2}\n"
      "        - {id: c, fed_by: power/ts-3}\n",
      ev("o1", "10min", "open_breaker", "power/ts-1") + ev("r1", "30min", "restore", "power/ts-1") +
          ev("o3", "40min", "open_breaker", "power/ts-3"));
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  const auto r = sim::simulate(*loaded.scenario);
  CHECK(at(*loaded.scenario, r, 10).state == sim::State::Failed);  // 3 of 4 sections have power
  // "Why is it still down" goes from the line to the dead feeder of the through section.
  const auto rows =
      sim::why_still_down(*loaded.scenario, r, *loaded.scenario->network.find("transport/tram"), 20);
  REQUIRE_FALSE(rows.empty());
  CHECK(report::still_down_reason(*loaded.scenario, rows[0]) == "waits for power/ts-1, which is still down");
  CHECK(at(*loaded.scenario, r, 30).state == sim::State::Restored);
  CHECK(at(*loaded.scenario, r, 40).state == sim::State::Degraded);  // c is not a through section
  CHECK(at(*loaded.scenario, r, 40).passengers == Approx(300));
  const auto lines = metrics::summarize(r).lines;
  // 20 min stopped (400 trips) + 80 min at 3/4 (400 trips).
  CHECK(lines[0].passenger_trips_lost == Approx(800));
}

TEST_CASE("traction: a dark signalling zone slows the sections it covers", "[traction]") {
  const std::string traction =
      "traction:\n"
      "  dark_signals_factor: 0.4\n"
      "  lines:\n"
      "    - line: transport/tram\n"
      "      sections:\n"
      "        - {id: a, fed_by: power/ts-1}\n"
      "        - {id: b, fed_by: power/ts-1, signals: transport/signals}\n";
  const std::string events =
      ev("o3", "10min", "open_breaker", "power/ts-3") + ev("r3", "70min", "restore", "power/ts-3");
  SECTION("an ordinary section under dark signals runs at the factor") {
    const auto loaded = load(traction, events);
    INFO(loaded.diagnostics.to_string());
    REQUIRE(loaded.ok());
    const auto r = sim::simulate(*loaded.scenario);
    CHECK(at(*loaded.scenario, r, 10).state == sim::State::Degraded);
    CHECK(at(*loaded.scenario, r, 10).passengers == Approx(1200 * 0.3));  // (1 + 0.4) / 2 runs
    const auto tram = *loaded.scenario->network.find("transport/tram");
    for (const auto& c : r.changes)
      if (c.element == tram && c.time_min == 10) {
        CHECK(loaded.scenario->network.element(c.cause.element).id == "transport/signals");
        CHECK(c.cause.via == model::DependencyKind::Control);
      }
    CHECK(at(*loaded.scenario, r, 70).state == sim::State::Restored);
    CHECK(metrics::summarize(r).lines[0].passenger_trips_lost == Approx(360));  // 360/h for 1 h
  }
  SECTION("a line whose factor is 0 stops under dark signals on a through section") {
    std::string t = traction;
    t.replace(t.find("signals: transport/signals}"), 27, "signals: transport/signals, through: true}");
    t.replace(t.find("      sections:"), 0, "      dark_signals_factor: 0\n");
    const auto loaded = load(t, events);
    INFO(loaded.diagnostics.to_string());
    REQUIRE(loaded.ok());
    const auto r = sim::simulate(*loaded.scenario);
    CHECK(at(*loaded.scenario, r, 10).state == sim::State::Failed);
    CHECK(at(*loaded.scenario, r, 70).state == sim::State::Restored);
  }
}

TEST_CASE("traction: a scenario without traction lines runs as before", "[traction]") {
  const auto loaded = load("", ev("o1", "10min", "open_breaker", "power/ts-1"));
  REQUIRE(loaded.ok());
  const auto r = sim::simulate(*loaded.scenario);
  CHECK(at(*loaded.scenario, r, 10).state == sim::State::InService);
  CHECK(r.service_changes.empty());
  CHECK(r.services.size() == 2);
}

TEST_CASE("road capacity: dark signals halve it, a closed road has none", "[traction][roads]") {
  const std::string world =
      "blackstart: 1\nname: roads\nhorizon: 2h\n"
      "layers:\n"
      "  - name: power\n"
      "    assets: [{id: grid, type: infeed}, {id: sub, type: substation}]\n"
      "    links: [{from: grid, to: sub}]\n"
      "  - name: transport\n"
      "    assets:\n"
      "      - {id: a, type: junction}\n"
      "      - {id: b, type: junction}\n"
      "      - {id: lights, type: traffic_signal_zone}\n"
      "    links:\n"
      "      - {id: main, from: a, to: b, type: road, length_km: 2, capacity_vph: 1800}\n"
      "      - {id: side, from: a, to: b, type: road, length_km: 3}\n"
      "dependencies:\n"
      "  - {dependent: transport/lights, supplier: power/sub, kind: power}\n"
      "  - {dependent: transport/b, supplier: transport/lights, kind: control}\n"
      "roads: {dark_signals_capacity_factor: 0.4}\n"
      "events:\n";
  const auto loaded = io::load_scenario_text(
      world + ev("dark", "10min", "open_breaker", "power/sub") + ev("lit", "40min", "restore", "power/sub") +
          ev("cut", "60min", "damage", "transport/main") + ev("fixed", "90min", "restore", "transport/main"),
      "roads.yaml", ".");
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  const auto r = sim::simulate(*loaded.scenario);
  const auto roads = metrics::road_capacity_losses(*loaded.scenario, r);
  REQUIRE(roads.size() == 1);  // `side` has no capacity_vph
  CHECK(roads[0].id == "transport/main");
  CHECK(roads[0].hours_dark == Approx(0.5));
  CHECK(roads[0].hours_closed == Approx(0.5));
  // 30 min at 40 % (540 vehicles) + 30 min closed (900 vehicles).
  CHECK(roads[0].vehicles_lost == Approx(1800 * 0.6 * 0.5 + 1800 * 0.5));
  CHECK(roads[0].min_capacity_share == 0);
}
