// Monte Carlo ensembles: the same scenario run many times with independent, reproducible random
// streams, summarised per headline metric and as percentile bands over time.
#include "blackstart/study/ensemble.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <mutex>
#include <nlohmann/json.hpp>

#include "blackstart/core/random.hpp"
#include "blackstart/metrics/metric_table.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::study {

const std::vector<std::string>& headline_metric_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const auto& metric : metrics::summary_metrics()) list.emplace_back(metric.name);
    return list;
  }();
  return names;
}

std::vector<double> headline_metrics(const metrics::Summary& s) {
  std::vector<double> values;
  for (const auto& metric : metrics::summary_metrics()) values.push_back(metric.of(s));
  return values;
}

const std::vector<std::string>& band_series_names() {
  static const std::vector<std::string> names{"served_fraction", "customers_without_power", "shed_mw",
                                              "passengers_affected_per_h"};
  return names;
}

std::uint64_t run_seed(std::uint64_t root_seed, std::uint64_t run_index) {
  return core::mix_seed(root_seed, run_index, core::purpose_hash("ensemble run"));
}

EnsembleResult run_ensemble(const model::Scenario& scenario, const EnsembleOptions& options,
                            const std::function<void(int, int)>& progress) {
  EnsembleResult result;
  result.root_seed = options.seed.value_or(scenario.seed);
  result.first_run = options.first_run;
  const int runs = std::max(0, options.runs);
  const double horizon = options.until_min.value_or(scenario.horizon_min);
  result.step_min = scenario.report_step_min;
  result.steps = static_cast<std::size_t>(std::floor(horizon / result.step_min + 1e-9)) + 1;
  for (const auto& layer : scenario.network.layers()) result.layer_names.push_back(layer.name);
  const std::size_t layers = result.layer_names.size(), series = band_series_names().size();
  result.seeds.resize(static_cast<std::size_t>(runs));
  result.metrics.resize(static_cast<std::size_t>(runs));
  result.samples.assign(result.steps * layers * series, std::vector<float>(static_cast<std::size_t>(runs)));
  if (!scenario.campaign.empty()) result.attack.resize(static_cast<std::size_t>(runs));
  result.run_seconds.resize(static_cast<std::size_t>(runs));
  result.routing_seconds.resize(static_cast<std::size_t>(runs));

  std::mutex progress_mutex;
  int done = 0;
  auto one_run = [&](int r) {
    const std::uint64_t seed = run_seed(result.root_seed, static_cast<std::uint64_t>(options.first_run + r));
    sim::RunOptions run_options;
    run_options.seed = seed;
    run_options.until_min = horizon;
    const auto start = std::chrono::steady_clock::now();
    const auto run = sim::simulate(scenario, run_options);
    const auto ri = static_cast<std::size_t>(r);
    result.run_seconds[ri] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.routing_seconds[ri] = run.routing_seconds;
    const auto summary = metrics::summarize(run);
    result.seeds[ri] = seed;
    result.metrics[ri] = headline_metrics(summary);
    if (!result.attack.empty()) {
      const auto never = std::numeric_limits<double>::quiet_NaN();
      result.attack[ri] = {run.attack.objectives_reached > 0 ? 1.0 : 0.0,
                           run.attack.time_to_objective_min.value_or(never),
                           run.attack.first_detection_min.value_or(never)};
    }
    for (std::size_t k = 0; k < result.steps; ++k) {
      const auto& point = metrics::point_at(run, static_cast<double>(k) * result.step_min);
      for (std::size_t l = 0; l < layers; ++l) {
        const auto& s = point.layers[l];
        const double values[] = {s.performance, s.customers_without_power, s.shed_mw, s.passengers_affected};
        for (std::size_t v = 0; v < series; ++v)
          result.samples[(k * layers + l) * series + v][ri] = static_cast<float>(values[v]);
      }
    }
    if (progress) {
      std::lock_guard lock(progress_mutex);
      progress(++done, runs);
    }
  };
  const int threads = options.threads > 0 ? options.threads : tbb::this_task_arena::max_concurrency();
  tbb::task_arena arena(threads);
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<int>(0, runs), [&](const tbb::blocked_range<int>& range) {
      for (int r = range.begin(); r != range.end(); ++r) one_run(r);
    });
  });
  return result;
}

void merge_ensembles(EnsembleResult& into, EnsembleResult&& part) {
  into.seeds.insert(into.seeds.end(), part.seeds.begin(), part.seeds.end());
  into.metrics.insert(into.metrics.end(), std::make_move_iterator(part.metrics.begin()),
                      std::make_move_iterator(part.metrics.end()));
  for (std::size_t i = 0; i < into.samples.size() && i < part.samples.size(); ++i)
    into.samples[i].insert(into.samples[i].end(), part.samples[i].begin(), part.samples[i].end());
  into.attack.insert(into.attack.end(), part.attack.begin(), part.attack.end());
  into.run_seconds.insert(into.run_seconds.end(), part.run_seconds.begin(), part.run_seconds.end());
  into.routing_seconds.insert(into.routing_seconds.end(), part.routing_seconds.begin(),
                              part.routing_seconds.end());
}

double routing_share(const EnsembleResult& result) {
  double run = 0, routing = 0;
  for (double s : result.run_seconds) run += s;
  for (double s : result.routing_seconds) routing += s;
  return run > 0 ? routing / run : 0.0;
}

namespace {
double percentile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return std::nan("");
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

//! Two-sided 97.5 % quantile of Student's t with `dof` degrees of freedom.
double t_quantile_975(std::size_t dof) {
  static const double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                 2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                 2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (dof == 0) return std::nan("");
  if (dof <= 30) return table[dof - 1];
  // Cornish-Fisher expansion around the normal quantile; within 1e-3 above 30 degrees of freedom.
  const double z = 1.959964, d = static_cast<double>(dof);
  return z + (z * z * z + z) / (4 * d) + (5 * std::pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * d * d);
}

std::string number(double v) {
  return std::isfinite(v) ? fmt::format("{:.10g}", v) : std::string();
}
}  // namespace

Statistics describe(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
               values.end());
  Statistics s;
  s.count = values.size();
  if (values.empty()) {
    s.mean = s.stddev = s.p5 = s.p50 = s.p95 = s.ci95_low = s.ci95_high = std::nan("");
    return s;
  }
  std::sort(values.begin(), values.end());
  double sum = 0;
  for (double v : values) sum += v;
  s.mean = sum / static_cast<double>(values.size());
  double squares = 0;
  for (double v : values) squares += (v - s.mean) * (v - s.mean);
  s.stddev = values.size() > 1 ? std::sqrt(squares / static_cast<double>(values.size() - 1)) : 0.0;
  s.p5 = percentile(values, 0.05);
  s.p50 = percentile(values, 0.50);
  s.p95 = percentile(values, 0.95);
  const double half = values.size() > 1 ? t_quantile_975(values.size() - 1) * s.stddev /
                                              std::sqrt(static_cast<double>(values.size()))
                                        : 0.0;
  s.ci95_low = s.mean - half;
  s.ci95_high = s.mean + half;
  return s;
}

std::string runs_csv(const EnsembleResult& result) {
  std::string out = "run,seed";
  for (const auto& name : headline_metric_names()) {
    out += ',';
    out += name;
  }
  out += "\n";
  for (std::size_t r = 0; r < result.seeds.size(); ++r) {
    out += fmt::format("{},{}", static_cast<std::size_t>(result.first_run) + r, result.seeds[r]);
    for (double v : result.metrics[r]) {
      out += ',';
      out += number(v);
    }
    out += "\n";
  }
  return out;
}

std::string summary_json(const EnsembleResult& result, const std::string& scenario_name,
                         const std::vector<std::string>& mitigations) {
  nlohmann::ordered_json j;
  j["scenario"] = scenario_name;
  j["seed"] = result.root_seed;
  j["runs"] = result.seeds.size();
  j["mitigations"] = mitigations;
  nlohmann::ordered_json m = nlohmann::ordered_json::object();
  const auto& names = headline_metric_names();
  for (std::size_t k = 0; k < names.size(); ++k) {
    std::vector<double> values;
    for (const auto& run : result.metrics) values.push_back(run[k]);
    const auto s = describe(values);
    auto value = [](double v) {
      return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json();
    };
    m[names[k]] = {{"runs_with_value", s.count},
                   {"mean", value(s.mean)},
                   {"std", value(s.stddev)},
                   {"p5", value(s.p5)},
                   {"p50", value(s.p50)},
                   {"p95", value(s.p95)},
                   {"ci95_mean_low", value(s.ci95_low)},
                   {"ci95_mean_high", value(s.ci95_high)}};
  }
  j["metrics"] = m;
  if (!result.attack.empty()) {
    // The campaign across runs: how often it reaches its objective, and when it gets there or is seen.
    const auto stats = [&](std::size_t column) {
      std::vector<double> values;
      for (const auto& run : result.attack) values.push_back(run[column]);
      const auto s = describe(values);
      auto value = [](double v) {
        return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json();
      };
      return nlohmann::ordered_json{{"runs_with_value", s.count},
                                    {"mean", value(s.mean)},
                                    {"p5", value(s.p5)},
                                    {"p50", value(s.p50)},
                                    {"p95", value(s.p95)}};
    };
    double reached = 0;
    for (const auto& run : result.attack) reached += run[0];
    nlohmann::ordered_json attack;
    attack["objective_reached_fraction"] = reached / static_cast<double>(result.attack.size());
    attack["time_to_objective_min"] = stats(1);
    attack["first_detection_min"] = stats(2);
    j["attack"] = attack;
  }
  return j.dump(2) + "\n";
}

std::string bands_csv(const EnsembleResult& result) {
  std::string out = "time_min,layer,metric,mean,p5,p50,p95\n";
  const std::size_t layers = result.layer_names.size(), series = band_series_names().size();
  for (std::size_t k = 0; k < result.steps; ++k)
    for (std::size_t l = 0; l < layers; ++l)
      for (std::size_t v = 0; v < series; ++v) {
        const auto& samples = result.samples[(k * layers + l) * series + v];
        const auto s = describe(std::vector<double>(samples.begin(), samples.end()));
        out += fmt::format("{},{},{},{},{},{},{}\n", number(static_cast<double>(k) * result.step_min),
                           result.layer_names[l], band_series_names()[v], number(s.mean), number(s.p5),
                           number(s.p50), number(s.p95));
      }
  return out;
}

}  // namespace blackstart::study
