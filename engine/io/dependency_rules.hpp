#pragma once
// The rules for a dependency's values, whatever file it comes from: kind, effect, degrade factor and
// durations. The YAML reader (dependencies_reader) and the CSV reader (csv_dependencies_reader) call
// these; only where a message points differs, never its wording.
#include <functional>
#include <optional>
#include <string>

#include "blackstart/model/network.hpp"

namespace blackstart::io {

using DependencyReport = std::function<void(const std::string&)>;

std::optional<model::DependencyKind> dependency_kind_of(const std::string& text,
                                                        const DependencyReport& report);
std::optional<model::DependencyEffect> dependency_effect_of(const std::string& text,
                                                            const DependencyReport& report);
//! The remaining capacity of `effect: degrade`, 0..1.
std::optional<double> degrade_factor_of(const std::string& text, const DependencyReport& report);
//! A non-negative duration (delay, backup autonomy) in minutes; `what` names it in messages.
std::optional<double> dependency_duration_of(const std::string& text, const std::string& what,
                                             const DependencyReport& report);

}  // namespace blackstart::io
