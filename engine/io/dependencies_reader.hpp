#pragma once
// `dependencies:` in YAML ("dependent needs supplier"), and the check for cycles of hard dependencies
// that, once broken, can never come back.
#include "blackstart/model/network.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! A list of {dependent, supplier, kind, effect, delay, backup, factor, note}; `dependent` may be a
//! glob or list (one dependency each), `supplier` names exactly one element.
void read_dependencies(YamlReader& yaml, const YAML::Node& node, model::Network& network);

//! Warns about each element on a cycle of hard (effect: fail) dependencies without backup: legal, but
//! a black-start problem.
void warn_dependency_cycles(const model::Network& network, core::Diagnostics& diagnostics);

}  // namespace blackstart::io
