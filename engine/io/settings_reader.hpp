#pragma once
// Scenario-wide settings: the top-level values (format version, name, horizon, seed, power model...),
// `power_flow:` and `restoration:`.
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! The top-level values of `root`: blackstart (format version), name, description, start_time,
//! horizon, report_step, seed and power_model.
void read_settings(YamlReader& yaml, const YAML::Node& root, model::Scenario& scenario);
//! `power_flow: {rating, overload_tolerance, trip_delay, unrated_margin, unrated_floor_mw}`.
void read_power_flow(YamlReader& yaml, const YAML::Node& node, model::PowerFlowSettings& settings);
//! `restoration: {detection, detection_without_view}`.
void read_restoration(YamlReader& yaml, const YAML::Node& node, model::RestorationPolicy& restoration);

}  // namespace blackstart::io
