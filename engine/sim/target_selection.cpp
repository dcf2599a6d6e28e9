#include "target_selection.hpp"

#include <boost/graph/betweenness_centrality.hpp>

#include <algorithm>

namespace blackstart::sim {

const std::vector<double>& CentralityCache::degree() {
  if (degree_.empty()) {
    degree_.assign(network_.size(), 0.0);
    for (const auto& layer : network_.layers())
      for (auto x : layer.assets)
        degree_[x] = static_cast<double>(boost::degree(network_.vertex_of(x), layer.graph));
  }
  return degree_;
}

const std::vector<double>& CentralityCache::betweenness() {
  if (betweenness_.empty()) {
    betweenness_.assign(network_.size(), 0.0);
    for (const auto& layer : network_.layers()) {
      std::vector<double> centrality(boost::num_vertices(layer.graph), 0.0);
      boost::brandes_betweenness_centrality(
          layer.graph, boost::centrality_map(boost::make_iterator_property_map(
                           centrality.begin(), boost::get(boost::vertex_index, layer.graph))));
      for (auto x : layer.assets) betweenness_[x] = centrality[network_.vertex_of(x)];
    }
  }
  return betweenness_;
}

std::vector<model::ElementIndex> select_targets(const model::Event& event, core::Rng& rng,
                                                CentralityCache& centrality) {
  if (event.choose <= 0 || static_cast<std::size_t>(event.choose) >= event.targets.size())
    return event.targets;
  std::vector<model::ElementIndex> chosen = event.targets;
  const auto k = static_cast<std::size_t>(event.choose);
  if (event.selection == model::Event::Selection::Random) {
    // Partial Fisher-Yates: the first k slots become a uniform sample.
    for (std::size_t i = 0; i < k; ++i) {
      const auto j = i + static_cast<std::size_t>(rng.uniform01() * static_cast<double>(chosen.size() - i));
      std::swap(chosen[i], chosen[std::min(j, chosen.size() - 1)]);
    }
  } else {
    const auto& score = event.selection == model::Event::Selection::HighestDegree ? centrality.degree()
                                                                                  : centrality.betweenness();
    std::stable_sort(chosen.begin(), chosen.end(),
                     [&](model::ElementIndex a, model::ElementIndex b) { return score[a] > score[b]; });
  }
  chosen.resize(k);
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace blackstart::sim
