// Applying mitigations: each named mitigation's changes, in the order given, to a copy of the
// scenario that one run then uses. Names were checked at load; only unknown mitigation names can
// still be wrong here (they come from the command line or the GUI).
#include "blackstart/core/text.hpp"
#include "blackstart/model/scenario.hpp"

namespace blackstart::model {

namespace {

core::DurationDistribution* repair_slot(RepairTimes& r, const std::string& kind) {
  if (kind == "remote") return &r.remote;
  if (kind == "manual") return &r.manual;
  if (kind == "repair") return &r.repair;
  if (kind == "reimage") return &r.reimage;
  if (kind == "cleanup") return &r.cleanup;
  if (kind == "replacement") return &r.replacement;
  return nullptr;
}

void change_backups(Scenario& scenario, const MitigationChange& change) {
  for (auto& dep : scenario.network.dependencies()) {
    bool targeted = false;
    for (auto t : change.targets) targeted = targeted || t == dep.dependent;
    if (!targeted || dep.effect != DependencyEffect::Fail) continue;
    if (change.kind == MitigationChange::Kind::RemoveBackup)
      dep.backup_min.reset();
    else
      dep.backup_min = change.backup_min;
    dep.store.reset();  // a battery or tank becomes the plain backup the mitigation gives (or none)
  }
}

//! Switches the control `change.name`; a library control the scenario does not list is added.
void switch_control(Scenario& scenario, const MitigationChange& change, bool on) {
  for (auto& control : scenario.controls)
    if (control.name == change.name) {
      control.enabled = on;
      return;
    }
  if (on && change.control) {
    scenario.controls.push_back(*change.control);
    scenario.controls.back().enabled = true;
  }
}

void switch_response(Scenario& scenario, const std::string& name, bool on) {
  for (auto& response : scenario.responses)
    if (response.name == name) response.enabled = on;
}

void apply_change(Scenario& scenario, const MitigationChange& change) {
  auto& elements = scenario.network.elements();
  switch (change.kind) {
    case MitigationChange::Kind::SetCrews: {
      CrewPool& pool = scenario.crews[change.operator_name];
      pool.operator_name = change.operator_name;
      if (change.crew_count) pool.count = *change.crew_count;
      if (change.travel) pool.travel = *change.travel;
      break;
    }
    case MitigationChange::Kind::SetAttribute:
      for (auto t : change.targets) set_attribute(elements[t], change.attribute, change.value);
      break;
    case MitigationChange::Kind::SetRepair:
      for (auto t : change.targets)
        if (auto* slot = repair_slot(elements[t].repair, change.attribute)) *slot = change.repair_time;
      break;
    case MitigationChange::Kind::DisableEvent:
      for (auto& event : scenario.events)
        if (event.id == change.event_id) event.enabled = false;
      break;
    case MitigationChange::Kind::RemoveBackup:
    case MitigationChange::Kind::AddBackup:
      change_backups(scenario, change);
      break;
    case MitigationChange::Kind::EnableControl:
    case MitigationChange::Kind::DisableControl:
      switch_control(scenario, change, change.kind == MitigationChange::Kind::EnableControl);
      break;
    case MitigationChange::Kind::EnableResponse:
    case MitigationChange::Kind::DisableResponse:
      switch_response(scenario, change.name, change.kind == MitigationChange::Kind::EnableResponse);
      break;
    case MitigationChange::Kind::SetRestoration:
      if (change.detection) scenario.restoration.detection = *change.detection;
      if (change.detection_without_view)
        scenario.restoration.detection_without_view = *change.detection_without_view;
      break;
  }
}

}  // namespace

core::Diagnostics apply_mitigations(Scenario& scenario, const std::vector<std::string>& names) {
  core::Diagnostics diagnostics;
  std::vector<std::string> known;
  for (const auto& m : scenario.mitigations) known.push_back(m.name);
  for (const auto& name : names) {
    const Mitigation* mitigation = scenario.find_mitigation(name);
    if (!mitigation) {
      diagnostics.error(
          scenario.file, 0, 0,
          "unknown mitigation '" + name + "'" + core::did_you_mean(name, known) +
              (known.empty() ? "; the scenario defines none" : "; defined: " + core::join(known, ", ")));
      continue;
    }
    for (const auto& change : mitigation->changes) apply_change(scenario, change);
  }
  return diagnostics;
}

}  // namespace blackstart::model
