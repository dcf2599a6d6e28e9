#pragma once
#include <string>
#include <vector>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/study/ensemble.hpp"

namespace blackstart::study {

//! Sets a named scenario parameter to a value. Names:
//!   crews.OPERATOR.count        crews of that operator (whole number)
//!   crews.OPERATOR.travel_min   fixed crew travel time, minutes
//!   event.ID.probability        success probability of an event (0..1)
//!   backup.PATTERN              backup autonomy, hours, of every power/fuel/communication
//!                               dependency whose dependent matches the id or glob
//!   detection_min               detection delay of visible damage, minutes
//! Returns an error message, or "" on success.
std::string set_parameter(model::Scenario& scenario, const std::string& name, double value);

struct SweepOptions {
  std::string parameter;
  double from = 0, to = 0, step = 1;
  EnsembleOptions ensemble;  //!< runs, threads, seed for every value
};

struct SweepRow {
  double value = 0;
  std::vector<Statistics> metrics;  //!< in headline_metric_names() order
};

//! An ensemble per parameter value (same seeds at every value: common random numbers, so the
//! differences between rows come from the parameter, not from sampling).
std::vector<SweepRow> run_sweep(const model::Scenario& scenario, const SweepOptions& options,
                                std::string* error);

std::string sweep_csv(const std::string& parameter, const std::vector<SweepRow>& rows);

}  // namespace blackstart::study
