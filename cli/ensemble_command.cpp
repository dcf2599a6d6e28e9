// `blackstart ensemble`: Monte Carlo runs of one scenario, summarised.
#ifdef BLACKSTART_WITH_MPI
#include <mpi.h>
#endif

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/io/csv.hpp"
#include "blackstart/metrics/metric_table.hpp"
#include "blackstart/study/ensemble.hpp"
#include "commands.hpp"
#include "progress_bar.hpp"

namespace blackstart::cli {

namespace {
#ifdef BLACKSTART_WITH_MPI
//! Sends every rank's block of runs to rank 0, which appends them in rank order.
void gather_ensemble(study::EnsembleResult& result, int rank, int ranks) {
  const int metric_count = static_cast<int>(metrics::summary_metrics().size());
  const int slots = static_cast<int>(result.samples.size());
  if (rank != 0) {
    const int runs = static_cast<int>(result.seeds.size());
    std::vector<double> metric_values;
    for (const auto& run : result.metrics) metric_values.insert(metric_values.end(), run.begin(), run.end());
    std::vector<float> samples;
    for (const auto& slot : result.samples) samples.insert(samples.end(), slot.begin(), slot.end());
    MPI_Send(&runs, 1, MPI_INT, 0, 0, MPI_COMM_WORLD);
    MPI_Send(result.seeds.data(), runs, MPI_UINT64_T, 0, 1, MPI_COMM_WORLD);
    MPI_Send(metric_values.data(), runs * metric_count, MPI_DOUBLE, 0, 2, MPI_COMM_WORLD);
    MPI_Send(samples.data(), runs * slots, MPI_FLOAT, 0, 3, MPI_COMM_WORLD);
    if (!result.attack.empty())
      MPI_Send(result.attack.data()->data(), runs * 3, MPI_DOUBLE, 0, 4, MPI_COMM_WORLD);
    MPI_Send(result.run_seconds.data(), runs, MPI_DOUBLE, 0, 5, MPI_COMM_WORLD);
    MPI_Send(result.routing_seconds.data(), runs, MPI_DOUBLE, 0, 6, MPI_COMM_WORLD);
    return;
  }
  for (int from = 1; from < ranks; ++from) {
    int runs = 0;
    MPI_Recv(&runs, 1, MPI_INT, from, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    study::EnsembleResult part;
    part.seeds.resize(static_cast<std::size_t>(runs));
    std::vector<double> metric_values(static_cast<std::size_t>(runs) * metric_count);
    std::vector<float> samples(static_cast<std::size_t>(runs) * slots);
    MPI_Recv(part.seeds.data(), runs, MPI_UINT64_T, from, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    MPI_Recv(metric_values.data(), runs * metric_count, MPI_DOUBLE, from, 2, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    MPI_Recv(samples.data(), runs * slots, MPI_FLOAT, from, 3, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (!result.attack.empty()) {  // every rank runs the same scenario: all have a campaign or none
      part.attack.resize(static_cast<std::size_t>(runs));
      MPI_Recv(part.attack.data()->data(), runs * 3, MPI_DOUBLE, from, 4, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
    part.run_seconds.resize(static_cast<std::size_t>(runs));
    part.routing_seconds.resize(static_cast<std::size_t>(runs));
    MPI_Recv(part.run_seconds.data(), runs, MPI_DOUBLE, from, 5, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    MPI_Recv(part.routing_seconds.data(), runs, MPI_DOUBLE, from, 6, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    for (int r = 0; r < runs; ++r)
      part.metrics.emplace_back(metric_values.begin() + static_cast<long>(r) * metric_count,
                                metric_values.begin() + static_cast<long>(r + 1) * metric_count);
    for (int slot = 0; slot < slots; ++slot)
      part.samples.emplace_back(samples.begin() + static_cast<long>(slot) * runs,
                                samples.begin() + static_cast<long>(slot + 1) * runs);
    study::merge_ensembles(result, std::move(part));
  }
}
#endif

}  // namespace

int ensemble_command(const EnsembleArgs& args) {
  if (args.runs < 1) {
    std::cerr << "error: --runs must be at least 1\n";
    return kUsage;
  }
  auto loaded = load_scenario_argument(args.scenario, args.mitigations, true);
  if (!loaded || refuse_textbook_model(*loaded)) return kBadInput;
  auto& scenario = *loaded;
  // Under mpirun the runs are split into contiguous blocks, one per rank; each rank uses the same
  // per-run seeds as a single process would, and rank 0 gathers the blocks in order, so the files
  // are identical to a threaded run with the same seed.
  int rank = 0, ranks = 1;
#ifdef BLACKSTART_WITH_MPI
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
#endif
  study::EnsembleOptions options;
  options.first_run = static_cast<int>(static_cast<long long>(args.runs) * rank / ranks);
  options.runs = static_cast<int>(static_cast<long long>(args.runs) * (rank + 1) / ranks) - options.first_run;
  options.threads = args.threads;
  options.seed = args.seed;
  ProgressBar bar(!args.quiet && rank == 0);
  auto result = study::run_ensemble(scenario, options, [&](int done, int total) { bar.update(done, total); });
#ifdef BLACKSTART_WITH_MPI
  if (ranks > 1) {
    gather_ensemble(result, rank, ranks);
    if (rank != 0) return kOk;
  }
#endif
  std::error_code ec;
  std::filesystem::create_directories(args.out_dir, ec);
  std::string error;
  const std::filesystem::path dir(args.out_dir);
  const auto summary = study::summary_json(result, scenario.name, args.mitigations);
  if (ec || !io::write_file_atomically(dir / "runs.csv", study::runs_csv(result), &error) ||
      !io::write_file_atomically(dir / "summary.json", summary, &error) ||
      !io::write_file_atomically(dir / "bands.csv", study::bands_csv(result), &error)) {
    std::cerr << "error: " << (ec ? "cannot create " + args.out_dir + ": " + ec.message() : error) << '\n';
    return kBadInput;
  }
  std::cout << scenario.name << ": " << args.runs << " runs, seed " << result.root_seed
            << (ranks > 1 ? ", " + std::to_string(ranks) + " MPI ranks" : std::string()) << "\n\n";
  std::printf("  %-32s %14s %14s %14s %14s\n", "metric", "mean", "p5", "p50", "p95");
  const auto table = metrics::summary_metrics();
  for (std::size_t k = 0; k < table.size(); ++k) {
    std::vector<double> values;
    for (const auto& run : result.metrics) values.push_back(run[k]);
    const auto s = study::describe(values);
    std::printf("  %-32s %14.6g %14.6g %14.6g %14.6g%s\n", std::string(table[k].name).c_str(), s.mean, s.p5,
                s.p50, s.p95, s.count < values.size() ? "  (runs not restored excluded)" : "");
  }
  if (!scenario.crews.empty() && std::any_of(scenario.crews.begin(), scenario.crews.end(),
                                             [](const auto& pool) { return pool.second.routed(); })) {
    // Wall-clock time, so it varies between runs; not written to the files (they stay identical).
    double run = 0, routing = 0;
    for (double s : result.run_seconds) run += s;
    for (double s : result.routing_seconds) routing += s;
    std::printf("\n  routing: %.1f %% of run time (%.3g s of %.3g s over %zu runs; wall clock, varies)\n",
                100.0 * study::routing_share(result), routing, run, result.run_seconds.size());
  }
  std::cout << "\nWrote runs.csv, summary.json, bands.csv to " << args.out_dir << '\n';
  return kOk;
}

}  // namespace blackstart::cli
