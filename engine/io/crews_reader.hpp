#pragma once
// `crews:`: field crews per operator, the limited resource of restoration; and the warning when an
// event damages an asset that no crew can ever reach.
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! A list of {operator, count, travel, depot, shift, rest}; one pool per operator. A pool with a
//! `depot` (one transport asset on a road, or a list) is routed over the road network.
//! `depot:` one transport asset, or a list of them; each must be the end of at least one road
//! (`who` names the vehicles in the message: "crews", "fuel trucks").
std::vector<model::ElementIndex> read_depots(YamlReader& yaml, const model::Network& network,
                                             const YAML::Node& node, const std::string& who);

void read_crews(YamlReader& yaml, const YAML::Node& node, model::Scenario& scenario);

//! Warns once per operator when an event damages an asset whose operator has no crews (and no
//! 'default' crews stand in). Skipped when the file has errors, or when `crews: []` says "no crews"
//! on purpose.
void warn_unrepairable_damage(const model::Scenario& scenario, bool crews_declared_empty,
                              core::Diagnostics& diagnostics);

}  // namespace blackstart::io
