// End to end: a small scenario written in YAML with a campaign, controls, a response and
// mitigations that switch them, loaded and run. The attacker phishes nothing here: it starts on a
// workstation, goes through the VPN into the control network, hijacks the HMI and opens the
// substation the HMI controls through its RTU.
#include <catch2/catch.hpp>

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/io/scenario_loader.hpp"
#include "blackstart/sim/simulator.hpp"

using namespace blackstart;
using Status = sim::AttackRecord::Status;

namespace {

const char* kScenario = R"(blackstart: 1
name: Control-room hijack
horizon: 6h
layers:
  - name: power
    assets:
      - {id: infeed, type: infeed}
      - {id: sub, type: substation, operator: grid}
      - {id: town, type: load, load_mw: 5, customers: 4000, operator: grid}
    links:
      - {from: infeed, to: sub}
      - {from: sub, to: town}
  - name: cyber
    assets:
      - {id: ws, type: workstation, operator: it}
      - {id: vpn, type: vpn_gateway, operator: it}
      - {id: hmi, type: hmi, operator: grid}
      - {id: rtu, type: rtu, operator: grid}
    links:
      - {id: lan, from: ws, to: vpn, type: network_link}
      - {id: ot, from: vpn, to: hmi, type: network_link}
dependencies:
  - {dependent: power/sub, supplier: cyber/rtu, kind: control}
  - {dependent: cyber/rtu, supplier: cyber/hmi, kind: control}
crews:
  - {operator: grid, count: 1, travel: 30min}
campaign:
  entry: cyber/ws
  steps:
    - {id: vpn-in, technique: T1133, target: cyber/vpn, effect: foothold, time_to_compromise: 1h}
    - {id: hijack-hmi, technique: T0823, target: cyber/hmi, effect: control, requires: vpn-in,
       time_to_compromise: 30min}
    - {id: open, technique: T0831, target: power/sub, effect: open_breaker, requires: hijack-hmi,
       time_to_compromise: 5min}
  objectives:
    - {id: blackout, steps: [open]}
controls:
  - {use: mfa-remote-access, enabled: false, block: 1}
  - name: vpn-logging
    enabled: false
    counters:
      - {techniques: T1133, detect: 1, time_to_detect: 10min}
responses:
  - {name: isolate-ot, action: isolate, targets: cyber/ot, delay: 5min, on: [T1133]}
mitigations:
  - name: vpn-mfa
    enable_controls: mfa-remote-access
  - name: logging
    enable_controls: vpn-logging
  - name: logging-without-response
    enable_controls: vpn-logging
    disable_responses: isolate-ot
)";

model::Scenario load(const std::vector<std::string>& mitigations = {}) {
  auto loaded = io::load_scenario_text(kScenario, "campaign.yaml", ".");
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  REQUIRE(loaded.diagnostics.empty());
  REQUIRE_FALSE(model::apply_mitigations(*loaded.scenario, mitigations).has_errors());
  return *loaded.scenario;
}

const sim::StateChange* opened(const model::Scenario& s, const sim::RunResult& r) {
  const auto sub = *s.network.find("power/sub");
  for (const auto& c : r.changes)
    if (c.element == sub && c.change == sim::ChangeKind::State && c.to == sim::State::Failed) return &c;
  return nullptr;
}

std::size_t count(const sim::RunResult& r, Status status) {
  std::size_t n = 0;
  for (const auto& a : r.attack_log) n += a.status == status ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("campaign scenario: without the control the breaker opens, with it it does not",
          "[scenario][campaign]") {
  const auto scenario = load();
  REQUIRE(scenario.campaign.steps.size() == 3);
  REQUIRE(scenario.controls.size() == 2);
  CHECK(scenario.controls[0].mitigation_id == "M0932");  // from the library
  const auto r = sim::simulate(scenario);
  const auto* open = opened(scenario, r);
  REQUIRE(open);
  CHECK(open->time_min == 60 + 30 + 5);
  CHECK(open->cause.kind == sim::CauseKind::Attack);
  CHECK(r.attack.objectives_reached == 1);
  REQUIRE(r.attack.time_to_objective_min);
  CHECK(*r.attack.time_to_objective_min == 95);

  const auto mfa = load({"vpn-mfa"});
  const auto blocked = sim::simulate(mfa);
  CHECK(opened(mfa, blocked) == nullptr);
  CHECK(blocked.attack.steps_blocked == 1);
  CHECK(blocked.attack.steps_succeeded == 0);
  CHECK(blocked.attack.objectives_reached == 0);
}

TEST_CASE("campaign scenario: detection stops the attack only with a response", "[scenario][campaign]") {
  const auto logging = load({"logging"});
  const auto stopped = sim::simulate(logging);
  // VPN foothold at 60, alert at 70, the OT link isolated at 75: the HMI is never reached.
  REQUIRE(stopped.attack.first_detection_min);
  CHECK(*stopped.attack.first_detection_min == 70);
  CHECK(opened(logging, stopped) == nullptr);
  CHECK(stopped.attack.objectives_reached == 0);

  const auto watching = load({"logging-without-response"});
  const auto seen = sim::simulate(watching);
  CHECK(count(seen, Status::Detected) == 1);
  const auto* open = opened(watching, seen);
  REQUIRE(open);
  CHECK(open->time_min == 95);
}

TEST_CASE("campaign scenario: a library control a mitigation switches on joins the run",
          "[scenario][campaign]") {
  auto loaded = io::load_scenario_text(std::string(kScenario) +
                                           "  - name: segmentation\n"
                                           "    enable_controls: it-ot-segmentation\n",
                                       "campaign.yaml", ".");
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  auto scenario = *loaded.scenario;
  REQUIRE_FALSE(model::apply_mitigations(scenario, {"segmentation"}).has_errors());
  REQUIRE(scenario.controls.size() == 3);
  CHECK(scenario.controls[2].name == "it-ot-segmentation");
  CHECK(scenario.controls[2].enabled);
  // It counters T1133 with a delay: the VPN step takes longer, whatever the block draw says.
  const auto r = sim::simulate(scenario);
  bool vpn_attempt_ended_late = false;
  for (const auto& a : r.attack_log)
    if (a.step == 0 && (a.status == Status::Succeeded || a.status == Status::Blocked))
      vpn_attempt_ended_late = vpn_attempt_ended_late || a.time_min >= 120;
  CHECK(vpn_attempt_ended_late);
}

TEST_CASE("campaign scenario: scenarios without a campaign load as before", "[scenario][campaign]") {
  for (const auto& builtin : io::builtin_scenarios()) {
    INFO(builtin.name);
    const auto loaded = io::load_builtin_scenario(builtin.name);
    REQUIRE(loaded.ok());
    CHECK(loaded.scenario->format_version == 1);
  }
  const auto tutorial = io::load_builtin_scenario("tutorial");
  REQUIRE(tutorial.ok());
  CHECK(tutorial.scenario->campaign.empty());
  CHECK(tutorial.scenario->controls.empty());
  CHECK(tutorial.scenario->responses.empty());
  CHECK_FALSE(sim::simulate(*tutorial.scenario).attack.has_campaign);
}
