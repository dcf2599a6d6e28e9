#pragma once
// The text of scenarios/library/controls.yaml, embedded at build time (control_library_text.cpp.in).
#include <string_view>

namespace blackstart::io {

std::string_view control_library_text();

}  // namespace blackstart::io
