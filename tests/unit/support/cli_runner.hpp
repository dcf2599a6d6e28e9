#pragma once
// Runs the `blackstart` program built with the tests and captures what it prints.
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

namespace blackstart::test {

struct CliOutcome {
  int code = -1;
  std::string output;  //!< stdout and stderr together
};

inline CliOutcome run_cli(const std::string& args) {
  const std::string command = std::string(BLACKSTART_CLI) + " " + args + " 2>&1";
  CliOutcome out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe)) out.output += buffer.data();
  const int status = pclose(pipe);
  out.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

}  // namespace blackstart::test
