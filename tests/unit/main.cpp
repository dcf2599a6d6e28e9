// Catch2's runner with one option of ours: --needs-large-cases makes the run exit with 77, which ctest
// reports as skipped (SKIP_RETURN_CODE), when the large MATPOWER cases are not there.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <iostream>

#include "support/matpower_cases.hpp"

int main(int argc, char* argv[]) {
  Catch::Session session;
  bool needs_large_cases = false;
  session.cli(session.cli() | Catch::clara::Opt(needs_large_cases)["--needs-large-cases"](
                                  "exit with 77 (skipped) if the large MATPOWER cases are absent"));
  if (const int status = session.applyCommandLine(argc, argv); status != 0) return status;
  if (needs_large_cases && !blackstart::test::have_large_matpower_cases()) {
    std::cout
        << "skipped: the large MATPOWER cases are not in " << blackstart::test::large_matpower_dir().string()
        << " (set BLACKSTART_LARGE_CASES_DIR to the folder holding case2383wp.m and case9241pegase.m)\n";
    return 77;
  }
  return session.run();
}
