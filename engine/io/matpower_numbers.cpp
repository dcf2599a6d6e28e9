#include "matpower_numbers.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <system_error>

namespace blackstart::io::matpower {

namespace {

constexpr std::array<double, 16> kPowersOfTen = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

//! The common case, `[-]digits[.digits]` with at most 15 digits: the digits as an integer and the
//! power of ten are both exact doubles, so one division rounds correctly (Clinger's fast path).
bool parse_plain_decimal(const char* p, const char* end, double& out) {
  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  std::uint64_t mantissa = 0;
  int digits = 0, fraction = 0;
  for (; p != end && static_cast<unsigned>(*p - '0') < 10; ++p, ++digits)
    mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
  if (p != end && *p == '.')
    for (++p; p != end && static_cast<unsigned>(*p - '0') < 10; ++p, ++digits, ++fraction)
      mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
  if (p != end || digits == 0 || digits > 15) return false;
  const double value = static_cast<double>(mantissa) / kPowersOfTen[static_cast<std::size_t>(fraction)];
  out = negative ? -value : value;
  return true;
}

}  // namespace

std::string number_text(double v) {
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
  if (ec != std::errc()) return "?";
  return std::string(buffer.data(), end);
}

NumberStatus parse_number(std::string_view token, double& out) {
  const char* begin = token.data();
  const char* end = begin + token.size();
  if (parse_plain_decimal(begin, end, out)) return NumberStatus::Ok;
  if (begin != end && *begin == '+') {
    ++begin;
    if (begin != end && (*begin == '+' || *begin == '-')) return NumberStatus::Invalid;
  }
  if (begin == end) return NumberStatus::Invalid;
  const auto [ptr, ec] = std::from_chars(begin, end, out);
  if (ec == std::errc::result_out_of_range && ptr == end) return NumberStatus::OutOfRange;
  if (ec != std::errc() || ptr != end) return NumberStatus::Invalid;
  return NumberStatus::Ok;
}

bool as_int(double v, int& out) {
  if (!std::isfinite(v) || v != std::trunc(v)) return false;
  if (v < static_cast<double>(std::numeric_limits<int>::min()) ||
      v > static_cast<double>(std::numeric_limits<int>::max()))
    return false;
  out = static_cast<int>(v);
  return true;
}
}  // namespace blackstart::io::matpower
