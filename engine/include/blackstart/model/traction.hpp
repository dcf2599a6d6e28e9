#pragma once
// Electric transport lines as sections fed by traction substations (`traction:` in a scenario).
// The rule that turns the sections' supply and signals into a line's service is in
// engine/sim/traction.cpp; docs/places-and-roads.md ("Transport that carries consequences").
#include <optional>
#include <string>
#include <vector>

#include "blackstart/model/network.hpp"

namespace blackstart::model {

//! A stretch of a line with its own feeding: it has traction power while at least one of
//! `fed_by` works, and its trains run at full rate while its signalling zone (if any) works.
struct TractionSection {
  std::string id;                         //!< unique within its line
  std::vector<ElementIndex> fed_by;       //!< traction substations (power assets), at least one
  ElementIndex signal_zone = kNoElement;  //!< signalling zone it needs, or none (not `signals`: a Qt macro)
  //! Needed for through-running (the trunk, the depot access): without power the whole line stops,
  //! under dark signals the whole line runs at most at the dark-signals factor.
  bool through = false;
  SourceLocation location;
};

//! A line (an asset with passengers_per_hour: tram, trolleybus, metro, electric rail) and its sections.
struct TractionLine {
  ElementIndex line = kNoElement;
  std::vector<TractionSection> sections;
  std::optional<double> dark_signals_factor;  //!< this line's, else TractionSettings'
  SourceLocation location;
};

struct TractionSettings {
  //! Share of a section's service that runs while its signalling zone is dark. ASSUMPTION: trains
  //! run on sight under written orders, block by block, about a quarter of the timetabled rate;
  //! not from a source. 0 stops the section.
  double dark_signals_factor = 0.25;
  //! Time a passenger loses when the trip is not carried (waiting, then another way to travel), in
  //! minutes, to turn trips lost into passenger-hours. ASSUMPTION: 30 min; not from a source.
  double time_lost_per_trip_min = 30.0;
  std::vector<TractionLine> lines;
  SourceLocation location;

  [[nodiscard]] bool empty() const { return lines.empty(); }
};

}  // namespace blackstart::model
