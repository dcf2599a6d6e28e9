#include "blackstart/model/power_case.hpp"

namespace blackstart::model {

bool PowerCase::index_buses() {
  bus_index.clear();
  bus_index.reserve(buses.size());
  for (int i = 0; i < static_cast<int>(buses.size()); ++i)
    if (!bus_index.emplace(buses[i].number, i).second) return false;
  return true;
}

}  // namespace blackstart::model
