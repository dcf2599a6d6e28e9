// Explanations from a finished run: the chain of causes behind a state, and why something that is
// down at a time is not back yet. Both walk the typed cause records and the restoration log.
#include "blackstart/sim/explain.hpp"

#include <map>
#include <set>

namespace blackstart::sim {

using model::ElementIndex;
using model::kNoElement;

namespace {

//! The latest record of `element`'s state (a change, or a new reason for the same state) at or
//! before `at`; nullptr when it never changed.
const StateChange* latest_state_record(const RunResult& result, ElementIndex element, double at) {
  const StateChange* found = nullptr;
  for (const auto& change : result.changes) {
    if (change.time_min > at) break;
    if (change.element == element && change.change == ChangeKind::State) found = &change;
  }
  for (const auto& update : result.cause_updates) {
    if (update.time_min > at) break;
    if (update.element == element && (!found || update.time_min >= found->time_min)) found = &update;
  }
  return found;
}

bool is_damage(const StateChange& change) {
  return change.change == ChangeKind::State &&
         (change.cause.kind == CauseKind::Event || change.cause.kind == CauseKind::Attack ||
          change.cause.kind == CauseKind::Response ||
          (change.cause.kind == CauseKind::Physics && change.cause.reason == Reason::Overloaded));
}

bool flag_at(const RunResult& result, ElementIndex element, ChangeKind kind, double at) {
  bool lost = false;
  for (const auto& change : result.changes) {
    if (change.time_min > at) break;
    if (change.element == element && change.change == kind) lost = change.lost;
  }
  return lost;
}

//! The attacker's way in to `from`, back to an entry point: the success record of the step that
//! first gave it (worked from elsewhere), then the one before, and so on.
void append_attack_path(const RunResult& result, ElementIndex from, double when,
                        std::vector<ExplainStep>& chain) {
  std::set<ElementIndex> seen;
  while (from != kNoElement && seen.insert(from).second && chain.size() < 10000) {
    const AttackRecord* gained = nullptr;
    for (const auto& record : result.attack_log) {
      if (record.time_min > when) break;
      if (record.status == AttackRecord::Status::Succeeded && record.target == from && record.from != from) {
        gained = &record;
        break;
      }
    }
    ExplainStep step;
    step.element = from;
    if (!gained) {
      step.entry_point = true;
      chain.push_back(step);
      return;
    }
    step.attack = *gained;
    chain.push_back(step);
    from = gained->from;
    when = gained->time_min;
  }
}

}  // namespace

std::vector<ElementIndex> taken_down_by(const RunResult& result, ElementIndex element, double at_min) {
  std::vector<ElementIndex> out;
  std::set<ElementIndex> candidates;
  for (const auto& change : result.changes) {
    if (change.time_min > at_min) break;
    if (change.change == ChangeKind::State && change.element != element) candidates.insert(change.element);
  }
  for (ElementIndex x : candidates) {
    const State state = state_at(result, x, at_min);
    if (state == State::InService || state == State::Restored || state == State::OnBackup) continue;
    const auto chain = explain(result, x, at_min);
    for (std::size_t i = 1; i < chain.size(); ++i)
      if (chain[i].element == element) {
        out.push_back(x);
        break;
      }
  }
  return out;
}

State state_at(const RunResult& result, ElementIndex element, double at_min) {
  State state = State::InService;
  for (const auto& change : result.changes) {
    if (change.time_min > at_min) break;
    if (change.element == element && change.change == ChangeKind::State) state = change.to;
  }
  return state;
}

std::vector<ExplainStep> explain(const RunResult& result, ElementIndex element, double at_min) {
  std::vector<ExplainStep> chain;
  std::set<std::pair<ElementIndex, double>> visited;
  ElementIndex current = element;
  double when = at_min;
  bool follow_damage = false;  // after a restoration, look for the damage it undid
  while (current != kNoElement && chain.size() < 10000) {
    const StateChange* found = nullptr;
    if (follow_damage) {
      for (const auto& change : result.changes) {
        if (change.time_min > when) break;
        if (change.element == current && is_damage(change)) found = &change;
      }
      // Damage to what was already down (a breaker opened on a dark substation) is a cause update.
      for (const auto& update : result.cause_updates) {
        if (update.time_min > when) break;
        if (update.element == current && is_damage(update) && (!found || update.time_min >= found->time_min))
          found = &update;
      }
    } else {
      found = latest_state_record(result, current, when);
      if (!found) {
        // No state change: the element may still be under loss of control or view.
        for (const auto& change : result.changes) {
          if (change.time_min > when) break;
          if (change.element == current) found = &change;
        }
      }
    }
    if (!found || !visited.insert({current, found->time_min + (follow_damage ? 0.5 : 0.0)}).second) break;
    chain.push_back(ExplainStep{current, *found, std::nullopt, false});
    follow_damage = false;
    switch (found->cause.kind) {
      case CauseKind::Event:
      case CauseKind::Response:
        return chain;
      case CauseKind::Attack:
        append_attack_path(result, found->cause.element, found->time_min, chain);
        return chain;
      case CauseKind::Restoration:
        follow_damage = true;
        when = found->time_min;
        break;
      case CauseKind::Dependency:
      case CauseKind::Physics:
        current = found->cause.element;
        when = found->time_min;
        break;
    }
  }
  return chain;
}

std::vector<StillDown> why_still_down(const model::Scenario& scenario, const RunResult& result,
                                      ElementIndex element, double at_min) {
  std::vector<StillDown> out;
  // The restoration situation of every element at that time: its latest repair step.
  std::map<ElementIndex, const RepairStep*> last_step;
  for (const auto& step : result.repairs) {
    if (step.time_min > at_min) break;
    last_step[step.element] = &step;
  }
  const auto pools = crew_pool_names(scenario);
  const auto& deps = scenario.network.dependencies();
  const auto is_down = [](State s) {
    return s == State::Failed || s == State::Compromised || s == State::UnderRepair;
  };

  std::set<ElementIndex> seen;
  ElementIndex current = element;
  while (current != kNoElement && seen.insert(current).second) {
    StillDown row;
    row.element = current;
    row.state = state_at(result, current, at_min);
    if (!is_down(row.state)) break;
    row.loss_of_control = flag_at(result, current, ChangeKind::Control, at_min);
    const auto step_it = last_step.find(current);
    const RepairStep* step = step_it == last_step.end() ? nullptr : step_it->second;
    if (step && step->kind != RepairStep::Kind::Cleared) {
      row.until_min = step->until_min;
      row.arrive_min = step->arrive_min;
      row.crew_pool = step->crew_pool;
      switch (step->kind) {
        case RepairStep::Kind::Damaged:
          row.reason = StillDown::Reason::NotYetNoticed;
          row.until_min = step->time_min;
          break;
        case RepairStep::Kind::Detection:
          row.reason = StillDown::Reason::NotYetNoticed;
          break;
        case RepairStep::Kind::DeniedService:
          row.reason = StillDown::Reason::DeniedService;
          break;
        case RepairStep::Kind::Isolated:
          row.reason = StillDown::Reason::Isolated;
          break;
        case RepairStep::Kind::RemoteOperation:
          row.reason = StillDown::Reason::RemoteOperation;
          break;
        case RepairStep::Kind::Replacement:
          row.reason = StillDown::Reason::AwaitingReplacement;
          break;
        case RepairStep::Kind::CrewDispatched:
          row.reason =
              at_min < step->arrive_min ? StillDown::Reason::CrewTravelling : StillDown::Reason::UnderRepair;
          row.crew = step->crew;
          if (step->crew < result.crews.size()) row.crew_name = result.crews[step->crew].name;
          row.crew_from = step->crew_from;
          row.crew_site = step->crew_site;
          row.depart_min = step->time_min;
          break;
        case RepairStep::Kind::WaitingForCrew: {
          if (step->crew_pool >= pools.size() || !scenario.crews.count(pools[step->crew_pool])) {
            row.reason = StillDown::Reason::NoCrew;
            break;
          }
          for (const auto& dep : deps) {
            if (dep.dependent != current || dep.effect != model::DependencyEffect::BlockAccess) continue;
            if (!is_operational(state_at(result, dep.supplier, at_min))) {
              row.reason = StillDown::Reason::NoAccess;
              row.other = dep.supplier;
              break;
            }
          }
          if (row.reason == StillDown::Reason::NoAccess) break;
          if (step->no_route) {
            row.reason = StillDown::Reason::NoRoute;
            row.other = step->crew_site;
            break;
          }
          row.routed = scenario.crews.at(pools[step->crew_pool]).routed();
          // Crews go by priority, then by who was noticed first, then by index (as dispatched).
          const auto& elements = scenario.network.elements();
          const auto key = [&](ElementIndex x, const RepairStep& s) {
            return std::tuple<int, double, ElementIndex>{-elements[x].priority, s.until_min, x};
          };
          const auto mine = key(current, *step);
          row.reason = StillDown::Reason::WaitingForCrew;
          row.queue_position = 1;
          for (const auto& [x, s] : last_step) {
            if (s->kind != RepairStep::Kind::WaitingForCrew || s->crew_pool != step->crew_pool) continue;
            ++row.queue_length;
            if (x != current && key(x, *s) < mine) ++row.queue_position;
          }
          break;
        }
        case RepairStep::Kind::Cleared:
          break;
      }
      out.push_back(row);
      break;
    }
    // No damage of its own: it waits for whatever its cause points at.
    const StateChange* record = latest_state_record(result, current, at_min);
    if (record && record->cause.reason == Reason::OutOfFuel && record->cause.dependency < deps.size()) {
      fuel_situation(scenario, result, record->cause.dependency, at_min, row);
      row.until_min = record->cause.value;
      row.other = record->cause.element;
      out.push_back(row);
      current = row.other;
      continue;
    }
    if (record && (record->cause.kind == CauseKind::Dependency || record->cause.kind == CauseKind::Physics) &&
        record->cause.element != kNoElement) {
      row.reason = StillDown::Reason::SupplierDown;
      row.other = record->cause.element;
      out.push_back(row);
      current = row.other;
      continue;
    }
    row.reason = StillDown::Reason::NoRestoration;
    out.push_back(row);
    break;
  }
  return out;
}

}  // namespace blackstart::sim
