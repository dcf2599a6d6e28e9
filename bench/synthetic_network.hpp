// Deterministic synthetic three-layer scenario for benchmarks: a regional power grid, a city's
// transport and the SCADA system that controls the grid, under a Ukraine-2015-style attack.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "blackstart/model/scenario.hpp"

namespace blackstart::bench {

struct SyntheticOptions {
  std::size_t assets = 100000;    //!< total assets over the three layers (links come on top); at least 1000
  std::uint64_t seed = 20151223;  //!< drives demand, passengers and attack targets; same seed, same scenario
};

//! How many assets of each kind a network of a given size gets (about 40 % power, 25 % transport,
//! 35 % cyber).
struct SyntheticShape {
  // power
  std::size_t infeeds = 0;
  std::size_t substations_110kv = 0;
  std::size_t substations_35kv = 0;
  std::size_t loads = 0;
  // transport
  std::size_t signal_zones = 0;
  std::size_t trolleybus_lines = 0;
  std::size_t road_segments = 0;
  // cyber: one control centre, one UPS and one call centre besides these
  std::size_t dms = 0;
  std::size_t hmis = 0;
  std::size_t gateways = 0;
  std::size_t substation_rtus = 0;
  std::size_t feeder_rtus = 0;

  [[nodiscard]] std::size_t power_assets() const {
    return infeeds + substations_110kv + substations_35kv + loads;
  }
  [[nodiscard]] std::size_t transport_assets() const {
    return signal_zones + trolleybus_lines + road_segments;
  }
  [[nodiscard]] std::size_t cyber_assets() const {
    return 3 + dms + hmis + gateways + substation_rtus + feeder_rtus;
  }
  [[nodiscard]] std::size_t assets() const { return power_assets() + transport_assets() + cyber_assets(); }
};

//! The shape of a synthetic network with `assets` assets (clamped to at least 1000).
SyntheticShape synthetic_shape(std::size_t assets);

//! Builds the scenario in memory through the model API, exactly `synthetic_shape(assets).assets()`
//! assets.
//!
//! - power: infeeds -> 110 kV substations -> 35 kV substations -> loads (tree), plus a few ties
//!   between neighbouring 110 kV and 35 kV substations; one distribution operator and crew pool
//!   per infeed region.
//! - transport: road segments (degraded when their traffic-signal zone is dark), trolleybus lines
//!   and traffic-signal zones powered from power loads.
//! - cyber: control centre, HMIs, DMS servers, serial gateways and RTUs. Substations and loads need
//!   their RTU for control and monitoring, RTUs their gateway, gateways their DMS, each DMS its
//!   HMI; the control centre runs on a UPS fed from a power load with a 4 h battery.
//! - attack over a 24 h horizon: HMIs compromised, about 2 % of the substations opened in three
//!   waves, firmware of the gateways serving them destroyed, telephone denial of service on the
//!   call centre.
model::Scenario make_synthetic_scenario(const SyntheticOptions& options = {});

//! Writes a scenario as `scenario.yaml` plus one assets/links CSV per layer and `dependencies.csv`
//! into `dir` (created if needed), in the format `io::load_scenario_file` reads. Dependencies with a
//! named backup kind, which the CSV format cannot express, go into the YAML list.
//! Supports what the synthetic generator produces: returns false with `error` set for elements
//! with non-default repair times or positions, and for scenarios with mitigations.
bool write_scenario_folder(const model::Scenario& scenario, const std::filesystem::path& dir,
                           std::string* error);

}  // namespace blackstart::bench
