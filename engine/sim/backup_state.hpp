#pragma once
// Runtime state of the stores behind backups (battery.cpp) and of the fuel trucks that refill
// tanks (fuel_delivery.cpp). Levels are kept in minutes of autonomy and brought up to date lazily:
// `level_min` holds at `at`, and `mode` says how it changes from then.
#include <cstdint>

#include "blackstart/sim/backup_log.hpp"

namespace blackstart::sim {

struct StoreState {
  std::uint32_t dependency = 0;
  double capacity_min = 0.0;
  double recharge_per_min = 0.0;  //!< minutes of autonomy gained per minute of recharging
  double level_min = 0.0;
  double at = 0.0;
  BackupSample::Mode mode = BackupSample::Mode::Idle;
  std::uint32_t order = kNoOrder;  //!< open fuel order, if any
  bool dry = false;                //!< ran empty and not refilled since (logged once)
  static constexpr std::uint32_t kNoOrder = 0xffffffffu;

  //! Brings the level to time t (t >= at) under the current mode.
  void advance(double t) {
    if (t <= at) return;
    const double dt = t - at;
    if (mode == BackupSample::Mode::Discharging) level_min = level_min > dt ? level_min - dt : 0.0;
    if (mode == BackupSample::Mode::Charging) {
      level_min += dt * recharge_per_min;
      if (level_min > capacity_min) level_min = capacity_min;
    }
    at = t;
  }
};

//! A request for fuel from one tank, served by one truck of its pool.
struct FuelOrder {
  std::uint32_t store = 0;
  std::uint32_t pool = 0;
  double since = 0.0;
  std::uint32_t truck = 0xffffffffu;  //!< none yet
  bool no_route = false;              //!< last dispatch found free trucks but no open road
  bool done = false;
};

//! A fuel truck: at `junction` from `free_at` on (its depot, full), or on a delivery.
struct FuelTruck {
  std::uint32_t pool = 0;
  std::uint32_t depot = 0;     //!< junction
  std::uint32_t junction = 0;  //!< where it is (or will be at free_at)
  double free_at = 0.0;
  std::uint32_t order = 0xffffffffu;  //!< the order it serves, if any
  bool stranded = false;              //!< delivered but no open road home yet
  double arrive = 0.0;                //!< on a delivery: arrival at the site
};

}  // namespace blackstart::sim
