#pragma once
#include <QString>
#include <optional>

#include "blackstart/core/duration.hpp"

namespace blackstart::gui {

// How the event dialog shows and reads the distributions of an event's `duration` and
// `probability`, in one line: a plain value (`2h`, `0.7`) or `uniform(MIN, MAX)`,
// `triangular(MIN, MODE, MAX)`, `lognormal(MEDIAN, SIGMA)` (durations only). Values are written
// so that reading them back gives exactly the same numbers.

//! `2h`, `uniform(1h, 2h)`, `triangular(30min, 1h, 4h)`, `lognormal(90min, 0.5)`.
QString duration_distribution_text(const core::DurationDistribution& distribution);
//! Reads what duration_distribution_text writes; nullopt with `why` otherwise. Durations must be
//! positive.
std::optional<core::DurationDistribution> parse_duration_distribution(const QString& text, QString* why);

//! `0.7`, `uniform(0.2, 0.6)`, `triangular(0.1, 0.25, 0.9)`.
QString probability_text(const core::DurationDistribution& probability);
//! Reads what probability_text writes, every value from 0 to 1; nullopt with `why` otherwise.
std::optional<core::DurationDistribution> parse_probability(const QString& text, QString* why);

}  // namespace blackstart::gui
