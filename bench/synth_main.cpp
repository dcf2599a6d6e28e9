// blackstart_synth: writes the synthetic benchmark scenario as scenario.yaml + CSV files, so that
// the CLI path (parse, simulate, write outputs) can be timed on it (bench/run_cli_100k.sh).
//
//   blackstart_synth OUT_DIR [--assets N] [--seed S] [--verify] [--phases]
//
// --verify loads the written files back, checks that the network has the same elements and
// dependencies as the one built in memory, and that both simulate to the same summary.
// --phases then repeats what `blackstart run OUT_DIR/scenario.yaml --out OUT_DIR/out` does (load,
// simulate, summarize, write outputs) and prints the time and resident memory after each step.
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/metrics/metrics.hpp"
#include "blackstart/report/report.hpp"
#include "blackstart/sim/simulator.hpp"
#include "synthetic_network.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int usage() {
  std::cerr << "usage: blackstart_synth OUT_DIR [--assets N] [--seed S] [--verify] [--phases]\n";
  return 2;
}

//! A field of /proc/self/status in MiB (VmRSS: resident now, VmHWM: peak so far); 0 if unavailable.
double status_mib(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1)) / 1024.0;
  return 0.0;
}

//! Bytes the program holds in malloc'd blocks (live heap, not what the allocator keeps for reuse), in MiB.
double heap_in_use_mib() {
  const struct mallinfo2 info = mallinfo2();
  return static_cast<double>(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

//! The steps of `blackstart run SCENARIO --out OUT`, each timed, with memory after it.
int time_phases(const std::filesystem::path& scenario_file, const std::filesystem::path& out) {
  auto report = [](const char* step, Clock::time_point start) {
    std::cout << "  " << step << ": " << seconds_since(start) << " s, heap in use " << heap_in_use_mib()
              << " MiB, rss " << status_mib("VmRSS") << " MiB, peak rss " << status_mib("VmHWM") << " MiB\n";
  };
  std::cout << "phases of blackstart run " << scenario_file.string() << " --out " << out.string() << '\n';
  std::cout << "  start: heap in use " << heap_in_use_mib() << " MiB, rss " << status_mib("VmRSS")
            << " MiB, peak rss " << status_mib("VmHWM") << " MiB\n";
  const auto all = Clock::now();
  auto start = Clock::now();
  auto loaded = blackstart::io::load_scenario_file(scenario_file);
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics.items()) std::cerr << blackstart::core::format(d) << '\n';
    return 1;
  }
  report("load", start);
  start = Clock::now();
  const auto result = blackstart::sim::simulate(*loaded.scenario);
  report("simulate", start);
  start = Clock::now();
  const auto summary = blackstart::metrics::summarize(result);
  report("summarize", start);
  start = Clock::now();
  std::string error;
  if (!blackstart::report::write_run_outputs(out, *loaded.scenario, result, summary, {}, &error)) {
    std::cerr << "error: " << error << '\n';
    return 1;
  }
  report("write outputs", start);
  std::cout << "  total: " << seconds_since(all) << " s; " << result.changes.size() << " state changes, "
            << result.trace.size() << " trace points\n";
  return 0;
}

bool parse_count(const std::string& text, std::uint64_t& out) {
  try {
    std::size_t used = 0;
    out = std::stoull(text, &used);
    return used == text.size();
  } catch (const std::exception&) {
    return false;
  }
}

bool close(double a, double b) {
  return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

//! Compares what the loader read with the scenario built in memory; prints each difference.
bool same_network(const blackstart::model::Network& built, const blackstart::model::Network& loaded) {
  bool ok = true;
  auto differ = [&](const std::string& what) {
    std::cerr << "verify: " << what << '\n';
    ok = false;
  };
  if (built.size() != loaded.size()) differ("element counts differ");
  if (built.dependencies().size() != loaded.dependencies().size()) differ("dependency counts differ");
  if (!ok) return false;
  for (std::size_t i = 0; i < built.size() && ok; ++i) {
    const auto& a = built.elements()[i];
    const auto& b = loaded.elements()[i];
    if (a.id != b.id || a.type != b.type || a.role != b.role || a.is_link != b.is_link || a.from != b.from ||
        a.to != b.to || a.operator_name != b.operator_name || a.name != b.name ||
        a.capacity_mw != b.capacity_mw || a.load_mw != b.load_mw || a.customers != b.customers ||
        a.passengers_per_hour != b.passengers_per_hour || a.priority != b.priority ||
        a.attributes != b.attributes)
      differ("element " + std::to_string(i) + " ('" + a.id + "' / '" + b.id + "') differs");
  }
  return ok;
}

bool same_summary(const blackstart::metrics::Summary& a, const blackstart::metrics::Summary& b) {
  return a.state_changes == b.state_changes &&
         close(a.peak_customers_without_power, b.peak_customers_without_power) &&
         close(a.customer_minutes_interrupted, b.customer_minutes_interrupted) &&
         close(a.energy_not_served_mwh, b.energy_not_served_mwh) &&
         close(a.passenger_trips_lost, b.passenger_trips_lost) &&
         close(a.resilience_index, b.resilience_index) &&
         a.time_to_full_restoration_min == b.time_to_full_restoration_min;
}

void print_summary(const char* label, const blackstart::metrics::Summary& s) {
  std::cout << label << ": state changes " << s.state_changes << ", peak customers without power "
            << s.peak_customers_without_power << ", customer-minutes " << s.customer_minutes_interrupted
            << ", energy not served " << s.energy_not_served_mwh << " MWh, passenger trips lost "
            << s.passenger_trips_lost << ", resilience index " << s.resilience_index << '\n';
}

//! Builds the scenario, writes it, and with `verify` checks the files against it.
int generate(const std::string& out_dir, const blackstart::bench::SyntheticOptions& options, bool verify) {
  auto start = Clock::now();
  const auto scenario = blackstart::bench::make_synthetic_scenario(options);
  const auto& net = scenario.network;
  std::size_t assets = 0;
  for (const auto& layer : net.layers()) assets += layer.assets.size();
  std::cout << "built " << assets << " assets, " << net.size() - assets << " links, "
            << net.dependencies().size() << " dependencies, " << scenario.events.size() << " events in "
            << seconds_since(start) << " s\n";
  for (const auto& layer : net.layers())
    std::cout << "  " << layer.name << ": " << layer.assets.size() << " assets, " << layer.links.size()
              << " links\n";
  const auto shape = blackstart::bench::synthetic_shape(options.assets);
  std::cout << "  power: " << shape.infeeds << " infeeds, " << shape.substations_110kv << " 110 kV and "
            << shape.substations_35kv << " 35 kV substations, " << shape.loads << " loads\n"
            << "  transport: " << shape.signal_zones << " traffic-signal zones, " << shape.trolleybus_lines
            << " trolleybus lines, " << shape.road_segments << " road segments\n"
            << "  cyber: control centre, UPS, call centre, " << shape.dms << " DMS, " << shape.hmis
            << " HMIs, " << shape.gateways << " gateways, " << shape.substation_rtus << " substation RTUs, "
            << shape.feeder_rtus << " feeder RTUs\n";
  for (const auto& e : scenario.events)
    std::cout << "  event " << e.id << " at " << e.at_min
              << " min: " << blackstart::model::to_string(e.action) << ", " << e.targets.size()
              << " targets\n";

  start = Clock::now();
  std::string error;
  if (!blackstart::bench::write_scenario_folder(scenario, out_dir, &error)) {
    std::cerr << "error: " << error << '\n';
    return 1;
  }
  std::cout << "wrote " << out_dir << "/scenario.yaml and its CSV files in " << seconds_since(start)
            << " s\n";
  if (!verify) return 0;

  start = Clock::now();
  auto loaded = blackstart::io::load_scenario_file(std::filesystem::path(out_dir) / "scenario.yaml");
  for (const auto& d : loaded.diagnostics.items()) std::cerr << blackstart::core::format(d) << '\n';
  if (!loaded.ok()) {
    std::cerr << "verify: the written scenario does not load\n";
    return 1;
  }
  std::cout << "loaded it back in " << seconds_since(start) << " s\n";
  if (!same_network(net, loaded.scenario->network)) return 1;
  const auto built_summary = blackstart::metrics::summarize(blackstart::sim::simulate(scenario));
  const auto loaded_summary = blackstart::metrics::summarize(blackstart::sim::simulate(*loaded.scenario));
  print_summary("in memory", built_summary);
  print_summary("from files", loaded_summary);
  if (!same_summary(built_summary, loaded_summary)) {
    std::cerr << "verify: the two runs differ\n";
    return 1;
  }
  std::cout << "verify: same network, same results\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string out_dir;
  blackstart::bench::SyntheticOptions options;
  bool verify = false, phases = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::uint64_t value = 0;
    if (args[i] == "--verify") {
      verify = true;
    } else if (args[i] == "--phases") {
      phases = true;
    } else if ((args[i] == "--assets" || args[i] == "--seed") && i + 1 < args.size() &&
               parse_count(args[i + 1], value)) {
      (args[i] == "--assets" ? options.assets : options.seed) = value;
      ++i;
    } else if (!args[i].empty() && args[i][0] != '-' && out_dir.empty()) {
      out_dir = args[i];
    } else {
      return usage();
    }
  }
  if (out_dir.empty()) return usage();
  if (const int status = generate(out_dir, options, verify); status != 0 || !phases) return status;
  // Give freed memory back and restart the peak-RSS counter, so the phases are measured as in a
  // fresh `blackstart run` process (apart from the program's own footprint, printed as "start").
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";
  return time_phases(std::filesystem::path(out_dir) / "scenario.yaml",
                     std::filesystem::path(out_dir) / "out");
}
