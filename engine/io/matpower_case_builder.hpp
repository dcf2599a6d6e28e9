#pragma once
// The MATPOWER case builder: turns the parsed assignments into a model::PowerCase, checking every
// row (widths, NaNs, bus numbers and types, references to buses) with the position of each value.
#include <optional>
#include <string>
#include <string_view>

#include "blackstart/model/power_case.hpp"
#include "matpower_statements.hpp"

namespace blackstart::io::matpower {

//! The case, or nothing if any error was reported (while parsing or here). `text` is the file's
//! text, for positions; `file` names the case.
std::optional<model::PowerCase> build_power_case(std::string_view text, const std::string& file,
                                                 const Statements& statements, Report& report);

}  // namespace blackstart::io::matpower
