#include <catch2/catch.hpp>

#include "blackstart/metrics/metrics.hpp"
#include "blackstart/sim/explain.hpp"
#include "blackstart/sim/simulator.hpp"
#include "support/cause_text.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;
using model::Action;
using model::DependencyKind;
using sim::State;
using test::AssetSpec;
using test::Feeder;
using test::WorldBuilder;

namespace {
//! Changes of one element's state, in order.
std::vector<sim::StateChange> history(const sim::RunResult& r, model::ElementIndex x) {
  std::vector<sim::StateChange> out;
  for (const auto& c : r.changes)
    if (c.element == x && c.change == sim::ChangeKind::State) out.push_back(c);
  return out;
}
const sim::StateChange* first_to(const sim::RunResult& r, model::ElementIndex x, const std::string& to) {
  for (const auto& c : r.changes)
    if (c.element == x && sim::to_name(c) == to) return &c;
  return nullptr;
}
}  // namespace

TEST_CASE("opening a substation de-energises the load behind it, with the substation as cause", "[sim]") {
  Feeder f;
  f.world.event("open", 10, Action::OpenBreaker, {f.sub});
  const auto r = sim::simulate(f.world.scenario);
  const auto load_changes = history(r, f.load);
  REQUIRE(load_changes.size() == 1);  // no crews: never restored
  CHECK(load_changes[0].time_min == 10);
  CHECK(sim::to_name(load_changes[0]) == "failed");
  CHECK(load_changes[0].cause.kind == sim::CauseKind::Physics);
  // Nearest failed element upstream is the line out of the opened substation, then the substation.
  CHECK(test::cause_text(f.world.scenario, load_changes[0]) == "power/l-out");
  const auto sub_changes = history(r, f.sub);
  REQUIRE(sub_changes.size() == 1);
  CHECK(sub_changes[0].cause.kind == sim::CauseKind::Event);
  CHECK(test::cause_text(f.world.scenario, sub_changes[0]) == "open");
  const auto& worst = metrics::point_at(r, 11).layers[0];
  CHECK(worst.customers_without_power == 1000);
  CHECK(worst.shed_mw == Approx(2));
  CHECK(worst.performance == Approx(0));
}

TEST_CASE("an island short of generation sheds load proportionally", "[sim]") {
  WorldBuilder w;
  auto gen = w.asset("power/gen", "generator", {40});
  auto grid = w.asset("power/grid", "infeed");
  auto bus = w.asset("power/bus", "bus");
  auto a = w.asset("power/load-a", "load", {0, 30, 300});
  auto b = w.asset("power/load-b", "load", {0, 30, 600});
  w.link("power/g", gen, bus);
  auto tie = w.link("power/tie", grid, bus);
  w.link("power/la", bus, a);
  w.link("power/lb", bus, b);
  w.event("cut-tie", 60, Action::Trip, {tie});
  const auto r = sim::simulate(w.scenario);
  const auto& before = metrics::point_at(r, 30).layers[0];
  CHECK(before.shed_mw == 0);
  const auto& after = metrics::point_at(r, 61).layers[0];
  // 40 MW for 60 MW of demand: every load keeps 2/3.
  CHECK(after.shed_mw == Approx(20));
  CHECK(after.customers_without_power == Approx(300.0 / 3 + 600.0 / 3));
  CHECK(r.final_states[a] == State::Degraded);
  CHECK(r.final_states[b] == State::Degraded);
  // Power balance: served + shed = demand.
  CHECK((60.0 - after.shed_mw) == Approx(40));
}

TEST_CASE("a parallel path keeps the load supplied", "[sim]") {
  Feeder f;
  auto second = f.world.asset("power/sub2", "substation");
  f.world.link("power/l-in2", f.infeed, second);
  f.world.link("power/l-out2", second, f.load);
  f.world.event("open", 10, Action::OpenBreaker, {f.sub});
  const auto r = sim::simulate(f.world.scenario);
  CHECK(history(r, f.load).empty());
  CHECK(metrics::summarize(r).peak_customers_without_power == 0);
}

TEST_CASE("power dependencies fail dependents, after their delay", "[sim]") {
  Feeder f;
  auto tram = f.world.asset("transport/tram", "tram_line", {0, 0, 0, 2000});
  auto pump = f.world.asset("water/pump", "pump");
  f.world.depend(tram, f.load, DependencyKind::Power);
  f.world.depend(pump, f.load, DependencyKind::Power).delay_min = 30;
  f.world.event("open", 10, Action::OpenBreaker, {f.sub});
  const auto r = sim::simulate(f.world.scenario);
  const auto* tram_down = first_to(r, tram, "failed");
  REQUIRE(tram_down);
  CHECK(tram_down->time_min == 10);
  CHECK(tram_down->cause.kind == sim::CauseKind::Dependency);
  CHECK(test::cause_text(f.world.scenario, *tram_down) == "power/load");
  CHECK(tram_down->cause.via == DependencyKind::Power);
  const auto* pump_down = first_to(r, pump, "failed");
  REQUIRE(pump_down);
  CHECK(pump_down->time_min == 40);
  CHECK(metrics::point_at(r, 20).layers[1].passengers_affected == 2000);
}

TEST_CASE("a backup carries the dependent for its autonomy, unless disabled", "[sim]") {
  Feeder f;
  auto scada = f.world.asset("cyber/scada", "scada_server");
  auto phones = f.world.asset("cyber/phones", "telephony");
  f.world.depend(scada, f.load, DependencyKind::Power).backup_min = 120.0;
  f.world.depend(phones, f.load, DependencyKind::Power).backup_min = 120.0;
  f.world.event("open", 10, Action::OpenBreaker, {f.sub});
  f.world.event("ups-attack", 30, Action::DisableBackup, {phones});
  const auto r = sim::simulate(f.world.scenario);
  const auto scada_history = history(r, scada);
  REQUIRE(scada_history.size() == 2);
  CHECK(sim::to_name(scada_history[0]) == "on_backup");
  CHECK(scada_history[0].time_min == 10);
  CHECK(sim::to_name(scada_history[1]) == "failed");
  CHECK(scada_history[1].time_min == 130);
  const auto phone_history = history(r, phones);
  REQUIRE(phone_history.size() == 2);
  CHECK(sim::to_name(phone_history[1]) == "failed");
  CHECK(phone_history[1].time_min == 30);
  CHECK(test::detail_text(f.world.scenario, phone_history[1]).find("backup disabled by ups-attack") !=
        std::string::npos);
}

TEST_CASE("control is lost transitively and forces manual restoration by crews", "[sim]") {
  Feeder f;
  auto rtu = f.world.asset("cyber/rtu", "rtu", {0, 0, 0, 0, "grid"});
  auto scada = f.world.asset("cyber/scada", "scada_server", {0, 0, 0, 0, "it"});
  f.world.depend(f.sub, rtu, DependencyKind::Control);
  f.world.depend(rtu, scada, DependencyKind::Control);
  f.world.crews("grid", 1, 30);
  f.world.event("open", 10, Action::OpenBreaker, {f.sub});

  SECTION("with control, operators re-close remotely") {
    const auto r = sim::simulate(f.world.scenario);
    const auto* repair = first_to(r, f.sub, "under_repair");
    REQUIRE(repair);
    CHECK(test::cause_text(f.world.scenario, *repair) == "remote operation");
    CHECK(repair->time_min == 15);  // detection 5 min
    const auto* back = first_to(r, f.sub, "restored");
    REQUIRE(back);
    CHECK(back->time_min == 20);  // remote switching 5 min
    CHECK(first_to(r, f.load, "restored")->time_min == 20);
  }
  SECTION("with the SCADA server compromised, a crew must drive out") {
    f.world.event("hijack", 5, Action::Compromise, {scada});
    const auto r = sim::simulate(f.world.scenario);
    const auto* loc = first_to(r, f.sub, "loss_of_control");
    REQUIRE(loc);
    CHECK(loc->time_min == 5);
    CHECK(test::cause_text(f.world.scenario, *loc) ==
          "cyber/rtu");  // the RTU is under loss of control through the SCADA server
    const auto* rtu_loc = first_to(r, rtu, "loss_of_control");
    REQUIRE(rtu_loc);
    CHECK(test::cause_text(f.world.scenario, *rtu_loc) == "cyber/scada");
    const auto* repair = first_to(r, f.sub, "under_repair");
    REQUIRE(repair);
    CHECK(test::cause_text(f.world.scenario, *repair) == "crew:grid");
    CHECK(first_to(r, f.sub, "restored")->time_min == 15 + 30 + 20);  // travel 30 + switching 20
  }
}

TEST_CASE("crews are a limited resource and serve higher priority first", "[sim]") {
  WorldBuilder w;
  auto infeed = w.asset("power/infeed", "infeed");
  std::vector<model::ElementIndex> subs;
  for (int i = 0; i < 3; ++i) {
    auto s = w.asset("power/sub-" + std::to_string(i), "substation", {0, 0, 0, 0, "grid", i == 2 ? 5 : 0});
    auto l = w.asset("power/load-" + std::to_string(i), "load", {0, 1, 100});
    w.link("power/a-" + std::to_string(i), infeed, s);
    w.link("power/b-" + std::to_string(i), s, l);
    subs.push_back(s);
  }
  w.crews("grid", 1, 30);
  w.event("open-all", 0, Action::OpenBreaker, {subs[0], subs[1], subs[2]});
  const auto r = sim::simulate(w.scenario);
  // One crew: detection 5, then each job 30 travel + 20 switching, priority 5 first, then by index.
  CHECK(first_to(r, subs[2], "restored")->time_min == 55);
  CHECK(first_to(r, subs[0], "restored")->time_min == 105);
  CHECK(first_to(r, subs[1], "restored")->time_min == 155);
  const auto summary = metrics::summarize(r);
  CHECK(summary.time_to_full_restoration_min == Approx(155));
  // Customer-minutes: 100 customers out for 55, 105 and 155 minutes.
  CHECK(summary.customer_minutes_interrupted == Approx(100.0 * (55 + 105 + 155)));
}

TEST_CASE("access dependencies hold crews back until the road is open", "[sim]") {
  Feeder f;
  auto road = f.world.asset("transport/road", "road_segment");
  f.world.depend(f.sub, road, DependencyKind::Access);
  f.world.crews("grid", 1, 30);
  f.world.event("open", 0, Action::OpenBreaker, {f.sub});
  f.world.event("landslide", 0, Action::Damage, {road});
  f.world.event("road-cleared", 120, Action::Restore, {road});
  const auto r = sim::simulate(f.world.scenario);
  const auto* repair = first_to(r, f.sub, "under_repair");
  REQUIRE(repair);
  CHECK(repair->time_min == 120);
  CHECK(first_to(r, f.sub, "restored")->time_min == 170);
}

TEST_CASE("traffic signals going dark degrade the roads they control", "[sim]") {
  Feeder f;
  auto signals = f.world.asset("transport/signals", "traffic_signal_zone");
  auto road = f.world.asset("transport/road", "road_segment", {0, 0, 0, 5000});
  f.world.depend(signals, f.load, DependencyKind::Power);
  auto& dep = f.world.depend(road, signals, DependencyKind::Control);
  dep.effect = model::DependencyEffect::Degrade;
  dep.degrade_factor = 0.6;
  f.world.event("open", 10, Action::OpenBreaker, {f.sub});
  const auto r = sim::simulate(f.world.scenario);
  CHECK(r.final_states[road] == State::Degraded);
  const auto& t = metrics::point_at(r, 60).layers[1];
  CHECK(t.passengers_affected == Approx(2000));
  CHECK(t.performance == Approx(0.6));
}

TEST_CASE("denial of service ends by itself; firmware destruction needs replacement", "[sim]") {
  WorldBuilder w;
  auto phones = w.asset("cyber/callcentre", "call_centre", {0, 0, 0, 0, "it"});
  auto gateway = w.asset("cyber/gw", "serial_gateway", {0, 0, 0, 0, "it"});
  w.crews("it", 1, 10);
  w.event("tdos", 10, Action::DenyService, {phones}).duration = core::DurationDistribution::fixed(60);
  w.event("brick", 10, Action::DestroyFirmware, {gateway});
  const auto r = sim::simulate(w.scenario);
  const auto* back = first_to(r, phones, "restored");
  REQUIRE(back);
  CHECK(back->time_min == 70);
  CHECK(back->cause.kind == sim::CauseKind::Restoration);
  CHECK(test::cause_text(w.scenario, *back) == "tdos");
  const auto* replaced = first_to(r, gateway, "under_repair");
  REQUIRE(replaced);
  CHECK(test::cause_text(w.scenario, *replaced) == "replacement");
  CHECK(r.final_states[gateway] == State::UnderRepair);  // 14 days > 24 h horizon
  SECTION("recoverable firmware is re-flashed on site by a crew") {
    w.scenario.network.element(gateway).recoverable_firmware = true;
    const auto r2 = sim::simulate(w.scenario);
    CHECK(test::cause_text(w.scenario, *first_to(r2, gateway, "under_repair")) == "crew:it");
    CHECK(first_to(r2, gateway, "restored")->time_min == Approx(10 + 5 + 10 + 240));
  }
}

TEST_CASE("a worse attack replaces a lesser one; restore clears it", "[sim]") {
  WorldBuilder w;
  auto hmi = w.asset("cyber/hmi", "hmi", {0, 0, 0, 0, "it"});
  w.event("hijack", 0, Action::Compromise, {hmi});
  w.event("killdisk", 60, Action::Wipe, {hmi});
  const auto r = sim::simulate(w.scenario);
  const auto h = history(r, hmi);
  REQUIRE(h.size() == 2);
  CHECK(sim::to_name(h[0]) == "compromised");
  CHECK(sim::from_name(h[1]) == "compromised");
  CHECK(sim::to_name(h[1]) == "failed");
  CHECK(test::cause_text(w.scenario, h[1]) == "killdisk");
  const auto& cyber = metrics::point_at(r, 30).layers[0];
  CHECK(cyber.compromised == 1);
}

TEST_CASE("a cycle of hard dependencies stays down once broken", "[sim]") {
  WorldBuilder w;
  auto a = w.asset("other/a", "plant");
  auto b = w.asset("other/b", "plant");
  w.depend(a, b, DependencyKind::Fuel);
  w.depend(b, a, DependencyKind::Power);
  w.event("hit", 10, Action::Trip, {a});
  w.event("fixed", 20, Action::Restore, {a});
  const auto r = sim::simulate(w.scenario);
  CHECK(r.final_states[a] == State::Failed);
  CHECK(r.final_states[b] == State::Failed);
  const auto* b_down = first_to(r, b, "failed");
  REQUIRE(b_down);
  CHECK(test::cause_text(w.scenario, *b_down) == "other/a");
}

TEST_CASE("every state change has a cause and explain reaches the scenario event", "[sim]") {
  Feeder f;
  auto tram = f.world.asset("transport/tram", "tram_line", {0, 0, 0, 100});
  f.world.depend(tram, f.load, DependencyKind::Power);
  f.world.crews("grid", 1, 30);
  f.world.event("open", 10, Action::OpenBreaker, {f.sub});
  const auto r = sim::simulate(f.world.scenario);
  for (const auto& c : r.changes) {
    INFO(c.element << " " << sim::from_name(c) << "->" << sim::to_name(c));
    CHECK_FALSE(c.cause.empty());
  }
  const auto chain = sim::explain(r, tram, 30);
  REQUIRE(chain.size() == 4);  // tram <- load <- line <- substation, opened by the event
  CHECK(chain.front().element == tram);
  CHECK(chain.back().element == f.sub);
  CHECK(chain.back().change.cause.kind == sim::CauseKind::Event);
  CHECK(test::cause_text(f.world.scenario, chain.back().change) == "open");
  // After restoration the chain runs through the crew back to the attack it undid.
  const auto later = sim::explain(r, f.sub, 600);
  REQUIRE(later.size() == 2);
  CHECK(later[0].change.cause.kind == sim::CauseKind::Restoration);
  CHECK(test::cause_text(f.world.scenario, later[1].change) == "open");
}

TEST_CASE("explain follows a restoration back to damage done to what was already down", "[sim]") {
  // infeed - sub - far - load: `sub` opens first, so `far` is dark when its own breaker opens; that
  // opening is a cause update, not a state change, and the crew that closes `far` undoes it.
  test::WorldBuilder w;
  const auto infeed = w.asset("power/infeed", "infeed");
  const auto sub = w.asset("power/sub", "substation");
  const auto far = w.asset("power/far", "substation");
  const auto load = w.asset("power/load", "load", {0, 1, 100});
  w.link("power/l1", infeed, sub);
  w.link("power/l2", sub, far);
  w.link("power/l3", far, load);
  w.crews("grid", 1, 30);
  w.event("open-sub", 10, Action::OpenBreaker, {sub});
  w.event("open-far", 20, Action::OpenBreaker, {far});
  const auto r = sim::simulate(w.scenario);
  const auto* repair = first_to(r, far, "under_repair");
  REQUIRE(repair);
  const auto chain = sim::explain(r, far, repair->time_min + 1);
  REQUIRE(chain.size() == 2);
  CHECK(chain[0].change.cause.kind == sim::CauseKind::Restoration);
  CHECK(chain[1].change.cause.kind == sim::CauseKind::Event);
  CHECK(test::cause_text(w.scenario, chain[1].change) == "open-far");
}

TEST_CASE("same seed, same run; another seed, another run", "[sim]") {
  Feeder f;
  f.world.scenario.crews["grid"] = model::CrewPool{
      "grid", 1, core::DurationDistribution{core::DurationDistribution::Kind::Lognormal, 40, 0, 0, 0.6}, {}};
  f.world.scenario.restoration.detection = {core::DurationDistribution::Kind::Uniform, 1, 30, 0, 0};
  f.world.event("open", 10, Action::OpenBreaker, {f.sub});
  auto restored_at = [&](std::uint64_t seed) {
    sim::RunOptions o;
    o.seed = seed;
    return first_to(sim::simulate(f.world.scenario, o), f.sub, "restored")->time_min;
  };
  CHECK(restored_at(7) == restored_at(7));
  CHECK(restored_at(7) != restored_at(8));
  sim::RunOptions run1;
  run1.run_index = 1;
  CHECK(first_to(sim::simulate(f.world.scenario, run1), f.sub, "restored")->time_min !=
        restored_at(f.world.scenario.seed));
}

TEST_CASE("mitigations change crews, repairs and events", "[sim][model]") {
  Feeder f;
  f.world.crews("grid", 1, 60);
  f.world.event("open", 10, Action::OpenBreaker, {f.sub});
  model::Mitigation faster{"fast-crews", "", {}, {}};
  model::MitigationChange crews;
  crews.kind = model::MitigationChange::Kind::SetCrews;
  crews.operator_name = "grid";
  crews.travel = core::DurationDistribution::fixed(10);
  faster.changes.push_back(crews);
  model::Mitigation no_attack{"no-attack", "", {}, {}};
  model::MitigationChange off;
  off.kind = model::MitigationChange::Kind::DisableEvent;
  off.event_id = "open";
  no_attack.changes.push_back(off);
  f.world.scenario.mitigations = {faster, no_attack};

  const auto base = metrics::summarize(sim::simulate(f.world.scenario));
  auto with = f.world.scenario;
  REQUIRE_FALSE(model::apply_mitigations(with, {"fast-crews"}).has_errors());
  const auto fast = metrics::summarize(sim::simulate(with));
  CHECK(*base.time_to_full_restoration_min == Approx(10 + 5 + 60 + 20));
  CHECK(*fast.time_to_full_restoration_min == Approx(10 + 5 + 10 + 20));
  auto none = f.world.scenario;
  REQUIRE_FALSE(model::apply_mitigations(none, {"no-attack"}).has_errors());
  CHECK(metrics::summarize(sim::simulate(none)).peak_customers_without_power == 0);
  auto bad = f.world.scenario;
  const auto diagnostics = model::apply_mitigations(bad, {"fast-crew"});
  REQUIRE(diagnostics.has_errors());
  CHECK(diagnostics.items()[0].message.find("did you mean 'fast-crews'") != std::string::npos);
}
