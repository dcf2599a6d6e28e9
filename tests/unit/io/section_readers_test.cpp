// Each scenario section reader on its own: a YAML snippet in, the model or the exact messages out.
#include <catch2/catch.hpp>
#include <fstream>

#include "io/classic_model_reader.hpp"
#include "io/crews_reader.hpp"
#include "io/csv_dependencies_reader.hpp"
#include "io/dependencies_reader.hpp"
#include "io/mitigations_reader.hpp"
#include "io/reader_fixture.hpp"
#include "io/settings_reader.hpp"
#include "io/sources_reader.hpp"

using namespace blackstart;
using test::ReaderFixture;
namespace fs = std::filesystem;

TEST_CASE("settings reader: top-level values and power_flow", "[io][sections]") {
  ReaderFixture f;
  const auto root = YAML::Load(
      "blackstart: 1\nname: Town\nhorizon: 8h\nreport_step: 5min\nseed: 42\npower_model: dc\n"
      "power_flow: {rating: rate_b, overload_tolerance: 1.2, trip_delay: 2min}\n");
  io::read_settings(f.yaml, root, f.scenario);
  io::read_power_flow(f.yaml, root["power_flow"], f.scenario.power_flow);
  INFO(f.messages());
  REQUIRE(f.diagnostics.empty());
  CHECK(f.scenario.name == "Town");
  CHECK(f.scenario.horizon_min == 480);
  CHECK(f.scenario.report_step_min == 5);
  CHECK(f.scenario.seed == 42);
  CHECK(f.scenario.power_flow.overload_tolerance == 1.2);
  CHECK(f.scenario.power_flow.trip_delay_min == 2);
  CHECK(f.scenario.power_flow.location.line == 7);

  ReaderFixture bad;
  io::read_settings(bad.yaml, YAML::Load("blackstart: 2\nhorizon: 0min\nseed: 1.5\npower_model: dcc\n"),
                    bad.scenario);
  CHECK(bad.messages() ==
        "test.yaml:1:13: error: unsupported scenario format version 2; this Blackstart reads version 1\n"
        "test.yaml:1:1: error: missing 'name'\n"
        "test.yaml:2:10: error: horizon must be longer than 0\n"
        "test.yaml:3:7: error: seed must be a whole number, got '1.5'\n"
        "test.yaml:4:14: error: unknown power model 'dcc' (did you mean 'dc'?); available: connectivity, dc, "
        "ac\n");
}

TEST_CASE("sources reader: titles, urls and notes", "[io][sections]") {
  ReaderFixture f;
  io::read_sources(f.yaml,
                   YAML::Load("- plain title\n- {title: Report, url: https://example.org}\n- {url: x}\n"),
                   f.scenario.sources);
  REQUIRE(f.scenario.sources.size() == 3);
  CHECK(f.scenario.sources[0].title == "plain title");
  CHECK(f.scenario.sources[1].url == "https://example.org");
  CHECK(f.messages() == "test.yaml:3:3: error: a source needs a 'title'\n");
}

TEST_CASE("crews reader: pools per operator, and damage no crew can repair", "[io][sections]") {
  ReaderFixture f;
  f.layers(test::kSmallPowerLayer);
  io::read_crews(f.yaml,
                 YAML::Load("- {operator: grid, count: 2, travel: 20min}\n"
                            "- {operator: grid, count: 1}\n"
                            "- {count: 3}\n"
                            "- {operator: it, count: -1}\n"),
                 f.scenario);
  REQUIRE(f.scenario.crews.count("grid"));
  CHECK(f.scenario.crews.at("grid").count == 2);
  CHECK(f.scenario.crews.at("grid").travel.a_min == 20);
  CHECK(f.messages() ==
        "test.yaml:2:14: error: crews for operator 'grid' are defined twice\n"
        "test.yaml:3:3: error: a crew pool needs an 'operator' (use 'default' for crews that serve every "
        "operator)\n"
        "test.yaml:4:25: error: crew count = -1 is out of range [0, 100000]\n");

  ReaderFixture w;
  w.layers(test::kSmallPowerLayer);
  model::Event trip;
  trip.id = "trip-a";
  trip.action = model::Action::Trip;
  trip.targets = {*w.scenario.network.find("power/a")};
  trip.location = {"test.yaml", 9, 3};
  w.scenario.events.push_back(trip);
  io::warn_unrepairable_damage(w.scenario, false, w.diagnostics);
  CHECK(w.messages() ==
        "test.yaml:9:3: warning: event 'trip-a' damages 'power/a', but its operator 'grid' has no crews: "
        "on-site repairs will never start\n");
  core::Diagnostics none;
  io::warn_unrepairable_damage(w.scenario, true, none);  // `crews: []` on purpose
  CHECK(none.empty());
}

// YAML and CSV dependencies share dependency_rules.cpp: the same words for the same mistake.
TEST_CASE("dependencies reader: YAML, CSV and cycles", "[io][sections]") {
  const auto dir = fs::temp_directory_path() / "blackstart-dependencies-reader";
  fs::create_directories(dir);
  std::ofstream(dir / "deps.csv") << "dependent,supplier,kind,delay\n"
                                     "power/c,power/a,power,5min\n"
                                     "power/c,power/zz,power,\n"
                                     "power/c,power/a,powr,\n"
                                     "power/c,power/a,power,-1h\n";
  ReaderFixture f(dir);
  f.layers(test::kSmallPowerLayer);
  io::read_dependencies(f.yaml,
                        YAML::Load("- {dependent: power/b, supplier: power/a, kind: control, delay: 10min}\n"
                                   "- {dependent: power/a, supplier: power/b, kind: power}\n"
                                   "- {dependent: power/b, supplier: power/a, kind: power}\n"
                                   "- {dependent: power/a, supplier: power/a, kind: power}\n"
                                   "- {dependent: power/a, supplier: \"power/*\", kind: fuel}\n"),
                        f.scenario.network);
  io::read_dependencies_csv(f.yaml, YAML::Load("deps.csv"), f.scenario.network);
  const auto& deps = f.scenario.network.dependencies();
  REQUIRE(deps.size() == 4);
  CHECK(deps[0].kind == model::DependencyKind::Control);
  CHECK(deps[0].delay_min == 10);
  CHECK(deps[3].delay_min == 5);
  CHECK(deps[3].location.line == 2);
  const std::string csv = (dir / "deps.csv").string();
  CHECK(f.messages() ==
        "test.yaml:4:3: error: 'power/a' cannot depend on itself\n"
        "test.yaml:5:34: error: supplier must name exactly one asset, but 'power/*' matches 5\n" +
            csv + ":3:9: error: 'power/zz' refers to an asset that does not exist\n" + csv +
            ":4:17: error: unknown dependency kind 'powr' (did you mean 'power'?); use power, control, "
            "monitoring, "
            "communication, fuel, access\n" +
            csv + ":5:23: error: delay must not be negative\n");
  core::Diagnostics cycles;
  io::warn_dependency_cycles(f.scenario.network, cycles);
  CHECK(cycles.to_string() ==
        "test.yaml:3:7: warning: 'power/a' is part of a cycle of hard dependencies without backup: once any "
        "member fails, none of them can come back\n");
}

TEST_CASE("mitigations reader: changes and their checks", "[io][sections]") {
  ReaderFixture f;
  f.layers(test::kSmallPowerLayer);
  model::Event e;
  e.id = "e1";
  f.scenario.events.push_back(e);
  io::read_mitigations(f.yaml,
                       YAML::Load("- name: harden\n"
                                  "  crews: [{operator: grid, count: 3}]\n"
                                  "  assets: [{targets: power/b, set: {priority: 4}, repair: {manual: 1h}}]\n"
                                  "  disable_events: e1\n"
                                  "  add_backup: {targets: power/c, autonomy: 4h}\n"
                                  "- name: harden\n"
                                  "  disable_events: [e2]\n"
                                  "  add_backup: {targets: power/c}\n"),
                       f.scenario);
  REQUIRE(f.scenario.mitigations.size() == 2);
  const auto& m = f.scenario.mitigations[0];
  REQUIRE(m.changes.size() == 5);
  CHECK(m.changes[0].kind == model::MitigationChange::Kind::SetCrews);
  CHECK(m.changes[0].crew_count == 3);
  CHECK(m.changes[1].kind == model::MitigationChange::Kind::SetAttribute);
  CHECK(m.changes[1].value == 4);
  CHECK(m.changes[2].kind == model::MitigationChange::Kind::SetRepair);
  CHECK(m.changes[3].event_id == "e1");
  CHECK(m.changes[4].backup_min == 240);
  CHECK(f.messages() ==
        "test.yaml:6:9: error: duplicate mitigation 'harden'\n"
        "test.yaml:7:20: error: disable_events names unknown event 'e2' (did you mean 'e1'?)\n"
        "test.yaml:8:15: error: add_backup needs 'autonomy'\n");
}

TEST_CASE("classic model reader: kinds, generators and foreign keys", "[io][sections]") {
  ReaderFixture f;
  io::read_classic_model(
      f.yaml, YAML::Load("{kind: motter_lai, generate: {model: barabasi_albert, n: 100, m: 2}, alpha: 0.3}"),
      f.scenario);
  INFO(f.messages());
  REQUIRE(f.scenario.classic_model);
  CHECK(f.scenario.classic_model->kind == model::ClassicModelSpec::Kind::MotterLai);
  CHECK(f.scenario.classic_model->generator == "barabasi_albert");
  CHECK(f.scenario.classic_model->n == 100);
  CHECK(f.scenario.classic_model->alpha == 0.3);

  ReaderFixture bad;
  io::read_classic_model(
      bad.yaml, YAML::Load("{kind: mutual_percolation, alpha: 2, layer_a: nope.csv, p: 2}"), bad.scenario);
  CHECK(bad.messages() ==
        "test.yaml:1:28: error: 'alpha' does not apply to kind mutual_percolation\n"
        "test.yaml:1:1: error: mutual_percolation needs 'layer_a' and 'layer_b' (CSV edge lists) or "
        "'generate'\n"
        "test.yaml:1:47: error: cannot open layer_a file 'nope.csv'\n"
        "test.yaml:1:60: error: p = 2 is out of range [0, 1]\n");
}
