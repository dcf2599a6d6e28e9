#pragma once
// Where each routed crew is at a time of a run, on the map: at its depot before its first drive,
// moving along the roads of a drive (their `path` polylines, or straight between their junctions),
// and at the end of its last drive in between (working on site, or resting).
#include <cstdint>
#include <optional>
#include <vector>

#include "blackstart/model/network.hpp"
#include "blackstart/sim/simulator.hpp"

namespace blackstart::report {

struct CrewPosition {
  std::uint32_t crew = 0;  //!< index into RunResult::crews
  model::GeoPoint place;
  bool driving = false;                        //!< on a drive (between departure and arrival)
  std::uint32_t leg = kNoLeg;                  //!< the drive it is on, or the last one it made
  model::ElementIndex at = model::kNoElement;  //!< not driving: the junction it stands at
  static constexpr std::uint32_t kNoLeg = 0xffffffffu;
};

//! The course of one road driven from junction `from` (its path, reversed when driven from its
//! `to` end; or the straight line between its two assets). Empty when the road or its ends have no
//! coordinates.
std::vector<model::GeoPoint> road_course(const model::Network& network, model::ElementIndex road,
                                         model::ElementIndex from);

//! The point at `fraction` (0..1) of the length of `course` (great-circle lengths of its segments;
//! within a segment, linear in latitude and longitude). The first point for an empty-length course.
model::GeoPoint point_along(const std::vector<model::GeoPoint>& course, double fraction);

//! Crew `crew`'s place at `t_min`. During a drive the crew moves at a constant rate along the
//! concatenated courses of the drive's roads: at time t it has covered (t - depart) / (arrive -
//! depart) of their total length. Nothing when the place it would be at has no coordinates.
std::optional<CrewPosition> crew_position(const model::Network& network, const sim::RunResult& run,
                                          std::uint32_t crew, double t_min);

//! Every routed crew with a known place at `t_min`, by crew index.
std::vector<CrewPosition> crew_positions(const model::Network& network, const sim::RunResult& run,
                                         double t_min);

}  // namespace blackstart::report
