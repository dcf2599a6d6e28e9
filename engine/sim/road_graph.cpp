#include "road_graph.hpp"

#include <algorithm>
#include <boost/graph/dijkstra_shortest_paths_no_color_map.hpp>
#include <boost/property_map/property_map.hpp>

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;

namespace {

bool is_road(const model::Network& network, const model::Element& e) {
  return e.is_link && e.type == "road" && network.layers()[e.layer].kind == model::LayerKind::Transport;
}

//! Records, for each junction, the arc it was last reached over.
class ArcRecorder : public boost::default_dijkstra_visitor {
 public:
  explicit ArcRecorder(std::vector<std::uint32_t>* via) : via_(via) {}
  template <class Edge, class Graph>
  void edge_relaxed(Edge e, const Graph& g) const {
    (*via_)[boost::target(e, g)] = static_cast<std::uint32_t>(boost::get(boost::edge_index, g, e));
  }

 private:
  std::vector<std::uint32_t>* via_;
};

}  // namespace

RoadGraph::RoadGraph(const model::Scenario& scenario) {
  const auto& network = scenario.network;
  const auto& elements = network.elements();
  const std::size_t n = elements.size();
  element_junction_.assign(n, kNone);
  link_of_element_.assign(n, kNone);
  access_.assign(n, kNoElement);
  watched_.assign(n, 0);
  const auto junction = [&](ElementIndex x) {
    if (element_junction_[x] == kNone) {
      element_junction_[x] = static_cast<std::uint32_t>(junction_element_.size());
      junction_element_.push_back(x);
      watched_[x] = 1;
    }
    return element_junction_[x];
  };
  const auto& roads = scenario.roads;
  dark_factor_ = roads.dark_signals_factor;
  for (ElementIndex x = 0; x < n; ++x) {
    const auto& e = elements[x];
    if (!is_road(network, e)) continue;
    link_of_element_[x] = static_cast<std::uint32_t>(link_element_.size());
    link_element_.push_back(x);
    watched_[x] = 1;
    road_from_.push_back(junction(e.from));
    road_to_.push_back(junction(e.to));
    const int road_class = std::clamp(static_cast<int>(e.attribute("road_class", roads.default_class)), 0,
                                      model::RoadSettings::kClasses - 1);
    const double own = e.attribute("speed_kmh", 0.0);
    const double kmh = own > 0 ? own : roads.speed_kmh[road_class];
    nominal_.push_back(e.attribute("length_km", 0.0) / kmh * 60.0);
  }
  road_signals_.resize(link_element_.size());
  std::vector<std::vector<std::uint32_t>> junction_roads(junction_element_.size());
  for (std::uint32_t r = 0; r < link_element_.size(); ++r) {
    junction_roads[road_from_[r]].push_back(r);
    junction_roads[road_to_[r]].push_back(r);
  }
  for (const auto& dep : network.dependencies()) {
    const ElementIndex d = dep.dependent, s = dep.supplier;
    if (elements[s].type == "traffic_signal_zone") {
      if (link_of_element_[d] != kNone) {
        road_signals_[link_of_element_[d]].push_back(s);
        watched_[s] = 1;
      } else if (element_junction_[d] != kNone) {
        for (std::uint32_t r : junction_roads[element_junction_[d]]) road_signals_[r].push_back(s);
        watched_[s] = 1;
      }
    }
    const bool access =
        dep.kind == model::DependencyKind::Access || dep.effect == model::DependencyEffect::BlockAccess;
    if (access && access_[d] == kNoElement && (link_of_element_[s] != kNone || element_junction_[s] != kNone))
      access_[d] = s;
  }
  for (auto& zones : road_signals_) {
    std::sort(zones.begin(), zones.end());
    zones.erase(std::unique(zones.begin(), zones.end()), zones.end());
  }
  // Both directions of every road.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
  std::vector<Arc> props;
  arcs.reserve(2 * link_element_.size());
  props.reserve(2 * link_element_.size());
  for (std::uint32_t r = 0; r < link_element_.size(); ++r) {
    arcs.emplace_back(road_from_[r], road_to_[r]);
    props.push_back(Arc{r});
    arcs.emplace_back(road_to_[r], road_from_[r]);
    props.push_back(Arc{r});
  }
  graph_ = Graph(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), props.begin(),
                 junction_element_.size());
  arc_source_.assign(arcs.size(), 0);
  arc_road_.assign(arcs.size(), 0);
  for (const auto e : boost::make_iterator_range(boost::edges(graph_))) {
    const auto a = boost::get(boost::edge_index, graph_, e);
    arc_source_[a] = static_cast<std::uint32_t>(boost::source(e, graph_));
    arc_road_[a] = graph_[e].road;
  }
  junction_works_.assign(junction_element_.size(), 1);
  road_now_ = nominal_;
  arc_weight_.assign(arcs.size(), 0.0);
  refresh([](ElementIndex) { return true; });
}

std::uint32_t RoadGraph::junction_of(ElementIndex asset) const {
  return asset < element_junction_.size() ? element_junction_[asset] : kNone;
}

std::vector<std::uint32_t> RoadGraph::sites_of(ElementIndex x) const {
  if (x >= element_junction_.size()) return {};
  const auto on_roads = [&](ElementIndex y) -> std::vector<std::uint32_t> {
    if (element_junction_[y] != kNone) return {element_junction_[y]};
    if (const auto r = link_of_element_[y]; r != kNone) {
      if (road_from_[r] == road_to_[r]) return {road_from_[r]};
      return {std::min(road_from_[r], road_to_[r]), std::max(road_from_[r], road_to_[r])};
    }
    return {};
  };
  auto sites = on_roads(x);
  if (sites.empty() && access_[x] != kNoElement) sites = on_roads(access_[x]);
  return sites;
}

void RoadGraph::refresh(const std::function<bool(ElementIndex)>& works) {
  for (std::uint32_t j = 0; j < junction_element_.size(); ++j)
    junction_works_[j] = works(junction_element_[j]);
  for (std::uint32_t r = 0; r < link_element_.size(); ++r) {
    if (!works(link_element_[r])) {
      road_now_[r] = kUnreachable;
      continue;
    }
    bool dark = false;
    for (ElementIndex zone : road_signals_[r]) dark = dark || !works(zone);
    // ASSUMPTION (scenario.roads.dark_signals_factor): speed times the factor on dark roads.
    road_now_[r] = dark ? nominal_[r] / dark_factor_ : nominal_[r];
  }
  // Closed arcs weigh infinity: Boost's closed_plus keeps infinity, which never relaxes a junction.
  constexpr double closed = kUnreachable;
  for (const auto e : boost::make_iterator_range(boost::edges(graph_))) {
    const auto a = boost::get(boost::edge_index, graph_, e);
    const std::uint32_t r = graph_[e].road;
    const auto head = boost::target(e, graph_);
    arc_weight_[a] = road_now_[r] == kUnreachable || !junction_works_[head] ? closed : road_now_[r];
  }
  cache_.clear();
}

double RoadGraph::road_minutes(ElementIndex link) const {
  if (link >= link_of_element_.size() || link_of_element_[link] == kNone) return kUnreachable;
  return road_now_[link_of_element_[link]];
}

const RoadGraph::Paths& RoadGraph::search(std::uint32_t from) {
  if (const auto it = cache_.find(from); it != cache_.end()) return it->second;
  // Bound the memory of the cache: searches are pure, so dropping them only costs time.
  if (cache_.size() >= 64) cache_.clear();
  Paths paths;
  paths.minutes.assign(junction_element_.size(), kUnreachable);
  paths.via.assign(junction_element_.size(), kNone);
  ++searches_;
  boost::dijkstra_shortest_paths_no_color_map(
      graph_, static_cast<Graph::vertex_descriptor>(from),
      boost::distance_map(
          boost::make_iterator_property_map(paths.minutes.begin(), boost::get(boost::vertex_index, graph_)))
          .weight_map(
              boost::make_iterator_property_map(arc_weight_.begin(), boost::get(boost::edge_index, graph_)))
          .distance_inf(kUnreachable)
          .visitor(ArcRecorder(&paths.via)));
  return cache_.emplace(from, std::move(paths)).first->second;
}

double RoadGraph::arrival(const Paths& paths, std::uint32_t to, std::uint32_t* last_arc) const {
  *last_arc = kNone;
  if (junction_works_[to]) return paths.minutes[to];
  // A junction that is down: reached over an open road that ends at it (the arc out of it,
  // driven the other way).
  double best = kUnreachable;
  for (const auto e :
       boost::make_iterator_range(boost::out_edges(static_cast<Graph::vertex_descriptor>(to), graph_))) {
    const auto other = boost::target(e, graph_);
    const double here = paths.minutes[other] + road_now_[graph_[e].road];
    if (here < best) {
      best = here;
      *last_arc = static_cast<std::uint32_t>(boost::get(boost::edge_index, graph_, e));
    }
  }
  return best;
}

double RoadGraph::minutes(std::uint32_t from, std::uint32_t to) {
  if (from == to) return 0.0;
  std::uint32_t last = kNone;
  return arrival(search(from), to, &last);
}

std::vector<ElementIndex> RoadGraph::route(std::uint32_t from, std::uint32_t to) {
  std::vector<ElementIndex> roads;
  if (from == to) return roads;
  const Paths& paths = search(from);
  std::uint32_t last = kNone;
  if (arrival(paths, to, &last) == kUnreachable) return roads;
  std::uint32_t at = to;
  if (last != kNone) {  // the last road into a junction that is down (arc `last` leaves it)
    const std::uint32_t r = arc_road_[last];
    roads.push_back(link_element_[r]);
    at = road_from_[r] == to ? road_to_[r] : road_from_[r];
  }
  while (at != from && paths.via[at] != kNone) {
    const std::uint32_t arc = paths.via[at];
    roads.push_back(link_element_[arc_road_[arc]]);
    at = arc_source_[arc];
  }
  std::reverse(roads.begin(), roads.end());
  return roads;
}

}  // namespace blackstart::sim
