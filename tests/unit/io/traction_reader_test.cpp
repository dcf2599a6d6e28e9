// `traction:`: lines, sections, feeders and signals load; every bad value is an error at its place.
#include <catch2/catch.hpp>

#include "blackstart/io/scenario_loader.hpp"

using namespace blackstart;

namespace {
const std::string kWorld =
    "blackstart: 1\nname: t\n"
    "layers:\n"
    "  - name: power\n"
    "    assets: [{id: ts-1, type: substation}, {id: ts-2, type: substation}]\n"
    "  - name: transport\n"
    "    assets:\n"
    "      - {id: metro, type: metro_line, passengers_per_hour: 20000}\n"
    "      - {id: zone, type: rail_signal_zone}\n"
    "      - {id: ts-depot, type: traction_substation}\n";  // line 10

io::LoadResult load(const std::string& more) {
  return io::load_scenario_text(kWorld + more, "metro.yaml", ".");
}
}  // namespace

TEST_CASE("traction: lines and sections load", "[traction][io]") {
  const auto r = load(
      "traction:\n"
      "  dark_signals_factor: 0.3\n"
      "  time_lost_per_trip: 20min\n"
      "  lines:\n"
      "    - line: transport/metro\n"
      "      dark_signals_factor: 0.1\n"
      "      sections:\n"
      "        - {id: north, fed_by: [power/ts-1, power/ts-2], signals: transport/zone, through: true}\n"
      "        - {id: depot, fed_by: transport/ts-depot}\n");
  INFO(r.diagnostics.to_string());
  REQUIRE(r.ok());
  const auto& t = r.scenario->traction;
  CHECK(t.dark_signals_factor == 0.3);
  CHECK(t.time_lost_per_trip_min == 20);
  REQUIRE(t.lines.size() == 1);
  const auto& net = r.scenario->network;
  CHECK(net.element(t.lines[0].line).id == "transport/metro");
  CHECK(t.lines[0].dark_signals_factor == 0.1);
  REQUIRE(t.lines[0].sections.size() == 2);
  const auto& north = t.lines[0].sections[0];
  CHECK(north.id == "north");
  REQUIRE(north.fed_by.size() == 2);
  CHECK(net.element(north.fed_by[1]).id == "power/ts-2");
  CHECK(net.element(north.signal_zone).id == "transport/zone");
  CHECK(north.through);
  CHECK_FALSE(t.lines[0].sections[1].through);
}

TEST_CASE("traction: bad input is an error at its file:line:column", "[traction][io]") {
  auto errors = [](const std::string& more) {
    const auto r = load(more);
    CHECK_FALSE(r.ok());
    return r.diagnostics.to_string();
  };
  const std::string head =
      "traction:\n  lines:\n    - line: transport/metro\n      sections:\n";  // lines 11-14
  SECTION("an unknown substation") {
    CHECK(errors(head + "        - {id: a, fed_by: power/ts-9}\n") ==
          "metro.yaml:15:27: error: fed_by 'power/ts-9' refers to an asset that does not exist (did you mean "
          "'power/ts-1'?)\n");
  }
  SECTION("empty sections") {
    CHECK(
        errors("traction:\n  lines:\n    - {line: transport/metro, sections: []}\n") ==
        "metro.yaml:13:41: error: 'sections' of line 'transport/metro' must be a non-empty list, e.g. [{id: "
        "west, fed_by: power/ts-1}]\n");
  }
  SECTION("a feeder that is no substation") {
    CHECK(errors(head + "        - {id: a, fed_by: transport/zone}\n") ==
          "metro.yaml:15:27: error: fed_by 'transport/zone' must be a traction_substation or an asset of a "
          "power "
          "layer (the substation or load that feeds the section)\n");
  }
  SECTION("a section without feeders, and a repeated section id") {
    CHECK(errors(head + "        - {id: a, fed_by: power/ts-1}\n        - {id: a, fed_by: power/ts-1}\n"
                        "        - {id: b}\n") ==
          "metro.yaml:16:16: error: duplicate section id 'a' in line 'transport/metro'\n"
          "metro.yaml:17:11: error: traction section 'b' needs 'fed_by': the traction substations (power "
          "assets) that feed it\n");
  }
  SECTION("a line that is not a transport asset, and an unknown key") {
    CHECK(errors("traction:\n  lines:\n    - {line: power/ts-1, sections: [{id: a, fed_by: power/ts-2}]}\n"
                 "  speed: 3\n") ==
          "metro.yaml:14:3: error: unknown key 'speed' in traction; allowed: lines, dark_signals_factor, "
          "time_lost_per_trip\n"
          "metro.yaml:13:14: error: line 'power/ts-1' must be an asset of a transport layer\n");
  }
  SECTION("a signals factor out of range") {
    CHECK(errors("traction:\n  dark_signals_factor: 1.5\n  lines:\n"
                 "    - {line: transport/metro, sections: [{id: a, fed_by: power/ts-1}]}\n") ==
          "metro.yaml:12:24: error: dark_signals_factor = 1.5 is out of range [0, 1]\n");
  }
}
