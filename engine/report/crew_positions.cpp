#include "blackstart/report/crew_positions.hpp"

#include <algorithm>

#include "blackstart/model/geo.hpp"

namespace blackstart::report {

using model::ElementIndex;
using model::GeoPoint;
using model::kNoElement;

namespace {

std::optional<GeoPoint> place_of(const model::Network& network, ElementIndex x) {
  if (x == kNoElement || x >= network.size()) return std::nullopt;
  return network.element(x).geo;
}

//! The course of a whole drive, starting at `leg.from`; empty when a road lacks coordinates.
std::vector<GeoPoint> drive_course(const model::Network& network, const sim::CrewLeg& leg) {
  std::vector<GeoPoint> course;
  ElementIndex at = leg.from;
  for (const ElementIndex road : leg.roads) {
    if (road >= network.size()) return {};
    auto part = road_course(network, road, at);
    if (part.empty()) return {};
    const auto& e = network.element(road);
    at = at == e.from ? e.to : e.from;
    course.insert(course.end(), part.begin() + (course.empty() ? 0 : 1), part.end());
  }
  return course;
}

}  // namespace

std::vector<GeoPoint> road_course(const model::Network& network, ElementIndex road, ElementIndex from) {
  if (road >= network.size()) return {};
  const auto& e = network.element(road);
  if (!e.is_link) return {};
  std::vector<GeoPoint> course = e.path;
  if (course.size() < 2) {
    const auto a = place_of(network, e.from), b = place_of(network, e.to);
    if (!a || !b) return {};
    course = {*a, *b};
  }
  if (from == e.to && e.to != e.from) std::reverse(course.begin(), course.end());
  return course;
}

GeoPoint point_along(const std::vector<GeoPoint>& course, double fraction) {
  if (course.empty()) return {};
  const double total = model::polyline_km(course);
  if (total <= 0 || fraction <= 0) return course.front();
  if (fraction >= 1) return course.back();
  double left = fraction * total;
  for (std::size_t i = 1; i < course.size(); ++i) {
    const double segment = model::haversine_km(course[i - 1], course[i]);
    if (left <= segment && segment > 0) {
      const double f = left / segment;
      return {course[i - 1].lat + f * (course[i].lat - course[i - 1].lat),
              course[i - 1].lon + f * (course[i].lon - course[i - 1].lon)};
    }
    left -= segment;
  }
  return course.back();
}

std::optional<CrewPosition> crew_position(const model::Network& network, const sim::RunResult& run,
                                          std::uint32_t crew, double t_min) {
  if (crew >= run.crews.size()) return std::nullopt;
  CrewPosition out;
  out.crew = crew;
  // Where it stands between drives: its depot, then the end of each drive it finished. A drive off
  // the roads (no junction) leaves it where it was.
  ElementIndex standing = run.crews[crew].depot;
  for (std::uint32_t i = 0; i < run.crew_legs.size(); ++i) {
    const auto& leg = run.crew_legs[i];
    if (leg.crew != crew) continue;
    if (leg.depart_min > t_min) break;  // legs are in time of departure
    if (t_min < leg.arrive_min && !leg.roads.empty()) {
      const auto course = drive_course(network, leg);
      if (course.empty()) return std::nullopt;
      const double span = leg.arrive_min - leg.depart_min;
      out.place = point_along(course, span > 0 ? (t_min - leg.depart_min) / span : 1.0);
      out.driving = true;
      out.leg = i;
      return out;
    }
    out.leg = i;
    if (leg.to != kNoElement) standing = leg.to;
  }
  const auto place = place_of(network, standing);
  if (!place) return std::nullopt;
  out.place = *place;
  out.at = standing;
  return out;
}

std::vector<CrewPosition> crew_positions(const model::Network& network, const sim::RunResult& run,
                                         double t_min) {
  std::vector<CrewPosition> out;
  for (std::uint32_t c = 0; c < run.crews.size(); ++c)
    if (auto p = crew_position(network, run, c, t_min)) out.push_back(*p);
  return out;
}

}  // namespace blackstart::report
