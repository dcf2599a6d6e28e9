// Brandes' betweenness for unweighted graphs, parallel over sources and deterministic, with the
// trees hanging off the graph folded away first.
//
// Folding (the "1-degree reduction" of Baglioni, Geraci, Pellegrini, Lastres 2012): a node of
// degree 1 is a leaf of a tree hanging off the rest; peel it into its neighbour, which then stands
// for w nodes (itself and everything peeled into it), and repeat. What is left is the 2-core plus
// one root per tree component. A peeled node u is a cut vertex: every pair whose ends lie in two
// different branches at u (its peeled children, and the rest of its component, N - w(u) nodes) has
// all its shortest paths through u, so
//   L(u) = sum over pairs of branches b_i * b_j.
// A core node v carries the same for its own peeled branches (against each other and against the
// N - w(v) nodes outside), plus the pairs between the groups of two other core nodes s, t, found by
// Brandes on the core with every source and target counted w times:
//   delta_s(v) = sum over successors x of sigma_v / sigma_x * (w(x) + delta_s(x)),
//   L(v) += 1/2 * sum over core sources s of w(s) * delta_s(v).
// After a Motter-Lai failure round many nodes hang by one link, and the core is a fraction of
// the live graph; Brandes costs core nodes times core edges.
#include "blackstart/analysis/betweenness.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>

namespace blackstart::analysis {

namespace {

// Per-thread buffers; their contents never carry from one source to the next.
struct Workspace {
  std::vector<std::int32_t> dist;
  std::vector<double> sigma;  // number of shortest paths from the source
  std::vector<double> coeff;  // (w + delta) / sigma: Brandes' dependency per path
  std::vector<NodeId> order;  // nodes in BFS order from the current source
  // Shortest-path DAG: the successors of order[i] (neighbours one level further out) are
  // succ[succ_end[i-1] .. succ_end[i]).
  std::vector<NodeId> succ;
  std::vector<std::size_t> succ_end;
  Workspace(std::uint32_t n, std::size_t arcs)
      : dist(n, -1), sigma(n, 0.0), coeff(n, 0.0), order(n), succ(arcs), succ_end(n) {}
};

// The core as its own small graph, numbered in breadth-first order so that neighbours tend to sit
// close together in memory; with no dead nodes left, the inner loops need no liveness test.
struct CoreGraph {
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::uint32_t> targets;
  std::vector<double> weight;
  std::span<const std::uint32_t> neighbours(std::uint32_t v) const {
    return {targets.data() + offsets[v], targets.data() + offsets[v + 1]};
  }
};

// Adds w(s) * delta_s(v) to acc[v] for every core node v != s.
void single_source(const CoreGraph& g, std::uint32_t s, Workspace& w, std::span<double> acc) {
  std::int32_t* dist = w.dist.data();
  double* sigma = w.sigma.data();
  double* coeff = w.coeff.data();
  NodeId* order = w.order.data();
  NodeId* succ = w.succ.data();
  std::size_t* succ_end = w.succ_end.data();
  std::size_t tail = 1, arcs = 0;
  order[0] = s;
  dist[s] = 0;
  sigma[s] = 1.0;
  for (std::size_t head = 0; head < tail; ++head) {
    const NodeId v = order[head];
    const std::int32_t next = dist[v] + 1;
    const double sv = sigma[v];
    for (NodeId u : g.neighbours(v)) {
      const std::int32_t du = dist[u];
      if (du < 0) {
        dist[u] = next;
        order[tail++] = u;
        sigma[u] = sv;
        succ[arcs++] = u;
      } else if (du == next) {
        sigma[u] += sv;
        succ[arcs++] = u;
      }
    }
    succ_end[head] = arcs;
  }
  // Dependencies in reverse BFS order, pulled from the successors. Pulling writes only v's own
  // entry; walking the recorded DAG skips the arcs within a level and towards the source.
  const double* weight = g.weight.data();
  const double ws = weight[s];
  for (std::size_t i = tail; i-- > 0;) {
    const NodeId v = order[i];
    double sum = 0.0;
    for (std::size_t j = i == 0 ? 0 : succ_end[i - 1]; j < succ_end[i]; ++j) sum += coeff[succ[j]];
    const double delta = sigma[v] * sum;
    coeff[v] = (weight[v] + delta) / sigma[v];
    if (v != s) acc[v] += ws * delta;
  }
  for (std::size_t i = 0; i < tail; ++i) dist[order[i]] = -1;
}

// At most this many partial vectors: bounds memory to kChunks * n doubles while leaving enough
// pieces to balance two to a few dozen threads. Fixed, so the summation order never depends on
// the thread count.
constexpr std::size_t kChunks = 64;

// Brandes from every core node (local ids, in the given order); returns, per local node, the sum
// over sources of w(s) * delta_s.
std::vector<double> core_dependencies(const CoreGraph& graph, std::span<const std::uint32_t> sources) {
  const auto n = static_cast<std::uint32_t>(graph.weight.size());
  std::vector<double> total(n, 0.0);
  if (sources.empty()) return total;
  const std::size_t chunks = std::min(kChunks, sources.size());
  const std::size_t per_chunk = (sources.size() + chunks - 1) / chunks;
  std::vector<std::vector<double>> partial(chunks);
  const std::size_t arcs = graph.targets.size();
  tbb::enumerable_thread_specific<Workspace> workspaces([n, arcs] { return Workspace(n, arcs); });
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, chunks, 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        Workspace& w = workspaces.local();
        for (std::size_t c = range.begin(); c != range.end(); ++c) {
          const std::size_t begin = c * per_chunk, end = std::min(sources.size(), (c + 1) * per_chunk);
          if (begin >= end) continue;
          partial[c].assign(n, 0.0);
          for (std::size_t i = begin; i < end; ++i) single_source(graph, sources[i], w, partial[c]);
        }
      },
      tbb::simple_partitioner());
  // Each node's sum runs over the chunks in chunk order; splitting the nodes among threads does
  // not change any single sum.
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, n, 4096),
                    [&](const tbb::blocked_range<std::uint32_t>& r) {
                      for (std::uint32_t v = r.begin(); v != r.end(); ++v) {
                        double sum = 0.0;
                        for (const auto& p : partial)
                          if (!p.empty()) sum += p[v];
                        total[v] = sum;
                      }
                    });
  return total;
}

}  // namespace

void recompute_betweenness(const CompactGraph& graph, std::span<const std::uint8_t> alive,
                           std::span<const NodeId> nodes, std::span<double> load) {
  const std::uint32_t n = graph.node_count();
  if (nodes.empty()) return;
  auto live = [&](NodeId v) { return alive.empty() || alive[v] != 0; };

  // Peel the trees. deg counts live neighbours not yet peeled; a node whose last neighbour was
  // peeled into it (degree 0) is the root of a tree component and stays.
  std::vector<std::uint32_t> deg(n, 0);
  std::vector<double> weight(n, 0.0), branch_sum(n, 0.0), branch_sq(n, 0.0);
  std::vector<std::uint8_t> core(n, 0);
  std::vector<NodeId> stack;
  for (NodeId v : nodes) {
    for (NodeId u : graph.neighbours(v)) deg[v] += live(u) ? 1 : 0;
    weight[v] = 1.0;
    core[v] = 1;
  }
  for (NodeId v : nodes)
    if (deg[v] == 1) stack.push_back(v);
  std::vector<NodeId> peeled;
  while (!stack.empty()) {
    const NodeId u = stack.back();
    stack.pop_back();
    if (deg[u] != 1) continue;  // its last neighbour was peeled into it: a tree root
    NodeId parent = u;
    for (NodeId x : graph.neighbours(u))
      if (core[x] && live(x)) parent = x;
    core[u] = 0;
    deg[u] = 0;
    peeled.push_back(u);
    weight[parent] += weight[u];
    branch_sum[parent] += weight[u];
    branch_sq[parent] += weight[u] * weight[u];
    if (--deg[parent] == 1) stack.push_back(parent);
  }

  // Component sizes (all live nodes, peeled or not).
  std::vector<double> component(n, 0.0);
  {
    std::vector<std::uint8_t> seen(n, 0);
    std::vector<NodeId> members;
    for (NodeId s : nodes) {
      if (seen[s]) continue;
      members.assign(1, s);
      seen[s] = 1;
      for (std::size_t h = 0; h < members.size(); ++h)
        for (NodeId x : graph.neighbours(members[h]))
          if (live(x) && !seen[x]) {
            seen[x] = 1;
            members.push_back(x);
          }
      for (NodeId x : members) component[x] = static_cast<double>(members.size());
    }
  }

  // Number the core breadth-first, component by component from its lowest id, and copy it out.
  std::vector<NodeId> sources;
  for (NodeId v : nodes)
    if (core[v]) sources.push_back(v);
  std::sort(sources.begin(), sources.end());
  constexpr std::uint32_t kUnset = 0xffffffffu;
  std::vector<std::uint32_t> local(n, kUnset);
  std::vector<NodeId> global;
  global.reserve(sources.size());
  for (NodeId s : sources) {
    if (local[s] != kUnset) continue;
    std::size_t head = global.size();
    local[s] = static_cast<std::uint32_t>(global.size());
    global.push_back(s);
    for (; head < global.size(); ++head)
      for (NodeId x : graph.neighbours(global[head]))
        if (core[x] && live(x) && local[x] == kUnset) {
          local[x] = static_cast<std::uint32_t>(global.size());
          global.push_back(x);
        }
  }
  CoreGraph core_graph;
  core_graph.weight.resize(global.size());
  core_graph.offsets.reserve(global.size() + 1);
  for (std::uint32_t i = 0; i < global.size(); ++i) {
    for (NodeId x : graph.neighbours(global[i]))
      if (core[x] && live(x)) core_graph.targets.push_back(local[x]);
    core_graph.offsets.push_back(static_cast<std::uint32_t>(core_graph.targets.size()));
    core_graph.weight[i] = weight[global[i]];
  }
  std::vector<std::uint32_t> local_sources(sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i) local_sources[i] = local[sources[i]];
  const std::vector<double> local_through = core_dependencies(core_graph, local_sources);
  std::vector<double> through(n, 0.0);
  for (std::uint32_t i = 0; i < global.size(); ++i) through[global[i]] = local_through[i];

  // Pairs across the branches at each node; all terms are integers below 2^53, so exact.
  for (NodeId v : nodes) {
    const double outside = component[v] - weight[v];  // the rest of the component
    double pairs = 0.0;
    if (core[v]) {
      // Folded branches against each other and against the outside; core pairs from Brandes.
      pairs =
          0.5 * (branch_sum[v] * branch_sum[v] - branch_sq[v]) + branch_sum[v] * outside + 0.5 * through[v];
    } else {
      const double all = branch_sum[v] + outside;  // = component - 1
      pairs = 0.5 * (all * all - branch_sq[v] - outside * outside);
    }
    load[v] = pairs;
  }
}

std::vector<double> betweenness(const CompactGraph& graph, std::span<const std::uint8_t> alive) {
  std::vector<NodeId> nodes;
  nodes.reserve(graph.node_count());
  for (NodeId v = 0; v < graph.node_count(); ++v)
    if (alive.empty() || alive[v]) nodes.push_back(v);
  std::vector<double> load(graph.node_count(), 0.0);
  recompute_betweenness(graph, alive, nodes, load);
  return load;
}

}  // namespace blackstart::analysis
