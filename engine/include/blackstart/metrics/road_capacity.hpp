#pragma once
// Road capacity under dark signals: how many vehicles roads with `capacity_vph` could not pass
// because they were closed or their traffic signals were dark (docs/metrics.md, "Road capacity").
#include <string>
#include <vector>

#include "blackstart/model/scenario.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::metrics {

struct RoadCapacityLoss {
  std::string id;
  double capacity_vph = 0;   //!< with working signals
  double vehicles_lost = 0;  //!< ∫ capacity_vph × (1 − share) dt: vehicle passages not offered
  double hours_dark = 0;     //!< open, but under dark signals
  double hours_closed = 0;   //!< not working (damaged, blocked, failed through a dependency)
  double min_capacity_share = 1;
};

//! One entry per `road` link of a transport layer with `capacity_vph` > 0, in index order. Its share
//! of capacity is 0 while it does not work, roads.dark_signals_capacity_factor while a
//! `traffic_signal_zone` that it or one of its two junctions depends on does not work (the crews'
//! dark-signals rule), else 1; exact over the run's state changes from 0 to the horizon.
std::vector<RoadCapacityLoss> road_capacity_losses(const model::Scenario& scenario,
                                                   const sim::RunResult& result);

}  // namespace blackstart::metrics
