#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace blackstart::core {

class Rng;

//! Simulated time span, stored in minutes (the unit every output uses).
struct Duration {
  double minutes = 0.0;
  static constexpr Duration from_minutes(double m) { return Duration{m}; }
  static constexpr Duration from_hours(double h) { return Duration{h * 60.0}; }
  [[nodiscard]] constexpr double hours() const { return minutes / 60.0; }
  auto operator<=>(const Duration&) const = default;
};

//! Parses `30s`, `15min`, `2h`, `1.5d`, `1w` (also `0`), and sums of them such as `1h30min` or `1d 2h`
//! (what format_duration writes); returns nullopt and sets `error` otherwise.
std::optional<Duration> parse_duration(std::string_view text, std::string* error = nullptr);
//! Shortest readable form: `90min` -> `1h30min`.
std::string format_duration(Duration duration);

//! A duration that is either fixed or drawn from a distribution each time it is needed.
struct DurationDistribution {
  enum class Kind { Fixed, Uniform, Triangular, Lognormal };
  Kind kind = Kind::Fixed;
  double a_min = 0.0;  //!< fixed value, min, or median (lognormal)
  double b_min = 0.0;  //!< max (uniform), mode (triangular)
  double c_min = 0.0;  //!< max (triangular)
  double sigma = 0.0;  //!< lognormal shape (standard deviation of the log)

  static DurationDistribution fixed(double minutes) { return {Kind::Fixed, minutes, 0, 0, 0}; }
  [[nodiscard]] double sample_minutes(Rng& rng) const;
  [[nodiscard]] double mean_minutes() const;
  [[nodiscard]] std::string describe() const;
};

}  // namespace blackstart::core
