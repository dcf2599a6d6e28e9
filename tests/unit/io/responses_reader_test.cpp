// The responses reader on its own: playbooks in, model::Response or exact messages out.
#include "io/responses_reader.hpp"

#include <catch2/catch.hpp>

#include "io/campaign_network.hpp"

using namespace blackstart;
using test::ReaderFixture;

namespace {

//! Reads `text` after the control room and a one-step campaign that uses T1133.
std::string read(ReaderFixture& f, const std::string& text) {
  test::control_room(f);
  model::AttackStep step;
  step.id = "vpn-in";
  step.technique = "T1133";
  f.scenario.campaign.steps.push_back(step);
  io::read_responses(f.yaml, YAML::Load(text), f.scenario);
  return f.messages();
}

std::string messages(const std::string& text) {
  ReaderFixture f;
  return read(f, text);
}

}  // namespace

TEST_CASE("responses reader: playbooks become the right structs", "[io][responses]") {
  ReaderFixture f;
  const auto text =
      read(f,
           "- name: isolate-ot\n"
           "  description: cut the OT link\n"
           "  on: [T1133, \"T08*\"]\n"
           "  delay: {dist: uniform, min: 5min, max: 15min}\n"
           "  action: isolate\n"
           "  targets: cyber/ot\n"
           "- {name: reset, action: revoke_credentials, enabled: false}\n"
           "- {name: manual, action: manual_operations, targets: [\"power/sub*\"], delay: 2min}\n");
  INFO(text);
  // T08* matches no step of the campaign: a warning, not an error.
  CHECK(text ==
        "test.yaml:3:7: warning: response 'isolate-ot' reacts to T08*, which no step of the campaign uses\n");
  const auto& responses = f.scenario.responses;
  REQUIRE(responses.size() == 3);
  const auto& isolate = responses[0];
  CHECK(isolate.name == "isolate-ot");
  CHECK(isolate.description == "cut the OT link");
  CHECK(isolate.enabled);
  CHECK(isolate.on_techniques == std::vector<std::string>{"T1133", "T08*"});
  CHECK(isolate.delay.kind == core::DurationDistribution::Kind::Uniform);
  CHECK(isolate.delay.a_min == 5);
  CHECK(isolate.action == model::ResponseAction::Isolate);
  REQUIRE(isolate.targets.size() == 1);
  CHECK(f.scenario.network.element(isolate.targets[0]).id == "cyber/ot");
  CHECK(isolate.target_pattern == "cyber/ot");
  CHECK(isolate.location.line == 1);
  CHECK(responses[1].action == model::ResponseAction::RevokeCredentials);
  CHECK_FALSE(responses[1].enabled);
  CHECK(responses[1].on_techniques.empty());  // any alert
  CHECK(responses[1].delay.a_min == 0);
  CHECK(responses[2].action == model::ResponseAction::ManualOperations);
  CHECK(responses[2].targets.size() == 2);
}

TEST_CASE("responses reader: wrong playbooks, each with its exact message", "[io][responses]") {
  CHECK(messages("- {action: isolate, targets: cyber/ot}\n") ==
        "test.yaml:1:3: error: a response needs a 'name'\n");
  CHECK(messages("- {name: a, action: isolat, targets: cyber/ot}\n") ==
        "test.yaml:1:21: error: unknown response action 'isolat' (did you mean 'isolate'?); use isolate, "
        "revoke_credentials, manual_operations, restore_from_backup\n");
  CHECK(messages("- {name: a, targets: cyber/ot}\n") ==
        "test.yaml:1:3: error: response 'a' needs an 'action'; use isolate, revoke_credentials, "
        "manual_operations, restore_from_backup\n");
  CHECK(messages("- {name: a, action: restore_from_backup}\n") ==
        "test.yaml:1:3: error: response 'a' needs 'targets': what restore_from_backup acts on\n");
  CHECK(messages("- {name: a, action: revoke_credentials, targets: cyber/ot}\n") ==
        "test.yaml:1:50: warning: 'targets' has no effect on revoke_credentials: every stolen credential is "
        "revoked\n");
  CHECK(messages("- {name: a, action: isolate, targets: cyber/ott, delay: -5min, on: T1566.01}\n") ==
        "test.yaml:1:68: error: technique 'T1566.01' is not a MITRE ATT&CK id such as T0831, nor a prefix "
        "pattern such as T1566*\n"
        "test.yaml:1:57: error: delay must not be negative\n"
        "test.yaml:1:39: error: target 'cyber/ott' refers to an asset that does not exist (did you mean "
        "'cyber/ot'?)\n");
  CHECK(messages("- {name: a, action: isolate, targets: cyber/ot}\n- {name: a, action: isolate, targets: "
                 "cyber/ot}\n") == "test.yaml:2:10: error: duplicate response 'a'\n");
  CHECK(messages("- {name: a, action: isolate, targets: cyber/ot, when: T1133}\n") ==
        "test.yaml:1:49: error: unknown key 'when' in a response; allowed: name, description, enabled, on, "
        "delay, "
        "action, targets\n");
}
