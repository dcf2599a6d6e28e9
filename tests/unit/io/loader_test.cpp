#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "blackstart/io/csv.hpp"
#include "blackstart/io/scenario_loader.hpp"

using namespace blackstart;
namespace fs = std::filesystem;

namespace {
io::LoadResult load_text(const std::string& text, const fs::path& dir = ".") {
  return io::load_scenario_text(text, "test.yaml", dir);
}
const char* kHeader = "blackstart: 1\nname: t\n";
}  // namespace

TEST_CASE("layers load from CSV files relative to the scenario", "[io]") {
  const auto dir = fs::temp_directory_path() / "blackstart-loader-csv";
  fs::create_directories(dir);
  std::ofstream(dir / "nodes.csv") << "id,type,capacity_mw,load_mw,customers,lat,lon\n"
                                      "src,infeed,,,,50.4,30.5\n"
                                      "bus,substation,,,,,\n"
                                      "\"ld,1\",load,,3.5,1200,,\n";
  std::ofstream(dir / "edges.csv") << "u,v\nsrc,bus\nbus,\"ld,1\"\n";
  std::ofstream(dir / "deps.csv") << "from,to,kind\ncyber/hmi,power/bus,power\n";
  const auto r = load_text(std::string(kHeader) +
                               "layers:\n  - {name: power, assets_csv: nodes.csv, links_csv: edges.csv}\n"
                               "  - name: cyber\n    assets: [{id: hmi, type: hmi}]\n"
                               "dependencies_csv: deps.csv\n",
                           dir);
  // An id with a comma is not allowed: the CSV's row and column are named.
  REQUIRE_FALSE(r.ok());
  CHECK(r.diagnostics.to_string().find("nodes.csv:4:1: error: asset id 'ld,1'") != std::string::npos);

  std::ofstream(dir / "nodes.csv") << "id,type,capacity_mw,load_mw,customers,lat,lon\n"
                                      "src,infeed,,,,50.4,30.5\nbus,substation,,,,,\nld,load,,3.5,1200,,\n";
  std::ofstream(dir / "edges.csv") << "u,v\nsrc,bus\nbus,ld\n";
  const auto ok = load_text(std::string(kHeader) +
                                "layers:\n  - {name: power, assets_csv: nodes.csv, links_csv: edges.csv}\n"
                                "  - name: cyber\n    assets: [{id: hmi, type: hmi}]\n"
                                "dependencies_csv: deps.csv\n",
                            dir);
  INFO(ok.diagnostics.to_string());
  REQUIRE(ok.ok());
  const auto& net = ok.scenario->network;
  CHECK(net.size() == 6);  // 4 assets + 2 links
  const auto& ld = net.element(*net.find("power/ld"));
  CHECK(ld.load_mw == 3.5);
  CHECK(ld.customers == 1200);
  CHECK(ld.role == model::Role::Load);
  const auto& src = net.element(*net.find("power/src"));
  REQUIRE(src.position);
  CHECK(src.position->geographic);
  CHECK(src.position->y == Approx(50.4));
  REQUIRE(net.dependencies().size() == 1);
  CHECK(net.element(net.dependencies()[0].dependent).id == "cyber/hmi");
  CHECK(net.dependencies()[0].kind == model::DependencyKind::Power);
}

TEST_CASE("every problem in a file is reported in one pass", "[io]") {
  const auto r = load_text(std::string(kHeader) +
                           "layers:\n"
                           "  - name: power\n"
                           "    assets:\n"
                           "      - {id: a, type: infeed, capacity_mw: -5}\n"
                           "      - {id: b, type: lode}\n"
                           "events:\n"
                           "  - {id: e, at: 5min, action: opne_breaker, targets: power/c}\n");
  REQUIRE_FALSE(r.ok());
  const auto text = r.diagnostics.to_string();
  CHECK(r.diagnostics.error_count() == 4);
  CHECK(text.find("test.yaml:6:31: error: capacity_mw must not be negative (got -5)") != std::string::npos);
  CHECK(text.find("test.yaml:7:23: error: unknown asset type 'lode'") != std::string::npos);
  CHECK(text.find("(did you mean 'load'?)") != std::string::npos);
  CHECK(text.find("unknown action 'opne_breaker' (did you mean 'open_breaker'?)") != std::string::npos);
  CHECK(text.find("target 'power/c' refers to an asset that does not exist") != std::string::npos);
}

TEST_CASE("warnings do not stop a load", "[io]") {
  const auto r =
      load_text(std::string(kHeader) +
                "horizon: 1h\n"
                "layers:\n  - name: other\n    assets: [{id: a, type: plant}, {id: b, type: plant}]\n"
                "dependencies:\n  - {dependent: other/a, supplier: other/b, kind: fuel}\n"
                "  - {dependent: other/b, supplier: other/a, kind: power}\n"
                "events:\n  - {id: late, at: 2h, action: trip, targets: other/a}\n");
  REQUIRE(r.ok());
  const auto text = r.diagnostics.to_string();
  CHECK(text.find("warning: event 'late' is after the horizon") != std::string::npos);
  CHECK(text.find("cycle of hard dependencies without backup") != std::string::npos);
}

TEST_CASE("CSV parsing handles quotes and reports ragged rows", "[io]") {
  core::Diagnostics d;
  const auto t = io::parse_csv("a,b\n\"x,\"\"y\"\"\",2\n3\n", "f.csv", d);
  REQUIRE(t);
  REQUIRE(t->rows.size() == 1);
  CHECK(t->rows[0].fields[0] == "x,\"y\"");
  REQUIRE(d.has_errors());
  CHECK(core::format(d.items()[0]) == "f.csv:3:1: error: row has 1 fields but the header has 2");
  CHECK(io::csv_escape("a,b") == "\"a,b\"");
}

TEST_CASE("atomic writes leave no temporary file and replace the target", "[io]") {
  const auto dir = fs::temp_directory_path() / "blackstart-atomic";
  fs::create_directories(dir);
  std::string error;
  REQUIRE(io::write_file_atomically(dir / "x.txt", "one", &error));
  REQUIRE(io::write_file_atomically(dir / "x.txt", "two", &error));
  std::ifstream in(dir / "x.txt");
  std::string content;
  in >> content;
  CHECK(content == "two");
  CHECK_FALSE(fs::exists(dir / ".x.txt.tmp"));
  CHECK_FALSE(io::write_file_atomically(dir / "no-such-dir" / "x.txt", "three", &error));
  CHECK(error.find("cannot write") != std::string::npos);
}
