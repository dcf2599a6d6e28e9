// Fuel and batteries: diesel tanks refilled by fuel trucks routed over the roads, UPS batteries
// that discharge and recharge (docs/places-and-roads.md, "Fuel and batteries"). Scenarios are
// YAML text, loaded as users write them.
#include <catch2/catch.hpp>

#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/report/explain_text.hpp"
#include "blackstart/report/fuel_log.hpp"
#include "blackstart/sim/explain.hpp"
#include "blackstart/sim/simulator.hpp"

using namespace blackstart;
using Kind = sim::FuelRecord::Kind;

namespace {

// Substation out from 1 h for the rest of the day (nobody repairs it). The hospital's diesel tank
// (400 l at 100 l/h: 4 h) asks for fuel at half (3 h); the truck drives 2 x 30 km at 60 km/h
// (1 h) and pumps 30 min. The exchange has a UPS of 1 h that recharges from empty in 2 h.
const char* kTown = R"(blackstart: 1
name: Fuel town
horizon: 24h
layers:
  - name: power
    assets:
      - {id: infeed, type: infeed}
      - {id: sub, type: substation, operator: grid}
      - {id: load, type: load, customers: 1000, load_mw: 2}
    links:
      - {from: infeed, to: sub}
      - {from: sub, to: load}
  - name: transport
    assets:
      - {id: depot, type: road_segment}
      - {id: bridge-end, type: road_segment}
      - {id: hospital-gate, type: road_segment}
    links:
      - {id: river-road, from: depot, to: bridge-end, type: road, length_km: 30, speed_kmh: 60, operator: city}
      - {id: hill-road, from: bridge-end, to: hospital-gate, type: road, length_km: 30, speed_kmh: 60, operator: city}
  - name: services
    kind: other
    assets:
      - {id: hospital, type: hospital}
      - {id: exchange, type: telephone_exchange}
dependencies:
  - {dependent: services/hospital, supplier: power/load, kind: power,
     backup: {kind: diesel, tank_l: 400, burn_lph: 100, refuel: fuel}}
  - {dependent: services/hospital, supplier: transport/hospital-gate, kind: access}
  - {dependent: services/exchange, supplier: power/load, kind: power, backup: EXCHANGE_BACKUP}
fuel:
  - {name: fuel, depot: transport/depot, trucks: 1, transfer: 30min}
crews: []
events:
)";

std::string town(const std::string& events,
                 const std::string& exchange_backup = "{kind: ups, autonomy: 1h, recharge: 2h}") {
  std::string text = kTown;
  const std::string key = "EXCHANGE_BACKUP";
  text.replace(text.find(key), key.size(), exchange_backup);
  return text + events;
}

model::Scenario load(const std::string& text) {
  auto r = io::load_scenario_text(text, "town.yaml", ".");
  INFO(r.diagnostics.to_string());
  REQUIRE(r.ok());
  return std::move(*r.scenario);
}

model::ElementIndex id(const model::Scenario& s, const std::string& name) {
  const auto x = s.network.find(name);
  REQUIRE(x);
  return *x;
}

//! Times at which `x` went to `to`.
std::vector<double> times_to(const sim::RunResult& r, model::ElementIndex x, sim::State to) {
  std::vector<double> out;
  for (const auto& c : r.changes)
    if (c.element == x && c.change == sim::ChangeKind::State && c.to == to) out.push_back(c.time_min);
  return out;
}

std::vector<const sim::FuelRecord*> records(const sim::RunResult& r, Kind kind) {
  std::vector<const sim::FuelRecord*> out;
  for (const auto& f : r.fuel_log)
    if (f.kind == kind) out.push_back(&f);
  return out;
}

const char* kStorm = "  - {id: storm, at: 1h, action: damage, targets: power/sub}\n";

}  // namespace

TEST_CASE("fuel: the truck gets through, the hospital never goes dark", "[fuel]") {
  const auto s = load(town(kStorm));
  const auto r = sim::simulate(s);
  const auto hospital = id(s, "services/hospital");
  CHECK(times_to(r, hospital, sim::State::OnBackup) == std::vector<double>{60});
  CHECK(times_to(r, hospital, sim::State::Failed).empty());
  CHECK(r.final_states[hospital] == sim::State::OnBackup);
  REQUIRE(r.fuel_trucks.size() == 1);
  CHECK(r.fuel_trucks[0].name == "fuel#1");
  // Ordered at half a tank (60 + 120 min), there at 240, pumped by 270 with 30 min (50 l) left.
  const auto ordered = records(r, Kind::Ordered);
  REQUIRE(!ordered.empty());
  CHECK(ordered[0]->time_min == Approx(180));
  CHECK(ordered[0]->level_l == Approx(200));
  const auto sent = records(r, Kind::Dispatched);
  REQUIRE(!sent.empty());
  CHECK(sent[0]->arrive_min == Approx(240));
  CHECK(sent[0]->roads ==
        std::vector<model::ElementIndex>{id(s, "transport/river-road"), id(s, "transport/hill-road")});
  const auto refuelled = records(r, Kind::Refuelled);
  REQUIRE(refuelled.size() == 6);  // every 210 min: 270, 480, 690, 900, 1110, 1320
  CHECK(refuelled[0]->time_min == Approx(270));
  CHECK(refuelled[0]->litres == Approx(350));
  CHECK(refuelled[0]->level_l == Approx(400));
  CHECK(refuelled[5]->time_min == Approx(1320));
  CHECK(records(r, Kind::Dry).empty());
  const auto csv = report::fuel_csv(s, r);
  CHECK(csv.find("270,refuelled,fuel#1,services/hospital,power/load,,transport/hospital-gate,,350,400,\n") !=
        std::string::npos);
}

TEST_CASE("fuel: `reorder_at: 1` asks for a truck as soon as the generator starts", "[fuel]") {
  std::string text = town(kStorm);
  const std::string key = "refuel: fuel}";
  text.replace(text.find(key), key.size(), "refuel: fuel, reorder_at: 1}");
  const auto s = load(text);
  const auto r = sim::simulate(s);
  const auto ordered = records(r, Kind::Ordered);
  REQUIRE(!ordered.empty());
  CHECK(ordered[0]->time_min == Approx(60));
  const auto refuelled = records(r, Kind::Refuelled);
  REQUIRE(!refuelled.empty());
  CHECK(refuelled[0]->time_min == Approx(150));  // 1 h drive, 30 min pumping
  CHECK(refuelled[0]->litres == Approx(150));    // 90 min burnt at 100 l/h
}

TEST_CASE("fuel runs out when the truck cannot get through", "[fuel]") {
  // The hill road is blocked from the start and nobody clears it (its operator has no crews).
  const auto s = load(town(std::string(kStorm) +
                           "  - {id: landslide, at: 0min, action: damage, targets: transport/hill-road}\n"));
  const auto r = sim::simulate(s);
  const auto hospital = id(s, "services/hospital");
  // On the diesel from 1 h; the tank (4 h) is empty at 5 h and the hospital fails then.
  CHECK(times_to(r, hospital, sim::State::OnBackup) == std::vector<double>{60});
  CHECK(times_to(r, hospital, sim::State::Failed) == std::vector<double>{300});
  const auto no_route = records(r, Kind::NoRoute);
  REQUIRE(no_route.size() == 1);
  CHECK(no_route[0]->time_min == Approx(180));
  CHECK(records(r, Kind::Dispatched).empty());
  const auto dry = records(r, Kind::Dry);
  REQUIRE(dry.size() == 1);
  CHECK(dry[0]->time_min == Approx(300));
  CHECK(dry[0]->level_l == Approx(0));
  // The change names the cause; explain names the truck.
  for (const auto& c : r.changes)
    if (c.element == hospital && c.to == sim::State::Failed) {
      CHECK(c.cause.reason == sim::Reason::OutOfFuel);
      CHECK(c.cause.value == Approx(300));
    }
  const auto rows = sim::why_still_down(s, r, hospital, 360);
  REQUIRE(rows.size() >= 2);
  CHECK(rows[0].reason == sim::StillDown::Reason::OutOfFuel);
  CHECK(report::still_down_reason(s, rows[0]) ==
        "backup generator (diesel) out of fuel at 5h; fuel truck fuel#1 cannot reach it (no open road to "
        "transport/hospital-gate); waits for power/load, which is still down");
  const auto chain = report::explain_text(s, sim::explain(r, hospital, 360));
  CHECK(chain.find("services/hospital on_backup -> failed at 5h because of its power supplier power/load — "
                   "diesel out of fuel at 5h") != std::string::npos);
}

TEST_CASE("fuel: a road cleared in time lets the truck through late, and the generator runs again",
          "[fuel]") {
  // Blocked until 5 h 30 min (restored by an event): the truck leaves then, arrives 6 h 30, pumps until 7 h.
  const auto s =
      load(town(std::string(kStorm) +
                "  - {id: landslide, at: 0min, action: damage, targets: transport/hill-road}\n"
                "  - {id: cleared, at: 5h30min, action: restore, targets: transport/hill-road}\n"));
  const auto r = sim::simulate(s);
  const auto hospital = id(s, "services/hospital");
  CHECK(times_to(r, hospital, sim::State::Failed) == std::vector<double>{300});
  const auto sent = records(r, Kind::Dispatched);
  REQUIRE(!sent.empty());
  CHECK(sent[0]->time_min == Approx(330));
  CHECK(sent[0]->arrive_min == Approx(390));
  const auto on_backup = times_to(r, hospital, sim::State::OnBackup);
  REQUIRE(on_backup.size() == 2);
  CHECK(on_backup[1] == Approx(420));
  const auto rows = sim::why_still_down(s, r, hospital, 400);
  REQUIRE(!rows.empty());
  CHECK(report::still_down_reason(s, rows[0])
            .rfind("backup generator (diesel) out of fuel at 5h; fuel truck fuel#1 is pumping at "
                   "transport/hospital-gate "
                   "since 6h30min",
                   0) == 0);
}

TEST_CASE("UPS: a battery recharges after power returns, so a second outage soon after is shorter",
          "[fuel][battery]") {
  // Out 1:00-1:30 (30 of its 60 min used), back; out again at 2:00 after 30 min of recharge at
  // 60 min per 2 h: 45 min left, dark at 2:45. The old fixed autonomy would carry it to 3:00.
  const std::string events =
      "  - {id: trip-1, at: 1h, action: open_breaker, targets: power/sub}\n"
      "  - {id: back-1, at: 1h30min, action: restore, targets: power/sub}\n"
      "  - {id: trip-2, at: 2h, action: open_breaker, targets: power/sub}\n";
  const auto s = load(town(events));
  const auto r = sim::simulate(s);
  const auto exchange = id(s, "services/exchange");
  CHECK(times_to(r, exchange, sim::State::OnBackup) == std::vector<double>{60, 120});
  CHECK(times_to(r, exchange, sim::State::Failed) == std::vector<double>{165});
  sim::BackupSample::Mode mode{};
  std::uint32_t d = 0;
  while (s.network.dependencies()[d].dependent != exchange) ++d;
  CHECK(sim::backup_level_at(s, r.backup_levels, d, 90, &mode) == Approx(30));
  CHECK(sim::backup_level_at(s, r.backup_levels, d, 105, &mode) == Approx(37.5));
  CHECK(mode == sim::BackupSample::Mode::Charging);
  CHECK(sim::backup_level_at(s, r.backup_levels, d, 150, &mode) == Approx(15));
  CHECK(mode == sim::BackupSample::Mode::Discharging);
  CHECK(report::backups_csv(s, r).find("90,services/exchange,power/load,ups,30,50,recharging\n") !=
        std::string::npos);

  SECTION("the old `autonomy` alone: full again at every outage, as before") {
    const auto old = load(town(events, "{kind: ups, autonomy: 1h}"));
    const auto r2 = sim::simulate(old);
    CHECK(times_to(r2, id(old, "services/exchange"), sim::State::Failed) == std::vector<double>{180});
    CHECK(r2.backup_levels.size() == r.backup_levels.size() - [&] {
      std::size_t n = 0;
      for (const auto& b : r.backup_levels) n += b.dependency == d;
      return n;
    }());
  }
  SECTION("the same battery in energy terms: 20 kWh at 20 kW, recharged at 10 kW") {
    const auto kwh = load(town(events, "{kind: ups, capacity_kwh: 20, load_kw: 20, recharge_kw: 10}"));
    CHECK(times_to(sim::simulate(kwh), id(kwh, "services/exchange"), sim::State::Failed) ==
          std::vector<double>{165});
  }
}

TEST_CASE("fuel: same scenario, same fuel log and changes", "[fuel]") {
  const auto s =
      load(town(std::string(kStorm) +
                "  - {id: landslide, at: 0min, action: damage, targets: transport/hill-road}\n"
                "  - {id: cleared, at: 5h30min, action: restore, targets: transport/hill-road}\n"));
  const auto a = sim::simulate(s);
  const auto b = sim::simulate(s);
  CHECK(report::fuel_csv(s, a) == report::fuel_csv(s, b));
  CHECK(report::backups_csv(s, a) == report::backups_csv(s, b));
  REQUIRE(a.changes.size() == b.changes.size());
  for (std::size_t i = 0; i < a.changes.size(); ++i) {
    CHECK(a.changes[i].time_min == b.changes[i].time_min);
    CHECK(a.changes[i].element == b.changes[i].element);
    CHECK(a.changes[i].to == b.changes[i].to);
  }
}

TEST_CASE("fuel and battery fields: errors name file, line and column", "[fuel][io]") {
  const auto errors = [](const std::string& text) {
    const auto r = io::load_scenario_text(text, "town.yaml", ".");
    CHECK_FALSE(r.ok());
    return r.diagnostics.to_string();
  };
  const std::string ok_ups = "{kind: ups, autonomy: 1h, recharge: 2h}";
  // Line 30 of the text holds the exchange's backup (col 79: the map after `backup: `).
  CHECK_THAT(errors(town(kStorm, "{kind: diesel, tank_l: 400}")),
             Catch::Contains("town.yaml:30:79: error: a fuel tank needs 'tank_l' (litres) and 'burn_lph'"));
  CHECK_THAT(errors(town(kStorm, "{kind: ups, autonomy: 1h, recharge: 0min}")),
             Catch::Contains("town.yaml:30:115: error: recharge must be longer than 0min"));
  CHECK_THAT(
      errors(town(kStorm, "{kind: ups, autonomy: 1h, tank_l: 5, burn_lph: 1}")),
      Catch::Contains("town.yaml:30:101: error: a fuel tank's autonomy comes from 'tank_l' and 'burn_lph'"));
  CHECK_THAT(errors(town(kStorm, "{tank_l: 400, burn_lph: -5}")),
             Catch::Contains("town.yaml:30:103: error: burn_lph = -5 is out of range"));
  CHECK_THAT(errors(town(kStorm, "{tank_l: 400, burn_lph: 50, refuel: tankers}")),
             Catch::Contains(
                 "town.yaml:30:5: error: backup 'refuel: tankers' names no fuel pool (fuel pools: fuel)"));
  CHECK_THAT(errors(town(kStorm, "{autonomy: 1h, recharge: 2h, tank_l: 5}")),
             Catch::Contains("error: a backup is either a battery"));
  CHECK_THAT(errors(town(kStorm, "{kind: ups, autonomy: 1h, recharge_kw: 3}")),
             Catch::Contains("error: 'recharge_kw' needs 'capacity_kwh'"));
  std::string bad_pool = town(kStorm, ok_ups);
  const std::string depot = "depot: transport/depot,";
  bad_pool.replace(bad_pool.find(depot), depot.size(), "depot: power/sub,");
  CHECK_THAT(
      errors(bad_pool),
      Catch::Contains("town.yaml:32:25: error: depot 'power/sub' must be an asset of a transport layer"));
  std::string no_depot = town(kStorm, ok_ups);
  no_depot.replace(no_depot.find("depot: transport/depot, "), 24, "");
  const auto no_depot_errors = errors(no_depot);
  CHECK_THAT(no_depot_errors, Catch::Contains("town.yaml:32:5: error: a fuel pool needs a 'depot'"));
  CHECK_THAT(
      no_depot_errors,
      Catch::Contains("town.yaml:27:5: error: backup 'refuel: fuel' names no fuel pool (the scenario has "
                      "no fuel pools)"));
}
