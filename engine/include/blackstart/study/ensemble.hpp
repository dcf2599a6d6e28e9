#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "blackstart/metrics/metrics.hpp"
#include "blackstart/model/scenario.hpp"

namespace blackstart::study {

struct EnsembleOptions {
  int runs = 100;
  int threads = 0;                    //!< 0: all cores. Results do not depend on it.
  std::optional<std::uint64_t> seed;  //!< root seed S; default the scenario's
  std::optional<double> until_min;    //!< horizon override
  int first_run = 0;                  //!< index of the first run (to split an ensemble over processes)
};

//! Names of the headline metrics, metrics::summary_metrics(), in column order (`runs.csv`, `summary.json`).
const std::vector<std::string>& headline_metric_names();
//! The headline metrics of one run, in `headline_metric_names()` order; NaN for "not reached"
//! (time to full restoration beyond the horizon).
std::vector<double> headline_metrics(const metrics::Summary& summary);
//! Seed of run i of an ensemble with root seed S: every random stream of that run derives from it,
//! so `blackstart run --seed <it>` replays the run alone.
std::uint64_t run_seed(std::uint64_t root_seed, std::uint64_t run_index);

//! Time series whose bands are reported, per time step and layer.
const std::vector<std::string>& band_series_names();

struct EnsembleResult {
  std::uint64_t root_seed = 0;
  int first_run = 0;
  std::vector<std::uint64_t> seeds;          //!< per run
  std::vector<std::vector<double>> metrics;  //!< per run, headline metrics
  std::vector<std::string> layer_names;
  double step_min = 0;
  std::size_t steps = 0;  //!< time steps 0, step, ... horizon
  //! samples[(step * layers + layer) * series + s][run] as float (memory: 10k runs stay small)
  std::vector<std::vector<float>> samples;
  //! Scenarios with a campaign: per run, {objective reached (1/0), time to objective, first
  //! detection} in minutes, NaN for "never". Empty without a campaign.
  std::vector<std::array<double, 3>> attack;
  //! Per run, wall-clock seconds of the whole run and of its crew routing (RunResult::
  //! routing_seconds): measurements for the routing share, not in the files.
  std::vector<double> run_seconds, routing_seconds;
};
//! Share of the runs' time spent routing crews over roads (0 without routed crews).
double routing_share(const EnsembleResult& result);

//! Runs the scenario `runs` times, each with `run_seed(S, i)`, in parallel (oneTBB); every run is
//! written to its own slot, so the result is identical for any thread count. `progress(done,
//! total)` is called from worker threads, serialised.
EnsembleResult run_ensemble(const model::Scenario& scenario, const EnsembleOptions& options,
                            const std::function<void(int, int)>& progress = {});

//! Appends the runs of `part` (run indices following `into`'s) — used to gather MPI ranks.
void merge_ensembles(EnsembleResult& into, EnsembleResult&& part);

struct Statistics {
  std::size_t count = 0;  //!< runs with a value (NaN excluded)
  double mean = 0, stddev = 0, p5 = 0, p50 = 0, p95 = 0, ci95_low = 0, ci95_high = 0;
};
//! Sample statistics: standard deviation with n - 1, percentiles by linear interpolation between
//! order statistics (type 7), 95 % confidence interval of the mean by Student's t.
Statistics describe(std::vector<double> values);

std::string runs_csv(const EnsembleResult& result);
std::string summary_json(const EnsembleResult& result, const std::string& scenario_name,
                         const std::vector<std::string>& mitigations);
std::string bands_csv(const EnsembleResult& result);

}  // namespace blackstart::study
