// `blackstart import geojson|gpkg|shp|osm`: features to assets, links and junctions, properties to
// attributes, OpenStreetMap roads and power, every bad input with its exact message, on small files
// the tests write (GeoPackage and Shapefile through GDAL itself).
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "blackstart/geodata/geo_import.hpp"
#include "blackstart/geodata/osm_tags.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/model/geo.hpp"
#include "support/cli_runner.hpp"

using namespace blackstart;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("blackstart-geo-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

fs::path write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string feature(const std::string& properties, const std::string& geometry) {
  return "{\"type\": \"Feature\", \"properties\": {" + properties + "}, \"geometry\": " + geometry + "}";
}

std::string collection(const std::vector<std::string>& features) {
  std::string out = "{\"type\": \"FeatureCollection\", \"features\": [\n";
  for (std::size_t i = 0; i < features.size(); ++i) out += (i ? ",\n" : "") + features[i];
  return out + "\n]}\n";
}

std::string point(double lon, double lat) {
  std::ostringstream s;
  s << std::setprecision(10) << "{\"type\": \"Point\", \"coordinates\": [" << lon << ", " << lat << "]}";
  return s.str();
}

std::string line(const std::vector<std::pair<double, double>>& lonlat) {
  std::ostringstream s;
  s << std::setprecision(10) << "{\"type\": \"LineString\", \"coordinates\": [";
  for (std::size_t i = 0; i < lonlat.size(); ++i)
    s << (i ? ", " : "") << "[" << lonlat[i].first << ", " << lonlat[i].second << "]";
  s << "]}";
  return s.str();
}

// A depot and a substation joined by two roads that meet at a shared end (a junction), a road that
// ends 3 m from the depot (snapped), a power line between two substations.
std::string town_geojson() {
  return collection({
      feature(R"("id": "depot", "type": "junction", "name": "Depot")", point(24.70, 48.92)),
      feature(R"("id": "sub-a", "layer": "power", "type": "substation", "voltage_kv": 110)",
              point(24.72, 48.93)),
      feature(R"("id": "sub-b", "layer": "power", "type": "substation", "voltage_kv": "35")",
              point(24.74, 48.93)),
      feature(R"("id": "r1", "type": "road", "speed_kmh": 50, "surface": "asphalt")",
              line({{24.70003, 48.92}, {24.71, 48.925}})),
      feature(R"("id": "r2", "name": "Ring road", "surface": "gravel", "lanes": 2)",
              line({{24.71, 48.925}, {24.715, 48.93}})),
      feature(R"("id": "l1", "layer": "power", "type": "line", "capacity_mw": 80, "customers": 5)",
              line({{24.72, 48.93}, {24.73, 48.931}, {24.74, 48.93}})),
  });
}

const model::Element& element(const model::Network& net, const std::string& id) {
  const auto found = net.find(id);
  INFO(id);
  REQUIRE(found);
  return net.element(*found);
}

// Errors of one import as text, each line `FILE: feature N (id X): error: ...`.
std::string import_errors(const fs::path& path, geodata::Format format,
                          const geodata::GeoImportOptions& options = {}) {
  const auto r = geodata::import_geodata_file(path, format, options);
  REQUIRE_FALSE(r.ok());
  std::string out;
  for (const auto& d : r.diagnostics.items())
    if (d.severity == core::Severity::Error) out += core::format(d) + "\n";
  return out;
}

const char* kOsm = R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="blackstart tests">
  <node id="1" version="1" lat="48.9200" lon="24.7000"/>
  <node id="2" version="1" lat="48.9210" lon="24.7080"/>
  <node id="3" version="1" lat="48.9225" lon="24.7120"/>
  <node id="4" version="1" lat="48.9300" lon="24.7150"/>
  <node id="5" version="1" lat="48.9150" lon="24.7200"/>
  <node id="6" version="1" lat="48.9260" lon="24.7250"/>
  <node id="7" version="1" lat="48.8000" lon="24.9000"/>
  <node id="8" version="1" lat="48.8100" lon="24.9100"/>
  <node id="10" version="1" lat="48.9295" lon="24.7145"/>
  <node id="11" version="1" lat="48.9295" lon="24.7155"/>
  <node id="12" version="1" lat="48.9305" lon="24.7155"/>
  <node id="13" version="1" lat="48.9305" lon="24.7145"/>
  <node id="14" version="1" lat="48.9301" lon="24.7151"/>
  <node id="20" version="1" lat="48.9250" lon="24.7290">
    <tag k="power" v="generator"/>
    <tag k="generator:output:electricity" v="12 MW"/>
  </node>
  <node id="21" version="1" lat="48.9280" lon="24.7220"/>
  <way id="100" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/>
    <tag k="highway" v="primary"/><tag k="name" v="Main street"/></way>
  <way id="101" version="1"><nd ref="3"/><nd ref="5"/>
    <tag k="highway" v="residential"/><tag k="maxspeed" v="20 mph"/></way>
  <way id="102" version="1"><nd ref="2"/><nd ref="6"/><tag k="highway" v="footway"/></way>
  <way id="103" version="1"><nd ref="7"/><nd ref="8"/><tag k="highway" v="tertiary"/></way>
  <way id="200" version="1"><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="13"/><nd ref="10"/>
    <tag k="power" v="substation"/><tag k="voltage" v="110000;35000"/><tag k="name" v="North"/></way>
  <way id="201" version="1"><nd ref="14"/><nd ref="21"/><nd ref="20"/>
    <tag k="power" v="line"/><tag k="voltage" v="110000"/></way>
</osm>
)";

}  // namespace

TEST_CASE("GeoJSON: points become assets, lines links, shared ends junctions", "[geo]") {
  const auto dir = temp_dir("geojson");
  const auto file = write(dir / "town.geojson", town_geojson());
  geodata::GeoImportSummary summary;
  const auto r = geodata::import_geodata_file(file, geodata::Format::GeoJson, {}, &summary);
  INFO(r.diagnostics.to_string());
  REQUIRE(r.ok());
  const auto& net = r.scenario->network;
  CHECK(summary.features == 6);
  CHECK(summary.assets == 3);
  CHECK(summary.links == 3);
  CHECK(summary.junctions == 2);  // r1/r2 meet at one, r2's far end at the other
  REQUIRE(net.layers().size() == 2);
  CHECK(net.layers()[0].name == "transport");
  CHECK(net.layers()[0].kind == model::LayerKind::Transport);
  CHECK(net.layers()[1].kind == model::LayerKind::Power);

  const auto& depot = element(net, "transport/depot");
  CHECK(depot.type == "junction");
  CHECK(depot.name == "Depot");
  REQUIRE(depot.geo);
  CHECK(depot.geo->lat == 48.92);
  CHECK(depot.geo->lon == 24.70);
  // r1 starts 2.2 m from the depot: within the 5 m snap, so it joins the depot.
  const auto& r1 = element(net, "transport/r1");
  CHECK(net.element(r1.from).id == "transport/depot");
  CHECK(net.element(r1.to).id == "transport/junction-1");
  CHECK(r1.attribute("speed_kmh") == 50);
  CHECK(r1.attribute("length_km") == Approx(model::polyline_km(r1.path)));
  CHECK(r1.length_from_coordinates);
  const auto& r2 = element(net, "transport/r2");
  CHECK(r2.type == "road");  // the default link type of a transport layer
  CHECK(net.element(r2.from).id == "transport/junction-1");
  CHECK(net.element(r2.to).id == "transport/junction-2");
  CHECK(element(net, "transport/junction-2").geo->lat == 48.93);

  const auto& l1 = element(net, "power/l1");
  CHECK(net.element(l1.from).id == "power/sub-a");
  CHECK(net.element(l1.to).id == "power/sub-b");
  CHECK(l1.capacity_mw == 80);
  CHECK(l1.path.size() == 3);
  CHECK(element(net, "power/sub-a").attribute("voltage_kv") == 110);
  CHECK(element(net, "power/sub-b").attribute("voltage_kv") == 35);  // a number written as text

  std::string warnings;
  for (const auto& d : r.diagnostics.items())
    if (d.severity == core::Severity::Warning) warnings += core::format(d) + "\n";
  const std::string f = file.string();
  CHECK(warnings == f +
                        ": warning: property 'customers' (not an attribute of type 'line') ignored in 1 "
                        "feature (first: feature 6 (id l1))\n" +
                        f + ": warning: property 'lanes' ignored in 1 feature (first: feature 5 (id r2))\n" +
                        f +
                        ": warning: property 'surface' ignored in 2 features (first: feature 4 (id r1))\n");
}

TEST_CASE("GeoJSON import writes a scenario that loads, runs and is the same every time", "[geo]") {
  const auto dir = temp_dir("geojson-yaml");
  const auto file = write(dir / "town.geojson", town_geojson());
  const auto r = geodata::import_geodata_file(file, geodata::Format::GeoJson);
  REQUIRE(r.ok());
  const std::string text = geodata::geodata_scenario_yaml(*r.scenario, geodata::Format::GeoJson);
  CHECK(text ==
        geodata::geodata_scenario_yaml(*geodata::import_geodata_file(file, geodata::Format::GeoJson).scenario,
                                       geodata::Format::GeoJson));
  CHECK(text.find("      - {id: depot, type: junction, name: \"Depot\", lat: 48.92, lon: 24.7}\n") !=
        std::string::npos);
  CHECK(text.find("{id: r1, type: road, from: depot, to: junction-1, speed_kmh: 50, path: [[48.92, "
                  "24.70003], [48.925, 24.71]]}") != std::string::npos);
  const auto loaded = io::load_scenario_text(text, "town.yaml", dir);
  INFO(text << loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  const auto& a = r.scenario->network;
  const auto& b = loaded.scenario->network;
  REQUIRE(a.size() == b.size());
  for (const auto& x : a.elements()) {
    const auto& y = element(b, x.id);
    if (x.is_link) {
      CHECK(a.element(x.from).id == b.element(y.from).id);
      CHECK(a.element(x.to).id == b.element(y.to).id);
    }
    CHECK(x.attribute("length_km") == y.attribute("length_km"));
    CHECK(x.attribute("speed_kmh") == y.attribute("speed_kmh"));
  }
}

TEST_CASE("bad GeoJSON features: each a FILE: feature N (id X) error", "[geo]") {
  const auto dir = temp_dir("geojson-bad");
  const std::string f = (dir / "bad.geojson").string();
  auto errors = [&](const std::vector<std::string>& features) {
    write(f, collection(features));
    return import_errors(f, geodata::Format::GeoJson);
  };
  CHECK(errors({feature(
            R"("id": "area")",
            R"({"type": "Polygon", "coordinates": [[[24, 48], [24.1, 48], [24.1, 48.1], [24, 48]]]})")}) ==
        f + ": feature 1 (id area): error: wrong geometry type Polygon: a feature must be a Point (an asset) "
            "or a "
            "LineString (a link)\n");
  CHECK(
      errors({feature(
          R"("id": "two")",
          R"({"type": "MultiLineString", "coordinates": [[[24, 48], [24.1, 48]], [[25, 48], [25.1, 48]]]})")}) ==
      f + ": feature 1 (id two): error: wrong geometry type MultiLineString with several parts: a feature "
          "must be "
          "a Point (an asset) or a LineString (a link)\n");
  CHECK(errors({feature(R"("id": "a")", point(24, 48)), feature(R"("name": "no id")", point(24.1, 48))}) ==
        f + ": feature 2: error: missing id: every feature needs an 'id' property\n");
  CHECK(errors({feature(R"("id": "far")", point(24, 95))}) ==
        f + ": feature 1 (id far): error: coordinates out of range at point 1: lat 95, lon 24 (lat must be "
            "within "
            "-90..90 and lon within -180..180)\n");
  CHECK(errors({feature(R"("id": "r")", line({{24, 48}, {200, 48}}))}) ==
        f + ": feature 1 (id r): error: coordinates out of range at point 2: lat 48, lon 200 (lat must be "
            "within "
            "-90..90 and lon within -180..180)\n");
  CHECK(errors({feature(R"("id": "a b")", point(24, 48))}) ==
        f + ": feature 1 (id a b): error: id 'a b' must not contain '/', '*', '?', ',' or spaces\n");
  CHECK(errors({feature(R"("id": "a")", point(24, 48)), feature(R"("id": "a")", point(24.1, 48))}) ==
        f + ": feature 2 (id a): error: duplicate id 'transport/a' (also feature 1)\n");
  CHECK(
      errors({feature(R"("id": "s", "type": "substaton")", point(24, 48))}) ==
      f + ": feature 1 (id s): error: unknown asset type 'substaton' in transport layer 'transport'; known: "
          "road_segment, rail_segment, station, electric_rail_line, metro_line, tram_line, trolleybus_line, "
          "traffic_signal_zone, rail_signal_zone, traction_substation, junction\n");
  CHECK(
      errors({feature(R"("id": "p", "type": "road")", point(24, 48))}) ==
      f + ": feature 1 (id p): error: unknown asset type 'road' in transport layer 'transport': it is a link "
          "type, but the feature is a Point\n");
  CHECK(errors({feature(R"("id": "r", "speed_kmh": "fast")", line({{24, 48}, {24.1, 48}}))}) ==
        f + ": feature 1 (id r): error: property 'speed_kmh' must be a number, got 'fast'\n");
  CHECK(errors({feature(R"("id": "r", "length_km": -2)", line({{24, 48}, {24.1, 48}}))}) ==
        f + ": feature 1 (id r): error: property 'length_km' = -2 is out of range [0, 100000] km\n");
  CHECK(errors({feature(R"("id": "r")", line({{24, 48}, {24, 48}}))}) ==
        f + ": feature 1 (id r): error: a LineString needs at least two different points\n");
  CHECK(errors({feature(R"("id": "loop")", line({{24, 48}, {24.1, 48}, {24.1, 48.1}, {24, 48}}))}) ==
        f + ": feature 1 (id loop): error: both ends of the line meet asset 'junction-1'; a link needs two "
            "different ends (split the line)\n");
  CHECK(errors({feature(R"("id": "nothing")", "null")}) ==
        f + ": feature 1 (id nothing): error: no geometry: a feature must be a Point (an asset) "
            "or a LineString (a link)\n");
}

TEST_CASE("unreadable geodata files are one error, and many bad features are bounded", "[geo]") {
  const auto dir = temp_dir("unreadable");
  const auto missing = (dir / "missing.geojson").string();
  CHECK(import_errors(missing, geodata::Format::GeoJson) == missing + ": error: no such file\n");
  const auto garbage =
      write(dir / "garbage.geojson", "{\"type\": \"FeatureCollection\", \"features\": [").string();
  const auto text = import_errors(garbage, geodata::Format::GeoJson);
  CHECK(text.rfind(garbage + ": error: cannot read as GeoJSON", 0) == 0);
  CHECK(std::count(text.begin(), text.end(), '\n') == 1);
  const auto wrong_driver =
      write(dir / "roads.shp", collection({feature(R"("id": "a")", point(24, 48))})).string();
  CHECK(import_errors(wrong_driver, geodata::Format::Shapefile)
            .rfind(wrong_driver + ": error: cannot read as Shapefile", 0) == 0);
  CHECK(import_errors(dir.string(), geodata::Format::GeoJson) ==
        dir.string() + ": error: is a directory, not a GeoJSON file\n");

  std::vector<std::string> bad;
  for (int i = 0; i < 30; ++i)
    bad.push_back(feature("\"id\": \"p" + std::to_string(i) + "\"", point(24, 100)));
  const auto many = write(dir / "many.geojson", collection(bad)).string();
  const auto errors = import_errors(many, geodata::Format::GeoJson);
  CHECK(std::count(errors.begin(), errors.end(), '\n') == 21);
  CHECK(errors.find(many + ": feature 20 (id p19): error: coordinates out of range") != std::string::npos);
  CHECK(errors.find("feature 21 ") == std::string::npos);
  CHECK(errors.substr(errors.rfind(many)) == many + ": error: 10 more errors not shown (30 in all)\n");
}

TEST_CASE("GeoPackage and Shapefile written through GDAL import like GeoJSON", "[geo]") {
  GDALAllRegister();
  const auto dir = temp_dir("gdal-formats");
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  auto create = [&](const char* driver_name, const fs::path& path) {
    auto* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    REQUIRE(driver);
    return std::unique_ptr<GDALDataset>(driver->Create(path.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  };
  auto fields = [](OGRLayer* layer) {
    for (const char* name : {"id", "layer", "type"}) {
      OGRFieldDefn field(name, OFTString);
      REQUIRE(layer->CreateField(&field) == OGRERR_NONE);
    }
    OGRFieldDefn speed("speed_kmh", OFTReal);
    REQUIRE(layer->CreateField(&speed) == OGRERR_NONE);
  };
  auto add = [](OGRLayer* layer, const char* id, const char* type, const OGRGeometry& geometry,
                double speed) {
    OGRFeature f(layer->GetLayerDefn());
    f.SetField("id", id);
    f.SetField("type", type);
    if (speed > 0) f.SetField("speed_kmh", speed);
    f.SetGeometry(&geometry);
    REQUIRE(layer->CreateFeature(&f) == OGRERR_NONE);
  };
  OGRPoint a(24.70, 48.92), b(24.72, 48.93);
  OGRLineString road;
  road.addPoint(24.70, 48.92);
  road.addPoint(24.71, 48.925);
  road.addPoint(24.72, 48.93);

  // One GeoPackage with a point layer and a line layer.
  const auto gpkg = dir / "town.gpkg";
  {
    auto ds = create("GPKG", gpkg);
    REQUIRE(ds);
    auto* points = ds->CreateLayer("places", &wgs84, wkbPoint, nullptr);
    auto* lines = ds->CreateLayer("roads", &wgs84, wkbLineString, nullptr);
    fields(points);
    fields(lines);
    add(points, "a", "junction", a, 0);
    add(points, "b", "station", b, 0);
    add(lines, "road-1", "road", road, 60);
  }
  // A Shapefile holds one geometry type: the lines alone, in a projected system (UTM 35N).
  const auto shp = dir / "roads.shp";
  {
    auto ds = create("ESRI Shapefile", shp);
    REQUIRE(ds);
    OGRSpatialReference utm;
    utm.importFromEPSG(32635);
    utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    auto* lines = ds->CreateLayer("roads", &utm, wkbLineString, nullptr);
    fields(lines);
    std::unique_ptr<OGRCoordinateTransformation> to_utm(OGRCreateCoordinateTransformation(&wgs84, &utm));
    OGRLineString projected(road);
    REQUIRE(projected.transform(to_utm.get()) == OGRERR_NONE);
    CHECK(projected.getX(0) > 100000);  // metres, not degrees
    add(lines, "road-1", "road", projected, 60);
  }

  const auto from_gpkg = geodata::import_geodata_file(gpkg, geodata::Format::GeoPackage);
  INFO(from_gpkg.diagnostics.to_string());
  REQUIRE(from_gpkg.ok());
  const auto& net = from_gpkg.scenario->network;
  CHECK(net.size() == 3);
  const auto& link = element(net, "transport/road-1");
  CHECK(net.element(link.from).id == "transport/a");
  CHECK(net.element(link.to).id == "transport/b");
  CHECK(link.attribute("speed_kmh") == 60);
  const double km = model::polyline_km({{48.92, 24.70}, {48.925, 24.71}, {48.93, 24.72}});
  CHECK(link.attribute("length_km") == Approx(km));

  const auto from_shp = geodata::import_geodata_file(shp, geodata::Format::Shapefile);
  INFO(from_shp.diagnostics.to_string());
  REQUIRE(from_shp.ok());
  const auto& shp_net = from_shp.scenario->network;
  CHECK(shp_net.size() == 3);  // two junctions at the ends, one road
  const auto& shp_link = element(shp_net, "transport/road-1");
  REQUIRE(shp_link.path.size() == 3);
  // Converted back from UTM to degrees to within a millimetre or so.
  CHECK(shp_link.path[1].lat == Approx(48.925).margin(1e-8));
  CHECK(shp_link.path[1].lon == Approx(24.71).margin(1e-8));
  CHECK(shp_link.attribute("length_km") == Approx(km).epsilon(1e-6));
  // The subcommand's driver only: a GeoPackage is not a GeoJSON file.
  CHECK(import_errors(gpkg, geodata::Format::GeoJson)
            .rfind(gpkg.string() + ": error: cannot read as GeoJSON", 0) == 0);
}

TEST_CASE("formats by extension", "[geo]") {
  CHECK(geodata::format_from_extension("a/roads.GeoJSON") == geodata::Format::GeoJson);
  CHECK(geodata::format_from_extension("roads.json") == geodata::Format::GeoJson);
  CHECK(geodata::format_from_extension("town.gpkg") == geodata::Format::GeoPackage);
  CHECK(geodata::format_from_extension("roads.shp") == geodata::Format::Shapefile);
  CHECK(geodata::format_from_extension("ukraine.osm.pbf") == geodata::Format::Osm);
  CHECK(geodata::format_from_extension("town.osm") == geodata::Format::Osm);
  CHECK_FALSE(geodata::format_from_extension("roads.csv"));
  CHECK(geodata::format_title(geodata::Format::Shapefile) == "Shapefile");
}

TEST_CASE("OSM tags: speed table, maxspeed, voltage, outputs, other_tags", "[geo]") {
  CHECK(geodata::road_speed_kmh("primary") == 70.0);
  CHECK(geodata::road_speed_kmh("residential") == 30.0);
  CHECK_FALSE(geodata::road_speed_kmh("footway"));
  CHECK(geodata::parse_maxspeed("50") == 50.0);
  CHECK(geodata::parse_maxspeed("30 mph") == Approx(48.28032));
  CHECK_FALSE(geodata::parse_maxspeed("none"));
  CHECK_FALSE(geodata::parse_maxspeed("RU:urban"));
  CHECK(geodata::parse_voltage_kv("110000;35000") == 110.0);
  CHECK(geodata::parse_voltage_kv("400000") == 400.0);
  CHECK_FALSE(geodata::parse_voltage_kv("high"));
  CHECK(geodata::parse_output_mw("12 MW") == 12.0);
  CHECK(geodata::parse_output_mw("500 kW") == 0.5);
  CHECK_FALSE(geodata::parse_output_mw("yes"));
  const auto tags =
      geodata::parse_other_tags(R"("power"=>"line","name"=>"A \"quoted\" name","voltage"=>"110000")");
  REQUIRE(tags.size() == 3);
  CHECK(tags[1].second == "A \"quoted\" name");
  CHECK(tags[2].first == "voltage");
}

TEST_CASE("OSM: roads split at shared nodes with speeds, power lines join substations and plants", "[geo]") {
  const auto dir = temp_dir("osm");
  const auto file = write(dir / "town.osm", kOsm);
  geodata::GeoImportSummary summary;
  const auto r = geodata::import_geodata_file(file, geodata::Format::Osm, {}, &summary);
  INFO(r.diagnostics.to_string());
  REQUIRE(r.ok());
  CHECK(summary.osm.roads == 3);
  CHECK(summary.osm.power_lines == 1);
  CHECK(summary.osm.power_assets == 2);
  const auto& net = r.scenario->network;
  // Way 100 is cut at node 3, which way 101 shares; the footway is not a road for crews.
  const auto& first = element(net, "transport/way-100-1");
  const auto& second = element(net, "transport/way-100-2");
  CHECK(first.name == "Main street");
  CHECK(first.attribute("speed_kmh") == 70);
  CHECK(first.path.size() == 3);
  CHECK(first.to == second.from);
  const auto& side = element(net, "transport/way-101");
  CHECK(side.from == first.to);
  CHECK(side.attribute("speed_kmh") == Approx(20 * 1.609344));
  CHECK(element(net, "transport/way-103").attribute("speed_kmh") == 50);
  CHECK_FALSE(net.find("transport/way-102"));
  CHECK(summary.junctions == 6);  // nodes 1, 3, 4, 5 and the two ends of way 103
  // The substation area becomes an asset at its middle; the line starts inside it and joins it.
  const auto& sub = element(net, "power/way-200");
  CHECK(sub.type == "substation");
  CHECK(sub.name == "North");
  CHECK(sub.attribute("voltage_kv") == 110);
  CHECK(sub.geo->lat == Approx(48.93));
  CHECK(sub.geo->lon == Approx(24.715));
  const auto& gen = element(net, "power/node-20");
  CHECK(gen.type == "generator");
  CHECK(gen.capacity_mw == 12);
  const auto& line = element(net, "power/way-201");
  CHECK(line.from == *net.find("power/way-200"));
  CHECK(line.to == *net.find("power/node-20"));
  CHECK(line.attribute("voltage_kv") == 110);
  CHECK(line.path.size() == 4);  // the substation's middle, then the way's three nodes
  CHECK(r.scenario->sources.front().note ==
        "Map data (c) OpenStreetMap contributors, Open Database License (ODbL) 1.0");

  // --bbox keeps what meets the box: way 103 lies outside it.
  geodata::GeoImportOptions options;
  std::string problem;
  options.bbox = geodata::parse_bbox("24.69,48.91,24.74,48.935", problem);
  REQUIRE(options.bbox);
  const auto boxed = geodata::import_geodata_file(file, geodata::Format::Osm, options);
  REQUIRE(boxed.ok());
  CHECK_FALSE(boxed.scenario->network.find("transport/way-103"));
  CHECK(boxed.scenario->network.find("transport/way-101"));
  CHECK_FALSE(geodata::parse_bbox("24.69,48.91,24.74", problem));
  CHECK(problem == "--bbox must be minlon,minlat,maxlon,maxlat (four numbers), got '24.69,48.91,24.74'");
  CHECK_FALSE(geodata::parse_bbox("24.8,48.91,24.74,48.95", problem));
  CHECK(problem == "--bbox must have minlon < maxlon and minlat < maxlat");
  CHECK_FALSE(geodata::parse_bbox("24,48,190,49", problem));
  CHECK(problem ==
        "--bbox is out of range: longitudes must be within -180..180 and latitudes within -90..90");
}

TEST_CASE("OSM PBF: the same extract as .osm.pbf imports to the same network", "[geo]") {
  // tests/data/geo/town.osm.pbf is town.osm (= kOsm) converted once with osmium (README there).
  const fs::path data = fs::path(BLACKSTART_SOURCE_DIR) / "tests" / "data" / "geo";
  REQUIRE(read(data / "town.osm") == std::string(kOsm));
  geodata::GeoImportSummary xml_summary;
  geodata::GeoImportSummary pbf_summary;
  const auto xml = geodata::import_geodata_file(data / "town.osm", geodata::Format::Osm, {}, &xml_summary);
  const auto pbf =
      geodata::import_geodata_file(data / "town.osm.pbf", geodata::Format::Osm, {}, &pbf_summary);
  INFO(pbf.diagnostics.to_string());
  REQUIRE(xml.ok());
  REQUIRE(pbf.ok());
  CHECK(pbf_summary.osm.roads == 3);
  CHECK(pbf_summary.osm.power_lines == 1);
  CHECK(pbf_summary.osm.power_assets == 2);
  CHECK(pbf_summary.junctions == xml_summary.junctions);
  const auto& a = xml.scenario->network;
  const auto& b = pbf.scenario->network;
  REQUIRE(b.elements().size() == a.elements().size());
  for (const auto& x : a.elements()) {
    INFO(x.id);
    const auto found = b.find(x.id);
    REQUIRE(found);
    const auto& y = b.element(*found);
    CHECK(y.type == x.type);
    CHECK(y.name == x.name);
    CHECK(y.path.size() == x.path.size());
    CHECK(y.geo.has_value() == x.geo.has_value());
    if (x.geo && y.geo) {
      CHECK(y.geo->lat == Approx(x.geo->lat).margin(1e-7));  // PBF stores 100 nanodegrees
      CHECK(y.geo->lon == Approx(x.geo->lon).margin(1e-7));
    }
  }
  CHECK(element(b, "transport/way-101").attribute("speed_kmh") == Approx(20 * 1.609344));
  CHECK(element(b, "power/way-200").attribute("voltage_kv") == 110);
}

TEST_CASE("bad OSM files: unreadable, nothing to import", "[geo]") {
  const auto dir = temp_dir("osm-bad");
  const auto broken = write(dir / "broken.osm", "<osm version=\"0.6\"><node id=\"1\" lat=").string();
  const auto text = import_errors(broken, geodata::Format::Osm);
  CHECK(text.rfind(broken + ": error: ", 0) == 0);
  CHECK(std::count(text.begin(), text.end(), '\n') == 1);
  const auto empty = write(dir / "paths.osm",
                           "<osm version=\"0.6\"><node id=\"1\" version=\"1\" lat=\"48\" lon=\"24\"/>"
                           "<node id=\"2\" version=\"1\" lat=\"48.1\" lon=\"24\"/>"
                           "<way id=\"5\" version=\"1\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"highway\" "
                           "v=\"footway\"/></way></osm>")
                         .string();
  CHECK(import_errors(empty, geodata::Format::Osm) ==
        empty +
            ": error: nothing to import: no roads (highway=*) and no power infrastructure "
            "(power=substation|line|cable|plant|generator) in the file or the --bbox\n");
}

TEST_CASE("blackstart import geojson and osm: files written atomically, errors exit 1", "[geo]") {
  const auto dir = temp_dir("cli");
  const auto file = write(dir / "town.geojson", town_geojson());
  const auto out = dir / "town.yaml";
  auto r = test::run_cli("import geojson " + file.string() + " -o " + out.string() + " --quiet");
  INFO(r.output);
  CHECK(r.code == 0);
  CHECK(r.output.find("Wrote " + out.string() +
                      ": 'town', 6 features read; layers transport, power: 3 assets, 2 "
                      "junctions, 3 links") != std::string::npos);
  REQUIRE(fs::exists(out));
  CHECK(read(out) ==
        geodata::geodata_scenario_yaml(*geodata::import_geodata_file(file, geodata::Format::GeoJson).scenario,
                                       geodata::Format::GeoJson));
  const auto run = test::run_cli("run " + out.string() + " --quiet --out " + (dir / "run").string());
  INFO(run.output);
  CHECK(run.code == 0);

  // A bad file: exit 1, the message, and the earlier output left as it was.
  const auto before = read(out);
  const auto bad = write(dir / "bad.geojson", collection({feature(R"("name": "x")", point(24, 48))}));
  r = test::run_cli("import geojson " + bad.string() + " -o " + out.string());
  CHECK(r.code == 1);
  CHECK(r.output == bad.string() + ": feature 1: error: missing id: every feature needs an 'id' property\n");
  CHECK(read(out) == before);
  CHECK_FALSE(fs::exists(dir / ".town.yaml.tmp"));

  const auto osm = write(dir / "town.osm", kOsm);
  r = test::run_cli("import osm " + osm.string() + " -o " + (dir / "osm.yaml").string());
  CHECK(r.code == 0);
  CHECK(r.output.find(
            "OpenStreetMap: 3 road ways, 1 power lines and cables, 2 substations, plants and generators; ") !=
        std::string::npos);
  r = test::run_cli("import osm " + osm.string() + " --bbox 1,2,3 -o " + (dir / "osm.yaml").string());
  CHECK(r.code == 2);
  CHECK(r.output == "error: --bbox must be minlon,minlat,maxlon,maxlat (four numbers), got '1,2,3'\n");
}
