#pragma once
// Cause texts as events.csv shows them, for tests that compare against the files' wording.
#include <string>

#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/state.hpp"

namespace blackstart::test {

inline std::string cause_text(const model::Scenario& scenario, const sim::StateChange& change) {
  return sim::describe(change.cause, sim::CauseContext(scenario)).text;
}

inline std::string detail_text(const model::Scenario& scenario, const sim::StateChange& change) {
  return sim::describe(change.cause, sim::CauseContext(scenario)).detail;
}

}  // namespace blackstart::test
