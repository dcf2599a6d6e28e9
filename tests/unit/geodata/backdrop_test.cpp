// The oblast backdrop shipped with Ukraine 2015 (scenarios/geo/ukraine-2015-backdrop.geojson): valid
// GeoJSON that GDAL reads, polygons with their source and licence named, small, and consistent with
// the scenario's places (each company's substations lie inside its own oblast).
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "blackstart/io/scenario_loader.hpp"

using namespace blackstart;

namespace {

const std::string kBackdrop =
    std::string(BLACKSTART_SOURCE_DIR) + "/scenarios/geo/ukraine-2015-backdrop.geojson";

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};

}  // namespace

TEST_CASE("Ukraine 2015 backdrop: GeoJSON polygons of the oblasts, source and licence named", "[geo]") {
  GDALAllRegister();
  CHECK(std::filesystem::file_size(kBackdrop) < 300 * 1024);
  const char* drivers[] = {"GeoJSON", nullptr};
  std::unique_ptr<GDALDataset, DatasetCloser> data(
      GDALDataset::FromHandle(GDALOpenEx(kBackdrop.c_str(), GDAL_OF_VECTOR, drivers, nullptr, nullptr)));
  REQUIRE(data);
  REQUIRE(data->GetLayerCount() == 1);
  OGRLayer* layer = data->GetLayer(0);
  CHECK(layer->GetFeatureCount() == 15);
  std::map<std::string, std::unique_ptr<OGRGeometry>> oblasts;
  for (auto& f : *layer) {
    const std::string name = f->GetFieldAsString("name");
    INFO(name);
    CHECK(std::string(f->GetFieldAsString("source")).find("Natural Earth") == 0);
    CHECK(std::string(f->GetFieldAsString("licence")).find("public domain") == 0);
    CHECK(std::string(f->GetFieldAsString("iso_3166_2")).find("UA-") == 0);
    const OGRGeometry* g = f->GetGeometryRef();
    REQUIRE(g);
    CHECK(wkbFlatten(g->getGeometryType()) == wkbPolygon);
    CHECK(g->IsValid());
    oblasts[name].reset(g->clone());
  }
  for (const char* name : {"Ivano-Frankivsk oblast", "Chernivtsi oblast", "Kyiv oblast", "Kyiv (city)"})
    CHECK(oblasts.count(name) == 1);

  // The scenario's places lie in their oblasts: Prykarpattya's substations in Ivano-Frankivsk
  // oblast, Chernivtsioblenergo's in Chernivtsi oblast, Kyivoblenergo's in Kyiv oblast.
  auto loaded = io::load_scenario_file(std::string(BLACKSTART_SOURCE_DIR) + "/scenarios/ukraine-2015.yaml");
  REQUIRE(loaded.ok());
  const std::map<std::string, std::string> oblast_of{
      {"pry", "Ivano-Frankivsk oblast"}, {"che", "Chernivtsi oblast"}, {"kyiv", "Kyiv oblast"}};
  int checked = 0, in_kyiv_city = 0;
  for (const auto& e : loaded.scenario->network.elements()) {
    if (e.type != "substation" || !oblast_of.count(e.operator_name)) continue;
    INFO(e.id);
    REQUIRE(e.geo);
    const OGRPoint p(e.geo->lon, e.geo->lat);
    // Natural Earth's 1:10m outline of the city of Kyiv is coarse and takes in the nearest suburbs
    // (Irpin, Vyshhorod, Vyshneve): Kyivoblenergo's substations there fall inside the city's polygon.
    const bool in_city = e.operator_name == "kyiv" && oblasts.at("Kyiv (city)")->Contains(&p);
    CHECK((oblasts.at(oblast_of.at(e.operator_name))->Contains(&p) || in_city));
    in_kyiv_city += in_city ? 1 : 0;
    ++checked;
  }
  CHECK(checked == 77);  // 29 + 37 + 11 substations
  CHECK(in_kyiv_city == 4);
}
