// The command-line program end to end: exit codes, files written, explain output.
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include "support/cli_runner.hpp"

namespace fs = std::filesystem;

namespace {
using blackstart::test::run_cli;

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path temp_dir(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("blackstart-cli-test-" + name);
  fs::remove_all(dir);
  return dir;
}
const std::string kScenarios = std::string(BLACKSTART_SOURCE_DIR) + "/scenarios/";
}  // namespace

TEST_CASE("run without a scenario runs Ukraine 2015 and writes the three outputs", "[cli]") {
  const auto dir = temp_dir("default");
  const auto r = run_cli("run --quiet --out " + dir.string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.output.find("Ukraine 2015") != std::string::npos);
  CHECK(r.output.find("Peak customers without power") != std::string::npos);
  const auto summary = read(dir / "summary.json");
  for (const char* key :
       {"peak_customers_without_power", "customer_minutes_interrupted", "energy_not_served_mwh",
        "peak_load_shed_mw", "time_of_worst_impact_min", "time_to_full_restoration_min", "resilience_index",
        "\"seed\"", "\"horizon_min\"", "\"layers\""})
    CHECK(summary.find(key) != std::string::npos);
  const auto timeline = read(dir / "timeline.csv");
  CHECK(timeline.rfind(
            "time_min,layer,served_fraction,customers_without_power,shed_mw,passengers_affected_per_h,", 0) ==
        0);
  // 24 h at 5 min steps, three layers, plus the header.
  CHECK(std::count(timeline.begin(), timeline.end(), '\n') == (24 * 12 + 1) * 3 + 1);
  const auto events = read(dir / "events.csv");
  CHECK(events.rfind("time_min,asset,from_state,to_state,cause_kind,cause,", 0) == 0);
  CHECK(events.find(",attack,kyiv-open-110,") != std::string::npos);  // an attack step, not an event
  CHECK(events.find(",restoration,crew:kyiv,") != std::string::npos);
}

TEST_CASE("outputs are byte-identical for the same seed", "[cli]") {
  const auto a = temp_dir("seed-a"), b = temp_dir("seed-b");
  REQUIRE(run_cli("run " + kScenarios + "ukraine-2015.yaml -q --seed 5 --out " + a.string()).code == 0);
  REQUIRE(run_cli("run " + kScenarios + "ukraine-2015.yaml -q --seed 5 --out " + b.string()).code == 0);
  for (const char* f : {"summary.json", "timeline.csv", "events.csv"}) CHECK(read(a / f) == read(b / f));
}

TEST_CASE("run with json output and a shorter horizon", "[cli]") {
  const auto r =
      run_cli("run " + kScenarios + "tutorial.yaml -q --json --until 2h --out " + temp_dir("json").string());
  REQUIRE(r.code == 0);
  CHECK(r.output.find("\"horizon_min\": 120.0") != std::string::npos);
}

TEST_CASE("exit codes: 1 for bad input, 2 for usage errors", "[cli]") {
  auto r = run_cli("run " + kScenarios + "tutorial.yaml -q --mitigation second-crews --out " +
                   temp_dir("m").string());
  CHECK(r.code == 1);
  CHECK(r.output.find("unknown mitigation 'second-crews' (did you mean 'second-crew'?)") !=
        std::string::npos);
  r = run_cli("run no-such-scenario.yaml");
  CHECK(r.code == 1);
  CHECK(r.output.find("no-such-scenario.yaml: error: no such file") != std::string::npos);
  r = run_cli("run --frobnicate");
  CHECK(r.code == 2);
  r = run_cli("");
  CHECK(r.code == 2);
  r = run_cli("run " + kScenarios + "tutorial.yaml --until soon");
  CHECK(r.code == 2);
  r = run_cli("explain " + kScenarios + "tutorial.yaml power/sub-nrth");
  CHECK(r.code == 1);
  CHECK(r.output.find("did you mean 'power/sub-north'") != std::string::npos);
}

TEST_CASE("validate reports every file and fails if any is bad", "[cli]") {
  auto r = run_cli("validate " + kScenarios + "tutorial.yaml " + kScenarios + "ukraine-2015.yaml");
  CHECK(r.code == 0);
  CHECK(r.output.find("ok: ") != std::string::npos);
  const auto dir = temp_dir("validate");
  fs::create_directories(dir);
  std::ofstream(dir / "bad.yaml") << "blackstart: 1\nname: x\nlayers: []\nhorizn: 2h\n";
  r = run_cli("validate " + kScenarios + "tutorial.yaml " + (dir / "bad.yaml").string());
  CHECK(r.code == 1);
  CHECK(
      r.output.find("bad.yaml:4:1: error: unknown key 'horizn' in the scenario (did you mean 'horizon'?)") !=
      std::string::npos);
}

TEST_CASE("explain prints the chain back to the scenario event", "[cli]") {
  const auto r = run_cli("explain " + kScenarios + "tutorial.yaml transport/tram-1 --at 1h");
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.output.find("Why transport/tram-1 is failed at 1h:") != std::string::npos);
  CHECK(r.output.find("power/load-depot") != std::string::npos);
  CHECK(r.output.find("scenario event 'open-") != std::string::npos);
  // ...and why it is still down then: the chain of waits ends at the substation the crew works on.
  CHECK(
      r.output.find("Why it is still down at 1h:\n  transport/tram-1 is failed: waits for power/load-depot, "
                    "which is still down\n") != std::string::npos);
  CHECK(r.output.find(
            "  power/sub-south is under_repair: a crew of town-grid is repairing it until 1h5min\n") !=
        std::string::npos);
}

TEST_CASE("help lists examples", "[cli]") {
  const auto r = run_cli("run --help");
  CHECK(r.code == 0);
  CHECK(r.output.find("Examples:") != std::string::npos);
}

TEST_CASE("controls ranks the controls that counter the campaign, the same for any thread count", "[cli]") {
  const std::string scenario = std::string(BLACKSTART_SOURCE_DIR) + "/tests/data/campaign/control-room.yaml";
  const auto dir = std::filesystem::temp_directory_path() / "blackstart-cli-controls";
  std::filesystem::create_directories(dir);
  const auto one = run_cli("controls " + scenario + " --runs 30 --greedy 2 --threads 1 --seed 5 --out " +
                           (dir / "one.csv").string());
  INFO(one.output);
  REQUIRE(one.code == 0);
  CHECK(one.output.find("Control-room hijack: 4 controls, 30 runs each, seed 5") != std::string::npos);
  CHECK(one.output.find("1    mfa-remote-access") != std::string::npos);
  const auto two = run_cli("controls " + scenario + " --runs 30 --greedy 2 --threads 2 --seed 5 --out " +
                           (dir / "two.csv").string() + " -q");
  REQUIRE(two.code == 0);
  std::ifstream a(dir / "one.csv"), b(dir / "two.csv");
  const std::string first((std::istreambuf_iterator<char>(a)), {}),
      second((std::istreambuf_iterator<char>(b)), {});
  CHECK(first == second);
  CHECK(first.find("\n1,single,1,mfa-remote-access,M0932,0,") != std::string::npos);
  CHECK(first.find("\n,greedy,2,mfa-remote-access+") != std::string::npos);
}

TEST_CASE("controls refuses a scenario without a campaign", "[cli]") {
  const auto r = run_cli("controls " + kScenarios + "tutorial.yaml --runs 5");
  CHECK(r.code == 1);
  CHECK(r.output.find("error: scenario 'Tutorial town' has no campaign") != std::string::npos);
}

TEST_CASE("validate checks a controls library file as a library", "[cli]") {
  const auto ok =
      run_cli("validate " + std::string(BLACKSTART_SOURCE_DIR) + "/scenarios/library/controls.yaml");
  INFO(ok.output);
  CHECK(ok.code == 0);
  CHECK(ok.output.find("controls library, 21 controls") != std::string::npos);
  const auto dir = std::filesystem::temp_directory_path() / "blackstart-cli-library";
  std::filesystem::create_directories(dir);
  const auto bad = dir / "library.yaml";
  std::ofstream(bad)
      << "blackstart: 1\ncontrols:\n  - {name: x, counters: [{techniques: [T0822], block: 2}]}\n";
  const auto r = run_cli("validate " + bad.string());
  CHECK(r.code == 1);
  CHECK(r.output.find(bad.string() + ":3:") != std::string::npos);
}

TEST_CASE("explain --downstream lists what the asset took down, by layer", "[cli]") {
  const auto r = run_cli("explain " + kScenarios + "tutorial.yaml power/sub-south --at 30min --downstream");
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.output.find("What power/sub-south took down at 30min: 6 elements\n") != std::string::npos);
  CHECK(r.output.find("  transport (1): transport/tram-1\n") != std::string::npos);
}
