#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/core/input_limits.hpp"
#include "blackstart/model/scenario.hpp"

namespace blackstart::io {

//! Outcome of loading: a valid scenario, or none; diagnostics (warnings too) either way.
struct LoadResult {
  std::optional<model::Scenario> scenario;
  core::Diagnostics diagnostics;
  [[nodiscard]] bool ok() const { return scenario.has_value() && !diagnostics.has_errors(); }
};

//! Largest scenario or CSV file accepted; larger files are refused before parsing.
using core::kMaxInputBytes;

//! Reads and validates a YAML scenario (format in docs/scenario-format.md). CSV files it names are
//! read relative to the scenario's folder.
LoadResult load_scenario_file(const std::filesystem::path& path);
//! Same from text; `display_name` is used in messages, `base_dir` to resolve CSV files.
LoadResult load_scenario_text(std::string_view text, const std::string& display_name,
                              const std::filesystem::path& base_dir);

//! Names of the power models the loader accepts (kept in step with the simulator's registry).
const std::vector<std::string>& known_power_models();

}  // namespace blackstart::io
