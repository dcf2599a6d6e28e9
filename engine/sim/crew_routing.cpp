// Crews with a depot: vehicles on the road network. Each crew starts at its depot; a job is the
// drive to the job's site over the roads open now (RoadGraph: Dijkstra, closed roads impassable,
// dark signals slower) plus the work. A free crew takes, among the waiting jobs of its pool, one
// of the highest priority it can reach, the nearest first (ties: the earlier job in the queue,
// then the lower crew number); with nothing to do it drives back to its depot and can be called
// away on the way. After `shift` on duty a crew finishes its job, drives home and rests `rest`.
// Pools without a depot keep the drawn `travel` time (restoration.cpp).
#include <limits>
#include <stdexcept>
#include <string>

#include "simulation.hpp"

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;

void Simulation::prepare_crews() {
  pool_routed_.assign(crew_pool_names_.size(), 0);
  bool any = false;
  for (std::size_t p = 0; p < crew_pool_names_.size(); ++p)
    if (const auto it = scenario_.crews.find(crew_pool_names_[p]); it != scenario_.crews.end())
      if (it->second.routed()) pool_routed_[p] = 1, any = true;
  if (!any) return;
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
            const double arrive =
                std::max(t, crew.arrive) +
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
        Runtime& r = rt_[x];
        if (reachable != !r.no_route) {  // the road situation of this job changed: say so
          r.no_route = !reachable;
          log_repair(t, x, RepairStep::Kind::WaitingForCrew, r.detect_at);
          RepairStep& step = result_.repairs.back();
          step.no_route = r.no_route;
          if (!sites.empty()) step.crew_site = roads_->element_of(sites.front());
        }
        if (reachable && !found_level) found_level = true, level = elements_[x].priority;
      }
      if (best == kInf) break;
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

}  // namespace blackstart::sim
