// Fuel trucks (`fuel:` pools): a tank that falls to its reorder point asks its pool for fuel; the
// free truck that can be there first leaves its depot and drives over the roads open now
// (RoadGraph), pumps for the pool's `transfer` time and drives back to reload. When no open road
// leads from any free truck to the generator's site, the order waits and is tried again whenever
// something changes; meanwhile the generator may run dry (settling.cpp: Reason::OutOfFuel).
// ASSUMPTIONS: a truck leaves full from its depot for every delivery and fills the tank (up to
// its `load_l`); a road that closes while a truck drives does not stop it (as for crews).
#include <limits>
#include <stdexcept>
#include <string>

#include "simulation.hpp"

namespace blackstart::sim {

using model::ElementIndex;

void Simulation::prepare_fuel() {
  if (scenario_.fuel.empty()) return;
  if (!roads_) {
    roads_ = std::make_unique<RoadGraph>(scenario_);
    roads_dirty_ = true;
  }
  for (std::uint32_t p = 0; p < scenario_.fuel.size(); ++p) {
    const model::FuelPool& pool = scenario_.fuel[p];
    for (int k = 0; k < pool.trucks; ++k) {
      const ElementIndex depot = pool.depots[static_cast<std::size_t>(k) % pool.depots.size()];
      FuelTruck truck;
      truck.pool = p;
      truck.depot = truck.junction = roads_->junction_of(depot);
      if (truck.depot == RoadGraph::kNone)  // the loader checks that depots are on roads
        throw std::logic_error("fuel depot '" + elements_[depot].id + "' is not on a road");
      trucks_.push_back(truck);
      result_.fuel_trucks.push_back(FuelTruckRecord{pool.name + "#" + std::to_string(k + 1), p, depot});
    }
  }
  if (!trucks_.empty()) queue_.push(0.0, QueueItem::Kind::CrewReady, 0);  // tanks low from the start
}

void Simulation::log_fuel(double t, FuelRecord::Kind kind, std::uint32_t store, std::uint32_t truck) {
  FuelRecord record;
  record.time_min = t;
  record.kind = kind;
  record.truck = truck;
  record.dependency = stores_[store].dependency;
  const model::BackupStore& spec = *network_.dependencies()[record.dependency].store;
  StoreState s = stores_[store];
  s.advance(t);
  record.level_l = s.level_min / 60.0 * spec.burn_lph;
  result_.fuel_log.push_back(std::move(record));
}

void Simulation::dispatch_fuel(double t) {
  if (roads_dirty_) {
    roads_->refresh([this](ElementIndex x) { return rt_[x].operational; });
    roads_dirty_ = false;
  }
  const auto& deps = network_.dependencies();
  // Tanks at or below their reorder point ask for fuel.
  for (std::uint32_t i = 0; i < stores_.size(); ++i) {
    StoreState& s = stores_[i];
    const auto& spec = *deps[s.dependency].store;
    if (s.order != StoreState::kNoOrder || spec.kind != model::BackupStore::Kind::Fuel) continue;
    std::uint32_t pool = 0;
    while (pool < scenario_.fuel.size() && scenario_.fuel[pool].name != spec.fuel_pool) ++pool;
    if (pool == scenario_.fuel.size()) continue;  // nobody refuels it
    StoreState now = s;
    now.advance(t);
    // A full tank orders nothing, unless it runs and orders at once (`reorder_at: 1`).
    if (now.level_min > spec.reorder_at * s.capacity_min + 1e-9 ||
        (now.level_min >= s.capacity_min && s.mode != BackupSample::Mode::Discharging))
      continue;
    s.order = static_cast<std::uint32_t>(fuel_orders_.size());
    fuel_orders_.push_back(FuelOrder{i, pool, t});
    log_fuel(t, FuelRecord::Kind::Ordered, i);
  }
  // Trucks that delivered but found no open road home try again.
  for (std::uint32_t k = 0; k < trucks_.size(); ++k)
    if (trucks_[k].stranded) trucks_[k].stranded = !send_truck_home(k, t);
  // Open orders, oldest first: the free truck of the pool that can be there first.
  for (std::uint32_t o = 0; o < fuel_orders_.size(); ++o) {
    FuelOrder& order = fuel_orders_[o];
    if (order.done || order.truck != FuelRecord::kNone) continue;
    const ElementIndex generator = deps[stores_[order.store].dependency].dependent;
    const auto sites = roads_->sites_of(generator);
    double best = RoadGraph::kUnreachable;
    std::uint32_t best_truck = FuelRecord::kNone, first_free = FuelRecord::kNone, best_site = 0;
    for (std::uint32_t k = 0; k < trucks_.size(); ++k) {
      const FuelTruck& truck = trucks_[k];
      if (truck.pool != order.pool || truck.order != FuelRecord::kNone || truck.stranded || t < truck.free_at)
        continue;
      if (first_free == FuelRecord::kNone) first_free = k;
      for (const std::uint32_t site : sites) {
        const double arrive = t + roads_->minutes(truck.junction, site);
        if (arrive < best) best = arrive, best_truck = k, best_site = site;
      }
    }
    if (first_free == FuelRecord::kNone) continue;  // all trucks busy: wait for one
    if (best_truck == FuelRecord::kNone) {
      if (!order.no_route) {
        order.no_route = true;
        log_fuel(t, FuelRecord::Kind::NoRoute, order.store, first_free);
        result_.fuel_log.back().to = sites.empty() ? model::kNoElement : roads_->element_of(sites.front());
      }
      continue;
    }
    order.no_route = false;
    order.truck = best_truck;
    FuelTruck& truck = trucks_[best_truck];
    truck.order = o;
    truck.arrive = best;
    log_fuel(t, FuelRecord::Kind::Dispatched, order.store, best_truck);
    FuelRecord& leg = result_.fuel_log.back();
    leg.from = roads_->element_of(truck.junction);
    leg.to = roads_->element_of(best_site);
    leg.arrive_min = best;
    leg.roads = roads_->route(truck.junction, best_site);
    truck.junction = best_site;
    queue_.push(best + scenario_.fuel[order.pool].transfer_min, QueueItem::Kind::FuelDelivered, best_truck);
  }
}

void Simulation::fuel_delivered(std::uint32_t k, double t) {
  FuelTruck& truck = trucks_[k];
  FuelOrder& order = fuel_orders_[truck.order];
  StoreState& s = stores_[order.store];
  const model::Dependency& dep = network_.dependencies()[s.dependency];
  const model::BackupStore& spec = *dep.store;
  const model::FuelPool& pool = scenario_.fuel[order.pool];
  s.advance(t);
  const double room_l = spec.tank_l - s.level_min / 60.0 * spec.burn_lph;
  const double litres = pool.load_l > 0 ? std::min(pool.load_l, room_l) : room_l;
  s.level_min = std::min(s.capacity_min, s.level_min + litres / spec.burn_lph * 60.0);
  s.dry = false;
  s.order = StoreState::kNoOrder;
  order.done = true;
  truck.order = FuelRecord::kNone;
  sample_store(order.store);
  log_fuel(t, FuelRecord::Kind::Refuelled, order.store, k);
  result_.fuel_log.back().litres = litres;
  result_.fuel_log.back().to = roads_->element_of(truck.junction);
  if (s.mode == BackupSample::Mode::Discharging) {  // running: wake the dependent at the next reorder point
    const double reorder_at = t + (s.level_min - spec.reorder_at * s.capacity_min);
    if (reorder_at > t) queue_.push(reorder_at, QueueItem::Kind::Wake, dep.dependent);
  }
  enqueue(dep.dependent);  // a generator that ran dry runs again
  if (roads_dirty_) {
    roads_->refresh([this](ElementIndex x) { return rt_[x].operational; });
    roads_dirty_ = false;
  }
  truck.stranded = !send_truck_home(k, t);
}

bool Simulation::send_truck_home(std::uint32_t k, double t) {
  FuelTruck& truck = trucks_[k];
  const double m = roads_->minutes(truck.junction, truck.depot);
  if (m == RoadGraph::kUnreachable) return false;
  FuelRecord home;
  home.time_min = t;
  home.kind = FuelRecord::Kind::Home;
  home.truck = k;
  home.from = roads_->element_of(truck.junction);
  home.to = roads_->element_of(truck.depot);
  home.arrive_min = t + m;
  home.roads = roads_->route(truck.junction, truck.depot);
  result_.fuel_log.push_back(std::move(home));
  truck.free_at = t + m;
  truck.junction = truck.depot;
  queue_.push(truck.free_at, QueueItem::Kind::CrewReady, k);
  return true;
}

std::string_view to_string(FuelRecord::Kind kind) {
  switch (kind) {
    case FuelRecord::Kind::Ordered:
      return "ordered";
    case FuelRecord::Kind::NoRoute:
      return "no_route";
    case FuelRecord::Kind::Dispatched:
      return "dispatched";
    case FuelRecord::Kind::Refuelled:
      return "refuelled";
    case FuelRecord::Kind::Home:
      return "home";
    case FuelRecord::Kind::Dry:
      return "dry";
  }
  return {};
}

}  // namespace blackstart::sim
