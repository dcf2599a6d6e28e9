#pragma once
// Fuel trucks (`fuel:` in a scenario), which refill the diesel tanks of backup generators
// (backup_store.hpp); docs/places-and-roads.md, "Fuel and batteries".
#include <string>
#include <vector>

#include "blackstart/model/network.hpp"

namespace blackstart::model {

//! Fuel trucks of one operator (`fuel:`): they leave a depot on the road network, drive to a
//! generator that asked for fuel, pump, and drive back to reload.
struct FuelPool {
  std::string name;                  //!< trucks are called `name#1`, `name#2`, …
  std::vector<ElementIndex> depots;  //!< truck k starts at depot k mod size (road junctions)
  int trucks = 1;
  //! Litres a truck carries; 0: enough to fill any tank. ASSUMPTION default 0 (a 10–30 m³ road
  //! tanker is larger than a standby generator's day tank).
  double load_l = 0.0;
  //! Minutes to connect, pump and disconnect on site. ASSUMPTION: 30 min; not from a source.
  double transfer_min = 30.0;
  SourceLocation location;
};

}  // namespace blackstart::model
