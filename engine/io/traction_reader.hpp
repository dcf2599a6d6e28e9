#pragma once
// `traction:`: electric transport lines as sections fed by traction substations, with signalling
// zones (docs/scenario-format.md, "Traction").
#include "blackstart/model/scenario.hpp"
#include "yaml_reader.hpp"

namespace blackstart::io {

//! `traction: {dark_signals_factor: F, time_lost_per_trip: 30min, lines: [{line: transport/tram-1,
//! dark_signals_factor: F, sections: [{id: S, fed_by: [power/ts-1, ...], signals: Z, through: B}]}]}`.
//! Read after layers: every reference must name an existing asset.
void read_traction(YamlReader& yaml, const YAML::Node& node, const model::Network& network,
                   model::TractionSettings& traction);

}  // namespace blackstart::io
