#pragma once
// The road network crews drive on: every link of type `road` in a transport layer is an edge, its
// two end assets are junctions. Travel minutes per road come from its length and its speed (its
// `speed_kmh`, else the speed of its `road_class` in the scenario's `roads:` table). Road state
// enters through refresh(): a road that does not work, or whose end junction does not work, is
// impassable; a road whose traffic-signal zone (a `traffic_signal_zone` supplier of the road or of
// one of its junctions) does not work is slower by the dark-signals factor. Shortest travel times
// come from Boost.Graph's Dijkstra on a compressed sparse row graph, cached per starting junction
// until the road state changes.
#include <cstdint>
#include <functional>
#include <limits>
#include <unordered_map>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "blackstart/model/scenario.hpp"

namespace blackstart::sim {

class RoadGraph {
 public:
  static constexpr std::uint32_t kNone = 0xffffffffu;
  static constexpr double kUnreachable = std::numeric_limits<double>::infinity();

  explicit RoadGraph(const model::Scenario& scenario);

  [[nodiscard]] bool empty() const { return junction_element_.empty(); }
  [[nodiscard]] std::size_t junctions() const { return junction_element_.size(); }
  [[nodiscard]] std::size_t roads() const { return link_element_.size(); }
  //! The junction of an asset, or kNone when it is not the end of a road.
  [[nodiscard]] std::uint32_t junction_of(model::ElementIndex asset) const;
  [[nodiscard]] model::ElementIndex element_of(std::uint32_t junction) const {
    return junction_element_[junction];
  }
  //! Where a crew works on an element: the junction itself, both ends of a road, or the junction
  //! (or road ends) its first `access` dependency names. Empty: the element is off the roads.
  [[nodiscard]] std::vector<std::uint32_t> sites_of(model::ElementIndex x) const;

  //! Roads, junctions and the signal zones of roads: a change of their working state changes travel.
  [[nodiscard]] bool watches(model::ElementIndex x) const { return x < watched_.size() && watched_[x]; }
  //! Re-reads the road state; `works(x)` says whether element x works now.
  void refresh(const std::function<bool(model::ElementIndex)>& works);

  //! Travel minutes from junction `from` to junction `to` over the roads as they are now;
  //! kUnreachable when no open road leads there. A junction that is itself down can still be
  //! reached (to work on it) over an open road that ends at it, but not passed through.
  double minutes(std::uint32_t from, std::uint32_t to);
  //! The roads (link elements) of that fastest way, in driving order; empty when from == to or
  //! when it is unreachable.
  std::vector<model::ElementIndex> route(std::uint32_t from, std::uint32_t to);
  //! Minutes on one road now (kUnreachable when closed), for tests and explanations.
  [[nodiscard]] double road_minutes(model::ElementIndex link) const;

  //! Dijkstra searches run so far (the benchmark reports them).
  [[nodiscard]] std::uint64_t searches() const { return searches_; }

 private:
  struct Arc {
    std::uint32_t road = 0;  //!< index into link_element_
  };
  using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Arc>;
  struct Paths {
    std::vector<double> minutes;     //!< per junction
    std::vector<std::uint32_t> via;  //!< per junction: arc index it was reached over, or kNone
  };
  const Paths& search(std::uint32_t from);
  //! Minutes to `to` in `paths`, arriving over an open road when `to` itself is down; `last_arc`
  //! receives the arc that ends the way (kNone when `to` is reached as a working junction).
  double arrival(const Paths& paths, std::uint32_t to, std::uint32_t* last_arc) const;

  Graph graph_;
  std::vector<model::ElementIndex> junction_element_;
  std::vector<std::uint32_t> element_junction_;  //!< per element: junction or kNone
  std::vector<model::ElementIndex> link_element_;
  std::vector<std::uint32_t> link_of_element_;  //!< per element: road index or kNone
  std::vector<std::uint32_t> road_from_, road_to_;
  std::vector<double> nominal_;                                 //!< minutes per road at its speed
  std::vector<std::vector<model::ElementIndex>> road_signals_;  //!< per road: signal zones
  std::vector<model::ElementIndex> access_;  //!< per element: first access supplier, or kNoElement
  std::vector<char> watched_;
  std::vector<char> junction_works_;
  std::vector<double> road_now_;    //!< per road: minutes now, kUnreachable when closed
  std::vector<double> arc_weight_;  //!< per arc: minutes, max() when not passable
  std::vector<std::uint32_t> arc_source_;
  std::vector<std::uint32_t> arc_road_;
  double dark_factor_ = 0.5;
  std::unordered_map<std::uint32_t, Paths> cache_;
  std::uint64_t searches_ = 0;
};

}  // namespace blackstart::sim
