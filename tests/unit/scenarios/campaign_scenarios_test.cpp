// The shipped campaign scenarios of Ukraine 2016 (Industroyer) and 2022 (Industroyer2): their public
// figures follow from the network, what the attack steps reach, the defence and the restoration.
// Expected values are computed here from the scenario's data, or taken from the public record as
// bands; nothing in the scenarios names them.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/metrics/metrics.hpp"
#include "blackstart/sim/explain.hpp"
#include "blackstart/sim/simulator.hpp"
#include "support/cause_text.hpp"
#include "support/cut_off_loads.hpp"

using namespace blackstart;
using Status = sim::AttackRecord::Status;

namespace {

constexpr double kLaunch2016 = 23 * 60 + 53;              // 23:53 local on 17 Dec 2016
constexpr double kLaunch2022 = 16 * 1440 + 18 * 60 + 10;  // 8 Apr 2022 16:10 UTC from 23 Mar 00:00 UTC+2

model::Scenario load(const std::string& name, const std::vector<std::string>& mitigations = {}) {
  auto loaded = io::load_scenario_file(std::string(BLACKSTART_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());
  REQUIRE_FALSE(loaded.diagnostics.to_string().find("warning") != std::string::npos);
  REQUIRE_FALSE(model::apply_mitigations(*loaded.scenario, mitigations).has_errors());
  return std::move(*loaded.scenario);
}

sim::RunResult run(const model::Scenario& scenario, std::uint64_t seed) {
  sim::RunOptions options;
  options.seed = seed;
  return sim::simulate(scenario, options);
}

model::ElementIndex id(const model::Scenario& s, const std::string& full_id) {
  const auto x = s.network.find(full_id);
  REQUIRE(x.has_value());
  return *x;
}

model::AttackStep& step(model::Scenario& s, const std::string& step_id) {
  auto& steps = s.campaign.steps;
  const auto it =
      std::find_if(steps.begin(), steps.end(), [&](const model::AttackStep& a) { return a.id == step_id; });
  REQUIRE(it != steps.end());
  return *it;
}

//! MW of the power layers' loads that no longer reach a source once every element a physical attack
//! step targets is removed: plain graph search over the scenario's data, independent of the simulator.
double mw_behind_attacked_elements(const model::Scenario& s) {
  std::set<model::ElementIndex> attacked;
  for (const auto& a : s.campaign.steps)
    if (model::is_physical(a.effect)) attacked.insert(a.targets.begin(), a.targets.end());
  double lost = 0;
  for (auto load : test::loads_cut_off(s, attacked)) lost += s.network.element(load).load_mw;
  return lost;
}

//! Minutes from the first load shed to full restoration of every service layer; -1 if never restored.
double outage_minutes(const sim::RunResult& r) {
  double first = -1;
  for (const auto& point : r.trace)
    if (point.layers[0].shed_mw > 0) {
      first = point.time_min;
      break;
    }
  const auto summary = metrics::summarize(r);
  if (first < 0 || !summary.time_to_full_restoration_min) return -1;
  return *summary.time_to_full_restoration_min - first;
}

//! The first change of `x` into `to` at or after `from`, or nullptr.
const sim::StateChange* first_to(const sim::RunResult& r, model::ElementIndex x, sim::State to,
                                 double from = 0) {
  for (const auto& c : r.changes)
    if (c.element == x && c.change == sim::ChangeKind::State && c.to == to && c.time_min >= from) return &c;
  return nullptr;
}

bool any_relay_hung(const model::Scenario& s, const sim::RunResult& r) {
  for (int n = 1; n <= 8; ++n)
    if (first_to(r, id(s, "cyber/pv-relay-" + std::to_string(n)), sim::State::Failed)) return true;
  return false;
}

std::size_t count(const sim::RunResult& r, Status status) {
  return static_cast<std::size_t>(
      std::count_if(r.attack_log.begin(), r.attack_log.end(),
                    [&](const sim::AttackRecord& a) { return a.status == status; }));
}

}  // namespace

TEST_CASE(
    "Ukraine 2016: about 200 MW, a fifth of the night load, opened at 23:53 by what the station hosts "
    "control",
    "[scenario][campaign]") {
  const auto scenario = load("ukraine-2016");
  const double expected = mw_behind_attacked_elements(scenario);
  // The public record: ~200 MW widely repeated, one source ~230 MW.
  CHECK(expected >= 180);
  CHECK(expected <= 230);
  const auto r = sim::simulate(scenario);
  const auto summary = metrics::summarize(r);
  CHECK(summary.peak_load_shed_mw == Approx(expected));
  // "A fifth of Kyiv's power consumption" at night.
  const double share = summary.peak_load_shed_mw / r.totals[0].load_mw;
  CHECK(share > 0.17);
  CHECK(share < 0.25);
  CHECK(summary.time_of_worst_impact_min >= kLaunch2016);
  CHECK(summary.time_of_worst_impact_min < kLaunch2016 + 10);
  // Every feeder breaker was opened by a payload step, from the station SCADA server it controls.
  for (int n = 1; n <= 8; ++n) {
    const auto* opened = first_to(r, id(scenario, "power/pv-f" + std::to_string(n)), sim::State::Failed);
    REQUIRE(opened);
    CHECK(opened->time_min >= kLaunch2016);
    CHECK(opened->cause.kind == sim::CauseKind::Attack);
    CHECK(test::detail_text(scenario, *opened).find("from cyber/pv-scada") != std::string::npos);
  }
  CHECK(r.attack.objectives_reached >= 1);
  REQUIRE(r.attack.time_to_objective_min);
  CHECK(*r.attack.time_to_objective_min >= kLaunch2016);
  CHECK_FALSE(r.attack.first_detection_min);  // no monitoring as shipped
  // The dwell: the attacker held the station hosts hours before the launch.
  for (const auto& a : r.attack_log)
    if (a.status == Status::Succeeded && scenario.campaign.steps[a.step].id == "main-backdoor")
      CHECK(a.time_min < kLaunch2016 - 60);
}

TEST_CASE("Ukraine 2016: back in about 75 minutes by manual switching in most runs", "[scenario][campaign]") {
  const auto scenario = load("ukraine-2016");
  std::vector<double> durations;
  std::size_t near_75 = 0, without_hung_relays = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    const auto r = run(scenario, seed);
    const double d = outage_minutes(r);
    REQUIRE(d > 0);
    durations.push_back(d);
    if (d >= 55 && d <= 95) ++near_75;
    if (!any_relay_hung(scenario, r)) ++without_hung_relays;
    // Remote control was lost with the station server: every feeder is switched back by a crew.
    for (const auto& c : r.changes)
      if (c.change == sim::ChangeKind::State && c.to == sim::State::UnderRepair &&
          scenario.network.element(c.element).type == "breaker")
        REQUIRE(test::cause_text(scenario, c).rfind("crew:", 0) == 0);
  }
  std::sort(durations.begin(), durations.end());
  INFO("median " << durations[100] << " min, " << near_75 << " of 200 within 55-95 min");
  CHECK(durations[100] == Approx(75).margin(12));
  CHECK(near_75 >= 120);
  // The relay DoS failed on the night; most runs reproduce that.
  CHECK(without_hung_relays >= 120);
  CHECK(without_hung_relays < 200);  // ... but it is a step that can succeed

  SECTION("restoration begins about half an hour in (shipped seed)") {
    const auto r = sim::simulate(scenario);
    double first_back = -1;
    for (const auto& c : r.changes)
      if (c.change == sim::ChangeKind::State && c.to == sim::State::Restored &&
          scenario.network.element(c.element).type == "breaker") {
        first_back = c.time_min;
        break;
      }
    REQUIRE(first_back > 0);
    CHECK(first_back - kLaunch2016 >= 15);
    CHECK(first_back - kLaunch2016 <= 45);
  }
}

TEST_CASE("Ukraine 2016: when the SIPROTEC DoS works, re-energising waits for the relays to be reset on site",
          "[scenario][campaign]") {
  auto works = load("ukraine-2016");
  step(works, "siprotec-dos-tool").success_probability = 1;
  step(works, "siprotec-dos").success_probability = 1;
  auto fails = load("ukraine-2016");
  step(fails, "siprotec-dos-tool").success_probability = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    INFO("seed " << seed);
    const auto with_dos = run(works, seed);
    const auto without_dos = run(fails, seed);
    CHECK_FALSE(any_relay_hung(fails, without_dos));
    CHECK(outage_minutes(without_dos) < 100);
    // Same launch and openings (common random numbers), but eight more jobs on site before the feeders carry
    // power.
    CHECK(outage_minutes(with_dos) > outage_minutes(without_dos) + 30);
    CHECK(metrics::summarize(with_dos).peak_load_shed_mw ==
          metrics::summarize(without_dos).peak_load_shed_mw);
    CHECK(with_dos.attack.objectives_reached == 2);
    CHECK(without_dos.attack.objectives_reached == 1);
    for (int n = 1; n <= 8; ++n) {
      const auto relay = id(works, "cyber/pv-relay-" + std::to_string(n));
      const auto feeder = id(works, "power/pv-f" + std::to_string(n));
      const auto* hung = first_to(with_dos, relay, sim::State::Failed);
      REQUIRE(hung);
      CHECK(hung->cause.kind == sim::CauseKind::Attack);
      // Reset by a crew, not by itself...
      const auto* reset = first_to(with_dos, relay, sim::State::Restored);
      REQUIRE(reset);
      const auto* on_site = first_to(with_dos, relay, sim::State::UnderRepair);
      REQUIRE(on_site);
      CHECK(test::cause_text(works, *on_site).rfind("crew:", 0) == 0);
      // ... and the feeder carries power only once its relay is back.
      double back = -1;
      for (const auto& c : with_dos.changes)
        if (c.element == feeder && c.change == sim::ChangeKind::State && sim::is_operational(c.to))
          back = c.time_min;
      REQUIRE(back > 0);
      CHECK(back >= reset->time_min);
    }
  }
  SECTION("patched relay firmware: the DoS never works and the night is reproduced in every run") {
    const auto patched = load("ukraine-2016", {"patched-relays"});
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
      const auto r = run(patched, seed);
      CHECK_FALSE(any_relay_hung(patched, r));
      CHECK(outage_minutes(r) < 100);
    }
  }
}

TEST_CASE(
    "Ukraine 2016: trolleybuses and trams stop with their supply and run again; the metro on the ring does "
    "not stop",
    "[scenario][campaign]") {
  const auto scenario = load("ukraine-2016");
  const auto r = sim::simulate(scenario);
  for (const std::string line :
       {"transport/trolleybus-obolon-1", "transport/trolleybus-obolon-2", "transport/tram-kurenivka"}) {
    INFO(line);
    const auto x = id(scenario, line);
    const auto* stop = first_to(r, x, sim::State::Failed);
    REQUIRE(stop);
    CHECK(stop->time_min >= kLaunch2016);
    CHECK(stop->cause.kind == sim::CauseKind::Dependency);
    const auto* resume = first_to(r, x, sim::State::Restored, stop->time_min);
    REQUIRE(resume);
    CHECK(resume->time_min < kLaunch2016 + 120);
    CHECK(sim::is_operational(r.final_states[x]));
  }
  CHECK(first_to(r, id(scenario, "transport/metro-north"), sim::State::Failed) == nullptr);
  CHECK(metrics::summarize(r).peak_passengers_affected > 0);
}

TEST_CASE(
    "Ukraine 2016: explain follows a trolleybus through the breaker and the attack steps to the entry point",
    "[scenario][campaign]") {
  const auto scenario = load("ukraine-2016");
  const auto r = sim::simulate(scenario);
  const auto trolleybus = id(scenario, "transport/trolleybus-obolon-1");
  const auto chain = sim::explain(r, trolleybus, kLaunch2016 + 10);
  REQUIRE(chain.size() >= 6);
  CHECK(chain.front().element == trolleybus);
  CHECK(chain.back().entry_point);
  CHECK(chain.back().element == id(scenario, "cyber/office-ws"));
  std::set<std::string> steps;
  for (const auto& link : chain) {
    if (link.attack) steps.insert(scenario.campaign.steps[link.attack->step].id);
    if (!link.attack && link.change.cause.kind == sim::CauseKind::Attack)
      steps.insert(scenario.campaign.steps[link.change.cause.event].id);
  }
  CHECK(steps.count("iec104-payload"));
  CHECK(steps.count("pivot-mssql"));
  CHECK(steps.count("vpn-login"));
}

TEST_CASE("Ukraine 2016: detection without a response changes nothing; with the response most attacks fail",
          "[scenario][campaign]") {
  const auto base = load("ukraine-2016");
  const auto watched = load("ukraine-2016", {"monitoring-only"});
  const auto defended = load("ukraine-2016", {"monitoring-and-manual-operations"});
  std::size_t detected = 0, stopped = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const auto b = metrics::summarize(run(base, seed));
    const auto w = run(watched, seed);
    if (w.attack.first_detection_min) ++detected;
    // Alerts add trace points, which only changes the rounding of the integral.
    const auto ws = metrics::summarize(w);
    CHECK(ws.customer_minutes_interrupted == Approx(b.customer_minutes_interrupted).epsilon(1e-12));
    CHECK(ws.time_to_full_restoration_min == b.time_to_full_restoration_min);
    const auto d = run(defended, seed);
    if (d.attack.objectives_reached == 0) ++stopped;
    CHECK(metrics::summarize(d).customer_minutes_interrupted <= b.customer_minutes_interrupted);
  }
  CHECK(detected >= 20);
  CHECK(stopped >= 20);
}

TEST_CASE("Ukraine 2022: detected and stopped before the timed launch; no customer loses power",
          "[scenario][campaign]") {
  const auto scenario = load("ukraine-2022");
  const auto r = sim::simulate(scenario);
  const auto summary = metrics::summarize(r);
  CHECK(r.attack.objectives_reached == 0);
  CHECK_FALSE(r.attack.time_to_objective_min);
  CHECK(summary.peak_customers_without_power == 0);
  CHECK(summary.customer_minutes_interrupted == 0);
  REQUIRE(r.attack.first_detection_min);
  CHECK(*r.attack.first_detection_min < kLaunch2022);
  CHECK(count(r, Status::Evicted) > 0);
  // The isolation cut the IT-OT conduits, and nothing else went down.
  for (const auto& c : r.changes)
    if (c.change == sim::ChangeKind::State && c.to == sim::State::Failed) {
      CHECK(c.cause.kind == sim::CauseKind::Response);
      CHECK(c.time_min < kLaunch2022);
    }
  CHECK(first_to(r, id(scenario, "cyber/fw-ot"), sim::State::Failed));
  // Over other seeds too.
  std::size_t stopped = 0;
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const auto other = run(scenario, seed);
    if (other.attack.objectives_reached == 0 && metrics::summarize(other).peak_customers_without_power == 0)
      ++stopped;
  }
  CHECK(stopped >= 45);
}

TEST_CASE(
    "Ukraine 2022: without detection the launch happens and the impact is counted; detection without a "
    "response changes nothing",
    "[scenario][campaign]") {
  const auto counterfactual = load("ukraine-2022", {"without-detection"});
  const auto r = sim::simulate(counterfactual);
  const auto summary = metrics::summarize(r);
  CHECK(r.attack.objectives_reached == 1);
  REQUIRE(r.attack.time_to_objective_min);
  CHECK(*r.attack.time_to_objective_min >= kLaunch2022);
  CHECK_FALSE(r.attack.first_detection_min);
  CHECK(summary.peak_customers_without_power > 0);
  CHECK(summary.peak_load_shed_mw == Approx(mw_behind_attacked_elements(counterfactual)));
  CHECK(summary.time_of_worst_impact_min >= kLaunch2022);
  REQUIRE(summary.time_to_full_restoration_min);  // crews switch the substations back by hand
  // CaddyWiper took the HMIs first, so nothing came back remotely.
  for (const auto& c : r.changes)
    if (c.change == sim::ChangeKind::State && c.to == sim::State::UnderRepair &&
        counterfactual.network.element(c.element).type == "substation")
      CHECK(test::cause_text(counterfactual, c).rfind("crew:", 0) == 0);

  const auto unanswered = load("ukraine-2022", {"without-response"});
  const auto u = sim::simulate(unanswered);
  REQUIRE(u.attack.first_detection_min);
  CHECK(*u.attack.first_detection_min < kLaunch2022);
  CHECK(u.attack.objectives_reached == 1);
  CHECK(metrics::summarize(u).customer_minutes_interrupted ==
        Approx(summary.customer_minutes_interrupted).epsilon(1e-12));
  CHECK(metrics::summarize(u).time_to_full_restoration_min == summary.time_to_full_restoration_min);
}

TEST_CASE("campaign scenarios: every loss is explained back to the attacker's entry point or a response",
          "[scenario][campaign][cause]") {
  for (const std::string name : {"ukraine-2016", "ukraine-2022"}) {
    const auto base = load(name);
    std::vector<std::vector<std::string>> variants{{}};
    for (const auto& m : base.mitigations) variants.push_back({m.name});
    for (const auto& mitigations : variants) {
      const auto scenario = load(name, mitigations);
      const auto r = sim::simulate(scenario);
      for (const auto& c : r.changes) {
        INFO(name << (mitigations.empty() ? "" : " + " + mitigations[0]) << ": "
                  << scenario.network.element(c.element).id << " at " << c.time_min);
        REQUIRE_FALSE(c.cause.empty());
        if (c.change != sim::ChangeKind::State || sim::is_operational(c.to)) continue;
        const auto chain = sim::explain(r, c.element, c.time_min);
        REQUIRE_FALSE(chain.empty());
        const auto& last = chain.back();
        CHECK((last.entry_point || last.change.cause.kind == sim::CauseKind::Response));
      }
    }
  }
}
