#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/model/scenario.hpp"
#include "blackstart/study/ensemble.hpp"

namespace blackstart::study {

//! Outcome of one run of a scenario's `classic_model` (docs/classic-models.md).
struct ClassicResult {
  model::ClassicModelSpec::Kind kind = model::ClassicModelSpec::Kind::MutualPercolation;
  std::uint64_t seed = 0;
  std::uint32_t nodes_a = 0, nodes_b = 0;  //!< graph sizes (nodes_b = 0 for Motter-Lai)
  double edges_mean_degree = 0.0;          //!< mean degree of layer A
  // Mutual percolation
  double p = 1.0;
  double mu = 0.0;  //!< μ∞
  std::uint32_t stages = 0;
  std::uint32_t removed = 0;
  // Motter-Lai
  double alpha = 0.0;
  double g = 1.0;  //!< G = N'/N
  std::uint32_t steps = 0;
  std::uint32_t failed = 0;
  std::uint32_t removed_node = 0;
  bool converged = true;
};

//! Builds the graphs of `spec` (reads the CSV files or generates them) and runs the model once at
//! the spec's p or alpha. `seed` defaults to the spec's, then `default_seed`. Problems with the
//! files are reported as file:line:col errors and give std::nullopt.
std::optional<ClassicResult> run_classic_model(const model::ClassicModelSpec& spec,
                                               std::uint64_t default_seed, core::Diagnostics& diagnostics);

//! The swept parameter of a classic model: "p" (mutual percolation) or "alpha" (Motter-Lai).
std::string classic_parameter(const model::ClassicModelSpec& spec);
//! The metric a sweep reports: "mu" (μ∞) or "g" (G).
std::string classic_metric(const model::ClassicModelSpec& spec);

struct ClassicSweepOptions {
  std::string parameter;  //!< must be classic_parameter(spec)
  double from = 0, to = 0, step = 1;
  int runs = 1;
  int threads = 0;                    //!< 0: all cores; results do not depend on it
  std::optional<std::uint64_t> seed;  //!< root seed; default the spec's, then the scenario's
};

struct ClassicSweepRow {
  double value = 0;
  Statistics metric;  //!< μ∞ or G across runs
  Statistics steps;   //!< stages (percolation) or overload steps (Motter-Lai) across runs
};

//! One row per parameter value. Run r uses seed mix(root, r) for the generated graphs, the removal
//! order and random attacks; files are read once. Percolation runs use the nested
//! MutualPercolation::sweep over all p values at once; Motter-Lai keeps one MotterLai per run, so
//! the initial loads are computed once per graph.
std::vector<ClassicSweepRow> run_classic_sweep(const model::ClassicModelSpec& spec,
                                               std::uint64_t default_seed, const ClassicSweepOptions& options,
                                               core::Diagnostics& diagnostics, std::string* error);

//! `PARAM,METRIC_mean,METRIC_p5,METRIC_p50,METRIC_p95,steps_mean`, one row per value.
std::string classic_sweep_csv(const std::string& parameter, const std::string& metric,
                              const std::vector<ClassicSweepRow>& rows);

//! summary.json of one classic-model run.
std::string classic_summary_json(const std::string& scenario_name, const ClassicResult& result);

}  // namespace blackstart::study
