#pragma once
// Which defences would have stopped this attack, or shortened it, and by how much: every candidate
// control switched on alone against the scenario without controls, and a greedy best set of 1..K
// controls, each over the same seeded runs (common random numbers), so differences come from the
// controls and not from luck.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "blackstart/model/scenario.hpp"

namespace blackstart::study {

struct ControlsOptions {
  int runs = 100;
  int threads = 0;                    //!< 0: all cores. Results do not depend on it.
  std::optional<std::uint64_t> seed;  //!< root seed; default the scenario's
  int greedy = 0;                     //!< K > 0: add the best set of 1..K controls
  //! Runs of this process: [first_run, first_run + local_runs); the rest run elsewhere (MPI).
  int first_run = 0;
  std::optional<int> local_runs;
};

//! Every run's figures for one set of controls (indexes into the candidates), in run order over all
//! processes. The default (one process) returns `local`; under MPI the CLI gathers the ranks' blocks.
using GatherRuns =
    std::function<std::vector<double>(const std::vector<std::size_t>& set, const std::vector<double>& local)>;

struct ControlsRow {
  enum class Kind : std::uint8_t { Baseline, Single, Greedy };
  Kind kind = Kind::Baseline;
  std::vector<std::size_t> controls;  //!< indexes into the candidates
  double customer_hours_mean = 0;
  double avoided_mean = 0;  //!< customer-hours avoided against the baseline, per run
  double avoided_ci95_low = 0, avoided_ci95_high = 0;
  double objective_reached_fraction = 0;
  double objective_prevented_fraction = 0;  //!< runs where the baseline reached it and this does not
};

struct ControlsRanking {
  std::uint64_t root_seed = 0;
  int runs = 0;
  std::vector<model::Control> candidates;
  std::vector<ControlsRow> rows;  //!< baseline, singles by avoided impact (best first), greedy k = 1..K
};

//! Runs the baseline (no controls; responses as in the scenario), each candidate alone, and the
//! greedy sets. Identical for any thread or process count. `progress(done, total)` counts runs of
//! this process, serialised.
ControlsRanking rank_controls(const model::Scenario& scenario, const std::vector<model::Control>& candidates,
                              const ControlsOptions& options, const GatherRuns& gather = {},
                              const std::function<void(long, long)>& progress = {});

//! The figures of this process's runs with the controls `set` switched on (and no others): per run,
//! customer-minutes interrupted and 1 if an objective was reached, else 0.
std::vector<double> control_set_runs(const model::Scenario& scenario,
                                     const std::vector<model::Control>& candidates,
                                     const std::vector<std::size_t>& set, const ControlsOptions& options);

//! `rank,kind,k,controls,mitigations,customer_hours_mean,customer_hours_avoided_mean,
//! avoided_ci95_low,avoided_ci95_high,objective_reached_fraction,objective_prevented_fraction`.
std::string controls_csv(const ControlsRanking& ranking);

}  // namespace blackstart::study
