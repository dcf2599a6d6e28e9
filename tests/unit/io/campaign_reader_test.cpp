// The campaign reader on its own: YAML snippets in, model::Campaign or exact messages out.
#include "io/campaign_reader.hpp"

#include <catch2/catch.hpp>

#include "io/campaign_network.hpp"

using namespace blackstart;
using model::StepEffect;
using test::ReaderFixture;

namespace {

std::string read(ReaderFixture& f, const std::string& text) {
  test::control_room(f);
  io::read_campaign(f.yaml, YAML::Load(text), f.scenario);
  return f.messages();
}

//! The messages for a campaign with the given steps (entry cyber/ws), lines counted from `steps:`.
std::string steps_messages(const std::string& steps) {
  ReaderFixture f;
  return read(f, "steps:\n" + steps + "entry: cyber/ws\n");
}

}  // namespace

TEST_CASE("campaign reader: a complete campaign becomes the right structs", "[io][campaign]") {
  ReaderFixture f;
  f.scenario.horizon_min = 2 * 1440;
  const auto messages =
      read(f,
           "name: Hijack\n"
           "description: from the office to the breaker\n"
           "entry: cyber/ws\n"
           "start: 2h\n"
           "steps:\n"
           "  - id: vpn-in\n"
           "    technique: T1133\n"
           "    description: VPN with stolen credentials\n"
           "    target: cyber/vpn\n"
           "    effect: foothold\n"
           "    time_to_compromise: {dist: lognormal, median: 1h, sigma: 0.5}\n"
           "    probability: 0.8\n"
           "    retries: 2\n"
           "  - {id: open, technique: T0831, targets: [\"power/sub*\"], effect: open_breaker,\n"
           "     requires: [hmi], requires_any: [vpn-in, hmi], not_before: 15h30min,\n"
           "     after_ready: 10min, max_targets: 1}\n"
           "  - {id: hmi, technique: T0823, target: cyber/hmi, effect: control, requires: vpn-in}\n"
           "  - {id: dos, technique: T0814, target: cyber/hmi, effect: deny_service, duration: 30min}\n"
           "  - {id: brick, technique: T0816, target: cyber/hmi, effect: deny_service,\n"
           "     duration: manual_reboot}\n"
           "objectives:\n"
           "  - {id: dark, description: a substation open, steps: [open], min_targets: 1}\n"
           "  - {steps: open}\n");
  // sub2 has no control dependency: the breaker step can never reach it.
  CHECK(messages ==
        "test.yaml:14:43: warning: step 'open' (open_breaker) acts only through control dependencies, but "
        "nothing in the scenario controls power/sub2: the step can never reach it\n");
  const auto& c = f.scenario.campaign;
  CHECK(c.name == "Hijack");
  CHECK(c.description == "from the office to the breaker");
  REQUIRE(c.entry.size() == 1);
  CHECK(f.scenario.network.element(c.entry[0]).id == "cyber/ws");
  CHECK(c.start_min == 120);
  REQUIRE(c.steps.size() == 5);
  const auto& vpn = c.steps[0];
  CHECK(vpn.id == "vpn-in");
  CHECK(vpn.technique == "T1133");
  CHECK(vpn.description == "VPN with stolen credentials");
  CHECK(vpn.target_pattern == "cyber/vpn");
  CHECK(vpn.effect == StepEffect::Foothold);
  CHECK(vpn.time_to_compromise.kind == core::DurationDistribution::Kind::Lognormal);
  CHECK(vpn.time_to_compromise.a_min == 60);
  CHECK(vpn.success_probability == 0.8);
  CHECK(vpn.retries == 2);
  CHECK(vpn.location.line == 6);
  const auto& open = c.steps[1];
  CHECK(open.effect == StepEffect::OpenBreaker);
  CHECK(open.targets.size() == 2);
  CHECK(open.target_pattern == "(list)");
  CHECK(open.requires_all == std::vector<std::uint32_t>{2});  // written before the step it needs
  CHECK(open.requires_any == std::vector<std::uint32_t>{0, 2});
  REQUIRE(open.not_before_min);
  CHECK(*open.not_before_min == 15 * 60 + 30);
  CHECK(open.delay_after_ready_min == 10);
  CHECK(open.max_targets == 1u);
  CHECK(c.steps[2].requires_all == std::vector<std::uint32_t>{0});
  CHECK(c.steps[2].time_to_compromise.a_min == 0);  // default: at once
  REQUIRE(c.steps[3].duration);
  CHECK(c.steps[3].duration->a_min == 30);
  CHECK_FALSE(c.steps[4].duration);  // until a crew reboots it
  REQUIRE(c.objectives.size() == 2);
  CHECK(c.objectives[0].id == "dark");
  CHECK(c.objectives[0].description == "a substation open");
  CHECK(c.objectives[0].steps == std::vector<std::uint32_t>{1});
  CHECK(c.objectives[1].id == "objective-2");
  CHECK(c.objectives[1].min_targets == 1);
}

TEST_CASE("campaign reader: the campaign's own keys", "[io][campaign]") {
  ReaderFixture f;
  f.scenario.horizon_min = 60;
  CHECK(
      read(f, "{start: 2h, steps: [], nme: x}") ==
      "test.yaml:1:24: error: unknown key 'nme' in the campaign (did you mean 'name'?); allowed: name, "
      "description, entry, start, steps, objectives\n"
      "test.yaml:1:1: error: the campaign needs 'entry': the assets the attacker holds at its start (e.g. a "
      "phished workstation)\n"
      "test.yaml:1:9: warning: the campaign starts after the horizon and will not run\n"
      "test.yaml:1:20: warning: the campaign has no steps: it does nothing\n");
  ReaderFixture g;
  CHECK(read(g, "{entry: cyber/wss}") ==
        "test.yaml:1:9: error: entry 'cyber/wss' refers to an asset that does not exist (did you mean "
        "'cyber/ws'?)\n"
        "test.yaml:1:1: error: the campaign needs 'steps': the attack steps, each {id, technique, target, "
        "effect, ...}\n");
}

TEST_CASE("campaign reader: wrong step fields, each with its exact message", "[io][campaign]") {
  CHECK(steps_messages("  - {id: a, technique: T831, target: cyber/vpn, effect: foothold}\n") ==
        "test.yaml:2:24: error: technique 'T831' is not a MITRE ATT&CK id such as T0831\n");
  CHECK(steps_messages("  - {id: a, target: cyber/vpn, effect: opn_breaker}\n") ==
        "test.yaml:2:40: error: unknown effect 'opn_breaker' (did you mean 'open_breaker'?); use foothold, "
        "control, credentials, wipe, destroy_firmware, deny_service, disable_backup, open_breaker, trip, "
        "change_setpoint\n");
  CHECK(
      steps_messages("  - {id: a, effect: foothold}\n") ==
      "test.yaml:2:5: error: step 'a' needs 'target': the assets it is tried on (an id, a glob or a list)\n");
  CHECK(steps_messages("  - {id: a, target: cyber/vpn}\n") ==
        "test.yaml:2:5: error: step 'a' needs an 'effect'; use foothold, control, credentials, wipe, "
        "destroy_firmware, deny_service, disable_backup, open_breaker, trip, change_setpoint\n");
  CHECK(steps_messages("  - {id: a, target: cyber/vpn, targets: cyber/hmi, effect: foothold}\n") ==
        "test.yaml:2:41: error: step 'a': give 'target' or 'targets', not both\n");
  CHECK(steps_messages("  - {id: a, target: cyber/vpn, effect: foothold, probability: 1.5}\n") ==
        "test.yaml:2:63: error: probability = 1.5 is out of range [0, 1]\n");
  CHECK(steps_messages("  - {id: a, target: cyber/vpn, effect: foothold, time_to_compromise: -1h}\n") ==
        "test.yaml:2:70: error: time_to_compromise must not be negative\n");
  CHECK(steps_messages("  - {id: a, target: cyber/vpn, effect: foothold, retries: -1, max_targets: 0}\n") ==
        "test.yaml:2:59: error: retries = -1 is out of range [0, 100000]\n"
        "test.yaml:2:76: error: max_targets = 0 is out of range [1, 1e+09]\n");
  CHECK(steps_messages("  - {id: a, target: cyber/vpn, effect: change_setpoint, setpoint: 1.5}\n") ==
        "test.yaml:2:67: error: setpoint = 1.5 is out of range [0, 1]\n"
        "test.yaml:2:21: warning: step 'a' (change_setpoint) acts only through control dependencies, but "
        "nothing in the scenario controls cyber/vpn: the step can never reach it\n");
  CHECK(steps_messages("  - {id: a, target: cyber/vpn, effect: foothold, setpoint: 0.5}\n") ==
        "test.yaml:2:60: warning: 'setpoint' only applies to change_setpoint steps\n");
  CHECK(steps_messages("  - {id: a, target: cyber/vpn, effect: foothold, duration: 1h}\n") ==
        "test.yaml:2:60: warning: 'duration' only applies to deny_service and change_setpoint steps\n");
  CHECK(steps_messages(
            "  - {id: a, target: cyber/vpn, effect: foothold, not_before: 2d, after_ready: -5min}\n") ==
        "test.yaml:2:62: warning: step 'a' waits until after the horizon and will not run\n"
        "test.yaml:2:79: error: after_ready must not be negative\n");
  CHECK(
      steps_messages("  - {id: a, target: cyber/vpn, effect: foothold, at: 1h}\n") ==
      "test.yaml:2:50: error: unknown key 'at' in an attack step (did you mean 'id'?); allowed: id, "
      "technique, description, "
      "target, targets, requires, requires_any, effect, time_to_compromise, probability, retries, duration, "
      "not_before, after_ready, max_targets, setpoint\n");
}

TEST_CASE("campaign reader: prerequisites name known steps and form no cycle", "[io][campaign]") {
  CHECK(steps_messages("  - {id: vpn-in, target: cyber/vpn, effect: foothold}\n"
                       "  - {id: vpn-in, target: cyber/hmi, effect: control, requires: vpn-inn}\n") ==
        "test.yaml:3:10: error: duplicate step id 'vpn-in'\n"
        "test.yaml:3:64: error: step 'vpn-in': 'requires' names unknown step 'vpn-inn' (did you mean "
        "'vpn-in'?)\n");
  CHECK(steps_messages("  - {id: a, target: cyber/vpn, effect: foothold, requires: a}\n") ==
        "test.yaml:2:60: error: step 'a' can never run: its prerequisites form a cycle (a -> a)\n");
  // b and c wait for each other; d waits for the cycle and is not reported on its own; e can run
  // through its other alternative.
  CHECK(steps_messages("  - {id: d, target: cyber/vpn, effect: foothold, requires: c}\n"
                       "  - {id: b, target: cyber/vpn, effect: foothold, requires_any: [c]}\n"
                       "  - {id: c, target: cyber/vpn, effect: foothold, requires: [b]}\n"
                       "  - {id: e, target: cyber/vpn, effect: foothold, requires_any: [c, f]}\n"
                       "  - {id: f, target: cyber/vpn, effect: foothold}\n") ==
        "test.yaml:3:64: error: step 'b' can never run: its prerequisites form a cycle (b -> c -> b)\n");
}

TEST_CASE("campaign reader: objectives", "[io][campaign]") {
  ReaderFixture f;
  CHECK(
      read(f,
           "entry: cyber/ws\n"
           "steps: [{id: open, target: power/sub, effect: open_breaker}]\n"
           "objectives:\n"
           "  - {id: x, steps: [opn]}\n"
           "  - {id: x, steps: open, min_targets: 2}\n"
           "  - {id: y}\n") ==
      "test.yaml:4:21: error: objective 'x': 'steps' names unknown step 'opn' (did you mean 'open'?)\n"
      "test.yaml:5:10: error: duplicate objective id 'x'\n"
      "test.yaml:5:39: warning: objective 'x' needs 2 successful targets, but its steps have only 1: it can "
      "never be reached\n"
      "test.yaml:6:5: error: objective 'y' needs 'steps': the steps whose success it counts\n");
}

TEST_CASE("campaign reader: a start before the run (the dwell)", "[io][campaign]") {
  ReaderFixture f;
  CHECK(read(f, "{entry: cyber/ws, start: -270d, steps: [{target: cyber/vpn, effect: foothold}]}").empty());
  CHECK(f.scenario.campaign.start_min == -270 * 1440.0);
  ReaderFixture g;
  CHECK(read(g, "{entry: cyber/ws, start: -1d12h, steps: [{target: cyber/vpn, effect: foothold}]}").empty());
  CHECK(g.scenario.campaign.start_min == -36 * 60.0);
  ReaderFixture h;
  CHECK(read(h, "{entry: cyber/ws, start: -2x, steps: [{target: cyber/vpn, effect: foothold}]}")
            .rfind("test.yaml:1:26: error: start: ", 0) == 0);
}
