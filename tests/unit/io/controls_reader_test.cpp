// The controls reader on its own: full definitions, references into a library with overrides, and
// the exact messages for wrong input.
#include "io/controls_reader.hpp"

#include <catch2/catch.hpp>

#include "io/reader_fixture.hpp"

using namespace blackstart;
using test::ReaderFixture;

namespace {

//! A one-control library, so that overrides are checked against known values.
std::vector<model::Control> small_library() {
  model::Control c;
  c.name = "lib-a";
  c.mitigation_id = "M0930";
  c.description = "from the library";
  c.source = "library source";
  model::Countermeasure block;
  block.techniques = {"T0822", "T1133"};
  block.block_probability = 0.6;
  block.delay_factor = 2;
  model::Countermeasure other;
  other.techniques = {"T0886"};
  other.block_probability = 0.3;
  c.countermeasures = {block, other};
  return {c};
}

std::string messages(const std::string& text) {
  ReaderFixture f;
  io::read_controls(f.yaml, YAML::Load(text), small_library(), f.scenario.controls);
  return f.messages();
}

}  // namespace

TEST_CASE("controls reader: full definitions and library references", "[io][controls]") {
  ReaderFixture f;
  io::read_controls(
      f.yaml,
      YAML::Load("- name: vpn-mfa\n"
                 "  mitigation: M0932\n"
                 "  description: MFA on the VPN\n"
                 "  source: vendor test report\n"
                 "  assumptions: ASSUMPTION - as tested\n"
                 "  enabled: false\n"
                 "  counters:\n"
                 "    - {techniques: [T1133, \"T1078*\"], block: 0.95, delay_factor: 2, delay: 30min}\n"
                 "    - {techniques: T0859, detect: 0.5, time_to_detect: {dist: uniform, min: 1h, max: 3h}}\n"
                 "- use: lib-a\n"
                 "- {use: lib-a, name: lib-a-weak, enabled: false, block: 0.1, description: half done}\n"
                 "- use: lib-a\n"
                 "  name: lib-a-detects\n"
                 "  counters: [{techniques: T0822, detect: 1}]\n"),
      small_library(), f.scenario.controls);
  INFO(f.messages());
  REQUIRE(f.diagnostics.empty());
  const auto& controls = f.scenario.controls;
  REQUIRE(controls.size() == 4);
  const auto& mfa = controls[0];
  CHECK(mfa.name == "vpn-mfa");
  CHECK(mfa.mitigation_id == "M0932");
  CHECK(mfa.description == "MFA on the VPN");
  CHECK(mfa.source == "vendor test report");
  CHECK(mfa.assumptions == "ASSUMPTION - as tested");
  CHECK_FALSE(mfa.enabled);
  CHECK(mfa.location.line == 1);
  REQUIRE(mfa.countermeasures.size() == 2);
  CHECK(mfa.countermeasures[0].techniques == std::vector<std::string>{"T1133", "T1078*"});
  CHECK(mfa.countermeasures[0].block_probability == 0.95);
  CHECK(mfa.countermeasures[0].delay_factor == 2);
  CHECK(mfa.countermeasures[0].delay_added_min == 30);
  CHECK(mfa.countermeasures[0].detect_probability == 0);
  CHECK(mfa.countermeasures[1].techniques == std::vector<std::string>{"T0859"});
  CHECK(mfa.countermeasures[1].detect_probability == 0.5);
  CHECK(mfa.countermeasures[1].time_to_detect.kind == core::DurationDistribution::Kind::Uniform);
  CHECK(mfa.countermeasures[1].block_probability == 0);
  CHECK(mfa.countermeasures[1].delay_factor == 1);

  // A reference is the library's control, on by default, located where the scenario uses it.
  const auto& lib = controls[1];
  CHECK(lib.name == "lib-a");
  CHECK(lib.enabled);
  CHECK(lib.mitigation_id == "M0930");
  CHECK(lib.source == "library source");
  CHECK(lib.location.line == 10);
  REQUIRE(lib.countermeasures.size() == 2);
  CHECK(lib.countermeasures[0].block_probability == 0.6);

  // A number at the top of a reference replaces it in every countermeasure; the rest stays.
  const auto& weak = controls[2];
  CHECK(weak.name == "lib-a-weak");
  CHECK_FALSE(weak.enabled);
  CHECK(weak.description == "half done");
  CHECK(weak.countermeasures[0].block_probability == 0.1);
  CHECK(weak.countermeasures[0].delay_factor == 2);
  CHECK(weak.countermeasures[1].block_probability == 0.1);

  // `counters` replaces the library's list.
  const auto& detects = controls[3];
  REQUIRE(detects.countermeasures.size() == 1);
  CHECK(detects.countermeasures[0].detect_probability == 1);
  CHECK(detects.countermeasures[0].block_probability == 0);
}

TEST_CASE("controls reader: wrong definitions, each with its exact message", "[io][controls]") {
  CHECK(messages("- {mitigation: M0932, counters: [{techniques: T1133, block: 1}]}\n") ==
        "test.yaml:1:3: error: a control needs a 'name' (or 'use: NAME' to take one from the library)\n");
  CHECK(messages("- {name: a, mitigation: M932, counters: [{techniques: T1133, block: 2}]}\n") ==
        "test.yaml:1:25: error: mitigation 'M932' is not a MITRE ATT&CK mitigation id such as M0932\n"
        "test.yaml:1:69: error: block = 2 is out of range [0, 1]\n"
        "test.yaml:1:42: warning: this countermeasure neither blocks, delays nor detects: give block, "
        "delay_factor, delay or detect\n");
  CHECK(messages("- {name: a, counters: [{block: 0.5}]}\n") ==
        "test.yaml:1:24: error: a countermeasure needs 'techniques': the ATT&CK techniques it counters\n");
  CHECK(messages("- {name: a, counters: [{techniques: [T1566x*, T1566.0012], block: 0.5}]}\n") ==
        "test.yaml:1:38: error: technique 'T1566x*' is not a MITRE ATT&CK id such as T0831, nor a prefix "
        "pattern such as T1566*\n"
        "test.yaml:1:47: error: technique 'T1566.0012' is not a MITRE ATT&CK id such as T0831, nor a prefix "
        "pattern such as T1566*\n");
  CHECK(messages("- {name: a, counters: [{techniques: T1133, delay_factor: 0.5, delay: -1h}]}\n") ==
        "test.yaml:1:58: error: delay_factor = 0.5 is out of range [1, 1e+06]\n"
        "test.yaml:1:70: error: delay must not be negative\n"
        "test.yaml:1:24: warning: this countermeasure neither blocks, delays nor detects: give block, "
        "delay_factor, delay or detect\n");
  CHECK(messages("- {name: a, counters: [{techniques: T1133, block: 0.5, time_to_detect: 1h}]}\n") ==
        "test.yaml:1:72: warning: 'time_to_detect' has no effect without 'detect'\n");
  CHECK(messages("- {name: a}\n- {name: b, counters: T1133}\n- {name: c, counters: []}\n") ==
        "test.yaml:1:3: error: control 'a' needs 'counters': the techniques it blocks, delays or detects\n"
        "test.yaml:2:23: error: control 'b': 'counters' must be a list of {techniques, block, delay_factor, "
        "delay, detect, time_to_detect}\n"
        "test.yaml:3:23: error: control 'c': 'counters' must be a list of {techniques, block, delay_factor, "
        "delay, detect, time_to_detect}\n");
  CHECK(messages("- {name: a, counters: [{techniques: T1133, block: 1}]}\n"
                 "- {name: a, counters: [{techniques: T1133, detect: 1}]}\n") ==
        "test.yaml:2:10: error: duplicate control 'a'\n");
  CHECK(messages("controls: []\n") ==
        "test.yaml:1:1: error: 'controls' must be a list of controls, each {name, mitigation, counters, ...} "
        "or "
        "{use: NAME}\n");
}

TEST_CASE("controls reader: wrong library references", "[io][controls]") {
  CHECK(messages("- use: lib-b\n") ==
        "test.yaml:1:8: error: unknown library control 'lib-b' (did you mean 'lib-a'?); the library has "
        "lib-a\n");
  CHECK(
      messages("- {use: lib-a, blok: 1}\n") ==
      "test.yaml:1:16: error: unknown key 'blok' in a control (did you mean 'block'?); allowed: use, name, "
      "mitigation, description, source, assumptions, enabled, counters, block, delay_factor, delay, detect, "
      "time_to_detect\n");
  CHECK(messages("- {use: lib-a, block: 0, delay_factor: 1}\n") ==
        "test.yaml:1:3: warning: control 'lib-a' neither blocks, delays nor detects anything\n");
  CHECK(messages("- use: lib-a\n- use: lib-a\n") == "test.yaml:2:3: error: duplicate control 'lib-a'\n");
}
