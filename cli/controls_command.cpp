// `blackstart controls`: which security controls would have stopped this campaign, or shortened
// it, and by how much — each control alone and a greedy best set of 1..K, over common random runs.
#ifdef BLACKSTART_WITH_MPI
#include <mpi.h>
#endif

#include <cmath>
#include <cstdio>
#include <iostream>

#include "blackstart/io/control_library.hpp"
#include "blackstart/io/csv.hpp"
#include "blackstart/study/controls_ranking.hpp"
#include "commands.hpp"
#include "progress_bar.hpp"

namespace blackstart::cli {

namespace {

int first_run_of(int runs, int rank, int ranks) {
  return static_cast<int>(static_cast<long long>(runs) * rank / ranks);
}

#ifdef BLACKSTART_WITH_MPI
//! Every rank gets every run's figures, in run order: the blocks of the ranks, one after another.
std::vector<double> gather_blocks(const std::vector<double>& local, int runs, int ranks) {
  std::vector<int> counts(static_cast<std::size_t>(ranks)), offsets(static_cast<std::size_t>(ranks));
  for (int r = 0; r < ranks; ++r) {
    offsets[static_cast<std::size_t>(r)] = 2 * first_run_of(runs, r, ranks);
    counts[static_cast<std::size_t>(r)] =
        2 * first_run_of(runs, r + 1, ranks) - offsets[static_cast<std::size_t>(r)];
  }
  std::vector<double> all(2 * static_cast<std::size_t>(runs));
  MPI_Allgatherv(local.data(), static_cast<int>(local.size()), MPI_DOUBLE, all.data(), counts.data(),
                 offsets.data(), MPI_DOUBLE, MPI_COMM_WORLD);
  return all;
}
#endif

//! Rounded to whole customer-hours, without a "-0" for values that round to nothing.
double whole(double v) {
  const double r = std::round(v);
  return r == 0.0 ? 0.0 : r;
}

std::string names_of(const study::ControlsRanking& ranking, const study::ControlsRow& row) {
  std::string names;
  for (std::size_t c : row.controls) names += (names.empty() ? "" : " + ") + ranking.candidates[c].name;
  return names.empty() ? std::string("(none)") : names;
}

void print_table(const study::ControlsRanking& ranking, int top) {
  const auto& base = ranking.rows.front();
  std::printf("  without controls: %.0f customer-hours per run, objective reached in %.0f%% of runs\n\n",
              base.customer_hours_mean, 100.0 * base.objective_reached_fraction);
  std::printf("  %-4s %-34s %-8s %26s %12s\n", "rank", "control", "ATT&CK", "customer-hours avoided (95% CI)",
              "prevented");
  int rank = 0;
  for (const auto& row : ranking.rows) {
    if (row.kind != study::ControlsRow::Kind::Single || ++rank > top) continue;
    const auto& control = ranking.candidates[row.controls.front()];
    std::printf("  %-4d %-34s %-8s %10.0f [%6.0f, %6.0f] %11.0f%%\n", rank, control.name.c_str(),
                control.mitigation_id.c_str(), whole(row.avoided_mean), whole(row.avoided_ci95_low),
                whole(row.avoided_ci95_high), 100.0 * row.objective_prevented_fraction);
  }
  bool greedy_header = false;
  for (const auto& row : ranking.rows) {
    if (row.kind != study::ControlsRow::Kind::Greedy) continue;
    if (!greedy_header) {
      std::printf("\n  best set of k controls (greedy):\n  %-3s %10s %12s  %s\n", "k", "avoided", "prevented",
                  "controls");
      greedy_header = true;
    }
    std::printf("  %-3zu %10.0f %11.0f%%  %s\n", row.controls.size(), whole(row.avoided_mean),
                100.0 * row.objective_prevented_fraction, names_of(ranking, row).c_str());
  }
}

}  // namespace

int controls_command(const ControlsArgs& args) {
  if (args.runs < 1) {
    std::cerr << "error: --runs must be at least 1\n";
    return kUsage;
  }
  if (args.greedy < 0) {
    std::cerr << "error: --greedy must not be negative\n";
    return kUsage;
  }
  auto loaded = load_scenario_argument(args.scenario, args.mitigations, true);
  if (!loaded || refuse_textbook_model(*loaded)) return kBadInput;
  const auto& scenario = *loaded;
  if (scenario.campaign.empty()) {
    std::cerr
        << "error: scenario '" << scenario.name
        << "' has no campaign: controls act on the techniques of attack steps (see docs/campaigns.md)\n";
    return kBadInput;
  }
  int rank = 0, ranks = 1;
#ifdef BLACKSTART_WITH_MPI
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
#endif
  study::ControlsOptions options;
  options.runs = args.runs;
  options.threads = args.threads;
  options.seed = args.seed;
  options.greedy = args.greedy;
  options.first_run = first_run_of(args.runs, rank, ranks);
  options.local_runs = first_run_of(args.runs, rank + 1, ranks) - options.first_run;
  study::GatherRuns gather;
#ifdef BLACKSTART_WITH_MPI
  if (ranks > 1)
    gather = [&](const std::vector<std::size_t>&, const std::vector<double>& local) {
      return gather_blocks(local, args.runs, ranks);
    };
#endif
  std::vector<model::Control> candidates;
  for (auto& applicable : io::applicable_controls(scenario))
    candidates.push_back(std::move(applicable.control));
  ProgressBar bar(!args.quiet && rank == 0);
  const auto ranking = study::rank_controls(scenario, candidates, options, gather,
                                            [&](long done, long total) { bar.update(done, total); });
  if (rank != 0) return kOk;
  if (!args.out.empty()) {
    std::string error;
    if (!io::write_file_atomically(args.out, study::controls_csv(ranking), &error)) {
      std::cerr << "error: " << error << '\n';
      return kBadInput;
    }
  }
  std::cout << scenario.name << ": " << candidates.size() << " controls, " << args.runs << " runs each, seed "
            << ranking.root_seed << (ranks > 1 ? ", " + std::to_string(ranks) + " MPI ranks" : std::string())
            << "\n";
  if (!args.quiet) {
    std::cout << '\n';
    print_table(ranking, args.top);
    if (!args.out.empty()) std::cout << "\nWrote " << args.out << '\n';
  }
  return kOk;
}

}  // namespace blackstart::cli
