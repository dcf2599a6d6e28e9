#include "blackstart/analysis/compact_graph.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace blackstart::analysis {

CompactGraph CompactGraph::from_edges(std::uint32_t node_count, std::span<const Edge> edges) {
  CompactGraph g;
  g.node_count_ = node_count;
  // Sorting 64-bit keys (u << 32 | v) is a plain integer sort: fast and independent of how the
  // standard library orders equal structs.
  std::vector<std::uint64_t> keys;
  keys.reserve(edges.size());
  for (const Edge& e : edges) {
    if (e.u >= node_count || e.v >= node_count)
      throw std::invalid_argument("CompactGraph: edge endpoint out of range");
    if (e.u == e.v) continue;
    const auto [a, b] = std::minmax(e.u, e.v);
    keys.push_back(std::uint64_t{a} << 32 | b);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

  g.edges_.resize(keys.size());
  std::vector<std::uint64_t> degree(node_count, 0);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const Edge e{static_cast<NodeId>(keys[i] >> 32), static_cast<NodeId>(keys[i] & 0xffffffffu)};
    g.edges_[i] = e;
    ++degree[e.u];
    ++degree[e.v];
  }
  g.offsets_.assign(std::size_t{node_count} + 1, 0);
  for (std::uint32_t v = 0; v < node_count; ++v) g.offsets_[v + 1] = g.offsets_[v] + degree[v];
  g.targets_.resize(g.offsets_[node_count]);
  // Edges are sorted by (u, v) with u < v, so each node first receives its lower neighbours in
  // ascending order (as the v of earlier edges), then its higher ones: lists come out sorted.
  std::vector<std::uint64_t> pos(g.offsets_.begin(), g.offsets_.end() - 1);
  for (const Edge& e : g.edges_) {
    g.targets_[pos[e.u]++] = e.v;
    g.targets_[pos[e.v]++] = e.u;
  }
  return g;
}

double CompactGraph::mean_degree() const {
  return node_count_ == 0 ? 0.0 : 2.0 * static_cast<double>(edges_.size()) / node_count_;
}

std::uint32_t largest_component_size(const CompactGraph& graph, std::span<const std::uint8_t> alive) {
  const std::uint32_t n = graph.node_count();
  auto live = [&](NodeId v) { return alive.empty() || alive[v] != 0; };
  std::vector<std::uint8_t> seen(n, 0);
  std::vector<NodeId> queue;
  queue.reserve(n);
  std::uint32_t best = 0;
  for (NodeId s = 0; s < n; ++s) {
    if (seen[s] || !live(s)) continue;
    queue.clear();
    queue.push_back(s);
    seen[s] = 1;
    for (std::size_t head = 0; head < queue.size(); ++head)
      for (NodeId w : graph.neighbours(queue[head]))
        if (!seen[w] && live(w)) {
          seen[w] = 1;
          queue.push_back(w);
        }
    best = std::max(best, static_cast<std::uint32_t>(queue.size()));
  }
  return best;
}

std::uint64_t uniform_below(core::Rng& rng, std::uint64_t bound) {
  // Reject the top partial block of 2^64 so every residue is equally likely.
  const std::uint64_t limit =
      std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
  std::uint64_t x = rng.next();
  while (x >= limit) x = rng.next();
  return x % bound;
}

std::vector<NodeId> random_permutation(std::uint32_t n, core::Rng& rng) {
  std::vector<NodeId> order(n);
  for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
  for (std::uint32_t i = n; i > 1; --i) std::swap(order[i - 1], order[uniform_below(rng, i)]);
  return order;
}

CompactGraph erdos_renyi(std::uint32_t n, double mean_degree, core::Rng& rng) {
  const double pairs = 0.5 * static_cast<double>(n) * (static_cast<double>(n) - 1.0);
  const double wanted = std::round(0.5 * static_cast<double>(n) * mean_degree);
  if (mean_degree < 0 || wanted > pairs)
    throw std::invalid_argument("erdos_renyi: mean degree out of range for n nodes");
  const auto m = static_cast<std::size_t>(wanted);
  // Drawing pairs with replacement and keeping the distinct ones until m remain gives a uniform
  // m-subset of pairs (it is the sequential process "draw until m distinct"). Each batch draws
  // exactly as many as are still missing, so the count never overshoots.
  std::vector<std::uint64_t> keys;
  keys.reserve(m);
  while (keys.size() < m) {
    const std::size_t missing = m - keys.size();
    for (std::size_t i = 0; i < missing; ++i) {
      std::uint64_t a = 0, b = 0;
      do {
        a = uniform_below(rng, n);
        b = uniform_below(rng, n);
      } while (a == b);
      if (a > b) std::swap(a, b);
      keys.push_back(a << 32 | b);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  }
  std::vector<Edge> edges(m);
  for (std::size_t i = 0; i < m; ++i)
    edges[i] = {static_cast<NodeId>(keys[i] >> 32), static_cast<NodeId>(keys[i] & 0xffffffffu)};
  return CompactGraph::from_edges(n, edges);
}

CompactGraph barabasi_albert(std::uint32_t n, std::uint32_t m, core::Rng& rng) {
  if (m < 1 || n <= m) throw std::invalid_argument("barabasi_albert: needs n > m >= 1");
  std::vector<Edge> edges;
  edges.reserve(std::size_t{n} * m);
  // Each edge puts both endpoints here, so a uniform pick is a pick proportional to degree.
  std::vector<NodeId> endpoints;
  endpoints.reserve(2 * std::size_t{n} * m);
  for (NodeId u = 0; u <= m; ++u)
    for (NodeId v = u + 1; v <= m; ++v) {
      edges.push_back({u, v});
      endpoints.push_back(u);
      endpoints.push_back(v);
    }
  std::vector<NodeId> chosen;
  chosen.reserve(m);
  for (NodeId t = m + 1; t < n; ++t) {
    chosen.clear();
    while (chosen.size() < m) {
      const NodeId c = endpoints[uniform_below(rng, endpoints.size())];
      if (std::find(chosen.begin(), chosen.end(), c) == chosen.end()) chosen.push_back(c);
    }
    for (NodeId c : chosen) {
      edges.push_back({c, t});
      endpoints.push_back(c);
      endpoints.push_back(t);
    }
  }
  return CompactGraph::from_edges(n, edges);
}

}  // namespace blackstart::analysis
