#pragma once
#include <vector>

#include "blackstart/model/network.hpp"
#include "blackstart/model/scenario.hpp"

namespace blackstart::gui {

//! The attack actions that mean something for an asset, most typical first: breakers are opened on
//! power equipment, hosts are compromised or wiped, devices lose their firmware, a trolleybus line
//! is damaged or blocked. Restore is not an attack and is never in the list.
std::vector<model::Action> attack_actions_for(const model::Network& network, model::ElementIndex element);

//! The first of attack_actions_for(), or Trip when there is no asset to go by.
model::Action default_attack_for(const model::Network& network, model::ElementIndex element);

}  // namespace blackstart::gui
