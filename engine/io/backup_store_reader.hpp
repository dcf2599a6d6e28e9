#pragma once
// The store behind a dependency's backup (`backup: {...}`): a battery with a state of charge, or a
// diesel tank that fuel trucks refill; and the check that each tank's `refuel` names a `fuel:` pool.
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! True when a `backup:` map has keys of a store (beyond the plain {kind, autonomy}).
bool has_store_keys(const YAML::Node& node);

//! Reads a backup map with store keys into `dep` (backup_min, backup_kind and store):
//! battery {kind, autonomy | capacity_kwh + load_kw, recharge | recharge_kw, level} or
//! fuel {kind, tank_l, burn_lph, refuel, reorder_at, level}.
void read_backup_store(YamlReader& yaml, model::Dependency& dep, const YAML::Node& node);

//! After `fuel:` and the dependencies are read: each tank's `refuel` must name a fuel pool; a tank
//! without one gets the only pool there is, and a tank nobody refuels is a warning.
void check_fuel_references(model::Scenario& scenario, core::Diagnostics& diagnostics);

}  // namespace blackstart::io
