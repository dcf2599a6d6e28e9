#include "blackstart/report/road_conditions.hpp"

namespace blackstart::report {

using model::ElementIndex;

bool is_road(const model::Network& network, ElementIndex x) {
  if (x >= network.size()) return false;
  const auto& e = network.element(x);
  return e.is_link && e.type == "road" && network.layers()[e.layer].kind == model::LayerKind::Transport;
}

std::vector<RoadCondition> road_conditions(const model::Network& network,
                                           const std::function<bool(ElementIndex)>& works) {
  const std::size_t n = network.size();
  std::vector<RoadCondition> out(n, RoadCondition::NotRoad);
  // Elements whose signals are dark: dependents of a signal zone that does not work.
  std::vector<char> dark(n, 0);
  for (const auto& d : network.dependencies())
    if (d.supplier < n && d.dependent < n && network.element(d.supplier).type == "traffic_signal_zone" &&
        !works(d.supplier))
      dark[d.dependent] = 1;
  for (ElementIndex x = 0; x < n; ++x) {
    if (!is_road(network, x)) continue;
    const auto& e = network.element(x);
    if (!works(x))
      out[x] = RoadCondition::Closed;
    else if (dark[x] || dark[e.from] || dark[e.to])
      out[x] = RoadCondition::DarkSignals;
    else
      out[x] = RoadCondition::Open;
  }
  return out;
}

}  // namespace blackstart::report
