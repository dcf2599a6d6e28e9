// The attack campaign and the defence on small hand-built networks: prerequisites, reach over links
// and through control, controls that block, delay and detect, responses, timing and determinism.
#include <catch2/catch.hpp>

#include "blackstart/metrics/metrics.hpp"
#include "blackstart/report/attack_log.hpp"
#include "blackstart/report/explain_text.hpp"
#include "blackstart/report/report.hpp"
#include "blackstart/sim/explain.hpp"
#include "blackstart/sim/simulator.hpp"
#include "support/cause_text.hpp"
#include "support/control_room.hpp"
#include "support/network_builder.hpp"

using namespace blackstart;
using model::Action;
using model::DependencyKind;
using model::ResponseAction;
using model::StepEffect;
using Status = sim::AttackRecord::Status;
using test::AssetSpec;
using test::ControlRoom;
using test::Feeder;

namespace {

sim::RunOptions with_seed(std::uint64_t seed) {
  sim::RunOptions options;
  options.seed = seed;
  return options;
}

std::vector<sim::AttackRecord> with_status(const sim::RunResult& r, Status status) {
  std::vector<sim::AttackRecord> out;
  for (const auto& a : r.attack_log)
    if (a.status == status) out.push_back(a);
  return out;
}

const sim::StateChange* first_to(const sim::RunResult& r, model::ElementIndex x, sim::State to) {
  for (const auto& c : r.changes)
    if (c.element == x && c.change == sim::ChangeKind::State && c.to == to) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("campaign: steps run in order of their prerequisites and open what the HMI controls",
          "[sim][campaign]") {
  ControlRoom room;
  const auto r = sim::simulate(room.scenario());
  const auto* opened = first_to(r, room.f.sub, sim::State::Failed);
  REQUIRE(opened);
  CHECK(opened->time_min == 60 + 30 + 5);
  CHECK(opened->cause.kind == sim::CauseKind::Attack);
  CHECK(test::cause_text(room.scenario(), *opened) == "open");
  CHECK(test::detail_text(room.scenario(), *opened) == "open_breaker (T0831) from cyber/hmi");
  CHECK(first_to(r, room.hmi, sim::State::Compromised)->time_min == 90);
  CHECK(r.attack.steps_succeeded == 4);  // the HMI is hijacked again after the crew cleans it up
  CHECK(r.attack.objectives_reached == 1);
  REQUIRE(r.attack.time_to_objective_min);
  CHECK(*r.attack.time_to_objective_min == 95);
  CHECK_FALSE(r.attack.first_detection_min);
  CHECK(metrics::summarize(r).peak_customers_without_power == 1000);

  SECTION("explain walks from the load to the breaker, the step, and the attacker's way in") {
    const auto chain = sim::explain(r, room.f.load, 100);
    const auto text = report::explain_text(room.scenario(), chain);
    INFO(text);
    REQUIRE(chain.size() == 6);  // load <- line <- sub (attack step) <- hmi <- vpn <- ws (entry)
    CHECK(chain[2].element == room.f.sub);
    CHECK(chain[2].change.cause.kind == sim::CauseKind::Attack);
    CHECK(chain[3].element == room.hmi);
    REQUIRE(chain[3].attack);
    CHECK(chain[3].attack->step == 1);
    CHECK(chain[4].element == room.vpn);
    CHECK(chain[5].element == room.ws);
    CHECK(chain[5].entry_point);
    CHECK(text.find("because of attack step 'open' (open_breaker (T0831) from cyber/hmi)") !=
          std::string::npos);
    CHECK(text.find("cyber/hmi held by the attacker since 1h30min through attack step 'hijack-hmi' (T0823) "
                    "from cyber/vpn") != std::string::npos);
    CHECK(text.find("cyber/ws held by the attacker from the start of the campaign (entry point)") !=
          std::string::npos);
  }
}

TEST_CASE("campaign: a cut link closes the path without naming any attack step", "[sim][campaign]") {
  ControlRoom room;
  room.f.world.event("cable-cut", 0, Action::Damage, {room.lan});
  room.scenario().network.element(room.lan).operator_name = "it";  // no crew mends it within the run
  const auto r = sim::simulate(room.scenario());
  CHECK(r.attack.steps_succeeded == 0);
  CHECK(r.attack_log.empty());
  CHECK(first_to(r, room.f.sub, sim::State::Failed) == nullptr);
  CHECK(r.attack.objectives_reached == 0);
  CHECK_FALSE(r.attack.time_to_objective_min);
}

TEST_CASE("campaign: a hijacked HMI can only open what it controls", "[sim][campaign]") {
  ControlRoom room;
  auto& w = room.f.world;
  auto other = w.asset("power/sub-2", "substation");
  w.link("power/l-2", room.f.infeed, other);
  w.scenario.campaign.steps[2].targets = {room.f.sub, other};
  const auto r = sim::simulate(room.scenario());
  CHECK(first_to(r, room.f.sub, sim::State::Failed));
  CHECK(first_to(r, other, sim::State::Failed) == nullptr);
  for (const auto& a : r.attack_log) CHECK(a.target != other);
}

TEST_CASE("campaign: all-of waits for every prerequisite, any-of for the first", "[sim][campaign]") {
  ControlRoom room;
  auto& w = room.f.world;
  auto hist = w.asset("cyber/historian", "historian", {0, 0, 0, 0, "it"});
  w.link("cyber/lan-2", room.ws, hist, "network_link");
  w.step("historian", "T0811", StepEffect::Foothold, {hist}, 200);  // step 3
  SECTION("all of") {
    w.scenario.campaign.steps[1].requires_all = {0, 3};
    const auto r = sim::simulate(room.scenario());
    CHECK(first_to(r, room.hmi, sim::State::Compromised)->time_min == 200 + 30);
  }
  SECTION("any of") {
    w.scenario.campaign.steps[1].requires_all.clear();
    w.scenario.campaign.steps[1].requires_any = {0, 3};
    const auto r = sim::simulate(room.scenario());
    CHECK(first_to(r, room.hmi, sim::State::Compromised)->time_min == 60 + 30);
  }
}

TEST_CASE("controls: blocking, delaying, and detection with and without a response", "[sim][campaign]") {
  ControlRoom room;
  auto& w = room.f.world;
  const auto baseline = sim::simulate(room.scenario());
  const double baseline_cmi = metrics::summarize(baseline).customer_minutes_interrupted;
  REQUIRE(baseline_cmi > 0);

  SECTION("MFA that always blocks the VPN step: nothing physical happens") {
    w.control("vpn-mfa", {"T1133"}, 1.0).mitigation_id = "M0932";
    const auto r = sim::simulate(room.scenario());
    const auto blocked = with_status(r, Status::Blocked);
    REQUIRE(blocked.size() == 1);
    CHECK(blocked[0].step == 0);
    CHECK(blocked[0].control == 0);
    CHECK(r.attack.steps_blocked == 1);
    CHECK(first_to(r, room.f.sub, sim::State::Failed) == nullptr);
    CHECK(metrics::summarize(r).customer_minutes_interrupted == 0);
  }
  SECTION("a control that blocks another technique changes nothing") {
    w.control("allowlisting", {"T1204*"}, 1.0);
    const auto r = sim::simulate(room.scenario());
    CHECK(r.attack_log.size() == baseline.attack_log.size());
    CHECK(metrics::summarize(r).customer_minutes_interrupted == baseline_cmi);
  }
  SECTION("a delaying control: time to compromise doubled plus 30 min") {
    auto& c = w.control("slow-vpn", {"T1133"}, 0.0);
    c.countermeasures[0].delay_factor = 2;
    c.countermeasures[0].delay_added_min = 30;
    const auto r = sim::simulate(room.scenario());
    CHECK(first_to(r, room.f.sub, sim::State::Failed)->time_min == 2 * 60 + 30 + 30 + 5);
  }
  SECTION("detection without a response changes nothing but the log") {
    w.control("ids", {"T1133"}, 0.0, 1.0, 10);
    const auto r = sim::simulate(room.scenario());
    const auto detected = with_status(r, Status::Detected);
    REQUIRE(detected.size() == 1);
    CHECK(detected[0].time_min == 70);
    REQUIRE(r.attack.first_detection_min);
    CHECK(*r.attack.first_detection_min == 70);
    CHECK(metrics::summarize(r).customer_minutes_interrupted == baseline_cmi);
    CHECK(r.changes.size() == baseline.changes.size());
  }
  SECTION("detection with a response that isolates the OT link stops the campaign") {
    w.control("ids", {"T1133"}, 0.0, 1.0, 10);
    w.response("isolate-ot", ResponseAction::Isolate, {room.ot}, 5);
    const auto r = sim::simulate(room.scenario());
    // The VPN foothold came at 60, the alert at 70, the isolation at 75: the HMI was never reached.
    CHECK(first_to(r, room.ot, sim::State::Failed)->time_min == 75);
    CHECK(first_to(r, room.ot, sim::State::Failed)->cause.kind == sim::CauseKind::Response);
    CHECK(first_to(r, room.hmi, sim::State::Compromised) == nullptr);
    CHECK(first_to(r, room.f.sub, sim::State::Failed) == nullptr);
    CHECK(with_status(r, Status::Failed).size() == 1);  // the HMI attempt lost its path
    CHECK(r.attack.objectives_reached == 0);
    // The isolated link stays out: it says so when asked why.
    const auto why = sim::why_still_down(room.scenario(), r, room.ot, 600);
    REQUIRE(why.size() == 1);
    CHECK(why[0].reason == sim::StillDown::Reason::Isolated);
  }
  SECTION("a response that comes too late changes nothing") {
    w.control("ids", {"T1133"}, 0.0, 1.0, 10);
    w.response("isolate-ot", ResponseAction::Isolate, {room.ot}, 60);  // at 130, after the opening at 95
    const auto r = sim::simulate(room.scenario());
    CHECK(first_to(r, room.f.sub, sim::State::Failed)->time_min == 95);
  }
  SECTION("manual operations block the breaker step") {
    w.control("ot-monitoring", {"T0823"}, 0.0, 1.0, 0);
    w.response("manual-ops", ResponseAction::ManualOperations, {room.f.sub}, 2);
    const auto r = sim::simulate(room.scenario());
    CHECK(first_to(r, room.hmi, sim::State::Compromised)->time_min == 90);
    CHECK(first_to(r, room.f.sub, sim::State::Failed) == nullptr);
    CHECK(r.attack.objectives_reached == 0);
  }
}

TEST_CASE("responses: revoking credentials evicts what the attacker reached with them", "[sim][campaign]") {
  ControlRoom room;
  auto& w = room.f.world;
  auto& steps = w.scenario.campaign.steps;
  steps.insert(steps.begin(), model::AttackStep{});  // step 0: credential theft on the workstation
  steps[0].id = "dump-creds";
  steps[0].technique = "T1003";
  steps[0].effect = StepEffect::Credentials;
  steps[0].targets = {room.ws};
  steps[0].time_to_compromise = core::DurationDistribution::fixed(10);
  steps[1].requires_all = {0};  // the VPN needs the credentials
  steps[2].requires_all = {1};
  steps[3].requires_all = {2};
  w.scenario.campaign.objectives[0].steps = {3};
  steps[2].time_to_compromise = core::DurationDistribution::fixed(300);  // slow HMI step
  w.control("vpn-logging", {"T1133"}, 0.0, 1.0, 5);
  w.response("reset-passwords", ResponseAction::RevokeCredentials, {}, 10);
  const auto r = sim::simulate(room.scenario());
  // creds at 10, VPN at 70, alert at 75, revocation at 85: the VPN foothold is evicted.
  const auto evicted = with_status(r, Status::Evicted);
  REQUIRE_FALSE(evicted.empty());
  CHECK(evicted[0].target == room.vpn);
  CHECK(evicted[0].time_min == 85);
  CHECK(evicted[0].response == 0);
  // The attacker still sits on the workstation and steals the new passwords: a delay, not a stop.
  const auto opened = first_to(r, room.f.sub, sim::State::Failed);
  REQUIRE(opened);
  CHECK(opened->time_min > 10 + 60 + 300 + 5);
}

TEST_CASE("campaign: timed launch, retries, and a denial of service that needs a reboot", "[sim][campaign]") {
  ControlRoom room;
  auto& w = room.f.world;
  SECTION("the breaker step waits for its launch time") {
    w.scenario.campaign.steps[2].not_before_min = 900;
    const auto r = sim::simulate(room.scenario());
    CHECK(first_to(r, room.f.sub, sim::State::Failed)->time_min == 905);
  }
  SECTION("a step that never succeeds is tried 1 + retries times") {
    w.scenario.campaign.steps[0].success_probability = 0.0;
    w.scenario.campaign.steps[0].retries = 2;
    const auto r = sim::simulate(room.scenario());
    CHECK(with_status(r, Status::Failed).size() == 3);
    CHECK(with_status(r, Status::Started).size() == 3);
    CHECK(r.attack.steps_succeeded == 0);
    CHECK(with_status(r, Status::Failed).back().time_min == 180);
  }
  SECTION("a denial of service without duration lasts until a crew reboots the device") {
    w.step("brick-rtu", "T0814", StepEffect::DenyService, {room.rtu}, 1).requires_all = {1};
    const auto r = sim::simulate(room.scenario());
    const auto* down = first_to(r, room.rtu, sim::State::Failed);
    REQUIRE(down);
    CHECK(down->time_min == 91);
    const auto* back = first_to(r, room.rtu, sim::State::Restored);
    REQUIRE(back);
    CHECK(back->cause.kind == sim::CauseKind::Restoration);
    CHECK(test::cause_text(room.scenario(), *back) == "crew:grid");
  }
}

TEST_CASE("campaign: uncertain steps are reproducible and controls keep the other draws", "[sim][campaign]") {
  ControlRoom room;
  auto& w = room.f.world;
  for (auto& step : w.scenario.campaign.steps) {
    step.time_to_compromise = {core::DurationDistribution::Kind::Lognormal, 60, 0, 0, 0.8};
    step.success_probability = 0.7;
    step.retries = 3;
  }
  const auto a = sim::simulate(room.scenario(), with_seed(7));
  const auto b = sim::simulate(room.scenario(), with_seed(7));
  REQUIRE(a.attack_log.size() == b.attack_log.size());
  for (std::size_t i = 0; i < a.attack_log.size(); ++i) {
    CHECK(a.attack_log[i].time_min == b.attack_log[i].time_min);
    CHECK(a.attack_log[i].status == b.attack_log[i].status);
  }
  // A control on a technique the campaign does not use leaves every draw as it was.
  w.control("unrelated", {"T9999"}, 0.5, 0.5, 10);
  const auto c = sim::simulate(room.scenario(), with_seed(7));
  REQUIRE(c.attack_log.size() == a.attack_log.size());
  for (std::size_t i = 0; i < a.attack_log.size(); ++i)
    CHECK(c.attack_log[i].time_min == a.attack_log[i].time_min);
  // Another seed gives another campaign.
  bool differs = false;
  for (std::uint64_t seed = 8; seed < 12 && !differs; ++seed) {
    const auto d = sim::simulate(room.scenario(), with_seed(seed));
    differs = d.attack_log.size() != a.attack_log.size() ||
              d.attack_log.front().time_min != a.attack_log.front().time_min;
  }
  CHECK(differs);
}

TEST_CASE("campaign outputs: attack.csv rows and the summary's attack object", "[sim][campaign][report]") {
  ControlRoom room;
  room.f.world.control("ids", {"T1133"}, 0.0, 1.0, 10);
  room.f.world.control("hmi-allowlist", {"T0823"}, 1.0);
  const auto r = sim::simulate(room.scenario());
  CHECK(report::attack_csv(room.scenario(), r) ==
        "time_min,step,target,status,control,technique\n"
        "0,vpn-in,cyber/vpn,started,,T1133\n"
        "60,vpn-in,cyber/vpn,succeeded,,T1133\n"
        "60,hijack-hmi,cyber/hmi,started,,T0823\n"
        "70,vpn-in,cyber/vpn,detected,ids,T1133\n"
        "90,hijack-hmi,cyber/hmi,blocked,hmi-allowlist,T0823\n");
  const auto json = report::summary_json(metrics::summarize(r), {});
  INFO(json);
  CHECK(json.find("\"attack\": {\n    \"objectives_reached\": 0,\n    \"steps_succeeded\": 1,\n    "
                  "\"steps_blocked\": 1,\n    \"first_detection_min\": 70.0,\n    \"time_to_objective_min\": "
                  "null\n  }") != std::string::npos);
  // Without a campaign, summary.json has no attack object (files of v0.1 scenarios are unchanged).
  Feeder plain;
  CHECK(
      report::summary_json(metrics::summarize(sim::simulate(plain.world.scenario)), {}).find("\"attack\"") ==
      std::string::npos);
}

TEST_CASE("campaign: a crew that cleans up a hijacked host throws the attacker out", "[sim][campaign]") {
  ControlRoom room;
  auto& w = room.f.world;
  // The breaker step waits until 1000 min. The grid crew cleans up the HMI first (detection 5 min,
  // travel 30 min, clean-up 12 h): the attacker loses it at 845, and hijacks it again from the VPN
  // gateway it still holds (30 min), in time for the launch.
  w.scenario.campaign.steps[2].not_before_min = 1000;
  const auto r = sim::simulate(room.scenario());
  const auto evicted = with_status(r, Status::Evicted);
  REQUIRE(evicted.size() == 1);
  CHECK(evicted[0].target == room.hmi);
  CHECK(evicted[0].time_min == 90 + 5 + 30 + 720);
  std::vector<double> hijacks;
  for (const auto& a : with_status(r, Status::Succeeded))
    if (a.step == 1) hijacks.push_back(a.time_min);
  CHECK(hijacks == std::vector<double>{90, 875});
  CHECK(first_to(r, room.f.sub, sim::State::Failed)->time_min == 1005);
  SECTION("with every host it holds rebuilt at once, the attacker cannot come back") {
    // Rebuilding only some would not do: from the HMI it still holds, the VPN gateway is in reach.
    w.response("reimage", ResponseAction::RestoreFromBackup, {room.ws, room.vpn, room.hmi}, 0);
    w.control("edr", {"T0823"}, 0.0, 1.0, 0);  // sees the hijack at 90
    const auto r2 = sim::simulate(room.scenario());
    const auto out = with_status(r2, Status::Evicted);
    CHECK(out.size() == 3);
    for (const auto& a : out) CHECK(a.time_min == 90);
    CHECK(first_to(r2, room.f.sub, sim::State::Failed) == nullptr);
  }
}

TEST_CASE("campaign: a campaign that starts before the run dwells there and strikes on the day",
          "[sim][campaign]") {
  ControlRoom room;
  auto& c = room.scenario().campaign;
  c.start_min = -90 * 24 * 60.0;  // phished three months before the simulated day
  c.steps[0].time_to_compromise = core::DurationDistribution::fixed(30 * 24 * 60.0);
  c.steps[1].not_before_min = 60;  // the launch: the HMI is hijacked an hour into the run
  const auto r = sim::simulate(room.scenario());
  const auto succeeded = with_status(r, Status::Succeeded);
  REQUIRE(succeeded.size() >= 3);                   // (the HMI is hijacked again after the crew cleans it up)
  CHECK(succeeded[0].time_min == -60 * 24 * 60.0);  // VPN, two months before the day
  CHECK(succeeded[1].time_min == 60 + 30);
  CHECK(succeeded[2].time_min == 60 + 30 + 5);
  // The dwell is history: the run starts at 0 and time moves on from there.
  REQUIRE_FALSE(r.trace.empty());
  CHECK(r.trace.front().time_min == 0);
  for (std::size_t i = 1; i < r.trace.size(); ++i) CHECK(r.trace[i - 1].time_min < r.trace[i].time_min);
  const auto* opened = first_to(r, room.f.sub, sim::State::Failed);
  REQUIRE(opened);
  CHECK(opened->time_min == 95);
  // explain reaches back into the dwell, to the entry point.
  const auto chain = sim::explain(r, room.f.load, 100);
  REQUIRE_FALSE(chain.empty());
  CHECK(chain.back().entry_point);
  CHECK(chain[chain.size() - 2].attack->time_min == -60 * 24 * 60.0);
}

TEST_CASE("campaign: a changed setpoint makes a source produce less until operators reset it",
          "[sim][campaign]") {
  test::WorldBuilder w;
  auto gen = w.asset("power/gen", "generator", {10, 0, 0, 0, "grid"});
  auto load = w.asset("power/town", "load", {0, 8, 1000});
  w.link("power/line", gen, load);
  auto hmi = w.asset("cyber/hmi", "hmi", {0, 0, 0, 0, "grid"});
  w.depend(gen, hmi, DependencyKind::Control);
  w.scenario.campaign.entry = {hmi};
  w.step("setpoint", "T0836", StepEffect::ChangeSetpoint, {gen}, 10).setpoint = 0.5;
  const auto r = sim::simulate(w.scenario);
  // 5 MW for 8 MW of demand: the town is served 62.5 %, from 10 min until the reset.
  const auto* degraded = first_to(r, load, sim::State::Degraded);
  REQUIRE(degraded);
  CHECK(degraded->time_min == 10);
  CHECK(degraded->cause.reason == sim::Reason::IslandShortOfGeneration);
  const auto* lowered = first_to(r, gen, sim::State::Degraded);
  REQUIRE(lowered);
  CHECK(lowered->cause.kind == sim::CauseKind::Attack);
  CHECK(metrics::point_at(r, 15).layers[0].shed_mw == Approx(3.0));
  // Operators notice it (detection 5 min) and reset it remotely (5 min).
  const auto* back = first_to(r, load, sim::State::Restored);
  REQUIRE(back);
  CHECK(back->time_min == 20);
  const auto* reset = first_to(r, gen, sim::State::Restored);
  REQUIRE(reset);
  CHECK(reset->cause.kind == sim::CauseKind::Restoration);
  CHECK(test::cause_text(w.scenario, *reset) == "remote operation");
  // explain: town <- generator (attack step) <- the HMI the attacker started from.
  const auto chain = sim::explain(r, load, 15);
  REQUIRE(chain.size() == 3);
  CHECK(chain[1].element == gen);
  CHECK(chain[1].change.cause.kind == sim::CauseKind::Attack);
  CHECK(chain[2].entry_point);
  SECTION("with a duration, the setpoint holds that long") {
    w.scenario.campaign.steps[0].duration = core::DurationDistribution::fixed(60);
    const auto r2 = sim::simulate(w.scenario);
    CHECK(first_to(r2, load, sim::State::Restored)->time_min == 70);
  }
}
