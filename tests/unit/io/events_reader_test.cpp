// The events reader on its own: YAML snippets in, model::Event structs or exact messages out.
#include "io/events_reader.hpp"

#include <catch2/catch.hpp>

#include "io/reader_fixture.hpp"

using namespace blackstart;
using test::ReaderFixture;

TEST_CASE("events reader: a complete event becomes the right struct", "[io][events]") {
  ReaderFixture f;
  f.layers(test::kSmallPowerLayer);
  f.scenario.horizon_min = 600;
  io::read_events(
      f.yaml,
      YAML::Load("- id: hmi-attack\n"
                 "  at: 15min\n"
                 "  action: open_breaker\n"
                 "  targets: \"power/*\"\n"
                 "  technique: T0831\n"
                 "  description: opens breakers\n"
                 "  probability: {dist: uniform, min: 0.2, max: 0.6}\n"
                 "  choose: 2\n"
                 "  select: highest_degree\n"
                 "- {at: 1h, action: deny_service, targets: [power/b, power/a], duration: 30min}\n"),
      f.scenario);
  INFO(f.messages());
  REQUIRE(f.diagnostics.empty());
  REQUIRE(f.scenario.events.size() == 2);
  const auto& e = f.scenario.events[0];
  CHECK(e.id == "hmi-attack");
  CHECK(e.at_min == 15);
  CHECK(e.action == model::Action::OpenBreaker);
  CHECK(e.target_pattern == "power/*");
  CHECK(e.targets.size() == 5);  // three assets and two links
  CHECK(e.technique == "T0831");
  CHECK(e.description == "opens breakers");
  CHECK(e.probability.kind == core::DurationDistribution::Kind::Uniform);
  CHECK(e.probability.a_min == 0.2);
  CHECK(e.choose == 2);
  CHECK(e.selection == model::Event::Selection::HighestDegree);
  CHECK(e.location.file == "test.yaml");
  CHECK(e.location.line == 1);
  CHECK(e.location.column == 3);

  const auto& dos = f.scenario.events[1];
  CHECK(dos.id == "event-2");  // the n-th event without an id
  CHECK(dos.action == model::Action::DenyService);
  CHECK(dos.target_pattern == "(list)");
  CHECK(dos.targets == std::vector<model::ElementIndex>{*f.scenario.network.find("power/a"),
                                                        *f.scenario.network.find("power/b")});
  REQUIRE(dos.duration);
  CHECK(dos.duration->a_min == 30);
  CHECK(dos.location.line == 10);
}

TEST_CASE("events reader: every problem with its line and column", "[io][events]") {
  ReaderFixture f;
  f.layers(test::kSmallPowerLayer);
  f.scenario.horizon_min = 120;
  io::read_events(
      f.yaml,
      YAML::Load("- {id: e1, at: 5min, action: opne_breaker, targets: power/a}\n"
                 "- {id: e1, at: -5min, action: trip, targets: power/zz, technique: X0831}\n"
                 "- {id: e3, at: 3h, action: trip, targets: \"power/q*\", select: best}\n"
                 "- {id: e4, action: deny_service, targets: a, probability: 1.5}\n"
                 "- {id: e5, at: 1min, action: trip, targets: power/a, duration: 1h, when: now}\n"),
      f.scenario);
  const std::string expected =
      "test.yaml:1:30: error: unknown action 'opne_breaker' (did you mean 'open_breaker'?); use "
      "open_breaker, "
      "trip, damage, compromise, destroy_firmware, wipe, deny_service, disable_backup, restore, switch_off\n"
      "test.yaml:2:8: error: duplicate event id 'e1'\n"
      "test.yaml:2:16: error: at must not be negative\n"
      "test.yaml:2:46: error: target 'power/zz' refers to an asset that does not exist (did you mean "
      "'power/a'?)\n"
      "test.yaml:2:67: error: technique 'X0831' is not a MITRE ATT&CK id such as T0831\n"
      "test.yaml:3:16: warning: event 'e3' is after the horizon and will not happen\n"
      "test.yaml:3:43: error: target 'power/q*' matches no asset (did you mean 'power/a'?)\n"
      "test.yaml:3:63: error: unknown selection 'best'; use random, highest_degree, highest_betweenness\n"
      "test.yaml:3:63: error: 'select' needs 'choose: k' (how many targets to pick)\n"
      "test.yaml:4:3: error: event 'e4' needs 'at' (time after the scenario start, e.g. 15min)\n"
      "test.yaml:4:43: error: target 'a' refers to an asset that does not exist (ids are written "
      "layer/asset, e.g. power/a)\n"
      "test.yaml:4:59: error: probability = 1.5 is out of range [0, 1]\n"
      "test.yaml:4:3: error: deny_service event 'e4' needs a 'duration'\n"
      "test.yaml:5:68: error: unknown key 'when' in an event; allowed: id, at, action, targets, technique, "
      "description, duration, probability, choose, select\n"
      "test.yaml:5:64: warning: 'duration' only applies to deny_service events\n";
  CHECK(f.messages() == expected);
}

TEST_CASE("events reader: 'events' must be a list", "[io][events]") {
  ReaderFixture f;
  io::read_events(f.yaml, YAML::Load("{id: e1}"), f.scenario);
  CHECK(f.messages() == "test.yaml:1:1: error: 'events' must be a list\n");
}

TEST_CASE("events reader: ATT&CK technique ids", "[io][events]") {
  CHECK(io::is_attack_technique_id("T0831"));
  CHECK(io::is_attack_technique_id("T1566.001"));
  CHECK_FALSE(io::is_attack_technique_id("T083"));
  CHECK_FALSE(io::is_attack_technique_id("T1566.01"));
  CHECK_FALSE(io::is_attack_technique_id("t0831"));
  CHECK_FALSE(io::is_attack_technique_id(""));
}
