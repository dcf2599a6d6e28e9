#pragma once
// `crews.csv`: every drive of the crews that are routed over roads (pools with a depot).
#include <string>

#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::report {

//! `crew,purpose,job,from,to,depart_min,arrive_min,rest,roads`: purpose is `job` or `home`; `rest`
//! is 1 when the crew rests at its depot after the drive; `roads` lists the road links driven, in
//! order, separated by `;`. Only the header when no crew is routed.
std::string crews_csv(const model::Scenario& scenario, const sim::RunResult& result);

}  // namespace blackstart::report
