#pragma once
// `attack.csv`: the campaign as it happened, one row per attempt outcome, detection and eviction.
#include <string>

#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::report {

//! `time_min,step,target,status,control,technique`; status is started, succeeded, failed, blocked,
//! detected or evicted; `control` names the control that blocked or detected, or the response that
//! blocked or evicted.
std::string attack_csv(const model::Scenario& scenario, const sim::RunResult& result);

}  // namespace blackstart::report
