#pragma once
// An oracle for scenario tests, independent of the simulator: the loads of the power layers that no
// longer reach a source once some elements are removed, by plain graph search over the scenario.
#include <set>
#include <vector>

#include "blackstart/model/scenario.hpp"

namespace blackstart::test {

//! Elements a scenario opens: targets of `open_breaker` events, and of physical campaign steps
//! (`open_breaker`, `trip`).
inline std::set<model::ElementIndex> opened_elements(const model::Scenario& s) {
  std::set<model::ElementIndex> opened;
  for (const auto& e : s.events)
    if (e.action == model::Action::OpenBreaker) opened.insert(e.targets.begin(), e.targets.end());
  for (const auto& step : s.campaign.steps)
    if (model::is_physical(step.effect)) opened.insert(step.targets.begin(), step.targets.end());
  return opened;
}

//! Loads of power layers cut off from every source when `removed` (assets or links) are taken out.
inline std::vector<model::ElementIndex> loads_cut_off(const model::Scenario& s,
                                                      const std::set<model::ElementIndex>& removed) {
  const auto& net = s.network;
  std::vector<model::ElementIndex> out;
  for (const auto& layer : net.layers()) {
    if (layer.kind != model::LayerKind::Power) continue;
    std::set<model::ElementIndex> reached;
    std::vector<model::ElementIndex> stack;
    for (auto a : layer.assets)
      if (net.element(a).role == model::Role::Source && !removed.count(a)) stack.push_back(a);
    while (!stack.empty()) {
      const auto a = stack.back();
      stack.pop_back();
      if (!reached.insert(a).second) continue;
      for (auto link : layer.links) {
        const auto& e = net.element(link);
        if (removed.count(link)) continue;
        const auto other = e.from == a ? e.to : e.to == a ? e.from : model::kNoElement;
        if (other != model::kNoElement && !removed.count(other)) stack.push_back(other);
      }
    }
    for (auto a : layer.assets)
      if (net.element(a).role == model::Role::Load && !reached.count(a)) out.push_back(a);
  }
  return out;
}

}  // namespace blackstart::test
