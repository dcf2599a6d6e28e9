#pragma once
// Passengers not carried, per line: the services with passengers_per_hour (trams, trolleybuses,
// metro and rail lines, roads) over a run (docs/metrics.md, "Per line").
#include <string>
#include <vector>

#include "blackstart/sim/simulator.hpp"

namespace blackstart::metrics {

struct LineLoss {
  std::string id;
  std::string type;
  double passengers_per_hour = 0;
  std::uint32_t sections = 0;       //!< traction sections, 0 when the line has none
  double passenger_trips_lost = 0;  //!< passengers: ∫ passengers_per_hour × (1 − service) dt
  double passenger_hours_lost = 0;  //!< trips lost × the time each loses (traction.time_lost_per_trip)
  double min_service_fraction = 1;  //!< lowest share of service over the horizon
  double hours_stopped = 0;         //!< hours with no service at all
  double hours_reduced = 0;         //!< hours with some but not full service
};

//! One entry per RunResult::services, in the same order; exact sums over the service log from 0
//! to the horizon.
std::vector<LineLoss> line_losses(const sim::RunResult& result);

}  // namespace blackstart::metrics
