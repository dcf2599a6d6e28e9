// Scenario keys of crews on roads: `depot`, `shift`, `rest` in `crews:`, and `roads:`.
#include <catch2/catch.hpp>

#include "blackstart/io/scenario_loader.hpp"

using namespace blackstart;

namespace {
const std::string kWorld =
    "blackstart: 1\nname: t\n"
    "layers:\n"
    "  - name: power\n"
    "    assets: [{id: sub, type: substation, operator: grid}]\n"
    "  - name: transport\n"
    "    assets:\n"
    "      - {id: depot, type: road_segment}\n"
    "      - {id: x, type: road_segment}\n"
    "      - {id: lonely, type: road_segment}\n"
    "    links:\n"
    "      - {id: r1, from: depot, to: x, type: road, length_km: 12, road_class: 2, speed_kmh: 40}\n"
    "dependencies:\n"
    "  - {dependent: power/sub, supplier: transport/x, kind: access}\n";

io::LoadResult load(const std::string& more) {
  return io::load_scenario_text(kWorld + more, "roads.yaml", ".");
}
}  // namespace

TEST_CASE("crews on roads: depot, shift, rest and the speed table load", "[routing][io]") {
  const auto r = load(
      "crews:\n  - {operator: grid, count: 3, depot: transport/depot, shift: 12h, rest: 10h}\n"
      "roads: {speeds: {motorway: 100, 5: 30}, default_class: residential, dark_signals_factor: 0.4}\n");
  INFO(r.diagnostics.to_string());
  REQUIRE(r.ok());
  const auto& pool = r.scenario->crews.at("grid");
  REQUIRE(pool.depots.size() == 1);
  CHECK(r.scenario->network.element(pool.depots[0]).id == "transport/depot");
  CHECK(pool.routed());
  CHECK(pool.shift_min == 720);
  CHECK(pool.rest_min == 600);
  const auto& roads = r.scenario->roads;
  CHECK(roads.speed_kmh[0] == 100);
  CHECK(roads.speed_kmh[5] == 30);
  CHECK(roads.speed_kmh[2] == 65);  // untouched: the built-in table
  CHECK(roads.default_class == 6);
  CHECK(roads.dark_signals_factor == 0.4);
  const auto& r1 = r.scenario->network.element(*r.scenario->network.find("transport/r1"));
  CHECK(r1.attribute("road_class") == 2);
  CHECK(r1.attribute("speed_kmh") == 40);
}

TEST_CASE("crews on roads: bad depots and road classes are errors at their place", "[routing][io]") {
  SECTION("a depot that is not a transport asset") {
    const auto r = load("crews:\n  - {operator: grid, depot: power/sub}\n");
    REQUIRE_FALSE(r.ok());
    CHECK(r.diagnostics.to_string() ==
          "roads.yaml:16:29: error: depot 'power/sub' must be an asset of a transport layer (a place on the "
          "road network)\n");
  }
  SECTION("a depot that no road reaches") {
    const auto r = load("crews:\n  - {operator: grid, depot: transport/lonely}\n");
    REQUIRE_FALSE(r.ok());
    CHECK(
        r.diagnostics.to_string() ==
        "roads.yaml:16:29: error: depot 'transport/lonely' is not the end of any link of type 'road': crews "
        "could not leave it\n");
  }
  SECTION("a depot that does not exist") {
    const auto r = load("crews:\n  - {operator: grid, depot: transport/dpot}\n");
    REQUIRE_FALSE(r.ok());
    CHECK(r.diagnostics.to_string().find("roads.yaml:16:29: error: depot 'transport/dpot' refers to an asset "
                                         "that does not exist") != std::string::npos);
  }
  SECTION("an unknown road class, a speed out of range") {
    const auto r = load("roads: {speeds: {motorwy: 100, trunk: 900}}\n");
    REQUIRE_FALSE(r.ok());
    const auto text = r.diagnostics.to_string();
    CHECK(text.find(
              "roads.yaml:15:18: error: unknown road class 'motorwy': use 0..7 or one of motorway, trunk, "
              "primary, secondary, tertiary, local, residential, service") != std::string::npos);
    CHECK(text.find("roads.yaml:15:39: error:") != std::string::npos);
  }
  SECTION("shift without a depot: a warning") {
    const auto r = load("crews:\n  - {operator: grid, shift: 8h}\n");
    REQUIRE(r.ok());
    CHECK(r.diagnostics.to_string().find("warning: 'shift' and 'rest' apply only to crews with a 'depot'") !=
          std::string::npos);
  }
}
