// Settling: availability through hard dependencies (fail, degrade, backups and their timers), and
// loss of control and of view, which travel transitively along control and monitoring dependencies.
#include <algorithm>
#include <stdexcept>

#include "simulation.hpp"

namespace blackstart::sim {

using model::DependencyEffect;
using model::ElementIndex;

//! Re-evaluates availability from damage and hard dependencies; schedules dependency timers.
void Simulation::evaluate(ElementIndex x, double t) {
  Runtime& r = rt_[x];
  const auto& deps = network_.dependencies();
  bool failed = false, backup = false;
  double factor = 1.0;
  Cause fail_cause, backup_cause, degrade_cause;
  for (std::uint32_t d : incoming_[x]) {
    const model::Dependency& dep = deps[d];
    if (dep.effect != DependencyEffect::Fail && dep.effect != DependencyEffect::Degrade) continue;
    const Runtime& s = rt_[dep.supplier];
    const bool stored = store_of_[d] != kNoDependency;  // a battery or tank with a level (battery.cpp)
    if (s.operational) {
      if (stored) store_pause(d, t, true);
      continue;
    }
    const double lost_at = s.nonoperational_since + dep.delay_min;
    if (t < lost_at) {
      if (stored) store_pause(d, t, false);
      queue_.push(lost_at, QueueItem::Kind::Wake, x);
      continue;
    }
    Cause cause;
    cause.kind = CauseKind::Dependency;
    cause.reason = Reason::SupplierFailed;
    cause.element = dep.supplier;
    cause.via = dep.kind;
    cause.dependency = d;
    if (dep.effect == DependencyEffect::Degrade) {
      if (dep.degrade_factor < factor) {
        factor = dep.degrade_factor;
        degrade_cause = cause;
      }
      continue;
    }
    if (dep.backup_min && !r.backup_disabled) {
      const double exhausted_at = stored ? store_discharge(d, lost_at, t) : lost_at + *dep.backup_min;
      if (t < exhausted_at) {
        if (!backup) {
          backup = true;
          backup_cause = cause;
          backup_cause.reason = Reason::BackupCarries;
          backup_cause.value = exhausted_at;
        }
        queue_.push(exhausted_at, QueueItem::Kind::Wake, x);
        continue;
      }
      cause.reason = Reason::BackupExhausted;
      if (stored) {
        cause.value = exhausted_at;
        if (dep.store->kind == model::BackupStore::Kind::Fuel) {
          cause.reason = Reason::OutOfFuel;
          if (!stores_[store_of_[d]].dry) {
            stores_[store_of_[d]].dry = true;
            log_fuel(exhausted_at, FuelRecord::Kind::Dry, store_of_[d]);
          }
        }
      }
    } else if (dep.backup_min && r.backup_disabled) {
      if (stored) store_pause(d, t, false);
      cause.reason = Reason::BackupDisabled;
      cause.event = r.backup_disabled_event;
      cause.from_step = r.backup_disabled_by_step;
    }
    if (!failed) {
      failed = true;
      fail_cause = cause;
    }
  }
  if (traction_) apply_traction(x, failed, factor, fail_cause, degrade_cause);
  const bool available = r.damage == Damage::None && !failed;
  if (failed != r.dependency_failed || backup != r.on_backup || factor != r.capacity_factor) touch(x);
  // A different supplier now holds it down: the reason it stays down changed.
  if (failed && r.dependency_failed && !(fail_cause == r.dependency_cause)) touch(x);
  r.dependency_failed = failed;
  r.on_backup = backup && !failed;
  r.capacity_factor = factor;
  if (failed) r.dependency_cause = fail_cause;
  if (backup) r.backup_cause = backup_cause;
  if (factor < 1.0) r.degrade_cause = degrade_cause;
  if (available != r.available) {
    r.available = available;
    touch(x);
    if (is_power_element(x)) {
      physics_dirty_[elements_[x].layer] = 1;
      recent_changes_[elements_[x].layer].push_back(x);
    }
  }
  if (!is_power_element(x)) set_operational(x, r.available, t);
}

void Simulation::set_operational(ElementIndex x, bool operational, double t) {
  Runtime& r = rt_[x];
  if (operational == r.operational) return;
  r.operational = operational;
  if (!operational) r.nonoperational_since = t;
  if (flag_supplier_[x]) operational_changed_ = true;
  if (campaign_started_ && reach_relevant_[x]) reach_stale_ = campaign_dirty_ = true;  // a path changed
  if (roads_ && roads_->watches(x)) roads_dirty_ = true;
  touch(x);
  for (std::uint32_t d : outgoing_[x]) enqueue(network_.dependencies()[d].dependent);
  if (traction_)
    for (ElementIndex line : traction_->readers_of(x)) enqueue(line);
}

void Simulation::settle(double t) {
  for (int guard = 0;; ++guard) {
    if (guard > 1000000) throw std::logic_error("settling did not terminate");
    while (!worklist_.empty()) {
      const ElementIndex x = worklist_.front();
      worklist_.pop_front();
      rt_[x].in_worklist = false;
      evaluate(x, t);
    }
    bool solved = false;
    for (auto layer : power_layers_) {
      if (!physics_dirty_[layer]) continue;
      physics_dirty_[layer] = 0;
      solve_power(layer, t);
      solved = true;
    }
    if (!solved && worklist_.empty()) break;
  }
}

//! Loss of control and of view spread from unavailable suppliers along control / monitoring
//! dependencies, transitively: an RTU under a hijacked SCADA server cannot be used either.
void Simulation::update_flags(double t, bool record) {
  if (!operational_changed_ && record) return;
  operational_changed_ = false;
  spread_flag(DependencyEffect::LoseControl, t, record);
  spread_flag(DependencyEffect::LoseView, t, record);
}

void Simulation::spread_flag(DependencyEffect effect, double t, bool record) {
  // Breadth first from every dependency whose supplier is down. Only the dependency that set a
  // flag is remembered (kNoDependency = none); causes are built for the few flags that change.
  const auto& deps = network_.dependencies();
  const std::size_t n = elements_.size();
  flag_source_.assign(n, kNoDependency);
  flag_queue_.clear();
  for (std::uint32_t d : flag_dependencies_) {
    const auto& dep = deps[d];
    if (dep.effect != effect || rt_[dep.supplier].operational || flag_source_[dep.dependent] != kNoDependency)
      continue;
    flag_source_[dep.dependent] = d;
    flag_queue_.push_back(dep.dependent);
  }
  std::sort(flag_queue_.begin(), flag_queue_.end());
  for (std::size_t head = 0; head < flag_queue_.size(); ++head) {
    const ElementIndex x = flag_queue_[head];
    for (std::uint32_t d : outgoing_[x]) {
      const auto& dep = deps[d];
      if (dep.effect != effect || flag_source_[dep.dependent] != kNoDependency) continue;
      flag_source_[dep.dependent] = d;
      flag_queue_.push_back(dep.dependent);
    }
  }
  const bool control = effect == DependencyEffect::LoseControl;
  for (ElementIndex x = 0; x < n; ++x) {
    Runtime& r = rt_[x];
    bool& current = control ? r.loss_of_control : r.loss_of_view;
    const bool flagged = flag_source_[x] != kNoDependency;
    if (flagged == current) continue;
    Cause& stored = control ? r.control_cause : r.view_cause;
    current = flagged;
    StateChange change;
    if (current) {
      const std::uint32_t d = flag_source_[x];
      const auto& dep = deps[d];
      Cause now;
      now.kind = CauseKind::Dependency;
      now.element = dep.supplier;
      now.via = dep.kind;
      now.dependency = d;
      now.reason = !rt_[dep.supplier].operational ? Reason::SupplierNotOperational
                   : control                      ? Reason::SupplierUnderLossOfControl
                                                  : Reason::SupplierUnderLossOfView;
      stored = now;
      change.cause = now;
    } else {
      change.cause = stored;
      change.cause.reason = Reason::SupplierBackInOperation;
    }
    touch(x);
    if (!record) continue;
    change.time_min = t;
    change.element = x;
    change.change = control ? ChangeKind::Control : ChangeKind::View;
    change.lost = current;
    pending_flag_changes_.push_back(change);
  }
}

}  // namespace blackstart::sim
