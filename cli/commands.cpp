#include "commands.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include "blackstart/core/text.hpp"

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/io/control_library.hpp"
#include "blackstart/io/csv.hpp"
#include "blackstart/io/matpower.hpp"
#include "blackstart/metrics/metrics.hpp"
#include "blackstart/report/fuel_log.hpp"
#include "blackstart/report/report.hpp"
#include "blackstart/sim/powerflow.hpp"
#include "blackstart/sim/simulator.hpp"
#include "blackstart/study/classic.hpp"

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

}  // namespace

void print_diagnostics(const core::Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.items()) std::cerr << core::format(d) << '\n';
}

std::optional<model::Scenario> load_scenario_argument(const std::string& name,
                                                      const std::vector<std::string>& mitigations,
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

bool refuse_textbook_model(const model::Scenario& scenario) {
  if (!scenario.classic_model) return false;
  std::cerr
      << "error: '" << scenario.name
      << "' runs a textbook cascade model (classic_model): use `blackstart run` or `blackstart sweep`\n";
  return true;
}

namespace {

std::optional<double> parse_time(const std::string& text, const char* what) {
  std::string why;
  auto d = core::parse_duration(text, &why);
  if (!d || d->minutes < 0) {
    std::cerr << "error: " << what << ": " << (d ? "must not be negative" : why) << '\n';
    return std::nullopt;
  }
  return d->minutes;
}

//! `run` on a scenario with `classic_model:`: one run of the textbook model, printed and written
//! to DIR/summary.json.
int run_classic(const model::Scenario& scenario, const RunArgs& args) {
  core::Diagnostics diagnostics;
  const auto result =
      study::run_classic_model(*scenario.classic_model, args.seed.value_or(scenario.seed), diagnostics);
  print_diagnostics(diagnostics);
  if (!result) return kBadInput;
  const auto summary = study::classic_summary_json(scenario.name, *result);
  std::string error;
  if (!args.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(args.out_dir, ec);
    if (ec ||
        !io::write_file_atomically(std::filesystem::path(args.out_dir) / "summary.json", summary, &error)) {
      std::cerr << "error: " << (ec ? "cannot create " + args.out_dir + ": " + ec.message() : error) << '\n';
      return kBadInput;
    }
  }
  if (args.json) {
    std::cout << summary;
    return kOk;
  }
  if (result->kind == model::ClassicModelSpec::Kind::MutualPercolation) {
    std::cout << fmt::format(
        "{}: mutual percolation, {} + {} nodes, seed {}\n  p = {:.6g} ({} A nodes removed)\n"
        "  mu_infinity = {:.6g}\n  stages = {}{}\n",
        scenario.name, result->nodes_a, result->nodes_b, result->seed, result->p, result->removed, result->mu,
        result->stages, result->converged ? "" : " (stage limit reached)");
  } else {
    std::cout << fmt::format(
        "{}: Motter-Lai, {} nodes, seed {}\n  alpha = {:.6g}, removed node {}\n  G = {:.6g}\n  steps = {}\n"
        "  failed = {}{}\n",
        scenario.name, result->nodes_a, result->seed, result->alpha, result->removed_node, result->g,
        result->steps, result->failed, result->converged ? "" : " (step limit reached)");
  }
  if (!args.out_dir.empty()) std::cout << "\nWrote summary.json to " << args.out_dir << "\n";
  return kOk;
}

}  // namespace

int run_command(const RunArgs& args) {
  auto scenario = load_scenario_argument(args.scenario, args.mitigations, args.quiet);
  if (!scenario) return kBadInput;
  if (scenario->classic_model) return run_classic(*scenario, args);
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
    if (io::is_control_library_file(file)) {
      // A controls library (like scenarios/library/controls.yaml): its controls, checked alone.
      std::ifstream in(file, std::ios::binary);
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      const auto library = io::read_control_library(text, file);
      if (!library.ok() || !quiet) print_diagnostics(library.diagnostics);
      if (!library.ok())
        status = kBadInput;
      else if (!quiet)
        std::cout << "ok: " << file << ": controls library, " << library.controls.size() << " controls\n";
      continue;
    }
    auto loaded = io::load_scenario_file(file);
    if (!loaded.ok() || !quiet) print_diagnostics(loaded.diagnostics);
    if (!loaded.ok()) {
      status = kBadInput;
      continue;
    }
    if (!quiet && loaded.scenario->classic_model) {
      const auto& spec = *loaded.scenario->classic_model;
      const bool percolation = spec.kind == model::ClassicModelSpec::Kind::MutualPercolation;
      std::cout << "ok: " << file << ": '" << loaded.scenario->name << "', classic model "
                << (percolation ? "mutual_percolation" : "motter_lai") << " on "
                << (spec.generator.empty() ? "CSV edge lists (their contents are checked by run and sweep)"
                                           : "a generated " + spec.generator + " graph")
                << '\n';
      continue;
    }
    if (!quiet) {
      const auto& s = *loaded.scenario;
      std::size_t links = 0;
      for (const auto& e : s.network.elements()) links += e.is_link ? 1 : 0;
      std::cout << "ok: " << file << ": '" << s.name << "', " << s.network.layers().size() << " layers, "
                << s.network.size() - links << " assets, " << links << " links, "
                << s.network.dependencies().size() << " dependencies, " << s.events.size() << " events, "
                << s.mitigations.size() << " mitigations";
      if (!s.campaign.empty())
        std::cout << ", a campaign of " << s.campaign.steps.size() << " attack steps, " << s.controls.size()
                  << " controls, " << s.responses.size() << " responses";
      std::cout << '\n';
    }
  }
  return status;
}

int explain_command(const ExplainArgs& args) {
  auto scenario = load_scenario_argument(args.scenario, args.mitigations, true);
  if (!scenario) return kBadInput;
  if (scenario->classic_model) {
    std::cerr << "error: '" << scenario->name
              << "' is a classic-model scenario: it has no assets to explain\n";
    return kBadInput;
  }
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
  const auto print_downstream = [&] {
    if (!args.downstream) return;
    // Forward: everything whose cause chain at that time runs through this asset, by layer.
    const auto down = sim::taken_down_by(result, *element, at);
    std::cout << "What " << args.asset << " took down at " << when << ": " << down.size()
              << (down.size() == 1 ? " element\n" : " elements\n");
    const auto& net = scenario->network;
    for (std::uint32_t l = 0; l < net.layers().size(); ++l) {
      std::string ids;
      std::size_t count = 0;
      for (auto x : down)
        if (net.element(x).layer == l) {
          ids += (count++ ? ", " : "") + net.element(x).id;
        }
      if (count) std::cout << "  " << net.layers()[l].name << " (" << count << "): " << ids << '\n';
    }
  };
  if (chain.empty()) {
    std::cout << args.asset << " is in its normal state at " << when << ": nothing happened to it.\n";
    print_downstream();
    return kOk;
  }
  std::cout << "Why " << args.asset << " is " << sim::to_name(chain.front().change) << " at " << when << ":\n"
            << report::explain_text(*scenario, chain);
  const auto still_down = sim::why_still_down(*scenario, result, *element, at);
  if (!still_down.empty())
    std::cout << "Why it is still down at " << when << ":\n"
              << report::still_down_text(*scenario, still_down);
  if (const auto levels = report::backup_levels_text(*scenario, result, *element, at); !levels.empty())
    std::cout << "Its batteries and tanks at " << when << ":\n" << levels;
  print_downstream();
  return kOk;
}

int powerflow_command(const PowerflowArgs& args) {
  auto loaded = io::load_matpower_file(args.case_file);
  if (!loaded.ok()) {
    print_diagnostics(loaded.diagnostics);
    return kBadInput;
  }
  const auto& c = *loaded.power_case;
  const std::size_t n = c.buses.size(), m = c.branches.size();
  std::vector<double> vm(n, 1.0), va(n), pf(m), qf(m, 0.0), pt(m), qt(m, 0.0), pg;
  std::string model;
  if (args.ac) {
    sim::AcOptions options;
    options.tolerance = args.tolerance;
    options.max_iterations = args.max_iterations;
    options.enforce_q_limits = args.enforce_q_limits;
    const auto flow = sim::solve_ac(c, options);
    if (!flow.converged) {
      std::cerr << "error: " << args.case_file << ": AC power flow " << flow.message << '\n';
      return kBadInput;
    }
    vm = flow.vm_pu, va = flow.va_deg, pf = flow.pf_mw, qf = flow.qf_mvar, pt = flow.pt_mw, qt = flow.qt_mvar;
    pg = flow.pg_mw;
    model = fmt::format("AC Newton-Raphson, converged in {} iterations (mismatch {:.2e} p.u.)",
                        flow.iterations, flow.max_mismatch_pu);
  } else {
    const auto flow = sim::solve_dc(c);
    if (!flow.ok) {
      std::cerr << "error: " << args.case_file << ": DC power flow failed: " << flow.message << '\n';
      return kBadInput;
    }
    va = flow.va_deg, pf = flow.pf_mw, pg = flow.pg_mw;
    for (std::size_t l = 0; l < m; ++l) pt[l] = -pf[l];
    model = "DC (B-theta)";
  }
  double losses = 0, max_loading = 0, slack = 0;
  std::size_t max_row = 0;
  std::string buses = "bus,va_deg,vm_pu\n",
              branches = "index,from,to,p_from_mw,q_from_mvar,p_to_mw,q_to_mvar,loading_pct\n";
  for (std::size_t i = 0; i < n; ++i)
    buses += fmt::format("{},{:.12g},{:.12g}\n", c.buses[i].number, va[i], vm[i]);
  for (std::size_t l = 0; l < m; ++l) {
    const auto& br = c.branches[l];
    const double flow_mva = std::max(std::hypot(pf[l], qf[l]), std::hypot(pt[l], qt[l]));
    const double loading = sim::loading_pct(flow_mva, br.rate_a_mva);
    losses += pf[l] + pt[l];
    if (std::isfinite(loading) && loading > max_loading) {
      max_loading = loading;
      max_row = l + 1;
    }
    branches +=
        fmt::format("{},{},{},{:.12g},{:.12g},{:.12g},{:.12g},{}\n", l + 1, br.from, br.to, pf[l], qf[l],
                    pt[l], qt[l], std::isfinite(loading) ? fmt::format("{:.6g}", loading) : std::string());
  }
  for (std::size_t g = 0; g < c.gens.size(); ++g)
    if (c.gens[g].in_service && c.bus_index.at(c.gens[g].bus) >= 0 &&
        c.buses[c.bus_index.at(c.gens[g].bus)].type == model::BusType::Ref) {
      slack = pg[g];
      break;
    }
  std::cout << fmt::format("{}: {} buses, {} branches, {} generators\n", c.name, n, m, c.gens.size()) << "  "
            << model << '\n'
            << fmt::format("  losses              {:>12.3f} MW\n", losses)
            << fmt::format("  slack generation    {:>12.3f} MW\n", slack)
            << (max_row ? fmt::format("  max loading         {:>12.1f} % of rate A (branch row {})\n",
                                      max_loading, max_row)
                        : std::string("  max loading                  - (no branch has a rate A)\n"));
  if (!args.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(args.out_dir, ec);
    std::string error;
    if (ec || !io::write_file_atomically(std::filesystem::path(args.out_dir) / "buses.csv", buses, &error) ||
        !io::write_file_atomically(std::filesystem::path(args.out_dir) / "branches.csv", branches, &error)) {
      std::cerr << "error: " << (ec ? ec.message() : error) << '\n';
      return kBadInput;
    }
    std::cout << "Wrote buses.csv and branches.csv to " << args.out_dir << '\n';
  }
  return kOk;
}

}  // namespace blackstart::cli
