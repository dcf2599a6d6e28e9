// Classic cascade models against named peers (bench/classic/run_peers.sh runs both sides):
//  (a) mutual percolation sweep, 21 values of p (0.55 ... 0.75) on two coupled Erdos-Renyi
//      networks, N = 10^6 each, <k> = 4 (Buldyrev et al. 2010);
//  (b) Motter-Lai on a 2,000-node Barabasi-Albert graph (m = 2), alpha = 0, 0.05 ... 0.5,
//      highest-load removal (Motter & Lai 2002).
// The inputs are generated here from fixed seeds; `--write-inputs=DIR` writes them as CSV (and
// our results beside them) so the peer scripts run the very same graphs and removal order and
// can check that they get the same answers.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "blackstart/analysis/betweenness.hpp"
#include "blackstart/analysis/compact_graph.hpp"
#include "blackstart/analysis/motter_lai.hpp"
#include "blackstart/analysis/percolation.hpp"

using namespace blackstart;
using namespace blackstart::analysis;

namespace {

constexpr std::uint32_t kPercolationNodes = 1'000'000;
constexpr double kMeanDegree = 4.0;
constexpr std::uint32_t kBaNodes = 2000, kBaLinks = 2;
constexpr std::uint64_t kSeed = 2010;

std::vector<double> p_values() {
  std::vector<double> ps;
  for (int i = 0; i <= 20; ++i) ps.push_back(0.55 + 0.01 * i);
  return ps;
}
std::vector<double> alpha_values() {
  std::vector<double> alphas;
  for (int i = 0; i <= 10; ++i) alphas.push_back(0.05 * i);
  return alphas;
}

struct PercolationInput {
  CompactGraph a, b;
  std::vector<NodeId> order;
};

const PercolationInput& percolation_input() {
  static const PercolationInput input = [] {
    PercolationInput in;
    core::Rng ra(kSeed, 0, "bench.er.a", 0), rb(kSeed, 0, "bench.er.b", 0), rp(kSeed, 0, "bench.removal", 0);
    in.a = erdos_renyi(kPercolationNodes, kMeanDegree, ra);
    in.b = erdos_renyi(kPercolationNodes, kMeanDegree, rb);
    in.order = random_permutation(kPercolationNodes, rp);
    return in;
  }();
  return input;
}

const CompactGraph& ba_graph() {
  static const CompactGraph g = [] {
    core::Rng rng(kSeed, 0, "bench.ba", 0);
    return barabasi_albert(kBaNodes, kBaLinks, rng);
  }();
  return g;
}

std::vector<MotterLaiResult> motter_lai_sweep() {
  MotterLai model(ba_graph());
  std::vector<MotterLaiResult> results;
  for (double alpha : alpha_values()) {
    MotterLaiOptions options;
    options.alpha = alpha;
    options.strategy = AttackStrategy::HighestLoad;
    results.push_back(model.run(options));
  }
  return results;
}

void BM_PercolationSweepNested(benchmark::State& state) {
  const auto& in = percolation_input();
  const MutualPercolation model(in.a, in.b, Dependencies::one_to_one(kPercolationNodes));
  const auto ps = p_values();
  std::vector<PercolationResult> results;
  for (auto _ : state) {
    results = model.sweep(in.order, ps);
    benchmark::DoNotOptimize(results.data());
  }
  state.counters["mu_0.62"] = results[7].mu;
  state.counters["mu_0.75"] = results[20].mu;
}
BENCHMARK(BM_PercolationSweepNested)->Unit(benchmark::kSecond)->Iterations(3);

// The same 21 points as independent runs: what the nesting saves.
void BM_PercolationSweepIndependent(benchmark::State& state) {
  const auto& in = percolation_input();
  const MutualPercolation model(in.a, in.b, Dependencies::one_to_one(kPercolationNodes));
  for (auto _ : state)
    for (double p : p_values()) benchmark::DoNotOptimize(model.run(in.order, p));
}
BENCHMARK(BM_PercolationSweepIndependent)->Unit(benchmark::kSecond)->Iterations(1);

// Including the initial loads, which every alpha shares.
void BM_MotterLaiSweep(benchmark::State& state) {
  ba_graph();
  std::vector<MotterLaiResult> results;
  for (auto _ : state) results = motter_lai_sweep();
  state.counters["G_0.1"] = results[2].g;
  state.counters["G_0.5"] = results[10].g;
}
BENCHMARK(BM_MotterLaiSweep)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Betweenness(benchmark::State& state) {
  const auto& g = ba_graph();
  for (auto _ : state) benchmark::DoNotOptimize(betweenness(g));
}
BENCHMARK(BM_Betweenness)->Unit(benchmark::kMillisecond);

void write_edges(const std::filesystem::path& file, const CompactGraph& g) {
  std::ofstream out(file);
  out << "u,v\n";
  for (const Edge& e : g.edges()) out << e.u << ',' << e.v << '\n';
}

int write_inputs(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const auto& in = percolation_input();
  write_edges(dir / "er_a.csv", in.a);
  write_edges(dir / "er_b.csv", in.b);
  {
    std::ofstream out(dir / "removal_order.csv");
    out << "node\n";
    for (NodeId v : in.order) out << v << '\n';
  }
  write_edges(dir / "ba.csv", ba_graph());
  {
    const MutualPercolation model(in.a, in.b, Dependencies::one_to_one(kPercolationNodes));
    const auto ps = p_values();
    const auto results = model.sweep(in.order, ps);
    std::ofstream out(dir / "percolation_ours.csv");
    out << "p,removed,alive,mu,stages\n";
    for (const auto& r : results) {
      char line[128];
      std::snprintf(line, sizeof line, "%.2f,%u,%u,%.6f,%u\n", r.p, r.removed, r.alive_a, r.mu, r.stages);
      out << line;
    }
  }
  {
    const auto results = motter_lai_sweep();
    const auto alphas = alpha_values();
    std::ofstream out(dir / "motter_lai_ours.csv");
    out << "alpha,removed,largest_after,G,steps,failed\n";
    for (std::size_t i = 0; i < results.size(); ++i) {
      const auto& r = results[i];
      char line[128];
      std::snprintf(line, sizeof line, "%.2f,%u,%u,%.6f,%u,%u\n", alphas[i], r.removed, r.largest_after, r.g,
                    r.steps, r.failed);
      out << line;
    }
  }
  std::printf("wrote inputs and our results to %s\n", dir.string().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  constexpr std::string_view kWrite = "--write-inputs=";
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], kWrite.data(), kWrite.size()) == 0)
      return write_inputs(argv[i] + kWrite.size());
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
