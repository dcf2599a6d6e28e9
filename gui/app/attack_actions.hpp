#pragma once
#include <vector>

#include "blackstart/model/network.hpp"
#include "blackstart/model/scenario.hpp"

namespace blackstart::gui {

//! The attack actions that mean something for an asset, most typical first: breakers are opened on
//! power equipment, hosts are compromised or wiped, devices lose their firmware, a trolleybus line
//! is damaged or blocked. Where no crew of the scenario can reach the asset, an attack that ends by
//! itself (a denial of service, a breaker operators re-close remotely) comes first, so that the
//! default is not one that is never restored. Restore is not an attack and is never in the list.
std::vector<model::Action> attack_actions_for(const model::Scenario& scenario, model::ElementIndex element);

//! The first of attack_actions_for(), or Trip when there is no asset to go by.
model::Action default_attack_for(const model::Scenario& scenario, model::ElementIndex element);

}  // namespace blackstart::gui
