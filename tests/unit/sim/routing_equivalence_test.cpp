// The nearest-first routing (lazy searches, RoadGraph::earliest) against the plain one it replaced:
// travel minutes and routes against Boost's Dijkstra over the whole network, and whole runs against
// the plain dispatch (every free crew to every job's site), on generated towns with ties, closed
// and reopened roads, junctions that are down, dark signals, shifts and calls away on the way home.
#include <catch2/catch.hpp>

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths_no_color_map.hpp>
#include <cstdint>
#include <sstream>
#include <string>

#include "blackstart/report/report.hpp"
#include "blackstart/sim/simulator.hpp"
#include "sim/road_graph.hpp"

using namespace blackstart;
using model::ElementIndex;

namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
double unit(std::uint64_t key) {
  return static_cast<double>(mix(key) >> 11) / 9007199254740992.0;
}

std::string name(const char* prefix, std::size_t n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

struct Town {
  model::Scenario scenario;
  std::vector<ElementIndex> junctions, roads;
};

//! A `side` x `side` grid of junctions. `whole_km`: every road 1 km (many equally fast ways: ties
//! everywhere), else random lengths. Roads and junctions belong to `city` (routed crews from one
//! depot repair them); substations of `grid` (routed crews from two depots) are reached at
//! junctions, a few off the roads; some feed signal zones. Damage at 0 and later, restorations.
Town make_town(std::size_t side, bool whole_km, std::uint64_t salt) {
  Town town;
  auto& s = town.scenario;
  s.name = "routing equivalence town";
  s.horizon_min = 4 * 24 * 60;
  auto& net = s.network;
  const auto power = net.add_layer("power", model::LayerKind::Power);
  const auto transport = net.add_layer("transport", model::LayerKind::Transport);
  const auto asset = [&](std::uint32_t layer, std::string id, const char* type, const char* op) {
    model::Element e;
    e.local_id = std::move(id);
    e.type = type;
    e.operator_name = op;
    return net.add_asset(layer, std::move(e));
  };
  for (std::size_t j = 0; j < side * side; ++j)
    town.junctions.push_back(asset(transport, name("j", j), "road_segment", "city"));
  const auto road = [&](std::size_t a, std::size_t b) {
    model::Element e;
    e.local_id = name("r", town.roads.size());
    e.type = "road";
    e.operator_name = "city";
    const double km = whole_km ? 1.0 : 0.1 + std::floor(unit(salt * 7919 + town.roads.size()) * 8) * 0.1;
    model::set_attribute(e, "length_km", km);
    model::set_attribute(e, "road_class", unit(salt + 3 * town.roads.size()) < 0.2 ? 2 : 6);
    town.roads.push_back(net.add_link(transport, std::move(e), town.junctions[a], town.junctions[b]));
  };
  for (std::size_t y = 0; y < side; ++y)
    for (std::size_t x = 0; x < side; ++x) {
      if (x + 1 < side) road(y * side + x, y * side + x + 1);
      if (y + 1 < side) road(y * side + x, (y + 1) * side + x);
    }
  const auto infeed = asset(power, "infeed", "infeed", "grid");
  std::vector<ElementIndex> subs;
  for (std::size_t i = 0; i < 3 * side; ++i) {
    const auto sub = asset(power, name("sub-", i), "substation", "grid");
    model::Element line;
    line.local_id = name("l", i);
    line.type = "line";
    line.operator_name = "grid";
    net.add_link(power, std::move(line), infeed, sub);
    if (i % 11 != 5) {  // the others are off the roads: the pool's drawn travel time
      model::Dependency access;
      access.dependent = sub;
      // Every seventh in the walled-off corner (below), the others anywhere.
      access.supplier = i % 7 == 3 ? town.junctions[side - 1 - i % 3]
                                   : town.junctions[mix(salt + 1000 + i) % town.junctions.size()];
      access.kind = model::DependencyKind::Access;
      access.effect = model::DependencyEffect::BlockAccess;
      net.add_dependency(access);
    }
    net.element(sub).priority = unit(salt + 2000 + i) < 0.2 ? 5 : 0;
    subs.push_back(sub);
  }
  for (std::size_t z = 0; z < 4; ++z) {  // signal zones fed by substations, on a row of roads
    const auto zone = asset(transport, name("signals-", z), "traffic_signal_zone", "city");
    model::Dependency feed;
    feed.dependent = zone;
    feed.supplier = subs[z];
    feed.kind = model::DependencyKind::Power;
    net.add_dependency(feed);
    for (std::size_t x = 0; x + 1 < side; ++x) {
      model::Dependency dark;
      dark.dependent = town.roads[(z * side / 4) * (2 * side - 1) + 2 * x];
      dark.supplier = zone;
      dark.kind = model::DependencyKind::Control;
      dark.effect = model::DependencyEffect::Degrade;
      dark.degrade_factor = 0.6;
      net.add_dependency(dark);
    }
  }
  model::Event closed{};
  closed.id = "closed";
  closed.at_min = 0;
  closed.action = model::Action::Damage;
  for (std::size_t r = 0; r < town.roads.size(); ++r)
    if (unit(salt + 5000 + r) < 0.06) closed.targets.push_back(town.roads[r]);
  for (std::size_t j = 0; j < town.junctions.size(); ++j)
    if (unit(salt + 6000 + j) < 0.03) closed.targets.push_back(town.junctions[j]);
  // A corner walled off (x >= side - 4, y < 3) until the city's crews reopen a road into it.
  const auto inside = [&](ElementIndex junction) {
    const auto j = static_cast<std::size_t>(
        std::find(town.junctions.begin(), town.junctions.end(), junction) - town.junctions.begin());
    return j % side + 4 >= side && j / side < 3;
  };
  for (ElementIndex r : town.roads)
    if (inside(net.element(r).from) != inside(net.element(r).to)) closed.targets.push_back(r);
  s.events.push_back(closed);
  for (int wave = 0; wave < 3; ++wave) {
    model::Event open{};
    open.id = name("open-", static_cast<std::size_t>(wave));
    open.at_min = 10 + 400 * wave;
    open.action = model::Action::OpenBreaker;
    for (std::size_t i = static_cast<std::size_t>(wave); i < subs.size(); i += 2)
      open.targets.push_back(subs[i]);
    s.events.push_back(open);
    model::Event block{};  // roads closing while crews drive
    block.id = name("block-", static_cast<std::size_t>(wave));
    block.at_min = 40 + 400 * wave;
    block.action = model::Action::Damage;
    for (std::size_t r = 0; r < town.roads.size(); ++r)
      if (unit(salt + 7000 + 31 * r + static_cast<std::size_t>(wave)) < 0.04)
        block.targets.push_back(town.roads[r]);
    s.events.push_back(block);
  }
  model::CrewPool grid;
  grid.operator_name = "grid";
  grid.count = 5;
  grid.travel = core::DurationDistribution{core::DurationDistribution::Kind::Triangular, 10, 60, 25, 0};
  grid.depots = {town.junctions[side + 1], town.junctions[side * side - side - 2]};
  grid.shift_min = 6 * 60;
  grid.rest_min = 3 * 60;
  s.crews["grid"] = grid;
  model::CrewPool city = grid;
  city.operator_name = "city";
  city.count = 2;
  city.depots = {town.junctions[side * side / 2]};
  s.crews["city"] = city;
  return town;
}

//! Everything a run says about crews and states, as text.
std::string dump(const sim::RunResult& r) {
  std::ostringstream out;
  out.precision(17);
  for (const auto& s : r.repairs)
    out << "repair " << s.time_min << ' ' << s.element << ' ' << static_cast<int>(s.kind) << ' '
        << s.crew_pool << ' ' << s.arrive_min << ' ' << s.until_min << ' ' << s.crew << ' ' << s.crew_from
        << ' ' << s.crew_site << ' ' << s.no_route << '\n';
  for (const auto& l : r.crew_legs) {
    out << "leg " << l.crew << ' ' << static_cast<int>(l.purpose) << ' ' << l.job << ' ' << l.from << ' '
        << l.to << ' ' << l.depart_min << ' ' << l.arrive_min << ' ' << l.rest << " :";
    for (ElementIndex road : l.roads) out << ' ' << road;
    out << '\n';
  }
  for (const auto& c : r.changes)
    out << "change " << c.time_min << ' ' << c.element << ' ' << static_cast<int>(c.change) << ' '
        << static_cast<int>(c.to) << '\n';
  out << report::timeline_csv(r, 30);
  return out.str();
}

//! The road graph as the plain RoadGraph had it: Boost's Dijkstra over every junction, the
//! same arcs, the same arrival over an open road at a junction that is down, the same routes.
struct PlainRoutes {
  using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, std::uint32_t>;
  std::vector<std::uint32_t> from, to;
  std::vector<double> road_now;
  std::vector<char> works;
  std::vector<double> weight;
  std::vector<std::uint32_t> arc_road, arc_source;
  Graph graph;

  PlainRoutes(std::size_t junctions, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& roads,
              std::vector<double> minutes_now, std::vector<char> junction_works)
      : road_now(std::move(minutes_now)), works(std::move(junction_works)) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
    std::vector<std::uint32_t> props;
    for (std::uint32_t r = 0; r < roads.size(); ++r) {
      from.push_back(roads[r].first);
      to.push_back(roads[r].second);
      arcs.emplace_back(roads[r].first, roads[r].second);
      props.push_back(r);
      arcs.emplace_back(roads[r].second, roads[r].first);
      props.push_back(r);
    }
    graph = Graph(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), props.begin(), junctions);
    weight.assign(arcs.size(), 0);
    arc_road.assign(arcs.size(), 0);
    arc_source.assign(arcs.size(), 0);
    for (const auto e : boost::make_iterator_range(boost::edges(graph))) {
      const auto a = boost::get(boost::edge_index, graph, e);
      arc_road[a] = graph[e];
      arc_source[a] = static_cast<std::uint32_t>(boost::source(e, graph));
      const double w = road_now[graph[e]];
      weight[a] = w == sim::RoadGraph::kUnreachable || !works[boost::target(e, graph)]
                      ? sim::RoadGraph::kUnreachable
                      : w;
    }
  }

  struct Recorder : boost::default_dijkstra_visitor {
    std::vector<std::uint32_t>* via;
    template <class E, class G>
    void edge_relaxed(E e, const G& g) const {
      (*via)[boost::target(e, g)] = static_cast<std::uint32_t>(boost::get(boost::edge_index, g, e));
    }
  };

  //! Minutes and route from `a` to `b`, as the plain RoadGraph computed them.
  std::pair<double, std::vector<std::uint32_t>> way(std::uint32_t a, std::uint32_t b) const {
    if (a == b) return {0.0, {}};
    const std::size_t n = works.size();
    std::vector<double> minutes(n, sim::RoadGraph::kUnreachable);
    std::vector<std::uint32_t> via(n, sim::RoadGraph::kNone);
    Recorder recorder;
    recorder.via = &via;
    boost::dijkstra_shortest_paths_no_color_map(
        graph, static_cast<Graph::vertex_descriptor>(a),
        boost::distance_map(
            boost::make_iterator_property_map(minutes.begin(), boost::get(boost::vertex_index, graph)))
            .weight_map(
                boost::make_iterator_property_map(weight.begin(), boost::get(boost::edge_index, graph)))
            .distance_inf(sim::RoadGraph::kUnreachable)
            .visitor(recorder));
    double best = minutes[b];
    std::uint32_t last = sim::RoadGraph::kNone;
    if (!works[b]) {
      best = sim::RoadGraph::kUnreachable;
      for (const auto e :
           boost::make_iterator_range(boost::out_edges(static_cast<Graph::vertex_descriptor>(b), graph))) {
        const double here = minutes[boost::target(e, graph)] + road_now[graph[e]];
        if (here < best)
          best = here, last = static_cast<std::uint32_t>(boost::get(boost::edge_index, graph, e));
      }
    }
    std::vector<std::uint32_t> roads;
    if (best == sim::RoadGraph::kUnreachable) return {best, roads};
    std::uint32_t at = b;
    if (last != sim::RoadGraph::kNone) {
      roads.push_back(arc_road[last]);
      at = from[arc_road[last]] == b ? to[arc_road[last]] : from[arc_road[last]];
    }
    while (at != a && via[at] != sim::RoadGraph::kNone) {
      roads.push_back(arc_road[via[at]]);
      at = arc_source[via[at]];
    }
    std::reverse(roads.begin(), roads.end());
    return {best, roads};
  }
};

}  // namespace

TEST_CASE("routing equivalence: lazy searches give Boost's full Dijkstra minutes and routes", "[routing]") {
  for (const bool whole_km : {true, false}) {
    const Town town = make_town(14, whole_km, whole_km ? 11 : 12);
    const auto& elements = town.scenario.network.elements();
    // Closed roads, junctions that are down, dark roads.
    std::vector<char> element_works(elements.size(), 1);
    for (std::size_t r = 0; r < town.roads.size(); ++r)
      if (unit(900 + r) < 0.08) element_works[town.roads[r]] = 0;
    for (std::size_t j = 0; j < town.junctions.size(); ++j)
      if (unit(1900 + j) < 0.05) element_works[town.junctions[j]] = 0;
    for (ElementIndex x = 0; x < elements.size(); ++x)
      if (elements[x].type == "traffic_signal_zone" && x % 2 == 0) element_works[x] = 0;
    // Wall off the first three rows: queries across it are unreachable.
    for (std::size_t x = 0; x < 14; ++x)
      element_works[town.roads[(3 - 1) * (2 * 14 - 1) + 2 * x + (x + 1 < 14 ? 1 : 0)]] = 0;
    sim::RoadGraph roads(town.scenario);
    roads.refresh([&](ElementIndex x) { return element_works[x] != 0; });
    REQUIRE(roads.junctions() == town.junctions.size());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
    std::vector<double> now;
    std::uint32_t link = 0;
    for (ElementIndex x = 0; x < elements.size(); ++x)
      if (elements[x].is_link && elements[x].type == "road") {
        ends.emplace_back(roads.junction_of(elements[x].from), roads.junction_of(elements[x].to));
        now.push_back(roads.road_minutes(x));
        ++link;
      }
    std::vector<char> junction_works;
    for (std::uint32_t j = 0; j < roads.junctions(); ++j)
      junction_works.push_back(element_works[roads.element_of(j)]);
    const PlainRoutes plain(roads.junctions(), ends, now, junction_works);
    std::vector<ElementIndex> link_element;
    for (ElementIndex x = 0; x < elements.size(); ++x)
      if (elements[x].is_link && elements[x].type == "road") link_element.push_back(x);
    int compared = 0, reachable = 0, down_targets = 0;
    for (std::uint32_t q = 0; q < 600; ++q) {
      const auto a = static_cast<std::uint32_t>(mix(whole_km * 100000 + q) % roads.junctions());
      const auto b = static_cast<std::uint32_t>(mix(whole_km * 100000 + q + 77777) % roads.junctions());
      const auto [minutes, plain_roads] = plain.way(a, b);
      std::vector<ElementIndex> expected;
      for (std::uint32_t r : plain_roads) expected.push_back(link_element[r]);
      // Both orders of asking: the route first (a search stopping at b), then the minutes.
      if (q % 2 == 0) {
        CHECK(roads.route(a, b) == expected);
        CHECK(roads.minutes(a, b) == minutes);
      } else {
        CHECK(roads.minutes(a, b) == minutes);
        CHECK(roads.route(a, b) == expected);
      }
      roads.reach_from({a});
      CHECK(roads.reached(b) == (minutes != sim::RoadGraph::kUnreachable || a == b));
      ++compared;
      reachable += minutes != sim::RoadGraph::kUnreachable;
      down_targets += !junction_works[b];
    }
    CHECK(compared == 600);
    CHECK(reachable > 300);  // the test covers both reachable and unreachable junctions
    CHECK(reachable < 600);
    CHECK(down_targets > 10);
  }
}

TEST_CASE("routing equivalence: runs are identical with the nearest-first and the plain dispatch",
          "[routing]") {
  for (const bool whole_km : {true, false})
    for (std::uint64_t salt : {1u, 2u, 3u}) {
      const Town town = make_town(12, whole_km, salt);
      sim::RunOptions plain_options;
      plain_options.exhaustive_routing = true;
      const auto plain = sim::simulate(town.scenario, plain_options);
      const auto nearest = sim::simulate(town.scenario);
      // The runs do route crews: jobs on and off the roads, drives home, rests, no-route waits.
      std::size_t dispatched = 0, off_roads = 0, homes = 0, rests = 0, no_route = 0;
      for (const auto& s : nearest.repairs) {
        dispatched += s.kind == sim::RepairStep::Kind::CrewDispatched;
        off_roads += s.kind == sim::RepairStep::Kind::CrewDispatched && s.crew_site == model::kNoElement;
        no_route += s.no_route;
      }
      for (const auto& l : nearest.crew_legs) {
        homes += l.purpose == sim::CrewLeg::Purpose::Home;
        rests += l.rest;
      }
      INFO("whole_km " << whole_km << " salt " << salt);
      CHECK(dispatched > 40);
      CHECK(off_roads > 0);
      CHECK(homes > 5);
      CHECK(rests > 0);
      CHECK(no_route > 0);
      CHECK(dump(nearest) == dump(plain));
    }
}
