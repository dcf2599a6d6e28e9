#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "blackstart/analysis/compact_graph.hpp"

namespace blackstart::analysis {

//! Shortest-path betweenness of every node (Brandes 2001, unweighted): one unit of flow between
//! every unordered pair {s, t} of distinct live nodes, split equally among their shortest paths;
//! a node's load is the flow passing through it, endpoints excluded:
//!   L_i = sum over {s,t}, s != i != t, of sigma_st(i) / sigma_st.
//! Dead nodes (alive[v] == 0; `alive` empty = all live) carry and exchange nothing. Pairs in
//! different components exchange nothing either.
//!
//! Trees hanging off the graph are folded into the node they hang from first (their loads follow
//! from subtree sizes); Brandes runs on what is left. Runs in parallel over sources with oneTBB. The sources
//! are cut into a fixed number of chunks that depends only on the source count; each chunk sums its sources
//! in order and the chunk sums are added in chunk order, so the result is bit-identical for any number of
//! threads.
std::vector<double> betweenness(const CompactGraph& graph, std::span<const std::uint8_t> alive = {});

//! Sets load[v] for every v in `nodes`, which must hold every live node of the components it
//! touches (a union of whole components); other entries are left alone. Used to recompute only
//! the components a failure touched: pairs in other components do not change. Same determinism
//! as `betweenness`.
void recompute_betweenness(const CompactGraph& graph, std::span<const std::uint8_t> alive,
                           std::span<const NodeId> nodes, std::span<double> load);

}  // namespace blackstart::analysis
