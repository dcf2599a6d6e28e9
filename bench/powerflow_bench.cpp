// Power-flow benchmarks on MATPOWER's large cases (case2383wp, case9241pegase from ../shared):
// parsing, DC solve, DC re-solve after one branch trip (symbolic factorisation reused), AC solve,
// full N-1 DC screen, and a full overload cascade through the simulator. Results and the peer
// figures (MATPOWER 8.1 in Octave) are in docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "blackstart/io/matpower.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/metrics/metrics.hpp"
#include "blackstart/sim/contingency.hpp"
#include "blackstart/sim/powerflow.hpp"
#include "blackstart/sim/simulator.hpp"

namespace {

namespace fs = std::filesystem;
using namespace blackstart;

fs::path case_path(const std::string& name) {
  return fs::path(BLACKSTART_SHARED_DIR) / "data" / "matpower" / (name + ".m");
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

//! The case, parsed once per process; nullptr (and the benchmark skipped) when ../shared is absent.
const model::PowerCase* power_case(const std::string& name) {
  static std::map<std::string, std::unique_ptr<model::PowerCase>> cache;
  auto& slot = cache[name];
  if (!slot && fs::exists(case_path(name))) {
    auto loaded = io::load_matpower_file(case_path(name));
    if (loaded.ok()) slot = std::make_unique<model::PowerCase>(std::move(*loaded.power_case));
  }
  return slot.get();
}

#define REQUIRE_CASE(state, name)                                             \
  const model::PowerCase* c = power_case(name);                               \
  if (!c) {                                                                   \
    state.SkipWithError("MATPOWER data not found (../shared/data/matpower)"); \
    return;                                                                   \
  }

void BM_Parse(benchmark::State& state, const std::string& name) {
  const std::string text = read_text(case_path(name));
  if (text.empty()) {
    state.SkipWithError("MATPOWER data not found (../shared/data/matpower)");
    return;
  }
  for (auto _ : state) {
    auto parsed = io::parse_matpower(text, name + ".m");
    benchmark::DoNotOptimize(parsed.power_case);
  }
  state.counters["bytes"] = static_cast<double>(text.size());
}

void BM_DcSolve(benchmark::State& state, const std::string& name) {
  REQUIRE_CASE(state, name);
  for (auto _ : state) {
    auto flow = sim::solve_dc(*c);  // build, analyse, factorise, solve, flows
    benchmark::DoNotOptimize(flow.pf_mw.data());
  }
  state.counters["buses"] = static_cast<double>(c->buses.size());
}

void BM_DcResolveAfterTrip(benchmark::State& state, const std::string& name) {
  REQUIRE_CASE(state, name);
  sim::DcSolver solver(*c);
  auto in_service = std::vector<char>(c->branches.size(), 1);
  const auto injection = solver.case_injections_mw();
  (void)solver.solve(in_service, injection);  // symbolic analysis happens here, once
  std::size_t k = 0;
  for (auto _ : state) {
    // Trip one branch, re-solve (numeric refactorisation only), put it back.
    in_service[k] = 0;
    auto flow = solver.solve(in_service, injection);
    benchmark::DoNotOptimize(flow.pf_mw.data());
    in_service[k] = 1;
    k = (k + 997) % c->branches.size();
  }
}

void BM_AcSolve(benchmark::State& state, const std::string& name) {
  REQUIRE_CASE(state, name);
  int iterations = 0;
  for (auto _ : state) {
    auto flow = sim::solve_ac(*c);
    if (!flow.converged) {
      state.SkipWithError("AC power flow did not converge");
      return;
    }
    iterations = flow.iterations;
    benchmark::DoNotOptimize(flow.vm_pu.data());
  }
  state.counters["newton_iterations"] = iterations;
}

void BM_N1Screen(benchmark::State& state, const std::string& name) {
  REQUIRE_CASE(state, name);
  sim::ContingencyOptions options;
  options.threads = static_cast<int>(state.range(0));
  std::size_t outages = 0;
  for (auto _ : state) {
    sim::ContingencyAnalysis analysis(*c);  // base solve and factorisation included
    auto ranking = analysis.screen_n1(options);
    outages = ranking.size();
    benchmark::DoNotOptimize(ranking.data());
  }
  state.counters["outages"] = static_cast<double>(outages);
}

//! Full overload cascade: the case imported as a dc scenario layer, the three buses with the most
//! generation opened at 10 min, ratings rate A + 10 % (unrated branches: 30 % over base-case flow,
//! at least 10 MW), 1 min protection delay; the simulator runs until no link is overloaded.
void BM_Cascade(benchmark::State& state, const std::string& name) {
  REQUIRE_CASE(state, name);
  std::map<int, double> generation;
  for (const auto& g : c->gens)
    if (g.in_service) generation[g.bus] += g.pg_mw;
  std::vector<std::pair<double, int>> by_output;
  for (const auto& [bus, mw] : generation) by_output.emplace_back(-mw, bus);
  std::sort(by_output.begin(), by_output.end());
  std::ostringstream yaml;
  yaml << "blackstart: 1\nname: " << name << " cascade\nhorizon: 2h\npower_model: dc\n"
       << "power_flow: {rating: rate_a, overload_tolerance: 0.1, unrated_margin: 0.3, unrated_floor_mw: 10, "
       << "trip_delay: 1min}\ncrews: []\nlayers:\n  - name: power\n    matpower: " << case_path(name).string()
       << "\nevents:\n  - {id: open, at: 10min, action: open_breaker, targets: [";
  for (std::size_t i = 0; i < 3 && i < by_output.size(); ++i)
    yaml << (i ? ", " : "") << "power/bus-" << by_output[i].second;
  yaml << "]}\n";
  auto loaded = io::load_scenario_text(yaml.str(), name + "-cascade.yaml", ".");
  if (!loaded.ok()) {
    state.SkipWithError(loaded.diagnostics.to_string().c_str());
    return;
  }
  std::size_t trips = 0, changes = 0;
  for (auto _ : state) {
    auto result = sim::simulate(*loaded.scenario);
    trips = 0;
    for (const auto& ch : result.changes) trips += ch.cause.reason == sim::Reason::Overloaded ? 1 : 0;
    changes = result.changes.size();
    benchmark::DoNotOptimize(result.trace.data());
  }
  state.counters["overload_trips"] = static_cast<double>(trips);
  state.counters["state_changes"] = static_cast<double>(changes);
}

}  // namespace

BENCHMARK_CAPTURE(BM_Parse, case2383wp, std::string("case2383wp"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Parse, case9241pegase, std::string("case9241pegase"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DcSolve, case2383wp, std::string("case2383wp"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DcSolve, case9241pegase, std::string("case9241pegase"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DcResolveAfterTrip, case2383wp, std::string("case2383wp"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DcResolveAfterTrip, case9241pegase, std::string("case9241pegase"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AcSolve, case2383wp, std::string("case2383wp"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AcSolve, case9241pegase, std::string("case9241pegase"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_N1Screen, case2383wp, std::string("case2383wp"))
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_N1Screen, case9241pegase, std::string("case9241pegase"))
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Cascade, case2383wp, std::string("case2383wp"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Cascade, case9241pegase, std::string("case9241pegase"))->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
