// MATPOWER's bus classification, shared by the DC and AC power flows, and the loading figure.
#include "bus_classes.hpp"

#include <cmath>

#include "blackstart/sim/powerflow.hpp"

namespace blackstart::sim {

namespace detail {

using model::BusType;
using model::PowerCase;

BusClasses classify(const PowerCase& c) {
  BusClasses k;
  const std::size_t n = c.buses.size();
  k.active.assign(n, 1);
  k.first_gen.assign(n, -1);
  for (int g = 0; g < static_cast<int>(c.gens.size()); ++g) {
    const auto& gen = c.gens[g];
    if (!gen.in_service) continue;
    const int b = c.bus_index.at(gen.bus);
    if (k.first_gen[b] < 0) k.first_gen[b] = g;
  }
  for (int i = 0; i < static_cast<int>(n); ++i) {
    const auto type = c.buses[i].type;
    if (type == BusType::Isolated) {
      k.active[i] = 0;
      continue;
    }
    const bool has_gen = k.first_gen[i] >= 0;
    if (type == BusType::Ref && has_gen)
      k.ref.push_back(i);
    else if (type == BusType::PV && has_gen)
      k.pv.push_back(i);
    else
      k.pq.push_back(i);
  }
  if (k.ref.empty() && !k.pv.empty()) {
    k.ref.push_back(k.pv.front());
    k.pv.erase(k.pv.begin());
  }
  return k;
}

}  // namespace detail

double loading_pct(double flow_mva, double rate_mva) {
  return rate_mva > 0 ? 100.0 * std::abs(flow_mva) / rate_mva : std::nan("");
}

}  // namespace blackstart::sim
