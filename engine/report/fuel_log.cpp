#include "blackstart/report/fuel_log.hpp"

#include <fmt/format.h>

#include "blackstart/core/duration.hpp"
#include "blackstart/io/csv.hpp"

namespace blackstart::report {

std::string fuel_csv(const model::Scenario& scenario, const sim::RunResult& result) {
  std::string out = "time_min,event,truck,generator,supplier,from,to,arrive_min,litres,level_l,roads\n";
  const auto& elements = scenario.network.elements();
  const auto& deps = scenario.network.dependencies();
  const auto id = [&](model::ElementIndex x) { return x < elements.size() ? elements[x].id : std::string(); };
  const auto number = [](double v) { return fmt::format("{:.6g}", v); };
  for (const auto& r : result.fuel_log) {
    std::string roads;
    for (const auto road : r.roads) {
      if (!roads.empty()) roads += ';';
      roads += id(road);
    }
    const bool has_dep = r.dependency < deps.size();
    const bool drive = r.kind == sim::FuelRecord::Kind::Dispatched || r.kind == sim::FuelRecord::Kind::Home;
    const bool tank = r.kind != sim::FuelRecord::Kind::Home;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", number(r.time_min), sim::to_string(r.kind),
                       io::csv_escape(r.truck < result.fuel_trucks.size() ? result.fuel_trucks[r.truck].name
                                                                          : std::string()),
                       io::csv_escape(has_dep ? id(deps[r.dependency].dependent) : std::string()),
                       io::csv_escape(has_dep ? id(deps[r.dependency].supplier) : std::string()),
                       io::csv_escape(id(r.from)), io::csv_escape(id(r.to)),
                       drive ? number(r.arrive_min) : std::string(),
                       r.kind == sim::FuelRecord::Kind::Refuelled ? number(r.litres) : std::string(),
                       tank ? number(r.level_l) : std::string(), io::csv_escape(roads));
  }
  return out;
}

std::string backups_csv(const model::Scenario& scenario, const sim::RunResult& result) {
  std::string out = "time_min,dependent,supplier,kind,level_min,level_pct,mode\n";
  const auto& elements = scenario.network.elements();
  const auto& deps = scenario.network.dependencies();
  for (const auto& s : result.backup_levels) {
    if (s.dependency >= deps.size() || !deps[s.dependency].store) continue;
    const auto& dep = deps[s.dependency];
    const double capacity = dep.store->capacity_min;
    out += fmt::format("{:.6g},{},{},{},{:.6g},{:.4g},{}\n", s.time_min,
                       io::csv_escape(elements[dep.dependent].id), io::csv_escape(elements[dep.supplier].id),
                       io::csv_escape(dep.backup_kind), s.level_min,
                       capacity > 0 ? 100.0 * s.level_min / capacity : 0.0, sim::to_string(s.mode));
  }
  return out;
}

std::string backup_levels_text(const model::Scenario& scenario, const sim::RunResult& result,
                               model::ElementIndex element, double at_min) {
  std::string out;
  const auto& deps = scenario.network.dependencies();
  for (std::uint32_t d = 0; d < deps.size(); ++d) {
    const auto& dep = deps[d];
    if (dep.dependent != element || !dep.store) continue;
    sim::BackupSample::Mode mode{};
    const double level = sim::backup_level_at(scenario, result.backup_levels, d, at_min, &mode);
    const double capacity = dep.store->capacity_min;
    const double pct = capacity > 0 ? 100.0 * level / capacity : 0.0;
    const std::string kind = dep.backup_kind.empty() ? std::string("backup") : dep.backup_kind;
    const std::string& supplier = scenario.network.element(dep.supplier).id;
    if (dep.store->kind == model::BackupStore::Kind::Fuel)
      out += fmt::format("  {} from {}: {:.0f} l of {:.0f} l ({:.0f}%, {} left), {}\n", kind, supplier,
                         level / 60.0 * dep.store->burn_lph, dep.store->tank_l, pct,
                         core::format_duration(core::Duration{level}), sim::to_string(mode));
    else
      out += fmt::format("  {} from {}: {} of {} ({:.0f}% charged), {}\n", kind, supplier,
                         core::format_duration(core::Duration{level}),
                         core::format_duration(core::Duration{capacity}), pct, sim::to_string(mode));
  }
  return out;
}

}  // namespace blackstart::report
