#pragma once
// Passengers not carried, per line (metrics/passenger_hours.hpp): `lines.csv` and the lines block
// of the terminal table.
#include <string>

#include "blackstart/metrics/metrics.hpp"

namespace blackstart::report {

//! `lines.csv`: line,type,passengers_per_hour,sections,passenger_trips_lost,passenger_hours_lost,
//! min_service_fraction,hours_stopped,hours_reduced; one row per service with passengers_per_hour.
std::string lines_csv(const metrics::Summary& summary);
//! The per-line block of the impact table; empty when the scenario has no passenger services.
std::string lines_table(const metrics::Summary& summary);

}  // namespace blackstart::report
