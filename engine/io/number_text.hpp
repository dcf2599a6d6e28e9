#pragma once
// Numbers written as text, in YAML values and CSV cells alike: one parser and one set of messages.
#include <optional>
#include <string>
#include <string_view>

namespace blackstart::io {

//! A decimal number with optional sign, or one of YAML's spellings of infinity and NaN (`.inf`,
//! `-.inf`, `.nan`); surrounding spaces are ignored. Nothing else is a number.
std::optional<double> parse_number(std::string_view text);

//! The value of `what`, written as `text`: a finite number within [min, max] (`unit` only names the
//! unit in messages). On failure returns nothing and sets `problem` to the message.
std::optional<double> checked_number(std::string_view text, const std::string& what, double min, double max,
                                     const std::string& unit, std::string& problem);

}  // namespace blackstart::io
