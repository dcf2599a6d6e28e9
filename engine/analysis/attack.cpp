#include "blackstart/analysis/attack.hpp"

#include <algorithm>

#include "blackstart/analysis/betweenness.hpp"

namespace blackstart::analysis {

NodeId pick_target(const CompactGraph& graph, AttackStrategy strategy, std::span<const std::uint8_t> alive,
                   std::span<const double> load, core::Rng& rng) {
  const std::uint32_t n = graph.node_count();
  auto live = [&](NodeId v) { return alive.empty() || alive[v] != 0; };
  if (strategy == AttackStrategy::Random) {
    std::vector<NodeId> candidates;
    for (NodeId v = 0; v < n; ++v)
      if (live(v)) candidates.push_back(v);
    if (candidates.empty()) return n;
    return candidates[uniform_below(rng, candidates.size())];
  }
  NodeId best = n;
  double best_score = -1.0;
  for (NodeId v = 0; v < n; ++v) {
    if (!live(v)) continue;
    double score = 0.0;
    if (strategy == AttackStrategy::HighestLoad) {
      score = load[v];
    } else {
      // Degree among live neighbours, so an adaptive attack sees the graph as it is now.
      for (NodeId u : graph.neighbours(v)) score += live(u) ? 1.0 : 0.0;
    }
    if (score > best_score) {  // strict: the lowest id wins a tie
      best_score = score;
      best = v;
    }
  }
  return best;
}

AttackResult attack(const CompactGraph& graph, const AttackOptions& options) {
  const std::uint32_t n = graph.node_count();
  AttackResult result;
  result.alive.assign(n, 1);
  result.largest_before = largest_component_size(graph);
  const std::uint32_t count = std::min(options.count, n);
  core::Rng rng(options.seed, 0, "analysis.attack", 0);

  if (options.strategy == AttackStrategy::Random) {
    // A partial Fisher-Yates shuffle: the first `count` entries of a random permutation.
    std::vector<NodeId> order(n);
    for (NodeId v = 0; v < n; ++v) order[v] = v;
    for (std::uint32_t i = 0; i < count; ++i) std::swap(order[i], order[i + uniform_below(rng, n - i)]);
    result.removed.assign(order.begin(), order.begin() + count);
  } else if (!options.adaptive) {
    std::vector<double> score(n);
    if (options.strategy == AttackStrategy::HighestLoad) {
      score = betweenness(graph);
    } else {
      for (NodeId v = 0; v < n; ++v) score[v] = graph.degree(v);
    }
    std::vector<NodeId> order(n);
    for (NodeId v = 0; v < n; ++v) order[v] = v;
    std::stable_sort(order.begin(), order.end(), [&](NodeId a, NodeId b) { return score[a] > score[b]; });
    result.removed.assign(order.begin(), order.begin() + count);
  } else {
    std::vector<double> load;
    for (std::uint32_t i = 0; i < count; ++i) {
      if (options.strategy == AttackStrategy::HighestLoad) load = betweenness(graph, result.alive);
      const NodeId v = pick_target(graph, options.strategy, result.alive, load, rng);
      result.alive[v] = 0;
      result.removed.push_back(v);
    }
  }
  for (NodeId v : result.removed) result.alive[v] = 0;
  result.largest_after = largest_component_size(graph, result.alive);
  return result;
}

}  // namespace blackstart::analysis
