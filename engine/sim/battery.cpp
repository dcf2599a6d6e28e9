// Batteries and tanks behind backups (model::BackupStore): a level in minutes of autonomy that
// falls while the supplier is out and the store carries its dependent, and that a battery regains
// at its recharge rate while the supplier works. A tank is only refilled by fuel trucks
// (fuel_delivery.cpp). Backups without a store keep the fixed autonomy of `backup_min`, full
// again at every outage (settling.cpp).
#include "simulation.hpp"

namespace blackstart::sim {

using Mode = BackupSample::Mode;

void Simulation::prepare_stores() {
  const auto& deps = network_.dependencies();
  store_of_.assign(deps.size(), kNoDependency);
  for (std::uint32_t d = 0; d < deps.size(); ++d) {
    if (!deps[d].store) continue;
    const model::BackupStore& store = *deps[d].store;
    StoreState s;
    s.dependency = d;
    s.capacity_min = store.capacity_min;
    s.level_min = store.capacity_min * store.initial;
    if (store.kind == model::BackupStore::Kind::Battery && store.recharge_min > 0)
      s.recharge_per_min = store.capacity_min / store.recharge_min;
    store_of_[d] = static_cast<std::uint32_t>(stores_.size());
    stores_.push_back(s);
  }
}

void Simulation::sample_store(std::uint32_t s) {
  const StoreState& store = stores_[s];
  result_.backup_levels.push_back(BackupSample{store.at, store.dependency, store.level_min, store.mode});
}

double Simulation::store_discharge(std::uint32_t d, double from, double t) {
  const std::uint32_t i = store_of_[d];
  StoreState& s = stores_[i];
  if (s.mode != Mode::Discharging) {
    s.advance(std::max(from, s.at));
    s.mode = Mode::Discharging;
    sample_store(i);
    // A tank asks for fuel when it falls to its reorder point: wake the dependent then.
    const model::BackupStore& store = *network_.dependencies()[d].store;
    if (store.kind == model::BackupStore::Kind::Fuel) {
      const double reorder_at = s.at + (s.level_min - store.reorder_at * s.capacity_min);
      if (reorder_at > t)
        queue_.push(reorder_at, QueueItem::Kind::Wake, network_.dependencies()[d].dependent);
    }
  }
  return s.at + s.level_min;
}

void Simulation::store_pause(std::uint32_t d, double t, bool supplier_works) {
  const std::uint32_t i = store_of_[d];
  StoreState& s = stores_[i];
  s.advance(t);
  const Mode mode =
      supplier_works && s.recharge_per_min > 0 && s.level_min < s.capacity_min ? Mode::Charging : Mode::Idle;
  if (mode == s.mode) return;
  s.mode = mode;
  sample_store(i);
}

double backup_level_at(const model::Scenario& scenario, const std::vector<BackupSample>& samples,
                       std::uint32_t d, double t, BackupSample::Mode* mode) {
  const auto& deps = scenario.network.dependencies();
  if (d >= deps.size() || !deps[d].store) return 0.0;
  const model::BackupStore& store = *deps[d].store;
  const BackupSample* last = nullptr;
  for (const auto& sample : samples) {
    if (sample.time_min > t) break;
    if (sample.dependency == d) last = &sample;
  }
  if (mode) *mode = last ? last->mode : Mode::Idle;
  if (!last) return store.capacity_min * store.initial;
  const double dt = t - last->time_min;
  if (last->mode == Mode::Discharging) return std::max(0.0, last->level_min - dt);
  if (last->mode == Mode::Charging && store.recharge_min > 0)
    return std::min(store.capacity_min, last->level_min + dt * store.capacity_min / store.recharge_min);
  return last->level_min;
}

std::string_view to_string(BackupSample::Mode mode) {
  switch (mode) {
    case Mode::Idle:
      return "idle";
    case Mode::Charging:
      return "recharging";
    case Mode::Discharging:
      return "discharging";
  }
  return {};
}

}  // namespace blackstart::sim
