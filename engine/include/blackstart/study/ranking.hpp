#pragma once
#include <string>
#include <vector>

#include "blackstart/model/scenario.hpp"

namespace blackstart::study {

struct RankOptions {
  std::string layer;                      //!< only elements of this layer (empty: all)
  int k = 1;                              //!< 1: each element alone; 2: each pair among the top candidates
  std::string metric = "customer_hours";  //!< customer_hours or a headline metric name
  int candidates = 20;                    //!< k = 2: pairs among this many best single failures
  int threads = 0;
};

struct RankEntry {
  std::vector<model::ElementIndex> elements;  //!< what was failed at t = 0
  double value = 0;                           //!< the ranking metric
  std::vector<std::uint32_t> cascade;         //!< per layer: peak number of elements not working
};

//! Names accepted by `RankOptions::metric`.
std::vector<std::string> rank_metric_names();

//! Critical-asset ranking: for each candidate (or pair), the scenario without its events, the
//! candidate damaged at t = 0, run to the horizon (restoration included); ranked by the metric,
//! largest first, ties by element order. Identical for any thread count.
std::vector<RankEntry> rank_elements(const model::Scenario& scenario, const RankOptions& options);

std::string ranking_csv(const model::Scenario& scenario, const std::vector<RankEntry>& ranking,
                        const RankOptions& options);

}  // namespace blackstart::study
