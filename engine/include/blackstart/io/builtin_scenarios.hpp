#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/io/scenario_loader.hpp"

namespace blackstart::io {

//! Scenarios compiled into the program, so it runs without the scenarios/ folder.
struct BuiltinScenario {
  std::string_view name;  //!< e.g. `ukraine-2015`
  std::string_view text;  //!< the YAML, byte for byte as shipped in scenarios/
};

const std::vector<BuiltinScenario>& builtin_scenarios();
//! The scenario a run uses when none is named.
inline constexpr std::string_view kDefaultScenario = "ukraine-2015";

//! A data file shipped with the built-in scenarios (e.g. `geo/ukraine-2015-backdrop.geojson`, the
//! path relative to scenarios/), compiled in; nothing when there is none of that name.
std::optional<std::string_view> builtin_data_file(std::string_view relative_path);

//! Loads a built-in scenario by name; diagnostics name it `builtin:NAME`.
LoadResult load_builtin_scenario(std::string_view name);

//! Loads a path if it exists, else a built-in scenario of that name (`ukraine-2015`, or
//! `builtin:ukraine-2015`).
LoadResult load_scenario(const std::string& path_or_name);

}  // namespace blackstart::io
