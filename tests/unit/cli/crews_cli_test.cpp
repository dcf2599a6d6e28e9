// Crews on roads through the program: crews.csv and explain's crew lines.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/cli_runner.hpp"

namespace fs = std::filesystem;
using blackstart::test::run_cli;

namespace {
const std::string kTown = std::string(BLACKSTART_SOURCE_DIR) + "/tests/data/routing/town-roads.yaml";
}

TEST_CASE("cli: a routed scenario writes crews.csv and explain names the crew", "[routing][cli]") {
  const auto dir = fs::temp_directory_path() / "blackstart-cli-test-crews";
  fs::remove_all(dir);
  const auto r = run_cli("run " + kTown + " --quiet --out " + dir.string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  std::ifstream in(dir / "crews.csv");
  std::stringstream text;
  text << in.rdbuf();
  // Centre first (priority 5) under dark signals: 6 km at 65 km/h, halved; then round the closed
  // bridge by the ring to the east; then home by the ring.
  CHECK(text.str() ==
        "crew,purpose,job,from,to,depart_min,arrive_min,rest,roads\n"
        "grid#1,job,power/sub-centre,transport/depot,transport/centre,15,26.0769,0,transport/main-street\n"
        "grid#1,job,power/sub-east,transport/centre,transport/east,46.0769,69.1868,0,"
        "transport/main-street;transport/ring-road;transport/ring-east\n"
        "grid#1,home,,transport/east,transport/depot,89.1868,106.758,0,transport/ring-east;transport/"
        "ring-road\n");
  const auto e = run_cli("explain " + kTown + " power/sub-east --at 1h");
  INFO(e.output);
  CHECK(e.output.find(
            "power/sub-east is under_repair: crew grid#1 (left transport/centre at 46min) is on its way "
            "to transport/east, arriving at 1h9min") != std::string::npos);
  // No depot: no crews.csv (the shipped scenarios' output folders stay as they were).
  const auto plain = fs::temp_directory_path() / "blackstart-cli-test-crews-plain";
  fs::remove_all(plain);
  REQUIRE(run_cli("run tutorial --quiet --out " + plain.string()).code == 0);
  CHECK_FALSE(fs::exists(plain / "crews.csv"));
}
