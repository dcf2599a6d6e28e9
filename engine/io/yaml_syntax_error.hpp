#pragma once
#include <string>
#include <string_view>

#include "blackstart/core/diagnostic.hpp"

namespace blackstart::io {

//! Turns yaml-cpp's syntax error (0-based line and column where the parser gave up) into
//! diagnostics placed where the fault is, each with the offending line and a caret: an unclosed
//! `[` or `{` is reported where it opens (the parser only notices lines later), and a key whose `:`
//! is missing gets a note on its own line.
core::Diagnostics yaml_syntax_diagnostics(std::string_view text, const std::string& file, int line0,
                                          int column0, const std::string& parser_message);

}  // namespace blackstart::io
