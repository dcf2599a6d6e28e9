#include "backup_store_reader.hpp"

#include "blackstart/core/duration.hpp"

namespace blackstart::io {

namespace {

const std::vector<std::string> kBatteryKeys = {"recharge", "capacity_kwh", "load_kw", "recharge_kw", "level"};
const std::vector<std::string> kFuelKeys = {"tank_l", "burn_lph", "refuel", "reorder_at"};

//! ASSUMPTION: a battery store without a recharge rate is full again 8 h after its supplier
//! returns (lead-acid UPS strings are typically specified to recharge within 4–10 h); not from a source.
constexpr double kDefaultRechargeMin = 8 * 60;

const YAML::Node* first_of(const YAML::Node& node, const std::vector<std::string>& keys,
                           std::vector<YAML::Node>& keep) {
  for (const auto& key : keys)
    if (node[key]) {
      keep.push_back(node[key]);
      return &keep.back();
    }
  return nullptr;
}

void read_fuel_tank(YamlReader& yaml, model::Dependency& dep, const YAML::Node& node) {
  model::BackupStore store;
  store.kind = model::BackupStore::Kind::Fuel;
  if (node["autonomy"]) {
    yaml.error(node["autonomy"],
               "a fuel tank's autonomy comes from 'tank_l' and 'burn_lph': leave 'autonomy' out");
    return;
  }
  if (!node["tank_l"] || !node["burn_lph"]) {
    yaml.error(node, "a fuel tank needs 'tank_l' (litres) and 'burn_lph' (litres per hour while running)");
    return;
  }
  const auto tank = yaml.number_of(node["tank_l"], "tank_l", 0.001, 1e9, "litres");
  const auto burn = yaml.number_of(node["burn_lph"], "burn_lph", 0.001, 1e7, "litres per hour");
  if (!tank || !burn) return;
  store.tank_l = *tank;
  store.burn_lph = *burn;
  store.capacity_min = *tank / *burn * 60.0;
  if (node["refuel"]) store.fuel_pool = yaml.text(node["refuel"], "refuel");
  if (node["reorder_at"]) {
    const auto r = yaml.number_of(node["reorder_at"], "reorder_at", 0.0, 1.0);
    if (!r) return;
    store.reorder_at = *r;
  }
  if (node["level"]) {
    const auto l = yaml.number_of(node["level"], "level", 0.0, 1.0);
    if (!l) return;
    store.initial = *l;
  }
  dep.backup_min = store.capacity_min;
  if (dep.backup_kind.empty()) dep.backup_kind = "diesel";
  dep.store = store;
}

void read_battery(YamlReader& yaml, model::Dependency& dep, const YAML::Node& node) {
  model::BackupStore store;
  const bool energy = node["capacity_kwh"] || node["load_kw"];
  if (energy && node["autonomy"]) {
    yaml.error(node["autonomy"], "give either 'autonomy' or 'capacity_kwh' with 'load_kw', not both");
    return;
  }
  if (!energy && !node["autonomy"]) {
    yaml.error(node,
               "backup needs 'autonomy' (how long it carries the load, e.g. 4h) or 'capacity_kwh' "
               "with 'load_kw'");
    return;
  }
  std::optional<double> capacity_kwh;
  if (energy) {
    if (!node["capacity_kwh"] || !node["load_kw"]) {
      yaml.error(node, "a battery in energy terms needs both 'capacity_kwh' and 'load_kw'");
      return;
    }
    capacity_kwh = yaml.number_of(node["capacity_kwh"], "capacity_kwh", 0.001, 1e9, "kWh");
    const auto load = yaml.number_of(node["load_kw"], "load_kw", 0.001, 1e9, "kW");
    if (!capacity_kwh || !load) return;
    store.capacity_min = *capacity_kwh / *load * 60.0;
  } else {
    const auto m = yaml.duration_of(node["autonomy"], "backup autonomy");
    if (!m) return;
    store.capacity_min = *m;
  }
  if (node["recharge"] && node["recharge_kw"]) {
    yaml.error(node["recharge_kw"], "give either 'recharge' (a time from empty to full) or 'recharge_kw'");
    return;
  }
  store.recharge_min = kDefaultRechargeMin;
  if (node["recharge"]) {
    const auto m = yaml.duration_of(node["recharge"], "recharge");
    if (!m) return;
    if (*m <= 0) {
      yaml.error(node["recharge"], "recharge must be longer than 0min (the time from empty to full)");
      return;
    }
    store.recharge_min = *m;
  }
  if (node["recharge_kw"]) {
    if (!capacity_kwh) {
      yaml.error(node["recharge_kw"], "'recharge_kw' needs 'capacity_kwh' (or give 'recharge' as a time)");
      return;
    }
    const auto kw = yaml.number_of(node["recharge_kw"], "recharge_kw", 0.001, 1e9, "kW");
    if (!kw) return;
    store.recharge_min = *capacity_kwh / *kw * 60.0;
  }
  if (node["level"]) {
    const auto l = yaml.number_of(node["level"], "level", 0.0, 1.0);
    if (!l) return;
    store.initial = *l;
  }
  dep.backup_min = store.capacity_min;
  dep.store = store;
}

}  // namespace

bool has_store_keys(const YAML::Node& node) {
  if (!node.IsMap()) return false;
  for (const auto* keys : {&kBatteryKeys, &kFuelKeys})
    for (const auto& key : *keys)
      if (node[key]) return true;
  return false;
}

void read_backup_store(YamlReader& yaml, model::Dependency& dep, const YAML::Node& node) {
  std::vector<YAML::Node> keep;
  keep.reserve(2);
  const YAML::Node* fuel = first_of(node, kFuelKeys, keep);
  std::vector<std::string> battery_only(kBatteryKeys.begin(), kBatteryKeys.end() - 1);  // not `level`
  const YAML::Node* battery = first_of(node, battery_only, keep);
  if (fuel && battery) {
    yaml.error(*battery,
               "a backup is either a battery (recharge, capacity_kwh, load_kw, recharge_kw) or a "
               "fuel tank (tank_l, burn_lph, refuel, reorder_at), not both");
    return;
  }
  if (node["kind"]) dep.backup_kind = yaml.text(node["kind"], "backup kind");
  if (fuel)
    read_fuel_tank(yaml, dep, node);
  else
    read_battery(yaml, dep, node);
}

void check_fuel_references(model::Scenario& scenario, core::Diagnostics& diagnostics) {
  for (auto& dep : scenario.network.dependencies()) {
    if (!dep.store || dep.store->kind != model::BackupStore::Kind::Fuel) continue;
    auto& pool = dep.store->fuel_pool;
    const auto& where = dep.location;
    if (pool.empty()) {
      if (scenario.fuel.size() == 1) {
        pool = scenario.fuel.front().name;
        continue;
      }
      const auto& e = scenario.network.element(dep.dependent);
      diagnostics.warning(
          where.file, where.line, where.column,
          "the " + dep.backup_kind + " tank of '" + e.id + "' has no 'refuel' pool" +
              (scenario.fuel.empty() ? std::string(" (the scenario has no 'fuel:' trucks)")
                                     : std::string(" (name one of the 'fuel:' pools)")) +
              ": it runs dry after " +
              core::format_duration(core::Duration{dep.store->capacity_min * dep.store->initial}) +
              " on its own");
      continue;
    }
    bool found = false;
    std::string names;
    for (const auto& p : scenario.fuel) {
      found = found || p.name == pool;
      names += (names.empty() ? "" : ", ") + p.name;
    }
    if (!found)
      diagnostics.error(where.file, where.line, where.column,
                        "backup 'refuel: " + pool + "' names no fuel pool" +
                            (names.empty() ? std::string(" (the scenario has no fuel pools)")
                                           : " (fuel pools: " + names + ")"));
  }
}

}  // namespace blackstart::io
