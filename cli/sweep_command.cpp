// `blackstart sweep`: ensembles over one parameter, one CSV row per value.
#include <cstdio>
#include <iostream>

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/io/csv.hpp"
#include "blackstart/study/classic.hpp"
#include "blackstart/study/sweep.hpp"
#include "commands.hpp"

namespace blackstart::cli {

int sweep_command(const SweepArgs& args) {
  if (args.runs < 1) {
    std::cerr << "error: --runs must be at least 1\n";
    return kUsage;
  }
  if (!(args.step > 0) || args.to < args.from) {
    std::cerr << "error: need --from <= --to and --step > 0\n";
    return kUsage;
  }
  const auto loaded = load_scenario_argument(args.scenario, {}, true);
  if (!loaded) return kBadInput;
  const auto& scenario = *loaded;
  std::string csv, error, metric;
  if (scenario.classic_model) {
    // Textbook model: p or alpha, the nested percolation sweep, mu or G across runs.
    study::ClassicSweepOptions options;
    options.parameter = args.param;
    options.from = args.from;
    options.to = args.to;
    options.step = args.step;
    options.runs = args.runs;
    options.threads = args.threads;
    options.seed = args.seed;
    core::Diagnostics diagnostics;
    const auto rows =
        study::run_classic_sweep(*scenario.classic_model, scenario.seed, options, diagnostics, &error);
    print_diagnostics(diagnostics);
    if (rows.empty()) {
      std::cerr << "error: " << error << '\n';
      return kBadInput;
    }
    metric = study::classic_metric(*scenario.classic_model);
    csv = study::classic_sweep_csv(args.param, metric, rows);
  } else {
    study::SweepOptions options;
    options.parameter = args.param;
    options.from = args.from;
    options.to = args.to;
    options.step = args.step;
    options.ensemble.runs = args.runs;
    options.ensemble.threads = args.threads;
    options.ensemble.seed = args.seed;
    const auto rows = study::run_sweep(scenario, options, &error);
    if (rows.empty()) {
      std::cerr << "error: " << error << '\n';
      return kBadInput;
    }
    csv = study::sweep_csv(args.param, rows);
  }
  if (!io::write_file_atomically(args.out, csv, &error)) {
    std::cerr << "error: " << error << '\n';
    return kBadInput;
  }
  if (!args.quiet) {
    std::cout << scenario.name << ": " << args.param << " from " << args.from << " to " << args.to << " step "
              << args.step << ", " << args.runs << " run" << (args.runs == 1 ? "" : "s") << " per value\n\n"
              << csv << "\nWrote " << args.out << '\n';
  }
  return kOk;
}

}  // namespace blackstart::cli
