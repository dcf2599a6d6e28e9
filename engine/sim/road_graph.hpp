#pragma once
// The road network crews drive on: every link of type `road` in a transport layer is an edge, its
// two end assets are junctions. Travel minutes per road come from its length and its speed (its
// `speed_kmh`, else the speed of its `road_class` in the scenario's `roads:` table). Road state
// enters through refresh(): a road that does not work, or whose end junction does not work, is
// impassable; a road whose traffic-signal zone (a `traffic_signal_zone` supplier of the road or of
// one of its junctions) does not work is slower by the dark-signals factor.
//
// Shortest travel times: Boost.Graph's Dijkstra loop (dijkstra_shortest_paths_no_color_map, same
// 4-ary heap, same order of settling, so the same minutes and the same roads on ties) run lazily:
// a search from a junction settles only as far as a question needs, keeps its state and resumes
// when a later question reaches further. Searches are kept per starting junction until the road
// state changes (refresh() keeps them when no travel time changed). earliest() answers the
// dispatch question — which of many (start, time) sources reaches one of many sites first — by
// advancing all the sources' searches together in order of arrival time and stopping once the
// earliest arrival is known: the crews' searches cover the neighbourhood of that arrival, not the
// city.
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <unordered_map>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/detail/d_ary_heap.hpp>

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

  //! A place a vehicle can leave from, and the minute it can leave.
  struct Source {
    std::uint32_t junction = 0;
    double start = 0.0;
  };
  //! A source (index into the sources) and a site (junction) it reaches at the earliest arrival.
  struct Pair {
    std::uint32_t source = 0;
    std::uint32_t site = 0;
    bool operator==(const Pair&) const = default;
  };
  //! The earliest arrival `start + minutes(junction, site)` over every source and every site, when
  //! it is no later than `bound`; `ties` receives every (source, site) that arrives exactly then
  //! (in no particular order). Returns `bound` with no ties when nothing arrives by then. The
  //! value is computed as the caller's `start + minutes(...)`, bit for bit.
  double earliest(const std::vector<Source>& sources, const std::vector<std::uint32_t>& sites, double bound,
                  std::vector<Pair>* ties);

  //! Marks where `origins` can drive to; reached() then says whether minutes(o, site) <
  //! kUnreachable for some origin o, without a search (connected parts of the open roads).
  void reach_from(const std::vector<std::uint32_t>& origins);
  [[nodiscard]] bool reached(std::uint32_t site) const;

  //! Dijkstra searches started so far (the benchmark reports them).
  [[nodiscard]] std::uint64_t searches() const { return searches_; }
  //! Junctions settled by all searches so far (the benchmark reports them).
  [[nodiscard]] std::uint64_t settled() const { return settled_; }

 private:
  struct Arc {
    std::uint32_t road = 0;  //!< index into link_element_
  };
  using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Arc>;
  //! A property map over a vector that a search owns (the heap keeps the map, the vector grows).
  template <class T>
  struct SlotMap {
    using key_type = std::uint32_t;
    using value_type = T;
    using reference = T&;
    using category = boost::read_write_property_map_tag;
    std::vector<T>* values = nullptr;
    friend T get(const SlotMap& m, std::uint32_t k) { return (*m.values)[k]; }
    template <class U>
    friend void put(const SlotMap& m, std::uint32_t k, U x) {
      (*m.values)[k] = static_cast<T>(x);
    }
  };
  //! One search from one junction, resumable. Junctions it has met get a slot; the heap orders
  //! slots by minutes, as Boost's does junctions. A small search finds slots through an
  //! open-addressing table; one that has met more than a 32nd of the network, through an index
  //! over all junctions (faster; kept when the search is reused).
  struct Search {
    using Heap = boost::d_ary_heap_indirect<std::uint32_t, 4, SlotMap<std::size_t>, SlotMap<double>,
                                            std::less<double>>;
    Search(std::uint32_t from, std::uint32_t junctions);
    Search(const Search&) = delete;
    Search& operator=(const Search&) = delete;
    void restart(std::uint32_t from);
    [[nodiscard]] std::uint32_t find(std::uint32_t j) const {
      if (!dense.empty()) return dense[j] - 1;  // kNone when 0
      return find_in_table(j);
    }
    [[nodiscard]] std::uint32_t find_in_table(std::uint32_t j) const;
    std::uint32_t slot(std::uint32_t j) {  //!< finds or adds
      if (!dense.empty()) {
        if (dense[j] == 0) {
          add(j);
          dense[j] = static_cast<std::uint32_t>(junction.size());
        }
        return dense[j] - 1;
      }
      return slot_in_table(j);
    }
    std::uint32_t slot_in_table(std::uint32_t j);
    void add(std::uint32_t j);
    [[nodiscard]] bool is_settled(std::uint32_t s) const { return heap_pos[s] == std::size_t(-1); }
    [[nodiscard]] std::size_t bytes() const {
      return 40 * junction.capacity() + 4 * (table.capacity() + dense.capacity());
    }
    std::uint32_t junctions = 0;       //!< of the network
    std::vector<std::uint32_t> table;  //!< slot + 1 per hash bucket, 0 when empty
    std::vector<std::uint32_t> dense;  //!< when not empty: slot + 1 per junction, 0 when not met
    std::vector<std::uint32_t> junction;
    std::vector<double> minutes;
    std::vector<std::uint32_t> via;  //!< arc index it was reached over, or kNone
    std::vector<std::size_t> heap_pos;
    std::vector<std::uint32_t> order;  //!< settled slots, in the order settled
    Heap heap;
  };
  Search& search(std::uint32_t from);
  //! Settles the next junction of `s`; false when none is left.
  bool step(Search& s);
  //! Settles `s` until the way to `to` is exact; minutes, `last_arc` as arrival().
  double resolve(Search& s, std::uint32_t to, std::uint32_t* last_arc);
  //! Minutes to `to` over what `s` has settled, arriving over an open road when `to` itself is down;
  //! `last_arc` receives the arc that ends the way (kNone when `to` is reached as a working junction).
  double arrival(const Search& s, std::uint32_t to, std::uint32_t* last_arc) const;
  void drop_searches();
  void drop_searches_if_large();
  void find_parts();

  Graph graph_;
  std::vector<std::uint32_t> row_start_;   //!< per junction + 1: first out-arc (Boost's CSR order)
  std::vector<std::uint32_t> arc_target_;  //!< per arc
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
  std::unordered_map<std::uint32_t, std::unique_ptr<Search>> cache_;
  std::vector<std::unique_ptr<Search>> spare_;
  std::uint64_t searches_ = 0;
  std::uint64_t settled_ = 0;
  // Connected parts of the working junctions over open roads (reach_from/reached).
  bool parts_stale_ = true;
  std::vector<std::uint32_t> part_;         //!< per junction: part, kNone when down
  std::vector<std::uint32_t> part_mark_;    //!< per part: reach generation
  std::vector<std::uint32_t> origin_mark_;  //!< per junction: reach generation
  std::uint32_t reach_generation_ = 0;
  std::vector<std::uint8_t> target_;  //!< per junction: earliest() marks
};

}  // namespace blackstart::sim
