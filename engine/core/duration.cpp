#include "blackstart/core/duration.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

#include "blackstart/core/random.hpp"

namespace blackstart::core {

std::optional<Duration> parse_duration(std::string_view text, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<Duration> {
    if (error) *error = why;
    return std::nullopt;
  };
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return fail("empty duration; expected a number with a unit such as 15min, 2h or 1d");
  double sign = 1.0;
  if (text.front() == '-') {
    sign = -1.0;
    text.remove_prefix(1);
  }
  const auto is_number_char = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; };
  // One number with its unit, or several in a row as format_duration writes them (1h30min, 1d 2h).
  double total = 0.0;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t pos = 0;
    while (pos < rest.size() && is_number_char(rest[pos])) ++pos;
    if (pos == 0)
      return fail("duration '" + std::string(text) + "' must start with a number (e.g. 15min, 2h, 1d)");
    double value = 0.0;
    auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + pos, value);
    if (ec != std::errc() || ptr != rest.data() + pos)
      return fail("bad number in duration '" + std::string(text) + "'");
    std::size_t end = pos;
    while (end < rest.size() && !is_number_char(rest[end])) ++end;
    std::string_view unit = rest.substr(pos, end - pos);
    while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
    while (!unit.empty() && unit.back() == ' ') unit.remove_suffix(1);
    rest.remove_prefix(end);
    double factor = 0.0;
    if (unit == "s" || unit == "sec")
      factor = 1.0 / 60.0;
    else if (unit == "min" || unit == "m")
      factor = 1.0;
    else if (unit == "h")
      factor = 60.0;
    else if (unit == "d")
      factor = 1440.0;
    else if (unit == "w")
      factor = 10080.0;
    else if (unit.empty() && value == 0.0 && total == 0.0 && rest.empty())
      factor = 1.0;
    else if (unit.empty())
      return fail("duration '" + std::string(text) + "' needs a unit: s, min, h, d or w (e.g. " +
                  std::string(text) + "min)");
    else
      return fail("unknown duration unit '" + std::string(unit) + "' in '" + std::string(text) +
                  "'; use s, min, h, d or w");
    if (!std::isfinite(value)) return fail("duration '" + std::string(text) + "' is not finite");
    total += value * factor;
  }
  return Duration{sign * total};
}

std::string format_duration(Duration d) {
  std::ostringstream out;
  double m = d.minutes;
  if (m < 0) {
    out << '-';
    m = -m;
  }
  if (m < 1.0 && m > 0.0) {
    out << std::round(m * 60.0) << "s";
    return out.str();
  }
  auto total = static_cast<long long>(std::llround(m));
  long long days = total / 1440, hours = (total % 1440) / 60, minutes = total % 60;
  if (days) out << days << "d";
  if (hours) out << hours << "h";
  if (minutes || (!days && !hours)) out << minutes << "min";
  return out.str();
}

double DurationDistribution::sample_minutes(Rng& rng) const {
  switch (kind) {
    case Kind::Fixed:
      return a_min;
    case Kind::Uniform:
      return a_min + rng.uniform01() * (b_min - a_min);
    case Kind::Triangular: {
      // Inverse CDF of the triangular distribution (min a, mode b, max c).
      const double a = a_min, mode = b_min, c = c_min, u = rng.uniform01();
      if (c <= a) return a;
      const double split = (mode - a) / (c - a);
      if (u < split) return a + std::sqrt(u * (c - a) * (mode - a));
      return c - std::sqrt((1.0 - u) * (c - a) * (c - mode));
    }
    case Kind::Lognormal:
      return a_min * std::exp(sigma * rng.normal());
  }
  return a_min;
}

double DurationDistribution::mean_minutes() const {
  switch (kind) {
    case Kind::Fixed:
      return a_min;
    case Kind::Uniform:
      return 0.5 * (a_min + b_min);
    case Kind::Triangular:
      return (a_min + b_min + c_min) / 3.0;
    case Kind::Lognormal:
      return a_min * std::exp(0.5 * sigma * sigma);
  }
  return a_min;
}

std::string DurationDistribution::describe() const {
  auto f = [](double m) { return format_duration(Duration{m}); };
  switch (kind) {
    case Kind::Fixed:
      return f(a_min);
    case Kind::Uniform:
      return "uniform(" + f(a_min) + ", " + f(b_min) + ")";
    case Kind::Triangular:
      return "triangular(" + f(a_min) + ", " + f(b_min) + ", " + f(c_min) + ")";
    case Kind::Lognormal: {
      std::ostringstream s;
      s << "lognormal(median " << f(a_min) << ", sigma " << sigma << ")";
      return s.str();
    }
  }
  return f(a_min);
}

}  // namespace blackstart::core
