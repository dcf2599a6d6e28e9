#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/model/power_case.hpp"

namespace blackstart::io {

//! Outcome of reading a MATPOWER case: a valid case, or none; diagnostics (notes and warnings too)
//! either way.
struct MatpowerResult {
  std::optional<model::PowerCase> power_case;
  core::Diagnostics diagnostics;
  [[nodiscard]] bool ok() const { return power_case.has_value() && !diagnostics.has_errors(); }
};

//! Reads a MATPOWER case file (format version 2: `mpc.version`, `mpc.baseMVA`, `mpc.bus`, `mpc.gen`,
//! `mpc.branch`). The file is data, not code: only `mpc.FIELD = value;` assignments are understood.
//! Other fields (`gencost`, `bus_name`, ...) are skipped with one note each; columns beyond those
//! the model keeps get one note per table. Every problem is reported with its line and column; the
//! case is returned only when there is no error. Bus numbers are indexed (`index_buses`).
MatpowerResult load_matpower_file(const std::filesystem::path& path);
//! Same from text; `display_name` is used in messages and, when the text has no
//! `function mpc = NAME` line, its stem names the case.
MatpowerResult parse_matpower(std::string_view text, const std::string& display_name);

}  // namespace blackstart::io
