#pragma once
// `fuel.csv` (fuel orders, truck drives, refuelling, tanks running dry) and `backups.csv` (levels
// of batteries and tanks whenever they start or stop discharging or recharging).
#include <string>

#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::report {

//! `time_min,event,truck,generator,supplier,from,to,arrive_min,litres,level_l,roads`: event is
//! `ordered`, `no_route`, `dispatched`, `refuelled`, `home` or `dry`; `level_l` is the tank after
//! the event; `roads` lists the road links driven, separated by `;`.
std::string fuel_csv(const model::Scenario& scenario, const sim::RunResult& result);

//! `time_min,dependent,supplier,kind,level_min,level_pct,mode`: mode `discharging`, `recharging`
//! or `idle` from that time on.
std::string backups_csv(const model::Scenario& scenario, const sim::RunResult& result);

//! For `explain`: the level of each battery and tank behind `element` at `at_min`, one line each
//! ("  diesel from power/load: 150 l of 400 l (38%), discharging"); empty when it has none.
std::string backup_levels_text(const model::Scenario& scenario, const sim::RunResult& result,
                               model::ElementIndex element, double at_min);

}  // namespace blackstart::report
