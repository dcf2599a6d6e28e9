#include "blackstart/sim/power_model.hpp"

#include <algorithm>
#include <numeric>

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;
using model::Role;

void PowerSolution::resize(std::size_t n) {
  energised.assign(n, 0);
  served.assign(n, 0.0);
  upstream.assign(n, kNoElement);
  island_source.assign(n, kNoElement);
  flow_mw.assign(n, 0.0);
  loading.assign(n, 0.0);
  dispatch_mw.assign(n, 0.0);
  capacity_scale.assign(n, 1.0);
}

void ConnectivityPowerModel::solve(const model::Network& network, std::uint32_t layer_index,
                                   const std::vector<char>& available, PowerSolution& out) {
  const model::Layer& layer = network.layers()[layer_index];
  const auto& elements = network.elements();
  const std::size_t n = layer.assets.size();

  // Islands by union-find over available links between available assets; the adjacency is kept
  // as flat arrays (in link order, so the feeding tree below is deterministic) in reused buffers.
  auto& parent = parent_;
  parent.resize(n);
  std::iota(parent.begin(), parent.end(), 0u);
  auto root = [&](std::uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  auto usable = [&](ElementIndex link) {
    const auto& e = elements[link];
    return available[link] && available[e.from] && available[e.to];
  };
  start_.assign(n + 1, 0);
  for (ElementIndex link : layer.links)
    if (usable(link)) {
      ++start_[network.vertex_of(elements[link].from) + 1];
      ++start_[network.vertex_of(elements[link].to) + 1];
    }
  for (std::size_t v = 0; v < n; ++v) start_[v + 1] += start_[v];
  neighbours_.resize(start_[n]);
  fill_.assign(start_.begin(), start_.end() - 1);
  for (ElementIndex link : layer.links) {
    if (!usable(link)) continue;
    const auto a = static_cast<std::uint32_t>(network.vertex_of(elements[link].from));
    const auto b = static_cast<std::uint32_t>(network.vertex_of(elements[link].to));
    neighbours_[fill_[a]++] = {b, link};
    neighbours_[fill_[b]++] = {a, link};
    parent[root(a)] = root(b);
  }

  // Per island: capacity of available sources (capacity <= 0 means unlimited, e.g. a strong infeed)
  // and demand of available loads.
  constexpr double kUnlimited = 1e300;
  auto& capacity = capacity_;
  auto& demand = demand_;
  auto& largest_source = largest_source_;
  capacity.assign(n, 0.0);
  demand.assign(n, 0.0);
  largest_source.assign(n, kNoElement);
  for (std::uint32_t v = 0; v < n; ++v) {
    const ElementIndex id = layer.assets[v];
    if (!available[id]) continue;
    const auto& e = elements[id];
    const std::uint32_t r = root(v);
    if (e.role == Role::Source) {
      const double scale = id < out.capacity_scale.size() ? out.capacity_scale[id] : 1.0;
      const double c = e.capacity_mw > 0 ? e.capacity_mw * scale : kUnlimited;
      capacity[r] = std::min(kUnlimited, capacity[r] + c);
      if (largest_source[r] == kNoElement || c > std::max(1e-300, elements[largest_source[r]].capacity_mw))
        largest_source[r] = id;
    } else if (e.has_demand() && e.load_mw > 0) {
      demand[r] += e.load_mw;
    }
  }

  // Feeding tree from the sources (breadth first, deterministic by vertex and link order) so a
  // loss can later be traced to the element upstream of each asset.
  auto& queue = queue_;
  queue.clear();
  auto& seen = seen_;
  seen.assign(n, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    const ElementIndex id = layer.assets[v];
    out.upstream[id] = kNoElement;
    out.energised[id] = 0;
    out.served[id] = 0.0;
    out.island_source[id] = kNoElement;
    if (available[id] && elements[id].role == Role::Source) {
      seen[v] = 1;
      queue.push_back(v);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t v = queue[head];
    for (std::uint32_t k = start_[v]; k < start_[v + 1]; ++k) {
      const auto [w, link] = neighbours_[k];
      if (seen[w]) continue;
      seen[w] = 1;
      out.upstream[layer.assets[w]] = link;
      out.upstream[link] = layer.assets[v];
      queue.push_back(w);
    }
  }

  for (std::uint32_t v = 0; v < n; ++v) {
    const ElementIndex id = layer.assets[v];
    const std::uint32_t r = root(v);
    out.island_source[id] = largest_source[r];
    if (!available[id] || capacity[r] <= 0.0) continue;
    out.energised[id] = 1;
    out.served[id] = demand[r] > capacity[r] ? capacity[r] / demand[r] : 1.0;
  }
  for (ElementIndex link : layer.links) {
    const auto& e = elements[link];
    out.energised[link] = available[link] && out.energised[e.from] && out.energised[e.to];
    out.served[link] = out.energised[link] ? 1.0 : 0.0;
    out.island_source[link] = out.island_source[e.from];
  }
}

const PowerModelRegistry& PowerModelRegistry::builtin() {
  static const PowerModelRegistry registry = [] {
    PowerModelRegistry r;
    register_builtin_power_models(r);
    return r;
  }();
  return registry;
}

const PowerModelInfo* PowerModelRegistry::find(model::PowerModelKind kind) const {
  for (const auto& m : models_)
    if (m.kind == kind) return &m;
  return nullptr;
}

const PowerModelInfo* PowerModelRegistry::find(std::string_view name) const {
  for (const auto& m : models_)
    if (m.name == name) return &m;
  return nullptr;
}

std::vector<std::string> PowerModelRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& m : models_) out.push_back(m.name);
  return out;
}

void register_builtin_power_models(PowerModelRegistry& registry) {
  using model::PowerModelKind;
  auto name = [](PowerModelKind kind) { return std::string(model::to_string(kind)); };
  registry.add({PowerModelKind::Connectivity, name(PowerModelKind::Connectivity),
                "loads served when connected to a source with enough capacity in their island; "
                "proportional shedding otherwise",
                [](const model::PowerFlowSettings&) { return std::make_unique<ConnectivityPowerModel>(); }});
  registry.add({PowerModelKind::Dc, name(PowerModelKind::Dc),
                "connectivity plus DC power flow per island with distributed slack; links above their rating "
                "trip after a delay",
                [](const model::PowerFlowSettings& s) { return std::make_unique<DcPowerModel>(s); }});
  registry.add({PowerModelKind::Ac, name(PowerModelKind::Ac),
                "connectivity plus AC power flow (Newton-Raphson) per island; non-convergence is a voltage "
                "collapse; links above their MVA rating trip after a delay",
                [](const model::PowerFlowSettings& s) { return std::make_unique<AcPowerModel>(s); }});
}

}  // namespace blackstart::sim
