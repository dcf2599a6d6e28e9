#pragma once
// The state of every road for a map at one time, by the rules the crews drive by
// (sim/road_graph.hpp): a road that does not work is closed; a working road is under dark signals
// when a `traffic_signal_zone` that it or one of its two junctions depends on does not work.
#include <functional>
#include <vector>

#include "blackstart/model/network.hpp"

namespace blackstart::report {

enum class RoadCondition : unsigned char {
  NotRoad,      //!< not a road (assets, other links)
  Open,         //!< passable at its speed
  DarkSignals,  //!< passable, slower by the scenario's dark-signals factor
  Closed,       //!< not passable
};

//! True for a link of type `road` in a transport layer (what crews drive on).
bool is_road(const model::Network& network, model::ElementIndex x);

//! Per element, its road condition when `works(x)` says whether element x works.
std::vector<RoadCondition> road_conditions(const model::Network& network,
                                           const std::function<bool(model::ElementIndex)>& works);

}  // namespace blackstart::report
