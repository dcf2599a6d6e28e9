#pragma once
// Electric lines as sections fed by traction substations: which elements a line's service reads,
// and the rule that turns its sections' supply and signals into the share of service it runs.
#include <functional>
#include <vector>

#include "blackstart/model/scenario.hpp"

namespace blackstart::sim {

//! The service a line runs now, and what limits it.
struct LineService {
  double fraction = 1.0;                            //!< 0 stopped, 1 full service
  model::ElementIndex culprit = model::kNoElement;  //!< the dead feeder or dark signal zone that limits it
  bool signals = false;                             //!< the culprit is a signalling zone
};

//! The rule (docs/places-and-roads.md, "Transport that carries consequences"):
//! - a section has power while at least one of its feeders works (single-end feeding carries it);
//!   a section without power gives 0, one whose signalling zone is dark `dark_factor`, else 1;
//! - the line runs the mean over its sections (each an equal share of the route),
//! - but no more than its worst `through` section: a dead through section stops the whole line.
//! `works(x)` says whether element x delivers service now.
LineService line_service(const model::TractionLine& line, double dark_factor,
                         const std::function<bool(model::ElementIndex)>& works);

//! The scenario's traction lines, indexed for the simulation.
class TractionLines {
 public:
  TractionLines(const model::TractionSettings& settings, std::size_t elements);

  //! The line entry of element x, or nullptr when x is not a traction line.
  [[nodiscard]] const model::TractionLine* line_of(model::ElementIndex x) const {
    return line_index_[x] < 0 ? nullptr : &settings_.lines[static_cast<std::size_t>(line_index_[x])];
  }
  //! Lines that read x (as a feeder or a signalling zone): re-evaluate them when x changes.
  [[nodiscard]] const std::vector<model::ElementIndex>& readers_of(model::ElementIndex x) const {
    return readers_[x];
  }
  [[nodiscard]] double dark_factor(const model::TractionLine& line) const {
    return line.dark_signals_factor.value_or(settings_.dark_signals_factor);
  }

 private:
  const model::TractionSettings& settings_;
  std::vector<int> line_index_;
  std::vector<std::vector<model::ElementIndex>> readers_;
};

}  // namespace blackstart::sim
