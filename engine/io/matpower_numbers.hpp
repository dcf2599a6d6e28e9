#pragma once
// Numbers in MATPOWER case files: MATLAB numeric literals, parsed fast (cases run to megabytes), and
// their shortest text for messages.
#include <string>
#include <string_view>

namespace blackstart::io::matpower {

enum class NumberStatus { Ok, Invalid, OutOfRange };

//! A MATLAB numeric literal: optional sign, decimal digits with optional point and exponent, or
//! `Inf`; `NaN` parses (and is rejected by the caller where the value is used).
NumberStatus parse_number(std::string_view token, double& out);

//! A whole number that fits an int.
bool as_int(double v, int& out);

//! Shortest text that reads back as `v`, for messages.
std::string number_text(double v);

}  // namespace blackstart::io::matpower
