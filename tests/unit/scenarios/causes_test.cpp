// Every shipped scenario, with and without each of its mitigations: every state change has a cause,
// events.csv has no empty cause column, and explain follows every loss back to a scenario event or,
// through the attack steps, to the campaign's entry point.
#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "blackstart/io/builtin_scenarios.hpp"
#include "blackstart/report/report.hpp"
#include "blackstart/sim/explain.hpp"
#include "blackstart/sim/simulator.hpp"

using namespace blackstart;

namespace {

bool is_down(sim::State s) {
  return s == sim::State::Failed || s == sim::State::Compromised || s == sim::State::UnderRepair ||
         s == sim::State::Degraded;
}

//! The 6th column (cause) of every data row of events.csv that is empty, as "line: row".
std::vector<std::string> rows_with_empty_cause(const std::string& csv) {
  std::vector<std::string> bad;
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);  // header
  for (int n = 2; std::getline(lines, line); ++n) {
    // Ids and causes in the shipped scenarios contain no quotes or commas: a plain split is exact.
    std::vector<std::string> cols;
    std::string col;
    std::istringstream fields(line);
    while (std::getline(fields, col, ',')) cols.push_back(col);
    if (cols.size() < 6 || cols[4].empty() || cols[5].empty()) bad.push_back(std::to_string(n) + ": " + line);
  }
  return bad;
}

void check_causes(const model::Scenario& scenario, const std::string& label) {
  const auto result = sim::simulate(scenario);
  // A campaign can be stopped before it changes anything (e.g. by MFA on the VPN); events cannot.
  if (result.changes.empty() && !scenario.campaign.empty()) return;
  REQUIRE_FALSE(result.changes.empty());
  for (const auto& c : result.changes) {
    INFO(label << ": " << scenario.network.element(c.element).id << " " << sim::from_name(c) << "->"
               << sim::to_name(c) << " at " << c.time_min);
    REQUIRE_FALSE(c.cause.empty());
  }
  const auto empty_rows = rows_with_empty_cause(report::events_csv(scenario, result));
  INFO(label << ": " << (empty_rows.empty() ? std::string() : empty_rows.front()));
  CHECK(empty_rows.empty());
  // Every loss of service (and every record that gives a new reason for one) leads back to an event
  // or to where the attacker came in.
  std::size_t explained = 0;
  const auto follow = [&](const sim::StateChange& c) {
    if (c.change != sim::ChangeKind::State || !is_down(c.to)) return;
    const auto chain = sim::explain(result, c.element, c.time_min);
    INFO(label << ": explain " << scenario.network.element(c.element).id << " at " << c.time_min);
    REQUIRE_FALSE(chain.empty());
    CHECK(chain.front().element == c.element);
    const auto& last = chain.back();
    if (last.entry_point) {
      const auto& entry = scenario.campaign.entry;
      CHECK(std::find(entry.begin(), entry.end(), last.element) != entry.end());
    } else {
      CHECK(last.change.cause.kind == sim::CauseKind::Event);
      CHECK(last.change.cause.event < scenario.events.size());
    }
    ++explained;
  };
  for (const auto& c : result.changes) follow(c);
  for (const auto& c : result.cause_updates) follow(c);
  CHECK(explained > 0);
}

}  // namespace

TEST_CASE(
    "shipped scenarios: every state change has a cause that explain follows to an event or an entry point",
    "[scenario][cause]") {
  std::size_t runs = 0;
  for (const auto& builtin : io::builtin_scenarios()) {
    auto loaded = io::load_builtin_scenario(builtin.name);
    INFO(builtin.name << ": " << loaded.diagnostics.to_string());
    REQUIRE(loaded.ok());
    if (loaded.scenario->classic_model) continue;  // textbook models have no state changes
    check_causes(*loaded.scenario, std::string(builtin.name));
    ++runs;
    for (const auto& mitigation : loaded.scenario->mitigations) {
      auto mitigated = *loaded.scenario;
      REQUIRE_FALSE(model::apply_mitigations(mitigated, {mitigation.name}).has_errors());
      check_causes(mitigated, std::string(builtin.name) + " + " + mitigation.name);
      ++runs;
    }
  }
  CHECK(runs >= 3);
}
