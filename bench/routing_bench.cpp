// What routing crews over roads costs a run: a generated city of 100,000 road junctions (a grid
// with main roads every tenth street, signal zones fed by the grid's substations), 1,000
// substations opened at once and 40 crews from 4 depots, run with every crew job routed (Dijkstra
// over the open roads) and the same run with the crews' drawn travel time instead; the same routed
// run with the plain dispatch (a search from every free crew to every job, which the nearest-first
// dispatch must match: same crew_jobs, drives, last_repair_h). One Dijkstra search over the whole
// network. An ensemble of the city with 1,000 crews and 4,000 jobs, with its routing share.
// Results: docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "blackstart/sim/simulator.hpp"
#include "blackstart/study/ensemble.hpp"
#include "sim/road_graph.hpp"

using namespace blackstart;
using model::ElementIndex;

namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64: counter-based, no random stream
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
double unit(std::uint64_t key) {
  return static_cast<double>(mix(key) >> 11) / 9007199254740992.0;
}

//! `prefix` and a number, built by appending (GCC 12 reports a false -Wrestrict on `"x" +
//! std::to_string(n)`).
std::string name(const char* prefix, std::size_t n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

struct City {
  model::Scenario scenario;
  std::vector<ElementIndex> junctions;
};

//! `cols` x `rows` junctions; substations, each reached at a junction; `jobs` of them opened at
//! 10 min; 1 % of the roads closed at 0; signal zones fed by the first 500 substations.
City make_city(std::size_t cols = 400, std::size_t rows = 250, std::size_t substations = 4000,
               std::size_t jobs = 1000, int crews = 40) {
  City city;
  auto& s = city.scenario;
  s.name = "routing benchmark city";
  s.horizon_min = 3 * 24 * 60;
  auto& net = s.network;
  const auto power = net.add_layer("power", model::LayerKind::Power);
  const auto transport = net.add_layer("transport", model::LayerKind::Transport);
  const auto asset = [&](std::uint32_t layer, std::string id, const char* type, const char* op) {
    model::Element e;
    e.local_id = std::move(id);
    e.type = type;
    e.operator_name = op;
    return net.add_asset(layer, std::move(e));
  };
  city.junctions.reserve(cols * rows);
  for (std::size_t y = 0; y < rows; ++y)
    for (std::size_t x = 0; x < cols; ++x)
      city.junctions.push_back(asset(transport, name("j", y * cols + x), "road_segment", "city"));
  std::vector<ElementIndex> roads;
  const auto road = [&](std::size_t a, std::size_t b, bool main) {
    model::Element e;
    e.local_id = name("r", roads.size());
    e.type = "road";
    e.operator_name = "city";
    model::set_attribute(e, "length_km", 0.1 + 0.3 * unit(roads.size()));
    model::set_attribute(e, "road_class", main ? 2 : 6);
    roads.push_back(net.add_link(transport, std::move(e), city.junctions[a], city.junctions[b]));
  };
  for (std::size_t y = 0; y < rows; ++y)
    for (std::size_t x = 0; x < cols; ++x) {
      const std::size_t j = y * cols + x;
      if (x + 1 < cols) road(j, j + 1, y % 10 == 0);
      if (y + 1 < rows) road(j, j + cols, x % 10 == 0);
    }
  const auto infeed = asset(power, "infeed", "infeed", "grid");
  std::vector<ElementIndex> subs;
  for (std::size_t i = 0; i < substations; ++i) {
    const auto sub = asset(power, name("sub-", i), "substation", "grid");
    model::Element line;
    line.local_id = name("l", i);
    line.type = "line";
    line.operator_name = "grid";
    net.add_link(power, std::move(line), infeed, sub);
    model::Dependency access;
    access.dependent = sub;
    access.supplier = city.junctions[mix(1000 + i) % city.junctions.size()];
    access.kind = model::DependencyKind::Access;
    access.effect = model::DependencyEffect::BlockAccess;
    net.add_dependency(access);
    net.element(sub).priority = unit(2000 + i) < 0.05 ? 5 : 0;
    subs.push_back(sub);
  }
  // Signal zones: zone z covers a 20 x 10 block of roads and is fed by substation z.
  const std::size_t zones_x = cols / 20, zones_y = rows / 10;
  for (std::size_t z = 0; z < zones_x * zones_y && z < subs.size(); ++z) {
    const auto zone = asset(transport, name("signals-", z), "traffic_signal_zone", "city");
    model::Dependency feed;
    feed.dependent = zone;
    feed.supplier = subs[z];
    feed.kind = model::DependencyKind::Power;
    net.add_dependency(feed);
    const std::size_t zx = z % zones_x, zy = z / zones_x;
    for (std::size_t y = zy * 10; y < zy * 10 + 10; ++y) {
      model::Dependency dark;
      dark.dependent = city.junctions[y * cols + zx * 20 + 10];  // the block's main crossing
      dark.supplier = zone;
      dark.kind = model::DependencyKind::Control;
      dark.effect = model::DependencyEffect::Degrade;
      dark.degrade_factor = 0.6;
      net.add_dependency(dark);
    }
  }
  model::Event closed;
  closed.id = "closed-roads";
  closed.at_min = 0;
  closed.action = model::Action::Damage;
  for (std::size_t r = 0; r < roads.size(); ++r)
    if (unit(5000 + r) < 0.01) closed.targets.push_back(roads[r]);
  s.events.push_back(closed);
  model::Event open;
  open.id = "open";
  open.at_min = 10;
  open.action = model::Action::OpenBreaker;
  for (std::size_t i = 0; i < jobs; ++i) open.targets.push_back(subs[i * substations / jobs]);
  s.events.push_back(open);
  model::CrewPool pool;
  pool.operator_name = "grid";
  pool.count = crews;
  pool.travel = core::DurationDistribution{core::DurationDistribution::Kind::Triangular, 10, 60, 25, 0};
  for (std::size_t q = 0; q < 4; ++q)
    pool.depots.push_back(
        city.junctions[(rows / 4 + (q / 2) * rows / 2) * cols + cols / 4 + (q % 2) * cols / 2]);
  s.crews["grid"] = pool;
  return city;
}

enum class Routing { Nearest, Plain, Drawn };

void BM_CrewJobs(benchmark::State& state, Routing routing) {
  City city = make_city();
  if (routing == Routing::Drawn) city.scenario.crews["grid"].depots.clear();
  sim::RunOptions options;
  options.exhaustive_routing = routing == Routing::Plain;
  std::size_t dispatched = 0, legs = 0;
  double last_repair = 0, routing_s = 0;
  for (auto _ : state) {
    const auto run = sim::simulate(city.scenario, options);
    routing_s = run.routing_seconds;
    dispatched = legs = 0;
    for (const auto& step : run.repairs)
      if (step.kind == sim::RepairStep::Kind::CrewDispatched) {
        ++dispatched;
        last_repair = std::max(last_repair, step.until_min);
      }
    legs = run.crew_legs.size();
    benchmark::DoNotOptimize(run.trace.data());
  }
  state.counters["crew_jobs"] = static_cast<double>(dispatched);
  state.counters["drives"] = static_cast<double>(legs);
  state.counters["last_repair_h"] = last_repair / 60;
  state.counters["junctions"] = static_cast<double>(city.junctions.size());
  state.counters["routing_s"] = routing_s;
}

//! `blackstart ensemble`'s engine on the city with 1,000 crews from the 4 depots and all 4,000
//! substations opened: the share of the runs' time spent routing (RunResult::routing_seconds).
void BM_Ensemble1000Crews(benchmark::State& state) {
  const City city = make_city(400, 250, 4000, 4000, 1000);
  study::EnsembleOptions options;
  options.runs = static_cast<int>(state.range(0));
  options.threads = 1;
  double share = 0, run_s = 0, routing_s = 0;
  for (auto _ : state) {
    const auto result = study::run_ensemble(city.scenario, options);
    share = study::routing_share(result);
    run_s = routing_s = 0;
    for (double s : result.run_seconds) run_s += s;
    for (double s : result.routing_seconds) routing_s += s;
  }
  state.counters["crews"] = 1000;
  state.counters["runs"] = static_cast<double>(options.runs);
  state.counters["routing_share"] = share;
  state.counters["run_s"] = run_s;
  state.counters["routing_s"] = routing_s;
}

void BM_Dijkstra100k(benchmark::State& state) {
  const City city = make_city();
  sim::RoadGraph roads(city.scenario);
  std::uint32_t from = 0;
  double reached = 0;
  for (auto _ : state) {
    roads.refresh([](ElementIndex) { return true; });  // empties the cache: every search is new
    reached = roads.minutes(from, static_cast<std::uint32_t>(roads.junctions() - 1));
    from = (from + 7919) % static_cast<std::uint32_t>(roads.junctions());
  }
  state.counters["junctions"] = static_cast<double>(roads.junctions());
  state.counters["roads"] = static_cast<double>(roads.roads());
  benchmark::DoNotOptimize(reached);
}

}  // namespace

BENCHMARK_CAPTURE(BM_CrewJobs, routed, Routing::Nearest)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_CrewJobs, drawn_travel, Routing::Drawn)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_CrewJobs, routed_plain, Routing::Plain)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Dijkstra100k)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Ensemble1000Crews)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
