// `backdrop:` in a scenario and the GeoJSON backdrop of the map view.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "blackstart/io/backdrop.hpp"
#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/io/scenario_writer.hpp"

using namespace blackstart;

namespace {

//! A scenario whose `backdrop:` is `backdrop` (line 3, column 11). Built by appending: GCC 12
//! reports a false -Wrestrict on std::string::replace here.
std::string scenario_with(const std::string& backdrop) {
  std::string text = "blackstart: 1\nname: with a backdrop\nbackdrop: ";
  text += backdrop;
  text += "\nlayers:\n  - name: power\n    assets:\n      - {id: a, type: bus}\n";
  return text;
}

std::filesystem::path temp_dir() {
  auto dir = std::filesystem::temp_directory_path() / "blackstart-backdrop-test";
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("backdrop names a GeoJSON file next to the scenario", "[map][backdrop]") {
  const auto dir = temp_dir();
  std::ofstream(dir / "shape.geojson") << R"({"type": "FeatureCollection", "features": []})";
  std::ofstream(dir / "s.yaml") << scenario_with("shape.geojson");
  const auto ok = io::load_scenario_file(dir / "s.yaml");
  REQUIRE(ok.scenario);
  const auto key = io::scenario_backdrop(*ok.scenario);
  REQUIRE(key);
  CHECK(key->written == "shape.geojson");
  CHECK(std::filesystem::path(key->path) == dir / "shape.geojson");
  CHECK(key->location.line == 3);
  CHECK(key->location.column == 11);
  // Without the key, or without a file (a built-in scenario's text): none.
  const auto plain = io::load_scenario_text(
      "blackstart: 1\nname: x\nlayers: [{name: p, assets: [{id: a, type: bus}]}]\n", "x.yaml", dir);
  REQUIRE(plain.scenario);
  CHECK_FALSE(io::scenario_backdrop(*plain.scenario));

  // A missing file is a warning: the backdrop is decoration, the scenario still loads.
  const auto missing = io::load_scenario_text(scenario_with("nowhere.geojson"), "s.yaml", dir);
  REQUIRE(missing.scenario);
  CHECK_FALSE(io::scenario_backdrop(*missing.scenario));
  CHECK_THAT(missing.diagnostics.to_string(),
             Catch::Contains("s.yaml:3:11: warning: backdrop 'nowhere.geojson': no such file"));
  CHECK_THAT(missing.diagnostics.to_string(), Catch::Contains("the map is drawn without it"));
  // A shipped scenario saved elsewhere keeps the backdrop the program carries.
  const auto moved =
      io::load_scenario_text(scenario_with("geo/ukraine-2015-backdrop.geojson"), "s.yaml", dir);
  REQUIRE(moved.scenario);
  REQUIRE(io::scenario_backdrop(*moved.scenario));
  CHECK_FALSE(io::scenario_backdrop(*moved.scenario)->embedded.empty());

  const auto wrong = io::load_scenario_text(scenario_with("shape.shp"), "s.yaml", dir);
  CHECK_THAT(wrong.diagnostics.to_string(),
             Catch::Contains("s.yaml:3:11: error: backdrop 'shape.shp' must be a GeoJSON file"));
  const auto list = io::load_scenario_text(scenario_with("[a, b]"), "s.yaml", dir);
  CHECK_THAT(list.diagnostics.to_string(),
             Catch::Contains("s.yaml:3:11: error: backdrop must be a single value"));
  const auto folder = io::load_scenario_text(scenario_with("sub.geojson"), "s.yaml",
                                             (std::filesystem::create_directories(dir / "sub.geojson"), dir));
  CHECK_THAT(folder.diagnostics.to_string(), Catch::Contains("backdrop 'sub.geojson' is not a file"));
}

TEST_CASE("the scenario writer keeps backdrop as written", "[map][backdrop]") {
  const auto dir = temp_dir();
  std::ofstream(dir / "shape.geojson") << R"({"type": "FeatureCollection", "features": []})";
  const std::string text = scenario_with("shape.geojson");
  const auto loaded = io::load_scenario_text(text, "s.yaml", dir);
  REQUIRE(loaded.scenario);
  const auto written = io::replace_events(text, *loaded.scenario, {});
  CHECK_THAT(written, Catch::Contains("backdrop: shape.geojson\n"));
  std::ofstream(dir / "again.yaml") << written;
  const auto again = io::load_scenario_file(dir / "again.yaml");
  REQUIRE(again.scenario);
  REQUIRE(io::scenario_backdrop(*again.scenario));
  CHECK(io::scenario_backdrop(*again.scenario)->written == "shape.geojson");
}

TEST_CASE("a GeoJSON backdrop gives areas, lines and points", "[map][backdrop]") {
  const auto read = io::read_backdrop_text(R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "Oblast"}, "geometry": {"type": "Polygon",
      "coordinates": [[[24, 48], [25, 48], [25, 49], [24, 48]]]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "MultiLineString",
      "coordinates": [[[24, 48], [24.5, 48.5]], [[24.5, 48.5], [25, 49]]]}},
    {"type": "Feature", "properties": null, "geometry": null},
    {"type": "Feature", "properties": {"name": "Town"}, "geometry": {"type": "Point", "coordinates": [24.7, 48.9]}}
  ]})",
                                           "b.geojson");
  REQUIRE(read.backdrop);
  CHECK(read.backdrop->features == 4);
  REQUIRE(read.backdrop->shapes.size() == 4);
  CHECK(read.backdrop->shapes[0].kind == io::BackdropShape::Kind::Area);
  CHECK(read.backdrop->shapes[0].name == "Oblast");
  CHECK(read.backdrop->shapes[0].rings[0][1].lon == 25);
  CHECK(read.backdrop->shapes[0].rings[0][2].lat == 49);
  CHECK(read.backdrop->shapes[1].kind == io::BackdropShape::Kind::Line);
  CHECK(read.backdrop->shapes[3].kind == io::BackdropShape::Kind::Point);
  CHECK(read.backdrop->shapes[3].rings[0][0].lat == 48.9);
}

TEST_CASE("a bad backdrop is an error naming the file and the place", "[map][backdrop]") {
  auto errors = [](const char* text) {
    return io::read_backdrop_text(text, "b.geojson").diagnostics.to_string();
  };
  CHECK_THAT(errors("{\"type\": \"FeatureCollection\",\n  \"features\": [}"),
             Catch::Contains("b.geojson:2:16: error: not valid JSON"));
  CHECK_THAT(errors(R"({"a": 1})"), Catch::Contains("b.geojson: error: not GeoJSON"));
  CHECK_THAT(
      errors(R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "X"},
    "geometry": {"type": "Circle", "coordinates": [1, 2]}}]})"),
      Catch::Contains("b.geojson: error: feature 1 (X): unknown geometry type 'Circle'"));
  CHECK_THAT(errors(R"({"type": "LineString", "coordinates": [[24, 95], [25, 48]]})"),
             Catch::Contains("geometry: coordinates out of range at position 1: lon 24, lat 95"));
  CHECK_THAT(errors(R"({"type": "Polygon", "coordinates": [[[24, 48], [25, 48], [24, 48]]]})"),
             Catch::Contains("a polygon ring needs at least 4 positions, got 3"));
  CHECK_THAT(errors(R"({"type": "LineString", "coordinates": [[24, "x"], [25, 48]]})"),
             Catch::Contains("position 1 must be [lon, lat] numbers"));
  CHECK_FALSE(
      io::read_backdrop_text(R"({"type": "LineString", "coordinates": [[24, 95], [25, 48]]})", "b").backdrop);
  CHECK_THAT(io::read_backdrop_file("/nonexistent/x.geojson").diagnostics.to_string(),
             Catch::Contains("/nonexistent/x.geojson: error: no such file"));
}

TEST_CASE("a built-in scenario's backdrop ships inside the program", "[map][backdrop]") {
  // Ukraine 2015 names geo/ukraine-2015-backdrop.geojson; loaded by name there is no folder.
  const auto builtin = io::load_builtin_scenario("ukraine-2015");
  INFO(builtin.diagnostics.to_string());
  REQUIRE(builtin.scenario);
  const auto key = io::scenario_backdrop(*builtin.scenario);
  REQUIRE(key);
  CHECK(key->written == "geo/ukraine-2015-backdrop.geojson");
  CHECK(key->path.empty());
  CHECK(key->embedded.size() > 10000);
  const auto read = io::read_scenario_backdrop(*key);
  INFO(read.diagnostics.to_string());
  REQUIRE(read.backdrop);
  CHECK(read.backdrop->features == 15);  // the oblasts around the three companies
  CHECK(io::builtin_data_file("geo/ukraine-2015-backdrop.geojson")->size() == key->embedded.size());
  CHECK_FALSE(io::builtin_data_file("geo/nowhere.geojson"));

  // Another built-in text naming a backdrop that is not compiled in: an error at the key.
  const auto other = io::load_scenario_text(scenario_with("geo/nowhere.geojson"), "builtin:other", ".");
  CHECK_FALSE(other.scenario);
  CHECK_THAT(other.diagnostics.to_string(),
             Catch::Contains(
                 "builtin:other:3:11: error: backdrop 'geo/nowhere.geojson' is not built into the program"));
}
