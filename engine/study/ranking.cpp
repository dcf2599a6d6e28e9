// Critical-asset ranking: fail one element (or a pair) at time zero and measure the cascade.
#include "blackstart/study/ranking.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "blackstart/metrics/metric_table.hpp"
#include "blackstart/metrics/metrics.hpp"
#include "blackstart/sim/simulator.hpp"
#include "blackstart/study/ensemble.hpp"

namespace blackstart::study {

std::vector<std::string> rank_metric_names() {
  std::vector<std::string> names{std::string(metrics::info(metrics::RunMetric::CustomerHours).name)};
  for (const auto& metric : metrics::summary_metrics()) names.emplace_back(metric.name);
  return names;
}

namespace {
//! The metric's value; a run never fully restored counts as restored at the horizon.
double metric_of(const metrics::Summary& s, const std::string& metric) {
  const auto* info = metrics::find_run_metric(metric);
  if (!info) throw std::invalid_argument("unknown ranking metric '" + metric + "'");
  const double value = info->of(s);
  return std::isfinite(value) ? value : s.horizon_min;
}

RankEntry evaluate(const model::Scenario& scenario, std::vector<model::ElementIndex> elements,
                   const std::string& metric) {
  // The scenario's own events are replaced by one failure at t = 0; the network is not copied.
  model::Event failure;
  failure.id = "rank-failure";
  failure.action = model::Action::Damage;
  failure.targets = elements;
  const std::vector<model::Event> events{failure};
  sim::RunOptions options;
  options.events = &events;
  const auto result = sim::simulate(scenario, options);
  const auto summary = metrics::summarize(result);
  RankEntry entry;
  entry.elements = std::move(elements);
  entry.value = metric_of(summary, metric);
  for (const auto& layer : summary.layers) entry.cascade.push_back(layer.peak_failed);
  return entry;
}

bool better(const RankEntry& a, const RankEntry& b) {
  if (a.value != b.value) return a.value > b.value;
  return a.elements < b.elements;
}
}  // namespace

std::vector<RankEntry> rank_elements(const model::Scenario& scenario, const RankOptions& options) {
  metric_of(metrics::Summary{}, options.metric);  // rejects an unknown metric before any work
  std::vector<model::ElementIndex> candidates;
  const auto& net = scenario.network;
  std::optional<std::uint32_t> layer;
  if (!options.layer.empty()) {
    layer = net.find_layer(options.layer);
    if (!layer) throw std::invalid_argument("no layer '" + options.layer + "'");
  }
  for (model::ElementIndex x = 0; x < net.size(); ++x)
    if (!layer || net.element(x).layer == *layer) candidates.push_back(x);

  const int threads = options.threads > 0 ? options.threads : tbb::this_task_arena::max_concurrency();
  tbb::task_arena arena(threads);
  auto run_all = [&](const std::vector<std::vector<model::ElementIndex>>& sets) {
    std::vector<RankEntry> out(sets.size());
    arena.execute([&] {
      tbb::parallel_for(std::size_t{0}, sets.size(),
                        [&](std::size_t i) { out[i] = evaluate(scenario, sets[i], options.metric); });
    });
    std::sort(out.begin(), out.end(), better);
    return out;
  };
  std::vector<std::vector<model::ElementIndex>> singles;
  for (auto x : candidates) singles.push_back({x});
  auto ranking = run_all(singles);
  if (options.k < 2) return ranking;
  const std::size_t top =
      std::min<std::size_t>(static_cast<std::size_t>(std::max(2, options.candidates)), ranking.size());
  std::vector<model::ElementIndex> best;
  for (std::size_t i = 0; i < top; ++i) best.push_back(ranking[i].elements.front());
  std::sort(best.begin(), best.end());
  std::vector<std::vector<model::ElementIndex>> pairs;
  for (std::size_t i = 0; i < best.size(); ++i)
    for (std::size_t j = i + 1; j < best.size(); ++j) pairs.push_back({best[i], best[j]});
  return run_all(pairs);
}

std::string ranking_csv(const model::Scenario& scenario, const std::vector<RankEntry>& ranking,
                        const RankOptions& options) {
  std::string out = "rank,elements," + options.metric;
  for (const auto& layer : scenario.network.layers()) {
    out += ",failed_";
    out += layer.name;
  }
  out += '\n';
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    std::string ids;
    for (auto x : ranking[i].elements) {
      if (!ids.empty()) ids += ' ';
      ids += scenario.network.element(x).id;
    }
    out += fmt::format("{},{},{:.10g}", i + 1, ids, ranking[i].value);
    for (auto c : ranking[i].cascade) {
      out += ',';
      out += std::to_string(c);
    }
    out += '\n';
  }
  return out;
}

}  // namespace blackstart::study
