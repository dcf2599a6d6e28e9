#pragma once
// References from dependencies, events and mitigations to elements: full ids, globs or lists of them.
#include <optional>
#include <string>
#include <vector>

#include "blackstart/model/network.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! Resolves an id, a glob or a list of them to elements (sorted, no repeats); reports references
//! that match nothing, with a suggestion. `what` names the reference in messages ("target").
std::vector<model::ElementIndex> read_targets(YamlReader& yaml, const model::Network& network,
                                              const YAML::Node& node, const std::string& what);

//! Like read_targets, but exactly one element.
std::optional<model::ElementIndex> read_single_target(YamlReader& yaml, const model::Network& network,
                                                      const YAML::Node& node, const std::string& what);

}  // namespace blackstart::io
