#pragma once
// Energy stores behind backups: a UPS battery with a state of charge, or a diesel tank that fuel
// trucks refill (docs/places-and-roads.md, "Fuel and batteries"). A dependency whose backup has no
// store keeps the plain autonomy of `backup_min`, full again at every outage.
#include <cstdint>
#include <string>

namespace blackstart::model {

struct BackupStore {
  enum class Kind : std::uint8_t { Battery, Fuel };
  Kind kind = Kind::Battery;
  //! Minutes the store carries the dependent when full (also Dependency::backup_min).
  double capacity_min = 0.0;
  //! Fraction full at the start of the run (`level`).
  double initial = 1.0;
  //! Battery: minutes from empty to full while the supplier works (`recharge`, or from
  //! `capacity_kwh` / `recharge_kw`). 0: it is never recharged within the run.
  double recharge_min = 0.0;
  //! Fuel: tank size in litres and burn rate in litres per hour while the generator runs.
  //! ASSUMPTION: the generator burns at this constant rate whatever the dependent's load.
  double tank_l = 0.0;
  double burn_lph = 0.0;
  //! Fuel: the `fuel:` pool whose trucks refill it; empty: nobody refuels it.
  std::string fuel_pool;
  //! Fuel: a truck is ordered when the tank falls to this fraction (`reorder_at`). ASSUMPTION:
  //! half a tank, a common reorder point for standby generators; not from a source.
  double reorder_at = 0.5;
};

}  // namespace blackstart::model
