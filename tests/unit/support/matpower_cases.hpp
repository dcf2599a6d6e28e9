#pragma once
// MATPOWER cases for the tests. case9 to case300 and MATPOWER's reference results ship in
// tests/data/matpower, so those tests always run. case2383wp and case9241pegase are not shipped (size
// and licence, see tests/data/matpower/README.md): the tests that need them are tagged [.large], run as
// their own ctest entries with --needs-large-cases, and show as skipped when the cases are absent.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "blackstart/io/matpower.hpp"

namespace blackstart::test {

//! The shipped cases, with the reference results in reference/.
inline std::filesystem::path matpower_dir() {
  return std::filesystem::path(BLACKSTART_SOURCE_DIR) / "tests" / "data" / "matpower";
}

//! Where the large cases are looked for: $BLACKSTART_LARGE_CASES_DIR, else the CMake variable of that
//! name (by default ../shared/data/matpower beside the project).
inline std::filesystem::path large_matpower_dir() {
  if (const char* dir = std::getenv("BLACKSTART_LARGE_CASES_DIR"); dir && *dir) return dir;
  return BLACKSTART_LARGE_CASES_DIR;
}

inline constexpr std::string_view kLargeCases[] = {"case2383wp", "case9241pegase"};

inline bool is_large_case(std::string_view name) {
  for (auto large : kLargeCases)
    if (name == large) return true;
  return false;
}

inline bool have_large_matpower_cases() {
  for (auto name : kLargeCases)
    if (!std::filesystem::exists(large_matpower_dir() / (std::string(name) + ".m"))) return false;
  return true;
}

//! The file of a case: a shipped one, or one from the large-case folder.
inline std::filesystem::path matpower_case_path(const std::string& name) {
  return (is_large_case(name) ? large_matpower_dir() : matpower_dir()) / (name + ".m");
}

//! Loads a case that must be valid.
inline model::PowerCase load_matpower_case(const std::string& name) {
  auto result = io::load_matpower_file(matpower_case_path(name));
  INFO(result.diagnostics.to_string());
  REQUIRE(result.ok());
  return std::move(*result.power_case);
}

}  // namespace blackstart::test
