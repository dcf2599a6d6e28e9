#include "commands.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>

#include "blackstart/core/text.hpp"
#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/metrics/metrics.hpp"
#include "blackstart/report/report.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::cli {

namespace {

//! Progress on stderr, only when it is a terminal, redrawn at most every whole percent.
class ProgressObserver final : public sim::Observer {
 public:
  explicit ProgressObserver(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  void progress(double fraction) override {
    if (!enabled_) return;
    const int percent = static_cast<int>(fraction * 100.0);
    if (percent == last_) return;
    last_ = percent;
    std::fprintf(stderr, "\rsimulating %3d%%", percent);
    if (percent >= 100) std::fprintf(stderr, "\n");
  }

 private:
  bool enabled_;
  int last_ = -1;
};

void print_diagnostics(const core::Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.items()) std::cerr << core::format(d) << '\n';
}

//! Loads a scenario (file or built-in) and applies mitigations; prints problems.
std::optional<model::Scenario> load(const std::string& name, const std::vector<std::string>& mitigations,
                                    bool quiet) {
  auto loaded = io::load_scenario(name.empty() ? std::string(io::kDefaultScenario) : name);
  if (!loaded.ok()) {
    print_diagnostics(loaded.diagnostics);
    return std::nullopt;
  }
  if (!quiet) print_diagnostics(loaded.diagnostics);
  auto applied = model::apply_mitigations(*loaded.scenario, mitigations);
  if (applied.has_errors()) {
    print_diagnostics(applied);
    return std::nullopt;
  }
  return std::move(loaded.scenario);
}

std::optional<double> parse_time(const std::string& text, const char* what) {
  std::string why;
  auto d = core::parse_duration(text, &why);
  if (!d || d->minutes < 0) {
    std::cerr << "error: " << what << ": " << (d ? "must not be negative" : why) << '\n';
    return std::nullopt;
  }
  return d->minutes;
}

}  // namespace

int run_command(const RunArgs& args) {
  auto scenario = load(args.scenario, args.mitigations, args.quiet);
  if (!scenario) return kBadInput;
  sim::RunOptions options;
  options.seed = args.seed;
  if (!args.until.empty()) {
    auto until = parse_time(args.until, "--until");
    if (!until) return kUsage;
    options.until_min = *until;
  }
  ProgressObserver progress(!args.quiet);
  const auto result = sim::simulate(*scenario, options, &progress);
  const auto summary = metrics::summarize(result);
  std::string error;
  if (!args.out_dir.empty() &&
      !report::write_run_outputs(args.out_dir, *scenario, result, summary, args.mitigations, &error)) {
    std::cerr << "error: " << error << '\n';
    return kBadInput;
  }
  if (args.json) {
    std::cout << report::summary_json(summary, args.mitigations);
  } else {
    std::cout << report::impact_table(summary);
    if (!args.out_dir.empty())
      std::cout << "\nWrote summary.json, timeline.csv, events.csv to " << args.out_dir << "\n";
  }
  return kOk;
}

int validate_command(const std::vector<std::string>& files, bool quiet) {
  int status = kOk;
  for (const auto& file : files) {
    auto loaded = io::load_scenario_file(file);
    if (!loaded.ok() || !quiet) print_diagnostics(loaded.diagnostics);
    if (!loaded.ok()) {
      status = kBadInput;
      continue;
    }
    if (!quiet) {
      const auto& s = *loaded.scenario;
      std::size_t links = 0;
      for (const auto& e : s.network.elements()) links += e.is_link ? 1 : 0;
      std::cout << "ok: " << file << ": '" << s.name << "', " << s.network.layers().size() << " layers, "
                << s.network.size() - links << " assets, " << links << " links, "
                << s.network.dependencies().size() << " dependencies, " << s.events.size() << " events, "
                << s.mitigations.size() << " mitigations\n";
    }
  }
  return status;
}

int explain_command(const ExplainArgs& args) {
  auto scenario = load(args.scenario, args.mitigations, true);
  if (!scenario) return kBadInput;
  const auto element = scenario->network.find(args.asset);
  if (!element) {
    std::vector<std::string> ids;
    for (const auto& e : scenario->network.elements()) ids.push_back(e.id);
    std::cerr << "error: no asset '" << args.asset << "' in scenario '" << scenario->name << "'"
              << core::did_you_mean(args.asset, ids) << '\n';
    return kBadInput;
  }
  sim::RunOptions options;
  options.seed = args.seed;
  const auto result = sim::simulate(*scenario, options);
  double at = metrics::summarize(result).time_of_worst_impact_min;
  if (!args.at.empty()) {
    auto parsed = parse_time(args.at, "--at");
    if (!parsed) return kUsage;
    at = *parsed;
  }
  const auto chain = sim::explain(result, *element, at);
  const std::string when = core::format_duration(core::Duration{at});
  if (chain.empty()) {
    std::cout << args.asset << " is in its normal state at " << when << ": nothing happened to it.\n";
    return kOk;
  }
  std::cout << "Why " << args.asset << " is " << chain.front().change.to << " at " << when << ":\n"
            << report::explain_text(*scenario, chain);
  return kOk;
}

}  // namespace blackstart::cli
