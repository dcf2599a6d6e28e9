#include "app/attack_actions.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "blackstart/model/asset_types.hpp"

namespace blackstart::gui {

namespace {

using model::Action;

bool is_one_of(std::string_view type, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), type) != names.end();
}

//! True when the scenario has field crews for the asset's operator (or default crews for all): they
//! do every repair that is not remote (the simulator's crew pools).
bool has_crew(const model::Scenario& scenario, const model::Element& e) {
  return scenario.crews.count(e.operator_name) > 0 || scenario.crews.count("default") > 0;
}

//! True when operators can re-close the asset's breakers remotely (it has a control dependency).
bool remotely_switched(const model::Network& network, model::ElementIndex element) {
  return std::any_of(network.dependencies().begin(), network.dependencies().end(),
                     [element](const model::Dependency& d) {
                       return d.dependent == element && d.effect == model::DependencyEffect::LoseControl;
                     });
}

//! True when a dependency of the asset has a battery, UPS or diesel that an attacker can disable.
bool has_backup(const model::Network& network, model::ElementIndex element) {
  return std::any_of(
      network.dependencies().begin(), network.dependencies().end(),
      [element](const model::Dependency& d) { return d.dependent == element && d.backup_min; });
}

std::vector<Action> power_actions(const model::Element& e) {
  // Generators trip on protection; everything else is switched off by its breakers.
  if (e.role == model::Role::Source) return {Action::Trip, Action::OpenBreaker, Action::Damage};
  return {Action::OpenBreaker, Action::Trip, Action::Damage};
}

std::vector<Action> transport_actions(const model::Element& e) {
  if (!e.is_link && e.type == "traction_substation")
    return {Action::OpenBreaker, Action::Trip, Action::Damage};
  if (!e.is_link && e.type == "traffic_signal_zone")
    return {Action::Damage, Action::Compromise, Action::DenyService};
  // Lines, segments, stations, roads and rails carry passengers: they are damaged or blocked.
  return {Action::Damage, Action::DenyService};
}

std::vector<Action> cyber_actions(const model::Element& e) {
  if (e.is_link) return {Action::DenyService, Action::Damage};
  if (e.type == "telephony" || e.type == "call_centre")
    return {Action::DenyService, Action::Compromise, Action::Wipe, Action::Damage};
  if (is_one_of(e.type, {"control_centre", "scada_server", "ems", "dms", "hmi", "workstation", "historian",
                         "domain_controller"}))
    return {Action::Compromise, Action::Wipe, Action::DenyService, Action::Damage};
  // Embedded devices: gateways, RTUs, field devices, network gear, UPS.
  return {Action::Compromise, Action::DestroyFirmware, Action::DenyService, Action::Damage};
}

}  // namespace

std::vector<Action> attack_actions_for(const model::Scenario& scenario, model::ElementIndex element) {
  const model::Network& network = scenario.network;
  std::vector<Action> every{
      Action::OpenBreaker,     Action::Trip, Action::Damage,      Action::Compromise,
      Action::DestroyFirmware, Action::Wipe, Action::DenyService, Action::DisableBackup};
  if (element == model::kNoElement || element >= network.size()) return every;
  const model::Element& e = network.element(element);
  auto kind = network.layers()[e.layer].kind;
  if (kind == model::LayerKind::Other)
    // A user-named layer: the type registry says which layer kind the asset's type belongs to.
    for (auto k : {model::LayerKind::Power, model::LayerKind::Transport, model::LayerKind::Cyber})
      if (const auto* spec = model::AssetTypeRegistry::builtin().find_type(k, e.type, e.is_link);
          spec && spec->layer == k) {
        kind = k;
        break;
      }
  std::vector<Action> actions;
  switch (kind) {
    case model::LayerKind::Power:
      actions = power_actions(e);
      break;
    case model::LayerKind::Transport:
      actions = transport_actions(e);
      break;
    case model::LayerKind::Cyber:
      actions = cyber_actions(e);
      break;
    case model::LayerKind::Other:
      return every;  // a type the registry does not know: every action may make sense
  }
  if (has_backup(network, element)) actions.push_back(Action::DisableBackup);
  if (!has_crew(scenario, e)) {
    // Nobody would repair the asset: lead with an attack that ends by itself, if one applies.
    const auto ends_by_itself = [&](Action a) {
      return a == Action::DenyService ||
             ((a == Action::OpenBreaker || a == Action::Trip) && remotely_switched(network, element));
    };
    std::stable_partition(actions.begin(), actions.end(), ends_by_itself);
  }
  return actions;
}

Action default_attack_for(const model::Scenario& scenario, model::ElementIndex element) {
  if (element == model::kNoElement || element >= scenario.network.size()) return Action::Trip;
  return attack_actions_for(scenario, element).front();
}

}  // namespace blackstart::gui
