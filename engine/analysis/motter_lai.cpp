// Motter–Lai capacity cascade. After each round only the components that contain a live
// neighbour of a node failed in that round are recomputed: betweenness is a sum over pairs inside
// one component, so the loads of every other component are unchanged, and keeping them untouched
// keeps them bit-for-bit equal to before.
#include "blackstart/analysis/motter_lai.hpp"

#include <algorithm>

#include "blackstart/analysis/betweenness.hpp"

namespace blackstart::analysis {

MotterLai::MotterLai(CompactGraph graph)
    : graph_(std::move(graph)),
      initial_load_(betweenness(graph_)),
      largest_before_(largest_component_size(graph_)),
      cached_removed_(graph_.node_count()) {}

namespace {

// Recomputes load[] for the components holding a live neighbour of a node in `failed`; the other
// entries are left as they are. Loads of failed nodes are set to 0.
void update_loads(const CompactGraph& g, std::span<const std::uint8_t> alive, std::span<const NodeId> failed,
                  std::vector<double>& load) {
  const std::uint32_t n = g.node_count();
  std::vector<std::uint8_t> seen(n, 0);
  std::vector<NodeId> sources;
  for (NodeId f : failed) {
    load[f] = 0.0;
    for (NodeId start : g.neighbours(f)) {
      if (!alive[start] || seen[start]) continue;
      const std::size_t first = sources.size();
      sources.push_back(start);
      seen[start] = 1;
      for (std::size_t head = first; head < sources.size(); ++head)
        for (NodeId w : g.neighbours(sources[head]))
          if (alive[w] && !seen[w]) {
            seen[w] = 1;
            sources.push_back(w);
          }
    }
  }
  // In id order, so the sums do not depend on which failed node was listed first.
  std::sort(sources.begin(), sources.end());
  recompute_betweenness(g, alive, sources, load);
}

}  // namespace

MotterLaiResult MotterLai::run(const MotterLaiOptions& options) {
  const std::uint32_t n = graph_.node_count();
  MotterLaiResult result;
  result.largest_before = largest_before_;
  result.largest_after = largest_before_;
  if (n == 0) return result;

  core::Rng rng(options.seed, 0, "analysis.motter_lai", 0);
  const NodeId x = pick_target(graph_, options.strategy, {}, initial_load_, rng);
  result.removed = x;

  std::vector<std::uint8_t> alive(n, 1);
  alive[x] = 0;
  if (cached_removed_ != x) {
    cached_load_ = initial_load_;
    const NodeId failed[] = {x};
    update_loads(graph_, alive, failed, cached_load_);
    cached_removed_ = x;
  }
  std::vector<double> load = cached_load_;

  std::vector<NodeId> overloaded;
  for (;;) {
    overloaded.clear();
    for (NodeId v = 0; v < n; ++v) {
      if (!alive[v]) continue;
      const double capacity = (1.0 + options.alpha) * initial_load_[v];
      if (load[v] > capacity + options.tolerance * std::max(1.0, capacity)) overloaded.push_back(v);
    }
    if (overloaded.empty()) break;
    if (result.steps >= options.max_steps) {
      result.converged = false;
      break;
    }
    ++result.steps;
    result.failed += static_cast<std::uint32_t>(overloaded.size());
    result.failed_per_step.push_back(static_cast<std::uint32_t>(overloaded.size()));
    for (NodeId v : overloaded) alive[v] = 0;
    update_loads(graph_, alive, overloaded, load);
  }
  result.largest_after = largest_component_size(graph_, alive);
  result.g = largest_before_ == 0 ? 1.0 : static_cast<double>(result.largest_after) / largest_before_;
  return result;
}

}  // namespace blackstart::analysis
