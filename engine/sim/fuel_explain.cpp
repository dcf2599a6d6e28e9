// Why a generator that ran dry is not running again: where its fuel truck is, from the fuel log.
#include "blackstart/sim/explain.hpp"

namespace blackstart::sim {

void fuel_situation(const model::Scenario& scenario, const RunResult& result, std::uint32_t d, double at_min,
                    StillDown& row) {
  using Fuel = StillDown::Fuel;
  row.reason = StillDown::Reason::OutOfFuel;
  const auto& dep = scenario.network.dependencies()[d];
  row.backup_kind = dep.backup_kind.empty() ? std::string("backup") : dep.backup_kind;
  row.fuel = dep.store && !dep.store->fuel_pool.empty() ? Fuel::NotOrdered : Fuel::NoPool;
  if (row.fuel == Fuel::NoPool) return;
  const FuelRecord* last = nullptr;
  for (const auto& record : result.fuel_log) {
    if (record.time_min > at_min) break;
    if (record.dependency != d) continue;
    if (record.kind == FuelRecord::Kind::Ordered || record.kind == FuelRecord::Kind::NoRoute ||
        record.kind == FuelRecord::Kind::Dispatched || record.kind == FuelRecord::Kind::Refuelled)
      last = &record;
  }
  if (!last || last->kind == FuelRecord::Kind::Refuelled) return;
  const auto name = [&](std::uint32_t truck) {
    return truck < result.fuel_trucks.size() ? result.fuel_trucks[truck].name : std::string();
  };
  row.crew_name = name(last->truck);
  row.crew_site = last->to;
  switch (last->kind) {
    case FuelRecord::Kind::Ordered:
      row.fuel = Fuel::NoTruckFree;
      row.crew_name = dep.store->fuel_pool;
      row.depart_min = last->time_min;
      break;
    case FuelRecord::Kind::NoRoute:
      row.fuel = Fuel::NoRoute;
      row.depart_min = last->time_min;
      break;
    default:  // Dispatched
      row.fuel = at_min < last->arrive_min ? Fuel::OnItsWay : Fuel::Pumping;
      row.crew_from = last->from;
      row.depart_min = last->time_min;
      row.arrive_min = last->arrive_min;
      break;
  }
}

}  // namespace blackstart::sim
