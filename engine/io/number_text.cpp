#include "number_text.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

namespace blackstart::io {

std::optional<double> parse_number(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text == ".nan" || text == ".NaN" || text == "nan" || text == "NaN") return std::nan("");
  if (text == ".inf" || text == "inf") return HUGE_VAL;
  if (text == "-.inf" || text == "-inf") return -HUGE_VAL;
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<double> checked_number(std::string_view text, const std::string& what, double min, double max,
                                     const std::string& unit, std::string& problem) {
  const auto value = parse_number(text);
  if (!value) {
    problem = what + " must be a number" + (unit.empty() ? "" : " in " + unit) + ", got '" +
              std::string(text) + "'";
    return std::nullopt;
  }
  if (!std::isfinite(*value)) {
    problem = what + " must be a finite number, got '" + std::string(text) + "'";
    return std::nullopt;
  }
  if (*value < min || *value > max) {
    std::ostringstream range;
    range << what << " = " << text << " is out of range";
    if (min > -1e299 && max < 1e299)
      range << " [" << min << ", " << max << "]";
    else if (min > -1e299)
      range << "; it must be at least " << min;
    else
      range << "; it must be at most " << max;
    if (!unit.empty()) range << " " << unit;
    problem = range.str();
    return std::nullopt;
  }
  return value;
}

}  // namespace blackstart::io
