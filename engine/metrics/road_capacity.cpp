#include "blackstart/metrics/road_capacity.hpp"

#include <algorithm>
#include <map>

namespace blackstart::metrics {

using model::ElementIndex;

namespace {

//! Whether an element works, as a step function of time: its state changes, and the state before
//! the first change (the final state when it never changed).
struct Working {
  std::vector<std::pair<double, bool>> steps;  // (from time, works), in time order
  [[nodiscard]] bool at(double t) const {
    bool works = steps.front().second;
    for (const auto& [time, w] : steps)
      if (time <= t) works = w;
    return works;
  }
};

}  // namespace

std::vector<RoadCapacityLoss> road_capacity_losses(const model::Scenario& scenario,
                                                   const sim::RunResult& result) {
  const auto& network = scenario.network;
  const auto& elements = network.elements();
  std::vector<RoadCapacityLoss> out;
  std::vector<std::vector<ElementIndex>> zones_of_road;
  std::vector<ElementIndex> roads;
  for (ElementIndex x = 0; x < elements.size(); ++x) {
    const auto& e = elements[x];
    if (!e.is_link || e.type != "road" || network.layers()[e.layer].kind != model::LayerKind::Transport)
      continue;
    const double capacity = e.attribute("capacity_vph");
    if (capacity <= 0) continue;
    std::vector<ElementIndex> zones;
    for (const auto& dep : network.dependencies())
      if ((dep.dependent == x || dep.dependent == e.from || dep.dependent == e.to) &&
          elements[dep.supplier].type == "traffic_signal_zone")
        zones.push_back(dep.supplier);
    std::sort(zones.begin(), zones.end());
    zones.erase(std::unique(zones.begin(), zones.end()), zones.end());
    RoadCapacityLoss loss;
    loss.id = e.id;
    loss.capacity_vph = capacity;
    out.push_back(loss);
    roads.push_back(x);
    zones_of_road.push_back(std::move(zones));
  }
  if (out.empty()) return out;

  std::map<ElementIndex, Working> working;
  auto track = [&](ElementIndex x) { working.try_emplace(x); };
  for (std::size_t r = 0; r < roads.size(); ++r) {
    track(roads[r]);
    for (ElementIndex z : zones_of_road[r]) track(z);
  }
  for (const auto& c : result.changes) {
    if (c.change != sim::ChangeKind::State) continue;
    const auto it = working.find(c.element);
    if (it == working.end()) continue;
    if (it->second.steps.empty()) it->second.steps.emplace_back(0.0, sim::is_operational(c.from));
    it->second.steps.emplace_back(c.time_min, sim::is_operational(c.to));
  }
  for (auto& [x, w] : working)
    if (w.steps.empty())
      w.steps.emplace_back(
          0.0, x < result.final_states.size() ? sim::is_operational(result.final_states[x]) : true);

  const double horizon = result.horizon_min;
  const double dark_share = scenario.roads.dark_signals_capacity_factor;
  for (std::size_t r = 0; r < roads.size(); ++r) {
    std::vector<double> times{0.0, horizon};
    auto add_times = [&](ElementIndex x) {
      for (const auto& step : working[x].steps)
        if (step.first > 0 && step.first < horizon) times.push_back(step.first);
    };
    add_times(roads[r]);
    for (ElementIndex z : zones_of_road[r]) add_times(z);
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    auto& loss = out[r];
    for (std::size_t i = 0; i < times.size(); ++i) {
      const double t = times[i];
      const double until = i + 1 < times.size() ? times[i + 1] : horizon;
      const bool open = working[roads[r]].at(t);
      const bool dark = std::any_of(zones_of_road[r].begin(), zones_of_road[r].end(),
                                    [&](ElementIndex z) { return !working[z].at(t); });
      const double share = !open ? 0.0 : dark ? dark_share : 1.0;
      const double hours = (until - t) / 60.0;
      if (hours > 0 || t == horizon) loss.min_capacity_share = std::min(loss.min_capacity_share, share);
      loss.vehicles_lost += loss.capacity_vph * (1.0 - share) * hours;
      if (!open)
        loss.hours_closed += hours;
      else if (dark)
        loss.hours_dark += hours;
    }
  }
  return out;
}

}  // namespace blackstart::metrics
