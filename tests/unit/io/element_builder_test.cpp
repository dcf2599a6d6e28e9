// One element builder for the YAML and the CSV paths: the same rule gives the same words, only the
// place it points to differs (a YAML node, a CSV cell).
#include "io/element_builder.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "io/reader_fixture.hpp"

using namespace blackstart;
namespace fs = std::filesystem;

TEST_CASE("element builder: rules on their own", "[io][elements]") {
  model::Network network;
  const auto power = network.add_layer("power", model::LayerKind::Power);
  io::ElementBuilder builder(network);
  std::vector<std::string> said;
  const io::ElementBuilder::Report report = [&](const std::string& m) { said.push_back(m); };

  CHECK(io::ElementBuilder::valid_id("sub-1", "asset id", report));
  CHECK_FALSE(io::ElementBuilder::valid_id("", "asset id", report));
  CHECK_FALSE(io::ElementBuilder::valid_id("a b", "link id", report));

  model::Element a;
  a.local_id = "a";
  a.type = "infeed";
  a.layer = power;
  const auto* infeed = builder.resolve_type(power, "infeed", false, report);
  REQUIRE(infeed);
  builder.set_field(a, infeed, "capacity_mw", "12.5", "column 'capacity_mw'", report, report);
  builder.set_field(a, infeed, "capacity_mw", "lots", "column 'capacity_mw'", report, report);
  builder.set_field(a, infeed, "speed", "fast", "column 'speed'", report, report);
  builder.set_field(a, infeed, "recoverable_firmware", "maybe", "column 'recoverable_firmware'", report,
                    report);
  builder.set_field(a, infeed, "operator", "grid", "column 'operator'", report, report);
  CHECK(a.capacity_mw == 12.5);
  CHECK(a.operator_name == "grid");
  io::ElementBuilder::set_position(a, {true, "1", report}, {}, {}, {}, report);
  io::ElementBuilder::set_position(a, {}, {}, {true, "50.4", report}, {true, "30.5", report}, report);
  REQUIRE(a.position);
  CHECK(a.position->geographic);
  CHECK(a.position->x == 30.5);
  CHECK(builder.add_asset(power, a, report));
  CHECK_FALSE(builder.add_asset(power, a, report));

  model::Element link;
  link.local_id = builder.generated_link_id(power);
  CHECK(link.local_id == "link-1");
  CHECK(builder.default_link_type(power) == "line");
  const auto end = builder.endpoint(power, "a", report);
  REQUIRE(end);
  CHECK_FALSE(builder.endpoint(power, "power/b", report));
  CHECK_FALSE(builder.add_link(power, link, *end, *end, "a", report, report));

  CHECK(said ==
        std::vector<std::string>{
            "asset id must not be empty",
            "link id 'a b' must not contain '/', '*', '?', ',' or spaces",
            "column 'capacity_mw' must be a number, got 'lots'",
            "unknown attribute 'speed' for type 'infeed'; it takes: voltage_kv, priority, capacity_mw, "
            "pg_mw, qg_mvar, pmin_mw, qmax_mvar, qmin_mvar, vg_pu",
            "recoverable_firmware must be true or false",
            "position needs both x and y",
            "duplicate id 'power/a'",
            "link end 'power/b' is not an asset of layer 'power'",
            "link 'link-1' connects asset 'a' to itself",
        });
}

TEST_CASE("element builder: YAML and CSV assets say the same thing", "[io][elements]") {
  const auto dir = fs::temp_directory_path() / "blackstart-element-builder";
  fs::create_directories(dir);
  std::ofstream(dir / "assets.csv") << "id,type,load_mw,x,lat,lon\n"
                                       "a b,load,,,,\n"
                                       "ok,load,4,1,,\n"
                                       "ok,load,,,,\n"
                                       "bad,load,,,95,10\n";
  std::ofstream(dir / "links.csv") << "from,to,id\nok,ok,l1\n";
  test::ReaderFixture f(dir);
  f.layers(
      "- name: power\n"
      "  assets:\n"
      "    - {id: a b, type: load}\n"
      "    - {id: y, type: load, position: {x: 1}}\n"
      "    - {id: y, type: load}\n"
      "    - {id: z, type: load, position: {lat: 95, lon: 10}}\n"
      "  links: [{id: l0, from: y, to: y}]\n"
      "  assets_csv: assets.csv\n"
      "  links_csv: links.csv\n");
  const std::string csv = (dir / "assets.csv").string(), links = (dir / "links.csv").string();
  CHECK(f.messages() ==
        "test.yaml:3:12: error: asset id 'a b' must not contain '/', '*', '?', ',' or spaces\n"
        "test.yaml:4:37: error: position needs both x and y\n"
        "test.yaml:5:12: error: duplicate id 'power/y'\n"
        "test.yaml:6:43: error: lat = 95 is out of range [-90, 90] degrees\n" +
            csv + ":2:1: error: asset id 'a b' must not contain '/', '*', '?', ',' or spaces\n" + csv +
            ":3:11: error: position needs both x and y\n" + csv + ":4:1: error: duplicate id 'power/ok'\n" +
            csv +
            ":5:12: error: lat = 95 is out of range [-90, 90] degrees\n"
            "test.yaml:7:11: error: link 'l0' connects asset 'y' to itself\n" +
            links + ":2:1: error: link 'l1' connects asset 'ok' to itself\n");
}
