// Mutual percolation on interdependent networks (Buldyrev et al. 2010).
//
// State: a live flag per node of each layer. A stage prunes one layer to its giant component and
// fails, transitively, every node that depends on a node that failed. Stages alternate A, B, A, ...
// (a layer with no failure since its last stage is skipped) until neither layer changed.
//
// Each stage needs the components of the live part of one layer. Two ways, picked per stage:
//  - full pass: union-find over the layer's edge list, which is compacted on every full pass so
//    edges with a dead end are never looked at again (cost ~ live edges);
//  - local pass: after a stage the live nodes of the layer form one component G. If only a few
//    nodes D failed since, every component of G \ D touches a neighbour of D, so breadth-first
//    searches started at those neighbours, advanced in lock-step and merged when they meet, find
//    every piece that broke off; the search still running when all others have finished is the
//    giant, whose size is known without walking it (|G \ D| minus the finished pieces). Near p_c a
//    cascade runs hundreds of stages that each cut off a few small pieces: the local pass costs
//    the size of those pieces instead of the whole layer. When it would visit more than a fraction
//    of the layer, or the giant is not clearly the unfinished search, it falls back to a full pass.
// Both give the same partition, so the choice never changes a result. Everything runs on one
// thread: stages depend on each other (the A and B passes of the Buldyrev rule alternate; running
// them concurrently would be a different, Jacobi, iteration), and a lock-free parallel union-find
// (roots linked under the smaller id, compare-and-swap) was tried for the full pass and measured
// no faster with two threads than this serial union-by-size on the 2-core machine. Results cannot
// depend on the thread count.
//
// Nested sweep. Fix the removal order and write X(p) for the set left after removing its first
// round((1-p)N) nodes, so p < p' gives X(p) ⊆ X(p'). One A stage then one B stage (with the
// dependency failures) is an operator P on live sets that is deflationary (P(S) ⊆ S) and monotone
// (S ⊆ S' implies P(S) ⊆ P(S')) while the giant is macroscopic: the giant of the smaller set lies
// inside one component of the larger set, and that component is the larger set's giant because it
// is the only one of size Θ(N) (the others are O(log N)). Iterating a monotone deflationary P from
// X reaches ν(X), the greatest fixed point of P inside X: any fixed point Y ⊆ X stays inside every
// iterate (Y = P(Y) ⊆ P(X_t)), and ν is monotone. So for p < p',
//   ν(X(p)) ⊆ ν(X(p')) ∩ X(p) ⊆ X(p),
// and applying ν to this chain gives ν(ν(X(p')) ∩ X(p)) = ν(X(p)): starting from the final state of
// the larger p' with the extra nodes removed reaches exactly the independent run's result. The
// final states are fixed points of both the A and B stages, so it does not matter which layer a
// run starts with. The tests check the equality exactly at every point with a giant component.
// The argument needs the giant to be macroscopic at every stage, which holds at every stage of a
// run that ends with one (sizes only shrink). After the collapse it fails: the nested state stays
// empty, while an independent run may end on a few nodes that happen to be connected in both
// networks, kept because at some stage they formed the largest of many tiny pieces (two coupled ER
// networks share about <k>^2 / 2 edges in all). Those μ∞ = O(1/N) differences are the largest-
// cluster rule's finite-size noise; `rerun_below_mu` trades time for equality there.
#include "blackstart/analysis/percolation.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace blackstart::analysis {

Dependencies Dependencies::one_to_one(std::uint32_t n) {
  std::vector<std::pair<NodeId, NodeId>> pairs(n);
  for (std::uint32_t i = 0; i < n; ++i) pairs[i] = {i, i};
  return from_pairs(n, n, pairs, pairs);
}

namespace {
// CSR of (key, value) pairs grouped by key, values in input order.
void build_csr(std::uint32_t keys, std::span<const std::pair<NodeId, NodeId>> pairs, std::uint32_t values,
               std::vector<std::uint32_t>& offsets, std::vector<NodeId>& targets) {
  offsets.assign(std::size_t{keys} + 1, 0);
  for (const auto& [k, v] : pairs) {
    if (k >= keys || v >= values) throw std::invalid_argument("Dependencies: node id out of range");
    ++offsets[k + 1];
  }
  for (std::uint32_t k = 0; k < keys; ++k) offsets[k + 1] += offsets[k];
  targets.resize(pairs.size());
  std::vector<std::uint32_t> pos(offsets.begin(), offsets.end() - 1);
  for (const auto& [k, v] : pairs) targets[pos[k]++] = v;
}
}  // namespace

Dependencies Dependencies::from_pairs(std::uint32_t a_nodes, std::uint32_t b_nodes,
                                      std::span<const std::pair<NodeId, NodeId>> b_needs_a,
                                      std::span<const std::pair<NodeId, NodeId>> a_needs_b) {
  Dependencies d;
  build_csr(a_nodes, b_needs_a, b_nodes, d.b_offsets_, d.b_targets_);
  build_csr(b_nodes, a_needs_b, a_nodes, d.a_offsets_, d.a_targets_);
  return d;
}

std::uint32_t removal_count(double p, std::uint32_t n) {
  const double r = std::round((1.0 - p) * static_cast<double>(n));
  if (!(r > 0)) return 0;
  return r >= n ? n : static_cast<std::uint32_t>(r);
}

struct MutualPercolation::Impl {
  CompactGraph graphs[2];
  Dependencies dependencies;
  PercolationOptions options;
};

MutualPercolation::MutualPercolation(const CompactGraph& a, const CompactGraph& b, Dependencies dependencies,
                                     PercolationOptions options)
    : impl_(std::make_unique<Impl>(Impl{{a, b}, std::move(dependencies), options})) {
  if (impl_->dependencies.a_nodes() != a.node_count() || impl_->dependencies.b_nodes() != b.node_count())
    throw std::invalid_argument("MutualPercolation: dependency map does not match the graph sizes");
}
MutualPercolation::~MutualPercolation() = default;
MutualPercolation::MutualPercolation(MutualPercolation&&) noexcept = default;
MutualPercolation& MutualPercolation::operator=(MutualPercolation&&) noexcept = default;

namespace {

constexpr NodeId kNone = 0xffffffffu;

struct Layer {
  const CompactGraph* graph = nullptr;
  std::vector<std::uint8_t> alive;
  std::uint32_t alive_count = 0;
  // Nodes alive, and edges with both ends alive, at the last full pass (ascending): supersets of
  // the live ones, so a full pass never looks at what died before the previous one.
  std::vector<NodeId> nodes;
  std::vector<Edge> edges;
  // Nodes failed since this layer's last stage (by the initial removal or a dependency).
  std::vector<NodeId> pending;
  bool pruned = false;  // a stage has run since the start, so the live nodes form one component
  [[nodiscard]] bool dirty() const { return !pruned || !pending.empty(); }
};

// Lock-step breadth-first search from one seed; merged searches pool their nodes.
struct Search {
  std::vector<NodeId> nodes;     // every node labelled by this search (or merged into it)
  std::vector<NodeId> frontier;  // labelled, not yet expanded: frontier[head..]
  std::size_t head = 0;
  NodeId min_id = kNone;
  bool finished = false;
};

}  // namespace

struct MutualPercolation::Cascade::State {
  const Impl* model = nullptr;
  std::span<const NodeId> order;
  std::uint32_t removed = 0;
  double last_p = 2.0;
  Layer layers[2];

  // Scratch shared by both layers (sized for the larger one).
  std::vector<NodeId> parent;
  std::vector<std::uint32_t> size;
  std::vector<std::uint32_t> label, stamp;
  std::uint32_t epoch = 0;
  std::vector<Search> searches;
  std::vector<std::uint32_t> group, active, next_active;
  std::vector<NodeId> doomed;
  std::vector<std::uint64_t> stack;  // (layer << 32 | node) still to propagate

  State(const Impl& m, std::span<const NodeId> removal_order) : model(&m), order(removal_order) {
    std::uint32_t n_max = 0;
    for (int l = 0; l < 2; ++l) {
      Layer& layer = layers[l];
      layer.graph = &m.graphs[l];
      const std::uint32_t n = layer.graph->node_count();
      layer.alive.assign(n, 1);
      layer.alive_count = n;
      layer.nodes.resize(n);
      for (NodeId v = 0; v < n; ++v) layer.nodes[v] = v;
      layer.edges = layer.graph->edges();
      n_max = std::max(n_max, n);
    }
    if (order.size() != layers[0].graph->node_count())
      throw std::invalid_argument("MutualPercolation: the removal order must list every A node once");
    parent.resize(n_max);
    size.resize(n_max);
    label.resize(n_max);
    stamp.assign(n_max, 0);
  }

  // Fails node v of layer l and, transitively, every node depending on it. Nodes failed here go to
  // their layer's pending list, except `v` itself when it was cut off by its own layer's stage.
  void fail(int l, NodeId v, bool by_stage) {
    Layer& layer = layers[l];
    if (!layer.alive[v]) return;
    layer.alive[v] = 0;
    --layer.alive_count;
    if (!by_stage) layer.pending.push_back(v);
    stack.clear();
    stack.push_back(std::uint64_t(l) << 32 | v);
    while (!stack.empty()) {
      const std::uint64_t item = stack.back();
      stack.pop_back();
      const int from = static_cast<int>(item >> 32);
      const auto node = static_cast<NodeId>(item & 0xffffffffu);
      const int to = 1 - from;
      const auto dependents =
          from == 0 ? model->dependencies.b_dependents(node) : model->dependencies.a_dependents(node);
      Layer& other = layers[to];
      for (NodeId d : dependents) {
        if (!other.alive[d]) continue;
        other.alive[d] = 0;
        --other.alive_count;
        other.pending.push_back(d);
        stack.push_back(std::uint64_t(to) << 32 | d);
      }
    }
  }

  NodeId find(NodeId v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];  // path halving
      v = parent[v];
    }
    return v;
  }

  // Components by union-find over the compacted edge list; fills `doomed` with the live nodes
  // outside the giant component.
  void full_pass(Layer& layer) {
    const auto& alive = layer.alive;
    std::size_t live = 0;
    for (NodeId v : layer.nodes) {
      if (!alive[v]) continue;
      layer.nodes[live++] = v;
      parent[v] = v;
      size[v] = 1;
    }
    layer.nodes.resize(live);
    std::size_t kept = 0;
    for (const Edge& e : layer.edges) {
      if (!alive[e.u] || !alive[e.v]) continue;
      layer.edges[kept++] = e;
      NodeId a = find(e.u), b = find(e.v);
      if (a == b) continue;
      if (size[a] < size[b]) std::swap(a, b);
      parent[b] = a;
      size[a] += size[b];
    }
    layer.edges.resize(kept);
    NodeId giant = kNone;
    std::uint32_t giant_size = 0;
    // Ascending ids: the first root reaching the largest size is the tie-break winner. Pointing
    // every node at its root here makes the last loop a plain comparison.
    for (NodeId v : layer.nodes) {
      const NodeId r = find(v);
      parent[v] = r;
      if (size[r] > giant_size) {
        giant_size = size[r];
        giant = r;
      }
    }
    if (giant_size < model->options.min_giant_nodes) giant = kNone;
    for (NodeId v : layer.nodes)
      if (parent[v] != giant) doomed.push_back(v);
  }

  std::uint32_t group_of(std::uint32_t s) {
    while (group[s] != s) {
      group[s] = group[group[s]];
      s = group[s];
    }
    return s;
  }

  // The local pass described at the top of the file. Returns false when it gives up (the caller
  // then runs a full pass); on success fills `doomed`.
  bool local_pass(Layer& layer) {
    const CompactGraph& g = *layer.graph;
    const auto& alive = layer.alive;
    if (++epoch == 0) {  // wrapped: old stamps could collide
      std::fill(stamp.begin(), stamp.end(), 0);
      epoch = 1;
    }
    std::size_t count = 0;
    auto new_search = [&](NodeId u) {
      if (count == searches.size()) searches.emplace_back();
      Search& s = searches[count];
      s.nodes.assign(1, u);
      s.frontier.assign(1, u);
      s.head = 0;
      s.min_id = u;
      s.finished = false;
      stamp[u] = epoch;
      label[u] = static_cast<std::uint32_t>(count);
      ++count;
    };
    for (NodeId d : layer.pending)
      for (NodeId u : g.neighbours(d))
        if (alive[u] && stamp[u] != epoch) new_search(u);
    if (count == 0) return true;  // nothing live touched the failed nodes: nothing broke off

    // Lock-step: every running search expands one node per round. A piece that broke off is
    // finished after about its own size in rounds, and searches inside the giant run into each
    // other and are pooled, so the giant's searches coalesce without walking the giant.
    const std::size_t budget = layer.alive_count / 8 + 64;
    std::size_t visited = count;
    group.resize(count);
    active.resize(count);
    for (std::uint32_t s = 0; s < count; ++s) group[s] = active[s] = s;
    while (active.size() > 1) {
      for (std::uint32_t s0 : active) {
        if (group[s0] != s0) continue;  // pooled into another search this round
        std::uint32_t s = s0;
        Search* cur = &searches[s];
        if (cur->finished) continue;
        const NodeId v = cur->frontier[cur->head++];
        for (NodeId u : g.neighbours(v)) {
          if (!alive[u]) continue;
          if (stamp[u] != epoch) {
            stamp[u] = epoch;
            label[u] = s;
            cur->nodes.push_back(u);
            cur->frontier.push_back(u);
            cur->min_id = std::min(cur->min_id, u);
            ++visited;
            continue;
          }
          const std::uint32_t t = group_of(label[u]);
          if (t == s) continue;
          // Two searches met: pool them into the one with more nodes (small into large keeps the
          // copying to O(n log n)). A finished search is a whole component, so t is not finished.
          std::uint32_t keep = s, drop = t;
          if (searches[t].nodes.size() > cur->nodes.size()) std::swap(keep, drop);
          Search& k = searches[keep];
          Search& d = searches[drop];
          k.nodes.insert(k.nodes.end(), d.nodes.begin(), d.nodes.end());
          k.frontier.insert(k.frontier.end(), d.frontier.begin() + static_cast<std::ptrdiff_t>(d.head),
                            d.frontier.end());
          k.min_id = std::min(k.min_id, d.min_id);
          d.nodes.clear();
          d.frontier.clear();
          d.head = 0;
          group[drop] = keep;
          s = keep;
          cur = &k;
        }
        if (cur->head == cur->frontier.size()) cur->finished = true;
      }
      if (visited > budget) return false;
      next_active.clear();
      for (std::uint32_t s : active)
        if (group[s] == s && !searches[s].finished) next_active.push_back(s);
      active.swap(next_active);
    }
    const std::uint32_t open = active.empty() ? kNone : active.front();

    // Finished searches are whole components; at most one search is still running.
    std::size_t finished_nodes = 0;
    std::uint32_t best = kNone;
    for (std::uint32_t s = 0; s < count; ++s) {
      if (group[s] != s || !searches[s].finished) continue;
      const Search& c = searches[s];
      finished_nodes += c.nodes.size();
      if (best == kNone || c.nodes.size() > searches[best].nodes.size() ||
          (c.nodes.size() == searches[best].nodes.size() && c.min_id < searches[best].min_id))
        best = s;
    }
    const std::uint32_t min_giant = model->options.min_giant_nodes;
    if (open != kNone) {
      const std::size_t rest = layer.alive_count - finished_nodes;
      // The open search must be the strict winner and a giant; a tie would need its lowest id.
      if (best != kNone && rest <= searches[best].nodes.size()) return false;
      if (rest < min_giant) return false;
      best = open;
    } else if (best != kNone && searches[best].nodes.size() < min_giant) {
      best = kNone;
    }
    for (std::uint32_t s = 0; s < count; ++s)
      if (group[s] == s && s != best)
        doomed.insert(doomed.end(), searches[s].nodes.begin(), searches[s].nodes.end());
    return true;
  }

  // One stage on layer l. Returns the number of nodes it failed (including dependency failures).
  std::uint32_t stage(int l) {
    Layer& layer = layers[l];
    const std::uint32_t before = layers[0].alive_count + layers[1].alive_count;
    doomed.clear();
    // A local pass pays off when few nodes failed since the last stage: its searches must meet
    // inside the giant, which costs about sqrt(seeds * N). On two 10^6-node ER layers it beat a
    // full pass up to about alive / 600 failures and lost above (it gives up after visiting an
    // eighth of the layer, so a wrong guess costs at most that).
    const bool local = layer.pruned && layer.pending.size() * 512 < layer.alive_count;
    if (!local || !local_pass(layer)) {
      doomed.clear();
      full_pass(layer);
    }
    layer.pending.clear();
    layer.pruned = true;
    for (NodeId v : doomed) fail(l, v, true);
    return before - (layers[0].alive_count + layers[1].alive_count);
  }

  PercolationResult advance_to(double p) {
    if (p > last_p) throw std::invalid_argument("Cascade::advance_to: p must not increase");
    last_p = p;
    const std::uint32_t n = layers[0].graph->node_count();
    const std::uint32_t target = removal_count(p, n);
    for (; removed < target; ++removed) fail(0, order[removed], false);

    PercolationResult result;
    result.p = p;
    result.removed = removed;
    std::uint32_t run = 0;
    int l = 0;
    while (layers[0].dirty() || layers[1].dirty()) {
      if (run >= model->options.max_stages) {
        result.converged = false;
        break;
      }
      if (layers[l].dirty()) {
        ++run;
        if (stage(l) > 0) ++result.stages;
      }
      l = 1 - l;
    }
    result.alive_a = layers[0].alive_count;
    result.alive_b = layers[1].alive_count;
    result.mu = n == 0 ? 0.0 : static_cast<double>(result.alive_a) / n;
    return result;
  }
};

MutualPercolation::Cascade::Cascade(const MutualPercolation& model, std::span<const NodeId> removal_order)
    : state_(std::make_unique<State>(*model.impl_, removal_order)) {}
MutualPercolation::Cascade::~Cascade() = default;
MutualPercolation::Cascade::Cascade(Cascade&&) noexcept = default;
MutualPercolation::Cascade& MutualPercolation::Cascade::operator=(Cascade&&) noexcept = default;

PercolationResult MutualPercolation::Cascade::advance_to(double p) {
  return state_->advance_to(p);
}
std::span<const std::uint8_t> MutualPercolation::Cascade::alive_a() const {
  return state_->layers[0].alive;
}
std::span<const std::uint8_t> MutualPercolation::Cascade::alive_b() const {
  return state_->layers[1].alive;
}

PercolationResult MutualPercolation::run(std::span<const NodeId> removal_order, double p) const {
  Cascade cascade(*this, removal_order);
  return cascade.advance_to(p);
}

std::vector<PercolationResult> MutualPercolation::sweep(std::span<const NodeId> removal_order,
                                                        std::span<const double> p_values) const {
  std::vector<std::size_t> by_p(p_values.size());
  for (std::size_t i = 0; i < by_p.size(); ++i) by_p[i] = i;
  std::stable_sort(by_p.begin(), by_p.end(),
                   [&](std::size_t x, std::size_t y) { return p_values[x] > p_values[y]; });
  std::vector<PercolationResult> results(p_values.size());
  Cascade cascade(*this, removal_order);
  bool collapsed = false;
  for (std::size_t i : by_p) {
    if (collapsed) {
      results[i] = run(removal_order, p_values[i]);
      continue;
    }
    results[i] = cascade.advance_to(p_values[i]);
    collapsed = results[i].mu < impl_->options.rerun_below_mu;
  }
  return results;
}

}  // namespace blackstart::analysis
