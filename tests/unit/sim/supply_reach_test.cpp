// Forward trace: who needs whom (dependencies and power carried through lines and buses), and
// everything an asset holds down at a time.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/sim/explain.hpp"
#include "blackstart/sim/simulator.hpp"
#include "blackstart/sim/supply_reach.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;
using model::Action;
using model::DependencyKind;
using model::ElementIndex;
using sim::SupplyLink;
using test::WorldBuilder;

namespace {

//! infeed - l-in - sub - l-out - load          (load feeds a tram and, on a 2 h battery, a SCADA)
//!                  \- l-2 - sub2 - l-3 - load2  (sub2 is opened too)
//! An RTU controls sub2 (control: not service), so operators re-close sub2 remotely at 20 min, but it
//! stays dark behind sub; nobody restores sub (no crews).
struct Branches {
  WorldBuilder w;
  ElementIndex infeed, sub, load, line_in, line_out, line_2, sub2, line_3, load2, tram, scada, rtu;
  Branches() {
    infeed = w.asset("power/infeed", "infeed");
    sub = w.asset("power/sub", "substation");
    load = w.asset("power/load", "load", {0, 2, 1000});
    sub2 = w.asset("power/sub2", "substation");
    load2 = w.asset("power/load2", "load", {0, 1, 500});
    line_in = w.link("power/l-in", infeed, sub);
    line_out = w.link("power/l-out", sub, load);
    line_2 = w.link("power/l-2", sub, sub2);
    line_3 = w.link("power/l-3", sub2, load2);
    tram = w.asset("transport/tram", "tram_line", {0, 0, 0, 100});
    scada = w.asset("cyber/scada", "scada_server");
    rtu = w.asset("cyber/rtu", "rtu");
    w.depend(tram, load, DependencyKind::Power);
    auto& battery = w.depend(scada, load, DependencyKind::Power);
    battery.backup_min = 120;
    battery.backup_kind = "battery";
    w.depend(sub2, rtu, DependencyKind::Control);
    w.event("open", 10, Action::OpenBreaker, {sub, sub2});
  }
};

std::vector<std::string> ids(const model::Network& net, const std::vector<sim::DownstreamElement>& down) {
  std::vector<std::string> out;
  for (const auto& d : down) out.push_back(net.element(d.element).id);
  return out;
}

std::vector<std::string> ids(const model::Network& net, const std::vector<sim::Served>& served) {
  std::vector<std::string> out;
  for (const auto& s : served) out.push_back(net.element(s.element).id);
  return out;
}

const sim::DownstreamElement& entry(const model::Network& net,
                                    const std::vector<sim::DownstreamElement>& down, const std::string& id) {
  for (const auto& d : down)
    if (net.element(d.element).id == id) return d;
  FAIL("no " << id << " downstream");
  return down.front();
}

}  // namespace

TEST_CASE("supply reach: needed by follows dependencies and power away from the source", "[sim][trace]") {
  Branches b;
  const auto& net = b.w.scenario.network;
  const sim::SupplyReach reach(net);
  CHECK(reach.source_distance(b.infeed) == 0);
  CHECK(reach.source_distance(b.line_in) == 1);
  CHECK(reach.source_distance(b.sub) == 2);
  CHECK(reach.source_distance(b.load2) == 6);
  CHECK(reach.source_distance(b.tram) == -1);
  // The substation carries power on to its two outgoing lines; the line in feeds it (not the
  // other way round); the RTU's control dependency is not service.
  CHECK(ids(net, reach.needed_by(b.sub)) == std::vector<std::string>{"power/l-out", "power/l-2"});
  CHECK(ids(net, reach.needed_by(b.infeed)) == std::vector<std::string>{"power/l-in"});
  CHECK(ids(net, reach.needed_by(b.line_in)) == std::vector<std::string>{"power/sub"});
  CHECK(ids(net, reach.needed_by(b.load)) == std::vector<std::string>{"transport/tram", "cyber/scada"});
  CHECK(reach.needed_by(b.load).front().link == SupplyLink::Dependency);
  CHECK(reach.needed_by(b.sub).front().link == SupplyLink::Power);
  CHECK(reach.needed_by(b.rtu).empty());
  CHECK(ids(net, reach.needs(b.sub)) == std::vector<std::string>{"power/l-in"});
  CHECK(ids(net, reach.needs(b.tram)) == std::vector<std::string>{"power/load"});
}

TEST_CASE("supply reach: what an opened substation took down, through lines and dependencies",
          "[sim][trace]") {
  Branches b;
  const auto& net = b.w.scenario.network;
  const auto r = sim::simulate(b.w.scenario);
  const sim::SupplyReach reach(net);

  // At 12 min: both feeders behind sub are dark, with the tram; the SCADA runs on its battery.
  const auto down = reach.downstream(r, b.sub, 12);
  CHECK(ids(net, down) == std::vector<std::string>{"power/load", "power/sub2", "power/load2", "power/l-in",
                                                   "power/l-out", "power/l-2", "power/l-3",
                                                   "transport/tram"});
  // The line in is not fed through the substation; the run's causes name it (a line is out when an
  // end is dead).
  CHECK(entry(net, down, "power/l-in").link == SupplyLink::Cause);
  CHECK(entry(net, down, "power/l-in").via == b.sub);
  // load2's own cause chain stops at sub2's event; the walk through sub2 finds it.
  const auto& load2 = entry(net, down, "power/load2");
  CHECK(load2.link == SupplyLink::Power);
  CHECK(load2.via == b.line_3);
  CHECK(load2.depth == 4);
  CHECK_FALSE(load2.own_damage);
  // sub2 was opened itself as well: it is listed, marked as damaged in its own right.
  CHECK(entry(net, down, "power/sub2").own_damage);
  const auto& tram = entry(net, down, "transport/tram");
  CHECK(tram.link == SupplyLink::Dependency);
  CHECK(tram.via == b.load);
  CHECK(tram.state == sim::State::Failed);

  // sub2 holds down only what is behind it.
  CHECK(ids(net, reach.downstream(r, b.sub2, 12)) == std::vector<std::string>{"power/load2", "power/l-3"});

  // At 30 min sub2 is closed again but dark: now only because of sub.
  const auto at30 = reach.downstream(r, b.sub, 30);
  CHECK(at30.size() == down.size());
  CHECK_FALSE(entry(net, at30, "power/sub2").own_damage);
  CHECK(entry(net, at30, "power/sub2").via == b.line_2);

  // After the battery's 2 h the SCADA is down too, through the load.
  const auto later = reach.downstream(r, b.sub, 200);
  CHECK(entry(net, later, "cyber/scada").via == b.load);
  CHECK(entry(net, later, "cyber/scada").depth == 3);
  CHECK(later.size() == down.size() + 1);

  // An element that works takes nothing down; nothing is down before the event.
  CHECK(reach.downstream(r, b.infeed, 12).empty());
  CHECK(reach.downstream(r, b.sub, 5).empty());
  CHECK(ids(net, sim::downstream_of(net, r, b.load, 12)) == std::vector<std::string>{"transport/tram"});
}

TEST_CASE("supply reach: Ukraine 2015, what one 110 kV substation took down", "[sim][trace][scenario]") {
  auto loaded = io::load_scenario_file(std::string(BLACKSTART_SOURCE_DIR) + "/scenarios/ukraine-2015.yaml");
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  const auto& s = *loaded.scenario;
  const auto r = sim::simulate(s);
  const sim::SupplyReach reach(s.network);
  const auto sub = s.network.find("power/pry-110-01");
  REQUIRE(sub);
  // At 1 h: the 110 kV substation Ivano-Frankivsk (opened by attack step pry-open-110) holds down
  // its own load, the two 35 kV substations it feeds (opened themselves as well), their loads, the
  // trolleybus traction supply behind pry-35-01 with the three trolleybus lines, the centre's
  // traffic signals and, through them, the centre's road (degraded).
  const auto down = reach.downstream(r, *sub, 60);
  CHECK(ids(s.network, down) ==
        std::vector<std::string>{"power/pry-35-01", "power/pry-35-09", "power/pry-110-01-load",
                                 "power/pry-35-01-load", "power/pry-35-09-load", "power/pry-traction-if",
                                 "power/pry-l-pry-110-01", "power/pry-l-pry-35-01", "power/pry-l-pry-35-09",
                                 "power/pry-f-pry-110-01", "power/pry-f-pry-35-01", "power/pry-f-pry-35-09",
                                 "power/pry-f-traction-if", "transport/trolleybus-if-1",
                                 "transport/trolleybus-if-2", "transport/trolleybus-if-3",
                                 "transport/signals-if-centre", "transport/road-if-centre"});
  const auto& net = s.network;
  CHECK(entry(net, down, "power/pry-35-01").own_damage);
  CHECK(entry(net, down, "power/pry-35-01").via == *net.find("power/pry-l-pry-35-01"));
  CHECK(entry(net, down, "power/pry-l-pry-110-01").link == SupplyLink::Cause);  // the line in
  const auto& bus = entry(net, down, "transport/trolleybus-if-2");
  CHECK(bus.link == SupplyLink::Dependency);
  CHECK(bus.via == *net.find("power/pry-traction-if"));
  CHECK(bus.depth == 5);  // 35 kV line, 35 kV substation, transformer, traction supply, trolleybus
  CHECK(entry(net, down, "transport/road-if-centre").state == sim::State::Degraded);
  // Every element the cause records trace back through the substation is in the list.
  for (auto x : sim::taken_down_by(r, *sub, 60)) CHECK(entry(net, down, net.element(x).id).element == x);
  // The inspector's "needed by": the substation carries power on to its transformer and 35 kV lines.
  CHECK(ids(net, reach.needed_by(*sub)) ==
        std::vector<std::string>{"power/pry-l-pry-35-01", "power/pry-l-pry-35-09", "power/pry-f-pry-110-01"});
}
