// `blackstart rank`: which assets matter most.
#include <cstdio>
#include <iostream>
#include <stdexcept>

#include "blackstart/core/text.hpp"
#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/io/csv.hpp"
#include "blackstart/study/ranking.hpp"
#include "commands.hpp"

namespace blackstart::cli {

int rank_command(const RankArgs& args) {
  if (args.k != 1 && args.k != 2) {
    std::cerr << "error: --k must be 1 or 2\n";
    return kUsage;
  }
  const auto metrics = study::rank_metric_names();
  if (std::find(metrics.begin(), metrics.end(), args.metric) == metrics.end()) {
    std::cerr << "error: unknown metric '" << args.metric << "'" << core::did_you_mean(args.metric, metrics)
              << "; use " << core::join(metrics, ", ") << '\n';
    return kUsage;
  }
  const auto loaded = load_scenario_argument(args.scenario, {}, true);
  if (!loaded || refuse_textbook_model(*loaded)) return kBadInput;
  const auto& scenario = *loaded;
  if (!args.layer.empty() && !scenario.network.find_layer(args.layer)) {
    std::vector<std::string> names;
    for (const auto& l : scenario.network.layers()) names.push_back(l.name);
    std::cerr << "error: no layer '" << args.layer << "'" << core::did_you_mean(args.layer, names) << '\n';
    return kBadInput;
  }
  study::RankOptions options;
  options.layer = args.layer;
  options.k = args.k;
  options.metric = args.metric;
  options.candidates = args.candidates;
  options.threads = args.threads;
  const auto ranking = study::rank_elements(scenario, options);
  const std::string csv = study::ranking_csv(scenario, ranking, options);
  if (!args.out.empty()) {
    std::string error;
    if (!io::write_file_atomically(args.out, csv, &error)) {
      std::cerr << "error: " << error << '\n';
      return kBadInput;
    }
  }
  std::cout << "Critical " << (args.k == 1 ? "assets" : "pairs") << " of '" << scenario.name << "' by "
            << args.metric << " (each failed at t = 0 with no other event)\n\n";
  std::printf("  %4s  %-44s %14s", "rank", args.k == 1 ? "asset" : "pair", args.metric.c_str());
  for (const auto& layer : scenario.network.layers())
    std::printf(" %10s", ("failed " + layer.name).substr(0, 10).c_str());
  std::printf("\n");
  const std::size_t shown =
      std::min<std::size_t>(ranking.size(), static_cast<std::size_t>(std::max(1, args.top)));
  for (std::size_t i = 0; i < shown; ++i) {
    std::string ids;
    for (auto x : ranking[i].elements) ids += (ids.empty() ? "" : " + ") + scenario.network.element(x).id;
    std::printf("  %4zu  %-44s %14.6g", i + 1, ids.c_str(), ranking[i].value);
    for (auto c : ranking[i].cascade) std::printf(" %10u", c);
    std::printf("\n");
  }
  if (!args.out.empty())
    std::cout << "\nWrote the full ranking (" << ranking.size() << " rows) to " << args.out << '\n';
  return kOk;
}

}  // namespace blackstart::cli
