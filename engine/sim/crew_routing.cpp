// Crews with a depot: vehicles on the road network. Each crew starts at its depot; a job is the
// drive to the job's site over the roads open now (RoadGraph: Dijkstra, closed roads impassable,
// dark signals slower) plus the work. A free crew takes, among the waiting jobs of its pool, one
// of the highest priority it can reach, the nearest first (ties: the earlier job in the queue,
// then the lower crew number); with nothing to do it drives back to its depot and can be called
// away on the way. After `shift` on duty a crew finishes its job, drives home and rests `rest`.
// Pools without a depot keep the drawn `travel` time (restoration.cpp).
#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>

#include "simulation.hpp"

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;

namespace {
//! Adds the wall-clock time of a scope to RunResult::routing_seconds.
class RoutingClock {
 public:
  explicit RoutingClock(double& total) : total_(total) {}
  RoutingClock(const RoutingClock&) = delete;
  RoutingClock& operator=(const RoutingClock&) = delete;
  ~RoutingClock() {
    total_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  double& total_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};
}  // namespace

void Simulation::prepare_crews() {
  pool_routed_.assign(crew_pool_names_.size(), 0);
  bool any = false;
  for (std::size_t p = 0; p < crew_pool_names_.size(); ++p)
    if (const auto it = scenario_.crews.find(crew_pool_names_[p]); it != scenario_.crews.end())
      if (it->second.routed()) pool_routed_[p] = 1, any = true;
  if (!any) return;
  const RoutingClock clock(result_.routing_seconds);
  roads_ = std::make_unique<RoadGraph>(scenario_);
  for (std::uint16_t p = 0; p < crew_pool_names_.size(); ++p) {
    if (!pool_routed_[p]) continue;
    const model::CrewPool& pool = scenario_.crews.at(crew_pool_names_[p]);
    for (int k = 0; k < pool.count; ++k) {
      const ElementIndex depot = pool.depots[static_cast<std::size_t>(k) % pool.depots.size()];
      Crew c;
      c.pool = p;
      c.depot = roads_->junction_of(depot);
      if (c.depot == RoadGraph::kNone)  // the loader checks that depots are on roads
        throw std::logic_error("depot '" + elements_[depot].id + "' is not on a road");
      c.from = c.to = c.depot;
      crews_.push_back(c);
      result_.crews.push_back(CrewRecord{crew_pool_names_[p] + "#" + std::to_string(k + 1), p, depot});
    }
  }
  roads_dirty_ = true;
}

double Simulation::crew_arrival(const Crew& c, std::uint32_t site, double t, std::uint32_t& origin,
                                double& depart) {
  if (t >= c.arrive) {
    origin = c.to;
    depart = t;
    return t + roads_->minutes(c.to, site);
  }
  // On a drive (home, or to a job that was called off): turn back to where it left, or drive on.
  const double back = t + (t - c.depart);
  const double via_from = back + roads_->minutes(c.from, site);
  const double via_to = c.arrive + roads_->minutes(c.to, site);
  if (via_from < via_to) {
    origin = c.from;
    depart = back;
    return via_from;
  }
  origin = c.to;
  depart = c.arrive;
  return via_to;
}

void Simulation::record_leg(std::uint32_t c, CrewLeg::Purpose purpose, ElementIndex job) {
  const Crew& crew = crews_[c];
  CrewLeg leg;
  leg.crew = c;
  leg.purpose = purpose;
  leg.job = job;
  leg.from = roads_->element_of(crew.from);
  leg.to = roads_->element_of(crew.to);
  leg.depart_min = crew.depart;
  leg.arrive_min = crew.arrive;
  leg.roads = roads_->route(crew.from, crew.to);
  result_.crew_legs.push_back(std::move(leg));
}

void Simulation::release_crew(std::uint32_t c, double t) {
  Crew& crew = crews_[c];
  crew.job = kNoElement;
  if (t >= crew.arrive) {  // at the site: the next drive starts here
    crew.from = crew.to;
    crew.depart = crew.arrive = t;
  }
  const double shift = scenario_.crews.at(crew_pool_names_[crew.pool]).shift_min;
  if (crew.shift_start >= 0 && t - crew.shift_start >= shift) crew.must_rest = true;
}

void Simulation::dispatch_routed(double t) {
  const RoutingClock clock(result_.routing_seconds);
  if (roads_dirty_) {
    roads_->refresh([this](ElementIndex x) { return rt_[x].operational; });
    roads_dirty_ = false;
  }
  constexpr double kInf = RoadGraph::kUnreachable;
  for (std::uint16_t p = 0; p < crew_pool_names_.size(); ++p) {
    if (!pool_routed_[p]) continue;
    const model::CrewPool& pool = scenario_.crews.at(crew_pool_names_[p]);
    std::vector<std::uint32_t> free;
    for (std::uint32_t c = 0; c < crews_.size(); ++c)
      if (crews_[c].pool == p && crews_[c].job == kNoElement && !crews_[c].must_rest &&
          t >= crews_[c].ready_at)
        free.push_back(c);
    if (free.empty()) continue;
    std::vector<ElementIndex> jobs;  // in queue order: priority, then when noticed
    for (const auto& key : waiting_) {
      const ElementIndex x = std::get<2>(key);
      if (crew_pool_of(x) == p && !access_blocked(x)) jobs.push_back(x);
    }
    while (!free.empty() && !jobs.empty()) {
      const RoutedPick pick =
          exhaustive_routing_ ? pick_exhaustive(pool, t, free, jobs) : pick_nearest(pool, t, free, jobs);
      if (pick.arrive == kInf) break;
      const double best = pick.arrive;
      const std::size_t best_job = pick.job, best_crew = pick.crew;
      const std::uint32_t best_origin = pick.origin, best_site = pick.site;
      const double best_depart = pick.depart;
      const ElementIndex x = jobs[best_job];
      const std::uint32_t c = free[best_crew];
      jobs.erase(jobs.begin() + static_cast<std::ptrdiff_t>(best_job));
      free.erase(free.begin() + static_cast<std::ptrdiff_t>(best_crew));
      Runtime& r = rt_[x];
      waiting_.erase(wait_key(x));
      r.waiting_for_crew = false;
      r.no_route = false;
      Crew& crew = crews_[c];
      // A shift starts with the first job after a rest, or after `rest` idle at the depot.
      const bool idle_at_depot = t >= crew.arrive && crew.to == crew.depot;
      if (crew.shift_start < 0 || (idle_at_depot && t - crew.arrive >= pool.rest_min)) crew.shift_start = t;
      crew.job = x;
      const std::uint64_t item = (std::uint64_t{x} << 20) ^ r.damage_count;
      const double done = best + work_minutes(x, item);
      begin_repair(x, RepairMode::Manual, done);
      r.holds_crew = true;
      r.crew = c;
      log_repair(t, x, RepairStep::Kind::CrewDispatched, done, best);
      RepairStep& step = result_.repairs.back();
      step.crew = c;
      if (best_site == RoadGraph::kNone) {  // off the roads: it stays where it was, in effect
        step.crew_from = kNoElement;
        crew.from = crew.to = best_origin;
        crew.depart = crew.arrive = best;
        continue;
      }
      crew.from = best_origin;
      crew.to = best_site;
      crew.depart = best_depart;
      crew.arrive = best;
      step.crew_from = roads_->element_of(best_origin);
      step.crew_site = roads_->element_of(best_site);
      record_leg(c, CrewLeg::Purpose::Job, x);
    }
  }
  send_crews_home(t);
}

// The plain dispatch: every free crew's minutes to every site of every job in turn (searches from
// every place a crew leaves from). pick_nearest() must choose exactly as this does; tests and the
// benchmark compare them (RunOptions::exhaustive_routing).
Simulation::RoutedPick Simulation::pick_exhaustive(const model::CrewPool& pool, double t,
                                                   const std::vector<std::uint32_t>& free,
                                                   const std::vector<ElementIndex>& jobs) {
  constexpr double kInf = RoadGraph::kUnreachable;
  // Among the jobs of the highest priority some free crew can reach: the earliest arrival.
  double best = kInf;
  std::size_t best_job = 0, best_crew = 0;
  std::uint32_t best_origin = 0, best_site = 0;
  double best_depart = 0.0;
  bool found_level = false;
  int level = 0;
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    const ElementIndex x = jobs[j];
    if (found_level && elements_[x].priority < level) break;
    const auto sites = roads_->sites_of(x);
    bool reachable = false;
    for (std::size_t k = 0; k < free.size(); ++k) {
      const Crew& crew = crews_[free[k]];
      if (sites.empty()) {  // off the roads: the pool's drawn travel time, from where it is
        const double arrive = std::max(t, crew.arrive) +
                              sample(pool.travel, "travel", (std::uint64_t{x} << 20) ^ rt_[x].damage_count);
        reachable = true;
        if (arrive < best) {
          best = arrive, best_job = j, best_crew = k, best_site = RoadGraph::kNone;
          best_origin = crew.to, best_depart = std::max(t, crew.arrive);
        }
        continue;
      }
      for (std::uint32_t site : sites) {
        std::uint32_t origin = 0;
        double depart = 0.0;
        const double arrive = crew_arrival(crew, site, t, origin, depart);
        if (arrive == kInf) continue;
        reachable = true;
        if (arrive < best) {
          best = arrive, best_job = j, best_crew = k, best_site = site;
          best_origin = origin, best_depart = depart;
        }
      }
    }
    note_route_change(x, reachable, sites, t);
    if (reachable && !found_level) found_level = true, level = elements_[x].priority;
  }
  RoutedPick pick;
  pick.arrive = best;
  pick.job = best_job;
  pick.crew = best_crew;
  pick.origin = best_origin;
  pick.site = best_site;
  pick.depart = best_depart;
  return pick;
}

// The same choice with few searches. Which jobs some free crew can reach comes from the connected
// parts of the open roads (RoadGraph::reach_from), which says "no route" exactly when every
// search would. Among the jobs of the highest reachable priority, the earliest arrival comes from
// RoadGraph::earliest over the places and times the free crews can leave from (a crew on a drive:
// turning back, or driving on) and the jobs' sites; it is exact, ties included, so the order of the
// plain dispatch decides ties: the earlier job, then the lower crew, then the site listed first, and
// for a crew on a drive, driving on unless turning back is strictly earlier.
Simulation::RoutedPick Simulation::pick_nearest(const model::CrewPool& pool, double t,
                                                const std::vector<std::uint32_t>& free,
                                                const std::vector<ElementIndex>& jobs) {
  RoutedPick pick;
  // Where and when each free crew can leave from; crews leaving the same junction at the same minute
  // (at a depot, say) share one source.
  std::vector<RoadGraph::Source> sources;
  std::vector<std::uint32_t> on_source(free.size()), back_source(free.size(), RoadGraph::kNone);
  std::vector<std::vector<std::uint32_t>> source_crews;  // per source: indices into `free`, rising
  std::map<std::pair<std::uint32_t, double>, std::uint32_t> source_at;
  const auto source = [&](std::uint32_t junction, double start, std::uint32_t k) {
    const auto [it, added] =
        source_at.try_emplace({junction, start}, static_cast<std::uint32_t>(sources.size()));
    if (added) {
      sources.push_back({junction, start});
      source_crews.emplace_back();
    }
    if (source_crews[it->second].empty() || source_crews[it->second].back() != k)
      source_crews[it->second].push_back(k);
    return it->second;
  };
  std::vector<std::uint32_t> origins;
  for (std::uint32_t k = 0; k < free.size(); ++k) {
    const Crew& crew = crews_[free[k]];
    if (t < crew.arrive) {  // on a drive: back to where it left, as crew_arrival computes it
      back_source[k] = source(crew.from, t + (t - crew.depart), k);
      origins.push_back(crew.from);
    }
    on_source[k] = source(crew.to, t >= crew.arrive ? t : crew.arrive, k);
    origins.push_back(crew.to);
  }
  roads_->reach_from(origins);
  bool found_level = false;
  int level = 0;
  std::size_t first = jobs.size(), end = jobs.size();
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    const ElementIndex x = jobs[j];
    if (found_level && elements_[x].priority < level) {
      end = j;
      break;
    }
    const auto sites = roads_->sites_of(x);
    bool reachable = sites.empty();  // off the roads: the pool's drawn travel time
    for (std::uint32_t site : sites) reachable = reachable || roads_->reached(site);
    note_route_change(x, reachable, sites, t);
    if (reachable && !found_level) found_level = true, level = elements_[x].priority, first = j;
  }
  if (!found_level) return pick;
  // The candidate jobs' sites; jobs off the roads: the first (job, crew) with the earliest arrival.
  struct SiteOf {
    std::uint32_t site = 0;
    std::uint32_t job = 0;    // index into `jobs`
    std::uint32_t index = 0;  // in sites_of(job)
  };
  std::vector<SiteOf> site_jobs;
  std::vector<std::uint32_t> sites;
  for (std::size_t j = first; j < end; ++j) {
    const ElementIndex x = jobs[j];
    const auto job_sites = roads_->sites_of(x);
    for (std::uint32_t i = 0; i < job_sites.size(); ++i) {
      sites.push_back(job_sites[i]);
      site_jobs.push_back({job_sites[i], static_cast<std::uint32_t>(j), i});
    }
    if (!job_sites.empty()) continue;
    const double travel = sample(pool.travel, "travel", (std::uint64_t{x} << 20) ^ rt_[x].damage_count);
    for (std::size_t k = 0; k < free.size(); ++k) {
      const Crew& crew = crews_[free[k]];
      const double arrive = std::max(t, crew.arrive) + travel;
      if (arrive < pick.arrive) {
        pick.arrive = arrive, pick.job = j, pick.crew = k, pick.site = RoadGraph::kNone;
        pick.origin = crew.to, pick.depart = std::max(t, crew.arrive);
      }
    }
  }
  std::vector<RoadGraph::Pair> ties;
  const double best = roads_->earliest(sources, sites, pick.arrive, &ties);
  if (ties.empty()) return pick;  // nothing on the roads arrives by the best job off the roads
  // The first (job, crew, site) in the plain dispatch's order among those arriving at `best`.
  const auto by_site = [](const SiteOf& a, const SiteOf& b) { return a.site < b.site; };
  std::stable_sort(site_jobs.begin(), site_jobs.end(), by_site);
  bool have = best == pick.arrive;  // a job off the roads arrives then too
  std::uint32_t have_index = 0;     // the site's place in its job's list (0 off the roads)
  for (const RoadGraph::Pair& p : ties) {
    auto [lo, hi] = std::equal_range(site_jobs.begin(), site_jobs.end(), SiteOf{p.site, 0, 0}, by_site);
    for (std::uint32_t k : source_crews[p.source])
      for (auto it = lo; it != hi; ++it) {
        using Order = std::tuple<std::size_t, std::size_t, std::uint32_t>;
        if (have && !(Order{it->job, k, it->index} < Order{pick.job, pick.crew, have_index})) continue;
        have = true;
        have_index = it->index;
        pick.arrive = best, pick.job = it->job, pick.crew = k, pick.site = p.site;
        const Crew& crew = crews_[free[k]];
        // Driving on (or from where it is) unless only turning back arrives at `best`.
        const bool on =
            std::find(ties.begin(), ties.end(), RoadGraph::Pair{on_source[k], p.site}) != ties.end();
        pick.origin = on ? crew.to : crew.from;
        pick.depart = sources[on ? on_source[k] : back_source[k]].start;
      }
  }
  return pick;
}

void Simulation::send_crews_home(double t) {
  for (std::uint32_t c = 0; c < crews_.size(); ++c) {
    Crew& crew = crews_[c];
    if (crew.job != kNoElement || t < crew.ready_at) continue;
    const model::CrewPool& pool = scenario_.crews.at(crew_pool_names_[crew.pool]);
    const auto rest = [&](double from) {
      crew.must_rest = false;
      crew.shift_start = -1.0;
      crew.ready_at = from + pool.rest_min;
      queue_.push(crew.ready_at, QueueItem::Kind::CrewReady, c);
    };
    if (crew.to == crew.depot) {  // home, or on the way
      if (crew.must_rest) rest(std::max(t, crew.arrive));
      continue;
    }
    std::uint32_t origin = 0;
    double depart = 0.0;
    const double arrive = crew_arrival(crew, crew.depot, t, origin, depart);
    if (arrive == RoadGraph::kUnreachable) {  // no open road home: it waits (and rests) where it is
      if (crew.must_rest) rest(t);
      continue;
    }
    crew.from = origin;
    crew.to = crew.depot;
    crew.depart = depart;
    crew.arrive = arrive;
    const bool resting = crew.must_rest;
    if (resting) rest(arrive);
    record_leg(c, CrewLeg::Purpose::Home, kNoElement);
    result_.crew_legs.back().rest = resting;
  }
}

void Simulation::note_route_change(model::ElementIndex x, bool reachable,
                                   const std::vector<std::uint32_t>& sites, double t) {
  Runtime& r = rt_[x];
  if (reachable == !r.no_route) return;
  // The road situation of this job changed: say so.
  r.no_route = !reachable;
  log_repair(t, x, RepairStep::Kind::WaitingForCrew, r.detect_at);
  RepairStep& step = result_.repairs.back();
  step.no_route = r.no_route;
  if (!sites.empty()) step.crew_site = roads_->element_of(sites.front());
}

}  // namespace blackstart::sim
