#pragma once
#include <string>
#include <vector>

#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/explain.hpp"

namespace blackstart::report {

//! Cause chain as printed by `blackstart explain`.
std::string explain_text(const model::Scenario& scenario, const std::vector<sim::ExplainStep>& chain);

//! One line per element of a `why_still_down` chain, as printed by `blackstart explain`.
std::string still_down_text(const model::Scenario& scenario, const std::vector<sim::StillDown>& rows);

//! The line for one row, without the element id (for the GUI inspector).
std::string still_down_reason(const model::Scenario& scenario, const sim::StillDown& row);

}  // namespace blackstart::report
