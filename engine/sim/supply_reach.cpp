// Forward trace: who needs whom (dependencies and the direction power flows through lines and
// buses), and everything an asset holds down at a time.
#include "blackstart/sim/supply_reach.hpp"

#include <algorithm>
#include <deque>
#include <tuple>

#include "blackstart/sim/explain.hpp"

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;

namespace {

//! Not working normally: what "taken down" lists.
bool is_down(State state) {
  return state == State::Failed || state == State::Degraded || state == State::Compromised ||
         state == State::UnderRepair;
}

bool serves(model::DependencyEffect effect) {
  return effect == model::DependencyEffect::Fail || effect == model::DependencyEffect::Degrade;
}

}  // namespace

std::vector<State> states_at(const RunResult& result, std::size_t element_count, double at_min) {
  std::vector<State> states(element_count, State::InService);
  for (const auto& change : result.changes) {
    if (change.time_min > at_min) break;
    if (change.change == ChangeKind::State && change.element < element_count)
      states[change.element] = change.to;
  }
  return states;
}

SupplyReach::SupplyReach(const model::Network& network)
    : network_(&network), served_(network.size()), needs_(network.size()), distance_(network.size(), -1) {
  const auto& deps = network.dependencies();
  for (std::uint32_t i = 0; i < deps.size(); ++i)
    if (serves(deps[i].effect) && deps[i].supplier < network.size() && deps[i].dependent < network.size())
      served_[deps[i].supplier].push_back({deps[i].dependent, SupplyLink::Dependency, i});

  // Power layers: breadth-first from every source over assets and lines (a line is a step).
  for (const auto& layer : network.layers()) {
    if (layer.kind != model::LayerKind::Power) continue;
    std::vector<std::vector<ElementIndex>> lines_at(network.size());
    for (auto k : layer.links) {
      const auto& e = network.element(k);
      lines_at[e.from].push_back(k);
      if (e.to != e.from) lines_at[e.to].push_back(k);
    }
    std::deque<ElementIndex> queue;
    for (auto a : layer.assets)
      if (network.element(a).role == model::Role::Source) {
        distance_[a] = 0;
        queue.push_back(a);
      }
    while (!queue.empty()) {
      const ElementIndex x = queue.front();
      queue.pop_front();
      const auto& e = network.element(x);
      const auto step = [&](ElementIndex y) {
        if (distance_[y] >= 0) return;
        distance_[y] = distance_[x] + 1;
        queue.push_back(y);
      };
      if (e.is_link) {
        step(e.from);
        step(e.to);
      } else {
        for (auto k : lines_at[x]) step(k);
      }
    }
    for (auto k : layer.links) {
      const auto& e = network.element(k);
      if (distance_[k] < 0 || e.from == e.to) continue;
      for (ElementIndex end : {e.from, e.to}) {
        if (distance_[k] == distance_[end] + 1) served_[end].push_back({k, SupplyLink::Power, kNoDependency});
        if (distance_[end] == distance_[k] + 1) served_[k].push_back({end, SupplyLink::Power, kNoDependency});
      }
    }
  }
  for (ElementIndex x = 0; x < served_.size(); ++x)
    for (const auto& s : served_[x]) needs_[s.element].push_back({x, s.link, s.dependency});
  const auto by_element = [](const Served& a, const Served& b) {
    return std::tie(a.element, a.link, a.dependency) < std::tie(b.element, b.link, b.dependency);
  };
  for (auto& list : served_) std::sort(list.begin(), list.end(), by_element);
  for (auto& list : needs_) std::sort(list.begin(), list.end(), by_element);
}

std::vector<DownstreamElement> SupplyReach::downstream(const RunResult& result, ElementIndex asset,
                                                       double at_min) const {
  const std::size_t n = network_->size();
  std::vector<DownstreamElement> out;
  if (asset >= n) return out;
  const auto states = states_at(result, n, at_min);
  // Damaged in its own right: restoration work on it that is not finished at that time.
  std::vector<bool> own(n, false);
  for (const auto& step : result.repairs) {
    if (step.time_min > at_min) break;
    if (step.element < n) own[step.element] = step.kind != RepairStep::Kind::Cleared;
  }

  std::vector<int> found(n, -1);  // index into `out`
  if (!is_operational(states[asset])) {
    std::deque<ElementIndex> queue{asset};
    std::vector<int> depth(n, 0);
    std::vector<bool> seen(n, false);
    seen[asset] = true;
    while (!queue.empty()) {
      const ElementIndex x = queue.front();
      queue.pop_front();
      for (const auto& s : served_[x]) {
        const ElementIndex y = s.element;
        if (seen[y] || !is_down(states[y])) continue;
        seen[y] = true;
        depth[y] = depth[x] + 1;
        found[y] = static_cast<int>(out.size());
        out.push_back({y, x, s.link, s.dependency, depth[y], states[y], own[y]});
        if (!is_operational(states[y])) queue.push_back(y);
      }
    }
  }

  // What the cause records add: chains through the asset that the network does not show.
  for (ElementIndex x : taken_down_by(result, asset, at_min)) {
    if (found[x] >= 0) continue;
    const auto chain = explain(result, x, at_min);
    DownstreamElement d{x, asset, SupplyLink::Cause, kNoDependency, 1, states[x], own[x]};
    // Reached from the first other element of its chain (its direct cause).
    for (std::size_t i = 1; i < chain.size(); ++i)
      if (chain[i].element != x) {
        d.via = chain[i].element;
        break;
      }
    for (std::size_t i = 1; i < chain.size(); ++i)
      if (chain[i].element == asset) {
        d.depth = static_cast<int>(i);
        break;
      }
    found[x] = static_cast<int>(out.size());
    out.push_back(d);
  }
  std::sort(out.begin(), out.end(),
            [](const DownstreamElement& a, const DownstreamElement& b) { return a.element < b.element; });
  return out;
}

std::vector<DownstreamElement> downstream_of(const model::Network& network, const RunResult& result,
                                             ElementIndex asset, double at_min) {
  return SupplyReach(network).downstream(result, asset, at_min);
}

}  // namespace blackstart::sim
