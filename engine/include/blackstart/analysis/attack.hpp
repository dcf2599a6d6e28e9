#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "blackstart/analysis/compact_graph.hpp"

namespace blackstart::analysis {

//! How an attacker picks nodes. Ties go to the lowest node id.
enum class AttackStrategy {
  Random,         //!< uniformly at random (seeded)
  HighestDegree,  //!< most neighbours
  HighestLoad,    //!< highest betweenness (see betweenness.hpp)
};

struct AttackOptions {
  AttackStrategy strategy = AttackStrategy::HighestDegree;
  std::uint32_t count = 1;  //!< nodes to remove (capped at the node count)
  std::uint64_t seed = 0;   //!< for Random: stream (seed, 0, "analysis.attack", 0) of core::Rng
  //! Re-rank after each removal on the remaining graph (degree or load among live nodes) instead
  //! of ranking once on the intact graph. Ignored for Random.
  bool adaptive = false;
};

struct AttackResult {
  std::vector<NodeId> removed;       //!< in removal order
  std::vector<std::uint8_t> alive;   //!< 0 for removed nodes
  std::uint32_t largest_before = 0;  //!< largest component of the intact graph, nodes
  std::uint32_t largest_after = 0;   //!< largest component after the removals, nodes
  //! largest_after / largest_before (1 for an empty graph).
  [[nodiscard]] double giant_fraction() const {
    return largest_before == 0 ? 1.0 : static_cast<double>(largest_after) / largest_before;
  }
};

//! The first node `strategy` would pick among the live nodes (`alive` empty = all live), using
//! `load` for HighestLoad and `rng` for Random. Returns the node count if no node is live.
NodeId pick_target(const CompactGraph& graph, AttackStrategy strategy, std::span<const std::uint8_t> alive,
                   std::span<const double> load, core::Rng& rng);

//! Removes nodes by strategy (no cascade: removal only) and reports what is left.
AttackResult attack(const CompactGraph& graph, const AttackOptions& options);

}  // namespace blackstart::analysis
