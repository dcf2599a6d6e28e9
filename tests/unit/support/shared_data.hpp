#pragma once
// MATPOWER cases from ../shared/data/matpower: tests that need them skip, with a message, when the
// folder is absent (it is beside the project in development and CI, not on a user's machine).
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "blackstart/io/matpower.hpp"

namespace blackstart::test {

inline const std::filesystem::path& matpower_dir() {
  static const std::filesystem::path dir = std::filesystem::path(BLACKSTART_SHARED_DIR) / "data" / "matpower";
  return dir;
}

//! True when the case file is there; otherwise warns once in the test's output.
inline bool have_matpower_case(const std::string& name = "case9") {
  if (std::filesystem::exists(matpower_dir() / (name + ".m"))) return true;
  WARN("skipped: MATPOWER test data not found at " << matpower_dir().string() << " (../shared is absent)");
  return false;
}

//! Loads a case that must be valid.
inline model::PowerCase load_matpower_case(const std::string& name) {
  auto result = io::load_matpower_file(matpower_dir() / (name + ".m"));
  INFO(result.diagnostics.to_string());
  REQUIRE(result.ok());
  return std::move(*result.power_case);
}

}  // namespace blackstart::test
