#pragma once
// What a run records about the stores behind backups (docs/places-and-roads.md, "Fuel and
// batteries"): each store's level whenever it starts or stops discharging or recharging, and the
// fuel trucks' log (orders, drives, refuelling), which `run --out` writes as fuel.csv.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "blackstart/model/scenario.hpp"

namespace blackstart::sim {

//! A store's level (minutes of autonomy left) from `time_min` on, and what it does from then.
struct BackupSample {
  enum class Mode : std::uint8_t { Idle, Charging, Discharging };
  double time_min = 0.0;
  std::uint32_t dependency = 0;  //!< index into the network's dependencies
  double level_min = 0.0;
  Mode mode = Mode::Idle;
};

//! One fuel truck (`pool#n`, n from 1).
struct FuelTruckRecord {
  std::string name;
  std::uint32_t pool = 0;  //!< index into scenario.fuel
  model::ElementIndex depot = model::kNoElement;
};

//! One line of the fuel log.
struct FuelRecord {
  enum class Kind : std::uint8_t {
    Ordered,     //!< the tank of `dependency` fell to its reorder point: a truck is asked for
    NoRoute,     //!< no free truck can reach it: no open road (or none is free: `truck` none)
    Dispatched,  //!< `truck` leaves `from` for `to` (the generator's site), arrives at `arrive_min`
    Refuelled,   //!< `truck` pumped `litres`; the tank holds `level_l`
    Home,        //!< `truck` drives back to its depot to reload
    Dry,         //!< the tank of `dependency` ran empty: the generator stops
  };
  static constexpr std::uint32_t kNone = 0xffffffffu;
  double time_min = 0.0;
  Kind kind = Kind::Ordered;
  std::uint32_t truck = kNone;       //!< index into RunResult::fuel_trucks
  std::uint32_t dependency = kNone;  //!< the backup's dependency
  model::ElementIndex from = model::kNoElement;
  model::ElementIndex to = model::kNoElement;
  double arrive_min = 0.0;
  double litres = 0.0;
  double level_l = 0.0;
  std::vector<model::ElementIndex> roads;  //!< Dispatched, Home: road links in driving order
};

std::string_view to_string(FuelRecord::Kind kind);
std::string_view to_string(BackupSample::Mode mode);

//! The store of dependency `d` at time `t` (minutes of autonomy left), from the samples of a run;
//! `mode` receives what it does then. The store's initial level before its first sample.
double backup_level_at(const model::Scenario& scenario, const std::vector<BackupSample>& samples,
                       std::uint32_t d, double t, BackupSample::Mode* mode = nullptr);

}  // namespace blackstart::sim
