#pragma once
#include <filesystem>
#include <string>

#include "blackstart/metrics/metrics.hpp"
#include "blackstart/model/scenario.hpp"
#include "blackstart/report/explain_text.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::report {

//! `summary.json`: headline metrics, per-layer figures, scenario name, seed, horizon, mitigations.
std::string summary_json(const metrics::Summary& summary, const std::vector<std::string>& mitigations);
//! `timeline.csv`: one row per report step and layer.
std::string timeline_csv(const sim::RunResult& result, double step_min);
//! `events.csv`: every change with its cause.
std::string events_csv(const model::Scenario& scenario, const sim::RunResult& result);
//! Human-readable impact table for a terminal.
std::string impact_table(const metrics::Summary& summary);

//! Writes summary.json, timeline.csv and events.csv into `dir` (created if needed), each
//! atomically. Returns false and sets `error` on the first failure.
bool write_run_outputs(const std::filesystem::path& dir, const model::Scenario& scenario,
                       const sim::RunResult& result, const metrics::Summary& summary,
                       const std::vector<std::string>& mitigations, std::string* error);

}  // namespace blackstart::report
