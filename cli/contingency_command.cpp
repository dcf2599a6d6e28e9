// `blackstart contingency`: N-1 / N-2 outage screen of a MATPOWER case on the DC model.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>

#include "blackstart/core/text.hpp"
#include "blackstart/io/csv.hpp"
#include "blackstart/io/matpower.hpp"
#include "blackstart/sim/contingency.hpp"
#include "commands.hpp"

namespace blackstart::cli {

namespace {

//! "row 12 (5-6)": branch rows are 1-based in every output; buses by number.
std::string describe_branch(const model::PowerCase& c, int row) {
  const auto& br = c.branches[row];
  return fmt::format("{} ({}-{})", row + 1, br.from, br.to);
}

std::string describe(const model::PowerCase& c, const sim::OutageResult& r) {
  std::string text;
  for (int row : r.branches) text += (text.empty() ? "" : " + ") + describe_branch(c, row);
  return text;
}

std::string worst_text(const sim::OutageResult& r) {
  return r.worst_branch < 0 ? std::string("-")
                            : fmt::format("{:.1f} % (row {})", r.worst_loading_pct, r.worst_branch + 1);
}

std::string table(const model::PowerCase& c, const std::vector<sim::OutageResult>& ranking, std::size_t rows,
                  bool pairs) {
  rows = std::min(rows, ranking.size());
  std::size_t width = pairs ? 8 : 6;
  for (std::size_t i = 0; i < rows; ++i) width = std::max(width, describe(c, ranking[i]).size());
  std::string out =
      fmt::format("{:>5}  {:<{}}  {:>10}  {:>8}  {:>9}  {:>12}  {}\n", "rank", pairs ? "branches" : "branch",
                  width, "shed MW", "cut buses", "overloads", "overload MW", "worst loading");
  for (std::size_t i = 0; i < rows; ++i) {
    const auto& r = ranking[i];
    out += fmt::format("{:>5}  {:<{}}  {:>10.1f}  {:>8}  {:>9}  {:>12.1f}  {}\n", i + 1, describe(c, r),
                       width, r.shed_mw, r.islanded_buses, r.overloads, r.overload_mw, worst_text(r));
  }
  return out;
}

std::string csv(const model::PowerCase& c, const std::vector<sim::OutageResult>& ranking, bool pairs) {
  std::string out = pairs ? "rank,branch_1,from_bus_1,to_bus_1,branch_2,from_bus_2,to_bus_2"
                          : "rank,branch,from_bus,to_bus";
  out +=
      ",islanded,shed_mw,lost_generation_mw,islanded_buses,overloads,overload_mw,worst_loading_pct,"
      "worst_branch\n";
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    const auto& r = ranking[i];
    out += std::to_string(i + 1);
    for (int row : r.branches)
      out += fmt::format(",{},{},{}", row + 1, c.branches[row].from, c.branches[row].to);
    out += fmt::format(",{},{:.6f},{:.6f},{},{},{:.6f},", r.islanded ? 1 : 0, r.shed_mw, r.lost_generation_mw,
                       r.islanded_buses, r.overloads, r.overload_mw);
    if (r.worst_branch >= 0)
      out += fmt::format("{:.6f},{}", r.worst_loading_pct, r.worst_branch + 1);
    else
      out += ",";
    out += '\n';
  }
  return out;
}

}  // namespace

int contingency_command(const ContingencyArgs& args) {
  auto loaded = io::load_matpower_file(args.case_file);
  if (!loaded.ok()) {
    print_diagnostics(loaded.diagnostics);
    return kBadInput;
  }
  const auto& c = *loaded.power_case;
  const auto start = std::chrono::steady_clock::now();
  sim::ContingencyAnalysis analysis(c);
  if (!analysis.ok()) {
    std::cerr << "error: " << args.case_file << ": DC power flow failed: " << analysis.message() << '\n';
    return kBadInput;
  }
  const sim::ContingencyOptions options{.threads = args.threads};
  auto ranking = analysis.screen_n1(options);
  const std::size_t singles = ranking.size();
  if (args.n2) ranking = analysis.screen_n2(ranking, args.top, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const auto base = analysis.evaluate_base();
  const unsigned threads = args.threads > 0 ? static_cast<unsigned>(args.threads)
                                            : std::max(1u, std::thread::hardware_concurrency());
  std::cout
      << fmt::format("{}: {} buses, {} branches, {} generators\n", c.name, c.buses.size(), c.branches.size(),
                     c.gens.size())
      << (args.n2
              ? "  DC (B-theta) N-2 screen: pairs by a 2x2 LODF system, re-solved where buses are cut off\n"
              : "  DC (B-theta) N-1 screen: LODF from one factorisation\n")
      << fmt::format("  base case: {} overloaded branches, worst loading {}\n", base.overloads,
                     worst_text(base))
      << fmt::format("  {} single outages screened ({} cut buses off)", singles, analysis.cut_off_count());
  if (args.n2)
    std::cout << fmt::format(", {} pairs among the {} worst", ranking.size(),
                             std::min<std::size_t>(static_cast<std::size_t>(args.top), singles));
  std::cout << fmt::format(" in {:.3f} s on {} thread{}\n\n", seconds, threads, threads == 1 ? "" : "s")
            << table(c, ranking, static_cast<std::size_t>(args.top), args.n2);

  if (!args.out_file.empty()) {
    std::string error;
    if (!io::write_file_atomically(args.out_file, csv(c, ranking, args.n2), &error)) {
      std::cerr << "error: " << error << '\n';
      return kBadInput;
    }
    std::cout << "\nWrote the full ranking (" << ranking.size() << " outages) to " << args.out_file << '\n';
  }
  return kOk;
}

}  // namespace blackstart::cli
