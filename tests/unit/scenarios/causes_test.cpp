// Every shipped scenario, with and without each of its mitigations: every state change has a cause,
// events.csv has no empty cause column, and explain follows every loss back to a scenario event, a
// response playbook or the attacker's entry point.
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

void check_causes(const model::Scenario& scenario, const std::string& label, bool expect_changes) {
  const auto result = sim::simulate(scenario);
  INFO(label);
  // A mitigation may stop the whole attack (e.g. MFA on the way in): then there is nothing to explain.
  if (!expect_changes && result.changes.empty()) return;
  REQUIRE_FALSE(result.changes.empty());
  for (const auto& c : result.changes) {
    INFO(label << ": " << scenario.network.element(c.element).id << " " << sim::from_name(c) << "->"
               << sim::to_name(c) << " at " << c.time_min);
    REQUIRE_FALSE(c.cause.empty());
  }
  const auto empty_rows = rows_with_empty_cause(report::events_csv(scenario, result));
  INFO(label << ": " << (empty_rows.empty() ? std::string() : empty_rows.front()));
  CHECK(empty_rows.empty());
  // Every loss of service (and every record that gives a new reason for one) leads back to an event.
  std::size_t explained = 0;
  const auto follow = [&](const sim::StateChange& c) {
    if (c.change != sim::ChangeKind::State || !is_down(c.to)) return;
    const auto chain = sim::explain(result, c.element, c.time_min);
    INFO(label << ": explain " << scenario.network.element(c.element).id << " at " << c.time_min);
    REQUIRE_FALSE(chain.empty());
    CHECK(chain.front().element == c.element);
    // It ends at a scheduled event, at a response playbook, or — through the attack steps and the
    // assets the attacker worked from — at the campaign's entry point.
    const auto& root = chain.back();
    const bool at_event = !root.attack && !root.entry_point &&
                          root.change.cause.kind == sim::CauseKind::Event &&
                          root.change.cause.event < scenario.events.size();
    const bool at_response =
        !root.attack && !root.entry_point && root.change.cause.kind == sim::CauseKind::Response;
    const bool at_entry =
        root.entry_point && std::find(scenario.campaign.entry.begin(), scenario.campaign.entry.end(),
                                      root.element) != scenario.campaign.entry.end();
    CHECK((at_event || at_response || at_entry));
    ++explained;
  };
  for (const auto& c : result.changes) follow(c);
  for (const auto& c : result.cause_updates) follow(c);
  CHECK(explained > 0);
}

}  // namespace

TEST_CASE("shipped scenarios: every state change has a cause that explain follows to an event",
          "[scenario][cause]") {
  std::size_t runs = 0;
  for (const auto& builtin : io::builtin_scenarios()) {
    auto loaded = io::load_builtin_scenario(builtin.name);
    INFO(builtin.name << ": " << loaded.diagnostics.to_string());
    REQUIRE(loaded.ok());
    if (loaded.scenario->classic_model) continue;  // textbook models have no state changes
    check_causes(*loaded.scenario, std::string(builtin.name), true);
    ++runs;
    for (const auto& mitigation : loaded.scenario->mitigations) {
      auto mitigated = *loaded.scenario;
      REQUIRE_FALSE(model::apply_mitigations(mitigated, {mitigation.name}).has_errors());
      check_causes(mitigated, std::string(builtin.name) + " + " + mitigation.name, false);
      ++runs;
    }
  }
  CHECK(runs >= 3);
}
