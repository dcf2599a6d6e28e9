// Coordinates in scenarios: WGS84 `lat`/`lon` of assets, `path` of links, lengths from coordinates when
// `length_km` is absent, their errors at file:line:column, and the writer's round trip.
#include <catch2/catch.hpp>
#include <cmath>

#include "blackstart/io/matpower_import.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/io/scenario_writer.hpp"
#include "blackstart/model/geo.hpp"

using namespace blackstart;

namespace {

const char* kPlaces =
    "blackstart: 1\n"
    "name: places\n"
    "layers:\n"
    "  - name: transport\n"
    "    assets:\n"
    "      - {id: a, type: junction, lat: 48.0, lon: 24.0}\n"
    "      - {id: b, type: junction, lat: 49.0, lon: 24.0}\n"
    "      - {id: c, type: junction, lat: 49.0, lon: 25.0, position: {x: 3, y: 4}}\n"
    "    links:\n"
    "      - {id: ab, type: road, from: a, to: b}\n"
    "      - {id: bc, type: road, from: b, to: c, path: [[49.0, 24.0], [49.5, 24.5], [49.0, 25.0]]}\n"
    "      - {id: ac, type: road, from: a, to: c, length_km: 7.5}\n"
    "  - name: power\n"
    "    assets:\n"
    "      - {id: s, type: substation, position: {lat: 48.5, lon: 24.5}}\n"
    "      - {id: t, type: substation, lat: 48.5, lon: 24.6}\n"
    "    links:\n"
    "      - {id: st, type: line, from: s, to: t}\n"
    "      - {id: br, type: breaker, from: s, to: t}\n";

const model::Element& element(const model::Scenario& s, const char* id) {
  const auto found = s.network.find(id);
  REQUIRE(found);
  return s.network.element(*found);
}

std::string errors_of(const char* text) {
  const auto r = io::load_scenario_text(text, "geo.yaml", ".");
  REQUIRE_FALSE(r.ok());
  return r.diagnostics.to_string();
}

std::string scenario_with(const std::string& assets, const std::string& links = "") {
  return "blackstart: 1\nname: bad\nlayers:\n  - name: transport\n    assets:\n" + assets +
         (links.empty() ? "" : "    links:\n" + links);
}

}  // namespace

TEST_CASE("haversine distances on the mean Earth sphere", "[geo]") {
  // One degree of latitude: 6371.0088 km * pi / 180.
  CHECK(model::haversine_km({48, 24}, {49, 24}) == Approx(111.19508).epsilon(1e-7));
  // Kyiv (50.4501, 30.5234) to Ivano-Frankivsk (48.9226, 24.7111): about 450 km on the sphere.
  CHECK(model::haversine_km({50.4501, 30.5234}, {48.9226, 24.7111}) == Approx(450.0).margin(5.0));
  CHECK(model::polyline_km({{0, 0}, {0, 1}, {0, 2}}) == Approx(2 * 111.19508).epsilon(1e-7));
  CHECK(model::polyline_km({{0, 0}}) == 0.0);
  CHECK(model::valid_geo_point(90, -180));
  CHECK_FALSE(model::valid_geo_point(90.5, 0));
  CHECK_FALSE(model::valid_geo_point(0, 180.1));
  CHECK_FALSE(model::valid_geo_point(std::nan(""), 0));
}

TEST_CASE("assets carry lat/lon, links a path, lengths come from coordinates", "[geo]") {
  const auto r = io::load_scenario_text(kPlaces, "places.yaml", ".");
  INFO(r.diagnostics.to_string());
  REQUIRE(r.ok());
  const auto& s = *r.scenario;
  const auto& a = element(s, "transport/a");
  REQUIRE(a.geo);
  CHECK(a.geo->lat == 48.0);
  CHECK(a.geo->lon == 24.0);
  // lat/lon alone also place the asset on diagrams; a schematic position stays as written.
  REQUIRE(a.position);
  CHECK(a.position->geographic);
  const auto& c = element(s, "transport/c");
  CHECK_FALSE(c.position->geographic);
  CHECK(c.position->x == 3);
  // position: {lat, lon} gives the asset its place too.
  const auto& sub = element(s, "power/s");
  REQUIRE(sub.geo);
  CHECK(sub.geo->lat == 48.5);

  const auto& ab = element(s, "transport/ab");
  CHECK(ab.length_from_coordinates);
  CHECK(ab.attribute("length_km") == Approx(111.19508).epsilon(1e-7));
  const auto& bc = element(s, "transport/bc");
  REQUIRE(bc.path.size() == 3);
  CHECK(bc.attribute("length_km") ==
        Approx(model::haversine_km({49, 24}, {49.5, 24.5}) + model::haversine_km({49.5, 24.5}, {49, 25})));
  CHECK(bc.attribute("length_km") > model::haversine_km({49, 24}, {49, 25}));
  const auto& ac = element(s, "transport/ac");
  CHECK_FALSE(ac.length_from_coordinates);
  CHECK(ac.attribute("length_km") == 7.5);
  // A power line between two placed substations: 0.1 degree of longitude at 48.5 N.
  CHECK(element(s, "power/st").attribute("length_km") ==
        Approx(model::haversine_km({48.5, 24.5}, {48.5, 24.6})));
  CHECK(element(s, "power/st").attribute("length_km") == Approx(7.37).margin(0.01));
  // A breaker takes no length.
  CHECK(element(s, "power/br").attributes.count("length_km") == 0);
}

TEST_CASE("bad coordinates are errors at file:line:column", "[geo]") {
  CHECK(errors_of(scenario_with("      - {id: a, type: junction, lat: 95, lon: 24}\n").c_str()) ==
        "geo.yaml:6:38: error: lat = 95 is out of range [-90, 90] degrees\n");
  CHECK(errors_of(scenario_with("      - {id: a, type: junction, lat: 45, lon: -181}\n").c_str()) ==
        "geo.yaml:6:47: error: lon = -181 is out of range [-180, 180] degrees\n");
  CHECK(errors_of(scenario_with("      - {id: a, type: junction, lat: north, lon: 24}\n").c_str()) ==
        "geo.yaml:6:38: error: lat must be a number in degrees, got 'north'\n");
  CHECK(errors_of(scenario_with("      - {id: a, type: junction, lat: 45}\n").c_str()) ==
        "geo.yaml:6:38: error: an asset's place needs both lat and lon (only lat is given)\n");
  CHECK(errors_of(scenario_with("      - {id: a, type: junction, path: [[1, 2], [3, 4]]}\n").c_str()) ==
        "geo.yaml:6:39: error: 'path' is the course of a link; an asset takes lat and lon\n");
  const std::string two = "      - {id: a, type: junction}\n      - {id: b, type: junction}\n";
  CHECK(errors_of(scenario_with(two, "      - {from: a, to: b, path: [[1, 2]]}\n").c_str()) ==
        "geo.yaml:9:32: error: path must be a list of at least two [lat, lon] points, e.g. [[48.92, 24.71], "
        "[48.93, 24.75]]\n");
  CHECK(errors_of(scenario_with(two, "      - {from: a, to: b, path: [[1, 2], [3]]}\n").c_str()) ==
        "geo.yaml:9:41: error: path point 2 must be a pair [lat, lon]\n");
  CHECK(errors_of(scenario_with(two, "      - {from: a, to: b, path: [[1, 2], [91, 4]]}\n").c_str()) ==
        "geo.yaml:9:42: error: lat of path point 2 = 91 is out of range [-90, 90] degrees\n");
  CHECK(errors_of(scenario_with(two, "      - {from: a, to: b, lat: 1}\n").c_str()) ==
        "geo.yaml:9:31: error: a link has no 'lat'; give its course as path: [[lat, lon], ...] (its ends are "
        "its assets)\n");
}

TEST_CASE("the scenario writers keep coordinates", "[geo]") {
  const auto first = io::load_scenario_text(kPlaces, "places.yaml", ".");
  REQUIRE(first.ok());
  const std::string text = io::imported_scenario_yaml(*first.scenario, "round trip");
  // Lengths computed from coordinates are not written; the written one is.
  CHECK(text.find("{id: ab, type: road, from: a, to: b}") != std::string::npos);
  CHECK(text.find("{id: ac, type: road, from: a, to: c, length_km: 7.5}") != std::string::npos);
  CHECK(text.find("{id: a, type: junction, lat: 48, lon: 24}") != std::string::npos);
  CHECK(text.find("lat: 49, lon: 25, position: {x: 3, y: 4}}") != std::string::npos);
  CHECK(text.find("path: [[49, 24], [49.5, 24.5], [49, 25]]") != std::string::npos);
  const auto second = io::load_scenario_text(text, "again.yaml", ".");
  INFO(text << second.diagnostics.to_string());
  REQUIRE(second.ok());
  const auto& a = first.scenario->network;
  const auto& b = second.scenario->network;
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto& x = a.element(static_cast<model::ElementIndex>(i));
    const auto& y = b.element(static_cast<model::ElementIndex>(i));
    CHECK(x.id == y.id);
    CHECK(x.geo.has_value() == y.geo.has_value());
    if (x.geo && y.geo) CHECK((x.geo->lat == y.geo->lat && x.geo->lon == y.geo->lon));
    CHECK(x.path.size() == y.path.size());
    CHECK(x.attribute("length_km") == y.attribute("length_km"));
    CHECK(x.length_from_coordinates == y.length_from_coordinates);
  }
  // Editing events keeps every other line byte for byte, coordinates included.
  const std::string edited = io::replace_events(kPlaces, *first.scenario, {});
  CHECK(edited.rfind(kPlaces, 0) == 0);
}
