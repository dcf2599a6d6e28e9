#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "blackstart/analysis/compact_graph.hpp"

namespace blackstart::analysis {

//! Who needs whom between two networks A and B. A node fails as soon as any node it depends on
//! has failed. Buldyrev et al. use the one-to-one bidirectional map A_i <-> B_i.
class Dependencies {
 public:
  //! A_i <-> B_i for i < n.
  static Dependencies one_to_one(std::uint32_t n);
  //! `b_needs_a` holds (a, b): B node b fails when A node a fails; `a_needs_b` holds (b, a): A node a
  //! fails when B node b fails. Pairs out of range throw std::invalid_argument.
  static Dependencies from_pairs(std::uint32_t a_nodes, std::uint32_t b_nodes,
                                 std::span<const std::pair<NodeId, NodeId>> b_needs_a,
                                 std::span<const std::pair<NodeId, NodeId>> a_needs_b);

  //! B nodes that fail when A node a fails.
  [[nodiscard]] std::span<const NodeId> b_dependents(NodeId a) const {
    return {b_targets_.data() + b_offsets_[a], b_targets_.data() + b_offsets_[a + 1]};
  }
  //! A nodes that fail when B node b fails.
  [[nodiscard]] std::span<const NodeId> a_dependents(NodeId b) const {
    return {a_targets_.data() + a_offsets_[b], a_targets_.data() + a_offsets_[b + 1]};
  }
  [[nodiscard]] std::uint32_t a_nodes() const { return static_cast<std::uint32_t>(b_offsets_.size() - 1); }
  [[nodiscard]] std::uint32_t b_nodes() const { return static_cast<std::uint32_t>(a_offsets_.size() - 1); }

 private:
  std::vector<std::uint32_t> b_offsets_{0}, a_offsets_{0};
  std::vector<NodeId> b_targets_, a_targets_;
};

struct PercolationOptions {
  //! Giant-component pruning stages allowed per run (or per sweep point). Near p_c the number of
  //! stages grows without bound as N grows (critical slowing down), so the cap is generous.
  std::uint32_t max_stages = 1'000'000;
  //! A largest component with fewer nodes than this is not a giant component: the layer then has
  //! none and all its nodes fail. The default 2 says that a lone node is not a network, so a
  //! collapsed system ends empty (μ∞ = 0) instead of on one arbitrary survivor; 1 gives the literal
  //! "largest cluster" rule.
  std::uint32_t min_giant_nodes = 2;
  //! In `sweep`, once a point ends with μ∞ below this, the lower points are run independently
  //! instead of continuing the nested cascade. Continuing is exact while a giant component exists;
  //! after the collapse it stays empty, whereas an independent run may end on a handful of nodes
  //! that happen to be connected in both networks (μ∞ = O(1/N)). 0 (the default) never reruns;
  //! any value above 1/N makes every sweep point equal `run` exactly, at the cost of full runs
  //! below p_c.
  double rerun_below_mu = 0.0;
};

//! Outcome of the cascade at one p.
struct PercolationResult {
  double p = 1.0;             //!< fraction of A's nodes left by the initial removal
  std::uint32_t removed = 0;  //!< A nodes removed initially: round((1 - p) * N_A)
  std::uint32_t alive_a = 0;  //!< A nodes in the final mutually connected giant component
  std::uint32_t alive_b = 0;  //!< B nodes in it
  double mu = 0;              //!< μ∞ = alive_a / N_A
  std::uint32_t stages = 0;   //!< pruning stages that failed at least one node (A and B each count)
  bool converged = true;      //!< false if max_stages ran out first
};

//! Mutual percolation on two interdependent networks (Buldyrev, Parshani, Paul, Stanley, Havlin,
//! Nature 464:1025, 2010). After the initial removal of A nodes, repeat until nothing changes:
//! keep only A's giant component, fail the B nodes that depend on failed A nodes, keep only B's
//! giant component, fail the A nodes that depend on failed B nodes.
//!
//! The giant component of a layer is its largest connected component among live nodes; on a tie,
//! the one holding the lowest node id.
class MutualPercolation {
 public:
  //! The graphs and dependencies are copied in compact form; dependency sizes must match the graphs
  //! (std::invalid_argument otherwise).
  MutualPercolation(const CompactGraph& a, const CompactGraph& b, Dependencies dependencies,
                    PercolationOptions options = {});
  ~MutualPercolation();
  MutualPercolation(MutualPercolation&&) noexcept;
  MutualPercolation& operator=(MutualPercolation&&) noexcept;

  //! One independent run: remove removal_order[0 .. round((1-p)N_A)) from A and cascade.
  [[nodiscard]] PercolationResult run(std::span<const NodeId> removal_order, double p) const;

  //! The results of `run` at each p (returned in the order given), computed in one pass: the p
  //! values are visited from high to low and each starts from the final state of the previous
  //! one plus the extra removals. Equal to `run` while a giant component exists (see
  //! percolation.cpp for why); for the points after the collapse see `rerun_below_mu`. `stages`
  //! counts the stages from the previous point's state.
  [[nodiscard]] std::vector<PercolationResult> sweep(std::span<const NodeId> removal_order,
                                                     std::span<const double> p_values) const;

  //! A cascade that can be continued to smaller p: the building block of `sweep`, exposed so a
  //! caller can inspect the surviving nodes.
  class Cascade {
   public:
    //! Both arguments must outlive the cascade; removal_order lists every A node once.
    Cascade(const MutualPercolation& model, std::span<const NodeId> removal_order);
    ~Cascade();
    Cascade(Cascade&&) noexcept;
    Cascade& operator=(Cascade&&) noexcept;
    //! Removes A nodes up to round((1-p)N_A) of the order and cascades to a stable state. p must
    //! not exceed the previous call's p (std::invalid_argument otherwise).
    PercolationResult advance_to(double p);
    //! 1 for each A (B) node in the mutually connected giant component after the last advance_to.
    [[nodiscard]] std::span<const std::uint8_t> alive_a() const;
    [[nodiscard]] std::span<const std::uint8_t> alive_b() const;

   private:
    struct State;
    std::unique_ptr<State> state_;
  };

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

//! Number of A nodes removed at p: round((1 - p) * n), clamped to [0, n].
std::uint32_t removal_count(double p, std::uint32_t n);

}  // namespace blackstart::analysis
