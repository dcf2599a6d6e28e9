// `blackstart ensemble`: Monte Carlo runs of one scenario, summarised.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/io/csv.hpp"
#include "blackstart/study/ensemble.hpp"
#include "commands.hpp"

namespace blackstart::cli {

namespace {
//! "done/total, rate, ETA" on stderr, redrawn at most ten times a second.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  void update(int done, int total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? done / elapsed : 0.0;
    const double eta = rate > 0 ? (total - done) / rate : 0.0;
    const int width = 30, filled = total > 0 ? width * done / total : width;
    std::fprintf(stderr, "\r[%.*s%*s] %d/%d runs  %.0f runs/s  ETA %.0fs   ", filled,
                 "##############################", width - filled, "", done, total, rate, eta);
    if (done == total) std::fprintf(stderr, "\n");
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};
}  // namespace

int ensemble_command(const EnsembleArgs& args) {
  if (args.runs < 1) {
    std::cerr << "error: --runs must be at least 1\n";
    return kUsage;
  }
  auto loaded = io::load_scenario(args.scenario.empty() ? std::string(io::kDefaultScenario) : args.scenario);
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics.items()) std::cerr << core::format(d) << '\n';
    return kBadInput;
  }
  auto& scenario = *loaded.scenario;
  const auto applied = model::apply_mitigations(scenario, args.mitigations);
  if (applied.has_errors()) {
    std::cerr << applied.to_string();
    return kBadInput;
  }
  study::EnsembleOptions options;
  options.runs = args.runs;
  options.threads = args.threads;
  options.seed = args.seed;
  ProgressBar bar(!args.quiet);
  const auto result =
      study::run_ensemble(scenario, options, [&](int done, int total) { bar.update(done, total); });
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
  std::cout << scenario.name << ": " << args.runs << " runs, seed " << result.root_seed << "\n\n";
  std::printf("  %-32s %14s %14s %14s %14s\n", "metric", "mean", "p5", "p50", "p95");
  const auto& names = study::headline_metric_names();
  for (std::size_t k = 0; k < names.size(); ++k) {
    std::vector<double> values;
    for (const auto& run : result.metrics) values.push_back(run[k]);
    const auto s = study::describe(values);
    std::printf("  %-32s %14.6g %14.6g %14.6g %14.6g%s\n", names[k].c_str(), s.mean, s.p5, s.p50, s.p95,
                s.count < values.size() ? "  (runs not restored excluded)" : "");
  }
  std::cout << "\nWrote runs.csv, summary.json, bands.csv to " << args.out_dir << '\n';
  return kOk;
}

}  // namespace blackstart::cli
