// Mitigations that switch controls and responses and change detection: read from YAML, then applied.
#include <catch2/catch.hpp>

#include "blackstart/io/control_library.hpp"
#include "io/mitigations_reader.hpp"
#include "io/reader_fixture.hpp"

using namespace blackstart;
using Kind = model::MitigationChange::Kind;
using test::ReaderFixture;

namespace {

//! A scenario with one control (`ids`, off) and one response (`isolate`, on).
void defence(model::Scenario& scenario) {
  model::Control ids;
  ids.name = "ids";
  ids.enabled = false;
  model::Countermeasure m;
  m.techniques = {"T1133"};
  m.detect_probability = 1;
  ids.countermeasures = {m};
  scenario.controls.push_back(ids);
  model::Response isolate;
  isolate.name = "isolate";
  scenario.responses.push_back(isolate);
}

}  // namespace

TEST_CASE("mitigations reader: switching controls and responses, detection settings", "[io][mitigations]") {
  ReaderFixture f;
  f.layers(test::kSmallPowerLayer);
  defence(f.scenario);
  io::read_mitigations(
      f.yaml,
      YAML::Load("- name: defended\n"
                 "  enable_controls: [ids, user-training]\n"
                 "  disable_controls: mfa-remote-access\n"
                 "  disable_responses: isolate\n"
                 "  restoration: {detection: 2min, detection_without_view: {dist: uniform, min: 10min, "
                 "max: 20min}}\n"
                 "- name: undefended\n"
                 "  disable_controls: [ids]\n"
                 "  enable_responses: [isolate]\n"
                 "  restoration: {detection_without_view: 2h}\n"),
      f.scenario);
  INFO(f.messages());
  REQUIRE(f.diagnostics.empty());
  REQUIRE(f.scenario.mitigations.size() == 2);
  const auto& on = f.scenario.mitigations[0].changes;
  REQUIRE(on.size() == 5);
  CHECK(on[0].kind == Kind::EnableControl);
  CHECK(on[0].name == "ids");
  CHECK_FALSE(on[0].control);  // the scenario has it
  CHECK(on[1].kind == Kind::EnableControl);
  CHECK(on[1].name == "user-training");
  REQUIRE(on[1].control);  // taken from the library, to be added when switched on
  CHECK(on[1].control->mitigation_id == "M0917");
  CHECK(on[2].kind == Kind::DisableControl);
  CHECK(on[2].name == "mfa-remote-access");
  CHECK(on[3].kind == Kind::DisableResponse);
  CHECK(on[4].kind == Kind::SetRestoration);
  REQUIRE(on[4].detection);
  CHECK(on[4].detection->a_min == 2);
  REQUIRE(on[4].detection_without_view);
  CHECK(on[4].detection_without_view->kind == core::DurationDistribution::Kind::Uniform);
  const auto& off = f.scenario.mitigations[1].changes;
  REQUIRE(off.size() == 3);
  CHECK(off[1].kind == Kind::EnableResponse);
  CHECK_FALSE(off[2].detection);
  CHECK(off[2].detection_without_view->a_min == 120);
}

TEST_CASE("mitigations reader: unknown controls and responses, empty restoration", "[io][mitigations]") {
  ReaderFixture f;
  f.layers(test::kSmallPowerLayer);
  defence(f.scenario);
  io::read_mitigations(f.yaml,
                       YAML::Load("- name: m\n"
                                  "  enable_controls: [idss, user-trainin]\n"
                                  "  disable_controls: [{name: ids}]\n"
                                  "  enable_responses: isolat\n"
                                  "  restoration: {}\n"
                                  "- name: n\n"
                                  "  restoration: {detect: 5min}\n"),
                       f.scenario);
  CHECK(f.messages() ==
        "test.yaml:2:21: error: enable_controls names unknown control 'idss' (did you mean 'ids'?): it is "
        "neither in the scenario's 'controls' nor in the library\n"
        "test.yaml:2:27: error: enable_controls names unknown control 'user-trainin' (did you mean "
        "'user-training'?): it is neither in the scenario's 'controls' nor in the library\n"
        "test.yaml:3:22: error: disable_controls must be a name or a list of names\n"
        "test.yaml:4:21: error: enable_responses names unknown response 'isolat' (did you mean 'isolate'?)\n"
        "test.yaml:5:16: error: restoration needs 'detection' or 'detection_without_view'\n"
        "test.yaml:7:17: error: unknown key 'detect' in restoration; allowed: detection, "
        "detection_without_view\n"
        "test.yaml:7:16: error: restoration needs 'detection' or 'detection_without_view'\n");
}

TEST_CASE("apply_mitigations: controls, library controls, responses and detection", "[model][mitigations]") {
  model::Scenario base;
  defence(base);
  model::Mitigation defended;
  defended.name = "defended";
  model::MitigationChange ids;
  ids.kind = Kind::EnableControl;
  ids.name = "ids";
  model::MitigationChange training;
  training.kind = Kind::EnableControl;
  training.name = "user-training";
  training.control = *io::find_library_control("user-training");
  training.control->enabled = false;  // as a mitigation copies it; switching it on is the change's job
  model::MitigationChange no_response;
  no_response.kind = Kind::DisableResponse;
  no_response.name = "isolate";
  model::MitigationChange detection;
  detection.kind = Kind::SetRestoration;
  detection.detection = core::DurationDistribution::fixed(1);
  defended.changes = {ids, training, no_response, detection};
  model::Mitigation undefended;
  undefended.name = "undefended";
  model::MitigationChange training_off = training;
  training_off.kind = Kind::DisableControl;
  model::MitigationChange ids_off = ids;
  ids_off.kind = Kind::DisableControl;
  undefended.changes = {training_off, ids_off};
  base.mitigations = {defended, undefended};

  model::Scenario s = base;
  REQUIRE_FALSE(model::apply_mitigations(s, {"defended"}).has_errors());
  REQUIRE(s.controls.size() == 2);
  CHECK(s.controls[0].enabled);
  CHECK(s.controls[1].name == "user-training");
  CHECK(s.controls[1].enabled);
  CHECK(s.controls[1].mitigation_id == "M0917");
  CHECK_FALSE(s.responses[0].enabled);
  CHECK(s.restoration.detection.a_min == 1);
  CHECK(s.restoration.detection_without_view.a_min == 30);  // untouched

  // Later mitigations override earlier ones; switching off a library control the scenario does
  // not hold changes nothing.
  model::Scenario t = base;
  REQUIRE_FALSE(model::apply_mitigations(t, {"defended", "undefended"}).has_errors());
  REQUIRE(t.controls.size() == 2);
  CHECK_FALSE(t.controls[0].enabled);
  CHECK_FALSE(t.controls[1].enabled);
  model::Scenario u = base;
  REQUIRE_FALSE(model::apply_mitigations(u, {"undefended"}).has_errors());
  CHECK(u.controls.size() == 1);
  // Applying twice does not add the library control twice.
  model::Scenario v = base;
  REQUIRE_FALSE(model::apply_mitigations(v, {"defended", "defended"}).has_errors());
  CHECK(v.controls.size() == 2);
}
