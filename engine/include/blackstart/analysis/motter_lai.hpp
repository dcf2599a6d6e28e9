#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "blackstart/analysis/attack.hpp"
#include "blackstart/analysis/compact_graph.hpp"

namespace blackstart::analysis {

struct MotterLaiOptions {
  double alpha = 0.0;  //!< tolerance: capacity C_i = (1 + alpha) * L_i(0)
  AttackStrategy strategy = AttackStrategy::HighestLoad;
  std::uint64_t seed = 0;  //!< for Random: stream (seed, 0, "analysis.motter_lai", 0) of core::Rng
  //! A node fails when L_i > C_i + tolerance * max(1, C_i). Loads are sums of fractions recomputed
  //! in a different order after each failure, so a load that is mathematically unchanged (every
  //! node at alpha = 0 whose shortest paths the failure did not touch) can come out a few ulps above
  //! its capacity; the relative slack keeps rounding from failing it.
  double tolerance = 1e-9;
  std::uint32_t max_steps = 1'000'000;  //!< overload rounds allowed
};

struct MotterLaiResult {
  NodeId removed = 0;                //!< the node removed to start the cascade
  std::uint32_t largest_before = 0;  //!< N: largest component of the intact graph, nodes
  std::uint32_t largest_after = 0;   //!< N': largest component after the cascade, nodes
  double g = 1.0;                    //!< G = N' / N
  std::uint32_t steps = 0;           //!< overload rounds in which at least one node failed
  std::uint32_t failed = 0;          //!< nodes failed by overload (the removed node not counted)
  std::vector<std::uint32_t> failed_per_step;
  bool converged = true;  //!< false if max_steps ran out first
};

//! Capacity cascade of Motter & Lai (Phys. Rev. E 66:065102(R), 2002): load = betweenness,
//! capacity (1 + alpha) times the initial load; remove one node, recompute the loads on what is
//! left, fail every node whose load exceeds its capacity (all at once), repeat until none does.
//!
//! Holds the graph and its initial loads, which do not depend on alpha, so a sweep over alpha
//! computes them once. Loads after the first removal do not depend on alpha either and are kept
//! from the first run with the same removed node.
class MotterLai {
 public:
  explicit MotterLai(CompactGraph graph);

  [[nodiscard]] const CompactGraph& graph() const { return graph_; }
  [[nodiscard]] const std::vector<double>& initial_load() const { return initial_load_; }
  [[nodiscard]] std::uint32_t largest_before() const { return largest_before_; }

  //! One cascade. Not safe to call concurrently on the same object (it caches the loads after
  //! the first removal); the betweenness inside is parallel already.
  MotterLaiResult run(const MotterLaiOptions& options);

 private:
  CompactGraph graph_;
  std::vector<double> initial_load_;
  std::uint32_t largest_before_ = 0;
  NodeId cached_removed_ = 0;
  std::vector<double> cached_load_;  // loads after removing cached_removed_ alone
};

}  // namespace blackstart::analysis
