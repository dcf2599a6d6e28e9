#pragma once
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/core/diagnostic.hpp"
#include "blackstart/core/random.hpp"

namespace blackstart::analysis {

//! Node index in a CompactGraph: 0 .. node_count()-1.
using NodeId = std::uint32_t;

//! One undirected edge.
struct Edge {
  NodeId u = 0;
  NodeId v = 0;
  friend bool operator==(const Edge&, const Edge&) = default;
};

//! Simple undirected graph in compressed sparse row form: the neighbours of v are
//! targets[offsets[v] .. offsets[v+1]), ascending. Built once, never changed; the cascade models
//! mark nodes dead in their own arrays instead of editing the graph.
class CompactGraph {
 public:
  CompactGraph() = default;

  //! Builds the graph on nodes 0..node_count-1. Self-loops are dropped and repeated edges merged
  //! (neither changes components or shortest paths). Throws std::invalid_argument if an endpoint
  //! is out of range: a programmer error, inputs are checked by the readers.
  static CompactGraph from_edges(std::uint32_t node_count, std::span<const Edge> edges);

  [[nodiscard]] std::uint32_t node_count() const { return node_count_; }
  //! Number of distinct undirected edges.
  [[nodiscard]] std::size_t edge_count() const { return edges_.size(); }
  [[nodiscard]] std::span<const NodeId> neighbours(NodeId v) const {
    return {targets_.data() + offsets_[v], targets_.data() + offsets_[v + 1]};
  }
  [[nodiscard]] std::uint32_t degree(NodeId v) const {
    return static_cast<std::uint32_t>(offsets_[v + 1] - offsets_[v]);
  }
  //! 2 * edges / nodes (0 for an empty graph).
  [[nodiscard]] double mean_degree() const;
  //! The distinct edges with u < v, sorted by (u, v).
  [[nodiscard]] const std::vector<Edge>& edges() const { return edges_; }

 private:
  std::uint32_t node_count_ = 0;
  std::vector<std::uint64_t> offsets_{0};
  std::vector<NodeId> targets_;
  std::vector<Edge> edges_;
};

//! Size of the largest connected component among the nodes with alive[v] != 0 (every node when
//! `alive` is empty).
std::uint32_t largest_component_size(const CompactGraph& graph, std::span<const std::uint8_t> alive = {});

//! Uniform integer in [0, bound) from the generator's raw 64-bit output, by rejection, so the
//! value does not depend on the standard library's distributions. bound must be > 0.
std::uint64_t uniform_below(core::Rng& rng, std::uint64_t bound);

//! A uniformly random permutation of 0..n-1 (Fisher-Yates with uniform_below).
std::vector<NodeId> random_permutation(std::uint32_t n, core::Rng& rng);

//! Erdős–Rényi G(n, m) with m = round(n * mean_degree / 2) distinct edges drawn uniformly among all
//! node pairs (no self-loops), so the mean degree is mean_degree up to that rounding. Candidate
//! pairs are drawn in batches and repeats dropped until m remain. Throws std::invalid_argument if
//! m exceeds n(n-1)/2.
CompactGraph erdos_renyi(std::uint32_t n, double mean_degree, core::Rng& rng);

//! Barabási–Albert preferential attachment: a complete graph on the first m+1 nodes, then each new
//! node joins m distinct existing nodes chosen with probability proportional to their degree
//! (drawn from the list of edge endpoints). Mean degree is close to 2m. Needs n > m >= 1.
CompactGraph barabasi_albert(std::uint32_t n, std::uint32_t m, core::Rng& rng);

//! A graph read from a file, with the label each node had there (labels[id]).
struct LabelledGraph {
  CompactGraph graph;
  std::vector<std::string> labels;
};

//! Reads an undirected edge list in CSV: a header `u,v`, then one `label,label` pair per line.
//! Labels are any non-empty text (surrounding spaces trimmed, no quoting); ids are given in order
//! of first appearance. Blank lines are skipped. Every problem is reported as
//! `file:line:col: error: ...`; nothing is returned if there was any error.
std::optional<LabelledGraph> read_edge_list(std::istream& in, std::string_view file,
                                            core::Diagnostics& diagnostics);

//! Reads dependencies as `from,to` label pairs (a header `from,to`, then one pair per line): node
//! `to` (of `to_labels`) fails when node `from` (of `from_labels`) fails. The result holds the pairs
//! as ids, ready for Dependencies::from_pairs. Unknown labels are errors.
std::optional<std::vector<std::pair<NodeId, NodeId>>> read_dependency_pairs(
    std::istream& in, std::string_view file, std::span<const std::string> from_labels,
    std::span<const std::string> to_labels, core::Diagnostics& diagnostics);

}  // namespace blackstart::analysis
