#pragma once
// `roads.csv`: road capacity lost to closures and dark signals (metrics/road_capacity.hpp).
#include <string>

#include "blackstart/metrics/road_capacity.hpp"

namespace blackstart::report {

//! `road,capacity_vph,vehicles_lost,hours_dark,hours_closed,min_capacity_share`, one row per road
//! with `capacity_vph`.
std::string roads_csv(const std::vector<metrics::RoadCapacityLoss>& roads);

}  // namespace blackstart::report
