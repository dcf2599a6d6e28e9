#pragma once
// Which targets an event hits: all of them, or `choose` of them at random or by graph centrality.
#include <vector>

#include "blackstart/core/random.hpp"
#include "blackstart/model/scenario.hpp"

namespace blackstart::sim {

//! Centrality scores of every asset in its layer's graph, computed on first use (links score 0).
class CentralityCache {
 public:
  explicit CentralityCache(const model::Network& network) : network_(network) {}
  const std::vector<double>& degree();
  //! Brandes betweenness (Boost.Graph) on the normal topology.
  const std::vector<double>& betweenness();

 private:
  const model::Network& network_;
  std::vector<double> degree_, betweenness_;
};

//! The targets `event` hits in this run, in index order. Random choices draw from `rng`.
std::vector<model::ElementIndex> select_targets(const model::Event& event, core::Rng& rng,
                                                CentralityCache& centrality);

}  // namespace blackstart::sim
