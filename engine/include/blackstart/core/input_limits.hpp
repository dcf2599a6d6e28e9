#pragma once
#include <cstdint>

namespace blackstart::core {

//! Largest scenario, CSV or MATPOWER file accepted; larger files are refused before parsing.
inline constexpr std::uintmax_t kMaxInputBytes = 512ull * 1024 * 1024;

}  // namespace blackstart::core
