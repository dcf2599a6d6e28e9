// Google Benchmark cases for the synthetic three-layer network (see synthetic_network.hpp).
//
//   BM_Build100k      building the 100,000-asset scenario through the model API
//   BM_Simulate100k   simulate + summarize the 100,000-asset scenario (built outside the timed loop)
//   BM_Simulate/N     the same at other sizes: 10,000 assets; 1,000,000 only when the environment
//                     sets BLACKSTART_BENCH_1M=1, because one iteration takes over a minute (67 s at
//                     commit ccca898 on the reference machine, see docs/benchmarks.md)
//
// Counters: elements and dependencies of the network, state changes and trace points of one run,
// and peak_rss_MiB, the process's peak resident set so far (VmHWM), in MiB: run one case per process
// (--benchmark_filter) for a per-case figure.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "blackstart/metrics/metrics.hpp"
#include "blackstart/sim/simulator.hpp"
#include "synthetic_network.hpp"

namespace {

using blackstart::bench::make_synthetic_scenario;
using blackstart::bench::SyntheticOptions;

//! Peak resident set size of this process in MiB, from /proc/self/status (0 if unavailable).
double peak_rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0.0;
}

void simulate_case(benchmark::State& state, std::size_t assets) {
  const auto scenario = make_synthetic_scenario(SyntheticOptions{assets, SyntheticOptions{}.seed});
  std::size_t changes = 0, trace_points = 0;
  double resilience = 0.0;
  for (auto _ : state) {
    const auto result = blackstart::sim::simulate(scenario);
    const auto summary = blackstart::metrics::summarize(result);
    benchmark::DoNotOptimize(summary.resilience_index);
    changes = result.changes.size();
    trace_points = result.trace.size();
    resilience = summary.resilience_index;
  }
  state.counters["assets"] = static_cast<double>(assets);
  state.counters["elements"] = static_cast<double>(scenario.network.size());
  state.counters["dependencies"] = static_cast<double>(scenario.network.dependencies().size());
  state.counters["state_changes"] = static_cast<double>(changes);
  state.counters["trace_points"] = static_cast<double>(trace_points);
  state.counters["resilience"] = resilience;
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}

void BM_Simulate100k(benchmark::State& state) {
  simulate_case(state, 100000);
}
BENCHMARK(BM_Simulate100k)->Unit(benchmark::kMillisecond);

void BM_Simulate(benchmark::State& state) {
  simulate_case(state, static_cast<std::size_t>(state.range(0)));
}
BENCHMARK(BM_Simulate)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_Build100k(benchmark::State& state) {
  std::size_t elements = 0;
  for (auto _ : state) {
    auto scenario = std::make_unique<blackstart::model::Scenario>(make_synthetic_scenario());
    elements = scenario->network.size();
    benchmark::DoNotOptimize(scenario.get());
    state.PauseTiming();  // freeing the network is not part of building it
    scenario.reset();
    state.ResumeTiming();
  }
  state.counters["elements"] = static_cast<double>(elements);
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}
BENCHMARK(BM_Build100k)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const char* big = std::getenv("BLACKSTART_BENCH_1M");
  if (big != nullptr && std::string(big) == "1")
    benchmark::RegisterBenchmark("BM_Simulate/1000000", simulate_case, std::size_t{1000000})
        ->Unit(benchmark::kMillisecond)
        ->Iterations(1);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
