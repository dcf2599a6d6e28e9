// What the attacker reaches. Over the network: from every asset it holds, along cyber-layer links
// that are in service and through assets that still work, so cutting or isolating a link closes a
// path without naming any attack. Over the process: from every asset it holds, down the scenario's
// control dependencies (supplier controls dependent), so a hijacked HMI commands what that HMI
// controls and nothing else. Recomputed only when something it depends on changed.
#include <deque>

#include "simulation.hpp"

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;

bool Simulation::usable_by_attacker(ElementIndex x) const {
  const Runtime& r = rt_[x];
  if (r.damage != Damage::None && r.damage != Damage::Compromised) return false;
  return !r.dependency_failed && r.energised;
}

void Simulation::compute_reach() {
  reach_stale_ = false;
  const std::size_t n = elements_.size();
  cyber_reach_from_.assign(n, kNoElement);
  control_reach_from_.assign(n, kNoElement);
  std::deque<ElementIndex> cyber, control;
  for (ElementIndex x = 0; x < n; ++x) {
    if (!rt_[x].attacker_holds || !usable_by_attacker(x)) continue;
    cyber_reach_from_[x] = control_reach_from_[x] = x;
    cyber.push_back(x);
    control.push_back(x);
  }
  while (!cyber.empty()) {
    const ElementIndex u = cyber.front();
    cyber.pop_front();
    if (cyber_reach_from_[u] != u && !usable_by_attacker(u)) continue;  // reached, but no further
    for (std::uint32_t link : cyber_links_[u]) {
      if (!rt_[link].operational) continue;
      const model::Element& l = elements_[link];
      const ElementIndex v = l.from == u ? l.to : l.from;
      if (cyber_reach_from_[v] != kNoElement) continue;
      cyber_reach_from_[v] = cyber_reach_from_[u];
      cyber.push_back(v);
    }
  }
  while (!control.empty()) {
    const ElementIndex u = control.front();
    control.pop_front();
    if (control_reach_from_[u] != u && (!usable_by_attacker(u) || rt_[u].manual_operations)) continue;
    for (ElementIndex v : controls_[u]) {
      if (control_reach_from_[v] != kNoElement) continue;
      control_reach_from_[v] = control_reach_from_[u];
      control.push_back(v);
    }
  }
}

ElementIndex Simulation::reached_from(const model::AttackStep& step, ElementIndex target) const {
  if (model::is_physical(step.effect))
    return rt_[target].manual_operations ? kNoElement : control_reach_from_[target];
  if (cyber_reach_from_[target] != kNoElement) return cyber_reach_from_[target];
  // Assets off the cyber layers (a UPS, a relay) are reached through what controls them.
  return control_reach_from_[target];
}

}  // namespace blackstart::sim
