#pragma once
// What the DC and AC power flows share: MATPOWER's bus classification and tap convention.
#include <numbers>
#include <vector>

#include "blackstart/model/power_case.hpp"

namespace blackstart::sim::detail {

constexpr double kDegToRad = std::numbers::pi / 180.0;

struct BusClasses {
  std::vector<int> ref, pv, pq;
  std::vector<char> active;    //!< not isolated
  std::vector<int> first_gen;  //!< first in-service generator per bus, -1 if none
};

//! MATPOWER's `bustypes`: PV needs an in-service generator, else the bus is PQ; with no
//! reference bus the first PV bus becomes the reference.
BusClasses classify(const model::PowerCase& c);

//! Off-nominal tap ratio of a branch; MATPOWER writes 0 for "no transformer".
inline double tap_of(const model::PowerBranch& br) {
  return br.ratio == 0.0 ? 1.0 : br.ratio;
}

}  // namespace blackstart::sim::detail
