#include "road_graph.hpp"

#include <algorithm>
#include <numeric>
#include <queue>
#include <stdexcept>

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;

namespace {

bool is_road(const model::Network& network, const model::Element& e) {
  return e.is_link && e.type == "road" && network.layers()[e.layer].kind == model::LayerKind::Transport;
}

//! Searches keep at most this much memory between questions; beyond it they are dropped before the
//! next question (they are pure: it only costs time).
constexpr std::size_t kMaxCachedBytes = std::size_t{128} << 20;
//! Dropped searches kept to be reused (their memory, not their labels).
constexpr std::size_t kMaxSpareSearches = 64;

std::uint32_t bucket(std::uint32_t junction, std::size_t mask) {
  return static_cast<std::uint32_t>((junction * 0x9e3779b1u) & mask);
}

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
  // Out-arcs per junction in Boost's CSR order (the order its Dijkstra relaxes them).
  row_start_.assign(junction_element_.size() + 1, 0);
  arc_target_.assign(arcs.size(), 0);
  for (std::uint32_t v = 0; v < junction_element_.size(); ++v) {
    std::uint32_t next = row_start_[v];
    for (const auto e :
         boost::make_iterator_range(boost::out_edges(static_cast<Graph::vertex_descriptor>(v), graph_))) {
      if (boost::get(boost::edge_index, graph_, e) != next)
        throw std::logic_error("road graph: out-arcs are not contiguous");
      arc_target_[next++] = static_cast<std::uint32_t>(boost::target(e, graph_));
    }
    row_start_[v + 1] = next;
  }
  junction_works_.assign(junction_element_.size(), 1);
  part_.assign(junction_element_.size(), kNone);
  origin_mark_.assign(junction_element_.size(), 0);
  target_.assign(junction_element_.size(), 0);
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
  bool passable_changed = false;  // a junction or road opened or closed: parts change
  for (std::uint32_t j = 0; j < junction_element_.size(); ++j) {
    const char now = works(junction_element_[j]) ? 1 : 0;
    passable_changed = passable_changed || now != junction_works_[j];
    junction_works_[j] = now;
  }
  for (std::uint32_t r = 0; r < link_element_.size(); ++r) {
    if (!works(link_element_[r])) {
      passable_changed = passable_changed || road_now_[r] != kUnreachable;
      road_now_[r] = kUnreachable;
      continue;
    }
    passable_changed = passable_changed || road_now_[r] == kUnreachable;
    bool dark = false;
    for (ElementIndex zone : road_signals_[r]) dark = dark || !works(zone);
    // ASSUMPTION (scenario.roads.dark_signals_factor): speed times the factor on dark roads.
    road_now_[r] = dark ? nominal_[r] / dark_factor_ : nominal_[r];
  }
  // Closed arcs weigh infinity: Boost's closed_plus keeps infinity, which never relaxes a junction.
  constexpr double closed = kUnreachable;
  bool changed = passable_changed;
  for (std::uint32_t a = 0; a < arc_weight_.size(); ++a) {
    const std::uint32_t r = arc_road_[a];
    const double w = road_now_[r] == kUnreachable || !junction_works_[arc_target_[a]] ? closed : road_now_[r];
    changed = changed || w != arc_weight_[a];
    arc_weight_[a] = w;
  }
  // Searches hold labels that follow from the arc weights alone; arrivals at junctions that are
  // down read the roads as they are now. Unchanged weights: the searches stay valid.
  if (changed) drop_searches();
  if (passable_changed) parts_stale_ = true;
}

double RoadGraph::road_minutes(ElementIndex link) const {
  if (link >= link_of_element_.size() || link_of_element_[link] == kNone) return kUnreachable;
  return road_now_[link_of_element_[link]];
}

RoadGraph::Search::Search(std::uint32_t from, std::uint32_t network_junctions)
    : junctions(network_junctions),
      heap(SlotMap<double>{&minutes}, SlotMap<std::size_t>{&heap_pos}, std::less<double>()) {
  restart(from);
}

void RoadGraph::Search::restart(std::uint32_t from) {
  for (std::uint32_t j : junction)  // the index over all junctions stays, emptied
    if (!dense.empty()) dense[j] = 0;
  if (dense.empty()) table.assign(16, 0);  // vectors keep their memory when a search is reused
  junction.clear();
  minutes.clear();
  via.clear();
  heap_pos.clear();
  order.clear();
  while (!heap.empty()) heap.pop();
  slot(from);
  minutes[0] = 0.0;  // Boost's Dijkstra: the start at 0, pushed first
  heap.push(0);
}

void RoadGraph::Search::add(std::uint32_t j) {
  junction.push_back(j);
  minutes.push_back(kUnreachable);
  via.push_back(kNone);
  heap_pos.push_back(std::size_t(-1));
}

std::uint32_t RoadGraph::Search::find_in_table(std::uint32_t j) const {
  const std::size_t mask = table.size() - 1;
  for (std::size_t b = bucket(j, mask);; b = (b + 1) & mask) {
    const std::uint32_t s = table[b];
    if (s == 0) return kNone;
    if (junction[s - 1] == j) return s - 1;
  }
}

std::uint32_t RoadGraph::Search::slot_in_table(std::uint32_t j) {
  std::size_t mask = table.size() - 1;
  std::size_t b = bucket(j, mask);
  for (; table[b] != 0; b = (b + 1) & mask)
    if (junction[table[b] - 1] == j) return table[b] - 1;
  const auto s = static_cast<std::uint32_t>(junction.size());
  add(j);
  if (junction.size() > junctions / 32) {  // large: an index over all junctions instead
    dense.assign(junctions, 0);
    for (std::uint32_t k = 0; k < junction.size(); ++k) dense[junction[k]] = k + 1;
    table.clear();
    table.shrink_to_fit();
    return s;
  }
  if (2 * junction.size() <= table.size()) {
    table[b] = s + 1;
    return s;
  }
  // At half full: double the table and put every slot in again.
  table.assign(2 * table.size(), 0);
  mask = table.size() - 1;
  for (std::uint32_t k = 0; k < junction.size(); ++k) {
    std::size_t c = bucket(junction[k], mask);
    while (table[c] != 0) c = (c + 1) & mask;
    table[c] = k + 1;
  }
  return s;
}

RoadGraph::Search& RoadGraph::search(std::uint32_t from) {
  auto& entry = cache_[from];
  if (!entry) {
    if (spare_.empty()) {
      entry = std::make_unique<Search>(from, static_cast<std::uint32_t>(junction_element_.size()));
    } else {
      entry = std::move(spare_.back());
      spare_.pop_back();
      entry->restart(from);
    }
    ++searches_;
  }
  return *entry;
}

void RoadGraph::drop_searches() {
  for (auto& [from, s] : cache_)
    if (spare_.size() < kMaxSpareSearches) spare_.push_back(std::move(s));
  cache_.clear();
}

void RoadGraph::drop_searches_if_large() {
  std::size_t bytes = 0;
  for (const auto& [from, s] : cache_) bytes += s->bytes();
  if (bytes > kMaxCachedBytes) drop_searches();
}

// The body of Boost's dijkstra_shortest_paths_no_color_map loop for one junction: pop the nearest,
// relax its out-arcs in CSR order (a strictly shorter way replaces the label and the arc it came
// over), push the newly discovered, decrease the others. A closed arc weighs infinity, which
// Boost's closed_plus keeps and never relaxes: skipping it is the same.
bool RoadGraph::step(Search& s) {
  if (s.heap.empty()) return false;
  const std::uint32_t u = s.heap.top();
  s.heap.pop();
  s.order.push_back(u);
  ++settled_;
  const double du = s.minutes[u];
  const std::uint32_t ju = s.junction[u];
  for (std::uint32_t a = row_start_[ju]; a < row_start_[ju + 1]; ++a) {
    const double w = arc_weight_[a];
    if (w == kUnreachable) continue;
    const std::uint32_t v = s.slot(arc_target_[a]);
    const double before = s.minutes[v];
    const double through = du + w;
    if (!(through < before)) continue;
    s.minutes[v] = through;
    s.via[v] = a;
    if (before == kUnreachable)
      s.heap.push(v);
    else
      s.heap.update(v);
  }
  return true;
}

double RoadGraph::arrival(const Search& s, std::uint32_t to, std::uint32_t* last_arc) const {
  *last_arc = kNone;
  if (junction_works_[to]) {
    const std::uint32_t k = s.find(to);
    return k != kNone && s.is_settled(k) ? s.minutes[k] : kUnreachable;
  }
  // A junction that is down: reached over an open road that ends at it (the arc out of it,
  // driven the other way), from a junction settled so far.
  double best = kUnreachable;
  for (std::uint32_t a = row_start_[to]; a < row_start_[to + 1]; ++a) {
    const std::uint32_t k = s.find(arc_target_[a]);
    if (k == kNone || !s.is_settled(k)) continue;
    const double here = s.minutes[k] + road_now_[arc_road_[a]];
    if (here < best) {
      best = here;
      *last_arc = a;
    }
  }
  return best;
}

double RoadGraph::resolve(Search& s, std::uint32_t to, std::uint32_t* last_arc) {
  if (junction_works_[to]) {
    std::uint32_t k = s.find(to);
    while (!(k != kNone && s.is_settled(k)) && step(s)) k = s.find(to);
    return arrival(s, to, last_arc);
  }
  // Every junction not settled yet is at least as far as the top of the heap: once the best way in
  // so far is shorter than that, no other can equal or beat it.
  for (;;) {
    const double best = arrival(s, to, last_arc);
    if (s.heap.empty() || best < s.minutes[s.heap.top()]) return best;
    step(s);
  }
}

double RoadGraph::minutes(std::uint32_t from, std::uint32_t to) {
  if (from == to) return 0.0;
  drop_searches_if_large();
  std::uint32_t last = kNone;
  return resolve(search(from), to, &last);
}

std::vector<ElementIndex> RoadGraph::route(std::uint32_t from, std::uint32_t to) {
  std::vector<ElementIndex> roads;
  if (from == to) return roads;
  drop_searches_if_large();
  Search& s = search(from);
  std::uint32_t last = kNone;
  if (resolve(s, to, &last) == kUnreachable) return roads;
  std::uint32_t at = to;
  if (last != kNone) {  // the last road into a junction that is down (arc `last` leaves it)
    const std::uint32_t r = arc_road_[last];
    roads.push_back(link_element_[r]);
    at = road_from_[r] == to ? road_to_[r] : road_from_[r];
  }
  // Every junction on the way was settled before the end of it: its arc is final.
  for (std::uint32_t k = s.find(at); at != from && s.via[k] != kNone; k = s.find(at)) {
    const std::uint32_t arc = s.via[k];
    roads.push_back(link_element_[arc_road_[arc]]);
    at = arc_source_[arc];
  }
  std::reverse(roads.begin(), roads.end());
  return roads;
}

// The dispatch question. Each source replays its search's settled junctions from the start (and
// settles more when it runs out), all sources together in order of arrival time `start + minutes`,
// so the first time a site turns up is its earliest arrival. Once every source's next junction
// arrives after the best arrival found, nothing further can arrive earlier or at the same time:
// searches hold labels that are exact, so the ties are exact too.
double RoadGraph::earliest(const std::vector<Source>& sources, const std::vector<std::uint32_t>& sites,
                           double bound, std::vector<Pair>* ties) {
  ties->clear();
  drop_searches_if_large();
  constexpr std::uint8_t kSite = 1, kDownSite = 2, kNextToDownSite = 4;
  std::vector<std::uint32_t> marked;
  const auto mark = [&](std::uint32_t j, std::uint8_t bit) {
    if (target_[j] == 0) marked.push_back(j);
    target_[j] |= bit;
  };
  for (std::uint32_t site : sites) {
    if (junction_works_[site]) {
      mark(site, kSite);
      continue;
    }
    mark(site, kDownSite);
    for (std::uint32_t a = row_start_[site]; a < row_start_[site + 1]; ++a)
      if (road_now_[arc_road_[a]] != kUnreachable) mark(arc_target_[a], kNextToDownSite);
  }
  double best = bound;
  std::vector<Pair> found;  // pairs that arrived no later than `best` when found
  const auto consider = [&](std::uint32_t i, std::uint32_t site, double arrive) {
    if (arrive > best) return;
    best = arrive;
    found.push_back(Pair{i, site});
  };
  struct Cursor {
    Search* search = nullptr;
    std::size_t next = 0;  //!< index into search->order
  };
  std::vector<Cursor> cursors(sources.size());
  using Entry = std::pair<double, std::uint32_t>;  // arrival time of the source's next junction
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> frontier;
  const auto next_time = [&](std::uint32_t i) {
    const Cursor& c = cursors[i];
    const Search& s = *c.search;
    if (c.next < s.order.size()) return sources[i].start + s.minutes[s.order[c.next]];
    return s.heap.empty() ? kUnreachable : sources[i].start + s.minutes[s.heap.top()];
  };
  for (std::uint32_t i = 0; i < sources.size(); ++i) {
    cursors[i].search = &search(sources[i].junction);
    if (target_[sources[i].junction] & (kSite | kDownSite))  // at a site already: minutes(j, j) = 0
      consider(i, sources[i].junction, sources[i].start + 0.0);
  }
  for (std::uint32_t i = 0; i < sources.size(); ++i)
    if (const double at = next_time(i); at != kUnreachable) frontier.emplace(at, i);
  while (!frontier.empty() && frontier.top().first <= best) {
    const std::uint32_t i = frontier.top().second;
    frontier.pop();
    Cursor& c = cursors[i];
    Search& s = *c.search;
    // This source goes on while it is still the first in time (saves the queue's work).
    for (double at = 0.0;;) {
      if (c.next == s.order.size()) step(s);
      const std::uint32_t k = s.order[c.next++];
      const std::uint32_t j = s.junction[k];
      if (target_[j] & kSite) consider(i, j, sources[i].start + s.minutes[k]);
      if (target_[j] & kNextToDownSite)  // a way into a site that is down: an upper bound of its arrival
        for (std::uint32_t a = row_start_[j]; a < row_start_[j + 1]; ++a)
          if ((target_[arc_target_[a]] & kDownSite) && road_now_[arc_road_[a]] != kUnreachable)
            consider(i, arc_target_[a], sources[i].start + (s.minutes[k] + road_now_[arc_road_[a]]));
      at = next_time(i);
      if (at == kUnreachable) break;
      if (at > best || (!frontier.empty() && at > frontier.top().first)) {
        frontier.emplace(at, i);
        break;
      }
    }
  }
  for (std::uint32_t j : marked) target_[j] = 0;
  // Exact arrivals of the pairs found: every way that could equal `best` is settled now.
  for (const Pair& p : found) {
    const Source& src = sources[p.source];
    std::uint32_t last = kNone;
    const double m = p.site == src.junction ? 0.0 : arrival(*cursors[p.source].search, p.site, &last);
    if (src.start + m == best && std::find(ties->begin(), ties->end(), p) == ties->end()) ties->push_back(p);
  }
  return best;
}

void RoadGraph::find_parts() {
  // Union-find over the working junctions joined by open roads.
  std::vector<std::uint32_t> up(junction_element_.size());
  std::iota(up.begin(), up.end(), 0u);
  const auto root = [&](std::uint32_t x) {
    while (up[x] != x) x = up[x] = up[up[x]];
    return x;
  };
  for (std::uint32_t r = 0; r < road_now_.size(); ++r)
    if (road_now_[r] != kUnreachable && junction_works_[road_from_[r]] && junction_works_[road_to_[r]]) {
      const std::uint32_t a = root(road_from_[r]), b = root(road_to_[r]);
      if (a != b) up[std::max(a, b)] = std::min(a, b);
    }
  for (std::uint32_t j = 0; j < up.size(); ++j) part_[j] = junction_works_[j] ? root(j) : kNone;
  part_mark_.assign(junction_element_.size(), 0);
  origin_mark_.assign(junction_element_.size(), 0);
  reach_generation_ = 0;
  parts_stale_ = false;
}

// From a working junction a vehicle reaches its part; from one that is down, the parts of the
// working junctions at the other end of its open roads (and the junction itself).
void RoadGraph::reach_from(const std::vector<std::uint32_t>& origins) {
  if (parts_stale_) find_parts();
  ++reach_generation_;
  for (std::uint32_t o : origins) {
    origin_mark_[o] = reach_generation_;
    if (junction_works_[o]) {
      part_mark_[part_[o]] = reach_generation_;
      continue;
    }
    for (std::uint32_t a = row_start_[o]; a < row_start_[o + 1]; ++a)
      if (arc_weight_[a] != kUnreachable) part_mark_[part_[arc_target_[a]]] = reach_generation_;
  }
}

// Working: in a reached part (or an origin). Down: an open road into it from a junction of a reached
// part, or from an origin.
bool RoadGraph::reached(std::uint32_t site) const {
  if (origin_mark_[site] == reach_generation_) return true;
  if (junction_works_[site]) return part_mark_[part_[site]] == reach_generation_;
  for (std::uint32_t a = row_start_[site]; a < row_start_[site + 1]; ++a) {
    if (road_now_[arc_road_[a]] == kUnreachable) continue;
    const std::uint32_t n = arc_target_[a];
    if (origin_mark_[n] == reach_generation_) return true;
    if (junction_works_[n] && part_mark_[part_[n]] == reach_generation_) return true;
  }
  return false;
}

}  // namespace blackstart::sim
