// Power layers: solving them with the scenario's power model, overload protection on flow models,
// and the physical cause of a lost supply (the nearest element upstream that no longer works).
#include <algorithm>

#include "simulation.hpp"

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;

namespace {
Cause physics(Reason reason, ElementIndex element) {
  Cause cause;
  cause.kind = CauseKind::Physics;
  cause.reason = reason;
  cause.element = element;
  return cause;
}
}  // namespace

void Simulation::solve_power(std::uint32_t layer_index, double t) {
  available_.resize(elements_.size());
  const model::Layer& layer = network_.layers()[layer_index];
  for (auto x : layer.assets) available_[x] = rt_[x].available;
  for (auto x : layer.links) available_[x] = rt_[x].available;
  power_model_->solve(network_, layer_index, available_, solution_);
  auto apply = [&](ElementIndex x) {
    Runtime& r = rt_[x];
    const bool energised = solution_.energised[x] != 0;
    const double served = solution_.served[x];
    if (served != r.served) touch(x);
    r.served = served;
    if (energised != r.energised) {
      r.energised = energised;
      touch(x);
    }
  };
  for (auto x : layer.assets) apply(x);
  for (auto x : layer.links) apply(x);
  // Operational only after every energised flag is known, so causes can look upstream.
  std::vector<ElementIndex> lost;
  auto update = [&](ElementIndex x) {
    Runtime& r = rt_[x];
    const bool operational = r.available && r.energised;
    if (r.operational && !operational && r.available) lost.push_back(x);
    set_operational(x, operational, t);
  };
  for (auto x : layer.assets) update(x);
  for (auto x : layer.links) update(x);
  for (auto x : lost) rt_[x].physics_cause = trace_physics_cause(x);
  // Elements that stay dead keep a cause that points at something still down: one that was down
  // already (a breaker re-closed onto a dead bus) gets its first, and one whose culprit came back
  // while another path is still missing gets the new culprit.
  auto retrace = [&](ElementIndex x) {
    Runtime& r = rt_[x];
    if (!r.available || r.energised || std::binary_search(lost.begin(), lost.end(), x)) return;
    const Cause& current = r.physics_cause;
    const bool stale = current.empty() || current.reason == Reason::IslandShortOfGeneration ||
                       (current.element != kNoElement && rt_[current.element].operational);
    if (!stale) return;
    Cause fresh = trace_physics_cause(x);
    if (fresh == current) return;
    r.physics_cause = fresh;
    touch(x);
  };
  std::sort(lost.begin(), lost.end());
  for (auto x : layer.assets) retrace(x);
  for (auto x : layer.links) retrace(x);
  watch_overloads(layer_index, t);
  for (auto x : layer.assets)
    if (elements_[x].has_demand() && rt_[x].served < 1.0 && rt_[x].operational)
      rt_[x].physics_cause = physics(Reason::IslandShortOfGeneration, solution_.island_source[x]);
  // Remember the path that fed each energised element, for tracing the next loss.
  auto remember = [&](ElementIndex x) {
    if (!solution_.energised[x]) return;
    rt_[x].last_upstream = solution_.upstream[x];
    rt_[x].last_source = solution_.island_source[x];
  };
  for (auto x : layer.assets) remember(x);
  for (auto x : layer.links) remember(x);
}

//! Links above their rating start a protection timer; the trip happens if the overload lasts.
void Simulation::watch_overloads(std::uint32_t layer_index, double t) {
  auto& changed = recent_changes_[layer_index];
  std::sort(changed.begin(), changed.end());
  const ElementIndex trigger = changed.empty() ? kNoElement : changed.front();
  const auto& settings = scenario_.power_flow;
  for (auto x : network_.layers()[layer_index].links) {
    Runtime& r = rt_[x];
    const double loading = solution_.loading[x];
    if (!r.operational || loading <= 1.0 + settings.overload_tolerance) {
      r.overload_since = -1.0;
      continue;
    }
    if (r.overload_since >= 0) continue;
    r.overload_since = t;
    r.overload_cause = physics(Reason::Overloaded, trigger);
    r.overload_cause.value = loading;
    r.overload_cause.came_back = trigger != kNoElement && rt_[trigger].available;
    queue_.push(t + settings.trip_delay_min, QueueItem::Kind::TripCheck, x);
  }
  changed.clear();
}

void Simulation::check_trip(ElementIndex x, double t) {
  Runtime& r = rt_[x];
  if (r.overload_since < 0 || t + 1e-9 < r.overload_since + scenario_.power_flow.trip_delay_min) return;
  if (r.damage != Damage::None) return;
  const Cause cause = r.overload_cause;
  set_damage(x, Damage::Tripped, kNoEvent, cause, t);
  r.overload_since = -1.0;
}

//! The nearest element upstream, on the path that last fed `x`, that no longer works.
Cause Simulation::trace_physics_cause(ElementIndex x) const {
  const model::Element& e = elements_[x];
  if (e.is_link) {
    // A line is dead when an end is: name the end that fed it if that went down, else the other.
    const ElementIndex fed_from = rt_[x].last_upstream;
    const ElementIndex other = fed_from == e.from ? e.to : e.from;
    for (ElementIndex end : {fed_from == kNoElement ? e.from : fed_from, other})
      if (!rt_[end].operational) return physics(Reason::LineEndLostPower, end);
  }
  ElementIndex current = rt_[x].last_upstream;
  for (std::size_t steps = 0; current != kNoElement && steps < elements_.size(); ++steps) {
    if (!rt_[current].operational) return physics(Reason::LostSupplyThrough, current);
    current = rt_[current].last_upstream;
  }
  const ElementIndex source = rt_[x].last_source;
  if (source != kNoElement && !rt_[source].operational) return physics(Reason::IslandLostSource, source);
  return physics(Reason::NoPathToSource, kNoElement);
}

}  // namespace blackstart::sim
